import { Command, Option } from 'commander';
import { SBOM_FORMATS, sbomFormat } from '../../format/registry.js';
import type { Scope } from '../../model/sbom.js';
import { sbomImage } from '../../usecases/sbom-image.js';
import { addCatalogOptions, catalogOptions, type CatalogOptionValues } from '../catalog-options.js';
import { addImageOptions, imageReadOptions, type ImageOptionValues } from '../image-options.js';
import { outputTargetsOption, parseOutputTargets } from '../output-targets.js';
import { withProgress } from '../with-progress.js';
import { printWarnings, writeOutputs } from '../write-outputs.js';

interface SbomOptionValues extends ImageOptionValues, CatalogOptionValues {
  output: string[];
  scope: Scope;
  quiet?: boolean;
}

export function sbomCommand(): Command {
  const command = new Command('sbom')
    .description('list what is inside an image: packages, with where each was found')
    .argument(
      '<source>',
      'registry:REF, oci-dir:PATH[:TAG], oci-archive:FILE, docker-archive:FILE, dir:PATH, sbom:FILE, or a bare name:tag',
    )
    .addOption(outputTargetsOption(SBOM_FORMATS))
    .addOption(
      new Option('--scope <scope>', 'which files count')
        .choices(['squashed', 'all-layers'])
        .default('squashed'),
    )
    .option('-q, --quiet', 'no progress display');
  addImageOptions(command);
  addCatalogOptions(command);
  return command.action(async (source: string, values: SbomOptionValues) => {
    const targets = parseOutputTargets(values.output, 'table');
    const formats = targets.map((t) => ({ ...t, encoder: sbomFormat(t.format) }));
    const { sbom, warnings } = await withProgress(values.quiet, (onProgress, signal) =>
      sbomImage(source, {
        ...imageReadOptions(values),
        scope: values.scope,
        catalog: catalogOptions(values),
        onProgress,
        signal,
      }),
    );
    printWarnings(warnings);
    await writeOutputs(formats, (target) => target.encoder.encode(sbom));
  });
}
