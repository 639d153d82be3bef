export { LinearRegExp, PatternSyntaxError } from './linear-regexp.js';
export { literalPattern, literalPrefix } from './literal-pattern.js';
export { certainlyCompiles } from './plain-syntax.js';
