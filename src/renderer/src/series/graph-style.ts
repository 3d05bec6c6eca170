// How the series network looks: every identifier kind has its own shape AND colour AND a text
// label, so no kind is told apart by colour alone. Reports are rounded rectangles; the report
// that pushed the series over the threshold has a double border. Hubs (values too common to
// link on) are dashed and stay collapsed until expanded.

import type { StylesheetJson } from 'cytoscape';
import type { IdentifierKind } from '../../../common/model';

export type NodeShape =
  | 'ellipse'
  | 'rectangle'
  | 'diamond'
  | 'hexagon'
  | 'triangle'
  | 'vee'
  | 'star'
  | 'octagon'
  | 'pentagon'
  | 'tag'
  | 'rhomboid'
  | 'barrel'
  | 'concave-hexagon';

export interface KindLook {
  readonly shape: NodeShape;
  readonly colour: string;
}

export const KIND_LOOK: Readonly<Record<IdentifierKind, KindLook>> = {
  phone: { shape: 'ellipse', colour: '#2a7ab8' },
  bank_card: { shape: 'rectangle', colour: '#b5651d' },
  bank_account: { shape: 'barrel', colour: '#a0522d' },
  iban: { shape: 'rhomboid', colour: '#8b5a2b' },
  alipay: { shape: 'diamond', colour: '#1677c9' },
  wechat: { shape: 'hexagon', colour: '#2e9b4b' },
  qq: { shape: 'concave-hexagon', colour: '#1e88a8' },
  url: { shape: 'triangle', colour: '#8e44ad' },
  email: { shape: 'vee', colour: '#6d5bb5' },
  ip: { shape: 'octagon', colour: '#607d8b' },
  device: { shape: 'pentagon', colour: '#7b6f3a' },
  crypto: { shape: 'star', colour: '#c0392b' },
  other: { shape: 'tag', colour: '#7f8c8d' },
};

export const REPORT_COLOUR = '#34495e';

/** An SVG path for a legend swatch of each shape (24×24 box), drawn like the graph draws it. */
export function shapePath(shape: NodeShape): string {
  switch (shape) {
    case 'ellipse':
      return 'M12 3a9 9 0 1 0 0.01 0z';
    case 'rectangle':
      return 'M4 5h16v14H4z';
    case 'barrel':
      return 'M5 4q7-2 14 0q2 8 0 16q-7 2-14 0q-2-8 0-16z';
    case 'rhomboid':
      return 'M7 5h14l-4 14H3z';
    case 'diamond':
      return 'M12 2l10 10-10 10L2 12z';
    case 'hexagon':
      return 'M7 3h10l5 9-5 9H7l-5-9z';
    case 'concave-hexagon':
      return 'M3 3h18l-4 9 4 9H3l4-9z';
    case 'triangle':
      return 'M12 3l10 18H2z';
    case 'vee':
      return 'M2 4l10 6 10-6-10 17z';
    case 'octagon':
      return 'M8 2h8l6 6v8l-6 6H8l-6-6V8z';
    case 'pentagon':
      return 'M12 2l10 7-4 13H6L2 9z';
    case 'star':
      return 'M12 2l3 7h7l-5.5 4.5L18.5 21 12 16.5 5.5 21l2-7.5L2 9h7z';
    case 'tag':
      return 'M3 5h12l6 7-6 7H3z';
  }
}

export type GraphTheme = 'light' | 'dark';

/**
 * The colours around the kinds' own: labels, borders, edges and reports, per UI theme. The
 * canvas behind them is the CSS variable --graph-bg. The kinds keep one colour in both themes
 * (their legend swatches are the same), each with its shape and label besides.
 */
const PALETTE: Readonly<
  Record<
    GraphTheme,
    Readonly<Record<'label' | 'labelBg' | 'border' | 'report' | 'outside' | 'outsideBorder' | 'edge' | 'link' | 'collection', string>>
  >
> = {
  light: {
    label: '#1b2330',
    labelBg: '#ffffff',
    border: '#ffffff',
    report: REPORT_COLOUR,
    outside: '#95a5a6',
    outsideBorder: '#34495e',
    edge: '#9aa5b1',
    link: '#5d6d7e',
    collection: '#b9770e',
  },
  dark: {
    label: '#e3e8ef',
    labelBg: '#141a22',
    border: '#141a22',
    report: '#9fb3c8',
    outside: '#6c7a89',
    outsideBorder: '#c9d3dd',
    edge: '#566373',
    link: '#a3b3c4',
    collection: '#f5b041',
  },
};

