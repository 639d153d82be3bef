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
  const describe = progressText();
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

/**
 * The line to show after each event. Layers read at once send their events interleaved: while
 * more than one is being read the line names them all (`reading layers 2, 3/7: 1,024 files`)
 * instead of jumping between them.
 */
export function progressText(): (event: ProgressEvent) => string | undefined {
  const reading = new Map<number, number>();
  const files = (n: number): string => `${n.toLocaleString('en-US')} files`;
  const several = (total: number): string => {
    const names = [...reading.keys()].sort((a, b) => a - b).map((i) => i + 1);
    const count = [...reading.values()].reduce((a, b) => a + b, 0);
    return `reading ${names.length > 1 ? 'layers' : 'layer'} ${names.join(', ')}/${total}: ${files(count)}`;
  };
  return (event) => {
    switch (event.kind) {
      case 'layer-start':
        reading.set(event.index, 0);
        return reading.size > 1
          ? several(event.total)
          : `reading layer ${event.index + 1}/${event.total} (${formatBytes(event.size)})`;
      case 'layer-progress':
        reading.set(event.index, event.entries);
        return reading.size > 1
          ? several(event.total)
          : `reading layer ${event.index + 1}/${event.total}: ${files(event.entries)}`;
      case 'layer-done':
        reading.delete(event.index);
        return reading.size > 0
          ? several(event.total)
          : `read layer ${event.index + 1}/${event.total}: ${files(event.entries)}`;
      default:
        return describe(event);
    }
  };
}

function describe(event: ProgressEvent): string | undefined {
  switch (event.kind) {
    case 'source-opened':
      return `${event.reference}: ${event.layers} layer(s), ${formatBytes(event.totalBytes)}`;
    case 'layer-start':
    case 'layer-progress':
    case 'layer-done':
      return undefined;
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
