// Export → verify → import into a fresh store: the same series with the same reports; the
// bundle checked with third-party tools (openssl, sha256sum, networkx); a second import changes nothing.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pythonWith } from '../../support/python';
import { importBundle, listBundleImports } from '../../../src/core/bundle/import-bundle';
import { readBundleEntries } from '../../../src/core/bundle/read-bundle';
import { verifyBundleFile } from '../../../src/core/bundle/verify';
import { writeBundle } from '../../../src/core/bundle/write-bundle';
import { addTrusted } from '../../../src/core/bundle/trust';
import { linkStore } from '../../../src/core/linking/store-io';
import { openStore } from '../../../src/core/store/db';
import { tempDir } from '../../support/tmp';
import { linkedStore, snapshot } from './fixture';

describe('case bundle round trip', () => {
  it('exports a signed bundle that openssl, sha256sum and networkx accept, and imports it into a fresh store as the same series', async () => {
    const f = await linkedStore();
    const out = path.join(f.dir, 'case.casebundle');
    const r = await writeBundle(f.db, {
      seriesId: f.seriesId,
      redact: false,
      sharingKey: null,
      identity: f.identity,
      bureau: '南京市公安局玄武分局',
      out,
    });
    expect(r.reports).toBe(f.reportIds.length);
    expect(r.manifest.counts.reports).toBe(f.reportIds.length);

    // Third-party checks on the extracted entries.
    const entries = await readBundleEntries(out);
    const x = path.join(f.dir, 'x');
    fs.mkdirSync(x);
    for (const [name, data] of entries) fs.writeFileSync(path.join(x, name), data);
    execFileSync(
      'openssl',
      ['pkeyutl', '-verify', '-pubin', '-inkey', 'signer.pem', '-rawin', '-in', 'manifest.json', '-sigfile', 'manifest.sig'],
      { cwd: x },
    );
    const manifest = JSON.parse(fs.readFileSync(path.join(x, 'manifest.json'), 'utf8')) as {
      entries: { path: string; sha256: string; size: number }[];
    };
    const sums = execFileSync(
      'sha256sum',
      manifest.entries.map((e) => e.path),
      { cwd: x, encoding: 'utf8' },
    );
    for (const e of manifest.entries) expect(sums).toContain(`${e.sha256}  ${e.path}`);
    expect(manifest.entries.map((e) => e.path).sort()).toEqual([
      'graph.graphml',
      'identifiers.csv',
      'links.csv',
      'notes.json',
      'reports.csv',
      'reports.ndjson',
      'summary.pdf',
    ]);
    const nx = execFileSync(
      pythonWith('networkx'),
      [
        '-c',
        `import networkx as nx, sys
g = nx.read_graphml(sys.argv[1])
reports = [n for n, d in g.nodes(data=True) if d['type'] == 'report']
links = [e for e in g.edges(data=True) if e[2]['type'] == 'link']
assert all(isinstance(e[2]['weight'], float) and isinstance(e[2]['strong'], bool) for e in links)
print(len(reports), len(links))`,
        path.join(x, 'graph.graphml'),
      ],
      { encoding: 'utf8' },
    );
    expect(nx.trim()).toBe(`${f.reportIds.length} ${r.manifest.counts.links}`);
    const tampered = fs.readFileSync(path.join(x, 'manifest.json'));
    tampered[10] = (tampered[10] as number) ^ 1;
    fs.writeFileSync(path.join(x, 'manifest.json'), tampered);
    expect(() =>
      execFileSync(
        'openssl',
        ['pkeyutl', '-verify', '-pubin', '-inkey', 'signer.pem', '-rawin', '-in', 'manifest.json', '-sigfile', 'manifest.sig'],
        { cwd: x, stdio: 'pipe' },
      ),
    ).toThrow();

    // Verify: self-consistent, then trusted once the key is in the trust list.
    const fresh = openStore(path.join(tempDir(), 'receiver.db'));
    const first = await verifyBundleFile(fresh, out);
    expect(first.check).toMatchObject({
      intact: true,
      signer: 'self-consistent',
      bureau: '南京市公安局玄武分局',
      reports: f.reportIds.length,
      redaction: 'none',
      problems: [],
    });
    addTrusted(fresh, f.identity.publicPem, 'Xuanwu');
    expect((await verifyBundleFile(fresh, out)).check).toMatchObject({
      intact: true,
      signer: 'trusted',
      signerName: 'Xuanwu',
      fingerprint: f.identity.fingerprint,
    });

    // Import, link: the same series with the same reports, versions and bodies.
    const summary = await importBundle(fresh, out);
    expect(summary).toMatchObject({ new: f.reportIds.length, updated: 0, rejected: 0, alreadyImported: false });
    linkStore(fresh, {});
    const rids = fresh.prepare('SELECT DISTINCT m.series_id FROM series_member m JOIN report r ON r.rid = m.rid').pluck().all() as string[];
    expect(rids).toHaveLength(1);
    const imported = fresh
      .prepare('SELECT r.id FROM series_member m JOIN report r ON r.rid = m.rid WHERE m.series_id = ? ORDER BY r.id')
      .pluck()
      .all(rids[0]) as string[];
    expect(imported).toEqual(f.reportIds);
    const bodies = (db: typeof fresh): string[] =>
      db
        .prepare(
          'SELECT v.report_id || v.version || v.body FROM report r JOIN report_version v ON v.report_id = r.id AND v.version = r.version ORDER BY r.id',
        )
        .pluck()
        .all() as string[];
    expect(bodies(fresh)).toEqual(
      bodies(f.db)
        .filter((b) => f.reportIds.some((id) => b.startsWith(id)))
        .map((b) => b.trim()),
    );
    expect(listBundleImports(fresh)).toEqual([
      expect.objectContaining({ bureau: '南京市公安局玄武分局', trusted: true, reports: f.reportIds.length, redaction: 'none' }),
    ]);
    expect(fresh.prepare('SELECT kind FROM source WHERE id = (SELECT source_id FROM report LIMIT 1)').pluck().get()).toBe('bundle');

    // Importing it again changes nothing.
    const before = snapshot(fresh);
    const again = await importBundle(fresh, out);
    expect(again).toMatchObject({ new: 0, unchanged: f.reportIds.length, alreadyImported: true });
    expect(snapshot(fresh)).toBe(before);
    fresh.close();
    f.db.close();
  }, 120_000);
});

