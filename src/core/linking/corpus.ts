// The engine's input: reports, their identifiers and message texts in columns of typed arrays,
// with every (kind, value) interned to an integer once. Built row by row from one scan of the
// store (or from a labelled corpus in the evaluation), so the engine never sees per-row objects.
import { brandOf, domainCounts, identifierWeight, senderPattern, valueClass, WEIGHT } from './evidence';
import { originCode, type OriginCode } from './model';
import { MIN_SHINGLES, SIGNATURE_BINS, signature } from './minhash';
import { DEFAULT_CHECK_EVERY, type Tick } from './progress';

export interface ReportRow {
  readonly rid: number;
  readonly id: string;
  readonly category: string | null;
  readonly precinct: string | null;
  readonly reportedMs: number | null;
  /** When the fraud happened (occurred_at), where the report says. */
  readonly occurredMs?: number | null;
  readonly lossCents: number | null;
  readonly currency: string | null;
}

export interface IdentifierRow {
  readonly kind: string;
  readonly value: string;
  readonly subtype: string | null;
  readonly domain: string | null;
  /** 'reported', 'message' or 'narrative' (absent: reported). */
  readonly origin?: string | null;
}

export interface Corpus {
  readonly n: number;
  readonly rid: Int32Array;
  readonly ids: readonly string[];
  readonly category: Int32Array;
  readonly categories: readonly string[];
  readonly precinct: Int32Array;
  readonly reportedMs: Float64Array;
  /** NaN where the report does not say when the fraud happened. */
  readonly occurredMs: Float64Array;
  readonly lossCents: Float64Array;
  readonly currency: Int32Array;
  readonly currencies: readonly string[];
  /** Interned values: 'kind\u0001value', or 'domain\u0001example.cn' for a URL's registrable domain. */
  readonly valueKeys: readonly string[];
  readonly valueWeight: Float32Array;
  /** For a URL value, the value id of its registrable domain ('domain\u0001…'); -1 otherwise. */
  readonly valueDomain: Int32Array;
  /** Per value, its comparison class (model.ts: the kind, weak phones apart, 'domain'), interned. */
  readonly valueClass: Int32Array;
  readonly classes: readonly string[];
  /** (report index, value id, origin code) postings; a report may hold a value under several origins. */
  readonly postReport: Int32Array;
  readonly postValue: Int32Array;
  readonly postOrigin: Uint8Array;
  readonly postings: number;
  /** Brand tag and sender pattern per report, interned; -1 when none. */
  readonly brand: Int32Array;
  readonly sender: Int32Array;
  /** Interned brand tags ('b:…') and sender patterns ('s:…'). */
  readonly brandNames: readonly string[];
  /** MinHash signature per report (SIGNATURE_BINS each) and whether it has text. */
  readonly sig: Uint32Array;
  readonly hasText: Uint8Array;
}

export const keyOf = (kind: string, value: string): string => `${kind}\u0001${value}`;
export const splitKey = (key: string): { kind: string; value: string } => {
  const i = key.indexOf('\u0001');
  return { kind: key.slice(0, i), value: key.slice(i + 1) };
};

class Interner {
  readonly map = new Map<string, number>();
  readonly list: string[] = [];
  id(s: string): number {
    let v = this.map.get(s);
    if (v === undefined) {
      v = this.list.length;
      this.map.set(s, v);
      this.list.push(s);
    }
    return v;
  }
}

function grow<T extends Int32Array | Float64Array | Float32Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

export class CorpusBuilder {
  private n = 0;
  private rid = new Int32Array(1024);
  private readonly ids: string[] = [];
  private category = new Int32Array(1024);
  private precinct = new Int32Array(1024);
  private reportedMs = new Float64Array(1024);
  private occurredMs = new Float64Array(1024);
  private lossCents = new Float64Array(1024);
  private currency = new Int32Array(1024);
  private brand = new Int32Array(1024);
  private sender = new Int32Array(1024);
  private readonly texts: (string | undefined)[] = [];
  private readonly categories = new Interner();
  private readonly precincts = new Interner();
  private readonly currencies = new Interner();
  private readonly brands = new Interner();
  private readonly values = new Interner();
  private valueWeight = new Float32Array(1024);
  private valueDomain = new Int32Array(1024).fill(-1);
  private valueClass = new Int32Array(1024).fill(-1);
  private readonly classes = new Interner();
  private postReport = new Int32Array(4096);
  private postValue = new Int32Array(4096);
  private postOrigin = new Uint8Array(4096);
  private postings = 0;
  /** Report index by rid (rids are dense SQLite keys); -1 for none. */
  private indexOfRid = new Int32Array(1024).fill(-1);
  /** Values already posted for the current report (reports arrive one after another), by posting. */
  private lastReport = -1;
  private readonly posted = new Map<number, number>();

