// English.

import { auditEn } from '../audit/messages-en';
import { bundlesEn } from '../bundles/messages-en';
import { casesEn } from '../cases/messages-en';
import { importEn } from '../import/messages-en';
import { overviewEn } from '../overview/messages-en';
import { reportsEn } from '../reports/messages-en';
import { seriesEn } from '../series/messages-en';
import { settingsEn } from '../settings/messages-en';
import { sourcesEn } from '../sources/messages-en';
import { flowEn } from '../flow/messages-en';
import { flowLinksEn } from '../flow/messages-links-en';
import { suggestionsEn } from '../suggestions/messages-en';
import { welcomeEn } from '../welcome/messages-en';
import { unlockEn } from '../unlock/messages-en';
import type { Messages } from './messages';
import { sharedEn } from './messages-shared-en';

// Each part is checked against its own type (no key missing, none extra); this one, that no part is missing.
export const en: Messages = {
  ...sharedEn,
  ...reportsEn,
  ...importEn,
  ...welcomeEn,
  ...settingsEn,
  ...sourcesEn,
  ...overviewEn,
  ...seriesEn,
  ...casesEn,
  ...auditEn,
  ...bundlesEn,
  ...suggestionsEn,
  ...flowEn,
  ...flowLinksEn,
  ...unlockEn,
};
