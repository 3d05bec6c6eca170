// UI texts shared by every screen: the app shell, navigation, status strip, jobs, errors,
// pager, counts, dates, validation reasons and the report vocabulary.
// Part of `Messages` (i18n/messages.ts): every language implements these keys exactly.

import type { SyncErrorCode, SyncRunStatus } from '../../../common/api';
import type { Category, IdentifierKind, IdentifierOrigin, MessageChannel } from '../../../common/model';
import type { ErrorCode, Role, Subtype } from './vocabulary';
import type { Count, Keyed, Named } from './message-kit';

interface SharedTexts {
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

  readonly 'count.new': string;
  readonly 'count.updated': string;
  readonly 'count.unchanged': string;
  readonly 'count.withdrawn': string;
  readonly 'count.rejected': string;
  readonly 'count.elapsed': string;
  readonly 'count.pages': string;
  readonly 'count.received': string;
  readonly 'count.quarantined': string;

  readonly 'pager.label': string;
  readonly 'pager.prev': string;
  readonly 'pager.next': string;
  readonly 'pager.status': (from: string, to: string, total: string) => string;

  readonly 'notFound.title': string;
  readonly 'notFound.body': string;

  readonly 'nav.cases': string;
  readonly 'nav.audit': string;

  readonly 'reason.value.null': string;
  readonly 'reason.value.array': string;
  readonly 'reason.value.string': string;
  readonly 'reason.value.boolean': string;
  readonly 'reason.value.object': string;
  readonly 'reason.value.number': Named;
  readonly 'reason.required': string;
  readonly 'reason.empty': string;
  readonly 'reason.notString': Named;
  readonly 'reason.tooLong': Named;
  readonly 'reason.timestamp': Named;
  readonly 'reason.impossibleDate': Named;
  readonly 'reason.impossibleOffset': Named;
  readonly 'reason.notNumber': Named;
  readonly 'reason.notVersion': Named;
  readonly 'reason.notInteger': Named;
  readonly 'reason.range': (min: string, max: string, got: string) => string;
  readonly 'reason.lossObject': Named;
  readonly 'reason.amountNumber': Named;
  readonly 'reason.amountType': Named;
  readonly 'reason.amountFormat': Named;
  readonly 'reason.currency': Named;
  readonly 'reason.notRecord': Named;
  readonly 'reason.notObject': Named;
  readonly 'reason.notArray': Named;
  readonly 'reason.notBoolean': Named;
  readonly 'reason.notOneOf': (value: string, allowed: string) => string;
  readonly 'reason.lineTooLong': string;
  readonly 'reason.badJson': string;
  readonly 'reason.badCsv': string;
  readonly 'reason.original': string;
  readonly 'reason.connection': string;

  readonly 'date.placeholder': string;
  readonly 'date.hint': string;
  readonly 'date.invalid': string;
  readonly 'date.pick': Named;

  readonly 'nav.overview': string;
  readonly 'nav.series': string;

  readonly 'nav.suggestions': string;
  /** Read after the navigation entry's name, for its count badge. */
  readonly 'nav.suggestionsOpen': Count;
}

export type SharedMessages = SharedTexts &
  Keyed<'category', Category> &
  Keyed<'kind', IdentifierKind> &
  Keyed<'channel', MessageChannel> &
  Keyed<'origin', IdentifierOrigin> &
  Keyed<'role', Role> &
  Keyed<'subtype', Subtype> &
  Keyed<'error', ErrorCode> &
  Keyed<'syncStatus', SyncRunStatus> &
  Keyed<'syncError', SyncErrorCode | 'failed'>;
