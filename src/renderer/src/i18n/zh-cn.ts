// 简体中文 — the default UI language. Category names follow report-format.md.

import { auditZhCN } from '../audit/messages-zh-cn';
import { bundlesZhCN } from '../bundles/messages-zh-cn';
import { casesZhCN } from '../cases/messages-zh-cn';
import { importZhCN } from '../import/messages-zh-cn';
import { overviewZhCN } from '../overview/messages-zh-cn';
import { reportsZhCN } from '../reports/messages-zh-cn';
import { seriesZhCN } from '../series/messages-zh-cn';
import { settingsZhCN } from '../settings/messages-zh-cn';
import { sourcesZhCN } from '../sources/messages-zh-cn';
import { flowZhCN } from '../flow/messages-zh-cn';
import { flowLinksZhCN } from '../flow/messages-links-zh-cn';
import { suggestionsZhCN } from '../suggestions/messages-zh-cn';
import { welcomeZhCN } from '../welcome/messages-zh-cn';
import { unlockZhCN } from '../unlock/messages-zh-cn';
import type { Messages } from './messages';
import { sharedZhCN } from './messages-shared-zh-cn';

// Each part is checked against its own type (no key missing, none extra); this one, that no part is missing.
export const zhCN: Messages = {
  ...sharedZhCN,
  ...reportsZhCN,
  ...importZhCN,
  ...welcomeZhCN,
  ...settingsZhCN,
  ...sourcesZhCN,
  ...overviewZhCN,
  ...seriesZhCN,
  ...casesZhCN,
  ...auditZhCN,
  ...bundlesZhCN,
  ...suggestionsZhCN,
  ...flowZhCN,
  ...flowLinksZhCN,
  ...unlockZhCN,
};
