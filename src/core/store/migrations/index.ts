// The one monotonic list of schema migrations. Append only: a shipped migration never changes.
import { m001Reports } from './001-reports';
import { m002AuditLog } from './002-audit-log';
import { m003Sync } from './003-sync';
import { m004Linking } from './004-linking';
import { m005IgnoreOverride } from './005-ignore-override';
import { m006SeriesCount } from './006-series-count';
import { m007CasesAndSharing } from './007-cases-and-sharing';
import { m008Analysis } from './008-analysis';
import { m009SearchDetailNone } from './009-search-detail-none';
import { m010SuggestionsAndModel } from './010-suggestions-and-model';
import { m011OccurredAndTogether } from './011-occurred-and-together';
import { m012ReferenceDomains } from './012-reference-domains';
import { m013Placeholders } from './013-placeholders';
import { m014HostingPlatforms } from './014-hosting-platforms';
import { m015Statements } from './015-statements';
import { m016FlowScale } from './016-flow-scale';
import { m017StatementDevices } from './017-statement-devices';
import type { Migration } from './migration';

export type { Migration } from './migration';

export const MIGRATIONS: readonly Migration[] = [
  m001Reports,
  m002AuditLog,
  m003Sync,
  m004Linking,
  m005IgnoreOverride,
  m006SeriesCount,
  m007CasesAndSharing,
  m008Analysis,
  m009SearchDetailNone,
  m010SuggestionsAndModel,
  m011OccurredAndTogether,
  m012ReferenceDomains,
  m013Placeholders,
  m014HostingPlatforms,
  m015Statements,
  m016FlowScale,
  m017StatementDevices,
];
