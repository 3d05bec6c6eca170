// The filing threshold as linking reads it from the store's settings. Not through the backend's
// settings reader: that validates every setting with the API schema (zod), and loading zod would
// be a tenth of an incremental link run in the link worker, for three values. The values were
// validated when they were written (settings.update); here a row that does not read as its
// setting falls back to the default, as the backend's reader does.
import { decimalToCents } from '../../common/money';
import { DEFAULT_SETTINGS } from '../../common/settings';
import type { Db } from '../store/db';
import type { ThresholdRule } from './threshold';

function stored(rows: ReadonlyMap<string, string>, key: string): unknown {
  const text = rows.get(key);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function thresholdRule(db: Db): ThresholdRule {
  const rows = new Map(
    db.prepare("SELECT key, value FROM setting WHERE key IN ('thresholdAmount', 'thresholdCurrency', 'lookbackDays')").raw().all() as [
      string,
      string,
    ][],
  );
  const amount = stored(rows, 'thresholdAmount');
  const currency = stored(rows, 'thresholdCurrency');
  const days = stored(rows, 'lookbackDays');
  const cents = typeof amount === 'string' && /^\d{1,15}(\.\d{1,2})?$/.test(amount) ? decimalToCents(amount) : null;
  return {
    amountCents: cents ?? (decimalToCents(DEFAULT_SETTINGS.thresholdAmount) as number),
    currency: typeof currency === 'string' && /^[A-Z]{3}$/.test(currency) ? currency : DEFAULT_SETTINGS.thresholdCurrency,
    lookbackDays: typeof days === 'number' && Number.isInteger(days) && days >= 1 && days <= 36500 ? days : DEFAULT_SETTINGS.lookbackDays,
  };
}
