// Hosting platforms in the reference list (category 'hosting', src/core/linking/reference-domains.ts):
// medium.com, telegra.ph, pages.dev, shared documents, cloud-drive shares. A victim naming only
// the platform ("I opened it on medium.com") names no fraudster, while a page on it
// ("medium.com/@someone/giveaway") or a site under it ("someone.pages.dev") is a fraudster's site.
// A URL on a platform gets its site for its domain (src/core/normalise/hosting-platforms.ts):
// "claim.pages.dev" where it was "pages.dev", which every page host's user shared. The reports
// holding a URL on such a host are marked to relink, and the domain values before and after to be
// counted again, as an edit of the list marks them: the platform's own address and domain stop
// being evidence, and pages on a platform that was a reference site of another kind become evidence.
import { hostOfUrl, makeReferenceDomains, referenceEntryForUrl, shippedReferences } from '../../linking/reference-domains';
import { siteDomain } from '../../normalise/hosting-platforms';
import type { Migration } from './migration';

export const m014HostingPlatforms: Migration = {
  version: 14,
  name: 'hosting-platforms',
  up: '',
  run(db) {
    const refs = makeReferenceDomains(shippedReferences().filter((e) => e.category === 'hosting'));
    const rids = new Set<number>();
    const domains = new Set<string>();
    const rewrite: [rowid: number, domain: string][] = [];
    // Read whole before writing: a connection cannot write while it iterates.
    const rows = db
      .prepare<[], [number, number, string, string | null]>("SELECT rowid, rid, value, domain FROM identifier WHERE kind = 'url'")
      .raw();
    for (const [rowid, rid, value, domain] of rows.iterate()) {
      if (referenceEntryForUrl(refs, value) === null) continue;
      rids.add(rid);
      if (domain !== null) domains.add(domain);
      const host = hostOfUrl(value);
      const site = host === null ? undefined : siteDomain(host, domain ?? undefined);
      if (site !== undefined && site !== domain) {
        rewrite.push([rowid, site]);
        domains.add(site);
      }
    }
    const setDomain = db.prepare('UPDATE identifier SET domain = @domain WHERE rowid = @rowid');
    for (const [rowid, domain] of rewrite) setDomain.run({ rowid, domain });
    const markReport = db.prepare('INSERT OR IGNORE INTO link_dirty (rid) VALUES (?)');
    for (const rid of rids) markReport.run(rid);
    const markValue = db.prepare("INSERT OR IGNORE INTO link_dirty_value (kind, value) VALUES ('domain', ?)");
    for (const d of domains) markValue.run(d);
  },
};
