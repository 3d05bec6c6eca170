// The series as `casegraph series` lists them: largest loss first (in the threshold currency),
// optionally only those over the filing threshold, or only those that reached it only together,
// optionally with single reports (one report alone is never "only together").
import { centsToDecimal } from '../../common/money';
import type { Db } from '../store/db';
import { thresholdRule } from './threshold-setting';

export interface SeriesEntry {
  readonly id: string;
  readonly reports: readonly string[];
  readonly loss: Readonly<Record<string, string>>;
  readonly over_threshold: boolean;
  /** Over the threshold although no report in it reaches the threshold alone. */
  readonly only_together: boolean;
  /** The report that pushed the series over the threshold, and when (RFC 3339). */
  readonly over_by: string | null;
  readonly over_at: string | null;
  readonly single: boolean;
}

export interface SeriesQuery {
  readonly overThreshold?: boolean;
  readonly onlyTogether?: boolean;
  readonly all?: boolean;
}

export function listSeries(db: Db, q: SeriesQuery = {}): SeriesEntry[] {
  const rows = db
    .prepare(
      `SELECT id, loss, sort_cents, over_threshold, only_together, over_report, over_at_ms FROM series WHERE active = 1${q.overThreshold ? ' AND over_threshold = 1' : ''}${q.onlyTogether ? ' AND only_together = 1' : ''} ORDER BY sort_cents DESC, id`,
    )
    .all() as {
    id: string;
    loss: string;
    sort_cents: number;
    over_threshold: number;
    only_together: number;
    over_report: string | null;
    over_at_ms: number | null;
  }[];
  const members = new Map<string, string[]>();
  const memberRows = db
    .prepare('SELECT m.series_id, r.id FROM series_member m JOIN report r ON r.rid = m.rid ORDER BY r.id')
    .raw()
    .iterate() as IterableIterator<[string, string]>;
  for (const [s, id] of memberRows) {
    const list = members.get(s);
    if (list) list.push(id);
    else members.set(s, [id]);
  }
  const out: (SeriesEntry & { sort: number })[] = rows.map((r) => ({
    id: r.id,
    reports: members.get(r.id) ?? [],
    loss: JSON.parse(r.loss) as Record<string, string>,
    over_threshold: r.over_threshold === 1,
    only_together: r.only_together === 1,
    over_by: r.over_report,
    over_at: r.over_at_ms === null ? null : new Date(r.over_at_ms).toISOString(),
    single: false,
    sort: r.sort_cents,
  }));
  if (q.all && !q.onlyTogether) {
    const rule = thresholdRule(db);
    const singles = db
      .prepare(
        'SELECT id, loss_cents, currency, reported_ms, occurred_ms FROM report r WHERE withdrawn = 0 AND NOT EXISTS (SELECT 1 FROM series_member m WHERE m.rid = r.rid)',
      )
      .all() as {
      id: string;
      loss_cents: number | null;
      currency: string | null;
      reported_ms: number | null;
      occurred_ms: number | null;
    }[];
    for (const s of singles) {
      const cents = s.loss_cents ?? 0;
      const over = s.currency === rule.currency && cents >= rule.amountCents;
      out.push({
        id: `R-${s.id}`,
        reports: [s.id],
        loss: s.currency !== null && cents > 0 ? { [s.currency]: centsToDecimal(cents) } : {},
        over_threshold: over,
        only_together: false,
        over_by: over ? s.id : null,
        // On the threshold's time line: when the fraud happened, else when it was reported.
        over_at:
          over && (s.occurred_ms ?? s.reported_ms) !== null ? new Date((s.occurred_ms ?? s.reported_ms) as number).toISOString() : null,
        single: true,
        sort: s.currency === rule.currency ? cents : 0,
      });
    }
    if (q.overThreshold) out.splice(0, out.length, ...out.filter((e) => e.over_threshold));
    out.sort((x, y) => y.sort - x.sort || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  }
  return out.map(({ sort: _sort, ...e }) => e);
}
