// From the backend's series network to cytoscape elements: classes carry the kind (shape and
// colour), labels carry the kind's name and the value (so colour is never alone), and sizes
// follow the loss (reports) or the number of reports sharing the value (identifiers).
// Pure, so it is tested without a browser.

import type { ElementDefinition } from 'cytoscape';
import type { GraphNode, SeriesGraph } from '../../../common/api';
import type { IdentifierKind } from '../../../common/model';
import { decimalToCents } from '../../../common/money';
import { foldElements, type FoldElement, type Folded } from './graph-collections';

export interface GraphLabels {
  readonly kind: (kind: IdentifierKind) => string;
}

const MAX_VALUE_CHARS = 22;

function shorten(text: string): string {
  const chars = Array.from(text);
  return chars.length <= MAX_VALUE_CHARS ? text : `${chars.slice(0, MAX_VALUE_CHARS - 1).join('')}…`;
}

/** Report nodes grow with the loss (log scale), identifier nodes with their degree. */
export function reportSize(amount: string | null): number {
  const loss = amount === null ? 0 : Math.max(0, Number(amount) || 0);
  return Math.round(18 + 7 * Math.log10(1 + loss / 100));
}

export function identifierSize(degree: number): number {
  return Math.round(Math.min(64, 14 + 6 * Math.sqrt(Math.max(0, degree))));
}

export interface ElementsInput {
  readonly graph: SeriesGraph;
  /** Report ids of the series itself; reports added by expanding are drawn as "outside". */
  readonly seriesReports: ReadonlySet<string>;
  readonly crossingReport: string | null;
  readonly labels: GraphLabels;
}

export function nodeLabel(node: GraphNode, labels: GraphLabels): string {
  return node.type === 'report' ? node.reportId : `${labels.kind(node.kind)} ${shorten(node.value)}`;
}

export function graphElements({ graph, seriesReports, crossingReport, labels }: ElementsInput): ElementDefinition[] {
  const degree = new Map<string, number>();
  for (const edge of graph.edges) {
    degree.set(edge.source, (degree.get(edge.source) ?? 0) + 1);
    degree.set(edge.target, (degree.get(edge.target) ?? 0) + 1);
  }
  const elements: ElementDefinition[] = [];
  for (const node of graph.nodes) {
    if (node.type === 'report') {
      const classes = ['report'];
      if (node.outside === true || !seriesReports.has(node.reportId)) classes.push('outside');
      if (node.reportId === crossingReport) classes.push('crossing');
      elements.push({
        group: 'nodes',
        data: {
          id: node.id,
          type: 'report',
          label: nodeLabel(node, labels),
          size: reportSize(node.loss?.amount ?? null),
          reportId: node.reportId,
          // Collections sum losses in yuan (the demo's and the precincts' currency); others add nothing.
          lossCents: node.loss?.currency === 'CNY' ? (decimalToCents(node.loss.amount) ?? 0) : 0,
        },
        classes: classes.join(' '),
      });
    } else {
      const classes = ['ident', `kind-${node.kind}`];
      if (node.hub) classes.push('hub');
      if (node.ignored) classes.push('ignored');
      elements.push({
        group: 'nodes',
        data: {
          id: node.id,
          type: 'identifier',
          kind: node.kind,
          label: nodeLabel(node, labels),
          size: identifierSize(degree.get(node.id) ?? 0),
        },
        classes: classes.join(' '),
      });
    }
  }
  for (const edge of graph.edges) {
    const classes: string[] = [edge.type];
    if (edge.type === 'has' && edge.wrong) classes.push('wrong');
    if (edge.type === 'link') {
      if (!edge.strong) classes.push('weak');
      if (edge.evidence.some((e) => e.type === 'identifier' && e.wrong)) classes.push('wrong');
    }
    elements.push({
      group: 'edges',
      data: { id: edge.id, source: edge.source, target: edge.target, type: edge.type, weight: edge.type === 'link' ? edge.weight : 1 },
      classes: classes.join(' '),
    });
  }
  return elements;
}

/** Kinds present in a graph, with how many nodes of each, in a stable order. */
export function kindCounts(graph: SeriesGraph): { readonly kind: IdentifierKind; readonly count: number }[] {
  const counts = new Map<IdentifierKind, number>();
  for (const node of graph.nodes) if (node.type === 'identifier') counts.set(node.kind, (counts.get(node.kind) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([kind, count]) => ({ kind, count }));
}

/** Groups of this many same-neighbour nodes fold by default… */
export const FOLD_MIN = 5;
/** …and of this many in a crowded graph (more elements than CROWDED). */
export const FOLD_MIN_CROWDED = 3;
export const CROWDED = 600;

export interface FoldChoice {
  readonly enabled: boolean;
  readonly open: ReadonlySet<string>;
}

export interface CollectionLabels {
  readonly collection: (count: number, kind: string, loss: string | null) => string;
  readonly kind: (kind: IdentifierKind) => string;
  readonly report: string;
  /** A sum of cents as money. */
  readonly money: (cents: number) => string;
}

/**
 * The series network with its collections folded: reports naming exactly the same identifiers
 * (link edges follow from what they name, so they merge but do not keep reports apart), and
 * identifiers named by exactly the same reports. A collection shows its count and summed loss.
 */
export function foldSeriesElements(
  elements: readonly ElementDefinition[],
  fold: FoldChoice,
  labels: CollectionLabels,
): Folded<FoldElement> {
  const els = elements as unknown as readonly FoldElement[];
  return foldElements(els, {
    enabled: fold.enabled,
    open: fold.open,
    minSize: els.length > CROWDED ? FOLD_MIN_CROWDED : FOLD_MIN,
    kindOf: (n) =>
      n.data['type'] === 'report' ? `report${(n.classes ?? '').includes('outside') ? ':outside' : ''}` : `ident:${String(n.data['kind'])}`,
    weightOf: (n) => (typeof n.data['lossCents'] === 'number' ? n.data['lossCents'] : 0),
    defines: (e) => e.data['type'] === 'has',
    edgeKind: (e) => String(e.data['type']),
    collectionNode: (c, members) => {
      const first = members[0] as FoldElement;
      const report = first.data['type'] === 'report';
      const kindName = report ? labels.report : labels.kind(first.data['kind'] as IdentifierKind);
      return {
        group: 'nodes',
        data: {
          id: c.id,
          type: 'collection',
          memberType: report ? 'report' : 'identifier',
          kind: report ? 'report' : String(first.data['kind']),
          count: c.members.length,
          label: labels.collection(c.members.length, kindName, report ? labels.money(c.weight) : null),
          size: Math.round(Math.min(90, 30 + 8 * Math.sqrt(c.members.length))),
        },
        classes: `collection ${first.classes ?? ''}`.trim(),
      };
    },
    mergedEdge: (id, source, target, edges) => {
      const first = edges[0] as FoldElement;
      const type = String(first.data['type']);
      const weight = type === 'link' ? Math.max(...edges.map((e) => Number(e.data['weight']) || 0)) : 1;
      return {
        group: 'edges',
        data: { id, source, target, type, weight, merged: edges.length },
        classes: `${type} merged${edges.every((e) => (e.classes ?? '').includes('weak')) ? ' weak' : ''}`,
      };
    },
  });
}
