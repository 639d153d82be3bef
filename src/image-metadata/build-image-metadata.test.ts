import { describe, expect, it } from 'vitest';
import type { ImageConfig } from '../source/oci-types.js';
import type { LayerDescriptor } from '../source/types.js';
import { buildImageMetadata } from './build-image-metadata.js';

const GZIP = 'application/vnd.oci.image.layer.v1.tar+gzip';

function layer(index: number): LayerDescriptor {
  return { index, digest: `sha256:blob${index}`, mediaType: GZIP, size: 100 + index };
}

const DEBIAN_NGINX: ImageConfig = {
  architecture: 'amd64',
  os: 'linux',
  created: '2024-03-01T00:00:00Z',
  config: {
    User: 'nginx',
    Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'NGINX_VERSION=1.25.4'],
    ExposedPorts: { '8080/tcp': {}, '443/tcp': {}, '53/udp': {}, '53/tcp': {}, '9000': {} },
    Entrypoint: ['/docker-entrypoint.sh'],
    Cmd: ['nginx', '-g', 'daemon off;'],
    Labels: { maintainer: 'NGINX Docker Maintainers' },
    WorkingDir: '/srv',
    StopSignal: 'SIGQUIT',
    Volumes: { '/var/log/nginx': {}, '/var/cache/nginx': {} },
    Healthcheck: { Test: ['CMD-SHELL', 'curl -f http://localhost/'], Interval: 30_000_000_000, Retries: 3 },
  },
  rootfs: { type: 'layers', diff_ids: ['sha256:diff0', 'sha256:diff1', 'sha256:diff2'] },
  history: [
    { created: '2024-02-13T00:00:00Z', created_by: '/bin/sh -c #(nop) ADD file:b2f3a6 in / ' },
    { created: '2024-02-13T00:00:01Z', created_by: '/bin/sh -c #(nop)  CMD ["bash"]', empty_layer: true },
    {
      created_by: 'LABEL maintainer=NGINX Docker Maintainers',
      comment: 'buildkit.dockerfile.v0',
      empty_layer: true,
    },
    { created_by: 'ENV NGINX_VERSION=1.25.4', comment: 'buildkit.dockerfile.v0', empty_layer: true },
    { created_by: 'RUN /bin/sh -c set -x && apt-get update # buildkit', comment: 'buildkit.dockerfile.v0' },
    { created_by: 'COPY docker-entrypoint.sh / # buildkit', comment: 'buildkit.dockerfile.v0' },
    { created_by: 'ENTRYPOINT ["/docker-entrypoint.sh"]', empty_layer: true },
    { created_by: 'EXPOSE map[8080/tcp:{}]', empty_layer: true },
    { created_by: 'STOPSIGNAL SIGQUIT', empty_layer: true },
    { created_by: 'CMD ["nginx" "-g" "daemon off;"]', empty_layer: true },
  ],
};

