// #/reports/<id> — one report in full: facts, victim (masked), identifiers, messages,
// narrative and version history.

import type { ReactNode } from 'react';
import type { ReportDetail } from '../../../common/api';
import type { ReportLocation } from '../../../common/model';
import { ErrorNotice } from '../app/ErrorNotice';
import { WithdrawnIcon } from '../app/Icons';
import { useDataVersion } from '../app/ServicesContext';
import { useApiResource } from '../app/use-api-resource';
import { useI18n } from '../i18n/I18nContext';
import { IdentifierTable } from './IdentifierTable';
import { recallListHref } from './list-memory';
import { MessageList } from './MessageList';
import { VersionTable } from './VersionTable';
import { VictimPanel } from './VictimPanel';

function locationText(location: Readonly<ReportLocation> | null): string {
  if (!location) return '';
  const parts: string[] = [];
  if (location.district) parts.push(location.district);
  if (location.lat !== undefined && location.lon !== undefined) parts.push(`${location.lat.toFixed(5)}, ${location.lon.toFixed(5)}`);
  return parts.join(' · ');
}

function Fact({ label, children }: { readonly label: string; readonly children: ReactNode }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function ReportBody({ report }: { readonly report: ReportDetail }) {
  const { m, fmt } = useI18n();
  const location = locationText(report.location);
  const none = <span className="muted">{m['common.none']}</span>;
  return (
    <>
      <header className="view-header detail-header">
        <h1>
          {m['detail.title'](report.id)}
          {report.withdrawn ? (
            <span className="badge badge-withdrawn badge-large">
              <WithdrawnIcon />
              {m['detail.withdrawn']}
            </span>
          ) : null}
        </h1>
      </header>
      {report.withdrawn ? <p className="notice notice-warn">{m['detail.withdrawnNote']}</p> : null}
      <section className="panel" aria-labelledby="facts-heading">
        <h2 id="facts-heading">{m['detail.facts']}</h2>
        <dl className="facts facts-grid">
          <Fact label={m['detail.version']}>{fmt.count(report.version)}</Fact>
          <Fact label={m['detail.category']}>
            {m[`category.${report.category}`]}
            {report.categoryOriginal ? <span className="muted">{m['detail.categoryOriginal'](report.categoryOriginal)}</span> : null}
          </Fact>
          <Fact label={m['detail.loss']}>{report.loss ? <span className="num">{fmt.money(report.loss)}</span> : none}</Fact>
          <Fact label={m['detail.reportedAt']}>{fmt.dateTime(report.reportedAt)}</Fact>
          <Fact label={m['detail.occurredAt']}>{report.occurredAt ? fmt.dateTime(report.occurredAt) : none}</Fact>
          <Fact label={m['detail.precinct']}>{report.precinct}</Fact>
          <Fact label={m['detail.location']}>{location !== '' ? location : none}</Fact>
        </dl>
      </section>
      <VictimPanel key={report.id} reportId={report.id} victim={report.victim} />
      <IdentifierTable identifiers={report.identifiers} />
      <MessageList messages={report.messages} />
      <section className="panel" aria-labelledby="narrative-heading">
        <h2 id="narrative-heading">{m['detail.narrative']}</h2>
        {report.narrative !== '' ? <p className="narrative">{report.narrative}</p> : <p className="muted">{m['detail.narrativeNone']}</p>}
      </section>
      <VersionTable versions={report.versions} current={report.version} />
    </>
  );
}

export function ReportDetailView({ id }: { readonly id: string }) {
  const { m } = useI18n();
  const [resource, retry] = useApiResource('reports.get', { id }, useDataVersion());
  return (
    <div className="view view-detail">
      <p className="back-link">
        <a href={recallListHref()}>
          <span aria-hidden="true">← </span>
          {m['detail.back']}
        </a>
      </p>
      {resource.status === 'loading' ? <p className="muted">{m['common.loading']}</p> : null}
      {resource.status === 'error' ? (
        resource.error.code === 'not_found' ? (
          <>
            <h1>{m['detail.title'](id)}</h1>
            <p>{m['detail.notFound']}</p>
          </>
        ) : (
          <ErrorNotice error={resource.error} onRetry={retry} />
        )
      ) : null}
      {resource.status === 'ok' ? <ReportBody report={resource.value} /> : null}
    </div>
  );
}
