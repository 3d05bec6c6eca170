// What a full run observes in its corpus for the linking model (model.ts): per identifier class
// how often a shared value is carried by three or more groups; the category comparison of random
// pairs (u) and of labelled pairs (m) — pairs of reports tied by two independent strong values, and
// investigators' merges; how often labelled pairs agree on text, brand and sender; and, once the
// groups are known, how many groups carry each text template, brand tag and sender pattern.
import type { Corpus } from './corpus';
import { TEXT_SIMILARITY, TIME_WINDOW_DAYS } from './evidence';
import { SIGNATURE_BINS, similarity } from './minhash';
import type { Observations } from './model';
import type { Postings } from './postings';
import type { UnionFind } from './union-find';

const RANDOM_PAIRS = 200_000;
/**
 * A value carried by this many groups or more counts towards its kind's rate of common values:
 * fewer are as likely one gang whose reports share nothing else (model.ts GANG_SPREAD).
 */
export const COMMON_GROUPS = 5;
const DAY = 86_400_000;

export interface Observer {
  /** What the identifier tier needs: value rates and the category comparison. */
  base(): Observations;
  /** Everything, with the text, brand and sender rates over the groups found. */
  withGroups(uf: UnionFind, textBuckets: number, textMulti: number): Observations;
}

function levelOf(c: Corpus, a: number, b: number): 0 | 1 | 2 {
  if (c.category[a] !== c.category[b]) return 2;
  const days = Math.abs((c.reportedMs[a] as number) - (c.reportedMs[b] as number)) / DAY;
  return days <= TIME_WINDOW_DAYS ? 0 : 1;
}

export function observe(
  c: Corpus,
  p: Postings,
  dead: Uint8Array,
  groups: Int32Array,
  labelled: readonly (readonly [number, number])[],
  merges: readonly { readonly a: number; readonly b: number }[],
  cls: (v: number) => string,
): Observer {
  const values = new Map<string, { shared: number; multi: number }>();
  const domains = { shared: 0, multi: 0 };
  for (let v = 0; v < p.nv; v++) {
    if (dead[v] === 1 || (p.start[v + 1] as number) - (p.start[v] as number) < 2) continue;
    const k = cls(v);
    const multi = (groups[v] as number) >= COMMON_GROUPS ? 1 : 0;
    if (k === 'domain') {
      domains.shared++;
      domains.multi += multi;
      continue;
    }
    const s = values.get(k) ?? { shared: 0, multi: 0 };
    s.shared++;
    s.multi += multi;
    values.set(k, s);
  }
  // Random pairs, from a fixed seed: the same corpus gives the same model.
  const randomLevels: [number, number, number] = [0, 0, 0];
  if (c.n >= 2) {
    const pairs = Math.min(RANDOM_PAIRS, (c.n * (c.n - 1)) / 2);
    let x = 0x2545f491;
    const next = (): number => {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      return x;
    };
    for (let k = 0; k < pairs; k++) {
      const a = next() % c.n;
      let b = next() % c.n;
      if (b === a) b = (b + 1) % c.n;
      randomLevels[levelOf(c, a, b)]++;
    }
  }
  const labelledLevels: [number, number, number] = [0, 0, 0];
  const text = { both: 0, agree: 0, buckets: 0, multi: 0 };
  const brand = { both: 0, agree: 0, shared: 0, multi: 0 };
  const sender = { both: 0, agree: 0, shared: 0, multi: 0 };
  const all = [...labelled, ...merges.map((m) => [m.a, m.b] as const)];
  for (const [a, b] of all) {
    labelledLevels[levelOf(c, a, b)]++;
    if (c.hasText[a] === 1 && c.hasText[b] === 1) {
      text.both++;
      if (similarity(c.sig, a * SIGNATURE_BINS, c.sig, b * SIGNATURE_BINS) >= TEXT_SIMILARITY) text.agree++;
    }
    if (c.brand[a] !== -1 && c.brand[b] !== -1) {
      brand.both++;
      if (c.brand[a] === c.brand[b]) brand.agree++;
    }
    if (c.sender[a] !== -1 && c.sender[b] !== -1) {
      sender.both++;
      if (c.sender[a] === c.sender[b]) sender.agree++;
    }
  }
  const base = (): Observations => ({
    reports: c.n,
    groups: c.n,
    values,
    domains,
    randomLevels,
    labelledLevels,
    text,
    brand,
    sender,
    tagGroups: new Map(),
    labelledPairs: all.length,
  });
  return {
    base,
    withGroups(uf, textBuckets, textMulti) {
      let roots = 0;
      for (let i = 0; i < c.n; i++) if (uf.find(i) === i) roots++;
      const members = new Map<number, Set<number>>();
      const reportsOf = new Map<number, number>();
      for (let i = 0; i < c.n; i++) {
        for (const t of [c.brand[i] as number, c.sender[i] as number]) {
          if (t === -1) continue;
          let s = members.get(t);
          if (!s) members.set(t, (s = new Set()));
          s.add(uf.find(i));
          reportsOf.set(t, (reportsOf.get(t) ?? 0) + 1);
        }
      }
      const tagGroups = new Map<string, number>();
      const b = { ...brand, shared: 0, multi: 0 };
      const s = { ...sender, shared: 0, multi: 0 };
      for (const [t, set] of members) {
        const name = c.brandNames[t] as string;
        tagGroups.set(name, set.size);
        if ((reportsOf.get(t) as number) < 2) continue;
        const into = name.startsWith('b:') ? b : s;
        into.shared++;
        if (set.size >= 3) into.multi++;
      }
      return { ...base(), groups: roots, text: { ...text, buckets: textBuckets, multi: textMulti }, brand: b, sender: s, tagGroups };
    },
  };
}
