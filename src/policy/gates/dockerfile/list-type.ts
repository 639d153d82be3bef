/** Anchore's list types, with the newer spellings accepted as the same. */
export const LIST_TYPES = ['whitelist', 'blacklist', 'allowlist', 'denylist'] as const;

/** 'allow' for whitelist/allowlist, 'deny' for blacklist/denylist, undefined otherwise. */
export function listKind(type: string | undefined): 'allow' | 'deny' | undefined {
  const lower = type?.trim().toLowerCase();
  if (lower === 'whitelist' || lower === 'allowlist') return 'allow';
  if (lower === 'blacklist' || lower === 'denylist') return 'deny';
  return undefined;
}