  addReport(r: ReportRow): number {
    const i = this.n++;
    const need = i + 1;
    this.rid = grow(this.rid, need);
    this.category = grow(this.category, need);
    this.precinct = grow(this.precinct, need);
    this.reportedMs = grow(this.reportedMs, need);
    this.occurredMs = grow(this.occurredMs, need);
    this.lossCents = grow(this.lossCents, need);
    this.currency = grow(this.currency, need);
    this.brand = grow(this.brand, need);
    this.sender = grow(this.sender, need);
    this.rid[i] = r.rid;
    this.ids.push(r.id);
    this.category[i] = this.categories.id(r.category ?? 'other');
    this.precinct[i] = r.precinct === null ? -1 : this.precincts.id(r.precinct);
    this.reportedMs[i] = r.reportedMs ?? Number.NaN;
    this.occurredMs[i] = r.occurredMs ?? Number.NaN;
    this.lossCents[i] = r.lossCents ?? 0;
    this.currency[i] = r.currency === null ? -1 : this.currencies.id(r.currency);
    this.brand[i] = -1;
    this.sender[i] = -1;
    if (r.rid >= this.indexOfRid.length) {
      const old = this.indexOfRid.length;
      this.indexOfRid = grow(this.indexOfRid, r.rid + 1);
      this.indexOfRid.fill(-1, old);
    }
    this.indexOfRid[r.rid] = i;
    return i;
  }

  indexOf(rid: number): number | undefined {
    const i = rid < this.indexOfRid.length ? (this.indexOfRid[rid] as number) : -1;
    return i === -1 ? undefined : i;
  }

  /**
   * A whole posting at once: one identifier (kind, value), the rids of the reports holding it,
   * comma-separated (SQL group_concat), and their origin codes, one digit each in the same order.
   * The fast path of a full run; a report may appear twice.
   */
  addPosting(id: IdentifierRow, rids: string, origins: string): void {
    const w = identifierWeight(id);
    const domainValue = domainCounts(id);
    if (w === 0 && !domainValue) return;
    const domain = domainValue ? this.value(keyOf('domain', id.domain as string), WEIGHT.domain, 'domain') : -1;
    if (w === 0) return;
    const v = this.value(keyOf(id.kind, id.value), w, valueClass(id));
    if (domain !== -1) this.valueDomain[v] = domain;
    this.postMany(v, rids, origins);
  }

  /** The reports of a URL domain (non-short links), comma-separated rids. */
  addDomainPosting(domain: string, rids: string): void {
    this.postMany(this.value(keyOf('domain', domain), WEIGHT.domain, 'domain'), rids, '');
  }

  private postMany(v: number, rids: string, origins: string): void {
    let from = 0;
    let n = 0;
    while (from < rids.length) {
      let to = rids.indexOf(',', from);
      if (to === -1) to = rids.length;
      const i = this.indexOf(Number(rids.slice(from, to)));
      const o = n < origins.length ? origins.charCodeAt(n) - 48 : 0;
      from = to + 1;
      n++;
      if (i === undefined) continue;
      this.pushPosting(i, v, o);
    }
  }

  private pushPosting(i: number, v: number, origin: number): number {
    const k = this.postings++;
    if (k >= this.postReport.length) {
      this.postReport = grow(this.postReport, k + 1);
      this.postValue = grow(this.postValue, k + 1);
      const o = new Uint8Array(this.postReport.length);
      o.set(this.postOrigin);
      this.postOrigin = o;
    }
    this.postReport[k] = i;
    this.postValue[k] = v;
    this.postOrigin[k] = origin;
    return k;
  }

