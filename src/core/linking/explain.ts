// Why two reports are, or are not, in one series. Linked: the shortest chain of stored links
// between them, each hop with its evidence, every term in bits. Not linked: every value they share
// with its bits and why it did not carry a link (ignored, a hub, no weight, too many groups share
// it, one value across two scam categories), what their identifier evidence weighs against the
// series threshold, the suggestion the last run made between their series if any, and their
// message-text similarity.
import type { Db } from '../store/db';
import { keyOf } from './corpus';
import { identifierWeight, TEXT_SIMILARITY, valueClass } from './evidence';
import { signedBits } from '../../common/evidence-format';
import { evidenceSentence as describeEvidence } from './evidence-text';
import type { Evidence } from './link-graph';
import { MIN_SHINGLES, SIGNATURE_BINS, signature, similarity } from './minhash';
import { readIgnoreList } from './ignore-store';
import { readReferenceDomains, referenceKeys } from './reference-domains';
import {
  categoryBits,
  identifierBits,
  originCode,
  PRIOR_MODEL,
  readModel,
  SERIES_BITS,
  WEAK_CLASSES,
  type CategoryLevel,
  type LinkModel,
} from './model';
import { TIME_WINDOW_DAYS } from './evidence';

export interface Hop {
  readonly from: string;
  readonly to: string;
  readonly weight: number;
  readonly strong: boolean;
  readonly evidence: readonly Evidence[];
}

export interface SharedValue {
  readonly kind: string;
  readonly value: string;
  readonly status: 'evidence' | 'ignored' | 'hub' | 'no_weight' | 'weak' | 'cross_category';
  /** The value's term in bits (against the prior), null for values that are no evidence. */
  readonly bits: number | null;
  /** Distinct groups of reports carrying it. */
  readonly groups: number;
}

export interface Explanation {
  readonly a: string;
  readonly b: string;
  readonly linked: boolean;
  readonly series: string | null;
  readonly series_a: string | null;
  readonly series_b: string | null;
  readonly chain: readonly Hop[];
  readonly shared: readonly SharedValue[];
  readonly text_similarity: number | null;
  /** Not linked: what their identifier evidence weighs (bits), and what a series link needs. */
  readonly identifier_bits: number | null;
  readonly series_bits: number;
  /** The suggestion the last link run made between these two reports' series, if any. */
  readonly suggestion: { readonly id: string; readonly score: number; readonly reports: readonly [string, string] } | null;
  readonly reasons: readonly string[];
}

export class ExplainError extends Error {
  override readonly name = 'ExplainError';
}

interface ReportInfo {
  rid: number;
  id: string;
  withdrawn: number;
  category: string | null;
  reported_ms: number | null;
}

const DAY = 86_400_000;
const fmt = (x: number): string => `${signedBits(x)} bits`;

