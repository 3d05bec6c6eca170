// Identifiers written before masks, example values, IM handles and IP addresses were told apart
// (src/core/normalise/placeholder.ts and the finders): a WeChat id "xxxxxxx", a QQ number
// "123456789", an e-mail "xxx@xx.com" or a card "1234 5678 9012 3456" was a strong identifier that
// tied unrelated reports into one series; a message sender "@Kusama_Support044" was the phone 044;
// "167.71.210.238" in a text was the mobile +8616771210238; "DOT:1Rb2…" and "XRP: r…" were not
// the address written bare. The reports that may hold such rows have their identifiers derived
// again from the record as received (ingest/rederive.ts): exactly the rows an import writes now,
// a listed placeholder kept as written with subtype unparsed. Those whose rows change are marked
// to relink, and the values they held or hold to be counted again.
//
// The candidates are a superset, found without deriving every report (as costly as a re-import):
// a report one of whose rows reads differently now, or whose message or narrative has "@" or "_"
// before digits (a handle's digits in a text were a phone only by the words around them).
// Deriving a report whose rows are current leaves it as it was. URLs on a masked host
// ("http://www.xxxxx") are candidates too: once the URL normaliser calls isPlaceholderHost, this
// migration brings them along; until then deriving them changes nothing.
import type { Db } from '../db';
import { rederiveIdentifiers } from '../../ingest/rederive';
import { normaliseIdentifier } from '../../normalise';
import { classifyWechat, normaliseAlipay } from '../../normalise/chat-id';
import { normaliseEmail } from '../../normalise/email';
import { isExampleDigits, isPlaceholderHost } from '../../normalise/placeholder';
import type { Migration } from './migration';

type Row = [rid: number, kind: string, value: string, raw: string, role: string | null, origin: string, subtype: string | null];

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/** Whether a row found in a message or narrative is one the finders no longer report. */
function staleInText(kind: string, value: string, raw: string): boolean {
  switch (kind) {
    case 'phone':
      return IPV4.test(raw) || isExampleDigits(value.replace(/^\+/, ''));
    case 'wechat':
      return classifyWechat(raw) === null;
    case 'qq':
    case 'bank_card':
      return isExampleDigits(value);
    case 'email':
      return normaliseEmail(value) === null;
    case 'alipay':
      return normaliseAlipay(raw) === null;
    case 'url':
      // A masked host ("http://www.xxxxx"), for when the URL normaliser calls isPlaceholderHost.
      return isPlaceholderHost(/^[a-z][a-z0-9+.-]*:\/\/([^/?#:]+)/.exec(value)?.[1] ?? '');
    default:
      return false;
  }
}

/** Whether a listed value or a message sender normalises differently now. */
function staleNormalised(kind: string, value: string, raw: string, subtype: string | null): boolean {
  const n = normaliseIdentifier(kind as Parameters<typeof normaliseIdentifier>[0], raw);
  if (n === null) return subtype !== 'unparsed';
  return n.kind !== kind || n.value !== value || (n.subtype ?? null) !== subtype;
}

/** The rids of the reports to derive again, in ascending order. */
export function staleIdentifierReports(db: Db): number[] {
  const out = new Set<number>();
  // Read whole before the caller writes: a connection cannot write while it iterates.
  for (const [rid, kind, value, raw, role, origin, subtype] of db
    .prepare('SELECT rid, kind, value, raw, role, origin, subtype FROM identifier')
    .raw()
    .iterate() as IterableIterator<Row>) {
    if (out.has(rid)) continue;
    // A listed value is stored under the kind it normalised to (a card-length account is a
    // bank_card), which may read otherwise than the kind it was listed as: a superset again.
    const stale =
      origin === 'reported'
        ? staleNormalised(kind, value, raw, subtype)
        : role === 'sender'
          ? staleNormalised('phone', value, raw, subtype)
          : staleInText(kind, value, raw);
    if (stale) out.add(rid);
  }
  const handleBeforeDigits = "GLOB '*[@_]*[0-9]*'";
  for (const rid of db
    .prepare(`SELECT rid FROM message WHERE text ${handleBeforeDigits} UNION SELECT rid FROM report WHERE narrative ${handleBeforeDigits}`)
    .pluck()
    .all() as number[]) {
    out.add(rid);
  }
  return [...out].sort((a, b) => a - b);
}

export const m013Placeholders: Migration = {
  version: 13,
  name: 'placeholders',
  up: '',
  run(db) {
    rederiveIdentifiers(db, staleIdentifierReports(db));
  },
};
