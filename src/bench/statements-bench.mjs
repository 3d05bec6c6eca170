// Bank statements benchmark (part of `npm run bench`): statement rows imported per second from
// GB18030 CSV and from xlsx (peak RSS: memory must stay flat in the file's size), then a 5-layer
// trace and the laundering patterns over the store they make. STATEMENT_ROWS sets the size
// (default 200,000 rows per format). Files are generated here, as a bank writes them: accounts
// chaining on within minutes, so traces have layers to follow.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { mib, row, runCli } from './measure.mjs';

const HEADER = ['交易卡号', '交易时间', '交易金额', '交易余额', '收付标志', '交易对手账卡号', '对手户名', '摘要说明', '交易流水号'];

function luhn(body) {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return body + String((10 - (sum % 10)) % 10);
}

const card = (k) => luhn(`622202${String(k).padStart(12, '0')}`);

/** Rows of statements of `accounts` accounts: each row a transfer to the next layer within minutes. */
function* rows(n, accounts) {
  let t = Date.UTC(2025, 0, 1);
  let seed = 12345;
  const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let i = 0; i < n; i++) {
    t += Math.floor(rand() * 60_000);
    const from = Math.floor(rand() * accounts);
    const to = (from + 1 + Math.floor(rand() * 50)) % accounts;
    const cents = 100 + Math.floor(rand() * 5_000_000);
    const when = new Date(t + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
    yield [card(from), when, (cents / 100).toFixed(2), '0.00', '出', card(to), '某某', '转账', `S${i}`];
  }
}

function writeCsv(file, n) {
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, iconv.encode(`${HEADER.join(',')}\r\n`, 'gb18030'));
  let chunk = [];
  for (const r of rows(n, Math.max(100, n / 40))) {
    chunk.push(r.map((c, i) => (i === 0 || i === 5 ? `\t${c}` : c)).join(','));
    if (chunk.length === 10_000) {
      fs.writeSync(fd, iconv.encode(`${chunk.join('\r\n')}\r\n`, 'gb18030'));
      chunk = [];
    }
  }
  if (chunk.length > 0) fs.writeSync(fd, iconv.encode(`${chunk.join('\r\n')}\r\n`, 'gb18030'));
  fs.closeSync(fd);
}

async function writeXlsx(file, n) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file });
  const ws = wb.addWorksheet('交易明细');
  ws.addRow(HEADER).commit();
  // Other accounts than the CSV's: the two files are two banks' answers.
  for (const r of rows(n, Math.max(100, n / 40)))
    ws.addRow([`9${r[0].slice(1)}`, ...r.slice(1, 5), `9${r[5].slice(1)}`, ...r.slice(6), `X${r[8]}`]).commit();
  ws.commit();
  await wb.commit();
}

export default async function statementsBench({ workDir }) {
  const n = Number(process.env.STATEMENT_ROWS ?? 200_000);
  console.log('\n## bank statements');
  // rows/s: over the import itself (its elapsedMs: reading, checking, writing and committing the
  // file); wall rows/s also counts the command's start and the unsealing of the store's key
  // (scrypt, about 1 s by design), the same for any size of file.
  row(['rows', 'run', 'wall s', 'rows/s', 'wall rows/s', 'peak RSS', 'result']);
  const csv = path.join(workDir, `statements-${n}.csv`);
  const xlsx = path.join(workDir, `statements-${n}.xlsx`);
  if (!fs.existsSync(csv)) writeCsv(csv, n);
  if (!fs.existsSync(xlsx)) await writeXlsx(xlsx, n);
  const db = path.join(workDir, `statements-${n}.db`);
  for (const f of fs.readdirSync(workDir)) if (f.startsWith(path.basename(db))) fs.rmSync(path.join(workDir, f), { force: true });
  for (const [file, label] of [
    [csv, 'import CSV (GB18030)'],
    [xlsx, 'import xlsx (streamed)'],
  ]) {
    const r = runCli(['import-statements', file, '--db', db, '--json']);
    const s = JSON.parse(r.stdout);
    row([
      n,
      label,
      r.seconds.toFixed(1),
      Math.round(n / (s.elapsedMs / 1000)),
      Math.round(n / r.seconds),
      mib(r.peakRss),
      `new ${s.new}, rejected ${s.rejected}`,
    ]);
  }
  const start = card(7);
  const trace = runCli(['flow', 'trace', '--card', start, '--depth', '5', '--json', '--db', db]);
  const t = JSON.parse(trace.stdout);
  row([
    2 * n,
    'flow trace (5 layers)',
    trace.seconds.toFixed(2),
    '',
    '',
    mib(trace.peakRss),
    `${t.accounts.length} accounts, ${t.edges.length} edges`,
  ]);
  const patterns = runCli(['flow', 'patterns', '--json', '--db', db]);
  row([2 * n, 'flow patterns', patterns.seconds.toFixed(1), '', '', mib(patterns.peakRss), `${JSON.parse(patterns.stdout).length} found`]);
}
