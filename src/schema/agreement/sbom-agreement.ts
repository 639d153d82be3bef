import type { Static } from '@sinclair/typebox';
import type { Sbom } from '../../model/sbom.js';
import type { Package } from '../../model/package.js';
import type { ImageMetadata } from '../../model/image.js';
import type { SbomSchema } from '../sbom.js';
import type { PackageSchema } from '../sbom-parts.js';
import type { ImageMetadataSchema } from '../image-metadata.js';
import type { Agree, Same } from '../type-agreement.js';

export type SbomAgreement = [
  Agree<Same<Package, Static<typeof PackageSchema>>>,
  Agree<Same<ImageMetadata, Static<typeof ImageMetadataSchema>>>,
  Agree<Same<Sbom, Static<typeof SbomSchema>>>,
];
