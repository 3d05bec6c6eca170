// Scoring a pair of reports with the linking model, and writing its evidence out term by term.
// A term is a value id × 4 + the origin code under which the weaker of the two reports holds it.
// Identifier terms are weighed against the prior odds that two groups are one gang's (model.ts):
// the strongest one carries the prior's −log2 G and its own +log2 G, the others count as
// dependent on it (one gang's phone and card come together), so no pair of values is worth more
// than their Bayes factors against one prior.
import type { Corpus } from './corpus';
import { splitKey } from './corpus';
import { TIME_WINDOW_DAYS } from './evidence';
import type { Evidence, Link } from './link-graph';
import { categoryBits, identifierBits, ORIGINS, priorBits, tfBits, WEAK_CLASSES, type CategoryLevel, type LinkModel } from './model';

const DAY = 86_400_000;
const round2 = (x: number): number => Math.round(x * 100) / 100;

export interface TextMatch {
  readonly similarity: number;
  /** Distinct groups in the text bucket the pair met in. */
  readonly groups: number;
}

export class PairScorer {
  private model: LinkModel;

  constructor(
    private readonly c: Corpus,
    model: LinkModel,
    private readonly groups: Int32Array,
    private readonly cls: (v: number) => string,
  ) {
    this.model = model;
  }

  setModel(model: LinkModel): void {
    this.model = model;
    this.fragments.clear();
    this.catFragments.clear();
  }

  get current(): LinkModel {
    return this.model;
  }

  /** A value term's bits, against the prior. */
  termBits(t: number): number {
    const v = t >> 2;
    const k = this.cls(v);
    const g = this.groups[v] as number;
    return k === 'domain' ? tfBits(this.model.domain, g) : identifierBits(this.model, k, (t & 3) as 0 | 1 | 2, g);
  }

  level(a: number, b: number): CategoryLevel {
    const c = this.c;
    if (c.category[a] !== c.category[b]) return 'different';
    const days = Math.abs((c.reportedMs[a] as number) - (c.reportedMs[b] as number)) / DAY;
    return days <= TIME_WINDOW_DAYS ? 'same_window' : 'same';
  }

  /**
   * Identifier evidence alone: the series tier's score. Weak kinds (SMS gateways, unclassified
   * numbers, IP addresses, shared by many senders) add to a strong value, never stand alone.
   */
  seriesBits(a: number, b: number, terms: readonly number[]): number {
    let sum = 0;
    let strong = false;
    for (const t of terms) {
      const k = this.cls(t >> 2);
      if (k === 'domain') continue;
      sum += this.termBits(t);
      if (!WEAK_CLASSES.has(k)) strong = true;
    }
    return strong ? sum + categoryBits(this.model, this.level(a, b)) : -Infinity;
  }

  /** A series link with its evidence: the prior, each identifier term, the category comparison. */
  seriesLink(a: number, b: number, terms: readonly number[]): Link {
    const evidence = this.valueTerms(terms.filter((t) => this.cls(t >> 2) !== 'domain'));
    evidence.push(this.categoryTerm(a, b));
    return { a, b, weight: sumOf(evidence), strong: true, evidence };
  }

  /**
   * A series link as a stored row's weight and evidence JSON, from cached fragments (a full run
   * writes millions: the same value's term, the same category comparison, over and over).
   */
  seriesRow(a: number, b: number, terms: Iterable<number>): { weight: number; json: string } {
    const g = Math.max(2, this.model.groups);
    const prior = priorBits(g);
    let best = -1;
    let bestBits = -Infinity;
    for (const t of terms) {
      if (this.cls(t >> 2) === 'domain') continue;
      const bits = this.termBits(t);
      if (bits > bestBits || (bits === bestBits && t < best)) [best, bestBits] = [t, bits];
    }
    let weight = round2(prior);
    const parts: string[] = [this.fragment(-1, prior, () => JSON.stringify({ type: 'prior', groups: g, weight: round2(prior) }))];
    const rest: { t: number; bits: number }[] = [];
    for (const t of terms) if (t !== best && this.cls(t >> 2) !== 'domain') rest.push({ t, bits: this.termBits(t) });
    rest.sort((x, y) => y.bits - x.bits || x.t - y.t);
    for (const [t, first] of [[best, true] as const, ...rest.map((r) => [r.t, false] as const)]) {
      const bits = first ? bestBits - prior : this.termBits(t);
      weight += round2(bits);
      parts.push(this.fragment(t * 2 + (first ? 1 : 0), bits, () => JSON.stringify(this.valueTerm(t, round2(bits)))));
    }
    const cat = this.categoryTerm(a, b);
    weight += cat.weight;
    parts.push(cat.type === 'category_time' ? JSON.stringify(cat) : this.catFragment(cat));
    return { weight: round2(weight), json: `[${parts.join(',')}]` };
  }

