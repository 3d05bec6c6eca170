// The money flow page of summary.pdf: a series whose payee card the bank statements carry (six
// victims paying in, the card passing the money on to a mule account within minutes, that one to a
// second, both withdrawing cash, a little coming back to the card) gets the key figures, the
// accounts, the patterns and the layers, with the amounts collectFlow returns for the series;
// redacted, the page names no victim's ID number, phone, card or name and keeps the mules'
// holders; without statements it says there are none; the same content gives the same bytes.
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { centsToDecimal } from '../../../src/common/money';
import { collectSeries } from '../../../src/core/bundle/collect';
import { collectFlow } from '../../../src/core/bundle/flow-content';
import { readBundleEntries } from '../../../src/core/bundle/read-bundle';
import { summaryPdf } from '../../../src/core/bundle/summary-pdf';
import { writeBundle } from '../../../src/core/bundle/write-bundle';
import { importStatements } from '../../../src/core/statements/import-statements';
import type { Db } from '../../../src/core/store/db';
import { linkedStore, type Fixture } from './fixture';
import { pdfText } from './pdf-text';

const MULE = '6228480402564890018';
const MULE_HOLDER = '赵某某';
const MULE_ID = '440305199203034411';
const MULE2 = '6228480402564890026';
const MULE2_HOLDER = '钱某';
const VICTIMS = Array.from({ length: 6 }, (_, k) => ({
  card: `62220200000000${String(1001 + k)}`,
  name: `被害人${'一二三四五六'[k] as string}`,
  id: `11010119800101${String(2001 + k)}`,
  phone: `1390000${String(1001 + k)}`,
}));

/** The series' payee card: a bank card its reports name that is not a victim's or payer's own. */
function payeeCard(db: Db, seriesId: string): string {
  return db
    .prepare(
      `SELECT i.value FROM series_member m JOIN identifier i ON i.rid = m.rid WHERE m.series_id = ? AND i.kind = 'bank_card'
       AND coalesce(i.role, '') NOT IN ('payer', 'victim') ORDER BY i.value LIMIT 1`,
    )
    .pluck()
    .get(seriesId) as string;
}

/** One workbook: the payee card's statement and the mule's, with the holders' sheet. */
async function statementFile(dir: string, card: string): Promise<string> {
  const file = path.join(dir, 'bank-answer.xlsx');
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('交易明细');
  sheet.addRow(['交易卡号', '交易户名', '交易时间', '交易金额', '收付标志', '交易对手账卡号', '对手户名', '对手身份证号', '摘要说明']);
  VICTIMS.forEach((v, k) => sheet.addRow([card, '孙某', `2025-04-02 09:0${k}:00`, '2000.00', '进', v.card, v.name, v.id, '转账']));
  sheet.addRow([card, '孙某', '2025-04-02 09:20:00', '11500.00', '出', MULE, MULE_HOLDER, MULE_ID, '转账']);
  sheet.addRow([MULE, MULE_HOLDER, '2025-04-02 09:20:00', '11500.00', '进', card, '孙某', '', '转账']);
  sheet.addRow([MULE, MULE_HOLDER, '2025-04-02 09:30:00', '6000.00', '出', MULE2, MULE2_HOLDER, '', '转账']);
  sheet.addRow([MULE, MULE_HOLDER, '2025-04-02 09:40:00', '5000.00', '出', '', '', '', 'ATM取款']);
  sheet.addRow([MULE2, MULE2_HOLDER, '2025-04-02 09:30:00', '6000.00', '进', MULE, MULE_HOLDER, MULE_ID, '转账']);
  sheet.addRow([MULE2, MULE2_HOLDER, '2025-04-02 09:50:00', '5900.00', '出', '', '', '', 'ATM取款']);
  sheet.addRow([MULE2, MULE2_HOLDER, '2025-04-02 09:55:00', '100.00', '出', card, '孙某', '', '转账']);
  const holders = wb.addWorksheet('账户信息');
  holders.addRow(['账号', '客户名称', '证件号码', '联系电话']);
  holders.addRow([MULE, MULE_HOLDER, MULE_ID, '13500002222']);
  for (const v of VICTIMS) holders.addRow([v.card, v.name, v.id, v.phone]);
  await wb.xlsx.writeFile(file);
  return file;
}

