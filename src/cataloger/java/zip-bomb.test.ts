import { beforeAll, describe, expect, it } from 'vitest';
import { inspectJavaArchive, problemsOf } from './archive-inspection.js';
import { archivePackages } from './archive-packages.js';
import { DEFAULT_ZIP_LIMITS } from './zip-limits.js';
import { deflatedZeros, zipOf } from './testdata/zip-writer.js';

const GIB = 1024 * 1024 * 1024;

/** Runs `fn` and reports how long it took and how far rss and external memory grew. */
async function measured<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; grewBytes: number }> {
  const before = process.memoryUsage();
  let peak = 0;
  const timer = setInterval(() => {
    const now = process.memoryUsage();
    peak = Math.max(peak, now.rss - before.rss, now.arrayBuffers - before.arrayBuffers);
  }, 5);
  const start = performance.now();
  const value = await fn();
  clearInterval(timer);
  const after = process.memoryUsage();
  peak = Math.max(peak, after.arrayBuffers - before.arrayBuffers);
  return { value, ms: performance.now() - start, grewBytes: peak };
}

describe('zip bombs', () => {
  let gigabyte: { data: Buffer; crc: number; size: number };

  beforeAll(async () => {
    gigabyte = await deflatedZeros(GIB);
  }, 120_000);

  it('the bomb really is one: 1 GiB of zeros in a few MiB', () => {
    expect(gigabyte.size).toBe(GIB);
    expect(gigabyte.data.length).toBeLessThan(8 * 1024 * 1024);
  });

  it('refuses a manifest declared as 1 GiB, quickly and with an unknown', async () => {
    const bomb = zipOf([
      { name: 'META-INF/MANIFEST.MF', raw: gigabyte },
      {
        name: 'META-INF/maven/org.a/bomb/pom.properties',
        content: 'groupId=org.a\nartifactId=bomb\nversion=1\n',
      },
    ]);
    const { value, ms, grewBytes } = await measured(() => inspectJavaArchive(bomb, '/app/bomb-1.jar'));
    expect(ms).toBeLessThan(2000);
    expect(grewBytes).toBeLessThan(64 * 1024 * 1024);
    expect(value.problems.join('\n')).toMatch(/META-INF\/MANIFEST\.MF: 1073741824 bytes uncompressed, over/);
    expect(archivePackages(value).map((d) => d.name)).toEqual(['bomb']);
  });

  it('stops inflating an entry whose header lies about its size', async () => {
    const liar = zipOf([{ name: 'META-INF/MANIFEST.MF', raw: { ...gigabyte, size: 100 } }]);
    const { value, ms, grewBytes } = await measured(() => inspectJavaArchive(liar, '/app/liar.jar'));
    expect(ms).toBeLessThan(2000);
    expect(grewBytes).toBeLessThan(64 * 1024 * 1024);
    expect(problemsOf(value).map((p) => p.virtualPath)).toEqual(['/app/liar.jar']);
    expect(value.manifest).toBeUndefined();
  });

  it('refuses a 1 GiB nested archive and bounds the total bytes over many nested ones', async () => {
    const inner = zipOf([{ name: 'lib/huge.jar', raw: gigabyte }]);
    const one = await measured(() => inspectJavaArchive(inner, '/app/outer.jar'));
    expect(one.ms).toBeLessThan(2000);
    expect(one.value.problems.join('\n')).toMatch(/lib\/huge\.jar: .*over the 134217728-byte entry limit/);

    // 100 MiB nested archives (stored zeros, deflated outside): each under the per-entry limit,
    // together far past the total: reading must stop at the budget.
    const hundred = await deflatedZeros(100 * 1024 * 1024);
    const many = zipOf(Array.from({ length: 20 }, (_, i) => ({ name: `lib/part-${i}.jar`, raw: hundred })));
    const limits = { ...DEFAULT_ZIP_LIMITS, maxTotalBytes: 256 * 1024 * 1024 };
    const all = await measured(() => inspectJavaArchive(many, '/app/many.jar', limits));
    expect(all.ms).toBeLessThan(15_000);
    const problems = problemsOf(all.value)
      .map((p) => p.message)
      .join('\n');
    expect(problems).toMatch(/would pass the 268435456-byte limit for one archive/);
    expect(all.value.nested.length).toBeLessThanOrEqual(2);
  }, 60_000);

  it('stops at the nesting depth limit for archives nested 12 deep', async () => {
    let archive = zipOf([
      { name: 'META-INF/maven/g/leaf/pom.properties', content: 'groupId=g\nartifactId=leaf\nversion=1\n' },
    ]);
    for (let level = 11; level >= 1; level--) {
      archive = zipOf([
        { name: `lib/level-${level + 1}.jar`, content: archive },
        { name: `lib/copy-${level + 1}.jar`, content: archive },
      ]);
    }
    const { value, ms } = await measured(() => inspectJavaArchive(archive, '/deep.jar'));
    expect(ms).toBeLessThan(10_000);
    const problems = problemsOf(value);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => /nested deeper than 8 archives/.test(p.message))).toBe(true);
    const depthOf = (path: string) => path.split(':').length - 1;
    expect(Math.max(...archivePackages(value).map((d) => depthOf(d.metadata.virtualPath)))).toBe(8);
  });

  it('caps the number of nested archives opened in one tree', async () => {
    let archive = zipOf([{ name: 'A.class', content: 'x' }]);
    for (let level = 0; level < 4; level++) {
      archive = zipOf(
        Array.from({ length: 10 }, (_, i) => ({ name: `lib/l${level}-${i}.jar`, content: archive })),
      );
    }
    const limits = { ...DEFAULT_ZIP_LIMITS, maxNestedArchives: 500 };
    const { value } = await measured(() => inspectJavaArchive(archive, '/wide.jar', limits));
    const opened = archivePackages(value).length - 1;
    expect(opened).toBe(500);
    expect(problemsOf(value).some((p) => /more than 500 nested archives/.test(p.message))).toBe(true);
  });
});
