// Hosting platforms in the reference list (category 'hosting', src/core/linking/reference-domains.ts):
// medium.com, telegra.ph, pages.dev, shared documents, cloud-drive shares. A victim naming only
// the platform ("I opened it on medium.com") names no fraudster, while a page on it
// ("medium.com/@someone/giveaway") or a site under it ("someone.pages.dev") is a fraudster's site.
// The reports holding a URL on such a host are marked to relink and its domain value to be counted
// again, as an edit of the list marks them: the platform's own address and domain stop being
// evidence, and pages on a platform that was a reference site of another kind become evidence.
import { getDomain } from 'tldts';
import { makeReferenceDomains, referenceEntryForUrl, shippedReferences } from '../../linking/reference-domains';
import type { Migration } from './migration';

export const m014HostingPlatforms: Migration = {
  version: 14,
  name: 'hosting-platforms',
  up: '',
  run(db) {
    const refs = makeReferenceDomains(shippedReferences().filter((e) => e.category === 'hosting'));
    const rids = new Set<number>();
    const domains = new Set<string>();
    // Read whole before writing: a connection cannot write while it iterates.
    for (const [rid, value, domain] of db.prepare<[], [number, string, string | null]>("SELECT rid, value, domain FROM identifier WHERE kind = 'url'").raw().iterate()) {
      const entry = referenceEntryForUrl(refs, value);
      if (entry === null) continue;
      rids.add(rid);
      if (domain !== null) domains.add(domain);
      const registrable = getDomain(entry.domain, { extractHostname: false });
      if (registrable !== null) domains.add(registrable);
    }
    const markReport = db.prepare('INSERT OR IGNORE INTO link_dirty (rid) VALUES (?)');
    for (const rid of rids) markReport.run(rid);
    const markValue = db.prepare("INSERT OR IGNORE INTO link_dirty_value (kind, value) VALUES ('domain', ?)");
    for (const d of domains) markValue.run(d);
  },
};