export function explain(db: Db, a: string, b: string): Explanation {
  const find = db.prepare<[string], ReportInfo>('SELECT rid, id, withdrawn, category, reported_ms FROM report WHERE id = ?');
  const ra = find.get(a);
  const rb = find.get(b);
  if (!ra) throw new ExplainError(`no report with id ${a}`);
  if (!rb) throw new ExplainError(`no report with id ${b}`);
  const seriesOf = db.prepare<[number], string>('SELECT series_id FROM series_member WHERE rid = ?').pluck();
  const sa = seriesOf.get(ra.rid) ?? null;
  const sb = seriesOf.get(rb.rid) ?? null;
  const model = readModel(db)?.model ?? PRIOR_MODEL;
  const level: CategoryLevel =
    ra.category !== rb.category
      ? 'different'
      : Math.abs((ra.reported_ms ?? 0) - (rb.reported_ms ?? 0)) / DAY <= TIME_WINDOW_DAYS
        ? 'same_window'
        : 'same';
  const shared = sharedValues(db, model, ra, rb, level);
  const textSim = textSimilarity(db, ra.rid, rb.rid);
  const base = { a, b, series_a: sa, series_b: sb, shared, text_similarity: textSim, series_bits: round1(SERIES_BITS) };
  if (sa !== null && sa === sb) {
    return {
      ...base,
      linked: true,
      series: sa,
      chain: chainBetween(db, sa, ra.rid, rb.rid),
      identifier_bits: null,
      suggestion: null,
      reasons: [],
    };
  }
  const reasons: string[] = [];
  if (ra.withdrawn) reasons.push(`${a} was withdrawn and takes no part in linking`);
  if (rb.withdrawn) reasons.push(`${b} was withdrawn and takes no part in linking`);
  for (const s of shared) {
    const what = `${s.kind} ${s.value}`;
    if (s.status === 'ignored') reasons.push(`${what} is on the ignore list or on a reference site`);
    else if (s.status === 'hub') reasons.push(`${what} is too common to link (held by more reports than the cap)`);
    else if (s.status === 'no_weight')
      reasons.push(`${what} says nothing about the fraudster (service number, masked, unparsed, or a reference site)`);
    else if (s.status === 'cross_category')
      reasons.push(
        `${what} (${fmt(s.bits ?? 0)}) alone does not join reports of different scam categories (${ra.category} / ${rb.category})`,
      );
    else if (s.status === 'weak')
      reasons.push(
        `${what} weighs ${fmt(s.bits ?? 0)}${s.groups >= 3 ? ` (carried by ${s.groups} groups of reports)` : ''}: not enough for a series link alone`,
      );
  }
  const counted = shared.filter((s) => s.bits !== null);
  const identifierBitsSum =
    counted.length === 0 ? null : round1(counted.reduce((x, s) => x + (s.bits as number), 0) + categoryBits(model, level));
  if (identifierBitsSum !== null)
    reasons.push(
      `their identifier evidence weighs ${fmt(identifierBitsSum)} with the category comparison; a series link needs ${fmt(SERIES_BITS)} (a probability of 0.99)`,
    );
  else reasons.push('they share no identifier that is evidence');
  const suggestion = suggestionBetween(db, ra.rid, rb.rid, sa, sb);
  if (suggestion)
    reasons.push(
      `the last link run suggests joining their series (${suggestion.id}, ${fmt(suggestion.score)}, carried by ${suggestion.reports[0]} and ${suggestion.reports[1]}) for an investigator to accept or reject`,
    );
  if (textSim !== null && textSim >= TEXT_SIMILARITY) {
    reasons.push(
      `their message texts are near-duplicates (${Math.round(textSim * 100)}%), but text alone never forms a series: templates are sold to many gangs, so it only makes a suggestion`,
    );
  }
  return { ...base, linked: false, series: null, chain: [], identifier_bits: identifierBitsSum, suggestion, reasons };
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

function suggestionBetween(db: Db, a: number, b: number, sa: string | null, sb: string | null): Explanation['suggestion'] {
  const sideA = sa === null ? [a] : (db.prepare('SELECT rid FROM series_member WHERE series_id = ?').pluck().all(sa) as number[]);
  const sideB = sb === null ? [b] : (db.prepare('SELECT rid FROM series_member WHERE series_id = ?').pluck().all(sb) as number[]);
  const row = db
    .prepare(
      `SELECT s.id, s.score, ra.id AS x, rb.id AS y FROM link_suggestion s JOIN report ra ON ra.rid = s.a JOIN report rb ON rb.rid = s.b
       WHERE (s.a IN (SELECT value FROM json_each(@x)) AND s.b IN (SELECT value FROM json_each(@y)))
          OR (s.a IN (SELECT value FROM json_each(@y)) AND s.b IN (SELECT value FROM json_each(@x)))
       ORDER BY s.score DESC, s.id LIMIT 1`,
    )
    .get({ x: JSON.stringify(sideA), y: JSON.stringify(sideB) }) as { id: string; score: number; x: string; y: string } | undefined;
  return row ? { id: row.id, score: row.score, reports: [row.x, row.y] } : null;
}

function sharedValues(db: Db, model: LinkModel, ra: ReportInfo, rb: ReportInfo, level: CategoryLevel): SharedValue[] {
  const ignore = readIgnoreList(db);
  const isReference = referenceKeys(readReferenceDomains(db));
  const rows = db
    .prepare<[number, number], { kind: string; value: string; subtype: string | null; domain: string | null; oa: string; ob: string }>(
      `SELECT x.kind, x.value, min(x.subtype) AS subtype, min(x.domain) AS domain,
              min(CASE x.origin WHEN 'reported' THEN 0 WHEN 'message' THEN 1 ELSE 2 END) AS oa,
              min(CASE y.origin WHEN 'reported' THEN 0 WHEN 'message' THEN 1 ELSE 2 END) AS ob
       FROM identifier x JOIN identifier y ON y.kind = x.kind AND y.value = x.value AND y.rid = ? WHERE x.rid = ? GROUP BY x.kind, x.value ORDER BY x.kind, x.value`,
    )
    .all(rb.rid, ra.rid);
  const hub = db
    .prepare<[string, string], number>("SELECT 1 FROM link_hub WHERE kind = ? AND value = ? AND reason NOT IN ('large', 'ignored')")
    .pluck();
  const groupsOf = db.prepare<[string, string], number>('SELECT groups FROM link_value_groups WHERE kind = ? AND value = ?').pluck();
  const same = categoryBits(model, level === 'different' ? 'same' : level);
  return rows.map((r) => {
    let status: SharedValue['status'] = 'evidence';
    const w = identifierWeight(r);
    const groups = groupsOf.get(r.kind, r.value) ?? 2;
    const origin = Math.max(Number(r.oa), Number(r.ob)) as 0 | 1 | 2;
    const cls = valueClass(r);
    const bitsOf = (): number => round1(identifierBits(model, cls, originCode(['reported', 'message', 'narrative'][origin]), groups));
    let valueBits: number | null = null;
    if (ignore.keys.has(keyOf(r.kind, r.value)) || (r.domain !== null && ignore.keys.has(keyOf('domain', r.domain)))) status = 'ignored';
    else if (hub.get(r.kind, r.value) !== undefined || (r.domain !== null && hub.get('domain', r.domain) !== undefined)) status = 'hub';
    else if (w === 0 || isReference(keyOf(r.kind, r.value))) status = 'no_weight';
    else {
      valueBits = bitsOf();
      if (WEAK_CLASSES.has(cls) || valueBits + same < SERIES_BITS) status = 'weak';
      else if (level === 'different') status = 'cross_category';
    }
    return { kind: r.kind, value: r.value, status, bits: valueBits, groups };
  });
}

function textSimilarity(db: Db, a: number, b: number): number | null {
  const text = db.prepare<[number], string>('SELECT group_concat(text, char(10)) FROM message WHERE rid = ?').pluck();
  const ta = text.get(a);
  const tb = text.get(b);
  if (!ta || !tb) return null;
  const sa = new Uint32Array(SIGNATURE_BINS);
  const sb = new Uint32Array(SIGNATURE_BINS);
  if (signature(ta, sa) < MIN_SHINGLES || signature(tb, sb) < MIN_SHINGLES) return null;
  return Math.round(similarity(sa, 0, sb, 0) * 100) / 100;
}

/** Shortest chain of links inside one series, by breadth-first search. */
function chainBetween(db: Db, series: string, from: number, to: number): Hop[] {
  const links = db
    .prepare<[string, string], { a: number; b: number; weight: number; strong: number; evidence: string }>(
      `SELECT l.a, l.b, l.weight, l.strong, l.evidence FROM link l
       WHERE l.a IN (SELECT rid FROM series_member WHERE series_id = ?) AND l.b IN (SELECT rid FROM series_member WHERE series_id = ?)`,
    )
    .all(series, series);
  const adj = new Map<number, typeof links>();
  for (const l of links) {
    for (const end of [l.a, l.b]) {
      const list = adj.get(end);
      if (list) list.push(l);
      else adj.set(end, [l]);
    }
  }
  const prev = new Map<number, (typeof links)[number]>();
  const seen = new Set([from]);
  let frontier = [from];
  while (frontier.length && !seen.has(to)) {
    const next: number[] = [];
    for (const r of frontier) {
      // Strong links first, so the chain shown is the firmest of the shortest.
      const out = [...(adj.get(r) ?? [])].sort((x, y) => y.strong - x.strong || y.weight - x.weight);
      for (const l of out) {
        const other = l.a === r ? l.b : l.a;
        if (seen.has(other)) continue;
        seen.add(other);
        prev.set(other, l);
        next.push(other);
      }
    }
    frontier = next;
  }
  const idOf = db.prepare<[number], string>('SELECT id FROM report WHERE rid = ?').pluck();
  const hops: Hop[] = [];
  let cur = to;
  while (cur !== from) {
    const l = prev.get(cur);
    if (!l) return [];
    const other = l.a === cur ? l.b : l.a;
    hops.push({
      from: idOf.get(other) as string,
      to: idOf.get(cur) as string,
      weight: l.weight,
      strong: l.strong === 1,
      evidence: JSON.parse(l.evidence) as Evidence[],
    });
    cur = other;
  }
  return hops.reverse();
}

export function formatExplanation(e: Explanation): string[] {
  const lines: string[] = [];
  if (e.linked) {
    lines.push(`${e.a} and ${e.b} are in series ${e.series}, through ${e.chain.length} link${e.chain.length === 1 ? '' : 's'}:`);
    for (const h of e.chain) {
      lines.push(`  ${h.from} — ${h.to}  (${h.strong ? 'identifier evidence' : 'correction'}, ${fmt(h.weight)})`);
      for (const ev of h.evidence) lines.push(`      ${describeEvidence(ev)}`);
    }
  } else {
    lines.push(`${e.a} and ${e.b} are not linked (series: ${e.series_a ?? 'none'} / ${e.series_b ?? 'none'}):`);
    for (const r of e.reasons) lines.push(`  - ${r}`);
  }
  return lines;
}
