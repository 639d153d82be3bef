import { boolParam, listParam, numberParam, stringParam } from '../../trigger-params/read-params.js';
import type { BuiltinGate, BuiltinTrigger, Firing, GateContext } from '../types.js';
import { keyNamed } from './key-names.js';

const NOT_VERIFIED: Firing = {
  message: "The image's signatures were not verified (no signature verification was run)",
  identity: 'not verified',
};

function reasonText(context: GateContext): string {
  return context.signatures?.reason ? `: ${context.signatures.reason}` : '';
}

const unsigned: BuiltinTrigger = {
  name: 'unsigned',
  description:
    'Fires unless the image has cosign signatures (sha256-<digest>.sig in its repository) from at least min_signers of the trusted keys. Images from local sources (OCI directory or archive, docker-archive, dir) have no registry signatures and fire (fail closed).',
  params: [
    {
      name: 'min_signers',
      type: 'int',
      default: '1',
      description: 'How many different trusted keys must have signed the image.',
    },
  ],
  evaluate(context, params) {
    const verification = context.signatures;
    if (!verification) return [NOT_VERIFIED];
    const wanted = Math.max(1, numberParam(params, 'min_signers') ?? 1);
    const signers = verification.signers;
    if (signers.length >= wanted) return [];
    if (signers.length === 0) {
      return [
        { message: `The image is not signed by a trusted key${reasonText(context)}`, identity: 'unsigned' },
      ];
    }
    return [
      {
        message: `The image is signed by ${signers.length} trusted key(s) (${signers.join(', ')}), fewer than ${wanted}`,
        identity: `signers<${wanted}`,
      },
    ];
  },
};

const notSignedBy: BuiltinTrigger = {
  name: 'not_signed_by',
  description:
    'Fires for each listed key that has not signed the image (its cosign signature does not verify), including keys that were not supplied. Local sources fire (fail closed).',
  params: [
    {
      name: 'keys',
      type: 'csv',
      required: true,
      description:
        'Required signers: trusted key names (NAME of --key NAME=FILE), files as given, or file names with or without extension.',
    },
  ],
  evaluate(context, params) {
    const verification = context.signatures;
    if (!verification) return [NOT_VERIFIED];
    const firings: Firing[] = [];
    for (const entry of listParam(params, 'keys')) {
      const key = verification.keys.find((k) => keyNamed(entry, k));
      if (!key) {
        firings.push({
          message: `No trusted key ${entry} was supplied, so its signature cannot be verified`,
          identity: `key:${entry}`,
        });
        continue;
      }
      if (verification.signers.includes(key.name)) continue;
      firings.push({
        message: `The image is not signed by ${entry}${reasonText(context)}`,
        identity: `key:${entry}`,
      });
    }
    return firings;
  },
};

/** `https://slsa.dev/provenance/*` covers every version; other values match exactly (any case). */
function predicateMatches(wanted: string, actual: string | undefined): boolean {
  if (actual === undefined) return false;
  const w = wanted.toLowerCase();
  const a = actual.toLowerCase();
  return w.endsWith('*') ? a.startsWith(w.slice(0, -1)) : a === w;
}

const attestationMissing: BuiltinTrigger = {
  name: 'attestation_missing',
  description:
    'Fires when the image has no in-toto attestation (sha256-<digest>.att) of the given predicate type, signed by a trusted key unless verified=false.',
  params: [
    {
      name: 'predicate_type',
      type: 'str',
      required: true,
      description:
        'The predicate type (https://slsa.dev/provenance/v1, https://spdx.dev/Document); a trailing * matches any suffix.',
    },
    {
      name: 'verified',
      type: 'bool',
      default: 'true',
      description: 'Count only attestations a trusted key signed, for this image.',
    },
  ],
  evaluate(context, params) {
    const verification = context.signatures;
    if (!verification) return [NOT_VERIFIED];
    const wanted = stringParam(params, 'predicate_type')?.trim() ?? '';
    if (wanted === '') return [];
    const mustVerify = boolParam(params, true, 'verified');
    const matching = verification.attestations.filter((a) => predicateMatches(wanted, a.predicateType));
    if (matching.some((a) => a.verified || !mustVerify)) return [];
    const why = matching.length > 0 ? `: ${matching[0]!.reason ?? 'not verified'}` : '';
    return [
      {
        message: `The image has no ${mustVerify ? 'verified ' : ''}attestation of type ${wanted}${why}`,
        identity: `attestation:${wanted}`,
      },
    ];
  },
};

/** Who signed the image and what it attests, from its cosign artifacts in the registry. */
export const signatureGate: BuiltinGate = {
  name: 'signature',
  description:
    "Checks the image's cosign signatures and in-toto attestations in its registry against the trusted public keys given to the check.",
  state: 'active',
  triggers: [unsigned, notSignedBy, attestationMissing],
};
