// The columns of a bank's transaction sheet (docs/specs/bank-statement.md), found by their header
// names: the banks write the same column under several names, in any order, with spaces, full-width
// brackets or a trailing colon. A header row is the first row naming an account column, the
// amount, the time and the direction (or only an amount whose sign tells it).

export type Field =
  | 'card'
  | 'account'
  | 'holder'
  | 'holderId'
  | 'time'
  | 'amount'
  | 'balance'
  | 'direction'
  | 'currency'
  | 'success'
  | 'type'
  | 'summary'
  | 'counterparty'
  | 'counterpartyName'
  | 'counterpartyId'
  | 'counterpartyBank'
  | 'counterpartyBalance'
  | 'cash'
  | 'place'
  | 'branch'
  | 'channel'
  | 'terminal'
  | 'ip'
  | 'mac'
  | 'merchant'
  | 'serial'
  | 'note'
  | 'feedback';

const NAMES: Readonly<Record<Field, readonly string[]>> = {
  card: ['交易卡号', '卡号', '查询卡号', '本方卡号'],
  account: ['交易账号', '账号', '查询账号', '本方账号', '交易账户'],
  holder: ['账户开户名称', '交易户名', '户名', '账户名称', '客户名称', '本方户名'],
  holderId: ['开户人证件号码', '证件号码', '身份证号', '客户证件号码'],
  time: ['交易时间', '交易日期时间', '交易日期', '记账时间', '交易发生时间'],
  amount: ['交易金额', '金额', '发生额'],
  balance: ['交易余额', '余额', '账户余额', '交易后余额'],
  direction: ['收付标志', '借贷标志', '借贷方向', '收支标志', '出入账标志'],
  currency: ['交易币种', '币种'],
  success: ['交易是否成功', '是否成功', '交易状态'],
  type: ['交易类型'],
  summary: ['摘要说明', '摘要', '交易摘要'],
  counterparty: ['交易对手账卡号', '对手账号', '对手卡号', '对方账号', '对方卡号', '交易对手账号', '对手账卡号'],
  counterpartyName: ['对手户名', '对方户名', '交易对手户名', '对手名称'],
  counterpartyId: ['对手身份证号', '对手证件号码', '对方证件号码'],
  counterpartyBank: ['对手开户银行', '对方开户行', '对手开户行', '对方银行'],
  counterpartyBalance: ['对手交易余额'],
  cash: ['现金标志', '现转标志'],
  place: ['交易发生地', '交易地点'],
  branch: ['交易网点名称', '交易网点', '网点名称'],
  channel: ['交易渠道', '渠道'],
  terminal: ['终端号', '交易终端号'],
  ip: ['IP地址', 'ip地址', 'IP'],
  mac: ['MAC地址', 'mac地址', 'MAC'],
  merchant: ['商户名称'],
  serial: ['交易流水号', '流水号', '交易序号'],
  note: ['备注'],
  feedback: ['查询反馈结果原因'],
};

/** A header as the banks vary it, reduced to compare: no spaces, brackets' contents or colons. */
function headerKey(h: string): string {
  return h
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .replace(/[(（【[].*?[)）】\]]/g, '')
    .replace(/[:：*]+$/, '')
    .toLowerCase();
}

const BY_KEY = new Map<string, Field>();
for (const [field, names] of Object.entries(NAMES) as [Field, readonly string[]][]) for (const n of names) BY_KEY.set(headerKey(n), field);

/** The column of each known field in a header row (the first column a field is named in). */
export type ColumnMap = Partial<Record<Field, number>>;

export function mapHeader(cells: readonly string[]): ColumnMap {
  const map: ColumnMap = {};
  cells.forEach((cell, i) => {
    const field = BY_KEY.get(headerKey(cell));
    if (field !== undefined && map[field] === undefined) map[field] = i;
  });
  return map;
}

/** Whether a header row is a transaction sheet's: an account, the time and the amount. */
export function isTransactionHeader(map: ColumnMap): boolean {
  return (map.card !== undefined || map.account !== undefined) && map.time !== undefined && map.amount !== undefined;
}

/** The header names a field is read under (for messages naming what a file lacks). */
export function headerNames(field: Field): readonly string[] {
  return NAMES[field];
}
