import { PluginError } from '../errors/index.js';
import type { PluginGateFinding } from './protocol.js';

const ACTIONS = ['stop', 'warn', 'go'] as const;

function text(name: string, value: unknown, where: string): string {
  if (typeof value !== 'string' || value.trim() === '')
    throw new PluginError(`plugin ${name}: ${where} must be a non-empty string`);
  return value;
}

/** The findings of a gate plugin's output `{findings: [{trigger, message, identity, action?}]}`. */
export function readGateOutput(name: string, output: Record<string, unknown>): PluginGateFinding[] {
  const findings = output.findings;
  if (!Array.isArray(findings)) throw new PluginError(`plugin ${name}: output needs a findings list`);
  return findings.map((item: unknown, index) => {
    const at = `findings[${index}]`;
    if (typeof item !== 'object' || item === null || Array.isArray(item))
      throw new PluginError(`plugin ${name}: ${at} must be an object`);
    const entry = item as Record<string, unknown>;
    const finding: PluginGateFinding = {
      trigger: text(name, entry.trigger, `${at}.trigger`),
      message: text(name, entry.message, `${at}.message`),
      identity: text(name, entry.identity, `${at}.identity`),
    };
    if (entry.action !== undefined && entry.action !== null) {
      const action = typeof entry.action === 'string' ? entry.action.toLowerCase() : '';
      const known = ACTIONS.find((a) => a === action);
      if (!known) throw new PluginError(`plugin ${name}: ${at}.action must be stop, warn or go`);
      finding.action = known;
    }
    return finding;
  });
}
