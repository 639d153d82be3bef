export { globMatch, globProblem } from './glob.js';
export { fullTag, parseImageReference, unnamedImage, type ImageUnderTest } from './image-ref.js';
export { allowedImageMatch, deniedImageMatch, firstMapping, matchImage } from './match-image.js';
