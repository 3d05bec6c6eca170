// The series in time order: every report (when it was reported, its category and loss) and
// every message the fraudsters sent (channel, sender, text), grouped by day.

import { useState } from 'react';
import type { SeriesMessage, SeriesReport } from '../../../common/api';
import { routeHref } from '../app/routes';
import { useI18n } from '../i18n/I18nContext';
import { rememberListHref } from '../reports/list-memory';

type Event =
  | { readonly at: string; readonly kind: 'report'; readonly report: SeriesReport }
  | { readonly at: string; readonly kind: 'message'; readonly message: SeriesMessage };

const PAGE = 200;

function ms(stamp: string): number {
  const t = Date.parse(stamp);
  return Number.isFinite(t) ? t : 0;
}

export function SeriesTimeline({
  reports,
  messages,
}: {
  readonly reports: readonly SeriesReport[];
  readonly messages: readonly SeriesMessage[];
}) {
  const { m, fmt } = useI18n();
  const [shown, setShown] = useState(PAGE);
  const events: Event[] = [
    ...reports.map((report) => ({ at: report.occurredAt ?? report.reportedAt, kind: 'report' as const, report })),
    ...messages.filter((message) => message.at !== null).map((message) => ({ at: message.at ?? '', kind: 'message' as const, message })),
  ].sort((a, b) => ms(a.at) - ms(b.at));
  const visible = events.slice(0, shown);
  const days: { day: string; events: Event[] }[] = [];
  for (const e of visible) {
    const day = fmt.date(e.at);
    const last = days[days.length - 1];
    if (last && last.day === day) last.events.push(e);
    else days.push({ day, events: [e] });
  }
  return (
    <section className="panel" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{m['timeline.title']}</h2>
      <p className="muted small">{m['timeline.intro'](fmt.count(reports.length), fmt.count(messages.length))}</p>
      <ol className="timeline" data-testid="timeline">
        {days.map(({ day, events: list }) => (
          <li key={day} className="timeline-day">
            <h3 className="timeline-date">{day}</h3>
            <ul>
              {list.map((e, i) =>
                e.kind === 'report' ? (
                  <li key={`r ${e.report.id}`} className="timeline-item timeline-report">
                    <span className="badge">{m['timeline.report']}</span>{' '}
                    <a
                      className="mono"
                      href={routeHref({ view: 'report', id: e.report.id })}
                      onClick={() => rememberListHref(window.location.hash)}
                    >
                      {e.report.id}
                    </a>{' '}
                    {m[`category.${e.report.category}`]}
                    {e.report.loss ? <span className="num"> · {fmt.money(e.report.loss)}</span> : null}
                    <span className="muted"> · {fmt.dateTime(e.at)}</span>
                    {e.report.summary !== '' ? <span className="timeline-text">{e.report.summary}</span> : null}
                  </li>
                ) : (
                  <li key={`m ${e.message.reportId} ${i}`} className="timeline-item timeline-message">
                    <span className="badge">{m[`channel.${e.message.channel}`]}</span>{' '}
                    {e.message.sender ? <span className="mono">{e.message.sender}</span> : null}
                    <span className="muted">
                      {' '}
                      · {fmt.dateTime(e.at)} · {m['timeline.inReport'](e.message.reportId)}
                    </span>
                    <span className="timeline-text">{e.message.text}</span>
                  </li>
                ),
              )}
            </ul>
          </li>
        ))}
      </ol>
      {events.length > shown ? (
        <button type="button" className="button" onClick={() => setShown((n) => n + PAGE)}>
          {m['timeline.more'](fmt.count(events.length - shown))}
        </button>
      ) : null}
    </section>
  );
}
