// Small ELF files carrying what the binary catalogers look for, for the fuzz seeds (the test
// images hold no Go or Rust binaries): a Go ≥ 1.18 build-info blob and a cargo-auditable section.
import { deflateSync } from 'node:zlib';
import { syntheticElf } from '../../../src/cataloger/elf/synthetic-elf.js';
import { BUILD_INFO_MAGIC } from '../../../src/cataloger/golang/build-info-blob.js';

// The sentinels Go puts around the module information.
const MOD_START = Buffer.from('3077af0c9274080241e1c107e6d618e6', 'hex');
const MOD_END = Buffer.from('f932433186182072008242104116d8f2', 'hex');

function lengthPrefixed(bytes: Buffer): Buffer {
  const prefix: number[] = [];
  let n = bytes.length;
  while (n >= 0x80) {
    prefix.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  prefix.push(n);
  return Buffer.concat([Buffer.from(prefix), bytes]);
}

export function goBinarySeed(): Buffer {
  const header = Buffer.alloc(32);
  BUILD_INFO_MAGIC.copy(header);
  header[14] = 8; // pointer size
  header[15] = 2; // inline strings
  const modInfo = [
    'path\texample.com/fuzz/cmd/tool',
    'mod\texample.com/fuzz\tv1.0.0\th1:aaa=',
    'dep\tgolang.org/x/net\tv0.17.0\th1:bbb=',
    'dep\tgithub.com/old/mod\tv1.0.0',
    '=>\tgithub.com/new/mod\tv1.1.0\th1:ccc=',
    'build\tGOOS=linux',
    'build\tvcs.revision=0123abcd',
    '',
  ].join('\n');
  const blob = Buffer.concat([
    header,
    lengthPrefixed(Buffer.from('go1.21.5')),
    lengthPrefixed(Buffer.concat([MOD_START, Buffer.from(modInfo), MOD_END])),
  ]);
  return syntheticElf([
    { name: '.text', data: Buffer.alloc(256, 0x90) },
    { name: '.go.buildinfo', data: blob },
  ]);
}

export function rustBinarySeed(): Buffer {
  const audit = {
    packages: [
      { name: 'tool', version: '0.1.0', source: 'local', kind: 'runtime', dependencies: [1], root: true },
      { name: 'serde', version: '1.0.190', source: 'crates.io', kind: 'runtime', dependencies: [] },
    ],
  };
  return syntheticElf([
    { name: '.text', data: Buffer.alloc(256, 0x90) },
    { name: '.dep-v0', data: deflateSync(Buffer.from(JSON.stringify(audit))) },
  ]);
}
