// #/series/<id> — the series workspace: its facts against the threshold, the network graph,
// the loss charts, the timeline, its reports, its money flow through the bank statements, the engine's suggestions that would join it with
// another series, and the investigator's corrections (split, merge, wrong evidence, ignore) with
// the list of corrections so far. Corrections start a relink,
// whose progress shows here and in the status strip.

import { useCallback, useMemo, useState, type MouseEvent } from 'react';
import type { SeriesDetail } from '../../../common/api';
import { ErrorNotice } from '../app/ErrorNotice';
import { FlagIcon } from '../app/Icons';
import { routeHref } from '../app/routes';
import { useDataVersion, useJobs } from '../app/ServicesContext';
import { useApiResource } from '../app/use-api-resource';
import { useI18n } from '../i18n/I18nContext';
import { useSettings } from '../settings/SettingsContext';
import { JobProgressBar } from '../jobs/JobProgressBar';
import { LossCharts } from './LossCharts';
import { DEFAULT_SERIES_FILTERS } from './series-filters';
import { SeriesActions } from './SeriesActions';
import { SeriesGraph } from './SeriesGraph';
import { SeriesReportsTable } from './SeriesReportsTable';
import { SeriesSuggestions } from './SeriesSuggestions';
import { ThresholdBar } from './SeriesTable';
import { SeriesTimeline } from './SeriesTimeline';
import { MoneyFlow } from '../flow/MoneyFlow';

function Facts({ detail }: { readonly detail: SeriesDetail }) {
  const { m, fmt } = useI18n();
  const { row } = detail;
  return (
    <dl className="stats stats-series">
      <div className="stat">
        <dt>{m['seriesList.col.reports']}</dt>
        <dd className="num">{fmt.count(row.reports)}</dd>
      </div>
      <div className="stat">
        <dt>{m['seriesList.col.victims']}</dt>
        <dd className="num">{fmt.count(row.victims)}</dd>
      </div>
      <div className={row.overThreshold ? 'stat stat-warn stat-wide' : 'stat stat-wide'}>
        <dt>{m['seriesList.col.loss']}</dt>
        <dd>
          <ThresholdBar row={row} threshold={detail.threshold} />
          {Object.keys(row.loss).length > 1
            ? Object.entries(row.loss).map(([currency, amount]) => (
                <span key={currency} className="num small stat-line">
                  {fmt.money({ amount, currency })}
                </span>
              ))
            : null}
        </dd>
      </div>
      <div className="stat">
        <dt>{m['seriesList.col.first']}</dt>
        <dd>{row.firstAt ? fmt.date(row.firstAt) : '—'}</dd>
      </div>
      <div className="stat">
        <dt>{m['seriesList.col.last']}</dt>
        <dd>{row.lastAt ? fmt.date(row.lastAt) : '—'}</dd>
      </div>
      <div className="stat stat-wide">
        <dt>{m['seriesList.col.categories']}</dt>
        <dd className="small">{row.categories.map((c) => m[`category.${c}`]).join(m['seriesList.sep'])}</dd>
      </div>
      <div className="stat">
        <dt>{m['seriesList.col.status']}</dt>
        <dd>
          {row.status && row.caseId ? (
            <a href={`#/cases/${encodeURIComponent(row.caseId)}`}>{m[`seriesStatus.${row.status}`]}</a>
          ) : (
            m['seriesStatus.none']
          )}
        </dd>
      </div>
    </dl>
  );
}

