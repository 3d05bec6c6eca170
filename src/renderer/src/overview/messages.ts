// The overview screen's texts (#/overview).
// Part of `Messages` (i18n/messages.ts): every language implements these keys exactly.

import type { Count, Keyed } from '../i18n/message-kit';

interface OverviewTexts {
  readonly 'overview.title': string;
  readonly 'overview.linkedAt': (when: string) => string;
  readonly 'overview.counts': string;
  readonly 'overview.reports': string;
  readonly 'overview.series': string;
  readonly 'overview.overThreshold': string;
  readonly 'overview.thresholdIs': (amount: string) => string;
  readonly 'overview.onlyTogether': string;
  readonly 'overview.onlyTogetherHint': string;
  readonly 'overview.totalLoss': string;
  readonly 'overview.linkedLoss': string;
  readonly 'overview.overTime': string;
  readonly 'overview.chartHint': string;
  readonly 'overview.lossOverTime': string;
  readonly 'overview.reportsOverTime': string;
  readonly 'overview.loss': string;
  readonly 'overview.showTable': string;
  readonly 'overview.byCategory': string;
  readonly 'overview.seriesCol': string;
  readonly 'overview.seriesLink': string;
  readonly 'overview.seriesOfCategory': (category: string) => string;
  readonly 'overview.newestOver': string;
  readonly 'overview.noneOver': string;
  readonly 'overview.allOver': string;
  readonly 'overview.topIdentifiers': string;
  readonly 'overview.kind': string;
  readonly 'overview.value': string;
  readonly 'overview.inSeries': string;
  readonly 'overview.searchReports': (value: string) => string;
  readonly 'overview.more': Count;
  readonly 'overview.notLinked': string;
  readonly 'overview.linkNow': string;
}

export type OverviewMessages = OverviewTexts & Keyed<'overview.bucket', 'day' | 'week' | 'month'>;
