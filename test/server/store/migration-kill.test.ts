// SIGKILL during a migration: a real child process migrates a store holding many evaluations
// from schema 6 to the newest (7 fills every evaluation's summary from its result; later steps run in the same transaction), and is killed
// at fractions of the time the whole migration takes. After every kill the database is at 6 with
// nothing of 7 (no summary columns, every evaluation there); a run left to finish then migrates it
// fully. Both backends.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  MIGRATIONS,
  migrate,
  openDriver,
  type ServiceStoreOptions,
} from '../../../src/server/store/index.js';
import { serviceStoreBackends } from '../../helpers/service-store-backends.js';

const DIST_STORE = pathToFileURL(
  fileURLToPath(new URL('../../../dist/server/store/index.js', import.meta.url)),
).href;

const CHILD = `
const { openDriver, migrate, MIGRATIONS } = await import(process.env.STORE_MODULE);
const driver = openDriver(JSON.parse(process.env.STORE_OPTIONS));
process.stdout.write('migrating\\n');
await migrate(driver, MIGRATIONS);
process.stdout.write('migrated\\n');
await driver.close();
`;

const EVALUATIONS = 40_000;
const NEWEST = MIGRATIONS.length;
// Kills at these fractions of the time an uninterrupted migration of the same data takes.
const KILL_AT = [0.1, 0.2, 0.3, 0.4, 0.5];
const RESULT = JSON.stringify({
  finalAction: 'stop',
  finalActionReason: 'policy_evaluation',
  grade: { grade: 'B' },
  findings: [
    { gate: 'always', trigger: 'always', action: 'warn' },
    { gate: 'dockerfile', trigger: 'exposed_ports', action: 'stop' },
  ],
});

const { sqlite, postgres } = await serviceStoreBackends();

async function seedAtVersion6(options: ServiceStoreOptions): Promise<void> {
  const driver = openDriver(options);
  await migrate(driver, MIGRATIONS, 6);
  await driver.query(`INSERT INTO accounts (id, name, role, created_at) VALUES ('a', 'a', 'user', 'now')`);
  const series =
    driver.dialect === 'sqlite'
      ? `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${EVALUATIONS}) SELECT i FROM n`
      : `SELECT i FROM generate_series(1, ${EVALUATIONS}) AS s (i)`;
  await driver.query(
    `INSERT INTO evaluations (id, account_id, digest, tag, policy_id, final_action, result, feed_state, evaluated_at)
     SELECT 'e' || i, 'a', 'sha256:d', 'r/app:1', 'p', 'stop', $1, 'f', 'now' FROM (${series}) AS t`,
    [RESULT],
  );
  await driver.close();
}

/** The schema version, and whether what 7 adds is there and complete. */
async function state(
  options: ServiceStoreOptions,
): Promise<{ version: number; evaluations: number; summarised?: number }> {
  const driver = openDriver(options);
  try {
    const { rows } = await driver.query<{ v: number | string | null }>(
      'SELECT max(version) AS v FROM schema_migrations',
    );
    const version = Number(rows[0]?.v ?? 0);
    const count = await driver.query<{ n: number | string }>('SELECT count(*) AS n FROM evaluations');
    const evaluations = Number(count.rows[0]!.n);
    const columns =
      driver.dialect === 'sqlite'
        ? (await driver.query<{ name: string }>(`SELECT name FROM pragma_table_info('evaluations')`)).rows
        : (
            await driver.query<{ name: string }>(
              `SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'evaluations' AND table_schema = current_schema()`,
            )
          ).rows;
    if (!columns.some((c) => c.name === 'grade')) return { version, evaluations };
    const filled = await driver.query<{ n: number | string }>(
      `SELECT count(*) AS n FROM evaluations WHERE grade = 'B' AND decisive_gate = 'dockerfile' AND decisive_trigger = 'exposed_ports'`,
    );
    return { version, evaluations, summarised: Number(filled.rows[0]!.n) };
  } finally {
    await driver.close();
  }
}

/**
 * Runs the migrating child; kills it `afterMs` after it starts migrating (undefined: lets it end).
 * Gives how it ended and how long it migrated.
 */
async function runChild(
  options: ServiceStoreOptions,
  afterMs?: number,
): Promise<{ how: 'killed' | 'finished'; ms: number }> {
  const child = spawn(process.execPath, ['--input-type=module', '-e', CHILD], {
    env: { ...process.env, STORE_MODULE: DIST_STORE, STORE_OPTIONS: JSON.stringify(options) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let started = 0;
  let migratedAt = 0;
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const closed = once(child, 'close');
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('migrated') && migratedAt === 0) migratedAt = performance.now();
      if (stdout.includes('migrating')) resolve();
    });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`child failed: ${stderr}`))));
  });
  started = performance.now();
  if (afterMs !== undefined) setTimeout(() => child.kill('SIGKILL'), afterMs);
  const [code, signal] = (await closed) as [number | null, string | null];
  // The migration's own time: from the start line to the line after migrate() returned.
  const ms = (migratedAt || performance.now()) - started;
  if (signal === 'SIGKILL') return { how: 'killed', ms };
  expect(code, stderr).toBe(0);
  return { how: stdout.includes('migrated') ? 'finished' : 'killed', ms };
}

describe.each([sqlite, ...(postgres ? [postgres] : [])])('a migration killed part-way: $name', (backend) => {
  it('leaves schema 6 untouched (or 7 complete), and a later run completes it', async () => {
    // How long the whole migration takes here, on a copy of the same data.
    const timing = await backend.freshOptions();
    await seedAtVersion6(timing);
    const full = await runChild(timing);
    expect(full.how).toBe('finished');
    const options = await backend.freshOptions();
    await seedAtVersion6(options);
    const outcomes: string[] = [];
    let inside = 0;
    for (const fraction of KILL_AT) {
      const afterMs = Math.round(full.ms * fraction);
      const { how } = await runChild(options, afterMs);
      const after = await state(options);
      outcomes.push(`${afterMs} of ${Math.round(full.ms)} ms: ${how}, version ${after.version}`);
      if (after.version === NEWEST) {
        // A kill that came after the commit (a slower machine timed the full run): 7, complete.
        expect(after).toEqual({ version: NEWEST, evaluations: EVALUATIONS, summarised: EVALUATIONS });
        break;
      }
      // Killed inside the migration's transaction: nothing of 7, every evaluation kept.
      expect(how, outcomes.join('; ')).toBe('killed');
      expect(after).toEqual({ version: 6, evaluations: EVALUATIONS });
      inside++;
    }
    expect(inside, outcomes.join('; ')).toBeGreaterThanOrEqual(2);
    if ((await state(options)).version === 6)
      expect(await runChild(options)).toMatchObject({ how: 'finished' });
    expect(await state(options)).toEqual({
      version: NEWEST,
      evaluations: EVALUATIONS,
      summarised: EVALUATIONS,
    });
  }, 300_000);
});
