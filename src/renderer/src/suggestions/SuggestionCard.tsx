// One suggestion: the two series it would join (links to their workspaces; a report in no series
// to its report), each side's reports and loss, both together against the filing threshold (in
// words when that would reach it), the probability, the evidence term by term with its bits, and
// Accept / Reject (each asking why) or, once decided, who decided, why, and Revoke.

import { useId, type ReactNode } from 'react';
import type { Result, Suggestion } from '../../../common/api';
import { signedBits } from '../../../common/evidence-format';
import type { Money } from '../../../common/model';
import { FlagIcon } from '../app/Icons';
import { routeHref } from '../app/routes';
import { useApi } from '../app/ServicesContext';
import { amountNumber } from '../format/compact';
import { useI18n } from '../i18n/I18nContext';
import { EvidenceTerms } from '../series/EvidenceTerms';
import { ReasonForm } from '../series/ReasonForm';
import { probabilityPercent } from './suggestion-rows';

function SideLink({ name }: { readonly name: string }) {
  const { m } = useI18n();
  if (name.startsWith('R-')) return <a href={routeHref({ view: 'report', id: name.slice(2) })}>{m['suggestions.single'](name.slice(2))}</a>;
  return (
    <a className="mono" href={routeHref({ view: 'series-detail', id: name })}>
      {name}
    </a>
  );
}

function Heading({ level, id, children }: { readonly level: 2 | 3; readonly id: string; readonly children: ReactNode }) {
  return level === 2 ? (
    <h2 id={id} className="suggestion-title">
      {children}
    </h2>
  ) : (
    <h3 id={id} className="suggestion-title">
      {children}
    </h3>
  );
}

function Together({ s, threshold }: { readonly s: Suggestion; readonly threshold: Money }) {
  const { m, fmt } = useI18n();
  const limit = amountNumber(threshold.amount);
  const width = limit > 0 ? Math.min(100, Math.round((amountNumber(s.combinedLoss) / limit) * 100)) : 0;
  return (
    <div className={s.crossesThreshold ? 'tbar tbar-over' : 'tbar'}>
      <span className="tbar-figure num">
        {m['suggestions.ofThreshold'](fmt.money({ amount: s.combinedLoss, currency: threshold.currency }), fmt.money(threshold))}
      </span>
      <span className="tbar-track" aria-hidden="true">
        <span className="tbar-fill" style={{ width: `${width}%` }} />
      </span>
      <span className="tbar-state small">
        {s.crossesThreshold ? (
          <>
            <FlagIcon />
            {m['suggestions.wouldReach']}
          </>
        ) : (
          m['suggestions.wouldNotReach']
        )}
      </span>
    </div>
  );
}

export interface SuggestionCardProps {
  readonly suggestion: Suggestion;
  /** The status the list shows: a row revoked here in a list of decisions is open elsewhere. */
  readonly listStatus: Suggestion['status'];
  readonly threshold: Money;
  readonly headingLevel: 2 | 3;
  /** Said in the row when it was decided or revoked here. */
  readonly done: string | null;
  readonly onDecided: (next: Suggestion, done: string) => void;
}

