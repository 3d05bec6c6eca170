// One series for its workspace: its figures, reports (victims keyed, never shown), messages in
// time order, the corrections made in it and the ids of series merged into it by relinks.
// An id retired by a relink is followed to the series it went into.
import type { SeriesDetail, SeriesMessage, SeriesReport } from '../../common/api';
import type { Category, ReportMessage } from '../../common/model';
import { centsToDecimal } from '../../common/money';
import type { Db } from '../store/db';
import { thresholdRule } from '../linking/threshold-setting';
import { AnalysisError } from './analysis-error';
import { activeCorrections, toCorrection } from './corrections-read';
import { currentSeriesId, formerIds, seriesDbRow, toSeriesRows } from './series-rows';
import { victimIdentity, victimKey, victimSalt } from './victim-key';

/** Messages listed per series at most (a series of thousands of reports; the timeline pages them). */
export const MAX_SERIES_MESSAGES = 20_000;

/** The active series an id stands for, or a sentence saying why there is none. */
export function resolveSeries(db: Db, id: string): string {
  const current = currentSeriesId(db, id);
  if (current !== null) return current;
  const exists = db.prepare('SELECT 1 FROM series WHERE id = ?').pluck().get(id) !== undefined;
  throw new AnalysisError(
    'not_found',
    exists ? `series ${id} no longer exists: a relink dissolved it and its reports are no longer linked` : `no series with id ${id}`,
  );
}

export function memberRids(db: Db, seriesId: string): number[] {
  return db.prepare('SELECT rid FROM series_member WHERE series_id = ? ORDER BY rid').pluck().all(seriesId) as number[];
}

export function getSeries(db: Db, id: string): SeriesDetail {
  const sid = resolveSeries(db, id);
  const dbRow = seriesDbRow(db, sid);
  if (!dbRow) throw new AnalysisError('not_found', `no series with id ${id}`);
  const [row] = toSeriesRows(db, [dbRow]);
  const rule = thresholdRule(db);
  const salt = victimSalt(db);
  const reports = (
    db
      .prepare(
        `SELECT r.rid, r.id, r.reported_at, r.occurred_at, r.category, r.loss_cents, r.currency, r.victim,
                coalesce(substr(r.narrative, 1, 120), (SELECT substr(x.text, 1, 120) FROM message x WHERE x.rid = r.rid AND x.seq = 0)) AS summary,
                (SELECT count(*) FROM message x WHERE x.rid = r.rid) AS messages
         FROM series_member m JOIN report r ON r.rid = m.rid WHERE m.series_id = ? ORDER BY r.reported_ms, r.id`,
      )
      .all(sid) as {
      rid: number;
      id: string;
      reported_at: string | null;
      occurred_at: string | null;
      category: string | null;
      loss_cents: number | null;
      currency: string | null;
      victim: string | null;
      summary: string | null;
      messages: number;
    }[]
  ).map((r): SeriesReport & { rid: number } => ({
    rid: r.rid,
    id: r.id,
    reportedAt: r.reported_at ?? '',
    occurredAt: r.occurred_at,
    category: (r.category ?? 'other') as Category,
    loss: r.loss_cents === null || r.currency === null ? null : { amount: centsToDecimal(r.loss_cents), currency: r.currency },
    summary: (r.summary ?? '').split('\n')[0] ?? '',
    victimKey: victimKey(salt, victimIdentity(r.victim, r.id)),
    messages: r.messages,
  }));
  const messages = (
    db
      .prepare(
        `SELECT r.id, x.at, x.channel, x.sender, x.text FROM series_member m JOIN report r ON r.rid = m.rid JOIN message x ON x.rid = m.rid
         WHERE m.series_id = ? ORDER BY coalesce(x.at, r.reported_at), r.id, x.seq LIMIT ?`,
      )
      .raw()
      .all(sid, MAX_SERIES_MESSAGES) as [string, string | null, ReportMessage['channel'], string | null, string][]
  ).map(([reportId, at, channel, sender, text]): SeriesMessage => ({ reportId, at, channel, sender, text }));
  const rids = reports.map((r) => r.rid);
  const formers = formerIds(db, sid);
  return {
    row: row as NonNullable<typeof row>,
    threshold: { amount: centsToDecimal(rule.amountCents), currency: rule.currency },
    overReport: dbRow.over_report,
    reports: reports.map(({ rid: _rid, ...r }) => r),
    messages,
    corrections: activeCorrections(db, rids, [sid, ...formers]).map(toCorrection),
    formerIds: formers,
  };
}
