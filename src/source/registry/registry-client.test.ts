import { describe, it, expect } from 'vitest';
import { isInsecure } from './registry-client.js';

describe('isInsecure', () => {
  it.each([
    ['127.0.0.1:5000', ['127.0.0.1:5000'], true],
    ['127.0.0.1:5000', ['127.0.0.1'], true],
    ['127.0.0.1:5000', ['127.0.0.1:5001'], false],
    ['myreg.io', ['MyReg.io'], true],
    ['myreg.io', ['http://myreg.io/'], true],
    ['myreg.io', [], false],
    ['[::1]:5000', ['[::1]'], true],
  ] as const)('%s with %j → %s', (host, list, expected) => {
    expect(isInsecure(host, host, [...list])).toBe(expected);
  });

  it('never treats docker.io as insecure unless listed', () => {
    expect(isInsecure('docker.io', 'registry-1.docker.io', ['localhost'])).toBe(false);
  });
});
