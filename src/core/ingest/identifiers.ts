// The identifiers stored for one report: those the citizen listed, normalised, plus those found
// inside message texts, senders and the narrative, marked with where they were found.
// One row per (kind, value, origin): the same fraudster phone written three ways is one identifier.

import type { IdentifierOrigin, NormalisedIdentifier, ReportRecord, StoredIdentifier } from '../../common/model';
import { extractIdentifiers, normaliseIdentifier } from '../normalise';

/** An identifier as the identifier table stores it (column order of its insert). */
export type IdentifierRow = readonly [
  kind: string,
  value: string,
  raw: string,
  role: string | null,
  origin: IdentifierOrigin,
  subtype: string | null,
  domain: string | null,
  luhn: 0 | 1 | null,
];

function fallbackValue(raw: string): string {
  return raw.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * The report's identifiers as table rows, in the order they are stored. Built directly as
 * tuples: this runs for every imported report, and spreading each identifier into a new object
 * (as the object form below once did) was a quarter of the cost.
 */
export function identifierRows(record: ReportRecord): IdentifierRow[] {
  const rows: IdentifierRow[] = [];
  const seen = new Set<string>();
  const add = (n: NormalisedIdentifier, raw: string, role: string | null, origin: IdentifierOrigin): void => {
    const key = `${n.kind}\u0000${n.value}`;
    if (seen.has(key)) return;
    seen.add(key);
    rows.push([n.kind, n.value, raw, role, origin, n.subtype ?? null, n.domain ?? null, n.luhn === undefined ? null : n.luhn ? 1 : 0]);
  };
  for (const id of record.identifiers ?? []) {
    // Kept even when it does not parse: the investigator sees what was reported; linking skips 'unparsed'.
    const n = normaliseIdentifier(id.kind, id.value) ?? { kind: id.kind, value: fallbackValue(id.value), subtype: 'unparsed' };
    add(n, id.value, id.role ?? null, 'reported');
  }
  for (const m of record.messages ?? []) {
    if (m.sender) {
      const n = normaliseIdentifier('phone', m.sender);
      if (n) add(n, m.sender, 'sender', 'message');
    }
    for (const x of extractIdentifiers(m.text)) add(x, x.raw, null, 'message');
  }
  if (record.narrative) for (const x of extractIdentifiers(record.narrative)) add(x, x.raw, null, 'narrative');
  return rows;
}

/** The same identifiers as objects (absent rather than null fields). */
export function identifiersOf(record: ReportRecord): StoredIdentifier[] {
  return identifierRows(record).map(([kind, value, raw, role, origin, subtype, domain, luhn]) => ({
    kind: kind as StoredIdentifier['kind'],
    value,
    raw,
    origin,
    ...(role !== null ? { role } : {}),
    ...(subtype !== null ? { subtype } : {}),
    ...(domain !== null ? { domain } : {}),
    ...(luhn !== null ? { luhn: luhn === 1 } : {}),
  }));
}