  private value(key: string, weight: number, cls: string): number {
    const v = this.values.id(key);
    if (v >= this.valueWeight.length) {
      const old = this.valueDomain.length;
      this.valueWeight = grow(this.valueWeight, v + 1);
      this.valueDomain = grow(this.valueDomain, v + 1);
      this.valueClass = grow(this.valueClass, v + 1);
      this.valueDomain.fill(-1, old);
    }
    this.valueWeight[v] = weight;
    this.valueClass[v] = this.classes.id(cls);
    return v;
  }

  private post(i: number, key: string, weight: number, cls: string, origin: OriginCode, domain = -1): void {
    if (i !== this.lastReport) {
      this.lastReport = i;
      this.posted.clear();
    }
    const v = this.value(key, weight, cls);
    if (domain !== -1) this.valueDomain[v] = domain;
    const k = this.posted.get(v);
    if (k !== undefined) {
      // The same value twice in one report: the strongest origin counts.
      if (origin < (this.postOrigin[k] as number)) this.postOrigin[k] = origin;
      return;
    }
    this.posted.set(v, this.pushPosting(i, v, origin));
  }

  /** Identifiers of one report must be added together (after its addReport, before the next one's identifiers). */
  addIdentifier(i: number, id: IdentifierRow): void {
    const w = identifierWeight(id);
    const domain = domainCounts(id) ? this.value(keyOf('domain', id.domain as string), WEIGHT.domain, 'domain') : -1;
    if (w > 0) this.post(i, keyOf(id.kind, id.value), w, valueClass(id), originCode(id.origin), domain);
    if (domainCounts(id)) this.post(i, keyOf('domain', id.domain as string), WEIGHT.domain, 'domain', 0);
  }

  addMessage(i: number, sender: string | null, text: string): void {
    this.texts[i] = this.texts[i] === undefined ? text : `${this.texts[i]}\n${text}`;
    if (this.brand[i] === -1) {
      const b = brandOf(text);
      if (b !== null) this.brand[i] = this.brands.id(`b:${b}`);
    }
    if (sender !== null && this.sender[i] === -1) {
      const p = senderPattern(sender);
      if (p !== null) this.sender[i] = this.brands.id(`s:${p}`);
    }
  }

  /** The corpus, with the MinHash signature of every text (`tick` is called every `every` reports). */
  build(tick?: Tick, every = DEFAULT_CHECK_EVERY): Corpus {
    const n = this.n;
    const sig = new Uint32Array(n * SIGNATURE_BINS);
    const hasText = new Uint8Array(n);
    const one = new Uint32Array(SIGNATURE_BINS);
    for (let i = 0; i < n; i++) {
      if (tick && i % every === 0) tick('signatures', i, n);
      const t = this.texts[i];
      if (t === undefined) continue;
      if (signature(t, one) >= MIN_SHINGLES) {
        sig.set(one, i * SIGNATURE_BINS);
        hasText[i] = 1;
      }
      this.texts[i] = undefined;
    }
    return {
      n,
      rid: this.rid.subarray(0, n),
      ids: this.ids,
      category: this.category.subarray(0, n),
      categories: this.categories.list,
      precinct: this.precinct.subarray(0, n),
      reportedMs: this.reportedMs.subarray(0, n),
      occurredMs: this.occurredMs.subarray(0, n),
      lossCents: this.lossCents.subarray(0, n),
      currency: this.currency.subarray(0, n),
      currencies: this.currencies.list,
      valueKeys: this.values.list,
      valueWeight: this.valueWeight.subarray(0, this.values.list.length),
      valueDomain: this.valueDomain.subarray(0, this.values.list.length),
      valueClass: this.valueClass.subarray(0, this.values.list.length),
      classes: this.classes.list,
      postReport: this.postReport.subarray(0, this.postings),
      postValue: this.postValue.subarray(0, this.postings),
      postOrigin: this.postOrigin.subarray(0, this.postings),
      postings: this.postings,
      brand: this.brand.subarray(0, n),
      sender: this.sender.subarray(0, n),
      brandNames: this.brands.list,
      sig,
      hasText,
    };
  }
}
