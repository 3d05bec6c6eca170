// Redaction: no victim name, phone or ID number of the series appears anywhere in a redacted
// bundle — every entry's bytes, the PDF's text included — while the fraudster-side identifiers
// stay, and the keyed hashes let two bundles under one sharing key be matched.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBundleEntries } from '../../../src/core/bundle/read-bundle';
import { writeBundle } from '../../../src/core/bundle/write-bundle';
import { verifyBundleFile } from '../../../src/core/bundle/verify';
import { linkedStore } from './fixture';
import { pdfText } from './pdf-text';

interface VictimRow {
  name?: string;
  phone?: string;
  id_number?: string;
}

function allText(entries: Map<string, Buffer>): string {
  return [...entries].map(([name, data]) => (name === 'summary.pdf' ? pdfText(data) : name === 'manifest.sig' ? '' : data.toString('utf8'))).join('\n');
}

describe('redacted bundles', () => {
  it('leave no victim name, phone or ID number in any entry, keep the fraudster identifiers, and hash victims under the sharing key', async () => {
    const f = await linkedStore(400, 21);
    const victims = (f.db.prepare('SELECT victim FROM report r JOIN series_member m ON m.rid = r.rid WHERE m.series_id = ? AND victim IS NOT NULL').pluck().all(f.seriesId) as string[]).map((v) => JSON.parse(v) as VictimRow);
    const first = victims.find((v) => v.name && v.phone && v.id_number) as Required<VictimRow>;
    expect(first).toBeDefined();
    // The case's title and notes mention a victim too: they must go as well.
    const now = new Date().toISOString();
    f.db.prepare("INSERT INTO case_file (id, title, created_at, created_by, updated_at) VALUES ('C-1', ?, ?, 'li', ?)").run(`${first.name}等被骗案`, now, now);
    f.db.prepare("INSERT INTO case_series (case_id, series_id, added_at) VALUES ('C-1', ?, ?)").run(f.seriesId, now);
    f.db.prepare("INSERT INTO case_note (case_id, at, author, text) VALUES ('C-1', ?, 'li', ?)").run(now, `已联系受害人${first.name}（电话${first.phone}，身份证${first.id_number}），嫌疑人收款卡待查。`);

    const out = path.join(f.dir, 'redacted.casebundle');
    const r = await writeBundle(f.db, { seriesId: f.seriesId, caseId: 'C-1', redact: true, sharingKey: 'shared secret of the two bureaus', identity: f.identity, bureau: '南京', out, compressPdf: false });
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
      .prepare("SELECT i.value FROM identifier i JOIN series_member m ON m.rid = i.rid WHERE m.series_id = ? AND i.origin = 'reported' AND i.kind IN ('phone', 'url', 'bank_card') AND coalesce(i.role, '') NOT IN ('payer', 'victim') LIMIT 5")
      .pluck()
      .all(f.seriesId) as string[];
    expect(fraudster.length).toBeGreaterThan(0);
    const graph = (entries.get('graph.graphml') as Buffer).toString('utf8');
    for (const value of fraudster) expect(graph).toContain(value);

    // Same sharing key, same hash: the victim is recognisable across bundles; the bundle verifies.
    const again = path.join(f.dir, 'again.casebundle');
    await writeBundle(f.db, { seriesId: f.seriesId, redact: true, sharingKey: 'shared secret of the two bureaus', identity: f.identity, bureau: '南京', out: again });
    const hashOf = (e: Map<string, Buffer>): string[] => (e.get('reports.ndjson') as Buffer).toString('utf8').trim().split('\n').map((l) => (JSON.parse(l) as { victim?: VictimRow }).victim?.phone ?? '');
    const second = await readBundleEntries(again);
    expect(hashOf(second)).toEqual(hashOf(entries));
    expect(hashOf(entries).some((h) => /^hmac-sha256:[0-9a-f]{64}$/.test(h))).toBe(true);
    expect((await verifyBundleFile(null, again)).check).toMatchObject({ intact: true, redaction: 'victims' });

    // Without a sharing key: plain markers, and the manifest says so.
    const plain = path.join(f.dir, 'plain.casebundle');
    const p = await writeBundle(f.db, { seriesId: f.seriesId, redact: true, sharingKey: null, identity: f.identity, bureau: '南京', out: plain, compressPdf: false });
    expect(p.manifest.redaction).toEqual({ level: 'victims', hashes: 'none' });
    const plainEntries = await readBundleEntries(plain);
    const plainText = allText(plainEntries);
    for (const v of victims) if (v.name) expect(plainText).not.toContain(v.name);
    expect(plainText).not.toContain('hmac-sha256:');
    expect(plainText).toContain('[redacted');
    f.db.close();
  }, 120_000);
});
