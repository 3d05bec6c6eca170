// English texts of the money flow's shared devices and holders.

import type { FlowLinksMessages } from './messages-links';

export const flowLinksEn: FlowLinksMessages = {
  'flowLinks.title': 'Shared devices and holders',
  'flowLinks.intro': (cap) =>
    `Accounts of this flow paid from the same IP or MAC (one phone or PC running several cards), and one holder behind several cards (the same ID number, or the same name and phone). Private IPs and placeholder MACs are not counted; an address used by more than ${cap} accounts is a bank gateway or a carrier’s NAT and is set aside.`,
  'flowLinks.none': 'No two accounts of this flow share an IP, a MAC or a holder in the statements read so far.',
  'flowLinks.devices': (n, shown) => `${shown} shared ${n === 1 ? 'device' : 'devices'}`,
  'flowLinks.holders': (n, shown) => `${shown} ${n === 1 ? 'holder' : 'holders'} behind several accounts`,
  'flowLinks.kind': (kind) => (kind === 'ip' ? 'IP' : 'MAC'),
  'flowLinks.device': (kind, value) => `${kind === 'ip' ? 'IP' : 'MAC'} ${value}`,
  'flowLinks.deviceSummary': (accounts, transactions, first, last) => `${accounts} accounts, ${transactions} payments, ${first} – ${last}`,
  'flowLinks.col.account': 'Account',
  'flowLinks.col.holder': 'Holder',
  'flowLinks.col.transactions': 'Payments from it',
  'flowLinks.col.first': 'First',
  'flowLinks.col.last': 'Last',
  'flowLinks.col.idNumber': 'ID number',
  'flowLinks.col.phone': 'Phone',
  'flowLinks.col.bank': 'Bank or branch',
  'flowLinks.col.requested': 'Statement read',
  'flowLinks.basis': (basis) => (basis === 'id_number' ? 'same ID number' : 'same name and phone'),
  'flowLinks.holderSummary': (names, basis) => `${names}: ${basis}`,
  'flowLinks.ignored': (n, shown, cap) => `${shown} ${n === 1 ? 'address' : 'addresses'} used by more than ${cap} accounts, set aside`,
  'flowLinks.ignoredItem': (kind, value, accounts) => `${kind === 'ip' ? 'IP' : 'MAC'} ${value} (${accounts} accounts)`,
};
