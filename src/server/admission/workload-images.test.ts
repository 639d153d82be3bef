import { describe, expect, it } from 'vitest';
import { UsageError } from '../../errors/index.js';
import { parseAdmissionReview } from './admission-review.js';
import { checksKind, containerImages } from './workload-images.js';

const podSpec = {
  initContainers: [{ name: 'setup', image: 'busybox:1.36' }],
  containers: [
    { name: 'app', image: 'registry.example/app:1' },
    { name: 'sidecar', image: ' registry.example/proxy@sha256:' + 'a'.repeat(64) + ' ' },
  ],
  ephemeralContainers: [{ name: 'debug', image: 'debian:12' }],
};

describe('containerImages', () => {
  it('lists init, regular and ephemeral containers of a pod, with their places', () => {
    expect(containerImages('Pod', { spec: podSpec })).toEqual([
      { path: 'spec.initContainers[0]', container: 'setup', image: 'busybox:1.36' },
      { path: 'spec.containers[0]', container: 'app', image: 'registry.example/app:1' },
      {
        path: 'spec.containers[1]',
        container: 'sidecar',
        image: `registry.example/proxy@sha256:${'a'.repeat(64)}`,
      },
      { path: 'spec.ephemeralContainers[0]', container: 'debug', image: 'debian:12' },
    ]);
  });

  it("reads the pod template of every workload kind, a CronJob's two levels down", () => {
    for (const kind of [
      'Deployment',
      'StatefulSet',
      'DaemonSet',
      'ReplicaSet',
      'Job',
      'ReplicationController',
    ])
      expect(containerImages(kind, { spec: { template: { spec: podSpec } } }), kind).toHaveLength(4);
    const cron = containerImages('CronJob', {
      spec: { jobTemplate: { spec: { template: { spec: podSpec } } } },
    });
    expect(cron.map((c) => c.path)[1]).toBe('spec.jobTemplate.spec.template.spec.containers[0]');
    expect(containerImages('PodTemplate', { template: { spec: podSpec } })).toHaveLength(4);
  });

  it('reports a container without an image with an empty image, and skips what is not a container', () => {
    expect(containerImages('Pod', { spec: { containers: [{ name: 'x' }, 'junk', null] } })).toEqual([
      { path: 'spec.containers[0]', container: 'x', image: '' },
    ]);
    expect(containerImages('Pod', { spec: 'nope' })).toEqual([]);
    expect(containerImages('ConfigMap', { data: {} })).toEqual([]);
    expect(checksKind('ConfigMap')).toBe(false);
    expect(checksKind('CronJob')).toBe(true);
  });
});

describe('parseAdmissionReview', () => {
  const review = {
    apiVersion: 'admission.k8s.io/v1',
    kind: 'AdmissionReview',
    request: {
      uid: '705ab4f5-6393-11e8-b7cc-42010a800002',
      kind: { group: '', version: 'v1', kind: 'Pod' },
      resource: { group: '', version: 'v1', resource: 'pods' },
      namespace: 'shop',
      operation: 'CREATE',
      object: { spec: podSpec },
      dryRun: false,
    },
  };

  it('reads what the webhook needs', () => {
    expect(parseAdmissionReview(review).request).toEqual({
      uid: review.request.uid,
      kind: review.request.kind,
      namespace: 'shop',
      operation: 'CREATE',
      object: review.request.object,
    });
  });

  it('refuses what is not an AdmissionReview v1, saying what is wrong', () => {
    const cases: [unknown, RegExp][] = [
      [[], /not an AdmissionReview object/],
      [{ ...review, kind: 'Pod' }, /kind must be AdmissionReview/],
      [{ ...review, apiVersion: 'admission.k8s.io/v1beta1' }, /apiVersion must be admission.k8s.io\/v1/],
      [{ ...review, request: undefined }, /request is missing/],
      [{ ...review, request: { ...review.request, uid: '' } }, /request.uid is missing/],
      [{ ...review, request: { ...review.request, kind: 'Pod' } }, /request.kind must be/],
      [{ ...review, request: { ...review.request, operation: 1 } }, /request.operation is missing/],
    ];
    for (const [body, message] of cases) {
      expect(() => parseAdmissionReview(body)).toThrow(UsageError);
      expect(() => parseAdmissionReview(body)).toThrow(message);
    }
  });
});