describe('case bundle determinism and case files', () => {
  it('writes the same bytes for the same content and time, and carries the case title and notes', async () => {
    const f = await linkedStore(200, 13);
    const now = new Date('2026-01-02T03:04:05.000Z');
    const at = now.toISOString();
    f.db
      .prepare("INSERT INTO case_file (id, title, created_at, created_by, updated_at) VALUES ('CASE-7', '跨区刷单案', ?, 'li', ?)")
      .run(at, at);
    f.db.prepare("INSERT INTO case_series (case_id, series_id, added_at) VALUES ('CASE-7', ?, ?)").run(f.seriesId, at);
    f.db.prepare("INSERT INTO case_note (case_id, at, author, text) VALUES ('CASE-7', ?, 'li', '与东莞警方协查')").run(at);
    const write = (name: string, caseId: string | null): ReturnType<typeof writeBundle> =>
      writeBundle(f.db, {
        seriesId: f.seriesId,
        caseId,
        redact: false,
        sharingKey: null,
        identity: f.identity,
        bureau: 'B',
        workstation: 'ws-1',
        out: path.join(f.dir, name),
        now,
      });
    const a = await write('a.casebundle', 'CASE-7');
    const b = await write('b.casebundle', 'CASE-7');
    expect(fs.readFileSync(path.join(f.dir, 'a.casebundle')).equals(fs.readFileSync(path.join(f.dir, 'b.casebundle')))).toBe(true);
    expect(a.manifestSha256).toBe(b.manifestSha256);
    expect(a.manifest).toMatchObject({ case_id: 'CASE-7', title: '跨区刷单案', counts: { notes: 1 }, workstation: 'ws-1', created_at: at });
    const notes = JSON.parse(
      ((await readBundleEntries(path.join(f.dir, 'a.casebundle'))).get('notes.json') as Buffer).toString('utf8'),
    ) as { text: string; scope: string }[];
    expect(notes).toEqual([expect.objectContaining({ text: '与东莞警方协查', scope: 'case' })]);
    const other = f.db.prepare('SELECT id FROM series WHERE active = 1 AND id <> ? LIMIT 1').pluck().get(f.seriesId) as string;
    await expect(
      writeBundle(f.db, {
        seriesId: other,
        caseId: 'CASE-7',
        redact: false,
        sharingKey: null,
        identity: f.identity,
        bureau: 'B',
        out: path.join(f.dir, 'c.casebundle'),
      }),
    ).rejects.toThrow(`series ${other} is not part of case CASE-7`);
    expect(fs.existsSync(path.join(f.dir, 'c.casebundle'))).toBe(false);
    f.db.close();
  }, 120_000);
});
