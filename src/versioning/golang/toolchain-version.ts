import { compareDigits, type GoVersion } from './module-version.js';

/**
 * Go toolchain and language versions (`go1.21.3`, `go1.21rc2`, `1.20`), ordered as the go
 * command orders them: `1.20rc1 < 1.20 = 1.20.0`, and from Go 1.21 on, where `1.21` names the
 * language, `1.21 < 1.21rc1 < 1.21.0`. They map onto module-version precedence: a prerelease
 * `1.21rc2` becomes `1.21.0-rc.2` (as vulnerability feeds write it) and the language version
 * `1.21` becomes `1.21.0-0`, below every prerelease of 1.21.0.
 */
const TOOLCHAIN =
  /^(?:go)?(0|[1-9][0-9]*)(?:\.(0|[1-9][0-9]*)(?:\.(0|[1-9][0-9]*)|([a-z]+)(0|[1-9][0-9]*)?)?)?$/;

/** First Go minor version whose bare `1.N` names the language rather than the release `1.N.0`. */
const LANGUAGE_VERSIONS_FROM = '21';

/**
 * Reads a toolchain version. `go`-prefixed text is always read here; bare text only when it is
 * no module version (`1.21rc2`), since bare `1.21` in feed data means the module version 1.21.0.
 */
export function parseToolchainVersion(text: string): GoVersion | undefined {
  const match = TOOLCHAIN.exec(text);
  if (!match) return undefined;
  const [, major, minor, patch, kind, pre] = match;
  if (minor === undefined) return { major: major as string, minor: '0', patch: '0', prerelease: [] };
  if (kind !== undefined) {
    return {
      major: major as string,
      minor,
      patch: '0',
      prerelease: pre === undefined ? [kind] : [kind, pre],
    };
  }
  if (patch !== undefined) return { major: major as string, minor, patch, prerelease: [] };
  const language = compareDigits(minor, LANGUAGE_VERSIONS_FROM) >= 0;
  return { major: major as string, minor, patch: '0', prerelease: language ? ['0'] : [] };
}
