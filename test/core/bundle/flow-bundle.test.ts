// A series' money flow in its case bundle: the statements of its payee card (victims paying in,
// a mule account paying on, ATM cash) exported as flow/accounts.csv, flow/transactions.csv and
// flow/flow.graphml, checked with openssl, sha256sum and networkx, imported into a second store
// whose series shows the same figures; redacted, the victims' ID numbers and phones are gone
// (keyed hashes) and the mules' holders stay; a flow table that does not hold together rejects the
// bundle whole.
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { BundleRejectedError, importBundle } from '../../../src/core/bundle/import-bundle';
import { readBundleEntries } from '../../../src/core/bundle/read-bundle';
import { verifyBundleFile } from '../../../src/core/bundle/verify';
import { writeBundle } from '../../../src/core/bundle/write-bundle';
import { linkStore } from '../../../src/core/linking/store-io';
import { importStatements } from '../../../src/core/statements/import-statements';
import { seriesFlow } from '../../../src/core/statements/series-flow';
import { openStore, type Db } from '../../../src/core/store/db';
import { pythonWith } from '../../support/python';
import { tempDir } from '../../support/tmp';
import { linkedStore, snapshot } from './fixture';
import { resign, zipOf } from './zip-craft';

const MULE = '6217003141592653589';
const VICTIMS = [
  { card: '6222023141592600011', name: '受害人甲', id: '320101199505051234', phone: '13912345678' },
  { card: '6222023141592600029', name: '受害人乙', id: '32010219880808432X', phone: '13787654321' },
];
const MULE_ID = '450102199001015678';
const MULE_PHONE = '13600001111';

function payeeCard(db: Db, seriesId: string): string {
  return db
    .prepare(
      `SELECT i.value FROM series_member m JOIN identifier i ON i.rid = m.rid WHERE m.series_id = ? AND i.kind = 'bank_card'
       AND coalesce(i.role, '') NOT IN ('payer', 'victim') ORDER BY i.value LIMIT 1`,
    )
    .pluck()
    .get(seriesId) as string;
}

async function statements(dir: string, card: string): Promise<string[]> {
  const file = path.join(dir, 'answer.xlsx');
  const wb = new ExcelJS.Workbook();
  const tx = wb.addWorksheet('交易明细');
  tx.addRow([
    '交易卡号',
    '交易户名',
    '开户人证件号码',
    '交易时间',
    '交易金额',
    '收付标志',
    '交易对手账卡号',
    '对手户名',
    '对手身份证号',
    '摘要说明',
    'IP地址',
    'MAC地址',
  ]);
  VICTIMS.forEach((v, k) =>
    tx.addRow([card, '刘某', '', `2025-03-01 10:0${k}:00`, '3000.00', '进', v.card, v.name, v.id, '转账', '58.20.1.1', '']),
  );
  tx.addRow([card, '刘某', '', '2025-03-01 10:05:00', '5800.00', '出', MULE, '陈某', MULE_ID, '转账', '36.112.10.5', '00-1A-2B-3C-4D-5E']);
  tx.addRow([MULE, '陈某', MULE_ID, '2025-03-01 10:05:00', '5800.00', '进', card, '刘某', '', '转账', '', '']);
  tx.addRow([MULE, '陈某', MULE_ID, '2025-03-01 11:00:00', '5000.00', '出', '', '', '', 'ATM取款', '', '']);
  // A victim's own statement was read too: their phone comes with its holder sheet.
  tx.addRow([VICTIMS[0]!.card, VICTIMS[0]!.name, VICTIMS[0]!.id, '2025-03-01 10:00:00', '3000.00', '出', card, '刘某', '', '转账', '', '']);
  const holders = wb.addWorksheet('账户信息');
  holders.addRow(['账号', '客户名称', '证件号码', '联系电话']);
  holders.addRow([MULE, '陈某', MULE_ID, MULE_PHONE]);
  for (const v of VICTIMS) holders.addRow([v.card, v.name, v.id, v.phone]);
  await wb.xlsx.writeFile(file);
  return [file];
}

function figures(db: Db, seriesId: string) {
  const f = seriesFlow(db, seriesId);
  return {
    totals: f.totals,
    accounts: f.accounts.map((a) => [a.account, a.layer, a.received, a.sent, a.cashOut, a.holder]),
    edges: f.edges,
  };
}

