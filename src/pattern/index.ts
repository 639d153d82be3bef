export { LinearRegExp, PatternSyntaxError } from './linear-regexp.js';
export { literalPattern } from './literal-pattern.js';
