// The series network (cytoscape.js): report and identifier nodes, 'has' and 'link' edges.
// fcose lays it out by default; the investigator switches layouts, zooms, fits, hides kinds,
// expands a node's neighbours (series.graph with `expand`), finds the path between two reports,
// highlights by centrality and clicks anything for its details and the explanation of a link.
// Large graphs draw with cytoscape's WebGL renderer when the machine has WebGL, and hide edges
// and small labels while panning (level of detail). An accessible node table (keyboard and
// screen readers) selects the same nodes the mouse does.

import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ApiError, GraphEdge, GraphNode, SeriesGraph as Graph } from '../../../common/api';
import type { IdentifierKind } from '../../../common/model';
import { ErrorNotice } from '../app/ErrorNotice';
import { useApi, useDataVersion } from '../app/ServicesContext';
import { useI18n } from '../i18n/I18nContext';
import { useSettings } from '../settings/SettingsContext';
import { graphElements, kindCounts } from './graph-model';
import { graphStylesheet, KIND_LOOK, reportColour, shapePath } from './graph-style';
import { GraphDetails, type GraphSelection } from './GraphDetails';

cytoscape.use(fcose);

export type LayoutName = 'fcose' | 'concentric' | 'breadthfirst' | 'grid';
const LAYOUTS: readonly LayoutName[] = ['fcose', 'concentric', 'breadthfirst', 'grid'];
type Centrality = 'none' | 'degree' | 'betweenness';

/** Above this many elements the graph draws in level-of-detail mode (and with WebGL if possible). */
const LARGE = 1500;

/** WebGL drawing pays off only on a real graphics processor; a software one (SwiftShader, llvmpipe) is slower than the canvas. */
function hardwareWebgl(): boolean {
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (gl === null) return false;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return !/swiftshader|llvmpipe|software|basic render/i.test(name);
  } catch {
    return false;
  }
}

function layoutOptions(name: LayoutName, count: number, incremental: boolean): cytoscape.LayoutOptions {
  switch (name) {
    case 'fcose':
      return {
        name: 'fcose',
        // 'draft' is the spectral step alone, which always randomises: an incremental run needs 'default'.
        quality: count > LARGE && !incremental ? 'draft' : 'default',
        randomize: !incremental,
        animate: false,
        nodeDimensionsIncludeLabels: false,
        packComponents: true,
        nodeRepulsion: () => 6000,
        idealEdgeLength: () => 60,
        numIter: count > LARGE ? 1200 : 2500,
      } as cytoscape.LayoutOptions;
    case 'concentric':
      return {
        name: 'concentric',
        animate: false,
        minNodeSpacing: 8,
        concentric: (n: cytoscape.NodeSingular) => n.degree(false),
        levelWidth: () => 2,
      } as cytoscape.LayoutOptions;
    case 'breadthfirst':
      return { name: 'breadthfirst', animate: false, spacingFactor: 1.1, directed: false } as cytoscape.LayoutOptions;
    case 'grid':
      return { name: 'grid', animate: false, avoidOverlap: true } as cytoscape.LayoutOptions;
  }
}

export interface SeriesGraphProps {
  readonly seriesId: string;
  readonly seriesReports: readonly string[];
  readonly crossingReport: string | null;
  /** Called after an investigator action changed the store (a relink follows). */
  readonly onChanged: () => void;
}

