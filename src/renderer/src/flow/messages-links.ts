// The texts of the money flow's shared devices and holders (FlowLinks.tsx). Part of `Messages`:
// every language implements these keys too.

export interface FlowLinksMessages {
  readonly 'flowLinks.title': string;
  readonly 'flowLinks.intro': (cap: string) => string;
  readonly 'flowLinks.none': string;
  readonly 'flowLinks.devices': (n: number, shown: string) => string;
  readonly 'flowLinks.holders': (n: number, shown: string) => string;
  readonly 'flowLinks.kind': (kind: 'ip' | 'mac') => string;
  readonly 'flowLinks.device': (kind: 'ip' | 'mac', value: string) => string;
  readonly 'flowLinks.deviceSummary': (accounts: string, transactions: string, first: string, last: string) => string;
  readonly 'flowLinks.col.account': string;
  readonly 'flowLinks.col.holder': string;
  readonly 'flowLinks.col.transactions': string;
  readonly 'flowLinks.col.first': string;
  readonly 'flowLinks.col.last': string;
  readonly 'flowLinks.col.idNumber': string;
  readonly 'flowLinks.col.phone': string;
  readonly 'flowLinks.col.bank': string;
  readonly 'flowLinks.col.requested': string;
  readonly 'flowLinks.basis': (basis: 'id_number' | 'name_phone') => string;
  readonly 'flowLinks.holderSummary': (names: string, basis: string) => string;
  readonly 'flowLinks.ignored': (n: number, shown: string, cap: string) => string;
  readonly 'flowLinks.ignoredItem': (kind: 'ip' | 'mac', value: string, accounts: string) => string;
}
