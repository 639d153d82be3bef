import { Option } from 'commander';
import { UsageError } from '../errors/index.js';

export interface OutputTarget {
  format: string;
  /** A file to write; undefined means standard output. */
  file?: string;
}

/** Reads repeated `-o FORMAT` / `-o FORMAT=FILE`; at most one target may be standard output. */
export function parseOutputTargets(values: string[], fallback: string): OutputTarget[] {
  const targets = (values.length ? values : [fallback])
    .flatMap((v) => v.split(','))
    .map((value): OutputTarget => {
      const eq = value.indexOf('=');
      if (eq < 0) return { format: value.trim() };
      const file = value.slice(eq + 1).trim();
      if (!file) throw new UsageError(`-o ${value}: missing file name after "="`);
      return { format: value.slice(0, eq).trim(), file };
    });
  if (targets.filter((t) => !t.file).length > 1) {
    throw new UsageError(
      'only one output can go to standard output; write the others to files with -o FORMAT=FILE',
    );
  }
  return targets;
}

/** `-o FORMAT[=FILE]`, repeatable, naming the formats a command can write. */
export function outputTargetsOption(formats: readonly { name: string }[]): Option {
  return new Option(
    '-o, --output <format[=file]>',
    `output format: ${formats.map((f) => f.name).join(', ')}; FORMAT=FILE writes a file (repeatable)`,
  )
    .argParser((value: string, previous: string[]) => [...previous, value])
    .default([] as string[]);
}
