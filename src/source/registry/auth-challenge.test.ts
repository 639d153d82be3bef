import { describe, it, expect } from 'vitest';
import { parseAuthChallenges, pickChallenge } from './auth-challenge.js';

describe('parseAuthChallenges', () => {
  it('parses a docker hub bearer challenge', () => {
    const [c] = parseAuthChallenges(
      'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/debian:pull"',
    );
    expect(c).toEqual({
      scheme: 'bearer',
      params: {
        realm: 'https://auth.docker.io/token',
        service: 'registry.docker.io',
        scope: 'repository:library/debian:pull',
      },
    });
  });

  it('parses basic, unquoted values, escapes and several challenges', () => {
    expect(parseAuthChallenges('Basic realm="Registry Realm"')).toEqual([
      { scheme: 'basic', params: { realm: 'Registry Realm' } },
    ]);
    expect(parseAuthChallenges('Bearer realm=http://x/token, service=svc')).toEqual([
      { scheme: 'bearer', params: { realm: 'http://x/token', service: 'svc' } },
    ]);
    expect(parseAuthChallenges('Basic realm="a \\"b\\"", Bearer realm="r"')).toEqual([
      { scheme: 'basic', params: { realm: 'a "b"' } },
      { scheme: 'bearer', params: { realm: 'r' } },
    ]);
    expect(parseAuthChallenges(['Basic realm="x"', 'Bearer realm="y"'])).toHaveLength(2);
    expect(parseAuthChallenges(undefined)).toEqual([]);
    expect(parseAuthChallenges('')).toEqual([]);
  });

  it('prefers bearer, then basic', () => {
    expect(pickChallenge(parseAuthChallenges('Basic realm="x", Bearer realm="y"'))?.scheme).toBe('bearer');
    expect(pickChallenge(parseAuthChallenges('Negotiate, Basic realm="x"'))?.scheme).toBe('basic');
    expect(pickChallenge([])).toBeUndefined();
  });
});
