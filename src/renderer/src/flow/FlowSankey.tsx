// From the payers through the layers to cash, summed per layer (recharts' Sankey).

import { ResponsiveContainer, Sankey, Tooltip } from 'recharts';
import type { SeriesFlow } from '../../../common/api';
import { useI18n } from '../i18n/I18nContext';
import { sankeyData } from './flow-model';

interface NodeProps {
  readonly x?: number;
  readonly y?: number;
  readonly width?: number;
  readonly height?: number;
  readonly payload?: { readonly name?: string; readonly value?: number };
}

/** A node with its name and amount beside it (the chart's default draws the bar alone). */
function LabelledNode({ x = 0, y = 0, width = 0, height = 0, payload }: NodeProps) {
  const { fmt } = useI18n();
  return (
    <g>
      <rect x={x} y={y} width={width} height={height} fill="#2f6db5" />
      <text x={x + width + 6} y={y + height / 2} dominantBaseline="middle" fontSize={12} fill="currentColor">
        {payload?.name} · {fmt.money({ amount: (payload?.value ?? 0).toFixed(2), currency: 'CNY' })}
      </text>
    </g>
  );
}

export function FlowSankey({ flow }: { readonly flow: SeriesFlow }) {
  const { m, fmt } = useI18n();
  const data = sankeyData(flow, { payers: m['flow.sankeyVictims'], layer: m['flow.layer'], cash: m['flow.cash'] });
  if (data.links.length === 0) return null;
  return (
    <figure className="chart" data-testid="flow-sankey">
      <figcaption className="chart-title">{m['flow.sankey']}</figcaption>
      <ResponsiveContainer width="100%" height={260}>
        <Sankey
          data={{ nodes: data.nodes.map((n) => ({ ...n })), links: data.links.map((l) => ({ ...l })) }}
          nodePadding={24}
          margin={{ left: 10, right: 120, top: 10, bottom: 10 }}
          link={{ stroke: '#7f8c9d' }}
          node={<LabelledNode />}
        >
          <Tooltip formatter={(v) => fmt.money({ amount: Number(v).toFixed(2), currency: 'CNY' })} />
        </Sankey>
      </ResponsiveContainer>
    </figure>
  );
}
