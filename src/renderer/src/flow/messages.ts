// The money flow's texts (the series workspace's money section). Part of `Messages`: every
// language implements these keys too.

import type { AccountToRequest } from '../../../common/api';

export interface FlowMessages {
  readonly 'flow.title': string;
  readonly 'flow.intro': string;
  readonly 'flow.none': string;
  readonly 'flow.cards': (cards: string) => string;
  readonly 'flow.entered': string;
  readonly 'flow.cashOut': string;
  readonly 'flow.retained': string;
  readonly 'flow.beyond': string;
  readonly 'flow.graph': string;
  readonly 'flow.graphHint': string;
  readonly 'flow.sankey': string;
  readonly 'flow.sankeyVictims': string;
  readonly 'flow.layer': (layer: number) => string;
  readonly 'flow.accounts': string;
  readonly 'flow.col.layer': string;
  readonly 'flow.col.account': string;
  readonly 'flow.col.holder': string;
  readonly 'flow.col.received': string;
  readonly 'flow.col.sent': string;
  readonly 'flow.col.cashOut': string;
  readonly 'flow.col.requested': string;
  readonly 'flow.col.role': string;
  readonly 'flow.col.series': string;
  readonly 'flow.col.time': string;
  readonly 'flow.col.from': string;
  readonly 'flow.col.to': string;
  readonly 'flow.col.amount': string;
  readonly 'flow.col.summary': string;
  readonly 'flow.yes': string;
  readonly 'flow.no': string;
  readonly 'flow.cash': string;
  readonly 'flow.toRequest': string;
  readonly 'flow.toRequestIntro': string;
  readonly 'flow.toRequestNone': string;
  readonly 'flow.role': (role: AccountToRequest['role']) => string;
  readonly 'flow.shared': string;
  readonly 'flow.sharedIntro': string;
  readonly 'flow.sharedOverview': (n: number, shown: string) => string;
  readonly 'flow.transactions': (shown: string) => string;
  readonly 'flow.filter': string;
  readonly 'flow.selected': (account: string) => string;
  readonly 'flow.clearSelection': string;
}