describe('the money flow in case bundles', () => {
  it('exports the flow checked by third-party tools and imports it into a second store with the same figures', async () => {
    const f = await linkedStore();
    const card = payeeCard(f.db, f.seriesId);
    const r = await importStatements(f.db, await statements(f.dir, card));
    expect(r.rejected).toBe(0);
    const before = figures(f.db, f.seriesId);
    expect(before.totals).toEqual({ entered: '6000.00', cashOut: '5000.00', retained: '1000.00', beyond: '0.00' });

    const out = path.join(f.dir, 'flow.casebundle');
    const w = await writeBundle(f.db, {
      seriesId: f.seriesId,
      redact: false,
      sharingKey: null,
      identity: f.identity,
      bureau: '玄武分局',
      out,
    });
    expect(w.manifest.counts).toMatchObject({ flow_accounts: 4, flow_transactions: 4 });
    const entries = await readBundleEntries(out);
    const x = path.join(f.dir, 'x');
    fs.mkdirSync(path.join(x, 'flow'), { recursive: true });
    for (const [name, data] of entries) fs.writeFileSync(path.join(x, name), data);
    execFileSync(
      'openssl',
      ['pkeyutl', '-verify', '-pubin', '-inkey', 'signer.pem', '-rawin', '-in', 'manifest.json', '-sigfile', 'manifest.sig'],
      {
        cwd: x,
      },
    );
    const listed = w.manifest.entries.map((e) => e.path);
    expect(listed).toEqual(expect.arrayContaining(['flow/accounts.csv', 'flow/transactions.csv', 'flow/flow.graphml']));
    const sums = execFileSync('sha256sum', listed, { cwd: x, encoding: 'utf8' });
    for (const e of w.manifest.entries) expect(sums).toContain(`${e.sha256}  ${e.path}`);
    const accountsCsv = entries.get('flow/accounts.csv')!.toString('utf8');
    expect(accountsCsv.split('\r\n')[0]).toBe(
      '\ufeffaccount_kind,account,role,layer,holder,id_number,phone,bank,requested,received,sent,cash_out',
    );
    expect(accountsCsv).toContain(`bank_card,${MULE},mule,1,陈某,${MULE_ID},${MULE_PHONE},`);
    expect(accountsCsv).toContain(`bank_card,${VICTIMS[1]!.card},victim,,受害人乙,${VICTIMS[1]!.id},${VICTIMS[1]!.phone},`);

    const nx = execFileSync(
      pythonWith('networkx'),
      [
        '-c',
        `import networkx as nx, sys
g = nx.read_graphml(sys.argv[1])
assert g.is_directed()
roles = sorted(d.get('role', d['type']) for _, d in g.nodes(data=True))
cash = sum(d['amount'] for _, t, d in g.edges(data=True) if t == 'cash')
into = sum(d['amount'] for s, t, d in g.edges(data=True) if g.nodes[s].get('role') == 'victim')
print(' '.join(roles), cash, into, sum(d['count'] for _, _, d in g.edges(data=True)))`,
        path.join(x, 'flow', 'flow.graphml'),
      ],
      { encoding: 'utf8' },
    );
    expect(nx.trim()).toBe('card cash mule victim victim 5000.0 6000.0 4');

    // The receiving bureau: the reports and the flow in one import, the series' money flow the same.
    const fresh = openStore(path.join(tempDir(), 'receiver.db'));
    const summary = await importBundle(fresh, out);
    expect(summary.flow).toEqual({ accounts: 4, transactions: 4, new: 4, duplicates: 0 });
    linkStore(fresh, {});
    const series = fresh.prepare('SELECT DISTINCT series_id FROM series_member').pluck().all() as string[];
    expect(series).toHaveLength(1);
    expect(figures(fresh, series[0]!)).toEqual(before);
    // Its own copy of the same statements later is the same transactions, not new ones.
    const again = await importStatements(fresh, await statements(tempDir(), card));
    expect(again.new).toBe(0);
    expect(figures(fresh, series[0]!)).toEqual(before);
    fresh.close();
    f.db.close();
  }, 120_000);

  it('redacts the victims’ ID numbers and phones as keyed hashes, keeps the mules’ holders, and rejects a flow that does not hold together', async () => {
    const f = await linkedStore();
    const card = payeeCard(f.db, f.seriesId);
    await importStatements(f.db, await statements(f.dir, card));
    const key = 'shared-secret-of-two-bureaus';
    const out = path.join(f.dir, 'redacted.casebundle');
    await writeBundle(f.db, {
      seriesId: f.seriesId,
      redact: true,
      sharingKey: key,
      identity: f.identity,
      bureau: '玄武分局',
      out,
      compressPdf: false,
    });
    const entries = await readBundleEntries(out);
    const all = Buffer.concat([...entries.values()]);
    for (const v of VICTIMS)
      for (const secret of [v.id, v.phone, v.card, v.name]) expect(all.includes(Buffer.from(secret)), secret).toBe(false);
    const accountsCsv = entries.get('flow/accounts.csv')!.toString('utf8');
    expect(accountsCsv).toContain(`${MULE},mule,1,陈某,${MULE_ID},${MULE_PHONE}`);
    const hmac = (kind: string, value: string): string =>
      `hmac-sha256:${crypto.createHmac('sha256', key).update(`${kind}:${value}`).digest('hex')}`;
    expect(accountsCsv).toContain(
      `redacted,${hmac('card', VICTIMS[0]!.card)},victim,,${hmac('name', VICTIMS[0]!.name)},${hmac('id_number', VICTIMS[0]!.id)},${hmac('phone', `+86${VICTIMS[0]!.phone}`)}`,
    );
    // The victims' devices are not carried; the mule card's is.
    const txns = entries.get('flow/transactions.csv')!.toString('utf8');
    expect(txns).not.toContain('58.20.1.1');
    expect(txns).toContain('00:1A:2B:3C:4D:5E');

    // Imported, the redacted flow still adds up.
    const receiver = openStore(path.join(tempDir(), 'receiver.db'));
    await importBundle(receiver, out);
    linkStore(receiver, {});
    const s = receiver.prepare('SELECT DISTINCT series_id FROM series_member').pluck().get() as string;
    expect(seriesFlow(receiver, s).totals).toEqual(seriesFlow(f.db, f.seriesId).totals);

    // A transaction naming an account accounts.csv lacks, signed anew: rejected whole, nothing stored.
    const bad = new Map(entries);
    bad.set('flow/transactions.csv', Buffer.from(txns.replace(MULE, '6217009999999999999'), 'utf8'));
    const forged = path.join(f.dir, 'forged.casebundle');
    fs.writeFileSync(forged, zipOf(resign(bad, f.identity.privateKey)));
    expect((await verifyBundleFile(null, forged)).check.problems.join('; ')).toMatch(
      /flow\/transactions\.csv line \d+: the (from|to) account is not in flow\/accounts\.csv/,
    );
    const other = openStore(path.join(tempDir(), 'other.db'));
    const snap = snapshot(other);
    const count = (): unknown =>
      other.prepare('SELECT (SELECT count(*) FROM flow_txn) + (SELECT count(*) FROM flow_account)').pluck().get();
    await expect(importBundle(other, forged)).rejects.toBeInstanceOf(BundleRejectedError);
    expect(snapshot(other)).toBe(snap);
    expect(count()).toBe(0);
    // Counts that differ from the tables, and flow entries without their counts, are refused too.
    const miscounted = path.join(f.dir, 'miscounted.casebundle');
    fs.writeFileSync(
      miscounted,
      zipOf(resign(new Map(entries), f.identity.privateKey, (m) => ((m['counts'] as Record<string, number>)['flow_transactions'] = 9))),
    );
    expect((await verifyBundleFile(null, miscounted)).check.problems.join('; ')).toMatch(/has 4 transactions, the manifest says 9/);
    const dropped = new Map(entries);
    dropped.delete('flow/flow.graphml');
    const partial = path.join(f.dir, 'partial.casebundle');
    fs.writeFileSync(partial, zipOf(resign(dropped, f.identity.privateKey)));
    expect((await verifyBundleFile(null, partial)).check.problems.join('; ')).toMatch(/money flow is incomplete/);
    other.close();
    receiver.close();
    f.db.close();
  }, 120_000);
});
