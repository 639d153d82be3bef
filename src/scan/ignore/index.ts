export { isExpired, ruleMatches, type IgnoreRule } from './ignore-rule.js';
export { loadIgnoreRules, parseIgnoreRules } from './load-ignore-rules.js';
