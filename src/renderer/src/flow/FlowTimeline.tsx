// The traced transactions by day (recharts): the money moved each day, the part by or to the
// selected accounts drawn apart. Choosing a day narrows the transactions table to it.

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { SeriesFlow } from '../../../common/api';
import { useI18n } from '../i18n/I18nContext';
import { localDay, timelineData } from './flow-model';

export interface FlowTimelineProps {
  readonly transactions: SeriesFlow['transactions'];
  readonly selected: ReadonlySet<string> | null;
  readonly day: string | null;
  readonly onDay: (day: string | null) => void;
}

export function FlowTimeline({ transactions, selected, day, onDay }: FlowTimelineProps) {
  const { m, fmt } = useI18n();
  const data = timelineData(transactions, selected, localDay).map((d) => ({ ...d, rest: d.amount - d.selected }));
  if (data.length === 0) return null;
  const yuan = (v: number) => fmt.money({ amount: v.toFixed(2), currency: 'CNY' });
  return (
    <figure
      className="chart"
      data-testid="flow-timeline"
      data-days={data.length}
      data-selected-days={data.filter((d) => d.selected > 0).length}
    >
      <figcaption className="chart-title">{m['flow.timeline']}</figcaption>
      <ResponsiveContainer width="100%" height={200}>
        <BarChart
          data={data}
          margin={{ top: 4, right: 16, bottom: 4, left: 8 }}
          onClick={(state) => {
            const label = (state as { activeLabel?: string | number } | null)?.activeLabel;
            if (typeof label === 'string') onDay(label === day ? null : label);
          }}
        >
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="day" tick={{ fontSize: 11 }} />
          <YAxis tickFormatter={(v: number) => fmt.count(Math.round(v / 10000))} width={56} tick={{ fontSize: 11 }} />
          <Tooltip formatter={(v, name) => [yuan(Number(v)), name === 'selected' ? m['flow.timelineSelected'] : m['flow.timelineOther']]} />
          <Bar dataKey="selected" stackId="d" fill="#d35400" isAnimationActive={false} />
          <Bar dataKey="rest" stackId="d" fill="#2f6db5" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
      <p className="muted small">{m['flow.timelineHint']}</p>
      <div className="form-row">
        <label className="field field-inline">
          <span className="field-label">{m['flow.day']}</span>
          <select
            className="input"
            value={day ?? ''}
            onChange={(e) => onDay(e.target.value === '' ? null : e.target.value)}
            data-testid="flow-day"
          >
            <option value="">{m['flow.allDays']}</option>
            {data.map((d) => (
              <option key={d.day} value={d.day}>
                {d.day} · {fmt.count(d.count)}
              </option>
            ))}
          </select>
        </label>
      </div>
    </figure>
  );
}
