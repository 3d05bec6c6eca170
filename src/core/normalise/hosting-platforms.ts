// The site of a URL on a hosting platform. A URL's domain is its registrable domain
// ("pay.icbc-jf.cn" → "icbc-jf.cn"), which is the fraudster's own where the fraudster registered
// it. On a hosting platform of the shipped reference list (category 'hosting' in
// resources/reference-domains.json: pages.dev, github.io, medium.com, docs.qq.com…) it is not:
// every user's site shares it. There the site is the host directly under the platform
// ("claim.pages.dev" for "app.claim.pages.dev"), and a page on the platform's own host
// ("medium.com/@someone/giveaway") has the platform for its domain, which links nothing.
import shipped from '../../../resources/reference-domains.json';

const PLATFORMS: ReadonlySet<string> = new Set(shipped.domains.filter((d) => d.category === 'hosting').map((d) => d.domain));

/** The hosting platform a host is on or under, or null. */
export function hostingPlatformOf(host: string): string | null {
  for (let at = 0; at !== -1 && at < host.length;) {
    const tail = at === 0 ? host : host.slice(at);
    if (PLATFORMS.has(tail)) return tail;
    const dot = host.indexOf('.', at);
    at = dot === -1 ? -1 : dot + 1;
  }
  return null;
}

/** The domain a URL on this host links by: its site on a hosting platform, else `registrable`. */
export function siteDomain(host: string, registrable: string | undefined): string | undefined {
  const platform = hostingPlatformOf(host);
  if (platform === null) return registrable;
  if (host === platform) return platform;
  const under = host.slice(0, host.length - platform.length - 1);
  return `${under.slice(under.lastIndexOf('.') + 1)}.${platform}`;
}
