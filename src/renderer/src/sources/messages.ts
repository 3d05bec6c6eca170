// The sources and sync screen's texts (#/sources).
// Part of `Messages` (i18n/messages.ts): every language implements these keys exactly.

interface SourcesTexts {
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
}

export type SourcesMessages = SourcesTexts;
