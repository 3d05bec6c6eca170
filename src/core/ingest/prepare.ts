// Everything about a validated record that does not need the store: the column values of its
// report row, its identifier and message rows, and its search text. Computing these (with
// decoding and validating) is about 40% of the CPU time of an import and needs no SQLite, so a
// file import does it on a second thread and hands the SQLite thread only these values (see
// import/pipeline.ts).
// Plain tuples of strings and numbers, no objects: they cross threads cheaply and bind to
// statements by position without building argument arrays.

import type { IncomingRecord, ReportRecord } from '../../common/model';
import { decimalToCents } from '../../common/money';
import { identifierRows, type IdentifierRow } from './identifiers';

export type { IdentifierRow } from './identifiers';

/** precinct, reported_at, reported_ms, occurred_at, category, category_raw, loss_cents, currency, victim, location, narrative. */
export type ReportFields = readonly [
  precinct: string,
  reportedAt: string,
  reportedMs: number | null,
  occurredAt: string | null,
  category: string,
  categoryRaw: string | null,
  lossCents: number | null,
  currency: string | null,
  victim: string | null,
  location: string | null,
  narrative: string | null,
];

export type MessageRow = readonly [channel: string, sender: string | null, text: string, at: string | null];

/** A record ready for the store. `fields` is null for a tombstone (deleted: true). */
export type PreparedReport = readonly [
  id: string,
  version: number,
  fields: ReportFields | null,
  identifiers: readonly IdentifierRow[],
  messages: readonly MessageRow[],
  /** Text for the full-text index; '' when the report has none. */
  text: string,
];

/** What every indexed text ends with (migration 009 indexes stored reports the same way). */
export const SEARCH_END = '\n\n';

/**
 * Text indexed for full-text search: narrative, message senders and texts, and the identifiers
 * as written, one per line. A part already contained in an earlier one is left out: trigram
 * search finds substrings, so it adds no match, only index work (identifiers and senders are
 * usually written out in the narrative or a message as well). The text ends in SEARCH_END, so
 * that every character of it begins a trigram: a search for one or two characters (刷单) then
 * finds its reports through the trigrams that begin with them (report/queries.ts).
 */
export function searchText(r: ReportRecord): string {
  const parts: string[] = [];
  const add = (text: string): void => {
    if (text === '') return;
    for (const p of parts) if (p.includes(text)) return;
    parts.push(text);
  };
  if (r.narrative) add(r.narrative);
  for (const m of r.messages ?? []) {
    add(m.text);
    if (m.sender) add(m.sender);
  }
  for (const i of r.identifiers ?? []) add(i.value);
  return parts.length === 0 ? '' : `${parts.join('\n')}${SEARCH_END}`;
}

export function prepareReport(record: IncomingRecord, reportedMs: number | null): PreparedReport {
  if (record.deleted) return [record.id, record.version, null, [], [], ''];
  const identifiers = identifierRows(record);
  const messages = (record.messages ?? []).map((m): MessageRow => [m.channel, m.sender ?? null, m.text, m.at ?? null]);
  const fields: ReportFields = [
    record.precinct,
    record.reported_at,
    reportedMs,
    record.occurred_at ?? null,
    record.category,
    record.category_original ?? null,
    record.loss ? decimalToCents(record.loss.amount) : null,
    record.loss?.currency ?? null,
    record.victim ? JSON.stringify(record.victim) : null,
    record.location ? JSON.stringify(record.location) : null,
    record.narrative ?? null,
  ];
  return [record.id, record.version, fields, identifiers, messages, searchText(record)];
}
