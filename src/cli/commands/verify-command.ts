import { Command } from 'commander';
import { UsageError } from '../../errors/index.js';
import type { KeySource } from '../../signature/index.js';
import { parseSource } from '../../source/open-source.js';
import { EXIT_NOT_VERIFIED } from '../exit-codes.js';
import { addRegistryOptions, sourceOptions, type ImageOptionValues } from '../image-options.js';
import { collectKey } from '../key-options.js';
import { outputTargetsOption, parseOutputTargets } from '../output-targets.js';
import { writeOutputs } from '../write-outputs.js';

interface VerifyOptionValues extends Omit<ImageOptionValues, 'cache' | 'platform'> {
  key: KeySource[];
  output: string[];
  attestations: boolean;
}

export function verifyCommand(): Command {
  const command = new Command('verify')
    .description(
      "verify an image's cosign signatures (and read its attestations) against trusted public keys, offline",
    )
    .argument('<image>', 'a registry image: registry:REF or a bare reference (acme/app:1.4, …@sha256:…)')
    .option(
      '--key <[name=]file>',
      'a trusted PEM public key (ECDSA P-256/P-384, RSA, Ed25519); rules name it NAME or FILE (repeatable)',
      collectKey,
      [] as KeySource[],
    )
    .addOption(outputTargetsOption([{ name: 'table' }, { name: 'json' }]))
    .option('--no-attestations', 'check the signatures only, not the sha256-….att attestations')
    .addHelpText(
      'after',
      `\nExits 0 when a signature verifies with a trusted key, ${EXIT_NOT_VERIFIED} when none does, 1 on an error.\n\nExamples:\n  customs verify registry:ghcr.io/acme/app:1.4 --key cosign.pub\n  customs verify acme/app@sha256:… --key release=release.pub --key ci=ci.pub -o json\n`,
    );
  return addRegistryOptions(command).action(async (image: string, values: VerifyOptionValues) => {
    if (values.key.length === 0) throw new UsageError('verify needs at least one --key (a PEM public key)');
    const { verifyReport, loadTrustedKeys, verifyImageSignatures } = await import('../../signature/index.js');
    const targets = parseOutputTargets(values.output, 'table').map((t) => ({
      ...t,
      encoder: verifyReport.get(t.format),
    }));
    const { type, spec } = await parseSource(image);
    if (type !== 'registry') {
      throw new UsageError(`${image} is a local ${type} source: signatures are stored in a registry`);
    }
    const keys = await loadTrustedKeys(values.key);
    const verification = await verifyImageSignatures(spec, {
      keys,
      attestations: values.attestations,
      ...sourceOptions(values),
    });
    await writeOutputs(targets, (target) => target.encoder.encode(verification));
    if (!verification.verified) process.exitCode = EXIT_NOT_VERIFIED;
  });
}
