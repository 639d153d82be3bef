export {
  parseImageReference,
  registryApiHost,
  DOCKER_HUB_REGISTRY,
  DOCKER_HUB_API_HOST,
  type ImageReference,
} from './image-reference.js';
