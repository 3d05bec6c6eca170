// polkadot-js/phishing → citizens' reports.
//
// Source: address.json (phishing site or actor → the addresses it collected funds into),
// all.json `deny` (phishing hosts), meta/YYYY-MM.json (the day each host was listed).
// Truth: connected components of the bipartite graph site ↔ address over address.json; a deny
// host that address.json does not name is a component of its own. Every report of a victim of
// a site belongs to that site's component.
// Reports: each site gets a few victims (address.json sites more than deny-only hosts); a victim
// reports the site's URL (one of a few paths per site, written as people copy it) and, where the
// site has addresses, the one they paid into; the lure they received (an airdrop or wallet
// "validation" text with the link, some in English); a narrative that sometimes cites what they
// looked at afterwards: VirusTotal's page of the link, the address on Subscan, a forum thread
// (from a small pool many victims share), an anti-fraud portal.
import {
  APP_STORE_PAGES,
  Components,
  DAY,
  GOV_PORTALS,
  forumPool,
  loss,
  messyUrl,
  parseDay,
  precinct,
  rng,
  truthStats,
  victim,
  victimTimes,
  virustotalUrl,
} from './lib.mjs';

export const NAME = 'polkadot-phishing';
export const REPO = 'polkadot-js/phishing';
export const VERSION = 2;

const LURES_EN = [
  'Polkadot airdrop is live! Connect your wallet at {url} to claim {n} DOT before {day}.',
  'Your DOT staking rewards are ready. Validate your wallet at {url} within 24 hours or they expire.',
  'Congratulations! Your address is eligible for the {brand} claim. Visit {url} and sign to receive {n} DOT.',
  'Wallet sync required: your extension is out of date, restore it at {url}',
];
const LURES_ZH = [
  '【{brand}】空投活动开启，前往 {url} 连接钱包即可领取{n}枚DOT，{day}截止',
  '【{brand}】您的质押奖励待领取，请在24小时内访问 {url} 验证钱包',
  '恭喜您的地址获得{brand}空投资格，打开 {url} 签名领取{n} DOT',
  '您的钱包插件需要同步升级，请访问 {url} 恢复钱包，否则资产将被冻结',
];
const BRANDS = ['Polkadot', 'Kusama', 'Polkadot{.js}', 'Acala', 'Moonbeam', 'Astar', 'Web3 Foundation'];
const PATHS = [
  '',
  '/claim',
  '/airdrop',
  '/#/connect',
  '/wallet/connect',
  '/validate',
  '/staking',
  '/dot',
  '/en/claim.html',
  '/app/#/accounts',
  '/sync',
  '/restore',
];
const HOW = ['在Telegram群里', '在推特上', '在Discord频道里', '通过邮件', '在币圈微信群里', '在搜索引擎广告里'];

function category(site) {
  if (/claim|airdrop|reward|bonus|gift|giveaway|drop/i.test(site)) return 'fake_prize';
  if (/swap|exchange|changer|pool|stak|invest|trade|bid|yield|earn/i.test(site)) return 'investment_romance';
  return 'other';
}

const isHost = (site) => /^[a-z0-9.-]+\.[a-z0-9-]{2,}$/i.test(site);

