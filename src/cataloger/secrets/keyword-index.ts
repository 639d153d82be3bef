import type { SecretRule } from './secret-rule.js';

/**
 * Finds which rules can match a text in one pass: a single case-insensitive alternation of
 * every keyword, instead of one search per rule. Rules without keywords always qualify.
 */
export class KeywordIndex {
  private readonly pattern: RegExp | undefined;
  private readonly rulesByKeyword = new Map<string, number[]>();
  private readonly always: number[] = [];

  constructor(private readonly rules: readonly SecretRule[]) {
    rules.forEach((rule, index) => {
      if (rule.keywords.length === 0) this.always.push(index);
      for (const keyword of new Set(rule.keywords.map((k) => k.toLowerCase()))) {
        const list = this.rulesByKeyword.get(keyword);
        if (list) list.push(index);
        else this.rulesByKeyword.set(keyword, [index]);
      }
    });
    const keywords = [...this.rulesByKeyword.keys()].sort((a, b) => b.length - a.length);
    if (keywords.length > 0) this.pattern = new RegExp(factoredAlternation(keywords), 'gi');
  }

  /** The rules whose keywords occur in `text` (a latin1 view of the content), in rule order. */
  candidates(text: string): SecretRule[] {
    const hit = new Set<number>(this.always);
    if (this.pattern) {
      const pattern = new RegExp(this.pattern);
      let remaining = this.rulesByKeyword.size;
      const seen = new Set<string>();
      for (let m = pattern.exec(text); m !== null && remaining > 0; m = pattern.exec(text)) {
        const keyword = m[0].toLowerCase();
        if (seen.has(keyword)) continue;
        seen.add(keyword);
        remaining--;
        for (const index of this.rulesByKeyword.get(keyword) ?? []) hit.add(index);
      }
    }
    return [...hit].sort((a, b) => a - b).map((i) => this.rules[i] as SecretRule);
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * `abc|abd|xy` as `a(?:bc|bd)|x(?:y)`: grouping by the first character lets the regex engine
 * reject most positions with one comparison (about twice as fast as the flat alternation).
 */
function factoredAlternation(keywords: readonly string[]): string {
  const byFirst = new Map<string, string[]>();
  for (const keyword of keywords) {
    const first = keyword.charAt(0);
    const rest = byFirst.get(first);
    if (rest) rest.push(keyword.slice(1));
    else byFirst.set(first, [keyword.slice(1)]);
  }
  return [...byFirst].map(([first, rests]) => `${escape(first)}(?:${rests.map(escape).join('|')})`).join('|');
}
