// Case bundle benchmark: one series of 1,000 reports (demo reports of one scam type chained by
// fraudster phones, each phone shared by two neighbours), exported plain and redacted, verified,
// and imported into a fresh store (with the incremental link the import runs). Prints wall time,
// peak RSS and the bundle's size. All through the built CLI.
import fs from 'node:fs';
import path from 'node:path';
import { mib, row, runCli } from './measure.mjs';

const SERIES_REPORTS = 1000;

function chainedSeries(workDir) {
  const demo = path.join(workDir, `bundle-demo-${SERIES_REPORTS}.ndjson`);
  if (!fs.existsSync(demo)) runCli(['demo', '--reports', String(SERIES_REPORTS * 2), '--seed', '42', '--out', demo]);
  const seen = new Set();
  const out = [];
  for (const line of fs.readFileSync(demo, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line);
    if (r.deleted || seen.has(r.id) || out.length >= SERIES_REPORTS) continue;
    seen.add(r.id);
    const i = out.length;
    const phone = (k) => `139${String(k).padStart(8, '0')}`;
    out.push({
      ...r,
      id: `BUNDLE-${i}`,
      version: 1,
      category: 'part_time_job',
      identifiers: [
        ...(r.identifiers ?? []),
        { kind: 'phone', value: phone(i), role: 'contact' },
        { kind: 'phone', value: phone(i + 1), role: 'contact' },
      ],
    });
  }
  const file = path.join(workDir, `bundle-series-${SERIES_REPORTS}.ndjson`);
  fs.writeFileSync(file, out.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return file;
}

export default async function bundleBench({ workDir }) {
  console.log(`\n## case bundle (one series of ${SERIES_REPORTS} reports)`);
  const input = chainedSeries(workDir);
  const issuer = path.join(workDir, 'bundle-issuer', 'issuer.db');
  fs.rmSync(path.dirname(issuer), { recursive: true, force: true });
  fs.mkdirSync(path.dirname(issuer), { recursive: true });
  runCli(['import', input, '--db', issuer]);
  runCli(['link', '--full', '--db', issuer]);
  const series = JSON.parse(runCli(['series', '--json', '--db', issuer]).stdout);
  const top = series[0];
  row(['step', 'reports', 'wall s', 'peak RSS', 'bundle size']);
  for (const redact of [false, true]) {
    const file = path.join(workDir, `bundle-${redact ? 'redacted' : 'plain'}.casebundle`);
    const e = runCli(['export', top.id, '--out', file, '--db', issuer, ...(redact ? ['--redact'] : [])]);
    const size = fs.statSync(file).size;
    row([
      `export${redact ? ' --redact' : ''}`,
      top.reports.length,
      e.seconds.toFixed(2),
      mib(e.peakRss),
      `${(size / 1024).toFixed(0)} KiB`,
    ]);
    const v = runCli(['verify', file, '--db', issuer]);
    row(['verify', top.reports.length, v.seconds.toFixed(2), mib(v.peakRss), '']);
    const receiver = path.join(workDir, `bundle-receiver-${redact ? 'r' : 'p'}`, 'receiver.db');
    fs.rmSync(path.dirname(receiver), { recursive: true, force: true });
    fs.mkdirSync(path.dirname(receiver), { recursive: true });
    const i = runCli(['import-bundle', file, '--db', receiver, '--json']);
    const summary = JSON.parse(i.stdout.trim().split('\n').pop());
    row(['import-bundle + link', summary.new, i.seconds.toFixed(2), mib(i.peakRss), '']);
  }
}
