export { binaryClassifierCataloger, wantsJavaRelease } from './binary-cataloger.js';
export { classifyBinary, parseJavaRelease, type BinaryMatch, type JvmBinary } from './classify-content.js';
export { CLASSIFIERS, type Classifier } from './classifiers.js';