export function SuggestionCard({ suggestion: s, listStatus, threshold, headingLevel, done, onDecided }: SuggestionCardProps) {
  const { m, fmt } = useI18n();
  const api = useApi();
  const id = useId();
  const after =
    (done: string) =>
    (r: Result<Suggestion>): Result<Suggestion> => {
      if (r.ok) onDecided(r.value, done);
      return r;
    };
  const joined = s.series[0] === s.series[1];
  const Sub = headingLevel === 2 ? 'h3' : 'h4';
  return (
    <li className={`suggestion suggestion-${s.status}`} data-testid="suggestion" data-suggestion={s.id}>
      <article aria-labelledby={`${id}-title`}>
        <header className="suggestion-head">
          <Heading level={headingLevel} id={`${id}-title`}>
            <SideLink name={s.series[0]} /> {m['suggestions.and']} <SideLink name={s.series[1]} />
          </Heading>
          {s.crossesThreshold ? (
            <span className="badge badge-over">
              <FlagIcon />
              {m['suggestions.wouldReach']}
            </span>
          ) : null}
          {s.status !== 'open' ? (
            <span className={`badge suggestion-status suggestion-status-${s.status}`}>{m[`suggestions.status.${s.status}`]}</span>
          ) : null}
          <span className="muted small mono suggestion-id">{s.id}</span>
        </header>
        <dl className="suggestion-facts">
          {s.series.map((name, i) =>
            joined && i === 1 ? null : (
              <div className="fact" key={i}>
                <dt className="mono">{name}</dt>
                <dd>
                  {m['suggestions.reports'](s.sizes[i] ?? 0, fmt.count(s.sizes[i] ?? 0))} ·{' '}
                  <span className="num">{fmt.money({ amount: s.losses[i] ?? '0.00', currency: threshold.currency })}</span>
                </dd>
              </div>
            ),
          )}
          <div className="fact fact-wide">
            <dt>{m['suggestions.together']}</dt>
            <dd>
              <Together s={s} threshold={threshold} />
            </dd>
          </div>
          <div className="fact">
            <dt>{m['suggestions.probability']}</dt>
            <dd className="num">
              {m['suggestions.probabilityValue'](probabilityPercent(s.probability, fmt), m['evidence.bits'](signedBits(s.score)))}
            </dd>
          </div>
          <div className="fact">
            <dt>{m['suggestions.carriedBy']}</dt>
            <dd>
              {s.reports.map((r, i) => (
                <span key={r}>
                  {i > 0 ? m['seriesList.sep'] : null}
                  <a className="mono" href={routeHref({ view: 'report', id: r })}>
                    {r}
                  </a>
                </span>
              ))}
            </dd>
          </div>
        </dl>
        <Sub className="suggestion-sub">{m['suggestions.evidence']}</Sub>
        <EvidenceTerms evidence={s.evidence} />
        {done ? (
          <p className="save-status" role="status">
            {done}
          </p>
        ) : null}
        {s.decision && s.status !== 'open' ? (
          <div className="suggestion-decision">
            <p className="small">
              <strong>{m['suggestions.decidedBy'](s.status, s.decision.actor, fmt.localDateTime(s.decision.at))}</strong>
              {s.decision.correction !== null ? (
                <span className="muted"> · {m['suggestions.correction'](fmt.count(s.decision.correction))}</span>
              ) : null}
            </p>
            <p className="small">
              {m['suggestions.reason']}: {s.decision.reason}
            </p>
            {s.status === 'accepted' && joined ? (
              <p className="small">
                {m['suggestions.nowOne']} <SideLink name={s.series[0]} />
              </p>
            ) : null}
            <ReasonForm
              label={m['suggestions.revoke']}
              done={m['suggestions.revokeDone']}
              run={async (reason) => after(m['suggestions.revokeDone'])(await api.call('suggestions.revoke', { id: s.id, reason }))}
            />
          </div>
        ) : listStatus !== 'open' ? (
          <p className="small">
            <a href={routeHref({ view: 'suggestions', status: 'open', page: 1 })}>{m['suggestions.toOpen']}</a>
          </p>
        ) : joined ? (
          <p className="small muted">{m['suggestions.partingFirst']}</p>
        ) : (
          <div className="suggestion-actions">
            <ReasonForm
              label={m['suggestions.accept']}
              done={m['suggestions.acceptDone']}
              run={async (reason) => after(m['suggestions.acceptDone'])(await api.call('suggestions.accept', { id: s.id, reason }))}
            />
            <ReasonForm
              label={m['suggestions.reject']}
              danger
              done={m['suggestions.rejectDone']}
              run={async (reason) => after(m['suggestions.rejectDone'])(await api.call('suggestions.reject', { id: s.id, reason }))}
            />
          </div>
        )}
      </article>
    </li>
  );
}
