// Why two reports are, or are not, in one series. Linked: the shortest chain of stored links
// between them, each hop with its evidence. Not linked: every value they share and why it did
// not count (ignored, a hub, no weight, one value across two scam categories), any direct weak
// link the chain guard held back, and their message-text similarity.
import type { Db } from '../store/db';
import { keyOf } from './corpus';
import { identifierWeight, LINK_WEIGHT, TEXT_SIMILARITY, TIME_WINDOW_DAYS } from './evidence';
import type { Evidence } from './link-graph';
import { MIN_SHINGLES, SIGNATURE_BINS, signature, similarity } from './minhash';
import { readIgnoreList } from './ignore-store';

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
}

export function explain(db: Db, a: string, b: string): Explanation {
  const find = db.prepare<[string], ReportInfo>('SELECT rid, id, withdrawn, category FROM report WHERE id = ?');
  const ra = find.get(a);
  const rb = find.get(b);
  if (!ra) throw new ExplainError(`no report with id ${a}`);
  if (!rb) throw new ExplainError(`no report with id ${b}`);
  const seriesOf = db.prepare<[number], string>('SELECT series_id FROM series_member WHERE rid = ?').pluck();
  const sa = seriesOf.get(ra.rid) ?? null;
  const sb = seriesOf.get(rb.rid) ?? null;
  const shared = sharedValues(db, ra, rb);
  const textSim = textSimilarity(db, ra.rid, rb.rid);
  if (sa !== null && sa === sb) {
    return { a, b, linked: true, series: sa, series_a: sa, series_b: sb, chain: chainBetween(db, sa, ra.rid, rb.rid), shared, text_similarity: textSim, reasons: [] };
  }
  const reasons: string[] = [];
  if (ra.withdrawn) reasons.push(`${a} was withdrawn and takes no part in linking`);
  if (rb.withdrawn) reasons.push(`${b} was withdrawn and takes no part in linking`);
  for (const s of shared) {
    const what = `${s.kind} ${s.value}`;
    if (s.status === 'ignored') reasons.push(`${what} is on the ignore list`);
    else if (s.status === 'hub') reasons.push(`${what} is too common to link (seen across many unrelated reports)`);
    else if (s.status === 'no_weight') reasons.push(`${what} says nothing about the fraudster (service number, masked or unparsed)`);
    else if (s.status === 'cross_category') reasons.push(`${what} alone does not join reports of different scam categories (${ra.category} / ${rb.category})`);
    else if (s.status === 'weak') reasons.push(`${what} is weak evidence and needs other agreeing evidence`);
  }
  const direct = db.prepare<[number, number], { weight: number }>('SELECT weight FROM link WHERE a = ? AND b = ?').get(Math.min(ra.rid, rb.rid), Math.max(ra.rid, rb.rid));
  if (direct) reasons.push(`a weak link (weight ${direct.weight}) was held back by the chain guard: it would have joined two existing series on one weak link`);
  if (shared.length === 0) reasons.push(`they share no identifier, and no weak evidence reaches weight ${LINK_WEIGHT}`);
  if (textSim !== null && textSim >= TEXT_SIMILARITY) {
    reasons.push(`their message texts are near-duplicates (${Math.round(textSim * 100)}%), but text links only with the same category within ${TIME_WINDOW_DAYS} days and the same brand or sender (templates are sold to many gangs)`);
  }
  return { a, b, linked: false, series: null, series_a: sa, series_b: sb, chain: [], shared, text_similarity: textSim, reasons };
}

function sharedValues(db: Db, ra: ReportInfo, rb: ReportInfo): SharedValue[] {
  const ignore = readIgnoreList(db);
  const rows = db
    .prepare<[number, number], { kind: string; value: string; subtype: string | null; domain: string | null }>(
      'SELECT DISTINCT x.kind, x.value, x.subtype, x.domain FROM identifier x JOIN identifier y ON y.kind = x.kind AND y.value = x.value AND y.rid = ? WHERE x.rid = ? ORDER BY x.kind, x.value',
    )
    .all(rb.rid, ra.rid);
  const hub = db.prepare<[string, string], number>("SELECT 1 FROM link_hub WHERE kind = ? AND value = ? AND reason NOT IN ('large', 'ignored')").pluck();
  return rows.map((r) => {
    let status: SharedValue['status'] = 'evidence';
    const w = identifierWeight(r);
    if (ignore.keys.has(keyOf(r.kind, r.value)) || (r.domain !== null && ignore.keys.has(keyOf('domain', r.domain)))) status = 'ignored';
    else if (hub.get(r.kind, r.value) !== undefined || (r.domain !== null && hub.get('domain', r.domain) !== undefined)) status = 'hub';
    else if (w === 0) status = 'no_weight';
    else if (w < 1) status = 'weak';
    else if (ra.category !== rb.category) status = 'cross_category';
    return { kind: r.kind, value: r.value, status };
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
    hops.push({ from: idOf.get(other) as string, to: idOf.get(cur) as string, weight: l.weight, strong: l.strong === 1, evidence: JSON.parse(l.evidence) as Evidence[] });
    cur = other;
  }
  return hops.reverse();
}

export function formatExplanation(e: Explanation): string[] {
  const lines: string[] = [];
  if (e.linked) {
    lines.push(`${e.a} and ${e.b} are in series ${e.series}, through ${e.chain.length} link${e.chain.length === 1 ? '' : 's'}:`);
    for (const h of e.chain) {
      lines.push(`  ${h.from} — ${h.to}  (${h.strong ? 'strong' : 'weak'}, weight ${h.weight})`);
      for (const ev of h.evidence) lines.push(`      ${describe(ev)}`);
    }
  } else {
    lines.push(`${e.a} and ${e.b} are not linked (series: ${e.series_a ?? 'none'} / ${e.series_b ?? 'none'}):`);
    for (const r of e.reasons) lines.push(`  - ${r}`);
  }
  return lines;
}

function describe(ev: Evidence): string {
  switch (ev.type) {
    case 'identifier':
      return `same ${ev.kind} ${ev.value} (${ev.weight})`;
    case 'domain':
      return `same domain ${ev.domain}, different paths (${ev.weight})`;
    case 'text':
      return `near-duplicate message text, similarity ${ev.similarity} (${ev.weight})`;
    case 'category_time':
      return `same category ${ev.category}, ${ev.days} days apart (${ev.weight})`;
    case 'brand':
      return `same brand 【${ev.brand}】 (${ev.weight})`;
    case 'sender':
      return `same sender pattern ${ev.pattern}… (${ev.weight})`;
    case 'correction':
      return `joined by an investigator's merge (correction #${ev.correction})`;
  }
}
