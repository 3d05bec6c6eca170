import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles, ImportError } from '../../../src/core/import/import-files';
import { queryReports, getReport } from '../../../src/core/report/queries';
import { openStore, type Db } from '../../../src/core/store/db';
import { tempDir, writeFile } from '../../support/tmp';

function report(id: string, version: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    version,
    precinct: 'NJ-XUANWU',
    reported_at: '2024-03-05T10:00:00+08:00',
    category: 'part_time_job',
    loss: { amount: '1200.00', currency: 'CNY' },
    narrative: '对方在QQ群里招聘刷单兼职，先返利后要求垫付，共被骗1200元。',
    messages: [{ channel: 'sms', sender: '10690000123', text: '【兼职】日结300元，加微信 shuadan_888 了解，或致电 138-0013-8000' }],
    identifiers: [
      { kind: 'phone', value: '+86 138-0013-8000', role: 'contact' },
      { kind: 'bank_card', value: '6222 0212 3456 7890 128', role: 'payee' },
    ],
    ...extra,
  };
}

const ndjson = (records: readonly unknown[]): string => records.map((r) => JSON.stringify(r)).join('\n') + '\n';

function store(): { db: Db; dir: string } {
  const dir = tempDir();
  return { db: openStore(path.join(dir, 'store.db')), dir };
}

const count = (db: Db, sql: string): number => (db.prepare(sql).get() as { n: number }).n;

