// The printable case summary (summary.pdf, drawn with pdfkit): the series' key figures, the loss
// chart (cumulative loss in the threshold currency against the filing threshold, the crossing
// marked), a picture of the network, the money flow from the bank statements (summary-pdf-flow.ts),
// the notes, and the explanation of every link. Chinese text
// needs a CJK font: Noto Sans CJK from the system's fonts is embedded (subset) when present;
// without it the summary says so and the Chinese text is in reports.csv and reports.ndjson.
// Everything is drawn with vector primitives; the creation date is the bundle's, so the same
// content gives the same bytes.
import fs from 'node:fs';
import { signedBits } from '../../common/evidence-format';
import { centsToDecimal, decimalToCents } from '../../common/money';
import type { SeriesContent } from './collect';
import { describeEvidence } from './collect';
import { flowSection } from './summary-pdf-flow';

const CJK_FONTS: readonly [file: string, postscript: string][] = [
  ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', 'NotoSansCJKsc-Regular'],
  ['/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', 'NotoSansCJKsc-Regular'],
  ['/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', 'NotoSansCJKsc-Regular'],
  ['/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', 'NotoSerifCJKsc-Regular'],
  ['/System/Library/Fonts/PingFang.ttc', 'PingFangSC-Regular'],
  ['C:\\Windows\\Fonts\\msyh.ttc', 'MicrosoftYaHei'],
];

let fontCache: { file: string; postscript: string; data: Buffer } | null | undefined;

function cjkFont(): { file: string; postscript: string; data: Buffer } | null {
  if (fontCache !== undefined) return fontCache;
  fontCache = null;
  for (const [file, postscript] of CJK_FONTS) {
    if (fs.existsSync(file)) {
      fontCache = { file, postscript, data: fs.readFileSync(file) };
      break;
    }
  }
  return fontCache;
}

export interface PdfOptions {
  readonly createdAt: Date;
  readonly bureau: string;
  /** false: uncompressed content streams (tests read the text). */
  readonly compress?: boolean;
}

const PAGE = { w: 595.28, h: 841.89, margin: 50 };

/** Which dates the threshold's window counted. */
function windowBasis(occurred: number, reports: number): string {
  if (occurred >= reports) return `the occurrence dates of all ${reports} reports`;
  if (occurred === 0) return `the report dates of all ${reports} reports: none says when its fraud happened`;
  return `occurrence dates for ${occurred} of ${reports} reports, report dates for the rest`;
}

