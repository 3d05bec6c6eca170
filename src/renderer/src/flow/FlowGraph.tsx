// The money flow as a directed graph (cytoscape): accounts in columns by layer, left to right, an
// arrow per pair of accounts as wide as its amount, cash as the last column. Accounts whose
// statements are unread are drawn hollow. Selecting an account filters the tables beside it.

import cytoscape, { type Core } from 'cytoscape';
import { useEffect, useRef } from 'react';
import type { SeriesFlow } from '../../../common/api';
import { useI18n } from '../i18n/I18nContext';
import { CASH_NODE, flowElements } from './flow-model';

const STYLE: cytoscape.StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'font-size': 11,
      'text-valign': 'bottom',
      'text-margin-y': 4,
      width: 22,
      height: 22,
      'background-color': '#2f6db5',
      'border-width': 2,
      'border-color': '#2f6db5',
    },
  },
  { selector: 'node[?requested]', style: {} },
  { selector: 'node[!requested]', style: { 'background-color': '#ffffff', 'border-style': 'dashed' } },
  { selector: 'node[layer = 0]', style: { 'background-color': '#c0392b', 'border-color': '#c0392b', shape: 'round-rectangle' } },
  {
    selector: `node[id = "${CASH_NODE}"]`,
    style: { 'background-color': '#1e8449', 'border-color': '#1e8449', shape: 'diamond', width: 30, height: 30 },
  },
  { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#f1c40f' } },
  {
    selector: 'edge',
    style: {
      width: 'data(width)',
      'curve-style': 'bezier',
      'target-arrow-shape': 'triangle',
      'line-color': '#7f8c9d',
      'target-arrow-color': '#7f8c9d',
      opacity: 0.8,
    },
  },
  { selector: 'edge[?cashOut]', style: { 'line-color': '#1e8449', 'target-arrow-color': '#1e8449', 'line-style': 'dashed' } },
];

export function FlowGraph({
  flow,
  selected,
  onSelect,
}: {
  readonly flow: SeriesFlow;
  readonly selected: string | null;
  readonly onSelect: (account: string | null) => void;
}) {
  const { m } = useI18n();
  const container = useRef<HTMLDivElement | null>(null);
  const cyRef = useRef<Core | null>(null);
  const select = useRef(onSelect);
  select.current = onSelect;

  useEffect(() => {
    if (!container.current) return undefined;
    const cy = cytoscape({
      container: container.current,
      elements: flowElements(flow, m['flow.cash']) as cytoscape.ElementDefinition[],
      // Labels in the theme's text colour (light or dark).
      style: [
        ...STYLE,
        { selector: 'node', style: { color: getComputedStyle(container.current).getPropertyValue('--text').trim() || '#1b2330' } },
      ],
      layout: { name: 'preset', fit: true, padding: 30 },
      minZoom: 0.05,
      maxZoom: 3,
      boxSelectionEnabled: false,
    });
    cyRef.current = cy;
    cy.on('tap', 'node', (event) => {
      const id = event.target.id() as string;
      select.current(id === CASH_NODE ? null : id);
    });
    cy.on('tap', (event) => {
      if (event.target === cy) select.current(null);
    });
    return () => {
      cy.destroy();
      cyRef.current = null;
    };
  }, [flow, m]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.nodes().unselect();
    if (selected) cy.getElementById(selected).select();
  }, [selected]);

  return (
    <div
      ref={container}
      className="flow-graph"
      data-testid="flow-graph"
      role="img"
      aria-label={`${m['flow.graph']}: ${flow.accounts.length} / ${flow.edges.length}`}
    />
  );
}
