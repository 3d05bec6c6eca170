// Read queries behind the reports view: paging with filters and full-text search over 1M reports.

import { maskVictim } from '../../common/victim-mask';
import type { IdentifierView, QuarantineRow, ReportDetail, ReportPage, ReportQuery, ReportRow, StoreInfo } from '../../common/api';
import type { Category, IdentifierKind, IdentifierOrigin, ReportLocation, ReportMessage, Victim } from '../../common/model';
import { centsToDecimal, decimalToCents } from '../../common/money';
import type { Db } from '../store/db';
import { containsPattern } from '../store/sql-like';
import { normaliseIdentifier } from '../normalise';

const DAY_SLACK_MS = 15 * 3600_000;

/** An FTS5 string: the text in double quotes, its quotes doubled. */
function ftsString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

// Past this many trigrams beginning with a one- or two-character text (a single common
// character), reading every report is cheaper than the index query.
const MAX_STARTING_TRIGRAMS = 4000;

/**
 * The index's trigrams that begin with `text` (one or two characters), from its term list
 * (report_text_terms, migration 009), folded to lower case as the tokenizer folds them; null
 * when there are more than MAX_STARTING_TRIGRAMS.
 */
function trigramsStartingWith(db: Db, text: string): string[] | null {
  const folded = text.toLowerCase();
  const terms = db
    .prepare<[string, string, number], string>('SELECT term FROM report_text_terms WHERE term > ? AND term < ? LIMIT ?')
    .pluck()
    .all(folded, `${folded}\u{10FFFF}`, MAX_STARTING_TRIGRAMS + 1);
  return terms.length > MAX_STARTING_TRIGRAMS ? null : terms;
}

// Trigrams of a searched text given to the index. The index only narrows the candidates (each
// is confirmed by a substring match), so a long text needs no more than a spread of them.
const MAX_TRIGRAMS = 12;

/**
 * The full-text query that finds every report whose indexed text may contain `text` (three or
 * more characters): its trigrams, each an FTS5 string (quotes doubled), all required. The index
 * keeps no positions (migration 009), so these are candidates: trigrams in another order or
 * apart match too, and the search confirms each candidate on the report's own text (buildWhere).
 */
export function trigramQuery(text: string): string {
  const chars = [...text];
  const starts: number[] = [];
  const last = chars.length - 3;
  // Every trigram when few; else evenly spread ones, the first and the last among them.
  if (last + 1 <= MAX_TRIGRAMS) for (let i = 0; i <= last; i++) starts.push(i);
  else for (let k = 0; k < MAX_TRIGRAMS; k++) starts.push(Math.round((k * last) / (MAX_TRIGRAMS - 1)));
  const terms = new Set(starts.map((i) => ftsString(chars.slice(i, i + 3).join(''))));
  return [...terms].join(' AND ');
}

interface Where {
  readonly sql: string;
  readonly params: unknown[];
}

