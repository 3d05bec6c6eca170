// The identifiers stored for one report: those the citizen listed, normalised, plus those found
// inside message texts, senders and the narrative, marked with where they were found.
// One row per (kind, value, origin): the same fraudster phone written three ways is one identifier.

import type { IdentifierOrigin, ReportRecord, StoredIdentifier } from '../../common/model';
import { extractIdentifiers, normaliseIdentifier } from '../normalise';

function fallbackValue(raw: string): string {
  return raw.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

export function identifiersOf(record: ReportRecord): StoredIdentifier[] {
  const out: StoredIdentifier[] = [];
  const seen = new Set<string>();
  const add = (item: StoredIdentifier): void => {
    const key = `${item.kind}\u0000${item.value}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(item);
  };
  for (const id of record.identifiers ?? []) {
    const n = normaliseIdentifier(id.kind, id.value);
    // Kept even when it does not parse: the investigator sees what was reported; linking skips 'unparsed'.
    const base = n ?? { kind: id.kind, value: fallbackValue(id.value), subtype: 'unparsed' };
    add({ ...base, raw: id.value, origin: 'reported', ...(id.role !== undefined ? { role: id.role } : {}) });
  }
  const fromText = (text: string, origin: IdentifierOrigin): void => {
    for (const x of extractIdentifiers(text)) add({ ...x, origin });
  };
  for (const m of record.messages ?? []) {
    if (m.sender) {
      const n = normaliseIdentifier('phone', m.sender);
      if (n) add({ ...n, raw: m.sender, role: 'sender', origin: 'message' });
    }
    fromText(m.text, 'message');
  }
  if (record.narrative) fromText(record.narrative, 'narrative');
  return out;
}
