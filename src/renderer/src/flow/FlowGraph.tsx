// The money flow as a directed graph (cytoscape): accounts in columns by layer, left to right, an
// arrow per pair of accounts as wide as its amount, cash as the last column. Accounts whose
// statements are unread are drawn hollow. Accounts of a layer with exactly the same counterparts
// fold into a collection node (count and summed receipts; double-click or the button opens it).
// Labels show from 0.8× zoom up, and always for the selection and collections. Selecting an
// account (or a collection: its members) filters the tables and the timeline beside it.

import cytoscape, { type Core } from 'cytoscape';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { SeriesFlow } from '../../../common/api';
import { useI18n } from '../i18n/I18nContext';
import { CASH_NODE, foldFlowElements } from './flow-model';

/** Above this many elements the flow draws in level-of-detail mode. */
const LARGE_FLOW = 1500;

const STYLE: cytoscape.StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'font-size': 11,
      'min-zoomed-font-size': 9,
      'text-valign': 'bottom',
      'text-margin-y': 4,
      width: 22,
      height: 22,
      'background-color': '#2f6db5',
      'border-width': 2,
      'border-color': '#2f6db5',
    },
  },
  { selector: 'node[!requested]', style: { 'background-color': '#ffffff', 'border-style': 'dashed' } },
  { selector: 'node[layer = 0]', style: { 'background-color': '#c0392b', 'border-color': '#c0392b', shape: 'round-rectangle' } },
  {
    selector: `node[id = "${CASH_NODE}"]`,
    style: { 'background-color': '#1e8449', 'border-color': '#1e8449', shape: 'diamond', width: 30, height: 30, 'min-zoomed-font-size': 0 },
  },
  {
    selector: 'node.collection',
    style: {
      width: 'mapData(count, 5, 200, 34, 70)',
      height: 'mapData(count, 5, 200, 34, 70)',
      'border-width': 6,
      'border-style': 'double',
      'border-color': '#b9770e',
      'font-weight': 'bold',
      'font-size': 13,
      'min-zoomed-font-size': 0,
    },
  },
  { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#f1c40f', 'min-zoomed-font-size': 0, 'z-index': 20 } },
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
  { selector: '.faded', style: { opacity: 0.2 } },
];

export interface FlowGraphProps {
  readonly flow: SeriesFlow;
  /** The selected accounts (one, or a collection's members), or null. */
  readonly selected: ReadonlySet<string> | null;
  readonly onSelect: (accounts: readonly string[] | null) => void;
}

export function FlowGraph({ flow, selected, onSelect }: FlowGraphProps) {
  const { m, fmt } = useI18n();
  const container = useRef<HTMLDivElement | null>(null);
  const cyRef = useRef<Core | null>(null);
  const select = useRef(onSelect);
  select.current = onSelect;
  const [folding, setFolding] = useState(true);
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set());
  const folded = useMemo(
    () =>
      foldFlowElements(flow, m['flow.cash'], { enabled: folding, open: opened }, (count, received) =>
        m['flow.collectionLabel'](count, fmt.money({ amount: received, currency: 'CNY' })),
      ),
    [flow, m, fmt, folding, opened],
  );
  const membersOf = useMemo(() => new Map(folded.collections.map((c) => [c.id, c.members])), [folded]);
  const open = (id: string) => setOpened((o) => new Set([...o, id]));

  useEffect(() => {
    if (!container.current) return undefined;
    const started = performance.now();
    const box = container.current;
    box.dataset['layoutDone'] = 'false';
    const large = folded.elements.length > LARGE_FLOW;
    const cy = cytoscape({
      container: box,
      elements: folded.elements as unknown as cytoscape.ElementDefinition[],
      // Labels in the theme's text colour (light or dark).
      style: [
        ...STYLE,
        { selector: 'node', style: { color: getComputedStyle(box).getPropertyValue('--text').trim() || '#1b2330' } },
        ...(large ? [{ selector: 'edge', style: { 'curve-style': 'straight' as const } }] : []),
      ],
      layout: { name: 'preset', fit: true, padding: 30 },
      minZoom: 0.02,
      maxZoom: 3,
      boxSelectionEnabled: false,
      // Large flows draw in level-of-detail mode while panning, at one pixel per pixel, with straight arrows.
      hideEdgesOnViewport: large,
      textureOnViewport: large,
      pixelRatio: large ? 1 : 'auto',
    });
    cyRef.current = cy;
    box.dataset['elements'] = String(cy.elements().length);
    box.dataset['nodes'] = String(cy.nodes().length);
    cy.one('render', () =>
      requestAnimationFrame(() => {
        box.dataset['layoutDone'] = 'true';
        box.dataset['renderMs'] = String(Math.round(performance.now() - started));
      }),
    );
    cy.on('tap', 'node', (event) => {
      const id = event.target.id() as string;
      if (id === CASH_NODE) select.current(null);
      else select.current(membersOf.get(id) ?? [id]);
    });
    cy.on('dbltap', 'node.collection', (event) => open(event.target.id() as string));
    cy.on('tap', (event) => {
      if (event.target === cy) select.current(null);
    });
    return () => {
      cy.destroy();
      cyRef.current = null;
    };
  }, [folded, membersOf]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.elements().unselect().removeClass('faded');
      if (!selected) return;
      let drawn = cy.collection();
      for (const a of selected) drawn = drawn.union(cy.getElementById(folded.drawnAs.get(a) ?? a));
      drawn.select();
      cy.elements().not(drawn.closedNeighborhood()).addClass('faded');
    });
  }, [selected, folded]);

  const shown = folded.collections.filter((c) => !c.open);
  const openedNow = folding ? folded.collections.filter((c) => c.open) : [];
  const chosen = selected?.size
    ? shown.find((c) => c.members.length === selected.size && c.members.every((a) => selected.has(a)))
    : undefined;
  return (
    <>
      <div className="graph-toolbar" role="toolbar" aria-label={m['flow.graphTools']}>
        <label className="check">
          <input type="checkbox" checked={folding} onChange={(e) => setFolding(e.target.checked)} />
          <span>{m['graph.folding']}</span>
        </label>
        {chosen ? (
          <button type="button" className="button button-small" onClick={() => open(chosen.id)}>
            {m['graph.collectionOpen']}
          </button>
        ) : null}
        {openedNow.length > 0 ? (
          <button type="button" className="button button-small button-quiet" onClick={() => setOpened(new Set())}>
            {m['graph.foldAll'](fmt.count(openedNow.length))}
          </button>
        ) : null}
        {shown.length > 0 ? <span className="muted small">{m['flow.collections'](fmt.count(shown.length))}</span> : null}
      </div>
      <div
        ref={container}
        className="flow-graph"
        data-testid="flow-graph"
        data-member-count={flow.accounts.length}
        data-collection-count={shown.length}
        role="img"
        aria-label={`${m['flow.graph']}: ${flow.accounts.length} / ${flow.edges.length}`}
      />
    </>
  );
}
