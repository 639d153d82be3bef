import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * Work files of a sync are named `customs-sync-<pid>-…` in a folder the caller chooses (the
 * CLI: beside the database, in the user cache), so a run killed with SIGKILL leaves them where
 * the next run finds them and removes them: those of processes that are no longer alive.
 */
const PREFIX = 'customs-sync-';
const OWNED = /^customs-sync-(\d+)-/;

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The name of a work file or folder this process owns in `parent`. */
export function workName(parent: string, suffix: string): string {
  return path.join(parent, `${PREFIX}${process.pid}-${suffix}`);
}

/** Removes what killed runs left in `parent`; returns the names removed. */
export async function removeStaleWork(parent: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(parent);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const pid = OWNED.exec(name)?.[1];
    if (pid === undefined || alive(Number(pid))) continue;
    await rm(path.join(parent, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

/** A fresh work folder of this process in `parent` (created when missing). */
export async function makeWorkDir(parent: string): Promise<string> {
  await mkdir(parent, { recursive: true });
  return mkdtemp(workName(parent, 'work-'));
}
