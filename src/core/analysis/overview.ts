// The overview: store-wide counts and losses, losses and reports over time and by category, the
// newest series over the threshold and the most-seen fraudster identifiers. The store-wide
// figures read every report (and every identifier for the top list), a few seconds at a million
// reports, so they are cached under a stamp of the store's state (last link run, last report
// change, threshold currency) and read again only after it changed; the backend recomputes them
// right after each link run, so the investigator's first look is already fast.
import type { CountByDay, LossByCurrency, Overview } from '../../common/api';
import type { Category, IdentifierKind } from '../../common/model';
import { centsToDecimal, decimalToCents } from '../../common/money';
import type { Db } from '../store/db';
import { keyOf } from '../linking/corpus';
import { identifierWeight } from '../linking/evidence';
import { readIgnoreList } from '../linking/ignore-store';
import { thresholdRule } from '../linking/threshold-setting';
import { writeCache } from './cache-write';
import { casesBySeries, SERIES_COLUMNS, toSeriesRows, type SeriesDbRow } from './series-rows';

const DAY = 86_400_000;
/** Days are counted in China Standard Time (UTC+8), where the reports are made. */
const OFFSET_MS = 8 * 3_600_000;
const TOP_IDENTIFIERS = 15;
const NEWEST_OVER = 10;

interface StoreFigures {
  readonly reports: number;
  readonly totalLoss: LossByCurrency;
  readonly linkedLoss: LossByCurrency;
  readonly bucket: Overview['bucket'];
  readonly overTime: readonly CountByDay[];
  readonly byCategory: Overview['byCategory'];
  readonly topIdentifiers: readonly { kind: IdentifierKind; value: string; reports: number }[];
}

function stampOf(db: Db, currency: string): string {
  const run = db.prepare('SELECT coalesce(max(id), 0) FROM link_run').pluck().get() as number;
  const changed = db.prepare('SELECT max(updated_at) FROM report').pluck().get() as string | null;
  const ignore = db.prepare("SELECT count(*) || max(coalesce(added_at, '')) FROM ignore_value").pluck().get() as string | null;
  return JSON.stringify([run, changed, currency, ignore]);
}

