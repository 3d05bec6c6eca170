// Migration 014: hosting platforms in the reference list. The reports holding a URL on a hosting
// platform relink and the platform's domain value is counted again; nothing else is touched.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReportRecord } from '../../../src/common/model';
import { openStore, schemaVersion } from '../../../src/core/store/db';
import { MIGRATIONS } from '../../../src/core/store/migrations';
import { m014HostingPlatforms } from '../../../src/core/store/migrations/014-hosting-platforms';
import { ingest, report } from '../linking/support';
import { tempDir } from '../../support/tmp';

const BEFORE = MIGRATIONS.slice(0, MIGRATIONS.indexOf(m014HostingPlatforms));
const url = (value: string): { kind: 'url'; value: string } => ({ kind: 'url', value });

const RECORDS: readonly ReportRecord[] = [
  report('BARE', { narrative: '在朋友转发的链接里看到活动，打开medium.com后按页面要求转账' }),
  report('PAGE', { identifiers: [url('https://medium.com/@eth-giveaway/10000-eth-6488a2')] }),
  report('SITE', { identifiers: [url('https://claim-dot.pages.dev/login')] }),
  report('BLOG', { identifiers: [url('https://www.jianshu.com/p/8a1b2c3d')] }),
  report('FRAUD', { identifiers: [url('icbc-jf.cn/lq'), { kind: 'phone', value: '13800138000' }] }),
  report('SCAN', { identifiers: [url('https://www.virustotal.com/gui/url/aaa111/detection')] }),
];

describe('migration 014 hosting-platforms', () => {
  it('marks the reports holding a URL on a hosting platform to relink, and the platforms’ domains to be counted again', () => {
    const file = path.join(tempDir(), 'store.db');
    const before = openStore(file, { migrations: BEFORE });
    ingest(before, RECORDS);
    // As the normaliser wrote a page host's URL before: the platform for its domain.
    before.exec("UPDATE identifier SET domain = 'pages.dev' WHERE value = 'http://claim-dot.pages.dev/login'");
    before.exec('DELETE FROM link_dirty; DELETE FROM link_dirty_value;');
    const rows = before.prepare('SELECT rid, kind, value, raw, origin, domain FROM identifier ORDER BY rowid').all();
    before.close();

    const db = openStore(file);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(db.prepare('SELECT r.id FROM link_dirty d JOIN report r ON r.rid = d.rid ORDER BY r.id').pluck().all()).toEqual([
      'BARE',
      'BLOG',
      'PAGE',
      'SITE',
    ]);
    const values = db.prepare('SELECT kind, value FROM link_dirty_value ORDER BY kind, value').all();
    expect(values).toEqual(
      expect.arrayContaining([
        { kind: 'domain', value: 'medium.com' },
        { kind: 'domain', value: 'jianshu.com' },
      ]),
    );
    expect(values).not.toContainEqual({ kind: 'domain', value: 'icbc-jf.cn' });
    expect(values).not.toContainEqual({ kind: 'domain', value: 'virustotal.com' });
    // A URL under a platform has its site for its domain, as an import writes it now; nothing else changed.
    const site = (r: Record<string, unknown>): Record<string, unknown> =>
      r.value === 'http://claim-dot.pages.dev/login' ? { ...r, domain: 'claim-dot.pages.dev' } : r;
    expect(db.prepare('SELECT rid, kind, value, raw, origin, domain FROM identifier ORDER BY rowid').all()).toEqual(
      rows.map((r) => site(r as Record<string, unknown>)),
    );
    expect(values).toContainEqual({ kind: 'domain', value: 'claim-dot.pages.dev' });
    db.close();
  });
});
