import { describe, it, expect } from 'vitest';
import { UsageError } from '../../errors/index.js';
import { parseImageReference, registryApiHost } from './image-reference.js';

const D = 'sha256:' + 'a'.repeat(64);

describe('parseImageReference', () => {
  const valid: Array<[string, string, string, string | undefined, string | undefined, string]> = [
    // input, registry, repository, tag, digest, toString
    ['debian', 'docker.io', 'library/debian', 'latest', undefined, 'docker.io/library/debian:latest'],
    [
      'debian:bookworm',
      'docker.io',
      'library/debian',
      'bookworm',
      undefined,
      'docker.io/library/debian:bookworm',
    ],
    ['user/app', 'docker.io', 'user/app', 'latest', undefined, 'docker.io/user/app:latest'],
    ['user/app:1.0', 'docker.io', 'user/app', '1.0', undefined, 'docker.io/user/app:1.0'],
    [
      'docker.io/debian',
      'docker.io',
      'library/debian',
      'latest',
      undefined,
      'docker.io/library/debian:latest',
    ],
    [
      'index.docker.io/debian',
      'docker.io',
      'library/debian',
      'latest',
      undefined,
      'docker.io/library/debian:latest',
    ],
    [
      'docker.io/library/alpine:3.19',
      'docker.io',
      'library/alpine',
      '3.19',
      undefined,
      'docker.io/library/alpine:3.19',
    ],
    ['a/b/c/d', 'docker.io', 'a/b/c/d', 'latest', undefined, 'docker.io/a/b/c/d:latest'],
    ['localhost/app', 'localhost', 'app', 'latest', undefined, 'localhost/app:latest'],
    ['localhost:5000/app', 'localhost:5000', 'app', 'latest', undefined, 'localhost:5000/app:latest'],
    ['ghcr.io/owner/img:v1', 'ghcr.io', 'owner/img', 'v1', undefined, 'ghcr.io/owner/img:v1'],
    ['host:5000/a/b:tag', 'host:5000', 'a/b', 'tag', undefined, 'host:5000/a/b:tag'],
    [`host:5000/a/b:tag@${D}`, 'host:5000', 'a/b', 'tag', D, `host:5000/a/b:tag@${D}`],
    [`host:5000/a/b@${D}`, 'host:5000', 'a/b', undefined, D, `host:5000/a/b@${D}`],
    [`debian@${D}`, 'docker.io', 'library/debian', undefined, D, `docker.io/library/debian@${D}`],
    [
      '127.0.0.1:5000/test/app',
      '127.0.0.1:5000',
      'test/app',
      'latest',
      undefined,
      '127.0.0.1:5000/test/app:latest',
    ],
    ['[::1]:5000/test/app:x', '[::1]:5000', 'test/app', 'x', undefined, '[::1]:5000/test/app:x'],
    [
      'Registry.Example.COM/app',
      'Registry.Example.COM',
      'app',
      'latest',
      undefined,
      'Registry.Example.COM/app:latest',
    ],
    ['Host/app', 'Host', 'app', 'latest', undefined, 'Host/app:latest'],
    [
      'my-host.local/a_b/c__d/e.f/g-h--i:T_a.g-1',
      'my-host.local',
      'a_b/c__d/e.f/g-h--i',
      'T_a.g-1',
      undefined,
      'my-host.local/a_b/c__d/e.f/g-h--i:T_a.g-1',
    ],
    ['  debian  ', 'docker.io', 'library/debian', 'latest', undefined, 'docker.io/library/debian:latest'],
  ];

  it.each(valid)('parses %s', (input, registry, repository, tag, digest, text) => {
    const ref = parseImageReference(input);
    expect(ref.registry).toBe(registry);
    expect(ref.repository).toBe(repository);
    expect(ref.tag).toBe(tag);
    expect(ref.digest).toBe(digest);
    expect(ref.toString()).toBe(text);
    expect(String(ref)).toBe(text);
  });

  const invalid: Array<[string, RegExp]> = [
    ['', /empty/],
    ['Debian', /lowercase/],
    ['user/App', /lowercase/],
    ['docker.io/User/app', /lowercase/],
    ['debian:', /tag/],
    ['debian:-bad', /tag/],
    [`debian:${'x'.repeat(129)}`, /tag/],
    ['debian@sha256:abc', /digest/],
    [`debian@md5:${'a'.repeat(32)}`, /not supported/],
    [`debian@sha256:${'A'.repeat(64)}`, /lowercase hex/],
    [`debian@sha256:${'a'.repeat(63)}`, /64 lowercase hex/],
    ['a//b', /empty component/],
    ['a/b/', /empty component/],
    ['/a', /not a valid host|missing|empty/],
    ['host:5000/', /missing/],
    ['-a', /repository path component/],
    ['a--', /repository path component/],
    ['a..b', /repository path component/],
    ['a___b', /repository path component/],
    ['my app', /whitespace/],
    ['bad_host.com/app', /registry "bad_host.com"/],
    ['host:port/app', /registry "host:port"/],
    ['a'.repeat(64), /image ID/],
    [`x.io/${'a'.repeat(260)}`, /longer than 255/],
  ];

  it.each(invalid)('rejects %j', (input, message) => {
    let caught: unknown;
    try {
      parseImageReference(input);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(UsageError);
    const msg = (caught as Error).message;
    expect(msg).toMatch(message);
    expect(msg).toMatch(/^invalid image reference/);
    expect(msg).not.toContain('\n');
  });
});

describe('registryApiHost', () => {
  it('maps docker.io to registry-1.docker.io and leaves other hosts alone', () => {
    expect(registryApiHost('docker.io')).toBe('registry-1.docker.io');
    expect(registryApiHost('127.0.0.1:5000')).toBe('127.0.0.1:5000');
    expect(registryApiHost(parseImageReference('debian').registry)).toBe('registry-1.docker.io');
  });
});
