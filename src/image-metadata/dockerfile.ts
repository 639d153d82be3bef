import type { ImageConfigSummary } from '../model/image.js';
import type { HistoryEntry } from '../source/oci-types.js';
import { instructionFromCreatedBy } from './created-by.js';
import { healthcheckFromConfig } from './healthcheck-text.js';

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

function shellValue(value: string): string {
  return /^[\w./:@%+,-]*$/.test(value) && value !== '' ? value : JSON.stringify(value);
}

/** Instructions the config implies, for an image without history (e.g. built by umoci). */
function instructionsFromConfig(config: ImageConfigSummary): string[] {
  const lines: string[] = [];
  for (const entry of config.env) {
    const eq = entry.indexOf('=');
    if (eq > 0) lines.push(`ENV ${entry.slice(0, eq)}=${shellValue(entry.slice(eq + 1))}`);
  }
  for (const [key, value] of Object.entries(config.labels))
    lines.push(`LABEL ${shellValue(key)}=${JSON.stringify(value)}`);
  if (config.workingDir) lines.push(`WORKDIR ${config.workingDir}`);
  if (config.user) lines.push(`USER ${config.user}`);
  if (config.exposedPorts.length > 0) lines.push(`EXPOSE ${config.exposedPorts.join(' ')}`);
  if (config.volumes.length > 0) lines.push(`VOLUME ${JSON.stringify(config.volumes)}`);
  if (config.healthcheck) lines.push(healthcheckFromConfig(config.healthcheck));
  if (config.stopSignal) lines.push(`STOPSIGNAL ${config.stopSignal}`);
  if (config.entrypoint) lines.push(`ENTRYPOINT ${JSON.stringify(config.entrypoint)}`);
  if (config.cmd) lines.push(`CMD ${JSON.stringify(config.cmd)}`);
  return lines;
}

/**
 * A Dockerfile reconstructed from the image history, one instruction per entry (entries without
 * `created_by` become a comment). Without history, a comment says so and the instructions the
 * config implies follow, so USER, HEALTHCHECK and the like still show.
 */
export function reconstructDockerfile(history: HistoryEntry[], config: ImageConfigSummary): string {
  if (history.length === 0) {
    const derived = instructionsFromConfig(config);
    const header =
      derived.length > 0
        ? '# No build history in the image config; the instructions below are derived from its settings.'
        : '# No build history in the image config.';
    return [header, ...derived].join('\n') + '\n';
  }
  const lines = history.map((entry) => {
    const instruction = instructionFromCreatedBy(entry.created_by ?? '');
    if (instruction !== '') return instruction;
    const comment = entry.comment ? oneLine(entry.comment) : '';
    return comment ? `# ${comment}` : '# (history entry without created_by)';
  });
  return lines.join('\n') + '\n';
}
