/** One paragraph (stanza) of a deb822 file: field names lower-cased, values as written. */
export interface Deb822Paragraph {
  fields: Map<string, string>;
  /** 1-based line number where the paragraph starts. */
  line: number;
  /** 1-based numbers of lines that were neither a field, a continuation nor a comment. */
  malformed: number[];
}

export interface Deb822Document {
  paragraphs: Deb822Paragraph[];
  /** False when the text has no single `Name: value` line, or holds NUL bytes. */
  isDeb822: boolean;
}

const FIELD = /^([A-Za-z0-9][A-Za-z0-9_.+-]*):(.*)$/;

/**
 * Splits deb822 text (dpkg's status file, status.d entries, control files) into paragraphs.
 * Paragraphs are separated by blank or whitespace-only lines; a line starting with a space or tab
 * continues the previous field (its value gains a newline and the line without its first blank;
 * ` .` stands for an empty line). CRLF line ends and a missing final newline are fine. Never
 * throws: what it cannot read it records as `malformed` lines and goes on.
 */
export function parseDeb822(text: string): Deb822Document {
  if (text.includes('\u0000')) return { paragraphs: [], isDeb822: false };
  const lines = text.split('\n');
  const paragraphs: Deb822Paragraph[] = [];
  let current: Deb822Paragraph | undefined;
  let lastField: string | undefined;
  let fieldCount = 0;

  lines.forEach((raw, index) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const lineNo = index + 1;
    if (line.trim() === '') {
      current = undefined;
      lastField = undefined;
      return;
    }
    if (line.startsWith('#')) return;
    if (!current) {
      current = { fields: new Map(), line: lineNo, malformed: [] };
      paragraphs.push(current);
    }
    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (lastField === undefined) {
        current.malformed.push(lineNo);
        return;
      }
      const body = line.slice(1);
      const previous = current.fields.get(lastField) ?? '';
      current.fields.set(lastField, previous + '\n' + (body.trim() === '.' ? '' : body));
      return;
    }
    const match = FIELD.exec(line);
    if (!match) {
      current.malformed.push(lineNo);
      lastField = undefined;
      return;
    }
    const name = (match[1] as string).toLowerCase();
    fieldCount++;
    if (current.fields.has(name)) {
      // dpkg refuses duplicate fields; keep the first and flag the line.
      current.malformed.push(lineNo);
      lastField = undefined;
      return;
    }
    current.fields.set(name, (match[2] as string).trim());
    lastField = name;
  });

  return { paragraphs, isDeb822: fieldCount > 0 };
}
