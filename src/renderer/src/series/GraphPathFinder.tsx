// The series network's path finder: the shortest path between two of the series' reports over
// the visible elements, highlighted in the graph and read out as a chain of labels.

import type { Core } from 'cytoscape';
import { useState, type RefObject } from 'react';
import type { GraphNode } from '../../../common/api';
import { useI18n } from '../i18n/I18nContext';

export interface GraphPathFinderProps {
  readonly cyRef: RefObject<Core | null>;
  /** The graph's container, which carries the found path's length for tests (data-path-length). */
  readonly containerRef: RefObject<HTMLDivElement | null>;
  readonly seriesReports: readonly string[];
  /** The report nodes of the series, to choose the ends from. */
  readonly reportNodes: readonly Extract<GraphNode, { type: 'report' }>[];
  /** The drawn node standing for each node (a report folded into a collection is found as its collection). */
  readonly drawnAs: ReadonlyMap<string, string>;
}

interface PathEndProps {
  readonly label: string;
  readonly value: string;
  readonly reportNodes: GraphPathFinderProps['reportNodes'];
  readonly onChange: (reportId: string) => void;
}

/** One end of the path: a report of the series. */
function PathEnd({ label, value, reportNodes, onChange }: PathEndProps) {
  return (
    <label className="field field-inline">
      <span className="field-label">{label}</span>
      <select className="input" value={value} onChange={(e) => onChange(e.target.value)}>
        {reportNodes.map((n) => (
          <option key={n.id} value={n.reportId}>
            {n.reportId}
          </option>
        ))}
      </select>
    </label>
  );
}

export function GraphPathFinder({ cyRef, containerRef, seriesReports, reportNodes, drawnAs }: GraphPathFinderProps) {
  const { m, fmt } = useI18n();
  const [pathEnds, setPathEnds] = useState<{ readonly a: string; readonly b: string }>({
    a: seriesReports[0] ?? '',
    b: seriesReports[seriesReports.length - 1] ?? '',
  });
  const [path, setPath] = useState<{ readonly found: boolean; readonly labels: readonly string[] } | null>(null);

  const findPath = (): void => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.elements().removeClass('on-path faded');
    const drawn = (reportId: string) => {
      const node = reportNodes.find((n) => n.reportId === reportId);
      return cy.getElementById(node ? (drawnAs.get(node.id) ?? node.id) : '');
    };
    const a = drawn(pathEnds.a);
    const b = drawn(pathEnds.b);
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

  return (
    <div className="graph-path">
      <PathEnd
        label={m['graph.pathFrom']}
        value={pathEnds.a}
        reportNodes={reportNodes}
        onChange={(a) => setPathEnds((p) => ({ ...p, a }))}
      />
      <PathEnd label={m['graph.pathTo']} value={pathEnds.b} reportNodes={reportNodes} onChange={(b) => setPathEnds((p) => ({ ...p, b }))} />
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
  );
}