function buildWhere(db: Db, q: ReportQuery): Where {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (!q.includeWithdrawn) clauses.push('r.withdrawn = 0');
  else clauses.push('r.reported_at IS NOT NULL');
  const text = q.text?.trim();
  if (text) {
    // The text as a substring of what an import indexes (the narrative, message texts and
    // senders, the identifiers as reported), the report's id, or a phone or card however written:
    // one set of report ids, so that the store is read by id rather than scanned.
    // From three characters the trigram index offers the candidates, each confirmed on its text.
    // One or two characters (刷单, 客服) make no trigram, but every character of an indexed text
    // begins one (SEARCH_END): the reports holding a trigram that begins with the text are exactly
    // those containing it. Only when too many trigrams begin with it is every report read.
    const like = containsPattern(text);
    const contains = (r: string): string =>
      `(${r}.narrative LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM message m WHERE m.rid = ${r}.rid AND (m.text LIKE ? ESCAPE '\\' OR m.sender LIKE ? ESCAPE '\\'))` +
      ` OR EXISTS (SELECT 1 FROM identifier i WHERE i.rid = ${r}.rid AND i.origin = 'reported' AND i.raw LIKE ? ESCAPE '\\'))`;
    const sets: string[] = [];
    const setParams: unknown[] = [];
    let scan = false;
    if ([...text].length >= 3) {
      sets.push(`SELECT c.rid FROM report_text t JOIN report c ON c.rid = t.rowid WHERE report_text MATCH ? AND ${contains('c')}`);
      setParams.push(trigramQuery(text), like, like, like, like);
    } else {
      const starting = trigramsStartingWith(db, text);
      if (starting === null) scan = true;
      else if (starting.length > 0) {
        sets.push('SELECT rowid FROM report_text WHERE report_text MATCH ?');
        setParams.push(starting.map(ftsString).join(' OR '));
      }
    }
    sets.push('SELECT rid FROM report WHERE id = ?');
    setParams.push(text);
    for (const kind of ['phone', 'bank_card'] as const) {
      const n = /\d{5}/.test(text.replace(/\D/g, '')) ? normaliseIdentifier(kind, text) : null;
      if (n) {
        sets.push('SELECT rid FROM identifier WHERE kind = ? AND value = ?');
        setParams.push(n.kind, n.value);
      }
    }
    const inSets = `r.rid IN (${sets.join(' UNION ')})`;
    if (scan) {
      clauses.push(`(${contains('r')} OR ${inSets})`);
      params.push(like, like, like, like, ...setParams);
    } else {
      clauses.push(inSets);
      params.push(...setParams);
    }
  }
  if (q.categories && q.categories.length > 0) {
    clauses.push(`r.category IN (${q.categories.map(() => '?').join(', ')})`);
    params.push(...q.categories);
  }
  if (q.from) {
    clauses.push('r.reported_ms >= ? AND substr(r.reported_at, 1, 10) >= ?');
    params.push(Date.parse(`${q.from}T00:00:00Z`) - DAY_SLACK_MS, q.from);
  }
  if (q.to) {
    clauses.push('r.reported_ms < ? AND substr(r.reported_at, 1, 10) <= ?');
    params.push(Date.parse(`${q.to}T00:00:00Z`) + 86_400_000 + DAY_SLACK_MS, q.to);
  }
  if (q.minLoss) {
    clauses.push('r.loss_cents >= ?');
    params.push(decimalToCents(q.minLoss));
  }
  if (q.maxLoss) {
    clauses.push('r.loss_cents <= ?');
    params.push(decimalToCents(q.maxLoss));
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

const ORDER: Record<NonNullable<ReportQuery['sort']>, string> = {
  reported_at: 'r.reported_ms',
  loss: 'r.loss_cents',
  id: 'r.id',
};

interface RowDb {
  id: string;
  version: number;
  withdrawn: number;
  precinct: string | null;
  reported_at: string | null;
  category: string | null;
  loss_cents: number | null;
  currency: string | null;
  summary: string | null;
}

export function queryReports(db: Db, q: ReportQuery): ReportPage {
  const where = buildWhere(db, q);
  const total = (db.prepare(`SELECT count(*) AS n FROM report r ${where.sql}`).get(...where.params) as { n: number }).n;
  const dir = q.desc === false ? 'ASC' : 'DESC';
  const order = ORDER[q.sort ?? 'reported_at'];
  const rows = db
    .prepare(
      `SELECT r.id, r.version, r.withdrawn, r.precinct, r.reported_at, r.category, r.loss_cents, r.currency,
              coalesce(substr(r.narrative, 1, 120), (SELECT substr(m.text, 1, 120) FROM message m WHERE m.rid = r.rid AND m.seq = 0)) AS summary
       FROM report r ${where.sql} ORDER BY ${order} ${dir}, r.rid ${dir} LIMIT ? OFFSET ?`,
    )
    .all(...where.params, q.limit, q.offset) as RowDb[];
  return {
    total,
    offset: q.offset,
    rows: rows.map((r): ReportRow => ({
      id: r.id,
      version: r.version,
      withdrawn: r.withdrawn === 1,
      precinct: r.precinct ?? '',
      reportedAt: r.reported_at ?? '',
      category: (r.category ?? 'other') as Category,
      loss: r.loss_cents === null || r.currency === null ? null : { amount: centsToDecimal(r.loss_cents), currency: r.currency },
      summary: (r.summary ?? '').split('\n')[0] ?? '',
    })),
  };
}

export function getReport(db: Db, id: string): ReportDetail | null {
  const r = db
    .prepare(
      `SELECT rid, id, version, withdrawn, precinct, reported_at, occurred_at, category, category_raw, loss_cents, currency, victim, location, narrative
       FROM report WHERE id = ?`,
    )
    .get(id) as
    | (RowDb & {
        rid: number;
        occurred_at: string | null;
        category_raw: string | null;
        victim: string | null;
        location: string | null;
        narrative: string | null;
      })
    | undefined;
  if (!r) return null;
  const identifiers = db
    .prepare('SELECT kind, value, raw, role, origin, subtype, domain, luhn FROM identifier WHERE rid = ? ORDER BY rowid')
    .all(r.rid) as {
    kind: string;
    value: string;
    raw: string;
    role: string | null;
    origin: string;
    subtype: string | null;
    domain: string | null;
    luhn: number | null;
  }[];
  const messages = db.prepare('SELECT channel, sender, text, at FROM message WHERE rid = ? ORDER BY seq').all(r.rid) as {
    channel: ReportMessage['channel'];
    sender: string | null;
    text: string;
    at: string | null;
  }[];
  const versions = db
    .prepare(
      `SELECT v.version, v.deleted, v.received_at, s.kind || ': ' || s.name AS source
       FROM report_version v JOIN source s ON s.id = v.source_id WHERE v.report_id = ? ORDER BY v.version DESC`,
    )
    .all(id) as { version: number; deleted: number; received_at: string; source: string }[];
  return {
    id: r.id,
    version: r.version,
    withdrawn: r.withdrawn === 1,
    precinct: r.precinct ?? '',
    reportedAt: r.reported_at ?? '',
    occurredAt: r.occurred_at,
    category: (r.category ?? 'other') as Category,
    categoryOriginal: r.category_raw,
    loss: r.loss_cents === null || r.currency === null ? null : { amount: centsToDecimal(r.loss_cents), currency: r.currency },
    victim: r.victim ? maskVictim(JSON.parse(r.victim) as Victim) : null,
    location: r.location ? (JSON.parse(r.location) as ReportLocation) : null,
    narrative: r.narrative ?? '',
    messages: messages.map((m) => ({
      channel: m.channel,
      text: m.text,
      ...(m.sender ? { sender: m.sender } : {}),
      ...(m.at ? { at: m.at } : {}),
    })),
    identifiers: identifiers.map((i): IdentifierView => ({
      kind: i.kind as IdentifierKind,
      value: i.value,
      raw: i.raw,
      origin: i.origin as IdentifierOrigin,
      ...(i.role ? { role: i.role } : {}),
      ...(i.subtype ? { subtype: i.subtype } : {}),
      ...(i.domain ? { domain: i.domain } : {}),
      ...(i.luhn === null ? {} : { luhn: i.luhn === 1 }),
    })),
    versions: versions.map((v) => ({ version: v.version, deleted: v.deleted === 1, receivedAt: v.received_at, source: v.source })),
  };
}

export function storeInfo(db: Db, path: string, schemaVersion: number): StoreInfo {
  // One pass over the narrow covering index linking reads (migration 004), never the wide rows:
  // the status strip asks this on every view, and a table scan of a million reports takes seconds.
  const groups = db
    .prepare(
      `SELECT withdrawn, currency, count(*) AS n, sum(loss_cents) AS cents, min(reported_ms) AS first, max(reported_ms) AS last
       FROM report INDEXED BY report_link GROUP BY withdrawn, currency`,
    )
    .all() as { withdrawn: number; currency: string | null; n: number; cents: number | null; first: number | null; last: number | null }[];
  let live = 0;
  let withdrawn = 0;
  let first = Infinity;
  let last = -Infinity;
  const losses: { currency: string; cents: number }[] = [];
  for (const g of groups) {
    if (g.withdrawn === 1) {
      withdrawn += g.n;
      continue;
    }
    live += g.n;
    if (g.first !== null && g.first < first) first = g.first;
    if (g.last !== null && g.last > last) last = g.last;
    if (g.currency !== null && g.cents !== null) losses.push({ currency: g.currency, cents: g.cents });
  }
  const counts = {
    live,
    withdrawn,
    first: Number.isFinite(first) ? new Date(first).toISOString() : null,
    last: Number.isFinite(last) ? new Date(last).toISOString() : null,
  };
  const quarantined = (db.prepare('SELECT count(*) AS n FROM quarantine').get() as { n: number }).n;
  return {
    path,
    schemaVersion,
    reports: counts.live ?? 0,
    withdrawn: counts.withdrawn ?? 0,
    quarantined,
    totalLoss: Object.fromEntries(losses.map((l) => [l.currency, centsToDecimal(l.cents)])),
    firstReportedAt: counts.first,
    lastReportedAt: counts.last,
  };
}

/** Records refused at import or sync, newest first, with where they came from and why. */
export function listQuarantine(db: Db, offset: number, limit: number): { total: number; rows: QuarantineRow[] } {
  const total = (db.prepare('SELECT count(*) AS n FROM quarantine').get() as { n: number }).n;
  const rows = db
    .prepare(
      `SELECT q.id, s.kind || ': ' || s.name AS source, q.location AS "where", q.field, q.reason, q.received_at AS receivedAt
       FROM quarantine q JOIN source s ON s.id = q.source_id ORDER BY q.id DESC LIMIT ? OFFSET ?`,
    )
    .all(limit, offset) as QuarantineRow[];
  return { total, rows };
}
