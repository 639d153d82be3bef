export {
  addressToOffset,
  executableFormat,
  executableSections,
  sectionBytes,
  type ExecutableFormat,
  type ExecutableSection,
} from './executable-sections.js';
export { isBinaryCandidate, MAX_BINARY_BYTES } from './inspect-candidates.js';
