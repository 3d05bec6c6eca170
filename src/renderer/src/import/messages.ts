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

  readonly 'import.kind': string;
  readonly 'import.kind.reports': string;
  readonly 'import.kind.statements': string;
  readonly 'import.statements.hint': string;
  readonly 'import.statements.summary': string;
  readonly 'import.statements.counts': (fresh: string, duplicates: string, rejected: string) => string;
  readonly 'import.statements.file': (file: string, encoding: string, rows: string) => string;
  readonly 'import.statements.again': (file: string) => string;
  readonly 'import.statements.rejected': string;
  readonly 'import.statements.where': string;
  readonly 'import.statements.column': string;
  readonly 'import.statements.reason': string;
  readonly 'import.statements.row': (file: string, sheet: string, row: number) => string;

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
