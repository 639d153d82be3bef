import { globMatch } from '../mapping/index.js';
import type { Allowlist, AllowlistItem, Finding } from '../types.js';

export interface AllowlistVerdict {
  /** What the finding is marked with when an unexpired item matches; false otherwise. */
  allowlisted: Finding['allowlisted'];
  /** Matching items that would have applied but have expired. */
  expired: { allowlist: Allowlist; item: AllowlistItem }[];
}

/** Whether the item's expiry has passed at `now` (an item applies while now < expires_on). */
function hasExpired(item: AllowlistItem, now: Date): boolean {
  if (item.expires_on === undefined) return false;
  const expires = Date.parse(item.expires_on);
  // An unreadable date cannot be trusted to still be in the future.
  return Number.isNaN(expires) || now.getTime() >= expires;
}

function matches(item: AllowlistItem, gate: string, triggerId: string): boolean {
  if (item.gate.toLowerCase() !== gate.toLowerCase()) return false;
  return item.trigger_id === triggerId || globMatch(item.trigger_id, triggerId);
}

/**
 * The first item, over the mapping's allowlists in order, with the finding's gate (any case)
 * whose trigger_id equals or glob-matches the finding's and has not expired. Expired items
 * that match are collected on the way so the caller can report them.
 */
export function allowlistVerdict(
  allowlists: readonly Allowlist[],
  finding: Pick<Finding, 'gate' | 'triggerId'>,
  now: Date,
): AllowlistVerdict {
  const expired: AllowlistVerdict['expired'] = [];
  for (const allowlist of allowlists) {
    for (const item of allowlist.items) {
      if (!matches(item, finding.gate, finding.triggerId)) continue;
      if (hasExpired(item, now)) {
        expired.push({ allowlist, item });
        continue;
      }
      const allowlisted: Exclude<Finding['allowlisted'], false> = {
        allowlistId: allowlist.id,
        itemId: item.id,
      };
      if (allowlist.name !== undefined) allowlisted.allowlistName = allowlist.name;
      if (item.expires_on !== undefined) allowlisted.expiresOn = item.expires_on;
      return { allowlisted, expired };
    }
  }
  return { allowlisted: false, expired };
}
