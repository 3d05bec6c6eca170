// The series network (cytoscape.js): report and identifier nodes, 'has' and 'link' edges.
// fcose lays it out by default; the investigator switches layouts, zooms, fits, hides kinds,
// expands a node's neighbours (series.graph with `expand`), finds the path between two reports,
// highlights by centrality and clicks anything for its details and the explanation of a link.
// Large graphs draw with cytoscape's WebGL renderer when the machine has WebGL, and hide edges
// and small labels while panning (level of detail). An accessible node table (keyboard and
// screen readers) selects the same nodes the mouse does.
//
// The stages live apart: use-cytoscape (the instance, drawing and layout), use-centrality,
// GraphToolbar (tools and legend), GraphPathFinder, GraphDetails and GraphNodeTable.

import { useEffect, useId, useMemo, useState } from 'react';
import type { ApiError, GraphEdge, GraphNode, SeriesGraph as Graph } from '../../../common/api';
import type { IdentifierKind } from '../../../common/model';
import { ErrorNotice } from '../app/ErrorNotice';
import { useApi, useDataVersion } from '../app/ServicesContext';
import { useI18n } from '../i18n/I18nContext';
import type { LayoutName } from './graph-layout';
import { kindCounts } from './graph-model';
import { GraphDetails, type GraphSelection } from './GraphDetails';
import { GraphNodeTable } from './GraphNodeTable';
import { GraphPathFinder } from './GraphPathFinder';
import { GraphKinds, GraphToolbar } from './GraphToolbar';
import { useCentrality, type Centrality } from './use-centrality';
import { useCytoscape } from './use-cytoscape';

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
  const [expand, setExpand] = useState<readonly string[]>([]);
  const [graph, setGraph] = useState<Graph | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [layout, setLayout] = useState<LayoutName>('fcose');
  const [hidden, setHidden] = useState<ReadonlySet<IdentifierKind>>(new Set());
  const [centrality, setCentrality] = useState<Centrality>('none');
  const [selection, setSelection] = useState<GraphSelection | null>(null);
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

  const { containerRef, cyRef, stats, runLayout, select, zoomBy, fit } = useCytoscape({
    graph,
    seriesReports: seriesSet,
    crossingReport,
    layout,
    hidden,
    onSelect: setSelection,
  });
  const central = useCentrality(cyRef, centrality, graph, hidden);

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
      <GraphToolbar
        layout={layout}
        onLayout={(next) => {
          setLayout(next);
          runLayout(next, false);
        }}
        onFit={fit}
        onZoom={zoomBy}
        centrality={centrality}
        onCentrality={setCentrality}
        expanded={expand.length > 0}
        onCollapseAll={() => setExpand([])}
      />
      <GraphKinds kinds={kinds} hidden={hidden} onHidden={setHidden} />
      <GraphPathFinder cyRef={cyRef} containerRef={containerRef} seriesReports={seriesReports} reportNodes={reportNodes} />
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
      <GraphNodeTable graph={graph} degree={degree} onSelect={select} />
    </section>
  );
}
