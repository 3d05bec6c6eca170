// The series' losses: the running total against the filing threshold (a labelled line), with
// the report that pushed it over marked by a labelled dot and line and said in words below;
// the loss per victim; the loss per category. The two bar charts can use a logarithmic scale:
// one victim of an investment scam losing millions otherwise flattens the others' thousands.

import { useId, useState } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Line,
  LineChart,
  ReferenceDot,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { SeriesReport } from '../../../common/api';
import type { Money } from '../../../common/model';
import { routeHref } from '../app/routes';
import { formatCompactMoney } from '../format/compact';
import { useI18n } from '../i18n/I18nContext';
import { barAxis, centsToAmount, lossSeries } from './cumulative';

const MAX_VICTIMS = 20;

export function LossCharts({
  reports,
  threshold,
  overReport,
}: {
  readonly reports: readonly SeriesReport[];
  readonly threshold: Money;
  readonly overReport: string | null;
}) {
  const { m, fmt, language } = useI18n();
  const id = useId();
  const [log, setLog] = useState(false);
  const series = lossSeries(reports, threshold, overReport);
  const currency = threshold.currency;
  const money = (cents: number): string => fmt.money({ amount: centsToAmount(cents), currency });
  const limit = Number(threshold.amount);
  const data = series.points.map((p) => ({ t: p.t, total: p.totalCents / 100, reportId: p.reportId, at: p.at }));
  const crossing = series.crossing;
  // On a log axis a bar of no loss has no length to draw: it is left out (undefined).
  const shown = (cents: number): number | undefined => (log && cents <= 0 ? undefined : cents / 100);
  const victims = series.byVictim
    .slice(0, MAX_VICTIMS)
    .map((v, i) => ({ name: m['loss.victimN'](i + 1), loss: shown(v.cents), reports: v.reports }));
  const categories = series.byCategory.map((c) => ({ name: m[`category.${c.category}`], loss: shown(c.cents) }));
  const victimAxis = barAxis(
    series.byVictim.slice(0, MAX_VICTIMS).map((v) => v.cents / 100),
    log,
  );
  const categoryAxis = barAxis(
    series.byCategory.map((c) => c.cents / 100),
    log,
  );
  const compact = (v: number): string => formatCompactMoney(v, currency, language);
  const span = data.length > 1 ? (data[data.length - 1]?.t ?? 0) - (data[0]?.t ?? 0) : 0;
  const crossingOnLeft = crossing !== null && (span === 0 || crossing.t - (data[0]?.t ?? 0) < span / 2);
  const maxY = Math.max(limit, data.length > 0 ? (data[data.length - 1]?.total ?? 0) : 0) * 1.08;

  return (
    <section className="panel" aria-labelledby="loss-heading">
      <h2 id="loss-heading">{m['loss.title']}</h2>
      <figure className="chart chart-wide" data-testid="loss-chart" data-crossing={crossing?.reportId ?? ''}>
        <figcaption>{m['loss.cumulative']}</figcaption>
        <ResponsiveContainer width="100%" height={260}>
          <LineChart data={data} margin={{ top: 24, right: 24, bottom: 4, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis
              dataKey="t"
              type="number"
              scale="time"
              domain={['dataMin', 'dataMax']}
              tickFormatter={(t: number) => fmt.date(new Date(t).toISOString())}
              minTickGap={32}
            />
            <YAxis tickFormatter={compact} width={76} domain={[0, maxY]} />
            <Tooltip
              labelFormatter={(_l, payload) => {
                const p = payload[0]?.payload as { reportId?: string; at?: string } | undefined;
                return p?.reportId ? `${p.reportId} · ${fmt.dateTime(p.at ?? '')}` : '';
              }}
              formatter={(v) => [fmt.money({ amount: Number(v).toFixed(2), currency }), m['loss.total']]}
            />
            <ReferenceLine
              y={limit}
              stroke="var(--danger)"
              strokeDasharray="6 4"
              label={{
                value: m['loss.thresholdLine'](fmt.money(threshold)),
                position: 'insideBottomRight',
                fill: 'var(--danger)',
                fontSize: 12,
              }}
            />
            <Line
              type="stepAfter"
              dataKey="total"
              stroke="var(--chart-loss)"
              strokeWidth={2}
              dot={data.length <= 60}
              isAnimationActive={false}
            />
            {crossing ? <ReferenceLine x={crossing.t} stroke="var(--warn)" strokeDasharray="2 3" /> : null}
            {crossing ? (
              <ReferenceDot
                x={crossing.t}
                y={crossing.totalCents / 100}
                r={7}
                fill="var(--warn)"
                stroke="var(--surface)"
                label={{
                  value: m['loss.crossingLabel'](crossing.reportId),
                  position: crossingOnLeft ? 'right' : 'left',
                  dy: -12,
                  fill: 'var(--text)',
                  fontSize: 12,
                }}
              />
            ) : null}
          </LineChart>
        </ResponsiveContainer>
        <p className="chart-note" data-testid="crossing-note">
          {crossing ? (
            <>
              {m['loss.crossedBy']}{' '}
              <a className="mono" href={routeHref({ view: 'report', id: crossing.reportId })}>
                {crossing.reportId}
              </a>{' '}
              {m['loss.crossedOn'](fmt.date(crossing.at), money(crossing.totalCents))}
            </>
          ) : (
            m['loss.notCrossed'](money(series.points[series.points.length - 1]?.totalCents ?? 0), fmt.money(threshold))
          )}
        </p>
        {series.otherCurrency > 0 ? (
          <p className="muted small">{m['loss.otherCurrency'](series.otherCurrency, fmt.count(series.otherCurrency))}</p>
        ) : null}
      </figure>
      <div className="chart-scale">
        <label htmlFor={`${id}-log`}>
          <input
            id={`${id}-log`}
            type="checkbox"
            checked={log}
            aria-describedby={`${id}-log-hint`}
            onChange={(e) => setLog(e.target.checked)}
          />{' '}
          {m['loss.logScale']}
        </label>
        <span id={`${id}-log-hint`} className="muted small">
          {m['loss.logScaleHint']}
        </span>
      </div>
      <div className="chart-pair">
        <figure className="chart" data-testid="victim-chart" data-scale={victimAxis.scale}>
          <figcaption>{m['loss.perVictim']}</figcaption>
          <ResponsiveContainer width="100%" height={Math.max(160, victims.length * 22 + 30)}>
            <BarChart data={victims} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" tickFormatter={compact} scale={victimAxis.scale} domain={victimAxis.domain} allowDataOverflow={log} />
              <YAxis type="category" dataKey="name" width={80} interval={0} tick={{ fontSize: 12 }} />
              <Tooltip formatter={(v) => [fmt.money({ amount: Number(v).toFixed(2), currency }), m['loss.loss']]} />
              <Bar dataKey="loss" fill="var(--chart-count)" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
          {series.byVictim.length > MAX_VICTIMS ? (
            <p className="muted small">{m['loss.victimsShown'](MAX_VICTIMS, fmt.count(series.byVictim.length))}</p>
          ) : null}
        </figure>
        <figure className="chart" data-testid="category-chart" data-scale={categoryAxis.scale}>
          <figcaption>{m['loss.perCategory']}</figcaption>
          <ResponsiveContainer width="100%" height={Math.max(160, categories.length * 26 + 30)}>
            <BarChart data={categories} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis
                type="number"
                tickFormatter={compact}
                scale={categoryAxis.scale}
                domain={categoryAxis.domain}
                allowDataOverflow={log}
              />
              <YAxis type="category" dataKey="name" width={language === 'zh-CN' ? 150 : 190} tick={{ fontSize: 12 }} />
              <Tooltip formatter={(v) => [fmt.money({ amount: Number(v).toFixed(2), currency }), m['loss.loss']]} />
              <Bar dataKey="loss" fill="var(--chart-loss)" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </figure>
      </div>
    </section>
  );
}