async function exportedPdfText(f: Fixture, redact: boolean, name: string): Promise<string> {
  const out = path.join(f.dir, name);
  await writeBundle(f.db, {
    seriesId: f.seriesId,
    redact,
    sharingKey: redact ? 'agreed-key-of-both-bureaus' : null,
    identity: f.identity,
    bureau: '鼓楼分局',
    out,
    compressPdf: false,
  });
  const entries = await readBundleEntries(out);
  return pdfText(entries.get('summary.pdf') as Buffer).replace(/\s+/g, ' ');
}

describe('the money flow in summary.pdf', () => {
  it('shows the figures, accounts, patterns and layers of the series’ flow, as collectFlow returns them', async () => {
    const f = await linkedStore();
    const before = await exportedPdfText(f, false, 'before.casebundle');
    expect(before).toContain("Money flow 资金流向 No bank statements name this series' cards.");

    const card = payeeCard(f.db, f.seriesId);
    const r = await importStatements(f.db, [await statementFile(f.dir, card)]);
    expect(r.rejected).toBe(0);
    const flow = collectFlow(f.db, f.seriesId, null);
    expect(flow).not.toBeNull();
    const text = await exportedPdfText(f, false, 'flow.casebundle');
    expect(text).not.toContain('No bank statements name');

    // The figures, from collectFlow's accounts and transactions.
    const accounts = flow!.accounts;
    const victims = accounts.filter((a) => a.role === 'victim');
    const traced = accounts.filter((a) => a.role !== 'victim');
    const paidIn = victims.reduce((s, a) => s + a.sentCents, 0);
    const cash = accounts.reduce((s, a) => s + a.cashOutCents, 0);
    const moved = flow!.transactions.reduce((s, x) => s + x.amountCents, 0);
    expect([victims.length, traced.length, flow!.transactions.length]).toEqual([6, 3, 11]);
    expect([paidIn, cash, moved]).toEqual([1_200_000, 1_090_000, 1_200_000 + 1_760_000 + 1_090_000]);
    expect(text).toContain(`Cards the reports name 涉案卡 1: ${card}`);
    expect(text).toContain(
      `Accounts 账户数 ${traced.length} traced (1 card, 2 mule accounts over 2 layers); ${victims.length} paying in from outside`,
    );
    expect(text).toContain(`Transactions 交易笔数 ${flow!.transactions.length} (2025-04-02T01:00:00Z — 2025-04-02T01:55:00Z)`);
    expect(text).toContain(`Paid in from outside 流入 ${centsToDecimal(paidIn)} CNY`);
    expect(text).toContain('Between traced accounts 层间转账 17600.00 CNY');
    expect(text).toContain(`Cash withdrawn 取现 ${centsToDecimal(cash)} CNY`);
    expect(text).toContain(`All money moved 交易总额 ${centsToDecimal(moved)} CNY`);

    // The accounts table: each traced account with what collectFlow says it received, sent and withdrew.
    for (const a of traced) {
      const role = `${a.role} · layer ${a.layer} · ${a.cashOutCents > 0 ? 'cash-out' : 'transit'}`;
      expect(text).toContain(
        [a.account, a.holder ?? '', role, centsToDecimal(a.receivedCents), centsToDecimal(a.sentCents), centsToDecimal(a.cashOutCents)]
          .filter((c) => c !== '')
          .join(' '),
      );
    }
    expect(text).toContain(`${card} 孙某 card · layer 0 · transit 12100.00 11500.00 0.00`);
    expect(text).toContain(`${MULE} ${MULE_HOLDER} mule · layer 1 · cash-out 11500.00 6000.00 5000.00`);
    expect(text).toContain(`${MULE2} ${MULE2_HOLDER} mule · layer 2 · cash-out 6000.00 100.00 5900.00`);

    // The patterns: the victims into the card, each account passing the money on within minutes, the loop back, the cash.
    expect(text).toContain(
      `Fast in, fast out 快进快出 · ${card}: in 2000.00 at 2025-04-02T01:00:00Z, out 11500.00 within 20 min (ratio 5.75)`,
    );
    expect(text).toContain(
      `Fast in, fast out 快进快出 · ${MULE}: in 11500.00 at 2025-04-02T01:20:00Z, out 11000.00 within 20 min (ratio 0.96)`,
    );
    expect(text).toContain(
      `Fast in, fast out 快进快出 · ${MULE2}: in 6000.00 at 2025-04-02T01:30:00Z, out 6000.00 within 25 min (ratio 1.00)`,
    );
    expect(text).toContain(`Fan-in 多进一 · ${card}: from 7 accounts within 7 days (from 2025-04-02T01:00:00Z), 12100.00 in all`);
    expect(text).toContain(
      `Loop 回流 · ${card}: ${card} → ${MULE} → ${MULE2} → ${card}, 11500.00 out, 100.00 back by 2025-04-02T01:55:00Z`,
    );
    expect(text).toContain(`Cash-out 取现 · ${MULE}: 1 cash withdrawals, 5000.00 in all, the last at 2025-04-02T01:40:00Z`);
    expect(text).toContain(`Cash-out 取现 · ${MULE2}: 1 cash withdrawals, 5900.00 in all, the last at 2025-04-02T01:50:00Z`);

    // The layers: the boxes' sums and what passed between them.
    expect(text).toContain('Paid in 流入 6 accounts 12000.00 CNY');
    expect(text).toContain('Layer 0 · cards 1 account in 12100.00 CNY');
    expect(text).toContain('Layer 1 1 account in 11500.00 CNY cash 5000.00 CNY');
    expect(text).toContain('Layer 2 1 account in 6000.00 CNY cash 5900.00 CNY');
    expect(text).toContain(`Cash out 取现 ${centsToDecimal(cash)} CNY`);
    expect(text).toContain('paid in → layer 0: 12000.00 CNY; layer 0 → layer 1: 11500.00 CNY; layer 1 → layer 2: 6000.00 CNY');
    expect(text).toContain('1 transfers go back to an earlier layer or skip one: 100.00 CNY');

    // Redacted: the same figures, no victim's ID number, phone, card or name; the mules' holders stay.
    const redacted = await exportedPdfText(f, true, 'redacted.casebundle');
    for (const v of VICTIMS) for (const secret of [v.id, v.phone, v.card, v.name]) expect(redacted, secret).not.toContain(secret);
    expect(redacted).toContain(`Paid in from outside 流入 ${centsToDecimal(paidIn)} CNY`);
    expect(redacted).toContain(`${MULE} ${MULE_HOLDER} mule · layer 1 · cash-out 11500.00 6000.00 5000.00`);
    expect(redacted).toContain(`${MULE2} ${MULE2_HOLDER} mule · layer 2 · cash-out 6000.00 100.00 5900.00`);
    expect(redacted).toContain(`Fan-in 多进一 · ${card}: from 7 accounts`);
    // Nor the keyed hashes that stand for the victims' names, ID numbers and phones in flow/accounts.csv.
    const content = collectSeries(f.db, { seriesId: f.seriesId, redact: true, sharingKey: 'agreed-key-of-both-bureaus' });
    const hidden = content.flow!.accounts.filter((a) => a.role === 'victim').flatMap((a) => [a.holder, a.idNumber, a.phone]);
    expect(hidden).toHaveLength(18);
    for (const h of hidden) {
      expect(h).toMatch(/^hmac-sha256:[0-9a-f]{64}$/);
      expect(redacted).not.toContain((h as string).slice(12, 36));
    }

    // The same content gives the same bytes.
    const options = { createdAt: new Date('2025-06-01T00:00:00Z'), bureau: '鼓楼分局' };
    expect((await summaryPdf(content, options)).equals(await summaryPdf(content, options))).toBe(true);
    f.db.close();
  }, 120_000);
});
