// #/overview — the landing view once the store holds reports: the counts (among them the series
// that reach the filing threshold only together: the small cases linking brings to filing),
// losses and their course over time, losses by category, the newest series over the threshold and the fraudster
// identifiers seen most. Every figure opens the list behind it.

import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ApiError, CountByDay, LossByCurrency, Overview } from '../../../common/api';
import { ErrorNotice } from '../app/ErrorNotice';
import { ResourceState } from '../app/ResourceState';
import { FlagIcon } from '../app/Icons';
import { navigate } from '../app/navigation';
import { routeHref } from '../app/routes';
import { useApi, useDataVersion } from '../app/ServicesContext';
import { useApiResource } from '../app/use-api-resource';
import { amountNumber, formatCompactMoney } from '../format/compact';
import { useI18n } from '../i18n/I18nContext';
import { DEFAULT_FILTERS } from '../reports/report-filters';
import { DEFAULT_SERIES_FILTERS } from '../series/series-filters';
import { SeriesTable } from '../series/SeriesTable';
import { bucketEnd } from './buckets';
import { SharedAccounts } from '../flow/SharedAccounts';

function reportsHref(change: Partial<typeof DEFAULT_FILTERS>): string {
  return routeHref({ view: 'reports', filters: { ...DEFAULT_FILTERS, ...change } });
}

function seriesHref(change: Partial<typeof DEFAULT_SERIES_FILTERS>): string {
  return routeHref({ view: 'series', filters: { ...DEFAULT_SERIES_FILTERS, ...change } });
}

function LossList({ loss }: { readonly loss: LossByCurrency }) {
  const { m, fmt } = useI18n();
  const entries = Object.entries(loss);
  if (entries.length === 0) return <span className="num">{m['common.none']}</span>;
  return (
    <>
      {entries.map(([currency, amount]) => (
        <span key={currency} className="num stat-line">
          {fmt.money({ amount, currency })}
        </span>
      ))}
    </>
  );
}

