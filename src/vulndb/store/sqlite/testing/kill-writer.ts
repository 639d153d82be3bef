import { openSqliteStore } from '../index.js';
import type { AffectedPackage, Vulnerability } from '../../../model.js';

/** A synthetic record; `batch` tells the kill test's generations apart. */
export function syntheticRecord(i: number, batch: string): { v: Vulnerability; affected: AffectedPackage[] } {
  const id = `SYN-${i}`;
  return {
    v: {
      id,
      aliases: [`CVE-2099-${i}`],
      summary: `${batch} synthetic advisory ${i} `.padEnd(200, 'x'),
      severity: 'medium',
      cvss: [],
      references: [`https://example.test/${batch}/${i}`],
      provider: 'synthetic',
    },
    affected: [0, 1, 2].map((k) => ({
      vulnerabilityId: id,
      namespace: 'npm',
      package: `pkg-${i % 5000}-${k}`,
      scheme: 'semver' as const,
      ranges: [{ introduced: '0', fixed: `${batch.length}.${k}.${i}` }],
      fixState: 'fixed' as const,
      fixedVersions: [`${batch.length}.${k}.${i}`],
      provider: 'synthetic',
    })),
  };
}

/**
 * Child side of the kill test: one session replacing provider `synthetic` with `count` records,
 * saying how far it got on stdout so the parent can kill it at chosen points.
 */
export async function writeSynthetic(file: string, count: number, batch: string): Promise<void> {
  const store = openSqliteStore(file);
  const session = await store.begin();
  await session.replaceProvider('synthetic');
  for (let i = 0; i < count; i++) {
    const { v, affected } = syntheticRecord(i, batch);
    await session.putVulnerability(v, affected);
    if (i % 2000 === 0) process.stdout.write(`wrote ${i}\n`);
  }
  await session.recordProvider({ provider: 'synthetic', lastSync: new Date().toISOString(), rejected: 0 });
  process.stdout.write('commit\n');
  await session.commit();
  process.stdout.write('committed\n');
  await store.close();
}
