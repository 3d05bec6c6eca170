// English: import and quarantine.

import { plural } from '../i18n/message-kit';
import type { ImportMessages } from './messages';

export const importEn: ImportMessages = {
  'import.title': 'Import reports',
  'import.intro':
    'Import NDJSON or CSV files exported from the reporting platform. Importing twice is safe: equal or older versions are skipped and newer ones replace what is stored.',
  'import.drop': 'Drop report files here',
  'import.choose': 'Choose files…',
  'import.formats':
    'Accepts .ndjson, .jsonl and .csv files (pick several at once if you like), and case bundles (.casebundle) from other bureaus.',
  'import.staging': (n, shown) => `Preparing ${plural(n, shown, 'file', 'files')}…`,
  'import.starting': 'Starting the import…',
  'import.kind': 'These files are',
  'import.kind.reports': 'Reports (NDJSON, CSV)',
  'import.kind.statements': 'Bank statements (xlsx, CSV)',
  'import.statements.hint':
    'The banks’ answers to statement requests: xlsx, or CSV in UTF-8 or GB18030. Their cards attach to the series whose reports name them; see a series’ money flow.',
  'import.statements.summary': 'Bank statements imported',
  'import.statements.counts': (fresh, duplicates, rejected) =>
    `${fresh} new transactions, ${duplicates} already stored (the other party’s copy, or the same rows again), ${rejected} rows rejected`,
  'import.statements.file': (file, encoding, rows) => `${file}: ${rows} rows, read as ${encoding}`,
  'import.statements.again': (file) => `${file}: imported before, nothing changed`,
  'import.statements.rejected': 'Rejected rows',
  'import.statements.where': 'Where',
  'import.statements.column': 'Column',
  'import.statements.reason': 'Reason',
  'import.statements.row': (file, sheet, row) => `${file}, ${sheet}, row ${row}`,
  'import.cancel': 'Cancel import',
  'import.cancelled': 'Import cancelled. Records committed before the cancel are kept.',
  'import.failed': 'The import could not finish.',
  'import.summary': 'Import result',
  'import.files': 'Files',
  'import.rejections': 'Rejected records',
  'import.rejectionsShown': (shown, total) => `Showing the first ${shown} of ${total}; every rejected record is kept in the quarantine.`,
  'import.quarantineLink': 'Open the quarantine',
  'import.viewReports': 'View the reports',

  'rej.where': 'Where',
  'rej.field': 'Field',
  'rej.reason': 'Reason',

  'quarantine.title': 'Quarantine',
  'quarantine.intro': 'Records that could not be imported are kept here with the reason; fix the source file and import it again.',
  'quarantine.empty': 'The quarantine is empty.',
  'quarantine.back': 'Back to import',
  'quarantine.source': 'Source file',
  'quarantine.receivedAt': 'Received',
};
