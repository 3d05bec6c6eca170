// A series' network for the link chart: its reports, the identifiers two or more of them share
// (hubs and ignored values marked, for the UI to show collapsed), 'has' edges from reports to
// those identifiers and 'link' edges between reports with the engine's evidence. `expand` adds,
// per identifier node, at most EXPAND_CAP reports outside the series that carry it.
// A series over MAX_ELEMENTS nodes and edges is trimmed: an identifier shared by just two reports
// whose link edge already names it as evidence is left out (the edge says it).
import type { GraphEdge, GraphNode, LinkEvidence, SeriesGraph } from '../../common/api';
import type { Category, IdentifierKind, IdentifierOrigin } from '../../common/model';
import { centsToDecimal } from '../../common/money';
import type { Db } from '../store/db';
import { keyOf } from '../linking/corpus';
import { readIgnoreList } from '../linking/ignore-store';
import { AnalysisError } from './analysis-error';
import { activeCorrections, wrongFor } from './corrections-read';
import { memberRids, resolveSeries } from './series-detail';

export const EXPAND_CAP = 200;
export const MAX_ELEMENTS = 5000;

const reportNodeId = (reportId: string): string => `r:${reportId}`;
export const identifierNodeId = (kind: string, value: string): string => `i:${kind}:${value}`;

function parseIdentifierNode(id: string): { kind: string; value: string } {
  const m = /^i:([a-z_]+):([\s\S]+)$/.exec(id);
  if (!m) throw new AnalysisError('invalid_argument', `expand: ${id.slice(0, 60)} is not an identifier node id (i:KIND:VALUE)`);
  return { kind: m[1] as string, value: m[2] as string };
}

interface ReportInfo {
  rid: number;
  id: string;
  category: string | null;
  reported_at: string | null;
  loss_cents: number | null;
  currency: string | null;
}

function reportNode(r: ReportInfo, outside: boolean): GraphNode {
  return {
    id: reportNodeId(r.id),
    type: 'report',
    reportId: r.id,
    category: (r.category ?? 'other') as Category,
    reportedAt: r.reported_at ?? '',
    loss: r.loss_cents === null || r.currency === null ? null : { amount: centsToDecimal(r.loss_cents), currency: r.currency },
    ...(outside ? { outside: true as const } : {}),
  };
}

