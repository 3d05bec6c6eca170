// The series list and series workspace texts: graph, evidence, losses, timeline, actions
// and corrections.
// Part of `Messages` (i18n/messages.ts): every language implements these keys exactly.

import type { CaseStatus, LinkExplanation } from '../../../common/api';
import type { IdentifierOrigin } from '../../../common/model';
import type { Count, Keyed } from '../i18n/message-kit';

interface SeriesTexts {
  readonly 'seriesList.title': string;
  readonly 'seriesList.intro': (threshold: string) => string;
  readonly 'seriesList.total': Count;
  readonly 'seriesList.filters': string;
  readonly 'seriesList.search': string;
  readonly 'seriesList.searchPlaceholder': string;
  readonly 'seriesList.overOnly': string;
  readonly 'seriesList.togetherOnly': string;
  readonly 'seriesList.status': string;
  readonly 'seriesList.statusAll': string;
  readonly 'seriesList.clear': string;
  readonly 'seriesList.defaultOrder': string;
  readonly 'seriesList.empty': string;
  readonly 'seriesList.emptyFiltered': string;
  readonly 'seriesList.over': string;
  readonly 'seriesList.together': string;
  readonly 'seriesList.below': (percent: string) => string;
  readonly 'seriesList.sep': string;
  readonly 'seriesList.col.id': string;
  readonly 'seriesList.col.reports': string;
  readonly 'seriesList.col.victims': string;
  readonly 'seriesList.col.loss': string;
  readonly 'seriesList.col.first': string;
  readonly 'seriesList.col.last': string;
  readonly 'seriesList.col.categories': string;
  readonly 'seriesList.col.status': string;

  readonly 'seriesStatus.none': string;

  readonly 'series.title': (id: string) => string;
  readonly 'series.back': string;
  readonly 'series.notFound': string;
  readonly 'series.overAt': (date: string) => string;
  readonly 'series.onlyTogether': string;
  /** Which dates the threshold's window counted: occurrence dates for `n` of `total` reports, report dates for the rest. */
  readonly 'series.window': (days: string, n: number, nShown: string, total: number, totalShown: string) => string;
  readonly 'series.followed': (asked: string, now: string) => string;
  readonly 'series.formerIds': (ids: string) => string;
  readonly 'series.sections': string;
  readonly 'series.reports': string;
  readonly 'series.messages': string;
  readonly 'series.crossingReport': string;
  readonly 'series.relinking': string;

  readonly 'graph.title': string;
  readonly 'graph.tools': string;
  readonly 'graph.trimmed': string;
  readonly 'graph.layout': string;
  readonly 'graph.fit': string;
  readonly 'graph.zoomIn': string;
  readonly 'graph.zoomOut': string;
  readonly 'graph.centrality': string;
  readonly 'graph.centrality.none': string;
  readonly 'graph.centrality.degree': string;
  readonly 'graph.centrality.betweenness': string;
  readonly 'graph.collapseAll': string;
  readonly 'graph.folding': string;
  readonly 'graph.foldAll': (n: string) => string;
  readonly 'graph.collectionLabel': (count: number, kind: string, loss: string | null) => string;
  readonly 'graph.collection': (n: string, kind: string) => string;
  readonly 'graph.collectionHint': string;
  readonly 'graph.collectionLoss': string;
  readonly 'graph.collectionShared': string;
  readonly 'graph.collectionOpen': string;
  readonly 'graph.collectionMore': (n: string) => string;
  readonly 'graph.collectionFold': (n: string) => string;
  readonly 'graph.kinds': string;
  readonly 'graph.reportNode': string;
  readonly 'graph.legendHub': string;
  readonly 'graph.pathFrom': string;
  readonly 'graph.pathTo': string;
  readonly 'graph.findPath': string;
  readonly 'graph.clearPath': string;
  readonly 'graph.pathFound': (hops: number, shown: string, path: string) => string;
  readonly 'graph.pathNone': string;
  readonly 'graph.summary': (nodes: string, edges: string) => string;
  readonly 'graph.counts': (nodes: string, edges: string, visible: string) => string;
  readonly 'graph.renderTime': (time: string) => string;
  readonly 'graph.mostCentral': string;
  readonly 'graph.nodeTable': (n: string) => string;
  readonly 'graph.nodeTableCaption': string;
  readonly 'graph.col.node': string;
  readonly 'graph.col.type': string;
  readonly 'graph.col.degree': string;
  readonly 'graph.col.storeReports': string;
  readonly 'graph.hub': string;
  readonly 'graph.hubNote': string;
  readonly 'graph.ignored': string;
  readonly 'graph.ignoredNote': string;
  readonly 'graph.details': string;
  readonly 'graph.selectHint': string;
  readonly 'graph.inSeries': string;
  readonly 'graph.yes': string;
  readonly 'graph.noOutside': string;
  readonly 'graph.openReport': string;
  readonly 'graph.expand': string;
  readonly 'graph.expanded': string;
  readonly 'graph.searchReports': string;
  readonly 'graph.hasEdge': string;
  readonly 'graph.linkEdge': string;
  readonly 'graph.evidence': string;

