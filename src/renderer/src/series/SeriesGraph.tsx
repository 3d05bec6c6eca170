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

import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import type { ApiError, GraphEdge, GraphNode, SeriesGraph as Graph } from '../../../common/api';
import type { IdentifierKind } from '../../../common/model';
import { ErrorNotice } from '../app/ErrorNotice';
import { useApi, useDataVersion } from '../app/ServicesContext';
import { useI18n } from '../i18n/I18nContext';
import type { LayoutName } from './graph-layout';
import { kindCounts } from './graph-model';
import { FoldBack, GraphCollection } from './GraphCollection';
import { selectedMembers } from './graph-collections';
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
  // Collections fold by default; the ids the investigator opened survive a fetch (ids follow the neighbours).
  const [folding, setFolding] = useState(true);
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set());
  const fold = useMemo(() => ({ enabled: folding, open: opened }), [folding, opened]);
  const openCollection = useCallback((id: string) => setOpened((o) => new Set([...o, id])), []);
  const foldCollection = (id: string): void => {
    setOpened((o) => new Set([...o].filter((x) => x !== id)));
    setSelection({ type: 'node', id });
  };
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

  const { containerRef, cyRef, stats, runLayout, select, zoomBy, fit, collections, drawnAs } = useCytoscape({
    graph,
    seriesReports: seriesSet,
    crossingReport,
    layout,
    hidden,
    onSelect: setSelection,
    fold,
    onOpenCollection: openCollection,
  });
  const selectedCollection = selection?.type === 'node' ? collections.find((c) => c.id === selection.id && !c.open) : undefined;
  const openedAround =
    selection?.type === 'node'
      ? collections.find((c) => c.open && folding && (c.id === selection.id || c.members.includes(selection.id)))
      : undefined;
  const tableSelected = useMemo(
    () => new Set(selection?.type === 'node' ? selectedMembers(collections, selection.id) : []),
    [selection, collections],
  );
  const folded = collections.filter((c) => !c.open);
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
        folding={folding}
        onFolding={setFolding}
        openCollections={folding ? collections.filter((c) => c.open).length : 0}
        onFoldAll={() => setOpened(new Set())}
      />
      <GraphKinds kinds={kinds} hidden={hidden} onHidden={setHidden} />
      <GraphPathFinder
        cyRef={cyRef}
        containerRef={containerRef}
        seriesReports={seriesReports}
        reportNodes={reportNodes}
        drawnAs={drawnAs}
      />
      <div className="graph-body">
        <div
          ref={containerRef}
          className="graph-canvas"
          data-testid="series-graph"
          data-node-count={stats.nodes}
          data-edge-count={stats.edges}
          data-visible-node-count={stats.visible}
          data-renderer={stats.renderer}
          data-member-count={graph?.nodes.length ?? 0}
          data-collection-count={folded.length}
          data-folded-count={folded.reduce((n, c) => n + c.members.length, 0)}
          role="img"
          aria-label={m['graph.summary'](fmt.count(stats.nodes), fmt.count(stats.edges))}
          aria-busy={loading}
        />
        {selectedCollection ? (
          <GraphCollection
            collection={selectedCollection}
            nodeById={nodeById}
            onOpen={openCollection}
            onMember={(collectionId, nodeId) => {
              openCollection(collectionId);
              setSelection({ type: 'node', id: nodeId });
            }}
          />
        ) : (
          <div>
            {openedAround ? <FoldBack collection={openedAround} onFold={foldCollection} /> : null}
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
        )}
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
      <GraphNodeTable graph={graph} degree={degree} onSelect={select} selected={tableSelected} />
    </section>
  );
}
