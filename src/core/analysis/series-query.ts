// The series list: every active series with its figures, filtered and sorted from indexes
// (migration 008), one page at a time. A search matches a series id (a retired one finds the
// series it went into), a report id in it, or an identifier value in it written in any form.
import type { SeriesPage, SeriesQuery } from '../../common/api';
import { IDENTIFIER_KINDS } from '../../common/model';
import { normaliseIdentifier } from '../normalise';
import type { Db } from '../store/db';
import { casesBySeries, currentSeriesId, refreshAllStats, SERIES_COLUMNS, toSeriesRows, type SeriesDbRow } from './series-rows';

const ORDER: Record<NonNullable<SeriesQuery['sort']>, string> = {
  loss: 's.sort_cents',
  reports: 's.size',
  victims: 't.victims',
  last: 's.last_ms',
  first: 's.first_ms',
  id: 's.id',
};

const MAX_MATCHES = 5000;

/** Series ids a search text points at. */
export function seriesMatching(db: Db, text: string): Set<string> {
  const out = new Set<string>();
  const t = text.trim();
  const add = (id: string | null | undefined): void => {
    if (id) out.add(id);
  };
  const upper = t.toUpperCase();
  if (/^S-[0-9A-Z]+$/.test(upper)) {
    add(currentSeriesId(db, upper));
    for (const id of db
      .prepare("SELECT id FROM series WHERE id >= ? AND id < ? || '~' AND active = 1 LIMIT 200")
      .pluck()
      .all(upper, upper) as string[])
      add(id);
  }
  add(
    db.prepare('SELECT m.series_id FROM report r JOIN series_member m ON m.rid = r.rid WHERE r.id = ?').pluck().get(t) as
      string | undefined,
  );
  // The value as typed, and as each kind's normaliser writes it (a phone typed with spaces).
  const candidates = new Map<string, Set<string>>();
  const put = (kind: string, value: string): void => {
    let s = candidates.get(kind);
    if (!s) candidates.set(kind, (s = new Set()));
    s.add(value);
  };
  for (const kind of IDENTIFIER_KINDS) {
    put(kind, t);
    const n = kind === 'other' ? null : normaliseIdentifier(kind, t);
    if (n) put(n.kind, n.value);
  }
  const byValue = db
    .prepare('SELECT DISTINCT m.series_id FROM identifier i JOIN series_member m ON m.rid = i.rid WHERE i.kind = ? AND i.value = ? LIMIT ?')
    .pluck();
  for (const [kind, values] of candidates) {
    for (const v of values) for (const id of byValue.all(kind, v, MAX_MATCHES) as string[]) add(id);
  }
  return out;
}

export function querySeries(db: Db, q: SeriesQuery): SeriesPage {
  const clauses = ['s.active = 1'];
  const params: unknown[] = [];
  const cases = casesBySeries(db);
  if (q.overThreshold !== undefined) {
    clauses.push('s.over_threshold = ?');
    params.push(q.overThreshold ? 1 : 0);
  }
  if (q.onlyTogether !== undefined) {
    clauses.push('s.only_together = ?');
    params.push(q.onlyTogether ? 1 : 0);
  }
  if (q.text?.trim()) {
    clauses.push('s.id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify([...seriesMatching(db, q.text)]));
  }
  if (q.status !== undefined) {
    const ids = [...cases].filter(([, c]) => q.status !== 'none' && c.status === q.status).map(([id]) => id);
    if (q.status === 'none') {
      clauses.push('s.id NOT IN (SELECT value FROM json_each(?))');
      params.push(JSON.stringify([...cases.keys()]));
    } else {
      clauses.push('s.id IN (SELECT value FROM json_each(?))');
      params.push(JSON.stringify(ids));
    }
  }
  const needStats = (q.categories !== undefined && q.categories.length > 0) || q.sort === 'victims';
  const complete = needStats ? refreshAllStats(db) : true;
  if (q.categories && q.categories.length > 0) {
    clauses.push('EXISTS (SELECT 1 FROM json_each(t.categories) c WHERE c.value IN (SELECT value FROM json_each(?)))');
    params.push(JSON.stringify(q.categories));
  }
  // By victims: walk series_stat's victims index and stop at the page (every active series has
  // its row once refreshed; while a link run holds the write lock some may lack it, and the
  // order is by the figures stored so far); otherwise the series table's own order indexes serve.
  const byIndex = q.sort === 'victims' && complete;
  const from = byIndex
    ? 'series_stat t CROSS JOIN series s ON s.id = t.series_id'
    : needStats
      ? 'series s LEFT JOIN series_stat t ON t.series_id = s.id'
      : 'series s';
  const where = `WHERE ${clauses.join(' AND ')}`;
  const dir = q.desc === false ? 'ASC' : 'DESC';
  const order =
    q.sort === undefined
      ? `s.over_threshold ${dir}, s.sort_cents ${dir}, s.id ${dir}`
      : byIndex
        ? `t.victims ${dir}, t.series_id ${dir}`
        : q.sort === 'victims'
          ? `coalesce(t.victims, 0) ${dir}, s.id ${dir}`
          : `${ORDER[q.sort]} ${dir}, s.id ${dir}`;
  const total =
    clauses.length === 1
      ? (db.prepare('SELECT count(*) FROM series WHERE active = 1').pluck().get() as number)
      : (db
          .prepare(`SELECT count(*) FROM ${from} ${where}`)
          .pluck()
          .get(...params) as number);
  const rows = db
    .prepare(`SELECT ${SERIES_COLUMNS} FROM ${from} ${where} ORDER BY ${order} LIMIT ? OFFSET ?`)
    .all(...params, q.limit, q.offset) as SeriesDbRow[];
  return { total, offset: q.offset, rows: toSeriesRows(db, rows, cases) };
}
