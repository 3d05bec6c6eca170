// Redaction of a series' reports before they leave the bureau (case-bundle.md, Redaction).
// Removed: the victims' names, phone numbers, ID numbers, exact positions (location lat/lon;
// the district stays) and exact addresses, wherever they appear: the victim object, the
// narrative, message texts and senders, and identifiers the victim listed as their own (role
// 'payer': the victim's card). Every victim value of the series is removed from every report, so
// a name mentioned in a neighbour's narrative goes too. Phones and ID numbers in free text are
// found with the import's own extractor (a phone however it is written), ID numbers by their
// fixed shape, and any literal occurrence of a victim's value is replaced as well. Exact street
// addresses (addresses.ts: a road with a house number, a compound with building and room, …)
// are found by their shape in every free text, whoever's they are: no field of a report holds
// the victim's address to learn from, and an address in a citizen's account is far more often
// their home or where they were sent than a lead, so a company address a fraudster quoted goes too.
// With a sharing key, a value becomes a keyed hash (HMAC-SHA-256 under the key) so that the same
// victim stays recognisable across bundles of cooperating bureaus; without one, a plain marker.
// An address is always a plain marker: written in as many ways as there are citizens, its hash
// would match nothing. Text tokens are spelled in letters only (the hash's hex mapped to a–p), so
// that an importer's extractor never reads digits of a hash as a phone number. Fraudster-side
// data stays.
import crypto from 'node:crypto';
import { extractIdentifiers, normaliseIdentifier } from '../normalise';
import { nfkc } from '../normalise/text';
import { replaceAddresses } from './addresses';

export type RedactionHashes = 'hmac-sha256' | 'none';

type Json = Record<string, unknown>;
type ValueKind = 'name' | 'phone' | 'id_number' | 'card';

/** The victims' values of one series, and how each is replaced. */
export class Redactor {
  /** Normalised phone and card values → kind, for values the extractor finds in text. */
  private readonly values = new Map<string, ValueKind>();
  /** Literal strings → kind, longest first when replacing. */
  private readonly literals = new Map<string, ValueKind>();
  private literalOrder: string[] | null = null;

  constructor(private readonly key: string | null) {}

  get hashes(): RedactionHashes {
    return this.key === null ? 'none' : 'hmac-sha256';
  }

  /** Learn the victim values of one report (call for every report before redacting any). */
  learn(record: Json): void {
    const victim = asObject(record['victim']);
    if (victim) {
      const name = str(victim['name']);
      if (name && nfkc(name).trim().length >= 2) this.literal(nfkc(name).trim(), 'name');
      const phone = str(victim['phone']);
      if (phone) {
        const n = normaliseIdentifier('phone', phone);
        if (n) this.values.set(`phone\u0000${n.value}`, 'phone');
        this.literal(nfkc(phone).trim(), 'phone');
        const digits = phone.replace(/\D/g, '');
        if (digits.length >= 5) this.literal(digits, 'phone');
        if (n) this.literal(n.value.replace(/^\+/, ''), 'phone');
      }
      const id = str(victim['id_number']);
      if (id) this.literal(nfkc(id).trim().toUpperCase(), 'id_number');
    }
    for (const i of asArray(record['identifiers'])) {
      const o = asObject(i);
      if (!o || !isVictimSide(o)) continue;
      const value = str(o['value']);
      if (!value) continue;
      const kind = str(o['kind']) ?? 'other';
      const n = normaliseIdentifier(kind as never, value);
      if (n) this.values.set(`${n.kind}\u0000${n.value}`, 'card');
      this.literal(nfkc(value).trim(), 'card');
      const digits = value.replace(/\D/g, '');
      if (digits.length >= 8) this.literal(digits, 'card');
    }
  }

