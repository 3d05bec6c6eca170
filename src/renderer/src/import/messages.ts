// The import screen and quarantine texts (#/import).
// Part of `Messages` (i18n/messages.ts): every language implements these keys exactly.

import type { Count } from '../i18n/message-kit';

interface ImportTexts {
  readonly 'import.title': string;
  readonly 'import.intro': string;
  readonly 'import.drop': string;
  readonly 'import.choose': string;
  readonly 'import.formats': string;
  readonly 'import.staging': Count;
  readonly 'import.starting': string;
  readonly 'import.cancel': string;
  readonly 'import.cancelled': string;
  readonly 'import.failed': string;
  readonly 'import.summary': string;
  readonly 'import.files': string;
  readonly 'import.rejections': string;
  readonly 'import.rejectionsShown': (shown: string, total: string) => string;
  readonly 'import.quarantineLink': string;
  readonly 'import.viewReports': string;

  readonly 'rej.where': string;
  readonly 'rej.field': string;
  readonly 'rej.reason': string;

  readonly 'quarantine.title': string;
  readonly 'quarantine.intro': string;
  readonly 'quarantine.empty': string;
  readonly 'quarantine.back': string;
  readonly 'quarantine.source': string;
  readonly 'quarantine.receivedAt': string;
}

export type ImportMessages = ImportTexts;