function dayString(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

function bucketOf(spanDays: number): Overview['bucket'] {
  if (spanDays <= 120) return 'day';
  if (spanDays <= 3 * 365) return 'week';
  return 'month';
}

/** The first day of the bucket holding `day` (weeks start on Monday). */
function bucketStart(day: number, bucket: Overview['bucket']): number {
  if (bucket === 'day') return day;
  if (bucket === 'week') return day - ((new Date(day * DAY).getUTCDay() + 6) % 7);
  const d = new Date(day * DAY);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / DAY;
}

function computeFigures(db: Db, currency: string): StoreFigures {
  const perDay = db
    .prepare(
      `SELECT (reported_ms + ${OFFSET_MS}) / ${DAY} AS day, category, currency, count(*), sum(coalesce(loss_cents, 0))
       FROM report INDEXED BY report_link WHERE withdrawn = 0 AND reported_ms IS NOT NULL GROUP BY 1, 2, 3`,
    )
    .raw()
    .all() as [number, string | null, string | null, number, number][];
  let reports = 0;
  const total = new Map<string, number>();
  const days = new Map<number, { reports: number; cents: number }>();
  const cats = new Map<string, { reports: number; cents: number }>();
  let minDay = Infinity;
  let maxDay = -Infinity;
  for (const [day, category, cur, n, cents] of perDay) {
    reports += n;
    if (cur !== null) total.set(cur, (total.get(cur) ?? 0) + cents);
    const inCurrency = cur === currency ? cents : 0;
    const d = days.get(day) ?? { reports: 0, cents: 0 };
    d.reports += n;
    d.cents += inCurrency;
    days.set(day, d);
    const cat = category ?? 'other';
    const c = cats.get(cat) ?? { reports: 0, cents: 0 };
    c.reports += n;
    c.cents += inCurrency;
    cats.set(cat, c);
    if (day < minDay) minDay = day;
    if (day > maxDay) maxDay = day;
  }
  const bucket = Number.isFinite(minDay) ? bucketOf(maxDay - minDay) : 'day';
  const buckets = new Map<number, { reports: number; cents: number }>();
  for (const [day, d] of days) {
    const b = bucketStart(day, bucket);
    const cur = buckets.get(b) ?? { reports: 0, cents: 0 };
    cur.reports += d.reports;
    cur.cents += d.cents;
    buckets.set(b, cur);
  }
  const overTime = [...buckets]
    .sort((x, y) => x[0] - y[0])
    .map(([day, d]): CountByDay => ({ day: dayString(day), reports: d.reports, loss: centsToDecimal(d.cents) }));
  const byCategory = [...cats]
    .sort((x, y) => y[1].reports - x[1].reports || (x[0] < y[0] ? -1 : 1))
    .map(([category, c]) => ({ category: category as Category, reports: c.reports, loss: centsToDecimal(c.cents) }));

  const linked = new Map<string, number>();
  for (const loss of db.prepare('SELECT loss FROM series WHERE active = 1').pluck().iterate() as IterableIterator<string>) {
    for (const [cur, amount] of Object.entries(JSON.parse(loss) as Record<string, string>))
      linked.set(cur, (linked.get(cur) ?? 0) + (decimalToCents(amount) ?? 0));
  }
  const toLoss = (m: Map<string, number>): LossByCurrency =>
    Object.fromEntries([...m].sort().map(([c, cents]) => [c, centsToDecimal(cents)]));
  return {
    reports,
    totalLoss: toLoss(total),
    linkedLoss: toLoss(linked),
    bucket,
    overTime,
    byCategory,
    topIdentifiers: topIdentifiers(db),
  };
}

/**
 * Values carried by the most reports, among those that are linking evidence: the ignore list,
 * detected hubs and values that weigh nothing (service numbers, masked cards) are left out.
 * Read in one ordered pass over the covering index identifier_link.
 */
function topIdentifiers(db: Db): StoreFigures['topIdentifiers'] {
  const ignore = readIgnoreList(db);
  const hubs = new Set(
    (db.prepare("SELECT kind, value FROM link_hub WHERE reason <> 'large'").raw().all() as [string, string][]).map(([k, v]) => keyOf(k, v)),
  );
  const rows = db
    .prepare(
      `SELECT kind, value, min(subtype), min(domain), count(DISTINCT rid) AS n FROM identifier INDEXED BY identifier_link
       WHERE kind <> 'other' GROUP BY kind, value HAVING n >= 2 ORDER BY n DESC LIMIT 500`,
    )
    .raw()
    .all() as [string, string, string | null, string | null, number][];
  const out: { kind: IdentifierKind; value: string; reports: number }[] = [];
  for (const [kind, value, subtype, domain, n] of rows) {
    const key = keyOf(kind, value);
    if (ignore.keys.has(key) || hubs.has(key)) continue;
    if (domain !== null && (ignore.keys.has(keyOf('domain', domain)) || hubs.has(keyOf('domain', domain)))) continue;
    if (identifierWeight({ kind, value, subtype }) < 1) continue;
    out.push({ kind: kind as IdentifierKind, value, reports: n });
    if (out.length >= TOP_IDENTIFIERS) break;
  }
  return out;
}

/**
 * The store-wide figures, from the cache when the store has not changed since — or, while the
 * analysis worker is computing them anew (`stale`), the last ones, for a few seconds.
 */
function storeFigures(db: Db, currency: string, stale = false): StoreFigures {
  const stamp = stampOf(db, currency);
  const cached = db.prepare("SELECT stamp, body FROM analysis_cache WHERE key = 'overview'").get() as
    { stamp: string; body: string } | undefined;
  if (cached !== undefined && (cached.stamp === stamp || (stale && (JSON.parse(cached.stamp) as unknown[])[2] === currency)))
    return JSON.parse(cached.body) as StoreFigures;
  const figures = computeFigures(db, currency);
  writeCache(db, () =>
    db.prepare("INSERT OR REPLACE INTO analysis_cache (key, stamp, body) VALUES ('overview', ?, ?)").run(stamp, JSON.stringify(figures)),
  );
  return figures;
}

/** Compute and cache the overview's figures now (after a link run), if they are stale. */
export function warmOverview(db: Db): void {
  storeFigures(db, thresholdRule(db).currency);
}

export interface OverviewOptions {
  /** The analysis worker is computing the figures now: the last ones may be answered meanwhile. */
  readonly warming?: boolean;
}

export function getOverview(db: Db, options: OverviewOptions = {}): Overview {
  const rule = thresholdRule(db);
  const figures = storeFigures(db, rule.currency, options.warming === true);
  const counts = db.prepare('SELECT count(*) AS series, coalesce(sum(over_threshold), 0) AS over FROM series WHERE active = 1').get() as {
    series: number;
    over: number;
  };
  // From the index series_by_together (migration 011), not a scan.
  const together = db.prepare('SELECT count(*) FROM series WHERE active = 1 AND only_together = 1').pluck().get() as number;
  const cases = casesBySeries(db);
  const newest = db
    .prepare(
      `SELECT ${SERIES_COLUMNS} FROM series s WHERE s.active = 1 AND s.over_threshold = 1 ORDER BY s.over_at_ms DESC, s.id DESC LIMIT ?`,
    )
    .all(NEWEST_OVER) as SeriesDbRow[];
  const seriesOf = db
    .prepare(
      'SELECT DISTINCT m.series_id FROM identifier i JOIN series_member m ON m.rid = i.rid WHERE i.kind = ? AND i.value = ? LIMIT 20',
    )
    .pluck();
  const linkedAt = db.prepare('SELECT finished_at FROM link_run ORDER BY id DESC LIMIT 1').pluck().get() as string | undefined;
  return {
    reports: figures.reports,
    series: counts.series,
    overThreshold: counts.over,
    onlyTogether: together,
    totalLoss: figures.totalLoss,
    linkedLoss: figures.linkedLoss,
    threshold: { amount: centsToDecimal(rule.amountCents), currency: rule.currency },
    bucket: figures.bucket,
    overTime: figures.overTime,
    byCategory: figures.byCategory,
    newestOver: toSeriesRows(db, newest, cases),
    topIdentifiers: figures.topIdentifiers.map((t) => ({ ...t, series: seriesOf.all(t.kind, t.value) as string[] })),
    linkedAt: linkedAt ?? null,
  };
}