  private readonly fragments = new Map<number, string>();
  private readonly catFragments = new Map<string, string>();

  private fragment(key: number, _bits: number, make: () => string): string {
    let f = this.fragments.get(key);
    if (f === undefined) {
      f = make();
      this.fragments.set(key, f);
    }
    return f;
  }

  private catFragment(e: Evidence): string {
    const key = `${e.type === 'category' ? e.category : ''}|${e.weight}`;
    let f = this.catFragments.get(key);
    if (f === undefined) {
      f = JSON.stringify(e);
      this.catFragments.set(key, f);
    }
    return f;
  }

  private valueTerm(t: number, weight: number): Evidence {
    const v = t >> 2;
    const { kind, value } = splitKey(this.c.valueKeys[v] as string);
    return {
      type: 'identifier',
      kind,
      value,
      weight,
      origin: ORIGINS[t & 3] as 'reported' | 'message' | 'narrative',
      groups: this.groups[v] as number,
    };
  }

  /** A suggestion's evidence: every term the pair has. */
  suggestion(a: number, b: number, terms: readonly number[], text: TextMatch | undefined): Link {
    const c = this.c;
    const m = this.model;
    const evidence = this.valueTerms(terms);
    if (text !== undefined)
      evidence.push({
        type: 'text',
        similarity: round2(text.similarity),
        weight: round2(tfBits(m.text, text.groups)),
        groups: text.groups,
      });
    evidence.push(this.categoryTerm(a, b));
    const weakPhone = terms.some((t) => this.cls(t >> 2) === 'phone_weak');
    if (c.brand[a] !== -1 && c.brand[a] === c.brand[b]) {
      const tag = c.brandNames[c.brand[a] as number] as string;
      const g = m.tagGroups[tag] ?? 1;
      evidence.push({ type: 'brand', brand: tag.slice(2), weight: round2(tfBits(m.brand, g)), groups: g });
    } else if (!weakPhone && c.sender[a] !== -1 && c.sender[a] === c.sender[b]) {
      const tag = c.brandNames[c.sender[a] as number] as string;
      evidence.push({ type: 'sender', pattern: tag.slice(2), weight: round2(tfBits(m.sender, m.tagGroups[tag] ?? 1)) });
    }
    if (!evidence.some((e) => e.type === 'prior')) {
      // No value term carried the prior (text, time, brand only): it stands on its own.
      const g = Math.max(2, m.groups);
      const first = evidence.findIndex((e) => e.type === 'text' || e.type === 'brand');
      if (first !== -1) {
        const e = evidence[first] as Evidence & { weight: number };
        evidence[first] = { ...e, weight: round2(e.weight - priorBits(g)) } as Evidence;
        evidence.unshift({ type: 'prior', groups: g, weight: round2(priorBits(g)) });
      }
    }
    return { a, b, weight: sumOf(evidence), strong: false, evidence };
  }

  private categoryTerm(a: number, b: number): Evidence {
    const c = this.c;
    const level = this.level(a, b);
    const category = c.categories[c.category[a] as number] as string;
    const weight = round2(categoryBits(this.model, level));
    if (level === 'same_window')
      return {
        type: 'category_time',
        category,
        days: Math.round(Math.abs((c.reportedMs[a] as number) - (c.reportedMs[b] as number)) / DAY),
        weight,
      };
    return {
      type: 'category',
      same: level === 'same',
      category: level === 'same' ? category : `${category}/${c.categories[c.category[b] as number] as string}`,
      weight,
    };
  }

  /** Value terms, strongest first; the strongest carries the prior. */
  private valueTerms(terms: readonly number[]): Evidence[] {
    if (terms.length === 0) return [];
    const m = this.model;
    const g = Math.max(2, m.groups);
    const scored = terms.map((t) => ({ t, bits: this.termBits(t) })).sort((x, y) => y.bits - x.bits || x.t - y.t);
    const out: Evidence[] = [{ type: 'prior', groups: g, weight: round2(priorBits(g)) }];
    scored.forEach(({ t, bits }, k) => {
      const v = t >> 2;
      const { kind, value } = splitKey(this.c.valueKeys[v] as string);
      const weight = round2(k === 0 ? bits - priorBits(g) : bits);
      const groups = this.groups[v] as number;
      if (kind === 'domain') out.push({ type: 'domain', domain: value, weight });
      else out.push({ type: 'identifier', kind, value, weight, origin: ORIGINS[t & 3] as 'reported' | 'message' | 'narrative', groups });
    });
    return out;
  }
}

function sumOf(evidence: readonly Evidence[]): number {
  let s = 0;
  for (const e of evidence) s += e.weight;
  return round2(s);
}