describe('buildImageMetadata', () => {
  const metadata = buildImageMetadata(DEBIAN_NGINX, [layer(0), layer(1), layer(2)]);

  it('summarises the config', () => {
    expect(metadata).toMatchObject({ architecture: 'amd64', os: 'linux', created: '2024-03-01T00:00:00Z' });
    expect(metadata.config).toEqual({
      user: 'nginx',
      env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'NGINX_VERSION=1.25.4'],
      exposedPorts: ['53/tcp', '53/udp', '443/tcp', '8080/tcp', '9000/tcp'],
      entrypoint: ['/docker-entrypoint.sh'],
      cmd: ['nginx', '-g', 'daemon off;'],
      labels: { maintainer: 'NGINX Docker Maintainers' },
      workingDir: '/srv',
      healthcheck: { test: ['CMD-SHELL', 'curl -f http://localhost/'], interval: 30_000_000_000, retries: 3 },
      volumes: ['/var/cache/nginx', '/var/log/nginx'],
      stopSignal: 'SIGQUIT',
    });
  });

  it('aligns layers with the history entries that made them', () => {
    expect(metadata.layers).toEqual([
      {
        index: 0,
        digest: 'sha256:blob0',
        diffId: 'sha256:diff0',
        mediaType: GZIP,
        size: 100,
        createdBy: '/bin/sh -c #(nop) ADD file:b2f3a6 in / ',
      },
      {
        index: 1,
        digest: 'sha256:blob1',
        diffId: 'sha256:diff1',
        mediaType: GZIP,
        size: 101,
        createdBy: 'RUN /bin/sh -c set -x && apt-get update # buildkit',
      },
      {
        index: 2,
        digest: 'sha256:blob2',
        diffId: 'sha256:diff2',
        mediaType: GZIP,
        size: 102,
        createdBy: 'COPY docker-entrypoint.sh / # buildkit',
      },
    ]);
    expect(metadata.history).toHaveLength(10);
  });

  it('reconstructs the Dockerfile, one instruction per history entry', () => {
    expect(metadata.dockerfile).toBe(
      [
        'ADD file:b2f3a6 /',
        'CMD ["bash"]',
        'LABEL maintainer=NGINX Docker Maintainers',
        'ENV NGINX_VERSION=1.25.4',
        'RUN set -x && apt-get update',
        'COPY docker-entrypoint.sh /',
        'ENTRYPOINT ["/docker-entrypoint.sh"]',
        'EXPOSE 8080/tcp',
        'STOPSIGNAL SIGQUIT',
        'CMD ["nginx","-g","daemon off;"]',
        '',
      ].join('\n'),
    );
  });

  it('leaves createdBy unset when history does not line up with the layers', () => {
    const result = buildImageMetadata({ history: [{ created_by: 'only one' }] }, [layer(0), layer(1)]);
    expect(result.layers.map((l) => l.createdBy)).toEqual([undefined, undefined]);
  });

  it('prefers the descriptor diffId over the config', () => {
    const result = buildImageMetadata({ rootfs: { type: 'layers', diff_ids: ['sha256:fromconfig'] } }, [
      { ...layer(0), diffId: 'sha256:fromsource' },
    ]);
    expect(result.layers[0]?.diffId).toBe('sha256:fromsource');
  });

  it('copes with an empty config', () => {
    const result = buildImageMetadata({}, []);
    expect(result).toEqual({
      config: { env: [], exposedPorts: [], labels: {}, volumes: [] },
      history: [],
      dockerfile: '# No build history in the image config.\n',
      layers: [],
    });
  });

  it('copes with nulls where Docker writes them', () => {
    const result = buildImageMetadata(
      { config: { Entrypoint: null, Cmd: null, Labels: null, OnBuild: null } },
      [],
    );
    expect(result.config).toEqual({ env: [], exposedPorts: [], labels: {}, volumes: [] });
  });

  it('derives instructions from the config when history is empty (umoci without history)', () => {
    const result = buildImageMetadata(
      {
        config: {
          User: '1000:1000',
          Env: ['HOME=/home/app', 'GREETING=hello world'],
          WorkingDir: '/app',
          Healthcheck: { Test: ['CMD', '/app/health'], Interval: 10_000_000_000, Timeout: 1_500_000_000 },
          Cmd: ['/app/run'],
        },
      },
      [layer(0)],
    );
    expect(result.dockerfile).toBe(
      [
        '# No build history in the image config; the instructions below are derived from its settings.',
        'ENV HOME=/home/app',
        'ENV GREETING="hello world"',
        'WORKDIR /app',
        'USER 1000:1000',
        'HEALTHCHECK --interval=10s --timeout=1500ms CMD ["/app/health"]',
        'CMD ["/app/run"]',
        '',
      ].join('\n'),
    );
    expect(result.layers[0]?.createdBy).toBeUndefined();
  });

  it('writes a comment for history entries without created_by', () => {
    const result = buildImageMetadata(
      {
        history: [
          { comment: 'umoci: repack of\nlayer' },
          {},
          { created_by: 'umoci config --config.user app', empty_layer: true },
        ],
      },
      [layer(0), layer(1)],
    );
    expect(result.dockerfile).toBe(
      '# umoci: repack of layer\n# (history entry without created_by)\nRUN umoci config --config.user app\n',
    );
    expect(result.layers.map((l) => l.createdBy)).toEqual([undefined, undefined]);
  });
});
