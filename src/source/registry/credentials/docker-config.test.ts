import { describe, it, expect } from 'vitest';
import { configKeyHost, findConfigCredential, helperServerAddress } from './docker-config.js';

const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('docker config credential lookup', () => {
  it.each([
    ['myreg.io:5000', 'myreg.io:5000'],
    ['https://myreg.io:5000', 'myreg.io:5000'],
    ['http://myreg.io/v2/', 'myreg.io'],
    ['https://index.docker.io/v1/', 'index.docker.io'],
  ])('key %s is host %s', (key, host) => {
    expect(configKeyHost(key)).toBe(host);
  });

  it('decodes auth, which wins over username/password', () => {
    const config = {
      auths: { 'https://r.io': { auth: b64('u:p:with:colons'), username: 'x', password: 'y' } },
    };
    expect(findConfigCredential(config, 'r.io', 'c.json')).toEqual({
      kind: 'basic',
      username: 'u',
      password: 'p:with:colons',
    });
  });

  it('maps docker.io to the index.docker.io/v1 key', () => {
    const config = { auths: { 'https://index.docker.io/v1/': { username: 'u', password: 'p' } } };
    expect(findConfigCredential(config, 'docker.io', 'c.json')).toEqual({
      kind: 'basic',
      username: 'u',
      password: 'p',
    });
    expect(findConfigCredential(config, 'quay.io', 'c.json')).toBeUndefined();
    expect(helperServerAddress('docker.io')).toBe('https://index.docker.io/v1/');
    expect(helperServerAddress('r.io:5000')).toBe('r.io:5000');
  });

  it('returns identity tokens', () => {
    const config = { auths: { 'r.io': { identitytoken: 'tok' } } };
    expect(findConfigCredential(config, 'r.io', 'c.json')).toEqual({ kind: 'identity-token', token: 'tok' });
  });

  it('prefers credHelpers, then auths, then credsStore', () => {
    const config = {
      auths: { 'r.io': { auth: b64('u:p') } },
      credHelpers: { 'h.io': 'ecr-login' },
      credsStore: 'desktop',
    };
    expect(findConfigCredential(config, 'h.io', 'c.json')).toEqual({ kind: 'helper', helper: 'ecr-login' });
    expect(findConfigCredential(config, 'r.io', 'c.json')).toMatchObject({ kind: 'basic' });
    expect(findConfigCredential(config, 'other.io', 'c.json')).toEqual({ kind: 'helper', helper: 'desktop' });
  });

  it('rejects an auth value that is not user:password, without echoing it', () => {
    const config = { auths: { 'r.io': { auth: b64('nocolon') } } };
    expect(() => findConfigCredential(config, 'r.io', 'c.json')).toThrow(
      /"auth" value for r.io is not base64/,
    );
  });
});