describe('import NDJSON', () => {
  it('stores valid records with raw and normalised identifiers, messages and every version', async () => {
    const { db, dir } = store();
    const file = writeFile(
      dir,
      'a.ndjson',
      ndjson([report('R1', 1), report('R2', 1, { identifiers: [{ kind: 'phone', value: '0086 13800138000' }] })]),
    );
    const r = await importFiles(db, [{ path: file }]);
    expect(r).toMatchObject({ new: 2, updated: 0, unchanged: 0, withdrawn: 0, rejected: 0, cancelled: false });
    const ids = db
      .prepare(
        "SELECT r.id, i.value, i.raw, i.origin FROM identifier i JOIN report r USING (rid) WHERE i.kind = 'phone' ORDER BY r.id, i.origin",
      )
      .all();
    expect(ids).toContainEqual({ id: 'R1', value: '+8613800138000', raw: '+86 138-0013-8000', origin: 'reported' });
    expect(ids).toContainEqual({ id: 'R2', value: '+8613800138000', raw: '0086 13800138000', origin: 'reported' });
    const detail = getReport(db, 'R1');
    expect(detail?.loss).toEqual({ amount: '1200.00', currency: 'CNY' });
    expect(detail?.identifiers.some((i) => i.kind === 'wechat' && i.origin === 'message')).toBe(true);
    expect(detail?.identifiers.find((i) => i.kind === 'bank_card')).toMatchObject({
      value: '6222021234567890128',
      raw: '6222 0212 3456 7890 128',
    });
    expect(detail?.messages[0]?.sender).toBe('10690000123');
    expect(count(db, 'SELECT count(*) AS n FROM report_version')).toBe(2);
  });

  it('is idempotent on (id, version); a higher version replaces, a lower one changes nothing', async () => {
    const { db, dir } = store();
    const first = writeFile(dir, 'a.ndjson', ndjson([report('R1', 2)]));
    await importFiles(db, [{ path: first }]);
    expect(await importFiles(db, [{ path: first }])).toMatchObject({ new: 0, unchanged: 1 });
    const older = writeFile(dir, 'b.ndjson', ndjson([report('R1', 1, { loss: { amount: '1.00', currency: 'CNY' } })]));
    expect(await importFiles(db, [{ path: older }])).toMatchObject({ unchanged: 1 });
    expect(getReport(db, 'R1')?.loss?.amount).toBe('1200.00');
    const newer = writeFile(dir, 'c.ndjson', ndjson([report('R1', 3, { loss: { amount: '1500.50', currency: 'CNY' }, identifiers: [] })]));
    expect(await importFiles(db, [{ path: newer }])).toMatchObject({ updated: 1 });
    const d = getReport(db, 'R1');
    expect(d?.version).toBe(3);
    expect(d?.loss?.amount).toBe('1500.50');
    expect(d?.identifiers.filter((i) => i.origin === 'reported')).toEqual([]);
    expect(d?.versions.map((v) => v.version)).toEqual([3, 2, 1]);
  });

  it('honours tombstones: withdrawn from analysis, history kept, a late older version ignored', async () => {
    const { db, dir } = store();
    await importFiles(db, [{ path: writeFile(dir, 'a.ndjson', ndjson([report('R1', 1), report('R2', 1)])) }]);
    const r = await importFiles(db, [
      {
        path: writeFile(
          dir,
          'b.ndjson',
          ndjson([
            { id: 'R1', version: 2, deleted: true },
            { id: 'R9', version: 1, deleted: true },
          ]),
        ),
      },
    ]);
    expect(r).toMatchObject({ withdrawn: 2 });
    expect(queryReports(db, { offset: 0, limit: 10 }).rows.map((x) => x.id)).toEqual(['R2']);
    expect(getReport(db, 'R1')).toMatchObject({ withdrawn: true, version: 2 });
    expect(getReport(db, 'R1')?.versions.map((v) => [v.version, v.deleted])).toEqual([
      [2, true],
      [1, false],
    ]);
    const late = await importFiles(db, [{ path: writeFile(dir, 'c.ndjson', ndjson([report('R9', 1)])) }]);
    expect(late).toMatchObject({ unchanged: 1 });
    expect(getReport(db, 'R9')?.withdrawn).toBe(true);
  });

  it('quarantines each invalid record, named by line, id and field, and keeps the valid ones around it', async () => {
    const { db, dir } = store();
    const lines = [
      JSON.stringify(report('R1', 1)),
      '{"id": "R2", "version": 1,',
      JSON.stringify(report('R3', 1, { loss: { amount: 99.5, currency: 'CNY' } })),
      JSON.stringify(report('R4', 1, { reported_at: '2024-02-30T10:00:00+08:00' })),
      JSON.stringify({ ...report('R5', 1), id: undefined }),
      '',
      JSON.stringify(report('R6', 1)),
    ];
    const r = await importFiles(db, [{ path: writeFile(dir, 'mixed.ndjson', lines.join('\r\n')) }]);
    expect(r).toMatchObject({ new: 2, rejected: 4 });
    expect(r.rejections).toEqual([
      { where: 'mixed.ndjson line 2', field: '(line)', reason: expect.stringMatching(/not valid JSON/) },
      { where: 'mixed.ndjson line 3 (R3)', field: 'loss.amount', reason: expect.stringMatching(/not the number 99.5/) },
      { where: 'mixed.ndjson line 4 (R4)', field: 'reported_at', reason: expect.stringMatching(/impossible date 2024-02-30/) },
      { where: 'mixed.ndjson line 5', field: 'id', reason: 'is required' },
    ]);
    expect(count(db, 'SELECT count(*) AS n FROM quarantine')).toBe(4);
    expect(db.prepare('SELECT record_id, field FROM quarantine ORDER BY id').all()).toEqual([
      { record_id: null, field: '(line)' },
      { record_id: 'R3', field: 'loss.amount' },
      { record_id: 'R4', field: 'reported_at' },
      { record_id: null, field: 'id' },
    ]);
  });

  it('refuses a missing file before storing anything', async () => {
    const { db, dir } = store();
    const ok = writeFile(dir, 'ok.ndjson', ndjson([report('R1', 1)]));
    await expect(importFiles(db, [{ path: ok }, { path: path.join(dir, 'nope.ndjson') }])).rejects.toThrow(ImportError);
    expect(count(db, 'SELECT count(*) AS n FROM report')).toBe(0);
  });

  it('stops between chunks when cancelled, committing whole records only', async () => {
    const { db, dir } = store();
    const many = Array.from({ length: 20_000 }, (_, i) => report(`R${i}`, 1));
    const file = writeFile(dir, 'many.ndjson', ndjson(many));
    const controller = new AbortController();
    const r = await importFiles(db, [{ path: file }], { signal: controller.signal, onProgress: () => controller.abort() });
    expect(r.cancelled).toBe(true);
    const stored = count(db, 'SELECT count(*) AS n FROM report');
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(20_000);
    expect(count(db, 'SELECT count(*) AS n FROM report_version')).toBe(stored);
    expect(count(db, 'SELECT count(*) AS n FROM report r WHERE NOT EXISTS (SELECT 1 FROM message m WHERE m.rid = r.rid)')).toBe(0);
  });

  it('streams a file larger than memory would like, with flat retained heap', async () => {
    const { db, dir } = store();
    const file = path.join(dir, 'big.ndjson');
    const fd = fs.openSync(file, 'w');
    const n = 50_000;
    // Unknown top-level fields are kept verbatim in the history but not indexed: bulk on disk, cheap to import.
    const padding = 'x'.repeat(2500);
    for (let i = 0; i < n; i += 1000)
      fs.writeSync(fd, ndjson(Array.from({ length: 1000 }, (_, j) => report(`B${i + j}`, 1, { attachment: padding }))));
    fs.closeSync(fd);
    const size = fs.statSync(file).size;
    expect(size).toBeGreaterThan(120 * 1024 * 1024);
    const gc = (globalThis as { gc?: () => void }).gc;
    if (!gc) throw new Error('run vitest with --expose-gc (test/vitest.config.ts sets it)');
    gc();
    const base = process.memoryUsage().heapUsed;
    let retained = 0;
    let calls = 0;
    const r = await importFiles(db, [{ path: file }], {
      onProgress: () => {
        if (++calls % 20 !== 0) return;
        gc();
        retained = Math.max(retained, process.memoryUsage().heapUsed - base);
      },
    });
    expect(r.new).toBe(n);
    expect(calls).toBeGreaterThan(100);
    // What the import keeps alive is a chunk or two, not the file.
    expect(retained).toBeLessThan(32 * 1024 * 1024);
  });
});

