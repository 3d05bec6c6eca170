// 资金流向中“共用设备与同一持卡人”的中文文本。

import type { FlowLinksMessages } from './messages-links';

export const flowLinksZhCN: FlowLinksMessages = {
  'flowLinks.title': '共用设备与同一持卡人',
  'flowLinks.intro': (cap) =>
    `本资金流向中从同一 IP 或 MAC 地址转出的账户（一部手机或电脑操作多张卡），以及同一人名下的多张卡（证件号码相同，或姓名和电话相同）。内网 IP 和占位 MAC 不计；被超过 ${cap} 个账户使用的地址视为银行网关或运营商 NAT，另列不计。`,
  'flowLinks.none': '已导入的流水中，本资金流向的账户之间没有共用 IP、MAC 或同一持卡人。',
  'flowLinks.devices': (_n, shown) => `共用设备 ${shown} 个`,
  'flowLinks.holders': (_n, shown) => `一人多卡 ${shown} 人`,
  'flowLinks.kind': (kind) => (kind === 'ip' ? 'IP' : 'MAC'),
  'flowLinks.device': (kind, value) => `${kind === 'ip' ? 'IP' : 'MAC'} ${value}`,
  'flowLinks.deviceSummary': (accounts, transactions, first, last) => `${accounts} 个账户，转出 ${transactions} 笔，${first} 至 ${last}`,
  'flowLinks.col.account': '账户',
  'flowLinks.col.holder': '户名',
  'flowLinks.col.transactions': '由此转出笔数',
  'flowLinks.col.first': '最早',
  'flowLinks.col.last': '最晚',
  'flowLinks.col.idNumber': '证件号码',
  'flowLinks.col.phone': '电话',
  'flowLinks.col.bank': '开户行或网点',
  'flowLinks.col.requested': '已调单',
  'flowLinks.basis': (basis) => (basis === 'id_number' ? '证件号码相同' : '姓名和电话相同'),
  'flowLinks.holderSummary': (names, basis) => `${names}：${basis}`,
  'flowLinks.ignored': (_n, shown, cap) => `${shown} 个地址被超过 ${cap} 个账户使用，另列不计`,
  'flowLinks.ignoredItem': (kind, value, accounts) => `${kind === 'ip' ? 'IP' : 'MAC'} ${value}（${accounts} 个账户）`,
};
