// The shape of a UI dictionary. Every language implements `Messages` exactly — a missing or
// extra key is a type error — so no screen can fall back to another language. Messages that
// embed a number take it twice: raw (for plural rules) and formatted for the locale.

import type { SyncErrorCode, SyncRunStatus } from '../../../common/api';
import type { IdentifierOrigin, Category, IdentifierKind, MessageChannel } from '../../../common/model';
import type { ErrorCode, Role, Subtype } from './vocabulary';
import type { AnalysisMessages } from './analysis-messages';
import type { CaseworkMessages } from './casework-messages';
import type { SuggestionMessages } from './suggestions-messages';
import type { FlowMessages } from '../flow/messages';

type Count = (n: number, shown: string) => string;

type Keyed<Prefix extends string, K extends string> = { readonly [P in K as `${Prefix}.${P}`]: string };

interface Texts {
  readonly 'app.title': string;
  readonly 'app.skipToMain': string;

  readonly 'nav.label': string;
  readonly 'nav.reports': string;
  readonly 'nav.import': string;
  readonly 'nav.sources': string;
  readonly 'nav.settings': string;

  readonly 'status.label': string;
  readonly 'status.store': string;
  readonly 'status.reports': Count;
  readonly 'status.unavailable': string;
  readonly 'job.import': string;
  readonly 'job.demo': string;
  readonly 'job.sync': string;
  readonly 'job.link': string;
  readonly 'job.export': string;
  readonly 'job.bundle': string;
  readonly 'job.statements': string;
  readonly 'job.count': (done: string, total: string | null) => string;
  readonly 'job.cancel': string;
  readonly 'job.cancelling': string;

  readonly 'error.details': string;
  readonly 'error.retry': string;

  readonly 'common.loading': string;
  readonly 'common.none': string;

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

  readonly 'count.new': string;
  readonly 'count.updated': string;
  readonly 'count.unchanged': string;
  readonly 'count.withdrawn': string;
  readonly 'count.rejected': string;
  readonly 'count.elapsed': string;
  readonly 'count.pages': string;
  readonly 'count.received': string;
  readonly 'count.quarantined': string;

  readonly 'rej.where': string;
  readonly 'rej.field': string;
  readonly 'rej.reason': string;

  readonly 'quarantine.title': string;
  readonly 'quarantine.intro': string;
  readonly 'quarantine.empty': string;
  readonly 'quarantine.back': string;
  readonly 'quarantine.source': string;
  readonly 'quarantine.receivedAt': string;

  readonly 'pager.label': string;
  readonly 'pager.prev': string;
  readonly 'pager.next': string;
  readonly 'pager.status': (from: string, to: string, total: string) => string;

  readonly 'welcome.title': string;
  readonly 'welcome.body': string;
  readonly 'welcome.demo': string;
  readonly 'welcome.demoHint': Count;
  readonly 'welcome.import': string;
  readonly 'welcome.demoRunning': string;
  readonly 'welcome.demoCancelled': string;
  readonly 'welcome.notEmpty': Count;
  readonly 'welcome.toReports': string;

  readonly 'settings.title': string;
  readonly 'settings.display': string;
  readonly 'settings.language': string;
  readonly 'settings.theme': string;
  readonly 'settings.themeLight': string;
  readonly 'settings.themeDark': string;
  readonly 'settings.linking': string;
  readonly 'settings.linkingIntro': string;
  readonly 'settings.threshold': string;
  readonly 'settings.thresholdHint': (currency: string) => string;
  readonly 'settings.lookback': string;
  readonly 'settings.lookbackHint': string;
  readonly 'settings.save': string;
  readonly 'settings.saving': string;
  readonly 'settings.saved': string;
  readonly 'settings.invalidAmount': string;
  readonly 'settings.invalidDays': string;
  readonly 'settings.store': string;
  readonly 'settings.sync': string;
  readonly 'settings.syncIntro': string;
  readonly 'settings.syncInterval': string;
  readonly 'settings.syncIntervalHint': string;
  readonly 'settings.invalidInterval': string;

  readonly 'sources.title': string;
  readonly 'sources.intro': string;
  readonly 'sources.list': string;
  readonly 'sources.empty': string;
  readonly 'sources.offline': string;
  readonly 'sources.addTitle': string;
  readonly 'sources.url': string;
  readonly 'sources.urlHint': string;
  readonly 'sources.precinct': string;
  readonly 'sources.precinctHint': string;
  readonly 'sources.token': string;
  readonly 'sources.tokenHint': string;
  readonly 'sources.add': string;
  readonly 'sources.adding': string;
  readonly 'sources.invalidUrl': string;
  readonly 'sources.invalidUrlHttp': string;
  readonly 'sources.invalidUrlParts': string;
  readonly 'sources.invalidPrecinct': string;
  readonly 'sources.invalidToken': string;
  readonly 'sources.feedTitle': (precinct: string) => string;
  readonly 'sources.tokenSet': string;
  readonly 'sources.tokenMissing': string;
  readonly 'sources.lastSync': string;
  readonly 'sources.never': string;
  readonly 'sources.status': string;
  readonly 'sources.lastCounts': string;
  readonly 'sources.syncNow': string;
  readonly 'sources.starting': string;
  readonly 'sources.cancel': string;
  readonly 'sources.cancelling': string;
  readonly 'sources.progress': string;
  readonly 'sources.progressText': (page: string, received: string) => string;
  readonly 'sources.waitingServer': (seconds: string) => string;
  readonly 'sources.waitingRetry': (seconds: string, reason: string) => string;
  readonly 'sources.setToken': string;
  readonly 'sources.replaceToken': string;
  readonly 'sources.newToken': string;
  readonly 'sources.saveToken': string;
  readonly 'sources.tokenSaved': string;
  readonly 'sources.cancelEdit': string;
  readonly 'sources.remove': string;
  readonly 'sources.removeConfirm': (precinct: string) => string;
  readonly 'sources.removeYes': string;
  readonly 'sources.history': string;
  readonly 'sources.historyEmpty': string;
  readonly 'sources.runStarted': string;
  readonly 'sources.runFinished': string;
  readonly 'sources.more': string;
  readonly 'sources.cancelled': string;
  readonly 'sources.errorDetails': string;

  readonly 'notFound.title': string;
  readonly 'notFound.body': string;
}

export type Messages = Texts &
  AnalysisMessages &
  CaseworkMessages &
  SuggestionMessages &
  FlowMessages &
  Keyed<'category', Category> &
  Keyed<'kind', IdentifierKind> &
  Keyed<'channel', MessageChannel> &
  Keyed<'origin', IdentifierOrigin> &
  Keyed<'role', Role> &
  Keyed<'subtype', Subtype> &
  Keyed<'error', ErrorCode> &
  Keyed<'syncStatus', SyncRunStatus> &
  Keyed<'syncError', SyncErrorCode | 'failed'>;

export type MessageKey = keyof Messages;

/** Keys whose message is plain text (no arguments). */
export type TextKey = { [K in MessageKey]: Messages[K] extends string ? K : never }[MessageKey];