/** The fill of report nodes in a theme (the legend draws its swatch with it). */
export function reportColour(theme: GraphTheme): string {
  return PALETTE[theme].report;
}

export function graphStylesheet(large: boolean, theme: GraphTheme = 'light'): StylesheetJson {
  const p = PALETTE[theme];
  const kindRules: StylesheetJson = (Object.keys(KIND_LOOK) as IdentifierKind[]).map((kind) => ({
    selector: `node.kind-${kind}`,
    style: { shape: KIND_LOOK[kind].shape, 'background-color': KIND_LOOK[kind].colour },
  }));
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        width: 'data(size)',
        height: 'data(size)',
        'font-size': 10,
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-wrap': 'ellipsis',
        'text-max-width': '140px',
        color: p.label,
        'text-background-color': p.labelBg,
        'text-background-opacity': 0.75,
        'text-background-padding': '1px',
        // Level of detail: labels drawn smaller than this on screen are left out (zoomed out, a
        // 10 px label goes below 0.8×); zooming in or selecting shows them.
        'min-zoomed-font-size': large ? 9 : 8,
        'border-width': 1,
        'border-color': p.border,
      },
    },
    // Report numbers, the most numerous labels, show from 1× up; identifiers' from 0.8×.
    { selector: 'node.report', style: { shape: 'round-rectangle', 'background-color': p.report, 'min-zoomed-font-size': large ? 11 : 10 } },
    {
      selector: 'node.outside',
      style: { 'background-color': p.outside, 'border-style': 'dotted', 'border-width': 2, 'border-color': p.outsideBorder },
    },
    { selector: 'node.crossing', style: { 'border-width': 5, 'border-style': 'double', 'border-color': '#c0392b' } },
    ...kindRules,
    { selector: 'node.hub', style: { 'border-width': 3, 'border-style': 'dashed', 'border-color': '#8a4b00' } },
    { selector: 'node.ignored', style: { 'background-opacity': 0.45 } },
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'line-color': p.edge,
        'curve-style': large ? 'haystack' : 'straight',
        opacity: 0.85,
      },
    },
    { selector: 'edge.link', style: { 'line-color': p.link, width: 'mapData(weight, 0, 10, 1.5, 6)', 'line-style': 'solid' } },
    { selector: 'edge.link.weak', style: { 'line-style': 'dashed' } },
    { selector: 'edge.wrong', style: { 'line-color': '#c0392b', 'line-style': 'dotted', width: 2 } },
    { selector: 'node.central', style: { 'border-width': 4, 'border-color': '#d35400', 'border-style': 'solid' } },
    { selector: 'node.by-centrality', style: { width: 'mapData(centrality, 0, 1, 14, 72)', height: 'mapData(centrality, 0, 1, 14, 72)' } },
    { selector: '.faded', style: { opacity: 0.15 } },
    { selector: 'node.on-path', style: { 'border-width': 5, 'border-color': '#e67e22', 'border-style': 'solid', opacity: 1 } },
    { selector: 'edge.on-path', style: { 'line-color': '#e67e22', width: 5, opacity: 1, 'z-index': 10 } },
    {
      // A collection: the members' shape and colour, larger, with a thick double ring and its count always labelled.
      selector: 'node.collection',
      style: {
        'border-width': 6,
        'border-style': 'double',
        'border-color': p.collection,
        'font-size': 20,
        'font-weight': 'bold',
        'min-zoomed-font-size': 0,
        'text-max-width': '420px',
        'z-index': 5,
      },
    },
    { selector: 'edge.merged', style: { width: 'mapData(merged, 1, 40, 2, 9)' } },
    { selector: ':selected', style: { 'overlay-color': '#2468d8', 'overlay-opacity': 0.25, 'overlay-padding': 6 } },
    { selector: 'node:selected', style: { 'min-zoomed-font-size': 0, 'font-size': 12, 'z-index': 20 } },
  ];
}
