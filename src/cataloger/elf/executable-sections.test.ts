import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  addressToOffset,
  executableFormat,
  executableSections,
  sectionBytes,
} from './executable-sections.js';
import { isBinaryCandidate } from './inspect-candidates.js';
import { syntheticElf } from './synthetic-elf.js';

describe('executableFormat', () => {
  it.each([
    ['elf', Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46]), Buffer.alloc(80)])],
    ['macho', Buffer.concat([Buffer.from([0xcf, 0xfa, 0xed, 0xfe]), Buffer.alloc(80)])],
    [undefined, Buffer.concat([Buffer.from('#!/bin/sh\n'), Buffer.alloc(80)])],
    [undefined, Buffer.from([0x7f, 0x45, 0x4c, 0x46])],
    [undefined, Buffer.concat([Buffer.from('MZ'), Buffer.alloc(80)])],
  ])('%s', (expected, buf) => expect(executableFormat(buf)).toBe(expected));
});

describe('executableSections', () => {
  it('reads section names, offsets and addresses of an ELF and maps addresses to offsets', () => {
    const elf = syntheticElf([
      { name: '.data', data: Buffer.from('hello world'), address: 0x10000 },
      { name: '.dep-v0', data: Buffer.from('xyz') },
    ]);
    const sections = executableSections(elf);
    expect(sections.map((s) => s.name)).toEqual(['', '.data', '.dep-v0', '.shstrtab']);
    expect(sectionBytes(elf, sections, '.dep-v0')?.toString()).toBe('xyz');
    const at = addressToOffset(sections, 0x10006);
    expect(at).toBeDefined();
    expect(elf.toString('latin1', at, (at ?? 0) + 5)).toBe('world');
    expect(addressToOffset(sections, 0x20000)).toBeUndefined();
  });

  it('returns no sections for truncated or garbage headers instead of throwing', () => {
    const elf = syntheticElf([{ name: '.data', data: Buffer.alloc(32) }]);
    for (const cut of [70, 100, elf.length - 10])
      expect(() => executableSections(elf.subarray(0, cut))).not.toThrow();
    const garbage = Buffer.from(elf);
    garbage.writeBigUInt64LE(0xffffffffffffn, 0x28);
    expect(executableSections(garbage)).toEqual([]);
  });

  it.skipIf(!existsSync('/usr/bin/objcopy') || !existsSync('/bin/true'))(
    'agrees with objcopy on a real ELF binary',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'customs-elf-'));
      const payload = join(dir, 'payload');
      writeFileSync(payload, 'customs-section-payload');
      copyFileSync('/bin/true', join(dir, 'in'));
      execFileSync('objcopy', ['--add-section', `.customs=${payload}`, join(dir, 'in'), join(dir, 'out')]);
      const buf = readFileSync(join(dir, 'out'));
      const sections = executableSections(buf);
      expect(sections.map((s) => s.name)).toContain('.text');
      expect(sectionBytes(buf, sections, '.customs')?.toString()).toBe('customs-section-payload');
    },
  );
});

describe('isBinaryCandidate', () => {
  it.each([
    [{ path: '/usr/bin/x', size: 1000, mode: 0o755 }, true],
    [{ path: '/usr/lib/libssl.so.3', size: 1000, mode: 0o644 }, true],
    [{ path: '/app/a.dll', size: 1000, mode: 0o644 }, true],
    [{ path: '/etc/passwd', size: 1000, mode: 0o644 }, false],
    [{ path: '/usr/bin/tiny', size: 10, mode: 0o755 }, false],
    [{ path: '/usr/bin/huge', size: 200 * 1024 * 1024, mode: 0o755 }, false],
  ])('%j → %s', (header, expected) => expect(isBinaryCandidate(header)).toBe(expected));
});