export function seriesGraph(db: Db, id: string, expand: readonly string[] = []): SeriesGraph {
  const sid = resolveSeries(db, id);
  const rids = memberRids(db, sid);
  const ridList = JSON.stringify(rids);
  const reports = db
    .prepare(
      'SELECT rid, id, category, reported_at, loss_cents, currency FROM report WHERE rid IN (SELECT value FROM json_each(?)) ORDER BY rid',
    )
    .all(ridList) as ReportInfo[];
  const idOf = new Map(reports.map((r) => [r.rid, r.id]));
  const overrides = activeCorrections(db, rids);
  const isWrong = wrongFor(overrides);

  // Identifiers of the members, grouped by value.
  const holders = new Map<string, { kind: string; value: string; domain: string | null; carriers: Map<number, IdentifierOrigin> }>();
  for (const [rid, kind, value, origin, domain] of db
    .prepare('SELECT rid, kind, value, origin, domain FROM identifier WHERE rid IN (SELECT value FROM json_each(?))')
    .raw()
    .iterate(ridList) as IterableIterator<[number, string, string, IdentifierOrigin, string | null]>) {
    const key = keyOf(kind, value);
    let h = holders.get(key);
    if (!h) holders.set(key, (h = { kind, value, domain, carriers: new Map() }));
    // The most direct origin wins: reported, then narrative, then message.
    const prev = h.carriers.get(rid);
    if (prev === undefined || origin === 'reported' || (origin === 'narrative' && prev === 'message')) h.carriers.set(rid, origin);
  }

  // Links between members.
  const links = (
    db
      .prepare(
        'SELECT a, b, weight, strong, evidence FROM link WHERE a IN (SELECT value FROM json_each(?)) AND b IN (SELECT value FROM json_each(?))',
      )
      .raw()
      .all(ridList, ridList) as [number, number, number, number, string][]
  ).map(([a, b, weight, strong, evidence]) => ({ a, b, weight, strong: strong === 1, evidence: JSON.parse(evidence) as LinkEvidence[] }));

  const shared = [...holders.values()].filter((h) => h.carriers.size >= 2);
  const elements = reports.length + links.length + shared.reduce((n, h) => n + 1 + h.carriers.size, 0);
  let trimmed = false;
  let kept = shared;
  if (elements > MAX_ELEMENTS) {
    trimmed = true;
    const named = new Set<string>();
    for (const l of links)
      for (const e of l.evidence) if (e.type === 'identifier') named.add(`${keyOf(e.kind, e.value)}\u0002${l.a},${l.b}`);
    kept = shared.filter((h) => {
      if (h.carriers.size !== 2) return true;
      const [x, y] = [...h.carriers.keys()].sort((p, q) => p - q) as [number, number];
      return !named.has(`${keyOf(h.kind, h.value)}\u0002${x},${y}`);
    });
  }

  const ignore = readIgnoreList(db);
  const hubStmt = db
    .prepare<[string, string], number>("SELECT 1 FROM link_hub WHERE kind = ? AND value = ? AND reason NOT IN ('large', 'ignored')")
    .pluck();
  const storeCount = db
    .prepare<[string, string], number>(
      'SELECT count(*) FROM (SELECT DISTINCT rid FROM identifier WHERE kind = ? AND value = ? LIMIT 1000000)',
    )
    .pluck();
  const nodes: GraphNode[] = reports.map((r) => reportNode(r, false));
  const edges: GraphEdge[] = [];
  const nodeIds = new Set(nodes.map((n) => n.id));
  for (const h of kept) {
    const nid = identifierNodeId(h.kind, h.value);
    const ignored = ignore.keys.has(keyOf(h.kind, h.value)) || (h.domain !== null && ignore.keys.has(keyOf('domain', h.domain)));
    const hub =
      ignored || hubStmt.get(h.kind, h.value) !== undefined || (h.domain !== null && hubStmt.get('domain', h.domain) !== undefined);
    nodes.push({
      id: nid,
      type: 'identifier',
      kind: h.kind as IdentifierKind,
      value: h.value,
      storeReports: storeCount.get(h.kind, h.value) ?? 0,
      hub,
      ignored,
    });
    nodeIds.add(nid);
    for (const [rid, origin] of h.carriers) {
      const rnode = reportNodeId(idOf.get(rid) as string);
      edges.push({ id: `h:${rnode}|${nid}`, type: 'has', source: rnode, target: nid, origin, wrong: isWrong(h.kind, h.value, rid) });
    }
  }
  for (const l of links) {
    const a = idOf.get(l.a) as string;
    const b = idOf.get(l.b) as string;
    const evidence = l.evidence.map((e): LinkEvidence =>
      e.type === 'identifier' && isWrong(e.kind, e.value, l.a, l.b) ? { ...e, wrong: true } : e,
    );
    edges.push({
      id: `l:${a}|${b}`,
      type: 'link',
      source: reportNodeId(a),
      target: reportNodeId(b),
      weight: l.weight,
      strong: l.strong,
      evidence,
    });
  }

  // Expansion: other reports carrying an identifier node's value.
  const carriers = db.prepare(
    `SELECT DISTINCT r.rid, r.id, r.category, r.reported_at, r.loss_cents, r.currency, i.origin FROM identifier i JOIN report r ON r.rid = i.rid
     WHERE i.kind = ? AND i.value = ? AND r.withdrawn = 0 AND r.rid NOT IN (SELECT value FROM json_each(?)) ORDER BY r.rid LIMIT ?`,
  );
  const edgeIds = new Set(edges.map((e) => e.id));
  for (const nid of expand) {
    const { kind, value } = parseIdentifierNode(nid);
    if (!nodeIds.has(nid)) {
      nodes.push({
        id: nid,
        type: 'identifier',
        kind: kind as IdentifierKind,
        value,
        storeReports: storeCount.get(kind, value) ?? 0,
        hub: hubStmt.get(kind, value) !== undefined,
        ignored: ignore.keys.has(keyOf(kind, value)),
      });
      nodeIds.add(nid);
    }
    const seenEdge = new Set<string>();
    for (const r of carriers.all(kind, value, ridList, EXPAND_CAP * 3) as (ReportInfo & { origin: IdentifierOrigin })[]) {
      const rnode = reportNodeId(r.id);
      const eid = `h:${rnode}|${nid}`;
      if (seenEdge.has(eid)) continue;
      if (seenEdge.size >= EXPAND_CAP) break;
      seenEdge.add(eid);
      if (!nodeIds.has(rnode)) {
        nodes.push(reportNode(r, true));
        nodeIds.add(rnode);
      }
      if (!edgeIds.has(eid)) {
        edgeIds.add(eid);
        edges.push({ id: eid, type: 'has', source: rnode, target: nid, origin: r.origin, wrong: false });
      }
    }
  }
  return { nodes, edges, trimmed };
}
