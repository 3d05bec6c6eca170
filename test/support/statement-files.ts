// Generated bank statement rows for tests of large files: transfers between 300 accounts (valid
// card numbers), every 997th row refused (a month 13), every 50th with a quoted summary.
import { luhnCheckDigit } from '../../src/core/demo/bank-cards';

export const HEADER = ['交易卡号', '交易时间', '交易金额', '交易余额', '收付标志', '交易对手账卡号', '对手户名', '摘要说明', '交易流水号'];

const card = (k: number): string => {
  const body = `622202${String(k).padStart(12, '0')}`;
  return body + luhnCheckDigit(body);
};

/** Rows between 300 accounts; every 997th is refused (a month 13), every 50th carries a quoted summary. */
export function rows(n: number): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < n; i++) {
    const from = (i * 7) % 300;
    const month = i % 997 === 5 ? '13' : '03';
    const at = `2025-${month}-${String(1 + (i % 28)).padStart(2, '0')} ${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:07`;
    const summary = i % 50 === 0 ? '转账,备注 "加急"' : '转账';
    out.push([
      `\t${card(from)}`,
      at,
      `${100 + (i % 9000)}.${String(i % 100).padStart(2, '0')}`,
      '0.00',
      i % 2 ? '出' : '借',
      card((from + 1 + (i % 17)) % 300),
      '某某',
      summary,
      `S${i}`,
    ]);
  }
  return out;
}

export const csvLine = (r: readonly string[]): string => r.map((c) => (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