describe('import CSV', () => {
  it('reads flattened columns, JSON cells and indexed columns, and names bad rows by line', async () => {
    const { db, dir } = store();
    const header =
      'id,version,precinct,reported_at,category,loss.amount,loss.currency,victim.name,victim.age,narrative,messages,identifiers.0.kind,identifiers.0.value,identifiers.1.kind,identifiers.1.value';
    const msg = JSON.stringify([{ channel: 'sms', text: '您的快递丢失，加QQ 31795246 理赔' }]).replace(/"/g, '""');
    const rows = [
      `C1,1,NJ-GULOU,2024-04-01T08:00:00+08:00,fake_customer_service,800.00,CNY,张某,52,"冒充快递客服，称快递丢失需理赔，被骗800元。","${msg}",phone,138 0013 8000,url,HTTP://WWW.Example.com/a?b=1`,
      `C2,x,NJ-GULOU,2024-04-01T08:00:00+08:00,loan,1.00,CNY,,,,,,,,`,
      `C3,1,NJ-GULOU,2024-04-02T08:00:00+08:00,loan,"3,000.00",CNY,,,,,,,,`,
      `C4,1,NJ-GULOU,2024-04-02T08:00:00+08:00,loan,3000.00,CNY,李某,,"网贷,要求先交保证金",,,,,`,
    ];
    const file = writeFile(dir, 'reports.csv', '\uFEFF' + [header, ...rows].join('\n') + '\n');
    const r = await importFiles(db, [{ path: file }]);
    expect(r).toMatchObject({ new: 2, rejected: 2 });
    expect(r.rejections.map((x) => [x.where, x.field])).toEqual([
      ['reports.csv line 3 (C2)', 'version'],
      ['reports.csv line 4 (C3)', 'loss.amount'],
    ]);
    const c1 = getReport(db, 'C1');
    expect(JSON.parse(db.prepare("SELECT victim FROM report WHERE id = 'C1'").pluck().get() as string)).toEqual({ name: '张某', age: 52 });
    expect(c1?.victim).toEqual({ name: '张*', age: 52 }); // what the UI gets before a reveal
    expect(c1?.messages[0]?.text).toContain('QQ 31795246');
    expect(c1?.identifiers.find((i) => i.kind === 'phone')?.value).toBe('+8613800138000');
    expect(c1?.identifiers.find((i) => i.kind === 'url')?.domain).toBe('example.com');
    expect(c1?.identifiers.find((i) => i.kind === 'qq')).toMatchObject({ value: '31795246', origin: 'message' });
    expect(getReport(db, 'C4')?.narrative).toBe('网贷,要求先交保证金');
  });
});

describe('full-text search in Chinese', () => {
  it('finds narratives and message texts by Chinese phrases of any length, and phones in any written form', async () => {
    const { db, dir } = store();
    const file = writeFile(
      dir,
      'zh.ndjson',
      ndjson([
        report('Z1', 1, { narrative: '冒充公检法人员称我涉嫌洗钱，要求转账到安全账户。', messages: [], identifiers: [] }),
        report('Z2', 1, {
          narrative: '网上认识的男友推荐投资平台，先小赚后被套。',
          messages: [{ channel: 'im', text: '宝贝，这个平台稳赚不赔' }],
          identifiers: [],
        }),
        report('Z3', 1),
      ]),
    );
    await importFiles(db, [{ path: file }]);
    const find = (text: string): string[] =>
      queryReports(db, { text, offset: 0, limit: 10 })
        .rows.map((r) => r.id)
        .sort();
    expect(find('安全账户')).toEqual(['Z1']);
    expect(find('稳赚不赔')).toEqual(['Z2']);
    expect(find('洗钱')).toEqual(['Z1']);
    expect(find('刷单')).toEqual(['Z3']);
    expect(find('138 0013 8000')).toEqual(['Z3']);
    expect(find('不存在的词语')).toEqual([]);
  });

  it('finds exactly the reports that contain the text, though the index keeps no positions', async () => {
    const { db, dir } = store();
    const file = writeFile(
      dir,
      'exact.ndjson',
      ndjson([
        // Every trigram of 腾讯会议 is here, but not the phrase: the index offers it, the text refuses it.
        report('E1', 1, { narrative: '对方自称腾讯会员客服，又拉我进视讯会议。', messages: [], identifiers: [] }),
        report('E2', 1, { narrative: '对方让我下载腾讯会议做"笔录"。', messages: [], identifiers: [] }),
        report('E3', 1, {
          narrative: '无关的报案。',
          messages: [{ channel: 'sms', sender: 'ICBC-Notice', text: '积分兑换 ICBC-JF.cn/lq 领取' }],
          identifiers: [
            { kind: 'url', value: 'icbc-jf.cn/lq', role: 'link' },
            { kind: 'qq', value: 'QQ:88776655', role: 'contact' },
          ],
        }),
        report('E4', 1, {
          narrative: `很长的一段话：${'先小额返利后要求垫付大额任务款，'.repeat(6)}最后全部被骗走。`,
          messages: [],
          identifiers: [],
        }),
      ]),
    );
    await importFiles(db, [{ path: file }]);
    const find = (text: string): string[] =>
      queryReports(db, { text, offset: 0, limit: 10 })
        .rows.map((r) => r.id)
        .sort();
    expect(find('腾讯会议')).toEqual(['E2']);
    expect(queryReports(db, { text: '腾讯会议', offset: 0, limit: 10 }).total).toBe(1);
    expect(find('讯会议')).toEqual(['E1', 'E2']);
    expect(find('做"笔录"')).toEqual(['E2']);
    // Senders and identifiers as reported are searched too; ASCII in any case.
    expect(find('icbc-notice')).toEqual(['E3']);
    expect(find('88776655')).toEqual(['E3']);
    expect(find('icbc-jf.cn')).toEqual(['E3']);
    // A long text uses a spread of its trigrams, then the whole text is confirmed.
    expect(find(`${'先小额返利后要求垫付大额任务款，'.repeat(6)}最后`)).toEqual(['E4']);
    expect(find(`${'先小额返利后要求垫付大额任务款，'.repeat(6)}最先`)).toEqual([]);
    // LIKE's wildcards are plain characters here.
    expect(find('腾讯%议')).toEqual([]);
    expect(find('腾_会议')).toEqual([]);
  });

  it('finds one- and two-character words through the trigrams that begin with them, wherever they stand', async () => {
    const { db, dir } = store();
    const file = writeFile(
      dir,
      'short.ndjson',
      ndjson([
        // The word as the very last characters of the last part.
        report('S1', 1, { narrative: '对方让我刷单', messages: [], identifiers: [] }),
        report('S2', 1, { narrative: '刷单返利', messages: [{ channel: 'im', text: '加我QQ' }], identifiers: [] }),
        // Parts are separate lines: 利 ending the narrative and 加 starting the message are no word.
        report('S3', 1, { narrative: '无关的事', messages: [{ channel: 'sms', text: '赔偿' }], identifiers: [] }),
        report('S4', 1, { narrative: '单', messages: [], identifiers: [] }),
      ]),
    );
    await importFiles(db, [{ path: file }]);
    const find = (text: string): string[] =>
      queryReports(db, { text, offset: 0, limit: 10 })
        .rows.map((r) => r.id)
        .sort();
    expect(find('刷单')).toEqual(['S1', 'S2']);
    expect(find('qq')).toEqual(['S2']);
    expect(find('赔偿')).toEqual(['S3']);
    expect(find('事赔')).toEqual([]);
    expect(find('单')).toEqual(['S1', 'S2', 'S4']);
    expect(find('偿')).toEqual(['S3']);
    expect(find('无')).toEqual(['S3']);
    expect(find('鑫')).toEqual([]);
    // Withdrawing a report takes it out of the answers; a revision's new words are found.
    await importFiles(db, [
      {
        path: writeFile(
          dir,
          'rev.ndjson',
          ndjson([report('S4', 2, { narrative: '改为网贷', messages: [], identifiers: [] }), { id: 'S1', version: 2, deleted: true }]),
        ),
      },
    ]);
    expect(find('单')).toEqual(['S2']);
    expect(find('网贷')).toEqual(['S4']);
  });

  it('filters by category, dates and amount, and sorts by loss', async () => {
    const { db, dir } = store();
    await importFiles(db, [
      {
        path: writeFile(
          dir,
          'f.ndjson',
          ndjson([
            report('F1', 1, { category: 'loan', loss: { amount: '100.00', currency: 'CNY' }, reported_at: '2024-01-01T23:30:00+08:00' }),
            report('F2', 1, { category: 'loan', loss: { amount: '9000.00', currency: 'CNY' }, reported_at: '2024-02-01T00:30:00+08:00' }),
            report('F3', 1, {
              category: 'fake_prize',
              loss: { amount: '500.00', currency: 'CNY' },
              reported_at: '2024-03-01T10:00:00+08:00',
            }),
          ]),
        ),
      },
    ]);
    const ids = (q: Parameters<typeof queryReports>[1]): string[] => queryReports(db, q).rows.map((r) => r.id);
    expect(ids({ categories: ['loan'], offset: 0, limit: 10, sort: 'loss' })).toEqual(['F2', 'F1']);
    expect(ids({ from: '2024-01-01', to: '2024-01-01', offset: 0, limit: 10 })).toEqual(['F1']);
    expect(ids({ from: '2024-02-01', offset: 0, limit: 10, desc: false })).toEqual(['F2', 'F3']);
    expect(ids({ minLoss: '400', maxLoss: '1000', offset: 0, limit: 10 })).toEqual(['F3']);
    expect(queryReports(db, { offset: 1, limit: 1 })).toMatchObject({ total: 3, offset: 1, rows: [{ id: 'F2' }] });
  });
});