export function SeriesGraph({ seriesId, seriesReports, crossingReport, onChanged }: SeriesGraphProps) {
  const { m, fmt } = useI18n();
  const api = useApi();
  const dataVersion = useDataVersion();
  const ids = useId();
  const containerRef = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const largeRef = useRef(false);
  const theme = useSettings().settings.theme;
  const themeRef = useRef(theme);
  themeRef.current = theme;
  const [expand, setExpand] = useState<readonly string[]>([]);
  const [graph, setGraph] = useState<Graph | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [layout, setLayout] = useState<LayoutName>('fcose');
  const [hidden, setHidden] = useState<ReadonlySet<IdentifierKind>>(new Set());
  const [centrality, setCentrality] = useState<Centrality>('none');
  const [central, setCentral] = useState<readonly { readonly id: string; readonly label: string; readonly value: number }[]>([]);
  const [pathEnds, setPathEnds] = useState<{ readonly a: string; readonly b: string }>({
    a: seriesReports[0] ?? '',
    b: seriesReports[seriesReports.length - 1] ?? '',
  });
  const [path, setPath] = useState<{ readonly found: boolean; readonly labels: readonly string[] } | null>(null);
  const [selection, setSelection] = useState<GraphSelection | null>(null);
  const [stats, setStats] = useState({ nodes: 0, edges: 0, visible: 0, renderMs: 0, renderer: 'canvas' });
  const [tableOpen, setTableOpen] = useState(false);
  const expandKey = expand.join('\n');
  const seriesSet = useMemo(() => new Set(seriesReports), [seriesReports]);

  // Fetch the graph (again when expanded, or when the store changed).
  useEffect(() => {
    let live = true;
    setLoading(true);
    const list = expandKey === '' ? [] : expandKey.split('\n');
    void api.call('series.graph', list.length > 0 ? { id: seriesId, expand: list } : { id: seriesId }).then((result) => {
      if (!live) return;
      setLoading(false);
      if (result.ok) {
        setGraph(result.value);
        setError(null);
      } else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [api, seriesId, expandKey, dataVersion]);

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
  useEffect(() => {
    const container = containerRef.current;
    if (!graph || !container) return;
    const elements: ElementDefinition[] = graphElements({ graph, seriesReports: seriesSet, crossingReport, labels });
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
      cy.on('tap', 'node', (event) => setSelection({ type: 'node', id: event.target.id() as string }));
      cy.on('tap', 'edge', (event) => setSelection({ type: 'edge', id: event.target.id() as string }));
      cy.on('tap', (event) => {
        if (event.target === cyRef.current) setSelection(null);
      });
    } else {
      const want = new Set(elements.map((e) => e.data.id ?? ''));
      const stale = cy.elements().filter((e) => !want.has(e.id()));
      const fresh = elements.filter((e) => cy?.getElementById(e.data.id ?? '').empty());
      cy.batch(() => {
        stale.remove();
        // New nodes start next to the node they were expanded from, so the incremental layout moves little.
        for (const el of fresh) {
          if (el.group === 'nodes') {
            const near = graph.edges.find((e) => e.source === el.data.id || e.target === el.data.id);
            const other = near ? cy?.getElementById(near.source === el.data.id ? near.target : near.source) : undefined;
            if (other && other.nonempty())
              el.position = { x: other.position('x') + (Math.random() - 0.5) * 80, y: other.position('y') + (Math.random() - 0.5) * 80 };
          }
        }
        cy?.add(fresh);
        // Classes can change without the element changing (a hub ignored, an edge marked wrong).
        for (const el of elements) cy?.getElementById(el.data.id ?? '').classes(el.classes ?? '');
      });
      incremental = stale.length === 0 && fresh.length > 0;
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
  }, [graph, seriesSet, crossingReport, labels, runLayout]);

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
  }, [hidden, graph]);

  // Centrality: size nodes by it and mark the ten most central.
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
  }, [centrality, graph, hidden]);

  const findPath = (): void => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.elements().removeClass('on-path faded');
    const a = cy.nodes().filter((n) => n.data('reportId') === pathEnds.a);
    const b = cy.nodes().filter((n) => n.data('reportId') === pathEnds.b);
    if (a.empty() || b.empty() || pathEnds.a === pathEnds.b) {
      setPath({ found: false, labels: [] });
      return;
    }
    const result = cy.elements(':visible').aStar({ root: a, goal: b, directed: false });
    if (!result.found) {
      setPath({ found: false, labels: [] });
      containerRef.current?.setAttribute('data-path-length', '0');
      return;
    }
    cy.batch(() => {
      cy.elements().addClass('faded');
      result.path.removeClass('faded').addClass('on-path');
    });
    const nodes = result.path.nodes();
    containerRef.current?.setAttribute('data-path-length', String(nodes.length));
    setPath({ found: true, labels: nodes.map((n) => String(n.data('label'))) });
    cy.fit(result.path, 60);
  };

  const clearPath = (): void => {
    cyRef.current?.elements().removeClass('on-path faded');
    containerRef.current?.removeAttribute('data-path-length');
    setPath(null);
  };

  const select = (id: string): void => {
    const cy = cyRef.current;
    if (!cy) return;
    const el = cy.getElementById(id);
    cy.elements().unselect();
    el.select();
    cy.animate({ center: { eles: el }, zoom: Math.max(cy.zoom(), 1) }, { duration: 200 });
    setSelection({ type: 'node', id });
  };

  const zoomBy = (factor: number): void => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  };

  const nodeById = useMemo(() => new Map<string, GraphNode>((graph?.nodes ?? []).map((n) => [n.id, n])), [graph]);
  const edgeById = useMemo(() => new Map<string, GraphEdge>((graph?.edges ?? []).map((e) => [e.id, e])), [graph]);
  const kinds = graph ? kindCounts(graph) : [];
  const reportNodes = (graph?.nodes ?? []).filter(
    (n): n is Extract<GraphNode, { type: 'report' }> => n.type === 'report' && seriesSet.has(n.reportId),
  );
  const degree = useMemo(() => {
    const d = new Map<string, number>();
    for (const e of graph?.edges ?? []) {
      d.set(e.source, (d.get(e.source) ?? 0) + 1);
      d.set(e.target, (d.get(e.target) ?? 0) + 1);
    }
    return d;
  }, [graph]);

  return (
    <section className="panel graph-panel" aria-labelledby={`${ids}-h`}>
      <h2 id={`${ids}-h`}>{m['graph.title']}</h2>
      {error ? <ErrorNotice error={error} onRetry={() => setExpand((e) => [...e])} /> : null}
      {graph?.trimmed ? <p className="notice notice-warn">{m['graph.trimmed']}</p> : null}
      <div className="graph-toolbar" role="toolbar" aria-label={m['graph.tools']}>
        <label className="field field-inline">
          <span className="field-label">{m['graph.layout']}</span>
          <select
            className="input"
            value={layout}
            onChange={(e) => {
              const next = e.target.value as LayoutName;
              setLayout(next);
              runLayout(next, false);
            }}
          >
            {LAYOUTS.map((name) => (
              <option key={name} value={name}>
                {m[`graph.layout.${name}`]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button button-small" onClick={() => cyRef.current?.fit(undefined, 24)}>
          {m['graph.fit']}
        </button>
        <button type="button" className="button button-small" aria-label={m['graph.zoomIn']} onClick={() => zoomBy(1.25)}>
          +
        </button>
        <button type="button" className="button button-small" aria-label={m['graph.zoomOut']} onClick={() => zoomBy(0.8)}>
          −
        </button>
        <label className="field field-inline">
          <span className="field-label">{m['graph.centrality']}</span>
          <select className="input" value={centrality} onChange={(e) => setCentrality(e.target.value as Centrality)}>
            <option value="none">{m['graph.centrality.none']}</option>
            <option value="degree">{m['graph.centrality.degree']}</option>
            <option value="betweenness">{m['graph.centrality.betweenness']}</option>
          </select>
        </label>
        {expand.length > 0 ? (
          <button type="button" className="button button-small button-quiet" onClick={() => setExpand([])}>
            {m['graph.collapseAll']}
          </button>
        ) : null}
      </div>
      <fieldset className="graph-kinds">
        <legend>{m['graph.kinds']}</legend>
        <span className="graph-kind graph-kind-report">
          <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
            <rect x="3" y="5" width="18" height="14" rx="4" fill={reportColour(theme)} />
          </svg>
          {m['graph.reportNode']}
        </span>
        {kinds.map(({ kind, count }) => (
          <label key={kind} className="graph-kind check">
            <input
              type="checkbox"
              checked={!hidden.has(kind)}
              onChange={(e) =>
                setHidden((current) => {
                  const next = new Set(current);
                  if (e.target.checked) next.delete(kind);
                  else next.add(kind);
                  return next;
                })
              }
            />
            <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
              <path d={shapePath(KIND_LOOK[kind].shape)} fill={KIND_LOOK[kind].colour} />
            </svg>
            {m[`kind.${kind}`]} <span className="muted num">({fmt.count(count)})</span>
          </label>
        ))}
        <span className="graph-kind muted small">{m['graph.legendHub']}</span>
      </fieldset>
      <div className="graph-path">
        <label className="field field-inline">
          <span className="field-label">{m['graph.pathFrom']}</span>
          <select className="input" value={pathEnds.a} onChange={(e) => setPathEnds((p) => ({ ...p, a: e.target.value }))}>
            {reportNodes.map((n) => (
              <option key={n.id} value={n.reportId}>
                {n.reportId}
              </option>
            ))}
          </select>
        </label>
        <label className="field field-inline">
          <span className="field-label">{m['graph.pathTo']}</span>
          <select className="input" value={pathEnds.b} onChange={(e) => setPathEnds((p) => ({ ...p, b: e.target.value }))}>
            {reportNodes.map((n) => (
              <option key={n.id} value={n.reportId}>
                {n.reportId}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button button-small" onClick={findPath}>
          {m['graph.findPath']}
        </button>
        {path ? (
          <button type="button" className="button button-small button-quiet" onClick={clearPath}>
            {m['graph.clearPath']}
          </button>
        ) : null}
        <p className="graph-path-result" role="status" data-testid="path-result">
          {path === null
            ? ''
            : path.found
              ? m['graph.pathFound'](path.labels.length - 1, fmt.count(path.labels.length - 1), path.labels.join(' → '))
              : m['graph.pathNone']}
        </p>
      </div>
      <div className="graph-body">
        <div
          ref={containerRef}
          className="graph-canvas"
          data-testid="series-graph"
          data-node-count={stats.nodes}
          data-edge-count={stats.edges}
          data-visible-node-count={stats.visible}
          data-renderer={stats.renderer}
          role="img"
          aria-label={m['graph.summary'](fmt.count(stats.nodes), fmt.count(stats.edges))}
          aria-busy={loading}
        />
        <GraphDetails
          selection={selection}
          nodeById={nodeById}
          edgeById={edgeById}
          degree={degree}
          seriesReports={seriesSet}
          expanded={expand}
          onExpand={(id) => setExpand((e) => (e.includes(id) ? e : [...e, id]))}
          onChanged={onChanged}
        />
      </div>
      <p className="muted small">
        {m['graph.counts'](fmt.count(stats.nodes), fmt.count(stats.edges), fmt.count(stats.visible))}
        {stats.renderMs > 0 ? ` · ${m['graph.renderTime'](fmt.duration(stats.renderMs))}` : ''}
      </p>
      {central.length > 0 ? (
        <div>
          <h3>{m['graph.mostCentral']}</h3>
          <ol className="central-list">
            {central.map((c) => (
              <li key={c.id}>
                <button type="button" className="button-link" onClick={() => select(c.id)}>
                  {c.label}
                </button>{' '}
                <span className="muted num">{c.value.toFixed(2)}</span>
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      <details className="graph-table" onToggle={(e) => setTableOpen((e.target as HTMLDetailsElement).open)}>
        <summary>{m['graph.nodeTable'](fmt.count(graph?.nodes.length ?? 0))}</summary>
        {tableOpen && graph ? (
          <div className="table-scroll graph-table-scroll">
            <table className="table" data-testid="graph-node-table">
              <caption className="visually-hidden">{m['graph.nodeTableCaption']}</caption>
              <thead>
                <tr>
                  <th scope="col">{m['graph.col.node']}</th>
                  <th scope="col">{m['graph.col.type']}</th>
                  <th scope="col" className="num">
                    {m['graph.col.degree']}
                  </th>
                  <th scope="col" className="num">
                    {m['graph.col.storeReports']}
                  </th>
                </tr>
              </thead>
              <tbody>
                {graph.nodes.map((n) => (
                  <tr key={n.id} data-node-id={n.id}>
                    <td className="mono break">
                      <button type="button" className="button-link" onClick={() => select(n.id)}>
                        {n.type === 'report' ? n.reportId : n.value}
                      </button>
                    </td>
                    <td>
                      {n.type === 'report' ? m['graph.reportNode'] : m[`kind.${n.kind}`]}
                      {n.type === 'identifier' && n.hub ? ` · ${m['graph.hub']}` : ''}
                      {n.type === 'identifier' && n.ignored ? ` · ${m['graph.ignored']}` : ''}
                    </td>
                    <td className="num">{fmt.count(degree.get(n.id) ?? 0)}</td>
                    <td className="num">{n.type === 'identifier' ? fmt.count(n.storeReports) : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </details>
    </section>
  );
}