function OverTimeCharts({ overview }: { readonly overview: Overview }) {
  const { m, fmt, language } = useI18n();
  const currency = overview.threshold.currency;
  const data = overview.overTime.map((row) => ({ day: row.day, reports: row.reports, loss: amountNumber(row.loss) }));
  const openBucket = (row: CountByDay | undefined): void => {
    if (row) navigate(reportsHref({ from: row.day, to: bucketEnd(row.day, overview.bucket) }));
  };
  const bucketLabel = m[`overview.bucket.${overview.bucket}`];
  const tickDate = (day: string): string => fmt.date(day);
  return (
    <section className="panel" aria-labelledby="ov-time-heading">
      <h2 id="ov-time-heading">
        {m['overview.overTime']} <span className="muted small">({bucketLabel})</span>
      </h2>
      <p className="muted small">{m['overview.chartHint']}</p>
      <div className="chart-pair">
        <figure className="chart" aria-label={m['overview.lossOverTime']}>
          <figcaption>{m['overview.lossOverTime']}</figcaption>
          <ResponsiveContainer width="100%" height={220}>
            <BarChart data={data} margin={{ top: 8, right: 8, bottom: 4, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="day" tickFormatter={tickDate} minTickGap={24} />
              <YAxis tickFormatter={(v: number) => formatCompactMoney(v, currency, language)} width={72} />
              <Tooltip
                labelFormatter={(day) => fmt.date(String(day))}
                formatter={(v) => [fmt.money({ amount: Number(v).toFixed(2), currency }), m['overview.loss']]}
              />
              <Bar
                dataKey="loss"
                fill="var(--chart-loss)"
                cursor="pointer"
                onClick={(_d, index) => openBucket(overview.overTime[index])}
                isAnimationActive={false}
              />
            </BarChart>
          </ResponsiveContainer>
        </figure>
        <figure className="chart" aria-label={m['overview.reportsOverTime']}>
          <figcaption>{m['overview.reportsOverTime']}</figcaption>
          <ResponsiveContainer width="100%" height={220}>
            <BarChart data={data} margin={{ top: 8, right: 8, bottom: 4, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="day" tickFormatter={tickDate} minTickGap={24} />
              <YAxis tickFormatter={(v: number) => fmt.count(v)} width={56} allowDecimals={false} />
              <Tooltip labelFormatter={(day) => fmt.date(String(day))} formatter={(v) => [fmt.count(Number(v)), m['overview.reports']]} />
              <Bar
                dataKey="reports"
                fill="var(--chart-count)"
                cursor="pointer"
                onClick={(_d, index) => openBucket(overview.overTime[index])}
                isAnimationActive={false}
              />
            </BarChart>
          </ResponsiveContainer>
        </figure>
      </div>
      <details className="chart-table">
        <summary>{m['overview.showTable']}</summary>
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">{m['overview.overTime']}</caption>
            <thead>
              <tr>
                <th scope="col">{bucketLabel}</th>
                <th scope="col" className="num">
                  {m['overview.reports']}
                </th>
                <th scope="col" className="num">
                  {m['overview.loss']}
                </th>
              </tr>
            </thead>
            <tbody>
              {overview.overTime.map((row) => (
                <tr key={row.day}>
                  <td>
                    <a href={reportsHref({ from: row.day, to: bucketEnd(row.day, overview.bucket) })}>{fmt.date(row.day)}</a>
                  </td>
                  <td className="num">{fmt.count(row.reports)}</td>
                  <td className="num">{fmt.money({ amount: row.loss, currency })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}

function CategoryPanel({ overview }: { readonly overview: Overview }) {
  const { m, fmt, language } = useI18n();
  const currency = overview.threshold.currency;
  const rows = [...overview.byCategory].sort((a, b) => amountNumber(b.loss) - amountNumber(a.loss));
  const data = rows.map((row) => ({ name: m[`category.${row.category}`], loss: amountNumber(row.loss) }));
  return (
    <section className="panel" aria-labelledby="ov-cat-heading">
      <h2 id="ov-cat-heading">{m['overview.byCategory']}</h2>
      <div className="chart-pair">
        <figure className="chart" aria-label={m['overview.byCategory']}>
          <ResponsiveContainer width="100%" height={Math.max(180, rows.length * 28 + 30)}>
            <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" tickFormatter={(v: number) => formatCompactMoney(v, currency, language)} />
              <YAxis type="category" dataKey="name" width={language === 'zh-CN' ? 150 : 190} tick={{ fontSize: 12 }} />
              <Tooltip formatter={(v) => [fmt.money({ amount: Number(v).toFixed(2), currency }), m['overview.loss']]} />
              <Bar
                dataKey="loss"
                fill="var(--chart-loss)"
                cursor="pointer"
                isAnimationActive={false}
                onClick={(_d, index) => {
                  const row = rows[index];
                  if (row) navigate(reportsHref({ categories: [row.category] }));
                }}
              />
            </BarChart>
          </ResponsiveContainer>
        </figure>
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">{m['overview.byCategory']}</caption>
            <thead>
              <tr>
                <th scope="col">{m['col.category']}</th>
                <th scope="col" className="num">
                  {m['overview.reports']}
                </th>
                <th scope="col" className="num">
                  {m['overview.loss']}
                </th>
                <th scope="col">{m['overview.seriesCol']}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.category}>
                  <td>
                    <a href={reportsHref({ categories: [row.category] })}>{m[`category.${row.category}`]}</a>
                  </td>
                  <td className="num">{fmt.count(row.reports)}</td>
                  <td className="num">{fmt.money({ amount: row.loss, currency })}</td>
                  <td>
                    <a href={seriesHref({ categories: [row.category] })}>
                      {m['overview.seriesLink']}
                      <span className="visually-hidden">{m['overview.seriesOfCategory'](m[`category.${row.category}`])}</span>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}

function TopIdentifiers({ overview }: { readonly overview: Overview }) {
  const { m, fmt } = useI18n();
  return (
    <section className="panel" aria-labelledby="ov-ids-heading">
      <h2 id="ov-ids-heading">{m['overview.topIdentifiers']}</h2>
      {overview.topIdentifiers.length === 0 ? (
        <p className="empty-note">{m['common.none']}</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">{m['overview.topIdentifiers']}</caption>
            <thead>
              <tr>
                <th scope="col">{m['overview.kind']}</th>
                <th scope="col">{m['overview.value']}</th>
                <th scope="col" className="num">
                  {m['overview.reports']}
                </th>
                <th scope="col">{m['overview.inSeries']}</th>
              </tr>
            </thead>
            <tbody>
              {overview.topIdentifiers.map((row) => (
                <tr key={`${row.kind} ${row.value}`}>
                  <td>{m[`kind.${row.kind}`]}</td>
                  <td className="mono break">
                    <a href={reportsHref({ text: row.value })} aria-label={m['overview.searchReports'](row.value)}>
                      {row.value}
                    </a>
                  </td>
                  <td className="num">{fmt.count(row.reports)}</td>
                  <td>
                    {row.series.length === 0 ? <span className="muted">{m['common.none']}</span> : null}
                    <span className="link-list">
                      {row.series.slice(0, 5).map((id) => (
                        <a key={id} className="mono" href={routeHref({ view: 'series-detail', id })}>
                          {id}
                        </a>
                      ))}
                      {row.series.length > 5 ? (
                        <span className="muted">{m['overview.more'](row.series.length - 5, fmt.count(row.series.length - 5))}</span>
                      ) : null}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function NotLinked() {
  const { m } = useI18n();
  const api = useApi();
  const [error, setError] = useState<ApiError | null>(null);
  const [started, setStarted] = useState(false);
  return (
    <div className="notice notice-warn" role="status">
      <p className="notice-text">{m['overview.notLinked']}</p>
      <button
        type="button"
        className="button"
        disabled={started}
        onClick={() => {
          setStarted(true);
          void api.call('link.start', {}).then((r) => {
            if (!r.ok) {
              setError(r.error);
              setStarted(false);
            }
          });
        }}
      >
        {m['overview.linkNow']}
      </button>
      {error ? <ErrorNotice error={error} /> : null}
    </div>
  );
}

function OverviewBody({ overview }: { readonly overview: Overview }) {
  const { m, fmt } = useI18n();
  return (
    <>
      {overview.linkedAt === null ? <NotLinked /> : null}
      <dl className="stats stats-overview" aria-label={m['overview.counts']}>
        <div className="stat">
          <dt>{m['overview.reports']}</dt>
          <dd>
            <a className="num" href="#/reports">
              {fmt.count(overview.reports)}
            </a>
          </dd>
        </div>
        <div className="stat">
          <dt>{m['overview.series']}</dt>
          <dd>
            <a className="num" href="#/series">
              {fmt.count(overview.series)}
            </a>
          </dd>
        </div>
        <div className={overview.overThreshold > 0 ? 'stat stat-warn' : 'stat'}>
          <dt>
            <FlagIcon /> {m['overview.overThreshold']}
          </dt>
          <dd>
            <a className="num" href={seriesHref({ overOnly: true })} data-testid="overview-over-count">
              {fmt.count(overview.overThreshold)}
            </a>
            <span className="muted small stat-line">{m['overview.thresholdIs'](fmt.money(overview.threshold))}</span>
          </dd>
        </div>
        <div className={overview.onlyTogether > 0 ? 'stat stat-warn' : 'stat'}>
          <dt>{m['overview.onlyTogether']}</dt>
          <dd>
            <a className="num" href={seriesHref({ togetherOnly: true })} data-testid="overview-together-count">
              {fmt.count(overview.onlyTogether)}
            </a>
            <span className="muted small stat-line">{m['overview.onlyTogetherHint']}</span>
          </dd>
        </div>
        <div className="stat">
          <dt>{m['overview.totalLoss']}</dt>
          <dd>
            <LossList loss={overview.totalLoss} />
          </dd>
        </div>
        <div className="stat">
          <dt>{m['overview.linkedLoss']}</dt>
          <dd>
            <LossList loss={overview.linkedLoss} />
          </dd>
        </div>
      </dl>
      <OverTimeCharts overview={overview} />
      <CategoryPanel overview={overview} />
      <section className="panel" aria-labelledby="ov-newest-heading">
        <h2 id="ov-newest-heading">{m['overview.newestOver']}</h2>
        {overview.newestOver.length === 0 ? (
          <p className="empty-note">{m['overview.noneOver']}</p>
        ) : (
          <SeriesTable rows={overview.newestOver} threshold={overview.threshold} caption={m['overview.newestOver']} />
        )}
        <p>
          <a href={seriesHref({ overOnly: true })}>{m['overview.allOver']}</a>
        </p>
      </section>
      <TopIdentifiers overview={overview} />
      <SharedAccounts />
    </>
  );
}

export function OverviewView() {
  const { m, fmt } = useI18n();
  const [resource, retry] = useApiResource('overview.get', {}, useDataVersion());
  return (
    <div className="view view-overview">
      <header className="view-header">
        <h1>{m['overview.title']}</h1>
        {resource.status === 'ok' && resource.value.linkedAt !== null ? (
          <p className="view-meta">{m['overview.linkedAt'](fmt.dateTime(resource.value.linkedAt))}</p>
        ) : null}
      </header>
      <ResourceState resource={resource} onRetry={retry} />
      {resource.status === 'ok' ? <OverviewBody overview={resource.value} /> : null}
    </div>
  );
}
