// CryptoScamDB/blacklist → citizens' reports.
//
// Source: data/urls.yaml, one entry per scam site: name, url, category (Phishing, Scamming,
// Malware), subcategory (the brand imitated, or Trust-Trading for "send 1 ETH, get 10 back"
// giveaways) and, for some, the addresses the site asked for, per coin.
// Truth: connected components of the bipartite graph site ↔ address (a site is its URL without
// scheme, www. and trailing slash, lower-cased; an address is the listed string, lower-cased where
// case carries no meaning: EVM 0x… addresses, whatever coin they are listed under, and bech32).
// A report belongs to the component of the site its victim met.
// Reports: every site gets a few victims; a victim reports the site's URL (one of a few paths,
// written as people copy it), the address they sent coins to where the site has any, the post
// or message that led them there, and a narrative that may cite VirusTotal's page of the link,
// the address on a block explorer, the site's CryptoScamDB page, or one of a few forum threads
// many victims share.
import { Components, DAY, forumPool, loss, messyUrl, precinct, rng, truthStats, victim, victimTimes, virustotalUrl } from './lib.mjs';

export const NAME = 'cryptoscamdb';
export const REPO = 'CryptoScamDB/blacklist';
export const VERSION = 3;

const unquote = (v) => {
  const t = v.trim();
  if (t.length >= 2 && t[0] === "'" && t.at(-1) === "'") return t.slice(1, -1).replace(/''/g, "'");
  if (t.length >= 2 && t[0] === '"' && t.at(-1) === '"') return t.slice(1, -1).replace(/\\"/g, '"').replace(/\\\\/g, '\\');
  return t;
};

/**
 * Reads the subset of YAML data/urls.yaml is written in: a list of mappings whose `addresses`
 * is a mapping of coin → list; other keys' values (plain, quoted or block scalars, possibly
 * over several lines) are kept as text of their first line only.
 */
export function readBlacklist(text) {
  const entries = [];
  let cur = null;
  let key = null;
  let coin = null;
  for (const line of text.split(/\r?\n/)) {
    if (line === '---' || line.trim() === '') continue;
    let m = /^- ([a-z_]+):(.*)$/.exec(line);
    if (m) {
      cur = { [m[1]]: unquote(m[2]) };
      entries.push(cur);
      key = m[1];
      coin = null;
      continue;
    }
    if (cur === null) continue;
    m = /^ {2}([a-z_]+):(.*)$/.exec(line);
    if (m) {
      key = m[1];
      coin = null;
      if (key === 'addresses') cur.addresses = {};
      else cur[key] = unquote(m[2]);
      continue;
    }
    if (key !== 'addresses') continue; // continuation of a scalar
    m = /^ {4}([A-Za-z0-9_]+):\s*$/.exec(line);
    if (m) {
      coin = m[1];
      cur.addresses[coin] ??= [];
      continue;
    }
    m = /^ {4,}- (.*)$/.exec(line);
    if (m && coin !== null) cur.addresses[coin].push(unquote(m[1]));
  }
  return entries;
}

/** An address as one owner: EVM addresses (any chain) and bech32 are case-insensitive. */
export const addressKey = (addr) => (/^0x[0-9a-f]{40}$/i.test(addr) || /^(bc1|ltc1)/i.test(addr) ? addr.toLowerCase() : addr);

const siteKey = (url) =>
  url
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/+$/, '');

const EXPLORERS = {
  ETH: (a) => `https://etherscan.io/address/${a}`,
  BTC: (a) => `https://www.blockchain.com/explorer/addresses/btc/${a}`,
  TRX: (a) => `https://tronscan.org/#/address/${a}`,
  XRP: (a) => `https://xrpscan.com/account/${a}`,
  LTC: (a) => `https://blockchair.com/litecoin/address/${a}`,
  BCH: (a) => `https://blockchair.com/bitcoin-cash/address/${a}`,
  DOGE: (a) => `https://dogechain.info/address/${a}`,
};

const LURES = {
  giveaway: [
    'To celebrate our launch we are giving away {n} {coin}! Send 0.1–10 {coin} to the address on {url} and get 10x back instantly.',
    '🔥 {brand} official giveaway: the first 500 participants get double back. Details: {url}',
    '【{brand}】官方回馈活动：向活动地址转入{coin}即可获得十倍返还，详见 {url}',
  ],
  phishing: [
    'Your {brand} wallet needs to be verified. Log in at {url} to avoid suspension.',
    '{brand} security alert: unusual sign-in detected, confirm your keystore at {url}',
    '【{brand}】您的钱包存在安全风险，请立即访问 {url} 完成验证',
  ],
  investment: [
    'Guaranteed 3% daily returns with {brand} arbitrage. Start with 0.5 {coin}: {url}',
    '导师带单，{brand}量化套利每日收益3%，注册地址：{url}',
  ],
};
const HOW = ['推特上一个认证账号的回复里', 'Telegram群里', '币圈QQ群里', 'YouTube直播的弹幕里', '搜索引擎广告里', '朋友转发的链接里'];

function categoryOf(entry) {
  const sub = (entry.subcategory ?? '').toLowerCase();
  if (sub === 'trust-trading' || /giveaway|airdrop/i.test(entry.name ?? '')) return ['fake_prize', 'giveaway'];
  if (entry.category === 'Scamming') return ['investment_romance', 'investment'];
  return ['other', 'phishing'];
}

