import type { Static } from '@sinclair/typebox';
import type {
  AttestationCheck,
  AttestationSummary,
  ImageVerification,
  KeyDescription,
  SignatureCheck,
} from '../../signature/types.js';
import type { Agree, Same } from '../type-agreement.js';
import type {
  AttestationCheckSchema,
  AttestationSummarySchema,
  ImageVerificationSchema,
  KeyDescriptionSchema,
  SignatureCheckSchema,
} from '../verify-result.js';

export type VerifyAgreement = [
  Agree<Same<KeyDescription, Static<typeof KeyDescriptionSchema>>>,
  Agree<Same<SignatureCheck, Static<typeof SignatureCheckSchema>>>,
  Agree<Same<AttestationSummary, Static<typeof AttestationSummarySchema>>>,
  Agree<Same<AttestationCheck, Static<typeof AttestationCheckSchema>>>,
  Agree<Same<ImageVerification, Static<typeof ImageVerificationSchema>>>,
];
