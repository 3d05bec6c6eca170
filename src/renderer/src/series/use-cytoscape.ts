// The series network's cytoscape instance: created for the first graph, then kept in step with
// each new one (what changed is added and removed, and only new elements lay out), restyled
// when the theme switches, identifier kinds hidden and shown, and destroyed with the view.
// Large graphs draw in level-of-detail mode, with WebGL when the machine has a real GPU.

import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { SeriesGraph as Graph } from '../../../common/api';
import type { IdentifierKind } from '../../../common/model';
import { centsToDecimal } from '../../../common/money';
import { useI18n } from '../i18n/I18nContext';
import { useSettings } from '../settings/SettingsContext';
import { hardwareWebgl, LARGE, layoutOptions, type LayoutName } from './graph-layout';
import type { Collection } from './graph-collections';
import { foldSeriesElements, graphElements, type CollectionLabels, type FoldChoice } from './graph-model';
import { graphStylesheet } from './graph-style';
import type { GraphSelection } from './GraphDetails';

cytoscape.use(fcose);

export interface GraphStats {
  readonly nodes: number;
  readonly edges: number;
  readonly visible: number;
  readonly renderMs: number;
  readonly renderer: string;
}

export interface CytoscapeInput {
  readonly graph: Graph | null;
  readonly seriesReports: ReadonlySet<string>;
  readonly crossingReport: string | null;
  /** The layout new data lays out with (a change of layout runs through `runLayout`). */
  readonly layout: LayoutName;
  readonly hidden: ReadonlySet<IdentifierKind>;
  readonly onSelect: (selection: GraphSelection | null) => void;
  /** Which collections fold (switched off, or opened by the investigator). */
  readonly fold: FoldChoice;
  /** A double click on a collection opens it. */
  readonly onOpenCollection: (id: string) => void;
}

export interface CytoscapeView {
  readonly containerRef: RefObject<HTMLDivElement | null>;
  readonly cyRef: RefObject<Core | null>;
  readonly stats: GraphStats;
  readonly runLayout: (name: LayoutName, incremental: boolean) => void;
  /** Selects a node, centres on it and shows its details. */
  readonly select: (id: string) => void;
  readonly zoomBy: (factor: number) => void;
  readonly fit: () => void;
  /** Every collection found, folded or open. */
  readonly collections: readonly Collection[];
  /** The drawn node standing for a node of the graph (itself or its folded collection). */
  readonly drawnAs: ReadonlyMap<string, string>;
}