  /** The record with the victims' data removed; only the fields of report-format v1 are kept. */
  redact(record: Json): Json {
    const out: Json = {};
    for (const k of ['id', 'version', 'deleted', 'precinct', 'reported_at', 'occurred_at', 'category', 'loss'] as const) {
      if (record[k] !== undefined) out[k] = record[k];
    }
    const victim = asObject(record['victim']);
    if (victim) {
      const v: Json = {};
      if (str(victim['name'])) v['name'] = this.fieldToken('name', nfkc(str(victim['name']) as string).trim());
      const phone = str(victim['phone']);
      if (phone) v['phone'] = this.fieldToken('phone', normaliseIdentifier('phone', phone)?.value ?? phone.replace(/\D/g, ''));
      if (str(victim['id_number']))
        v['id_number'] = this.fieldToken(
          'id_number',
          nfkc(str(victim['id_number']) as string)
            .trim()
            .toUpperCase(),
        );
      for (const k of ['age', 'gender', 'district'] as const) if (victim[k] !== undefined) v[k] = victim[k];
      out['victim'] = v;
    }
    const location = asObject(record['location']);
    if (location && str(location['district'])) out['location'] = { district: this.text(str(location['district']) as string) };
    if (typeof record['narrative'] === 'string') out['narrative'] = this.text(record['narrative']);
    if (Array.isArray(record['messages'])) {
      out['messages'] = record['messages'].map((m) => {
        const o = asObject(m) ?? {};
        const r: Json = { ...o, text: this.text(str(o['text']) ?? '') };
        if (typeof o['sender'] === 'string') r['sender'] = this.text(o['sender']);
        return r;
      });
    }
    if (Array.isArray(record['identifiers'])) {
      out['identifiers'] = record['identifiers'].filter((i) => {
        const o = asObject(i);
        return o !== null && !isVictimSide(o) && !this.isVictimValue(o);
      });
    }
    if (typeof record['category_original'] === 'string') out['category_original'] = record['category_original'];
    return out;
  }

  /** Free text with every victim value replaced (also used on evidence values and notes). */
  text(input: string): string {
    // Replaced in the text as written; only when a value hides in full-width or other
    // compatibility forms is the text folded (NFKC) first, which also narrows its punctuation.
    const direct = this.replaceIn(input);
    const folded = nfkc(direct);
    return folded !== direct && this.replaceIn(folded) !== folded ? this.replaceIn(nfkc(input)) : direct;
  }

  private replaceIn(input: string): string {
    let text = input;
    for (const x of extractIdentifiers(text)) {
      const kind = this.values.get(`${x.kind}\u0000${x.value}`);
      if (kind) text = text.split(x.raw).join(this.textToken(kind, x.value));
    }
    text = text.replace(ID_NUMBER, (m) => this.textToken('id_number', m.toUpperCase()));
    this.literalOrder ??= [...this.literals.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    for (const lit of this.literalOrder)
      if (text.includes(lit)) text = text.split(lit).join(this.textToken(this.literals.get(lit) as ValueKind, lit));
    // Last, so that the values above are already markers and an address never hides one.
    return replaceAddresses(text, ADDRESS_TOKEN);
  }

  /**
   * One victim value of a bank statement (a holder's name, phone, ID number or own account) as it
   * leaves: the keyed hash a report's victim field of the same value gets, or null without a key.
   * Phones are compared as the reports' normaliser writes them, ID numbers in upper case.
   */
  statementValue(kind: ValueKind, value: string): string | null {
    const v =
      kind === 'phone'
        ? (normaliseIdentifier('phone', value)?.value ?? value.replace(/\D/g, ''))
        : kind === 'id_number'
          ? nfkc(value).trim().toUpperCase()
          : nfkc(value).trim();
    const mac = this.mac(kind, v);
    return mac === null ? null : `hmac-sha256:${mac}`;
  }

  private isVictimValue(o: Json): boolean {
    const value = str(o['value']);
    if (!value) return false;
    const n = normaliseIdentifier((str(o['kind']) ?? 'other') as never, value);
    return n !== null && this.values.has(`${n.kind}\u0000${n.value}`);
  }

  private literal(value: string, kind: ValueKind): void {
    if (value.length === 0) return;
    this.literals.set(value, kind);
    this.literalOrder = null;
  }

  private mac(kind: ValueKind, value: string): string | null {
    if (this.key === null) return null;
    return crypto.createHmac('sha256', this.key).update(`${kind}:${value}`).digest('hex');
  }

  private fieldToken(kind: ValueKind, value: string): string {
    const mac = this.mac(kind, value);
    return mac === null ? '[redacted]' : `hmac-sha256:${mac}`;
  }

  private textToken(kind: ValueKind, value: string): string {
    const mac = this.mac(kind, value);
    if (mac === null) return `[redacted ${kind}]`;
    // Letters only: a–p for the hex digits 0–f.
    const letters = mac.slice(0, 16).replace(/[0-9a-f]/g, (c) => String.fromCharCode(97 + parseInt(c, 16)));
    return `[redacted ${kind} ${letters}]`;
  }
}

// An exact address in free text: no hash (see above), letters only like the other tokens.
const ADDRESS_TOKEN = '[redacted address]';

// Resident ID numbers: 18 characters (the last may be X) or the old 15 digits, not inside a longer run.
const ID_NUMBER =
  /(?<![0-9])(?:[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx]|[1-9]\d{7}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3})(?![0-9])/g;

function isVictimSide(o: Json): boolean {
  const role = str(o['role']);
  return role === 'payer' || role === 'victim';
}

function asObject(v: unknown): Json | null {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : null;
}

function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}
