// Centrality in the series network: size the visible nodes by it and mark the ten most central.

import type cytoscape from 'cytoscape';
import type { Core } from 'cytoscape';
import { useEffect, useState, type RefObject } from 'react';
import type { SeriesGraph as Graph } from '../../../common/api';
import type { IdentifierKind } from '../../../common/model';

export type Centrality = 'none' | 'degree' | 'betweenness';

export interface CentralNode {
  readonly id: string;
  readonly label: string;
  readonly value: number;
}

/** The ten most central nodes (none while `centrality` is 'none'), measured again when the graph or the hidden kinds change. */
export function useCentrality(
  cyRef: RefObject<Core | null>,
  centrality: Centrality,
  graph: Graph | null,
  hidden: ReadonlySet<IdentifierKind>,
): readonly CentralNode[] {
  const [central, setCentral] = useState<readonly CentralNode[]>([]);
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => cy.nodes().removeClass('by-centrality central'));
    if (centrality === 'none') {
      setCentral([]);
      return;
    }
    const eles = cy.elements(':visible');
    const values = new Map<string, number>();
    if (centrality === 'degree') {
      const result = eles.degreeCentralityNormalized({
        directed: false,
        weight: () => 1,
      }) as cytoscape.SearchDegreeCentralityNormalizedResultUndirected;
      eles.nodes().forEach((n) => {
        values.set(n.id(), result.degree(n));
      });
    } else {
      const result = eles.betweennessCentrality({ directed: false });
      eles.nodes().forEach((n) => {
        values.set(n.id(), result.betweennessNormalized(n));
      });
    }
    const max = Math.max(1e-9, ...values.values());
    const top = [...values.entries()].sort((a, b) => b[1] - a[1]).slice(0, 10);
    cy.batch(() => {
      for (const [id, value] of values)
        cy.getElementById(id)
          .data('centrality', value / max)
          .addClass('by-centrality');
      for (const [id] of top) cy.getElementById(id).addClass('central');
    });
    setCentral(top.map(([id, value]) => ({ id, label: String(cy.getElementById(id).data('label')), value: value / max })));
  }, [cyRef, centrality, graph, hidden]);
  return central;
}