export function build(source, { seed = 1, denySample = 3000 } = {}) {
  const r = rng(`${NAME}:${seed}`);
  const addressJson = JSON.parse(source.read('address.json').toString('utf8'));
  const all = JSON.parse(source.read('all.json').toString('utf8'));
  const listedOn = new Map();
  for (const file of source.list('meta/')) {
    if (!/^meta\/\d{4}-\d{2}\.json$/.test(file)) continue;
    for (const entry of JSON.parse(source.read(file).toString('utf8'))) {
      const day = parseDay(entry.date ?? '');
      const host = String(entry.url ?? '')
        .toLowerCase()
        .replace(/^www\./, '');
      if (day !== null && (!listedOn.has(host) || listedOn.get(host) > day)) listedOn.set(host, day);
    }
  }

  // Truth: site ↔ address components.
  const comp = new Components();
  const sites = new Map(); // site key → addresses
  for (const [site, addresses] of Object.entries(addressJson)) {
    const key = site
      .trim()
      .toLowerCase()
      .replace(/^www\./, '');
    const list = (sites.get(key) ?? []).concat(addresses.map((a) => String(a).trim()));
    sites.set(key, list);
    comp.find(`S:${key}`);
    for (const a of list) comp.union(`S:${key}`, `A:${a}`);
  }
  const denyOnly = all.deny
    .map((h) =>
      String(h)
        .trim()
        .toLowerCase()
        .replace(/^www\./, ''),
    )
    .filter((h) => isHost(h) && !sites.has(h))
    .sort();
  const picked = r
    .fork('deny')
    .shuffle([...new Set(denyOnly)])
    .slice(0, denySample)
    .sort();
  for (const h of picked) {
    sites.set(h, []);
    comp.find(`S:${h}`);
  }

  const forums = forumPool(r.fork('forums'), 10);
  const reports = [];
  const truth = {};
  let n = 0;
  const defaultStart = Date.UTC(2022, 0, 1);
  for (const [site, addresses] of sites) {
    const s = r.fork(`site:${site}`);
    const host = isHost(site) ? site : null;
    const victims = 1 + (addresses.length > 0 ? s.geometric(0.4, 8) : s.geometric(0.6, 4));
    const paths = s
      .shuffle(PATHS)
      .slice(0, s.int(1, 3))
      .map((p) => (p === '/dot' || p === '/claim' ? `${p}?ref=${s.digits(5)}` : p));
    const start = listedOn.get(site) ?? defaultStart + s.int(0, 1200) * DAY;
    const brand = s.pick(BRANDS);
    const cat = category(site);
    const handle = `@${brand.replace(/[^A-Za-z]/g, '')}_${s.pick(['Support', 'Airdrop', 'Help', 'Official'])}${s.digits(3)}`;
    for (let v = 0; v < victims; v++) {
      const id = `PDOT-${String(++n).padStart(6, '0')}`;
      const vr = s.fork(`victim:${v}`);
      const [code, district] = precinct(vr);
      const times = victimTimes(vr, start - 10 * DAY, 40);
      const url = host ? messyUrl(vr, host, vr.pick(paths)) : null;
      const address = addresses.length > 0 ? vr.pick(addresses) : null;
      const identifiers = [];
      if (url && vr.chance(0.9)) identifiers.push({ kind: 'url', value: url, role: 'link' });
      if (address && (url === null || vr.chance(0.75))) {
        const written = vr.weighted([
          [address, 18],
          [`DOT:${address}`, 1],
          [` ${address} `, 1],
        ]);
        identifiers.push({ kind: 'crypto', value: written, role: 'payee' });
      }
      const messages = [];
      const lureUrl = url ?? (host ? `https://${host}` : null);
      if (lureUrl && vr.chance(0.7)) {
        const zh = vr.chance(0.55);
        const text = vr
          .pick(zh ? LURES_ZH : LURES_EN)
          .replace('{url}', lureUrl)
          .replace('{brand}', brand)
          .replace('{n}', String(vr.pick([50, 100, 200, 500, 1000])))
          .replace(
            '{day}',
            zh ? `${vr.int(1, 12)}月${vr.int(1, 28)}日` : `${vr.pick(['May', 'June', 'July', 'Oct', 'Nov'])} ${vr.int(1, 28)}`,
          );
        const channel = vr.pick(['im', 'im', 'web', 'email']);
        messages.push(channel === 'im' && vr.chance(0.5) ? { channel, sender: handle, text } : { channel, text });
      }
      const dot = vr.int(20, 4000);
      const parts = [
        `本人${vr.pick(HOW)}看到${brand}相关活动，` +
          (host ? `打开${vr.chance(0.6) && url ? url : host}后按提示连接钱包并签名授权，` : '对方自称官方客服，指导我操作钱包转账，') +
          (address && vr.chance(0.6) ? `随后钱包里约${dot}枚DOT被转到${address}。` : `随后钱包里约${dot}枚DOT被转走。`),
      ];
      if (vr.chance(0.3) && lureUrl) parts.push(`事后在VirusTotal查了这个链接：${virustotalUrl(vr, lureUrl.toLowerCase())}。`);
      if (address && vr.chance(0.2)) parts.push(`转账记录见 https://polkadot.subscan.io/account/${address}`);
      if (vr.chance(0.15)) parts.push(`网上也有人被骗，帖子：${vr.pick(forums)}`);
      if (vr.chance(0.06)) parts.push(`已在${vr.pick(GOV_PORTALS)}举报，并下载了国家反诈中心APP ${vr.pick(APP_STORE_PAGES)}。`);
      reports.push({
        id,
        version: 1,
        precinct: code,
        reported_at: times.reported_at,
        occurred_at: times.occurred_at,
        category: cat,
        loss: loss(vr, 300, 250000),
        victim: victim(vr, district),
        location: { district },
        narrative: parts.join(''),
        ...(messages.length > 0 ? { messages } : {}),
        ...(identifiers.length > 0 ? { identifiers } : {}),
      });
      truth[id] = comp.find(`S:${site}`);
    }
  }
  return {
    reports,
    truth,
    stats: { ...truthStats(truth), addressJsonSites: Object.keys(addressJson).length, denyHostsSampled: picked.length },
    truthRule:
      'connected components of site ↔ address over address.json; every sampled all.json deny host not in address.json is its own component; a report belongs to the component of the site its victim met',
  };
}
