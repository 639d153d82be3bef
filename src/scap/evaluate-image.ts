import { UsageError } from '../errors/index.js';
import { indexImage } from '../resolver/index-image.js';
import type { ProgressListener } from '../resolver/progress.js';
import { openSource, sbomSourcePath } from '../source/open-source.js';
import type { OpenedImage, SourceOptions } from '../source/types.js';
import { loadScapContent, type LoadOptions, type ScapContent } from './content/load-content.js';
import { environmentOf, machineOf } from './image/image-system.js';
import { literalPaths } from './image/literal-paths.js';
import { TreeSystem } from './system.js';
import type { XccdfProfile } from './xccdf/benchmark.js';
import { evaluateBenchmark, type BenchmarkEvaluation } from './xccdf/evaluate-benchmark.js';
import { findProfile } from './xccdf/profile.js';
import { loadTailoring } from './xccdf/tailoring.js';

/** The most passes over the layers one evaluation makes (each reads contents the last one found it needs). */
const MAX_PASSES = 5;
/** The most file content one evaluation holds at once; files past it make their objects errors. */
export const MAX_HELD_BYTES = 256 * 1024 * 1024;

export interface ScapOptions extends SourceOptions, LoadOptions {
  /** A profile id (or the suffix after `_profile_`); the benchmark's defaults when absent. */
  profile?: string;
  /** An XCCDF tailoring file whose profiles join (and override) the benchmark's. */
  tailoring?: string;
  onProgress?: ProgressListener;
  now?: Date;
}

export interface ScapEvaluation extends BenchmarkEvaluation {
  target: { reference: string; type: string; digest?: string };
  content: { path: string; dataStreamId?: string; benchmarkRef?: string };
  startTime: string;
  endTime: string;
  /** How many times the layers were read (1 + one per round of newly needed contents). */
  passes: number;
  /** How many file contents the OVAL probes read. */
  filesRead: number;
}

/** Loads content, tailoring and profile, so that a bad argument fails before any layer is read. */
export async function prepareScap(
  contentPath: string,
  options: ScapOptions = {},
): Promise<{ content: ScapContent; profile?: XccdfProfile; profiles: Map<string, XccdfProfile> }> {
  const content = await loadScapContent(contentPath, options);
  const profiles = new Map(content.benchmark.profiles);
  if (options.tailoring) for (const [id, p] of await loadTailoring(options.tailoring)) profiles.set(id, p);
  const profile = options.profile !== undefined ? findProfile(profiles, options.profile) : undefined;
  return { content, ...(profile ? { profile } : {}), profiles };
}

/**
 * Evaluates an XCCDF benchmark (a data stream or an XCCDF file with its OVAL) against an image,
 * straight from its layers: each pass streams the layers once, keeping the file tree and the
 * contents of only the files the OVAL objects named so far; when the evaluation finds it needs
 * more (files found by patterns, paths computed from other files), another pass reads those.
 * Nothing is extracted, and no content but the wanted files' is held.
 */
export async function evaluateScapImage(
  source: string,
  contentPath: string,
  options: ScapOptions = {},
): Promise<ScapEvaluation> {
  if (sbomSourcePath(source) !== undefined)
    throw new UsageError('an SBOM has no filesystem to evaluate SCAP content against');
  const prepared = await prepareScap(contentPath, options);
  const image = await openSource(source, options);
  try {
    return await evaluateOpened(image, contentPath, prepared, options);
  } finally {
    await image.close();
  }
}

async function evaluateOpened(
  image: OpenedImage,
  contentPath: string,
  prepared: Awaited<ReturnType<typeof prepareScap>>,
  options: ScapOptions,
): Promise<ScapEvaluation> {
  const start = options.now ?? new Date();
  const wanted = literalPaths(prepared.content.oval.values());
  const environment = environmentOf(image.config);
  const machine = machineOf(image.config);
  let passes = 0;
  let held = 0;
  const refused = new Set<string>();
  let files: Awaited<ReturnType<typeof indexImage>> | undefined;
  for (;;) {
    if (!files) {
      passes++;
      files = await indexImage(image, {
        wants: (path) => wanted.has(path),
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      });
    }
    const view = files.squashed;
    const last = passes >= MAX_PASSES;
    const system = TreeSystem.of(
      view.find(() => true),
      (r) => view.content(r),
      // On the last pass a content not at hand is an error of its object, never an empty file.
      (r) =>
        view.contentProblem(r) ??
        (refused.has(r.path)
          ? `reading it would hold more than ${MAX_HELD_BYTES / 1024 / 1024} MiB of file contents`
          : last && !view.content(r)
            ? 'its content was not read'
            : undefined),
      environment,
      machine,
    );
    const evaluation = evaluateBenchmark(prepared.content, system, {
      ...(prepared.profile ? { profile: prepared.profile } : {}),
      profiles: prepared.profiles,
    });
    const fresh = [...system.needed].filter((p) => !wanted.has(p) && !refused.has(p));
    if (fresh.length === 0 || last) {
      const digest = image.source.manifestDigest ?? image.source.configDigest;
      return {
        ...evaluation,
        target: { reference: image.source.reference, type: image.source.type, ...(digest ? { digest } : {}) },
        content: {
          path: contentPath,
          ...(prepared.content.dataStreamId ? { dataStreamId: prepared.content.dataStreamId } : {}),
          ...(prepared.content.benchmarkRef ? { benchmarkRef: prepared.content.benchmarkRef } : {}),
        },
        startTime: start.toISOString(),
        endTime: (options.now ?? new Date()).toISOString(),
        passes,
        filesRead: [...wanted].filter((p) => view.lookup(p) !== undefined).length,
      };
    }
    let added = false;
    for (const p of fresh) {
      const size = view.lookup(p)?.size ?? 0;
      if (held + size > MAX_HELD_BYTES) refused.add(p);
      else {
        held += size;
        wanted.add(p);
        added = true;
      }
    }
    // Only refusals: evaluate again on the same read, with those files' objects in error.
    if (added) files = undefined;
  }
}
