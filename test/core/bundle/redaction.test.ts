// Redaction: no victim name, phone, ID number or exact address of the series appears anywhere
// in a redacted bundle — every entry's bytes, the PDF's text included — while the districts and
// the fraudster-side identifiers stay (the same ones are extracted from the redacted texts), and
// the keyed hashes let two bundles under one sharing key be matched.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findAddresses } from '../../../src/core/bundle/addresses';
import { readBundleEntries } from '../../../src/core/bundle/read-bundle';
import { writeBundle } from '../../../src/core/bundle/write-bundle';
import { verifyBundleFile } from '../../../src/core/bundle/verify';
import { Redactor } from '../../../src/core/bundle/redact';
import { generateDemo } from '../../../src/core/demo';
import { ADDRESS_NAMES } from '../../../src/core/demo/home-address';
import { extractIdentifiers, normaliseIdentifier } from '../../../src/core/normalise';
import { linkedStore } from './fixture';
import { pdfText } from './pdf-text';

interface VictimRow {
  name?: string;
  phone?: string;
  id_number?: string;
}

function allText(entries: Map<string, Buffer>): string {
  return [...entries]
    .map(([name, data]) => (name === 'summary.pdf' ? pdfText(data) : name === 'manifest.sig' ? '' : data.toString('utf8')))
    .join('\n');
}

interface Line {
  id: string;
  victim?: { district?: string };
  narrative?: string;
  messages?: { text: string; sender?: string }[];
}

