// What happens to a report after it is filed: a few are corrected (version 2: the bank statement
// showed another payment, or part of the money was stopped), a very few withdrawn (a tombstone).
// Both reach the store later in the stream than the report itself, as they would from the feed.

import type { ReportRecord, Tombstone } from '../../common/model';
import { centsToDecimal, decimalToCents } from '../../common/money';
import { realisticCents } from './categories';
import type { Rng } from './prng';

export function revise(rng: Rng, r: ReportRecord): ReportRecord {
  const old = r.loss ? (decimalToCents(r.loss.amount) ?? 0) : 0;
  if (old === 0) {
    // Nothing was lost; the citizen only adds what happened next.
    return { ...r, version: r.version + 1, narrative: `${r.narrative ?? ''}补充：此后对方又多次来电，我未再接听。` };
  }
  const x = rng.float();
  let cents = old;
  let note: string;
  if (x < 0.6) {
    const extra = realisticCents(rng, Math.max(100, (old / 100) * rng.range(0.1, 0.8)));
    cents = old + extra;
    note = `补充：经核对银行流水，另有一笔${centsToDecimal(extra)}元转账，实际损失${centsToDecimal(cents)}元。`;
  } else if (x < 0.85) {
    cents = Math.max(100, Math.round((old * rng.range(0.5, 0.95)) / 100) * 100);
    note = `更正：银行已拦截部分款项，实际损失${centsToDecimal(cents)}元。`;
  } else {
    note = '补充：已向银行申请冻结对方账户，请协助追回。';
  }
  return {
    ...r,
    version: r.version + 1,
    loss: { amount: centsToDecimal(cents), currency: 'CNY' },
    narrative: `${r.narrative ?? ''}${note}`,
  };
}

export function withdraw(id: string, lastVersion: number): Tombstone {
  return { id, version: lastVersion + 1, deleted: true };
}
