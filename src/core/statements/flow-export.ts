// A series' money flow, or the trace from one of its accounts, written from the workspace: as
// `casegraph flow trace --out` writes it (trace-export.ts: xlsx, csv or GraphML), to the path the
// desktop app's save dialog chose or, in the browser host, into a private download folder served
// at /api/download/<id>. Each export is audited (statements carry account holders' names).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FlowExportView } from '../../common/api/flow';
import { appendAudit } from '../store/audit';
import type { Db } from '../store/db';
import { FlowError, traceForward, type Trace } from './flow';
import { seriesTrace } from './series-flow';
import { traceFormat, writeTrace, type TraceFormat } from './trace-export';

export interface FlowExportRequest {
  readonly seriesId: string;
  /** The trace from this account (one the series' flow reaches); without it, the series' whole flow. */
  readonly account?: string;
  readonly format: TraceFormat;
  /** Where to write (the desktop app); omitted in the browser host, which offers a download. */
  readonly file?: string;
}

/** A file name for the export: the series (and account), ASCII only. */
export function exportName(seriesId: string, account: string | undefined, format: TraceFormat): string {
  const safe = (s: string) => s.replace(/[^\w.-]/g, '_');
  return `${safe(seriesId)}-${account ? `trace-${safe(account)}` : 'flow'}.${format}`;
}

export async function exportFlow(db: Db, request: FlowExportRequest, downloadRoot: string | undefined): Promise<FlowExportView> {
  const { seriesId, account, format } = request;
  let out: string;
  let downloadId: string | null = null;
  if (request.file !== undefined && downloadRoot) {
    throw new FlowError('in the browser the export is offered as a download; leave out the file');
  } else if (request.file !== undefined) {
    out = path.resolve(request.file);
    if (traceFormat(out) !== format) throw new FlowError(`${path.basename(out)}: a ${format} export needs a file ending in .${format}`);
    if (!fs.existsSync(path.dirname(out))) throw new FlowError(`cannot write ${path.basename(out)}: the folder does not exist`);
  } else if (downloadRoot) {
    downloadId = crypto.randomBytes(16).toString('hex');
    out = path.join(downloadRoot, downloadId, exportName(seriesId, account, format));
  } else {
    throw new FlowError('the export needs the file to write');
  }
  const trace: Trace = account === undefined ? seriesTrace(db, seriesId) : traceForward(db, account);
  if (account !== undefined && !seriesTrace(db, seriesId).accounts.some((a) => a.account === trace.start))
    throw new FlowError(`the account ${trace.start} is not in the money flow of series ${seriesId}`);
  if (downloadId) fs.mkdirSync(path.dirname(out), { recursive: true, mode: 0o700 });
  try {
    await writeTrace(trace, out, { sealed: downloadId !== null });
  } catch (e) {
    if (downloadId) fs.rmSync(path.dirname(out), { recursive: true, force: true });
    throw e;
  }
  appendAudit(db, {
    action: 'flow_export',
    subject: seriesId,
    detail: { format, ...(account ? { account: trace.start } : {}), accounts: trace.accounts.length, flows: trace.edges.length },
  });
  return {
    file: downloadId ? path.basename(out) : out,
    downloadId,
    format,
    accounts: trace.accounts.length,
    flows: trace.edges.length,
    totals: { entered: trace.totals.entered, cashOut: trace.totals.cash_out, retained: trace.totals.retained, beyond: trace.totals.beyond },
  };
}
