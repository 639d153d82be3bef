import type { GateContext } from '../types.js';

/** One Dockerfile instruction: its keyword upper-cased and its argument text. */
export interface DockerfileInstruction {
  instruction: string;
  args: string;
  /** 1-based line where the instruction starts. */
  line: number;
}

export const DOCKERFILE_INSTRUCTIONS = [
  'ADD',
  'ARG',
  'COPY',
  'CMD',
  'ENTRYPOINT',
  'ENV',
  'EXPOSE',
  'FROM',
  'HEALTHCHECK',
  'LABEL',
  'MAINTAINER',
  'ONBUILD',
  'USER',
  'RUN',
  'SHELL',
  'STOPSIGNAL',
  'VOLUME',
  'WORKDIR',
] as const;

/**
 * Splits Dockerfile text into instructions: comments and blank lines are skipped, a line ending
 * in a backslash continues on the next (comment lines inside a continuation are dropped, as
 * Docker does). Heredoc bodies are not understood: their lines read as instructions only when
 * they start with a keyword-like word, which is harmless for the checks made here.
 */
export function parseDockerfile(text: string): DockerfileInstruction[] {
  const result: DockerfileInstruction[] = [];
  const lines = text.split(/\r?\n/);
  let start = 0;
  let parts: string[] = [];
  const finish = (): void => {
    const match = /^(\S+)\s*(.*)$/s.exec(parts.join(' '));
    if (match?.[1])
      result.push({ instruction: match[1].toUpperCase(), args: (match[2] ?? '').trim(), line: start });
    parts = [];
    start = 0;
  };
  for (let index = 0; index < lines.length; index++) {
    const trimmed = (lines[index] ?? '').trim();
    if (trimmed.startsWith('#') || (trimmed === '' && start === 0)) continue;
    const continues = trimmed.endsWith('\\');
    const part = continues ? trimmed.slice(0, -1).trim() : trimmed;
    if (start === 0) start = index + 1;
    if (part !== '') parts.push(part);
    if (!continues) finish();
  }
  if (start !== 0) finish();
  return result;
}

/** Whether the user supplied a Dockerfile (Anchore's "Actual" mode) rather than only history. */
export function hasActualDockerfile(context: GateContext): boolean {
  return context.dockerfile !== undefined && context.dockerfile.trim() !== '';
}

/**
 * The instructions to check: the supplied Dockerfile's when there is one, else the reconstruction
 * from the image history (none for a directory source).
 */
export function dockerfileInstructions(context: GateContext): DockerfileInstruction[] {
  const text = hasActualDockerfile(context) ? context.dockerfile : context.sbom.image?.dockerfile;
  return typeof text === 'string' ? parseDockerfile(text) : [];
}
