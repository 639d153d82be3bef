import { healthcheckFromGoStruct } from './healthcheck-text.js';

const INSTRUCTIONS: ReadonlySet<string> = new Set([
  'ADD',
  'ARG',
  'CMD',
  'COPY',
  'ENTRYPOINT',
  'ENV',
  'EXPOSE',
  'FROM',
  'HEALTHCHECK',
  'LABEL',
  'MAINTAINER',
  'ONBUILD',
  'RUN',
  'SHELL',
  'STOPSIGNAL',
  'USER',
  'VOLUME',
  'WORKDIR',
]);

/** `/bin/sh -c `, `/bin/bash -o pipefail -c `, `sh -ec `, and Windows' `cmd /S /C `. */
const SHELL_PREFIX =
  /^(?:(?:\S*\/)?(?:ba|da|a|z|k)?sh(?:\s+-o\s+\S+|\s+-[a-zA-Z]*[abd-zA-Z])*\s+-[a-zA-Z]*c\s+|cmd\s+\/S\s+\/C\s+)/;
const SHELL_START =
  /(?:\S*\/)?(?:ba|da|a|z|k)?sh(?:\s+-o\s+\S+|\s+-[a-zA-Z]*[abd-zA-Z])*\s+-[a-zA-Z]*c\s|cmd\s+\/S\s+\/C\s/;
/** Classic Docker and buildah mark non-RUN steps with a no-op shell command. */
const NOP = /^(?:(?:\S*\/)?(?:ba|da|a|z|k)?sh\s+-c|cmd\s+\/S\s+\/C)\s+#\(nop\)\s*/;
const BUILDKIT_SUFFIX = /\s+# buildkit$/;

/**
 * The command of a RUN step without the build-arg prefix (`|2 A=1 B=2 `) and the shell that
 * ran it (`/bin/sh -c `). Leading `--mount=...` style flags are kept.
 */
function stripShell(command: string): string {
  const flags = /^((?:--\S+\s+)*)(.*)$/s.exec(command);
  let flagText = flags?.[1] ?? '';
  let rest = flags?.[2] ?? command;
  const args = /^\|\d+\s+/.exec(rest);
  if (args) {
    const afterCount = rest.slice(args[0].length);
    const shell = SHELL_START.exec(afterCount);
    rest = shell ? afterCount.slice(shell.index) : afterCount;
  }
  rest = rest.replace(SHELL_PREFIX, '');
  if (flagText !== '' && rest === '') flagText = flagText.trimEnd();
  return flagText + rest;
}

function goList(text: string): string[] | undefined {
  const match = /^(?:map)?\[(.*)\]$/s.exec(text.trim());
  return match ? (match[1] as string).split(/\s+/).filter(Boolean) : undefined;
}

/** Docker writes exec forms Go-style, `["nginx" "-g" "daemon off;"]`; the Dockerfile wants JSON. */
function execFormAsJson(rest: string): string {
  if (!/^\[\s*(?:"(?:[^"\\]|\\.)*"[\s,]*)*\]$/s.test(rest)) return rest;
  const items = [...rest.matchAll(/"(?:[^"\\]|\\.)*"/g)].map((m) => {
    try {
      return JSON.parse(m[0]) as string;
    } catch {
      return m[0].slice(1, -1);
    }
  });
  return JSON.stringify(items);
}

function normalise(keyword: string, rest: string, classic: boolean): string {
  switch (keyword) {
    case 'CMD':
    case 'ENTRYPOINT':
    case 'SHELL':
      return `${keyword} ${execFormAsJson(rest)}`;
    case 'RUN':
      return `RUN ${stripShell(rest)}`;
    case 'ADD':
    case 'COPY': {
      // Classic Docker writes `ADD file:<sha> in /dest`; the Dockerfile form has no `in`.
      const match = /^((?:--\S+\s+)*)(\S+(?:\s+\S+)*?)\s+in\s+(\S.*?)\s*$/s.exec(rest);
      if (match && (classic || /^(?:file|dir|multi):/.test(match[2] as string))) {
        return `${keyword} ${match[1] ?? ''}${match[2]} ${match[3]}`;
      }
      return `${keyword} ${rest}`;
    }
    case 'EXPOSE': {
      // Older Docker wrote `EXPOSE map[8080/tcp:{} 443/tcp:{}]`.
      const ports = rest.startsWith('map[') ? goList(rest) : undefined;
      return ports ? `EXPOSE ${ports.map((p) => p.replace(/:\{\}$/, '')).join(' ')}` : `EXPOSE ${rest}`;
    }
    case 'VOLUME': {
      // Docker writes `VOLUME [/var/lib/mysql]`, which is not the JSON form.
      const volumes = rest.startsWith('["') ? undefined : goList(rest);
      return volumes ? `VOLUME ${volumes.join(' ')}` : `VOLUME ${rest}`;
    }
    case 'HEALTHCHECK':
      return healthcheckFromGoStruct(rest) ?? `HEALTHCHECK ${rest}`;
    default:
      return rest === '' ? keyword : `${keyword} ${rest}`;
  }
}

function splitKeyword(text: string): [string, string] | undefined {
  const match = /^([A-Z]+)(?:\s+(.*))?$/s.exec(text);
  if (!match || !INSTRUCTIONS.has(match[1] as string)) return undefined;
  return [match[1] as string, (match[2] ?? '').trim()];
}

/**
 * One Dockerfile instruction from a history entry's `created_by`, whichever builder wrote it:
 * classic Docker and buildah (`/bin/sh -c #(nop)  CMD ["bash"]`, `/bin/sh -c apt-get update`,
 * `|2 A=1 B=2 /bin/sh -c make`), BuildKit (`RUN /bin/sh -c make # buildkit`), kaniko (`RUN make`).
 * Free text (umoci, hand-made images) is kept verbatim after `RUN`. Empty text gives `''`.
 */
export function instructionFromCreatedBy(createdBy: string): string {
  let text = createdBy.trim();
  if (text === '') return '';
  text = text.replace(BUILDKIT_SUFFIX, '').trim();

  const nop = NOP.exec(text);
  if (nop) {
    const rest = text.slice(nop[0].length).trim();
    const parts = splitKeyword(rest);
    return parts ? normalise(parts[0], parts[1], true) : `RUN ${text}`;
  }
  const parts = splitKeyword(text);
  if (parts) return normalise(parts[0], parts[1], false);
  if (text.startsWith('|') || SHELL_PREFIX.test(text)) return `RUN ${stripShell(text)}`;
  return `RUN ${text}`;
}
