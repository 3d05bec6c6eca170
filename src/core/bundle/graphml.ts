// The series' network as GraphML (http://graphml.graphdrawing.org/): report nodes and identifier
// nodes, 'reported' edges from a report to each of its identifiers, and 'link' edges between
// reports carrying the linking engine's weight and evidence. Every attribute is declared by a
// typed <key> (string, double, boolean), which is what Gephi, Cytoscape desktop and networkx read.
// Ids are escaped, attribute order and element order are fixed: the same series, the same bytes.
import type { SeriesContent } from './collect';
import { describeEvidence } from './collect';

const KEYS: readonly [id: string, domain: 'node' | 'edge', name: string, type: 'string' | 'double' | 'boolean'][] = [
  ['n_type', 'node', 'type', 'string'],
  ['n_label', 'node', 'label', 'string'],
  ['n_category', 'node', 'category', 'string'],
  ['n_reported_at', 'node', 'reported_at', 'string'],
  ['n_precinct', 'node', 'precinct', 'string'],
  ['n_loss', 'node', 'loss', 'double'],
  ['n_currency', 'node', 'currency', 'string'],
  ['n_kind', 'node', 'kind', 'string'],
  ['n_value', 'node', 'value', 'string'],
  ['e_type', 'edge', 'type', 'string'],
  ['e_weight', 'edge', 'weight', 'double'],
  ['e_strong', 'edge', 'strong', 'boolean'],
  ['e_evidence', 'edge', 'evidence', 'string'],
  ['e_role', 'edge', 'role', 'string'],
];

// eslint-disable-next-line no-control-regex
const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function xmlEscape(text: string): string {
  // Characters XML 1.0 cannot carry at all are dropped.
  return text
    .replace(XML_FORBIDDEN, '')
    .replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string);
}

export function graphml(s: SeriesContent): string {
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  );
  for (const [id, domain, name, type] of KEYS) out.push(`  <key id="${id}" for="${domain}" attr.name="${name}" attr.type="${type}"/>`);
  out.push(`  <graph id="${xmlEscape(s.seriesId)}" edgedefault="undirected">`);
  const data = (key: string, value: string | number | boolean): string => `<data key="${key}">${xmlEscape(String(value))}</data>`;
  const identifierNodes = new Map<string, { kind: string; value: string }>();
  const reported: string[] = [];
  for (const r of s.reports) {
    const rec = r.record;
    const fields = [
      data('n_type', 'report'),
      data('n_label', rec.id),
      data('n_category', rec.category),
      data('n_reported_at', rec.reported_at),
      data('n_precinct', rec.precinct),
    ];
    if (rec.loss) fields.push(data('n_loss', Number(rec.loss.amount)), data('n_currency', rec.loss.currency));
    out.push(`    <node id="${xmlEscape(`report:${rec.id}`)}">${fields.join('')}</node>`);
    for (const i of r.identifiers) {
      const nodeId = `identifier:${i.kind}:${i.value}`;
      if (!identifierNodes.has(nodeId)) identifierNodes.set(nodeId, { kind: i.kind, value: i.value });
      reported.push(
        `    <edge source="${xmlEscape(`report:${rec.id}`)}" target="${xmlEscape(nodeId)}">${data('e_type', 'reported')}${i.role ? data('e_role', i.role) : ''}</edge>`,
      );
    }
  }
  for (const nodeId of [...identifierNodes.keys()].sort()) {
    const i = identifierNodes.get(nodeId) as { kind: string; value: string };
    out.push(
      `    <node id="${xmlEscape(nodeId)}">${data('n_type', 'identifier')}${data('n_label', i.value)}${data('n_kind', i.kind)}${data('n_value', i.value)}</node>`,
    );
  }
  out.push(...reported);
  for (const l of s.links) {
    const evidence = l.evidence.map(describeEvidence).join('; ');
    out.push(
      `    <edge source="${xmlEscape(`report:${l.a}`)}" target="${xmlEscape(`report:${l.b}`)}">${data('e_type', 'link')}${data('e_weight', l.weight)}${data('e_strong', l.strong)}${data('e_evidence', evidence)}</edge>`,
    );
  }
  out.push('  </graph>');
  out.push('</graphml>');
  return `${out.join('\n')}\n`;
}
