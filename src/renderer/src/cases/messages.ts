// The case files' texts (#/cases and a case's page).
// Part of `Messages` (i18n/messages.ts): every language implements these keys exactly.

import type { CaseStatus } from '../../../common/api';
import type { Keyed, Named } from '../i18n/message-kit';

interface CasesTexts {
  readonly 'cases.title': string;
  readonly 'cases.intro': string;
  readonly 'cases.new': string;
  readonly 'cases.filter': string;
  readonly 'cases.status': string;
  readonly 'cases.statusAll': string;
  readonly 'cases.empty': string;
  readonly 'cases.emptyFiltered': string;
  readonly 'cases.caseTitle': string;
  readonly 'cases.assignee': string;
  readonly 'cases.assigneeHint': string;
  readonly 'cases.unassigned': string;
  readonly 'cases.series': string;
  readonly 'cases.reports': string;
  readonly 'cases.loss': string;
  readonly 'cases.notes': string;
  readonly 'cases.updated': string;
  readonly 'cases.back': string;
  readonly 'cases.newTitle': string;
  readonly 'cases.seriesIds': string;
  readonly 'cases.seriesIdsHint': string;
  readonly 'cases.seriesMissing': string;
  readonly 'cases.titleMissing': string;
  readonly 'cases.create': string;
  readonly 'cases.seriesPreview': string;
  readonly 'cases.seriesUnknown': string;
  readonly 'cases.seriesWas': Named;
  readonly 'cases.seriesSummary': (reports: string, loss: string) => string;
  readonly 'cases.creating': string;

  readonly 'case.notFoundTitle': string;
  readonly 'case.facts': string;
  readonly 'case.created': string;
  readonly 'case.saveFacts': string;
  readonly 'case.series': string;
  readonly 'case.followed': (recorded: string, now: string) => string;
  readonly 'case.noSeries': string;
  readonly 'case.seriesId': string;
  readonly 'case.victims': string;
  readonly 'case.threshold': string;
  readonly 'case.over': string;
  readonly 'case.under': string;
  readonly 'case.period': string;
  readonly 'case.actions': string;
  readonly 'case.removeSeries': Named;
  readonly 'case.addSeries': string;
  readonly 'case.add': string;
  readonly 'case.notes': string;
  readonly 'case.notesNone': string;
  readonly 'case.newNote': string;
  readonly 'case.addNote': string;
  readonly 'case.exports': string;
  readonly 'case.exportsNone': string;
  readonly 'case.exportAt': string;
  readonly 'case.exportBy': string;
  readonly 'case.exportFile': string;
  readonly 'case.redaction': string;
  readonly 'case.size': string;
}

export type CasesMessages = CasesTexts & Keyed<'caseStatus', CaseStatus>;
