// The series network as a table, for the keyboard and screen readers: every node with its type,
// degree and store reports; choosing one selects it in the graph as a click would. The table
// renders only while its disclosure is open.

import { useState } from 'react';
import type { SeriesGraph as Graph } from '../../../common/api';
import { useI18n } from '../i18n/I18nContext';

export interface GraphNodeTableProps {
  readonly graph: Graph | null;
  readonly degree: ReadonlyMap<string, number>;
  readonly onSelect: (id: string) => void;
  /** Nodes selected in the graph (a collection's members when a collection is). */
  readonly selected: ReadonlySet<string>;
}

export function GraphNodeTable({ graph, degree, onSelect, selected }: GraphNodeTableProps) {
  const { m, fmt } = useI18n();
  const [tableOpen, setTableOpen] = useState(false);
  return (
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
                <tr key={n.id} data-node-id={n.id} aria-selected={selected.has(n.id)}>
                  <td className="mono break">
                    <button type="button" className="button-link" onClick={() => onSelect(n.id)}>
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
  );
}
