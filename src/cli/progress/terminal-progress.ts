import type { ProgressEvent, ProgressListener } from '../../resolver/progress.js';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/**
 * A one-line progress display on a terminal's stderr, redrawn in place and erased at the end.
 * Returns undefined when stderr is not a terminal: piped runs get no progress noise.
 */
export function terminalProgress(
  stream: NodeJS.WriteStream = process.stderr,
): { listener: ProgressListener; stop(): void } | undefined {
  if (!stream.isTTY) return undefined;
  let frame = 0;
  let text = 'opening image';
  let drawn = false;
  const draw = (): void => {
    const width = Math.max(20, (stream.columns ?? 80) - 1);
    const line = `${FRAMES[frame++ % FRAMES.length]} ${text}`;
    stream.write(`\r\x1b[2K${line.length > width ? line.slice(0, width - 1) + '…' : line}`);
    drawn = true;
  };
  const timer = setInterval(draw, 100);
  timer.unref();
  const listener = (event: ProgressEvent): void => {
    text = describe(event) ?? text;
  };
  return {
    listener,
    stop: () => {
      clearInterval(timer);
      if (drawn) stream.write('\r\x1b[2K');
    },
  };
}

function describe(event: ProgressEvent): string | undefined {
  switch (event.kind) {
    case 'source-opened':
      return `${event.reference}: ${event.layers} layer(s), ${formatBytes(event.totalBytes)}`;
    case 'layer-start':
      return `reading layer ${event.index + 1}/${event.total} (${formatBytes(event.size)})`;
    case 'layer-progress':
      return `reading layer ${event.index + 1}/${event.total}: ${event.entries.toLocaleString('en-US')} files`;
    case 'layer-done':
      return `read layer ${event.index + 1}/${event.total}: ${event.entries.toLocaleString('en-US')} files`;
    case 'cataloging':
      return `cataloging: ${event.cataloger}`;
    case 'done':
      return 'done';
  }
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}