  readonly 'evidence.identifier': (kind: string, value: string) => string;
  readonly 'evidence.domain': (domain: string) => string;
  readonly 'evidence.text': (percent: string) => string;
  readonly 'evidence.textNear': (percent: string) => string;
  readonly 'evidence.categoryTime': (category: string, days: string) => string;
  readonly 'evidence.category': (category: string) => string;
  readonly 'evidence.categoryDiffers': (categories: string) => string;
  readonly 'evidence.brand': (brand: string) => string;
  readonly 'evidence.sender': (pattern: string) => string;
  readonly 'evidence.prior': (groups: string) => string;
  readonly 'evidence.groups': Count;
  readonly 'evidence.bits': (bits: string) => string;
  readonly 'evidence.linkBits': (bits: string) => string;
  readonly 'evidence.bridge': (larger: string, smaller: string) => string;
  readonly 'evidence.correction': (id: string) => string;
  readonly 'evidence.markedWrong': string;

  readonly 'explain.title': string;
  readonly 'explain.linked': Count;
  readonly 'explain.notLinked': string;
  readonly 'explain.strong': string;
  readonly 'explain.weak': string;
  readonly 'explain.shared': string;

  readonly 'loss.title': string;
  readonly 'loss.cumulative': string;
  readonly 'loss.total': string;
  readonly 'loss.loss': string;
  readonly 'loss.thresholdLine': (amount: string) => string;
  readonly 'loss.crossingLabel': (reportId: string) => string;
  readonly 'loss.crossedBy': string;
  readonly 'loss.crossedOn': (date: string, total: string) => string;
  readonly 'loss.notCrossed': (total: string, threshold: string) => string;
  readonly 'loss.otherCurrency': Count;
  readonly 'loss.perVictim': string;
  readonly 'loss.victimN': (n: number) => string;
  readonly 'loss.victimsShown': (n: number, total: string) => string;
  readonly 'loss.perCategory': string;
  readonly 'loss.logScale': string;
  readonly 'loss.logScaleHint': string;

  readonly 'timeline.title': string;
  readonly 'timeline.intro': (reports: string, messages: string) => string;
  readonly 'timeline.report': string;
  readonly 'timeline.inReport': (id: string) => string;
  readonly 'timeline.more': (n: string) => string;

  readonly 'actions.title': string;
  readonly 'actions.intro': string;
  readonly 'actions.reason': string;
  readonly 'actions.reasonRequired': string;
  readonly 'actions.cancel': string;
  readonly 'actions.report': string;
  readonly 'actions.kind': string;
  readonly 'actions.value': string;
  readonly 'actions.splitTitle': string;
  readonly 'actions.splitHint': string;
  readonly 'actions.split': string;
  readonly 'actions.splitDone': string;
  readonly 'actions.mergeTitle': string;
  readonly 'actions.mergeHint': string;
  readonly 'actions.merge': string;
  readonly 'actions.mergeDone': string;
  readonly 'actions.otherSeries': string;
  readonly 'actions.otherSeriesHint': string;
  readonly 'actions.wrongTitle': string;
  readonly 'actions.wrongHint': string;
  readonly 'actions.markWrong': string;
  readonly 'actions.markWrongValue': (value: string) => string;
  readonly 'actions.markWrongDone': string;
  readonly 'actions.ignoreTitle': string;
  readonly 'actions.ignoreHint': string;
  readonly 'actions.ignore': string;
  readonly 'actions.ignoreDone': string;

  readonly 'corrections.title': string;
  readonly 'corrections.none': string;
  readonly 'corrections.split': (report: string) => string;
  readonly 'corrections.merge': (a: string, b: string) => string;
  readonly 'corrections.wrong': (report: string, kind: string, value: string) => string;
  readonly 'corrections.by': (actor: string, when: string) => string;
  readonly 'corrections.reason': string;
  readonly 'corrections.revoke': string;
  readonly 'corrections.revoked': string;
}

export type SeriesMessages = SeriesTexts &
  Keyed<'seriesStatus', CaseStatus> &
  Keyed<'graph.layout', 'fcose' | 'concentric' | 'breadthfirst' | 'grid'> &
  Keyed<'explain.status', LinkExplanation['shared'][number]['status']> &
  Keyed<'evidence.origin', IdentifierOrigin>;
