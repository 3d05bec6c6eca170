// What the investigator clicked in the graph: a report, an identifier (expand its neighbours,
// ignore it), a report's identifier (mark it as wrong evidence), or a link between two reports
// with its evidence and the engine's explanation (series.explain).

import { useEffect, useState, type ReactNode } from 'react';
import type { GraphEdge, GraphNode, LinkEvidence, LinkExplanation, Result } from '../../../common/api';
import { signedBits } from '../../../common/evidence-format';
import { ErrorNotice } from '../app/ErrorNotice';
import { routeHref } from '../app/routes';
import { useApi } from '../app/ServicesContext';
import { useI18n } from '../i18n/I18nContext';
import { rememberListHref } from '../reports/list-memory';
import { DEFAULT_FILTERS as DEFAULT_REPORT_FILTERS } from '../reports/report-filters';
import { EvidenceTerms } from './EvidenceTerms';
import { ReasonForm } from './ReasonForm';

export type GraphSelection = { readonly type: 'node'; readonly id: string } | { readonly type: 'edge'; readonly id: string };

function Explanation({ a, b }: { readonly a: string; readonly b: string }) {
  const i18n = useI18n();
  const { m, fmt } = i18n;
  const api = useApi();
  const [result, setResult] = useState<Result<LinkExplanation> | null>(null);
  useEffect(() => {
    let live = true;
    setResult(null);
    void api.call('series.explain', { a, b }).then((r) => live && setResult(r));
    return () => {
      live = false;
    };
  }, [api, a, b]);
  if (result === null) return <p className="muted">{m['common.loading']}</p>;
  if (!result.ok) return <ErrorNotice error={result.error} />;
  const x = result.value;
  return (
    <div className="explanation" data-testid="link-explanation">
      <h4>{m['explain.title']}</h4>
      <p>{x.linked ? m['explain.linked'](x.chain.length, fmt.count(x.chain.length)) : m['explain.notLinked']}</p>
      {x.chain.length > 0 ? (
        <ol className="explain-chain">
          {x.chain.map((hop, i) => (
            <li key={i}>
              <span className="mono">{hop.from}</span> → <span className="mono">{hop.to}</span>{' '}
              <span className="muted">
                {hop.strong ? m['explain.strong'] : m['explain.weak']} · {m['evidence.linkBits'](signedBits(hop.weight))}
              </span>
              <EvidenceTerms evidence={hop.evidence} />
            </li>
          ))}
        </ol>
      ) : null}
      {x.shared.length > 0 ? (
        <>
          <h4>{m['explain.shared']}</h4>
          <ul className="evidence-list">
            {x.shared.map((s) => (
              <li key={`${s.kind} ${s.value}`}>
                {m['evidence.identifier'](m[`kind.${s.kind as 'phone'}`] ?? s.kind, s.value)} — {m[`explain.status.${s.status}`]}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {x.textSimilarity !== null ? <p className="muted">{m['evidence.text'](fmt.count(Math.round(x.textSimilarity * 100)))}</p> : null}
    </div>
  );
}

export interface GraphDetailsProps {
  readonly selection: GraphSelection | null;
  readonly nodeById: ReadonlyMap<string, GraphNode>;
  readonly edgeById: ReadonlyMap<string, GraphEdge>;
  readonly degree: ReadonlyMap<string, number>;
  readonly seriesReports: ReadonlySet<string>;
  readonly expanded: readonly string[];
  readonly onExpand: (nodeId: string) => void;
  readonly onChanged: () => void;
}

export function GraphDetails({ selection, nodeById, edgeById, degree, seriesReports, expanded, onExpand, onChanged }: GraphDetailsProps) {
  const { m, fmt } = useI18n();
  const api = useApi();
  const reportOf = (id: string): string | null => {
    const n = nodeById.get(id);
    return n?.type === 'report' ? n.reportId : null;
  };
  let body: ReactNode = <p className="muted">{m['graph.selectHint']}</p>;

  if (selection?.type === 'node') {
    const node = nodeById.get(selection.id);
    if (node?.type === 'report') {
      body = (
        <>
          <h3 className="mono">{node.reportId}</h3>
          <dl className="facts">
            <div className="fact">
              <dt>{m['detail.category']}</dt>
              <dd>{m[`category.${node.category}`]}</dd>
            </div>
            <div className="fact">
              <dt>{m['detail.reportedAt']}</dt>
              <dd>{fmt.dateTime(node.reportedAt)}</dd>
            </div>
            <div className="fact">
              <dt>{m['detail.loss']}</dt>
              <dd className="num">{node.loss ? fmt.money(node.loss) : m['common.none']}</dd>
            </div>
            <div className="fact">
              <dt>{m['graph.inSeries']}</dt>
              <dd>{seriesReports.has(node.reportId) ? m['graph.yes'] : m['graph.noOutside']}</dd>
            </div>
          </dl>
          <p>
            <a href={routeHref({ view: 'report', id: node.reportId })} onClick={() => rememberListHref(window.location.hash)}>
              {m['graph.openReport']}
            </a>
          </p>
        </>
      );
    } else if (node?.type === 'identifier') {
      const d = degree.get(node.id) ?? 0;
      const canExpand = !expanded.includes(node.id) && node.storeReports > d;
      body = (
        <>
          <h3 className="mono break">
            {m[`kind.${node.kind}`]} {node.value}
          </h3>
          <dl className="facts">
            <div className="fact">
              <dt>{m['graph.col.degree']}</dt>
              <dd className="num">{fmt.count(d)}</dd>
            </div>
            <div className="fact">
              <dt>{m['graph.col.storeReports']}</dt>
              <dd className="num">{fmt.count(node.storeReports)}</dd>
            </div>
            {node.hub ? (
              <div className="fact">
                <dt>{m['graph.hub']}</dt>
                <dd>{m['graph.hubNote']}</dd>
              </div>
            ) : null}
            {node.ignored ? (
              <div className="fact">
                <dt>{m['graph.ignored']}</dt>
                <dd>{m['graph.ignoredNote']}</dd>
              </div>
            ) : null}
          </dl>
          <div className="actions">
            <button type="button" className="button button-small" disabled={!canExpand} onClick={() => onExpand(node.id)}>
              {expanded.includes(node.id) ? m['graph.expanded'] : m['graph.expand']}
            </button>
            <a
              className="button button-small button-quiet"
              href={routeHref({ view: 'reports', filters: { ...DEFAULT_REPORT_FILTERS, text: node.value } })}
            >
              {m['graph.searchReports']}
            </a>
          </div>
          {!node.ignored ? (
            <ReasonForm
              label={m['actions.ignore']}
              done={m['actions.ignoreDone']}
              run={async (reason) => {
                const r = await api.call('ignore.set', { kind: node.kind, value: node.value, ignored: true, note: reason });
                if (r.ok) onChanged();
                return r;
              }}
            />
          ) : null}
        </>
      );
    }
  } else if (selection?.type === 'edge') {
    const edge = edgeById.get(selection.id);
    if (edge?.type === 'has') {
      const report = reportOf(edge.source) ?? reportOf(edge.target);
      const identNode = nodeById.get(reportOf(edge.source) ? edge.target : edge.source);
      const ident = identNode?.type === 'identifier' ? identNode : null;
      body = (
        <>
          <h3>{m['graph.hasEdge']}</h3>
          <p>
            <span className="mono">{report}</span> — {ident ? `${m[`kind.${ident.kind}`]} ${ident.value}` : ''}
          </p>
          <p className="muted">
            {m[`origin.${edge.origin}`]}
            {edge.wrong ? ` · ${m['evidence.markedWrong']}` : ''}
          </p>
          {report && ident && !edge.wrong ? (
            <ReasonForm
              label={m['actions.markWrong']}
              danger
              done={m['actions.markWrongDone']}
              run={async (reason) => {
                const r = await api.call('series.markWrong', { reportId: report, kind: ident.kind, value: ident.value, reason });
                if (r.ok) onChanged();
                return r;
              }}
            />
          ) : null}
        </>
      );
    } else if (edge?.type === 'link') {
      const a = reportOf(edge.source);
      const b = reportOf(edge.target);
      body = (
        <>
          <h3>{m['graph.linkEdge']}</h3>
          <p>
            <span className="mono">{a}</span> ↔ <span className="mono">{b}</span>
          </p>
          <p className="muted">
            {edge.strong ? m['explain.strong'] : m['explain.weak']} · {m['evidence.linkBits'](signedBits(edge.weight))}
          </p>
          <h4>{m['graph.evidence']}</h4>
          <EvidenceTerms evidence={edge.evidence} />
          {a && b ? <Explanation a={a} b={b} /> : null}
          {a && b
            ? edge.evidence
                .filter((e): e is Extract<LinkEvidence, { type: 'identifier' }> => e.type === 'identifier' && !e.wrong)
                .slice(0, 3)
                .map((e) => (
                  <ReasonForm
                    key={`${e.kind} ${e.value}`}
                    label={m['actions.markWrongValue'](e.value)}
                    danger
                    done={m['actions.markWrongDone']}
                    run={async (reason) => {
                      const r = await api.call('series.markWrong', { reportId: a, otherReportId: b, kind: e.kind, value: e.value, reason });
                      if (r.ok) onChanged();
                      return r;
                    }}
                  />
                ))
            : null}
        </>
      );
    }
  }

  return (
    <aside className="graph-details" aria-label={m['graph.details']} aria-live="polite" data-testid="graph-details">
      {body}
    </aside>
  );
}