function Workspace({
  detail,
  askedId,
  refresh,
}: {
  readonly detail: SeriesDetail;
  readonly askedId: string;
  readonly refresh: () => void;
}) {
  const { m, fmt } = useI18n();
  const { settings } = useSettings();
  const { row } = detail;
  const reportIds = useMemo(() => detail.reports.map((r) => r.id), [detail.reports]);
  return (
    <>
      <header className="view-header detail-header">
        <h1>
          {m['series.title'](row.id)}
          {row.overThreshold ? (
            <span className="badge badge-large badge-over">
              <FlagIcon />
              {m['seriesList.over']}
            </span>
          ) : null}
        </h1>
        {row.overAt ? <p className="view-meta">{m['series.overAt'](fmt.date(row.overAt))}</p> : null}
        {row.onlyTogether ? (
          <p className="view-meta together-note" data-testid="series-together">
            {m['series.onlyTogether']}
          </p>
        ) : null}
        <p className="view-meta" data-testid="series-window">
          {m['series.window'](
            fmt.count(settings.lookbackDays),
            row.occurredReports,
            fmt.count(row.occurredReports),
            row.reports,
            fmt.count(row.reports),
          )}
        </p>
      </header>
      {row.id !== askedId ? (
        <p className="notice notice-warn" role="status">
          {m['series.followed'](askedId, row.id)}
        </p>
      ) : null}
      {detail.formerIds.length > 0 ? (
        <p className="muted small">{m['series.formerIds'](detail.formerIds.join(m['seriesList.sep']))}</p>
      ) : null}
      <nav className="in-page-nav" aria-label={m['series.sections']}>
        <a href="#graph" onClick={(e) => jump(e, 'ws-graph')}>
          {m['graph.title']}
        </a>
        <a href="#loss" onClick={(e) => jump(e, 'ws-loss')}>
          {m['loss.title']}
        </a>
        <a href="#timeline" onClick={(e) => jump(e, 'ws-timeline')}>
          {m['timeline.title']}
        </a>
        <a href="#reports" onClick={(e) => jump(e, 'ws-reports')}>
          {m['series.reports']}
        </a>
        <a href="#money" onClick={(e) => jump(e, 'ws-money')}>
          {m['flow.title']}
        </a>
        <a href="#suggestions" onClick={(e) => jump(e, 'ws-suggestions')}>
          {m['suggestions.panelTitle']}
        </a>
        <a href="#actions" onClick={(e) => jump(e, 'ws-actions')}>
          {m['actions.title']}
        </a>
      </nav>
      <Facts detail={detail} />
      <div id="ws-graph">
        <SeriesGraph seriesId={row.id} seriesReports={reportIds} crossingReport={detail.overReport} onChanged={refresh} />
      </div>
      <div id="ws-loss">
        <LossCharts reports={detail.reports} threshold={detail.threshold} overReport={detail.overReport} />
      </div>
      <div id="ws-timeline">
        <SeriesTimeline reports={detail.reports} messages={detail.messages} />
      </div>
      <div id="ws-reports">
        <SeriesReportsTable reports={detail.reports} crossing={detail.overReport} />
      </div>
      <div id="ws-money">
        <MoneyFlow seriesId={row.id} />
      </div>
      <div id="ws-suggestions">
        <SeriesSuggestions seriesId={row.id} />
      </div>
      <div id="ws-actions">
        <SeriesActions detail={detail} onChanged={refresh} />
      </div>
    </>
  );
}

/** In-page links move focus and scroll without touching the address's fragment (it holds the route). */
function jump(event: MouseEvent, id: string): void {
  event.preventDefault();
  const target = document.getElementById(id);
  if (!target) return;
  target.scrollIntoView({ block: 'start' });
  const heading = target.querySelector('h2');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
  }
}

export function SeriesWorkspace({ id }: { readonly id: string }) {
  const { m } = useI18n();
  const [bump, setBump] = useState(0);
  const version = useDataVersion();
  const [resource, retry] = useApiResource('series.get', { id }, version + bump);
  const { running } = useJobs();
  const refresh = useCallback(() => setBump((n) => n + 1), []);
  return (
    <div className="view view-series-detail">
      <p className="back-link">
        <a href={routeHref({ view: 'series', filters: DEFAULT_SERIES_FILTERS })}>
          <span aria-hidden="true">← </span>
          {m['series.back']}
        </a>
      </p>
      {running && running.kind === 'link' ? (
        <div className="notice relink-progress" role="status">
          <p className="notice-text">{m['series.relinking']}</p>
          <JobProgressBar progress={running} />
        </div>
      ) : null}
      {resource.status === 'loading' ? <p className="muted">{m['common.loading']}</p> : null}
      {resource.status === 'error' ? (
        resource.error.code === 'not_found' ? (
          <>
            <h1>{m['series.title'](id)}</h1>
            <p>{m['series.notFound']}</p>
          </>
        ) : (
          <ErrorNotice error={resource.error} onRetry={retry} />
        )
      ) : null}
      {resource.status === 'ok' ? <Workspace detail={resource.value} askedId={id} refresh={refresh} /> : null}
    </div>
  );
}
