import type { Static } from '@sinclair/typebox';
import type { IgnoredMatch, Match, MatchDetails, MatchedPackage, ScanReport } from '../../scan/types.js';
import type { DatabaseStatus } from '../../vulndb/store/types.js';
import type {
  IgnoredMatchSchema,
  MatchDetailsSchema,
  MatchSchema,
  MatchedPackageSchema,
  ScanReportSchema,
} from '../scan-report.js';
import type { DatabaseStatusSchema } from '../vulnerability.js';
import type { Agree, Same } from '../type-agreement.js';

export type ScanAgreement = [
  Agree<Same<MatchedPackage, Static<typeof MatchedPackageSchema>>>,
  Agree<Same<MatchDetails, Static<typeof MatchDetailsSchema>>>,
  Agree<Same<Match, Static<typeof MatchSchema>>>,
  Agree<Same<IgnoredMatch, Static<typeof IgnoredMatchSchema>>>,
  Agree<Same<DatabaseStatus, Static<typeof DatabaseStatusSchema>>>,
  Agree<Same<ScanReport, Static<typeof ScanReportSchema>>>,
];