export function useCytoscape(input: CytoscapeInput): CytoscapeView {
  const { graph, seriesReports, crossingReport, layout, hidden, onSelect, fold } = input;
  const { m, fmt } = useI18n();
  const openCollection = useRef(input.onOpenCollection);
  openCollection.current = input.onOpenCollection;
  const containerRef = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const largeRef = useRef(false);
  const theme = useSettings().settings.theme;
  const themeRef = useRef(theme);
  themeRef.current = theme;
  const [stats, setStats] = useState<GraphStats>({ nodes: 0, edges: 0, visible: 0, renderMs: 0, renderer: 'canvas' });

  const runLayout = useCallback((name: LayoutName, incremental: boolean) => {
    const cy = cyRef.current;
    const container = containerRef.current;
    if (!cy || !container) return;
    const started = performance.now();
    container.dataset['layoutDone'] = 'false';
    const visible = cy.elements(':visible');
    const run = visible.layout(layoutOptions(name, visible.length, incremental));
    run.one('layoutstop', () => {
      cy.fit(undefined, 24);
      // A small graph fitted to the box would be drawn huge; keep it at a readable scale.
      if (cy.zoom() > 1.4) {
        cy.zoom(1.4);
        cy.center();
      }
      // First paint after the layout: the next animation frame, then the one after it has been drawn.
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          const ms = Math.round(performance.now() - started);
          container.dataset['layoutDone'] = 'true';
          container.dataset['renderMs'] = String(ms);
          setStats((s) => ({ ...s, renderMs: ms }));
        }),
      );
    });
    try {
      run.run();
    } catch {
      // A layout that fails leaves the nodes where they were; the graph stays usable.
      container.dataset['layoutDone'] = 'true';
    }
  }, []);

  // Put the graph into cytoscape: create it the first time, then add and remove what changed.
  const labels = useMemo(() => ({ kind: (kind: IdentifierKind) => m[`kind.${kind}`] }), [m]);
  const collectionLabels = useMemo<CollectionLabels>(
    () => ({
      collection: m['graph.collectionLabel'],
      kind: (kind: IdentifierKind) => m[`kind.${kind}`],
      report: m['graph.reportNode'],
      money: (cents: number) => fmt.money({ amount: centsToDecimal(cents), currency: 'CNY' }),
    }),
    [m, fmt],
  );
  const folded = useMemo(
    () => (graph ? foldSeriesElements(graphElements({ graph, seriesReports, crossingReport, labels }), fold, collectionLabels) : null),
    [graph, seriesReports, crossingReport, labels, fold, collectionLabels],
  );
  useEffect(() => {
    const container = containerRef.current;
    if (!graph || !container || !folded) return;
    const elements = folded.elements as ElementDefinition[];
    const memberOf = new Map<string, Collection>();
    for (const c of folded.collections) for (const id of c.members) memberOf.set(id, c);
    const large = elements.length > LARGE;
    let cy = cyRef.current;
    let incremental = false;
    // Expanding can make a small graph large: draw it again in level-of-detail mode.
    if (cy && large && !largeRef.current) {
      cy.destroy();
      cy = null;
      cyRef.current = null;
    }
    if (!cy) {
      largeRef.current = large;
      const webgl = large && hardwareWebgl();
      cy = cytoscape({
        container,
        elements,
        style: graphStylesheet(large, themeRef.current),
        minZoom: 0.05,
        maxZoom: 4,
        hideEdgesOnViewport: large,
        textureOnViewport: large,
        pixelRatio: large ? 1 : 'auto',
        ...(webgl ? { renderer: { name: 'canvas', webgl: true } } : {}),
      } as cytoscape.CytoscapeOptions);
      cyRef.current = cy;
      setStats((s) => ({ ...s, renderer: webgl ? 'webgl' : 'canvas' }));
      cy.on('tap', 'node', (event) => onSelect({ type: 'node', id: event.target.id() as string }));
      cy.on('tap', 'edge', (event) => onSelect({ type: 'edge', id: event.target.id() as string }));
      cy.on('tap', (event) => {
        if (event.target === cyRef.current) onSelect(null);
      });
      cy.on('dbltap', 'node.collection', (event) => openCollection.current(event.target.id() as string));
    } else {
      const want = new Set(elements.map((e) => e.data.id ?? ''));
      const stale = cy.elements().filter((e) => !want.has(e.id()));
      const fresh = elements.filter((e) => cy?.getElementById(e.data.id ?? '').empty());
      const core = cy;
      const at = (id: string | undefined): cytoscape.Position | null => {
        const n = id === undefined ? null : core.getElementById(id);
        return n && n.nonempty() ? { ...n.position() } : null;
      };
      // New nodes start where they come from (the collection just opened, the members just folded,
      // the node they were expanded from), so the incremental layout moves little. Read before removing.
      for (const el of fresh) {
        if (el.group !== 'nodes') continue;
        const id = el.data.id ?? '';
        const jitter = (p: cytoscape.Position, r: number) => ({ x: p.x + (Math.random() - 0.5) * r, y: p.y + (Math.random() - 0.5) * r });
        if (el.data['type'] === 'collection') {
          const members = (memberOf.get(id)?.members ?? []).map(at).filter((p): p is cytoscape.Position => p !== null);
          if (members.length > 0)
            el.position = {
              x: members.reduce((t, p) => t + p.x, 0) / members.length,
              y: members.reduce((t, p) => t + p.y, 0) / members.length,
            };
          continue;
        }
        const from = at(memberOf.get(id)?.id);
        if (from) {
          el.position = jitter(from, 120);
          continue;
        }
        const near = graph.edges.find((e) => e.source === id || e.target === id);
        const other = near ? at(near.source === id ? near.target : near.source) : null;
        if (other) el.position = jitter(other, 80);
      }
      cy.batch(() => {
        stale.remove();
        cy?.add(fresh);
        // Classes can change without the element changing (a hub ignored, an edge marked wrong).
        for (const el of elements) cy?.getElementById(el.data.id ?? '').classes(el.classes ?? '');
      });
      // Folding and opening collections moves little: only the new nodes lay out.
      incremental =
        fresh.length > 0 &&
        stale
          .nodes()
          .filter((n) => n.data('type') !== 'collection' && !memberOf.has(n.id()))
          .empty();
      if (fresh.length === 0 && stale.length === 0) {
        setStats((s) => ({
          ...s,
          nodes: cy?.nodes().length ?? 0,
          edges: cy?.edges().length ?? 0,
          visible: cy?.nodes(':visible').length ?? 0,
        }));
        return;
      }
    }
    setStats((s) => ({ ...s, nodes: cy?.nodes().length ?? 0, edges: cy?.edges().length ?? 0, visible: cy?.nodes(':visible').length ?? 0 }));
    runLayout(layout, incremental);
    // The layout choice re-runs through its own handler; here only new data lays out.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [folded, runLayout]);

  useEffect(
    () => () => {
      cyRef.current?.destroy();
      cyRef.current = null;
    },
    [],
  );

  // The theme switched while the graph is open: restyle it in place.
  useEffect(() => {
    cyRef.current?.style(graphStylesheet(largeRef.current, theme));
  }, [theme]);

  // Hide and show identifier kinds.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.nodes('.ident').forEach((n) => {
        n.style('display', hidden.has(n.data('kind') as IdentifierKind) ? 'none' : 'element');
      });
    });
    setStats((s) => ({ ...s, visible: cy.nodes(':visible').length }));
  }, [hidden, folded]);

  const select = (id: string): void => {
    const cy = cyRef.current;
    if (!cy) return;
    // A node inside a folded collection is shown by its collection.
    const el = cy.getElementById(folded?.drawnAs.get(id) ?? id);
    cy.elements().unselect();
    el.select();
    cy.animate({ center: { eles: el }, zoom: Math.max(cy.zoom(), 1) }, { duration: 200 });
    onSelect({ type: 'node', id: el.nonempty() ? el.id() : id });
  };

  const zoomBy = (factor: number): void => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  };

  const fit = (): void => {
    cyRef.current?.fit(undefined, 24);
  };

  return {
    containerRef,
    cyRef,
    stats,
    runLayout,
    select,
    zoomBy,
    fit,
    collections: folded?.collections ?? [],
    drawnAs: folded?.drawnAs ?? new Map<string, string>(),
  };
}