const linesOf = (e: Map<string, Buffer>): Line[] =>
  (e.get('reports.ndjson') as Buffer)
    .toString('utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Line);
const textsOf = (r: Line): string[] => [r.narrative ?? '', ...(r.messages ?? []).flatMap((m) => [m.text, m.sender ?? ''])];
const csvRows = (e: Map<string, Buffer>, name: string): string[] =>
  (e.get(name) as Buffer)
    .toString('utf8')
    .replace(/^\ufeff/, '')
    .trim()
    .split('\r\n')
    .slice(1);

describe('redacted bundles', () => {
  it('leave no victim name, phone or ID number in any entry, keep the fraudster identifiers, and hash victims under the sharing key', async () => {
    const f = await linkedStore(400, 21);
    const victims = (
      f.db
        .prepare('SELECT victim FROM report r JOIN series_member m ON m.rid = r.rid WHERE m.series_id = ? AND victim IS NOT NULL')
        .pluck()
        .all(f.seriesId) as string[]
    ).map((v) => JSON.parse(v) as VictimRow);
    const first = victims.find((v) => v.name && v.phone && v.id_number) as Required<VictimRow>;
    expect(first).toBeDefined();
    // The case's title and notes mention a victim too: they must go as well.
    const now = new Date().toISOString();
    f.db
      .prepare("INSERT INTO case_file (id, title, created_at, created_by, updated_at) VALUES ('C-1', ?, ?, 'li', ?)")
      .run(`${first.name}等被骗案`, now, now);
    f.db.prepare("INSERT INTO case_series (case_id, series_id, added_at) VALUES ('C-1', ?, ?)").run(f.seriesId, now);
    f.db
      .prepare("INSERT INTO case_note (case_id, at, author, text) VALUES ('C-1', ?, 'li', ?)")
      .run(now, `已联系受害人${first.name}（电话${first.phone}，身份证${first.id_number}），嫌疑人收款卡待查。`);

    const out = path.join(f.dir, 'redacted.casebundle');
    const r = await writeBundle(f.db, {
      seriesId: f.seriesId,
      caseId: 'C-1',
      redact: true,
      sharingKey: 'shared secret of the two bureaus',
      identity: f.identity,
      bureau: '南京',
      out,
      compressPdf: false,
    });
    expect(r.manifest.redaction).toEqual({ level: 'victims', hashes: 'hmac-sha256' });
    const entries = await readBundleEntries(out);
    const text = allText(entries);
    expect(text).toContain('案件摘要');
    expect(text).toContain('嫌疑人收款卡待查');
    for (const v of victims) {
      if (v.name) expect(text).not.toContain(v.name);
      if (v.phone) {
        expect(text).not.toContain(v.phone);
        expect(text).not.toContain(v.phone.replace(/\D/g, '').slice(-11));
      }
      if (v.id_number) expect(text).not.toContain(v.id_number);
    }
    expect(text).not.toMatch(/"lat"|"lon"/);
    // Fraudster-side identifiers stay.
    const fraudster = f.db
      .prepare(
        "SELECT i.value FROM identifier i JOIN series_member m ON m.rid = i.rid WHERE m.series_id = ? AND i.origin = 'reported' AND i.kind IN ('phone', 'url', 'bank_card') AND coalesce(i.role, '') NOT IN ('payer', 'victim') LIMIT 5",
      )
      .pluck()
      .all(f.seriesId) as string[];
    expect(fraudster.length).toBeGreaterThan(0);
    const graph = (entries.get('graph.graphml') as Buffer).toString('utf8');
    for (const value of fraudster) expect(graph).toContain(value);

    // Same sharing key, same hash: the victim is recognisable across bundles; the bundle verifies.
    const again = path.join(f.dir, 'again.casebundle');
    await writeBundle(f.db, {
      seriesId: f.seriesId,
      redact: true,
      sharingKey: 'shared secret of the two bureaus',
      identity: f.identity,
      bureau: '南京',
      out: again,
    });
    const hashOf = (e: Map<string, Buffer>): string[] =>
      (e.get('reports.ndjson') as Buffer)
        .toString('utf8')
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { victim?: VictimRow }).victim?.phone ?? '');
    const second = await readBundleEntries(again);
    expect(hashOf(second)).toEqual(hashOf(entries));
    expect(hashOf(entries).some((h) => /^hmac-sha256:[0-9a-f]{64}$/.test(h))).toBe(true);
    expect((await verifyBundleFile(null, again)).check).toMatchObject({ intact: true, redaction: 'victims' });

    // Without a sharing key: plain markers, and the manifest says so.
    const plain = path.join(f.dir, 'plain.casebundle');
    const p = await writeBundle(f.db, {
      seriesId: f.seriesId,
      redact: true,
      sharingKey: null,
      identity: f.identity,
      bureau: '南京',
      out: plain,
      compressPdf: false,
    });
    expect(p.manifest.redaction).toEqual({ level: 'victims', hashes: 'none' });
    const plainEntries = await readBundleEntries(plain);
    const plainText = allText(plainEntries);
    for (const v of victims) if (v.name) expect(plainText).not.toContain(v.name);
    expect(plainText).not.toContain('hmac-sha256:');
    expect(plainText).toContain('[redacted');
    f.db.close();
  }, 120_000);

  it('leave no exact address in any entry, keep the districts, and extract the same fraudster identifiers from the redacted texts', async () => {
    const f = await linkedStore(600, 21);
    // The series whose narratives mention the most addresses (the demo writes some: home, delivery, hotel room).
    const narratives = f.db
      .prepare(
        'SELECT m.series_id AS series, r.narrative FROM series_member m JOIN series s ON s.id = m.series_id JOIN report r ON r.rid = m.rid WHERE s.active = 1 AND r.narrative IS NOT NULL',
      )
      .all() as { series: string; narrative: string }[];
    const mentions = new Map<string, number>();
    for (const n of narratives) mentions.set(n.series, (mentions.get(n.series) ?? 0) + findAddresses(n.narrative).length);
    const seriesId = [...mentions].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
    // A case note and title with an address too: the notes, the title and the PDF must lose it.
    const now = new Date().toISOString();
    f.db
      .prepare(
        "INSERT INTO case_file (id, title, created_at, created_by, updated_at) VALUES ('C-2', '鼓楼区汉中路2号金陵小区5幢1203住户被骗案', ?, 'li', ?)",
      )
      .run(now, now);
    f.db.prepare("INSERT INTO case_series (case_id, series_id, added_at) VALUES ('C-2', ?, ?)").run(seriesId, now);
    f.db
      .prepare(
        "INSERT INTO case_note (case_id, at, author, text) VALUES ('C-2', ?, 'li', '已走访受害人住处江宁区双龙大道1888号12栋2单元1203室，嫌疑人收款卡待查。')",
      )
      .run(now);

    const write = async (name: string, redact: boolean, sharingKey: string | null): Promise<Map<string, Buffer>> => {
      const out = path.join(f.dir, name);
      await writeBundle(f.db, {
        seriesId,
        caseId: 'C-2',
        redact,
        sharingKey,
        identity: f.identity,
        bureau: '南京',
        out,
        compressPdf: false,
      });
      return readBundleEntries(out);
    };
    const original = await write('whole.casebundle', false, null);
    const addresses = [
      ...new Set(
        [
          ...linesOf(original).flatMap(textsOf),
          ...(JSON.parse((original.get('notes.json') as Buffer).toString('utf8')) as { text: string }[]).map((n) => n.text),
        ].flatMap((t) => findAddresses(t).map((a) => a.text)),
      ),
    ];
    expect(addresses.length).toBeGreaterThan(3);
    expect(addresses).toContain('江宁区双龙大道1888号12栋2单元1203室');
    expect(allText(original)).toContain('金陵小区5幢1203');

    for (const [name, key] of [
      ['keyed.casebundle', 'shared secret of the two bureaus'],
      ['plain.casebundle', null],
    ] as const) {
      const redacted = await write(name, true, key);
      const text = allText(redacted);
      const pdf = pdfText(redacted.get('summary.pdf') as Buffer);
      expect(pdf).toContain('已走访受害人住处[redacted address]，嫌疑人收款卡待查。');
      expect(pdf).toContain('[redacted address]住户被骗案');
      expect(text).toContain('[redacted address]');
      for (const a of addresses) expect(text).not.toContain(a);
      expect(text).not.toContain('金陵小区5幢1203');
      // Whatever the detector found or not: none of the demo's compounds and hotels, no road with a number.
      for (const n of [...ADDRESS_NAMES.compounds, ...ADDRESS_NAMES.hotels]) expect(text).not.toContain(n);
      for (const road of ADDRESS_NAMES.roads) expect(text).not.toMatch(new RegExp(`${road}[0-9０-９〇一二三四五六七八九十]`));
      // The districts stay, in the victim fields as written.
      expect(linesOf(redacted).map((r) => r.victim?.district)).toEqual(linesOf(original).map((r) => r.victim?.district));
      // The identifiers the import extracts from the redacted reports are the fraudster's as before;
      // only the victims' own cards (role payer) are gone.
      const fraudster = (rows: string[]): string[] => rows.filter((r) => !/,(payer|victim),[a-z]+$/.test(r));
      expect(fraudster(csvRows(redacted, 'identifiers.csv'))).toEqual(fraudster(csvRows(original, 'identifiers.csv')));
      expect(csvRows(redacted, 'links.csv')).toEqual(csvRows(original, 'links.csv'));
    }
    f.db.close();
  }, 120_000);

  it('leave the fraudster identifiers of every demo narrative and message text as the import extracts them', () => {
    const records = [...generateDemo({ reports: 2000, seed: 11 })]
      .map((i) => i.record as unknown as Record<string, unknown>)
      .filter((r) => r['deleted'] !== true);
    const redactor = new Redactor('shared secret of the two bureaus');
    for (const r of records) redactor.learn(r);
    const key = (x: { kind: string; value: string }): string => `${x.kind}:${x.value}`;
    // The victims' own values, which redaction removes on purpose.
    const victims = new Set<string>();
    for (const r of records) {
      const v = r['victim'] as { phone?: string } | undefined;
      const phone = v?.phone ? normaliseIdentifier('phone', v.phone) : null;
      if (phone) victims.add(key(phone));
      for (const i of (r['identifiers'] ?? []) as { kind: string; value: string; role?: string }[]) {
        const n = i.role === 'payer' || i.role === 'victim' ? normaliseIdentifier(i.kind as never, i.value) : null;
        if (n) victims.add(key(n));
      }
    }
    let texts = 0;
    let withAddress = 0;
    for (const r of records) {
      const out = redactor.redact(r) as unknown as Line;
      const pairs: [string, string][] = [[(r['narrative'] as string | undefined) ?? '', out.narrative ?? '']];
      ((r['messages'] ?? []) as { text: string }[]).forEach((m, i) => pairs.push([m.text, out.messages?.[i]?.text ?? '']));
      for (const [before, after] of pairs) {
        texts++;
        if (findAddresses(before).length > 0) withAddress++;
        const expected = extractIdentifiers(before)
          .filter((x) => !victims.has(key(x)))
          .map(key);
        expect(extractIdentifiers(after).map(key), before).toEqual(expected);
      }
    }
    expect(withAddress).toBeGreaterThan(100);
    expect(texts).toBeGreaterThan(3000);
  });
});
