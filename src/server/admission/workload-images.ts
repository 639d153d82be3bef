import { isObject } from './admission-review.js';

/** One container image of the object under review, and where it is (for messages). */
export interface ContainerImage {
  /** spec.containers[0], spec.template.spec.initContainers[1] … */
  path: string;
  container: string;
  image: string;
}

/** Where each kind keeps its pod spec. */
const POD_SPEC_PATHS: Record<string, string[]> = {
  Pod: ['spec'],
  PodTemplate: ['template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'] as const;

/** The kinds whose images are checked; an object of another kind is allowed as it is. */
export function checksKind(kind: string): boolean {
  return kind in POD_SPEC_PATHS;
}

/**
 * Every init, regular and ephemeral container image of a pod or of a workload's pod template,
 * in the order the spec lists them. A container without an image string is reported with an
 * empty image (the caller refuses it).
 */
export function containerImages(kind: string, object: unknown): ContainerImage[] {
  const path = POD_SPEC_PATHS[kind];
  if (!path) return [];
  let spec: unknown = object;
  for (const key of path) spec = isObject(spec) ? spec[key] : undefined;
  if (!isObject(spec)) return [];
  const prefix = path.join('.');
  const found: ContainerImage[] = [];
  for (const list of CONTAINER_LISTS) {
    const containers = spec[list];
    if (!Array.isArray(containers)) continue;
    containers.forEach((container: unknown, index) => {
      if (!isObject(container)) return;
      found.push({
        path: `${prefix}.${list}[${index}]`,
        container: typeof container.name === 'string' ? container.name : `#${index}`,
        image: typeof container.image === 'string' ? container.image.trim() : '',
      });
    });
  }
  return found;
}
