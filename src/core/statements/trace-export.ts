// A trace written for the investigator's next step: a workbook for the bank or the filing desk
// (xlsx: its accounts, its flows and the totals, amounts as numbers with two decimals), a CSV of
// its flows (UTF-8 with a BOM, so Excel shows the Chinese), or GraphML for other graph tools.
// The format follows the file's extension.
import fs from 'node:fs';
import path from 'node:path';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { xmlEscape } from '../bundle/graphml';
import { createSealedFile } from '../import/sealed-staging';
import { FlowError, type Trace } from './flow';

export type TraceFormat = 'xlsx' | 'csv' | 'graphml';

export function traceFormat(file: string): TraceFormat {
  const ext = path.extname(file).toLowerCase().slice(1);
  if (ext === 'xlsx' || ext === 'csv' || ext === 'graphml') return ext;
  throw new FlowError(`${path.basename(file)}: the trace is written as .xlsx, .csv or .graphml`);
}

const ACCOUNT_COLUMNS = [
  '层级 layer',
  '账卡号 account',
  '户名 holder',
  '已调单 requested',
  '收入 received',
  '转出 sent',
  '取现 cash out',
  '留存 retained',
];
const EDGE_COLUMNS = ['付款账卡号 from', '收款账卡号 to', '金额 amount', '笔数 count', '首笔时间 first', '末笔时间 last'];

const num = (decimal: string): number => Number(decimal);

/**
 * Writes the trace to `file`, whole or not at all, private to the user (0600); `sealed` writes it
 * encrypted under the launch's staging key (the browser host's downloads, served decrypted).
 */
export async function writeTrace(trace: Trace, file: string, options: { sealed?: boolean } = {}): Promise<TraceFormat> {
  const format = traceFormat(file);
  const tmp = `${file}.${process.pid}.part`;
  const sink = options.sealed ? createSealedFile(tmp) : null;
  sink?.done.catch(() => {});
  const stream = sink?.input ?? fs.createWriteStream(tmp, { mode: 0o600 });
  try {
    if (format === 'xlsx') await writeXlsx(trace, stream);
    else await pipeline(Readable.from([Buffer.from(format === 'csv' ? csvOf(trace) : graphmlOf(trace), 'utf8')]), stream);
    if (sink) await sink.done;
    fs.renameSync(tmp, file);
  } catch (e) {
    stream.destroy();
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  return format;
}

async function writeXlsx(trace: Trace, stream: Writable): Promise<void> {
  // A stream of our own: given a file name, ExcelJS would create it readable by everyone (0644).
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true });
  const money = { numFmt: '#,##0.00' };
  const accounts = wb.addWorksheet('账户 accounts');
  accounts.columns = ACCOUNT_COLUMNS.map((header, i) => ({ header, width: i === 1 ? 24 : 14, ...(i >= 4 ? { style: money } : {}) }));
  for (const a of trace.accounts)
    accounts
      .addRow([
        a.layer,
        a.account,
        a.holder ?? '',
        a.requested ? '是' : '否',
        num(a.received),
        num(a.sent),
        num(a.cash_out),
        num(a.retained),
      ])
      .commit();
  accounts.commit();
  const edges = wb.addWorksheet('资金流向 flows');
  edges.columns = EDGE_COLUMNS.map((header, i) => ({ header, width: i < 2 ? 24 : 20, ...(i === 2 ? { style: money } : {}) }));
  for (const e of trace.edges) edges.addRow([e.from, e.to, num(e.amount), e.count, e.first, e.last]).commit();
  edges.commit();
  const totals = wb.addWorksheet('合计 totals');
  totals.columns = [
    { header: '项目 item', width: 36 },
    { header: '金额 amount', width: 16, style: money },
  ];
  const t = trace.totals;
  const rows: readonly (readonly [string, string])[] =
    trace.direction === 'backward'
      ? [
          [`终点 start ${trace.start} 溯源流入 reached through the trace`, t.entered],
          ['终点取现 cash out at the start', t.cash_out],
          ['中间账户留存 retained on the way', t.retained],
          ['最远层转入 paid in by the last layer', t.beyond],
          ['终点回流追踪 paid back into the trace by the start', t.returned],
        ]
      : [
          [`起点 start ${trace.start} 流入 entered`, t.entered],
          ['取现 cash out', t.cash_out],
          ['留存 retained', t.retained],
          ['流出追踪范围 beyond the last layer', t.beyond],
          ['回流起点 returned to the start', t.returned],
        ];
  for (const [label, value] of rows) totals.addRow([label, num(value)]).commit();
  totals.commit();
  await wb.commit();
}

function csvCell(v: string | number): string {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csvOf(trace: Trace): string {
  const rows = [EDGE_COLUMNS, ...trace.edges.map((e) => [e.from, e.to, e.amount, e.count, e.first, e.last])];
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

function graphmlOf(trace: Trace): string {
  const keys: [string, 'node' | 'edge', string, string][] = [
    ['layer', 'node', 'layer', 'int'],
    ['holder', 'node', 'holder', 'string'],
    ['requested', 'node', 'requested', 'boolean'],
    ['received', 'node', 'received', 'double'],
    ['sent', 'node', 'sent', 'double'],
    ['cash_out', 'node', 'cash_out', 'double'],
    ['amount', 'edge', 'amount', 'double'],
    ['count', 'edge', 'count', 'int'],
    ['first', 'edge', 'first', 'string'],
    ['last', 'edge', 'last', 'string'],
  ];
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ...keys.map(([id, on, name, type]) => `  <key id="${id}" for="${on}" attr.name="${name}" attr.type="${type}"/>`),
    `  <graph id="${xmlEscape(`${trace.direction === 'backward' ? 'trace-back' : 'trace'}:${trace.start}`)}" edgedefault="directed">`,
  ];
  const d = (k: string, v: string | number | boolean): string => `<data key="${k}">${xmlEscape(String(v))}</data>`;
  for (const a of trace.accounts)
    out.push(
      `    <node id="${xmlEscape(a.account)}">${d('layer', a.layer)}${d('holder', a.holder ?? '')}${d('requested', a.requested)}${d('received', a.received)}${d('sent', a.sent)}${d('cash_out', a.cash_out)}</node>`,
    );
  for (const e of trace.edges)
    out.push(
      `    <edge source="${xmlEscape(e.from)}" target="${xmlEscape(e.to)}">${d('amount', e.amount)}${d('count', e.count)}${d('first', e.first)}${d('last', e.last)}</edge>`,
    );
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}