export async function summaryPdf(s: SeriesContent, options: PdfOptions): Promise<Buffer> {
  // Loaded here, on the first export, not with the module: pdfkit takes about 0.2 s to load, which
  // every CLI command and the backend's start would otherwise pay.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    compress: options.compress ?? true,
    info: {
      Title: `Case summary: ${s.title}`,
      Author: options.bureau,
      Creator: 'Casegraph',
      Producer: 'Casegraph',
      CreationDate: options.createdAt,
      ModDate: options.createdAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const font = cjkFont();
  // Without a CJK font, characters Helvetica cannot show are written as '?'.
  let t = (x: string): string => x;
  if (font) {
    doc.registerFont('body', font.data, font.postscript);
    doc.font('body');
  } else {
    doc.font('Helvetica');
    t = (x) => x.replace(/[^\x20-\x7e\u00a0-\u00ff\n]/g, '?');
  }
  const width = PAGE.w - 2 * PAGE.margin;

  doc.fontSize(18).text(t(`Case summary · 案件摘要`), { width });
  doc.moveDown(0.3).fontSize(13).text(t(s.title), { width });
  doc.moveDown(0.5).fontSize(9).fillColor('#444444');
  doc.text(
    t(`Issued by ${options.bureau} on ${options.createdAt.toISOString()} · series ${s.seriesId}${s.caseId ? ` · case ${s.caseId}` : ''}`),
    { width },
  );
  if (s.redaction === 'victims') {
    doc.text(
      t(
        `Victims' personal data is redacted${s.hashes === 'none' ? ' (no sharing key: plain markers, not matchable across bundles)' : ' (keyed hashes under the agreed sharing key)'}.`,
      ),
      { width },
    );
  }
  if (!font)
    doc
      .fillColor('#aa0000')
      .text(
        'No CJK font was found on the issuing workstation: Chinese text is shown as "?" here; see reports.csv and reports.ndjson for the full text.',
        { width },
      );
  doc.fillColor('#000000').moveDown(0.8);

  // Key figures.
  const first = s.reports[0]?.record.reported_at ?? '';
  const last = s.reports[s.reports.length - 1]?.record.reported_at ?? '';
  const lossText =
    Object.entries(s.loss)
      .map(([cur, amount]) => `${amount} ${cur}`)
      .join(', ') || 'none';
  const categories = new Map<string, number>();
  for (const r of s.reports) categories.set(r.record.category, (categories.get(r.record.category) ?? 0) + 1);
  const figures: [string, string][] = [
    ['Reports 报案数', String(s.reports.length)],
    ['Total loss 损失合计', lossText],
    ['Period 时间范围', `${first} — ${last}`],
    [
      'Filing threshold 立案标准',
      `${centsToDecimal(s.rule.amountCents)} ${s.rule.currency} within ${s.rule.lookbackDays} days of when the frauds happened (${windowBasis(s.occurredReports, s.reports.length)})`,
    ],
    [
      'Over the threshold 是否达到',
      s.crossing
        ? `yes${s.onlyTogether ? ', only together (no report reaches it alone)' : ''}, with report ${s.crossing.report} (${new Date(s.crossing.atMs).toISOString()})`
        : 'no',
    ],
    ['Links 关联', String(s.links.length)],
    [
      'Scam types 诈骗类型',
      [...categories.entries()]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .map(([c, n]) => `${c} ${n}`)
        .join(', '),
    ],
  ];
  doc.fontSize(10);
  for (const [label, value] of figures) {
    const y = doc.y;
    doc.fillColor('#444444').text(t(label), PAGE.margin, y, { width: 150 });
    doc.fillColor('#000000').text(t(value), PAGE.margin + 155, y, { width: width - 155 });
    doc.moveDown(0.2);
  }

  doc.moveDown(0.8).fontSize(12).text(t('Cumulative loss 累计损失'), PAGE.margin, doc.y);
  lossChart(doc, s, PAGE.margin, doc.y + 6, width, 200, t);

  doc.addPage();
  doc.fontSize(12).text(t('Network 关系图'), { width });
  networkPicture(doc, s, PAGE.margin, doc.y + 6, width, width);
  flowSection(doc, s.flow, PAGE.margin, width, t);

  doc.addPage();
  doc.fontSize(12).text(t('Notes 备注'), { width });
  doc.fontSize(9).moveDown(0.3);
  if (s.notes.length === 0) doc.text(t('No notes.'), { width });
  for (const n of s.notes) {
    doc.fillColor('#444444').text(t(`${n.at} · ${n.author} (${n.scope})`), { width });
    doc.fillColor('#000000').text(t(n.text), { width }).moveDown(0.4);
  }

  doc.moveDown(0.8).fontSize(12).text(t('Why these reports are linked 关联依据'), { width });
  doc.fontSize(8).moveDown(0.3);
  if (s.links.length === 0) doc.text(t('No links.'), { width });
  for (const l of s.links) {
    doc.text(t(`${l.a} — ${l.b}: ${signedBits(l.weight)} bits; ${l.evidence.map(describeEvidence).join('; ')}`), { width });
  }
  doc.end();
  return done;
}

function lossChart(doc: PDFKit.PDFDocument, s: SeriesContent, x: number, y: number, w: number, h: number, t: (x: string) => string): void {
  // On the threshold window's time line: when each fraud happened, else when it was reported.
  const points: { id: string; ms: number; cents: number }[] = [];
  let sum = 0;
  const counted = s.reports
    .filter((r) => r.record.loss?.currency === s.rule.currency)
    .map((r) => ({ id: r.record.id, ms: r.occurredMs ?? r.reportedMs, record: r.record }));
  counted.sort((a, b) => a.ms - b.ms || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const r of counted) {
    sum += decimalToCents((r.record.loss as { amount: string }).amount) ?? 0;
    points.push({ id: r.id, ms: r.ms, cents: sum });
  }
  const left = x + 60;
  const bottom = y + h - 20;
  const plotW = w - 70;
  const plotH = h - 30;
  doc
    .save()
    .lineWidth(0.5)
    .strokeColor('#888888')
    .moveTo(left, y)
    .lineTo(left, bottom)
    .lineTo(left + plotW, bottom)
    .stroke()
    .restore();
  const maxCents = Math.max(sum, s.rule.amountCents) * 1.1 || 1;
  const minMs = points[0]?.ms ?? 0;
  const spanMs = Math.max(1, (points[points.length - 1]?.ms ?? 1) - minMs);
  const px = (ms: number): number => left + ((ms - minMs) / spanMs) * plotW;
  const py = (cents: number): number => bottom - (cents / maxCents) * plotH;
  doc.fontSize(7).fillColor('#444444');
  doc.text(t(`${centsToDecimal(Math.round(maxCents))} ${s.rule.currency}`), x, y - 3, { width: 58, align: 'right' });
  doc.text(t(`0 ${s.rule.currency}`), x, bottom - 4, { width: 58, align: 'right' });
  if (points.length > 0) {
    doc.text(new Date(minMs).toISOString().slice(0, 10), left, bottom + 4, { width: 80 });
    doc.text(new Date(minMs + spanMs).toISOString().slice(0, 10), left + plotW - 80, bottom + 4, { width: 80, align: 'right' });
  }
  // Threshold line.
  const ty = py(s.rule.amountCents);
  doc
    .save()
    .lineWidth(1)
    .strokeColor('#cc3333')
    .dash(4, { space: 3 })
    .moveTo(left, ty)
    .lineTo(left + plotW, ty)
    .stroke()
    .undash()
    .restore();
  doc.fillColor('#cc3333').text(t(`threshold ${centsToDecimal(s.rule.amountCents)} ${s.rule.currency}`), left + plotW - 200, ty - 10, {
    width: 200,
    align: 'right',
  });
  // Cumulative loss as a step line.
  if (points.length > 0) {
    doc.save().lineWidth(1.2).strokeColor('#1f5fa8');
    doc.moveTo(px(minMs), py(0));
    let prev = 0;
    for (const p of points) {
      doc.lineTo(px(p.ms), py(prev)).lineTo(px(p.ms), py(p.cents));
      prev = p.cents;
    }
    doc.stroke().restore();
  }
  if (s.crossing) {
    const at = points.find((p) => p.id === (s.crossing as { report: string }).report) ?? points[points.length - 1];
    if (at) {
      doc.save().lineWidth(1.5).strokeColor('#cc3333').circle(px(at.ms), py(at.cents), 4).stroke().restore();
      doc
        .fillColor('#cc3333')
        .text(t(`crossed with ${s.crossing.report}`), Math.min(px(at.ms) + 6, left + plotW - 150), Math.max(y, py(at.cents) - 16), {
          width: 150,
        });
    }
  }
  doc.fillColor('#000000');
  doc.x = x;
  doc.y = y + h + 10;
}

/** Reports as dots placed by a small deterministic force layout; links as lines, strong ones darker. */
function networkPicture(doc: PDFKit.PDFDocument, s: SeriesContent, x: number, y: number, w: number, h: number): void {
  const n = s.reports.length;
  const index = new Map(s.reports.map((r, i) => [r.record.id, i]));
  const edges = s.links.map((l) => [index.get(l.a) as number, index.get(l.b) as number, l.strong] as const);
  const px = new Float64Array(n);
  const py = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / Math.max(1, n);
    px[i] = Math.cos(a);
    py[i] = Math.sin(a);
  }
  const iterations = n <= 2000 ? 40 : 0;
  const k = 1 / Math.sqrt(Math.max(1, n));
  for (let it = 0; it < iterations; it++) {
    const dx = new Float64Array(n);
    const dy = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const ddx = (px[i] as number) - (px[j] as number);
        const ddy = (py[i] as number) - (py[j] as number);
        const d2 = ddx * ddx + ddy * ddy + 1e-9;
        const f = (k * k) / d2;
        dx[i]! += ddx * f;
        dy[i]! += ddy * f;
        dx[j]! -= ddx * f;
        dy[j]! -= ddy * f;
      }
    }
    for (const [a, b] of edges) {
      const ddx = (px[a] as number) - (px[b] as number);
      const ddy = (py[a] as number) - (py[b] as number);
      const d = Math.sqrt(ddx * ddx + ddy * ddy) + 1e-9;
      const f = d / k;
      dx[a]! -= (ddx / d) * f * 0.1;
      dy[a]! -= (ddy / d) * f * 0.1;
      dx[b]! += (ddx / d) * f * 0.1;
      dy[b]! += (ddy / d) * f * 0.1;
    }
    const step = 0.1 * (1 - it / iterations);
    for (let i = 0; i < n; i++) {
      const len = Math.sqrt((dx[i] as number) ** 2 + (dy[i] as number) ** 2) + 1e-9;
      px[i]! += ((dx[i] as number) / len) * Math.min(len, step);
      py[i]! += ((dy[i] as number) / len) * Math.min(len, step);
    }
  }
  let minX = Infinity,
    maxX = -Infinity,
    minY = Infinity,
    maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    minX = Math.min(minX, px[i] as number);
    maxX = Math.max(maxX, px[i] as number);
    minY = Math.min(minY, py[i] as number);
    maxY = Math.max(maxY, py[i] as number);
  }
  const sx = (v: number): number => x + 10 + ((v - minX) / (maxX - minX || 1)) * (w - 20);
  const sy = (v: number): number => y + 10 + ((v - minY) / (maxY - minY || 1)) * (h - 20);
  doc.save().lineWidth(0.5).strokeColor('#cccccc').rect(x, y, w, h).stroke();
  for (const [a, b, strong] of edges) {
    doc
      .lineWidth(strong ? 0.8 : 0.4)
      .strokeColor(strong ? '#555555' : '#aaaaaa')
      .moveTo(sx(px[a] as number), sy(py[a] as number))
      .lineTo(sx(px[b] as number), sy(py[b] as number))
      .stroke();
  }
  const radius = n > 300 ? 1.5 : 3;
  for (let i = 0; i < n; i++) {
    const r = s.reports[i];
    const crossing = r !== undefined && s.crossing?.report === r.record.id;
    doc
      .fillColor(crossing ? '#cc3333' : '#1f5fa8')
      .circle(sx(px[i] as number), sy(py[i] as number), crossing ? radius * 2 : radius)
      .fill();
  }
  doc.restore();
  doc.fillColor('#000000');
  doc.x = x;
  doc.y = y + h + 10;
}
