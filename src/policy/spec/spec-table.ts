import type { ParamDescription, PolicySpecDocument } from './describe-gates.js';

/**
 * The spec as aligned text: one line per parameter (or per trigger without parameters), gates
 * in registry order, end-of-life gates last with their state.
 */
export function specTable(spec: PolicySpecDocument): string {
  const rows: string[][] = [['GATE', 'TRIGGER', 'PARAMETER', 'TYPE', 'REQUIRED', 'DEFAULT / VALUES']];
  for (const gate of spec.gates) {
    const gateName = gate.state === 'active' ? gate.name : `${gate.name} (${gate.state})`;
    if (gate.triggers.length === 0) rows.push([gateName, '-', '-', '-', '-', '-']);
    for (const trigger of gate.triggers) {
      if (trigger.params.length === 0) rows.push([gateName, trigger.name, '-', '-', '-', '-']);
      for (const param of trigger.params) {
        rows.push([
          gateName,
          trigger.name,
          param.name,
          param.type,
          param.required ? 'yes' : 'no',
          detail(param),
        ]);
      }
    }
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')
    .concat('\n');
}

function detail(param: ParamDescription): string {
  const parts: string[] = [];
  if (param.default !== undefined) parts.push(`default ${param.default}`);
  if (param.values) parts.push(param.values.join('|'));
  return parts.join('; ') || '-';
}
