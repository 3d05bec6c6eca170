// The report list and report detail texts (#/reports).
// Part of `Messages` (i18n/messages.ts): every language implements these keys exactly.

import type { Count } from '../i18n/message-kit';

interface ReportsTexts {
  readonly 'reports.title': string;
  readonly 'reports.filters': string;
  readonly 'reports.search': string;
  readonly 'reports.searchPlaceholder': string;
  readonly 'reports.categories': string;
  readonly 'reports.categoriesAll': string;
  readonly 'reports.categoriesSome': Count;
  readonly 'reports.categoriesClear': string;
  readonly 'reports.from': string;
  readonly 'reports.to': string;
  readonly 'reports.minLoss': string;
  readonly 'reports.maxLoss': string;
  readonly 'reports.includeWithdrawn': string;
  readonly 'reports.clearFilters': string;
  readonly 'reports.total': Count;
  readonly 'reports.empty': string;
  readonly 'reports.emptyStore': string;
  readonly 'reports.loadingRow': string;
  readonly 'reports.withdrawn': string;
  readonly 'reports.gridHint': string;
  readonly 'reports.invalidAmount': string;
  readonly 'reports.dateOrder': string;
  readonly 'reports.amountOrder': string;

  readonly 'col.id': string;
  readonly 'col.reportedAt': string;
  readonly 'col.category': string;
  readonly 'col.loss': string;
  readonly 'col.precinct': string;
  readonly 'col.summary': string;

  readonly 'detail.back': string;
  readonly 'detail.title': (id: string) => string;
  readonly 'detail.facts': string;
  readonly 'detail.version': string;
  readonly 'detail.category': string;
  readonly 'detail.categoryOriginal': (code: string) => string;
  readonly 'detail.loss': string;
  readonly 'detail.reportedAt': string;
  readonly 'detail.occurredAt': string;
  readonly 'detail.precinct': string;
  readonly 'detail.location': string;
  readonly 'detail.withdrawn': string;
  readonly 'detail.withdrawnNote': string;
  readonly 'detail.notFound': string;
  readonly 'detail.victim': string;
  readonly 'detail.victimNone': string;
  readonly 'detail.victimNote': string;
  readonly 'detail.identifiers': string;
  readonly 'detail.identifiersNone': string;
  readonly 'detail.messages': string;
  readonly 'detail.messagesNone': string;
  readonly 'detail.narrative': string;
  readonly 'detail.narrativeNone': string;
  readonly 'detail.versions': string;

  readonly 'victim.name': string;
  readonly 'victim.phone': string;
  readonly 'victim.idNumber': string;
  readonly 'victim.age': string;
  readonly 'victim.gender': string;
  readonly 'victim.district': string;
  readonly 'victim.reveal': string;
  readonly 'victim.hide': string;
  readonly 'victim.revealLabel': (field: string) => string;
  readonly 'victim.hideLabel': (field: string) => string;

  readonly 'ident.kind': string;
  readonly 'ident.value': string;
  readonly 'ident.raw': string;
  readonly 'ident.role': string;
  readonly 'ident.origin': string;
  readonly 'ident.check': string;
  readonly 'ident.luhnOk': string;
  readonly 'ident.luhnBad': string;
  readonly 'ident.domain': (domain: string) => string;

  readonly 'msg.channel': string;
  readonly 'msg.sender': string;
  readonly 'msg.at': string;

  readonly 'ver.version': string;
  readonly 'ver.receivedAt': string;
  readonly 'ver.source': string;
  readonly 'ver.state': string;
  readonly 'ver.live': string;
  readonly 'ver.withdrawn': string;
  readonly 'ver.current': string;
}

export type ReportsMessages = ReportsTexts;
