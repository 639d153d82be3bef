import type { Encoder } from '../../encoder/index.js';
import { renderTable } from '../../format/table/render-table.js';
import type { AttestationCheck, AttestationSummary, ImageVerification } from '../types.js';

const short = (digest: string): string => digest.slice(0, 19);

function summaryText(summary: AttestationSummary | undefined): string {
  if (!summary) return '';
  const parts: string[] = [];
  if (summary.builderId) parts.push(`builder ${summary.builderId}`);
  if (summary.buildType) parts.push(`build type ${summary.buildType}`);
  if (summary.materialCount !== undefined) parts.push(`${summary.materialCount} material(s)`);
  if (summary.documentName) parts.push(`document ${summary.documentName}`);
  if (summary.packageCount !== undefined) parts.push(`${summary.packageCount} package(s)`);
  return parts.join(', ');
}

function attestationRows(attestations: readonly AttestationCheck[]): string[] {
  if (attestations.length === 0) return [];
  const rows = attestations.map((a) => [
    a.verified ? 'verified' : 'unverified',
    a.predicateType ?? a.payloadType ?? '-',
    a.key ?? '-',
    a.verified ? summaryText(a.summary) : [summaryText(a.summary), a.reason].filter(Boolean).join('; '),
  ]);
  const materials = attestations.flatMap((a) => (a.summary?.materials ?? []).map((m) => `  material: ${m}`));
  return [
    '',
    `attestations (${attestations.length})`,
    renderTable(['STATUS', 'PREDICATE TYPE', 'KEY', 'SUMMARY'], rows).trimEnd(),
    ...materials,
  ];
}

/** The verification as text: the verdict, each signature, then the attestations. */
export const tableVerify: Encoder<ImageVerification> = {
  name: 'table',
  description: 'the verdict, each signature and attestation',
  encode(v) {
    const lines = [
      `image:    ${v.reference}`,
      ...(v.subjects.length > 0 ? [`digest:   ${v.subjects.join(', ')}`] : []),
      `keys:     ${v.keys.map((k) => `${k.name} (${k.algorithm})`).join(', ') || 'none'}`,
      v.verified
        ? `verified: yes, signed by ${v.signers.join(', ')}`
        : `verified: no: ${v.reason ?? 'no signature verifies'}`,
    ];
    if (v.signatures.length > 0) {
      const rows = v.signatures.map((s) => [
        s.verified ? 'verified' : 'failed',
        short(s.layer),
        s.key ?? '-',
        s.verified ? (s.identity ?? '') : (s.reason ?? ''),
      ]);
      lines.push(
        '',
        `signatures (${v.signatures.length})`,
        renderTable(['STATUS', 'PAYLOAD', 'KEY', 'IDENTITY / REASON'], rows).trimEnd(),
      );
    }
    lines.push(...attestationRows(v.attestations));
    return `${lines.join('\n')}\n`;
  },
};