export function build(source, { seed = 1 } = {}) {
  const r = rng(`${NAME}:${seed}`);
  const entries = readBlacklist(source.read('data/urls.yaml').toString('utf8')).filter(
    (e) => typeof e.url === 'string' && /^https?:\/\//i.test(e.url.trim()),
  );

  const comp = new Components();
  const sites = new Map(); // key → { host, path, entry, addresses: [[coin, addr]] }
  for (const e of entries) {
    const key = siteKey(e.url);
    const slash = key.indexOf('/');
    const site = sites.get(key) ?? {
      host: slash < 0 ? key : key.slice(0, slash),
      path: slash < 0 ? '' : key.slice(slash),
      entry: e,
      addresses: [],
    };
    for (const [coin, list] of Object.entries(e.addresses ?? {})) {
      for (const a of list) {
        const addr = String(a).trim();
        if (addr === '') continue;
        site.addresses.push([coin, addr]);
        comp.union(`S:${key}`, `A:${addressKey(addr)}`);
      }
    }
    comp.find(`S:${key}`);
    sites.set(key, site);
  }

  const forums = forumPool(r.fork('forums'), 12);
  const reports = [];
  const truth = {};
  let n = 0;
  const keys = [...sites.keys()].sort();
  for (const key of keys) {
    const site = sites.get(key);
    const s = r.fork(`site:${key}`);
    const [cat, lureKind] = categoryOf(site.entry);
    const victims = 1 + s.geometric(site.addresses.length > 0 ? 0.45 : 0.6, 6);
    const paths = site.path
      ? [site.path]
      : s
          .shuffle(['', '/', '/giveaway', '/claim', '/#/access-my-wallet', '/signmsg.html', '/en/', '/login', '/event/?id=' + s.digits(4)])
          .slice(0, s.int(1, 3));
    const start = Date.UTC(2017, 6, 1) + s.int(0, 1700) * DAY;
    const brand =
      site.entry.subcategory && site.entry.subcategory !== 'Trust-Trading'
        ? site.entry.subcategory
        : s.pick(['Ethereum', 'Elon Musk', 'Vitalik', 'Binance', 'Tesla']);
    for (let v = 0; v < victims; v++) {
      const id = `CSDB-${String(++n).padStart(6, '0')}`;
      const vr = s.fork(`victim:${v}`);
      const [code, district] = precinct(vr);
      const times = victimTimes(vr, start, 60);
      const url = messyUrl(vr, site.host, vr.pick(paths));
      const paid = site.addresses.length > 0 && vr.chance(0.85) ? vr.pick(site.addresses) : null;
      const identifiers = [];
      if (vr.chance(0.92)) identifiers.push({ kind: 'url', value: url, role: 'link' });
      if (paid) identifiers.push({ kind: 'crypto', value: vr.chance(0.9) ? paid[1] : `${paid[0]}: ${paid[1]}`, role: 'payee' });
      const coin = paid ? paid[0] : 'ETH';
      const messages = [];
      if (vr.chance(0.65)) {
        const text = vr
          .pick(LURES[lureKind])
          .replaceAll('{url}', vr.chance(0.7) ? url : `https://${site.host}`)
          .replaceAll('{brand}', brand)
          .replaceAll('{coin}', coin)
          .replace('{n}', String(vr.pick([1000, 5000, 10000])));
        messages.push({ channel: vr.pick(['web', 'im', 'email', 'app']), text });
      }
      const parts = [
        `我在${vr.pick(HOW)}看到${brand}的活动，打开${vr.chance(0.5) ? url : site.host}` +
          (lureKind === 'phishing' ? '后输入了钱包助记词/私钥，' : '后按页面要求转账，') +
          (paid && vr.chance(0.7) ? `向${paid[1]}转了${vr.int(1, 40) / 10}个${coin}，` : '') +
          '之后资产被转走，没有收到任何返还。',
      ];
      if (vr.chance(0.3)) parts.push(`VirusTotal检测结果：${virustotalUrl(vr, `http://${key}/`)}。`);
      if (paid && vr.chance(0.35) && EXPLORERS[paid[0]]) parts.push(`链上记录：${EXPLORERS[paid[0]](paid[1])}`);
      if (vr.chance(0.12)) parts.push(`后来查到CryptoScamDB已收录：https://cryptoscamdb.org/domain/${site.host}`);
      if (vr.chance(0.15)) parts.push(`相关讨论：${vr.pick(forums)}`);
      reports.push({
        id,
        version: 1,
        precinct: code,
        reported_at: times.reported_at,
        occurred_at: times.occurred_at,
        category: cat,
        loss: loss(vr, 500, 300000),
        victim: victim(vr, district),
        location: { district },
        narrative: parts.join(''),
        ...(messages.length > 0 ? { messages } : {}),
        ...(identifiers.length > 0 ? { identifiers } : {}),
      });
      truth[id] = comp.find(`S:${key}`);
    }
  }
  return {
    reports,
    truth,
    stats: {
      ...truthStats(truth),
      sites: sites.size,
      sitesWithAddresses: [...sites.values()].filter((x) => x.addresses.length > 0).length,
    },
    truthRule:
      'connected components of site (URL without scheme and www.) ↔ address (EVM and bech32 lower-cased, any coin) over data/urls.yaml; a report belongs to the component of the site its victim met',
  };
}
