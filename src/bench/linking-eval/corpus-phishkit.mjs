// neonprimetime/PhishingKitTracker → citizens' reports.
//
// Source: the monthly YYYY-MM_PhishingKitTracker.csv files; a row is an e-mail address found in
// a file (KitMailer) of a phishing kit (KitName, KitHash, KitUrl, PhishingDomain) found on a day.
// Kits carry the operator's drop mailboxes, but also addresses that are not the operator's:
// authors of bundled libraries (PHPMailer, geoPlugin, Mobile_Detect…), a kit author's backdoor
// mailbox in every copy sold, template placeholders (test@email.com). Some "kits" are archives
// of many kits' configurations.
// Truth, mechanically:
//  - a kit is its KitHash (or KitName and day where the hash is empty); its e-mails are the
//    rows' ThreatActorEmail that look like an address;
//  - a kit with more than 8 distinct e-mails is an archive, not one deployment: left out;
//  - an e-mail is shared (not an operator) when it is in 3 or more kits and those kits hold 8 or
//    more other distinct e-mails;
//  - clusters are the connected components of kit ↔ operator e-mail and kit ↔ the folder of a
//    host it was found in; a kit whose e-mails are all shared, found in a folder no other kit
//    was, is a cluster of its own (one zip, one configuration).
// Reports: a deployment is a kit on a host (KitUrl's host, else PhishingDomain, else the host
// KitName starts with); each gets a few victims who report the page's URL (the kit's folder on
// that host with a page and a per-victim query), sometimes an operator mailbox the lure asked
// them to reply to, the lure e-mail, and a narrative. About one report in eight is filed by an
// IT administrator who found the kit: it lists the kit's archive URL, every e-mail in the kit's
// configuration (shared ones included) and VirusTotal's page of the kit's hash.
import { parse } from 'csv-parse/sync';
import {
  Components,
  DAY,
  forumPool,
  loss,
  messyUrl,
  parseDay,
  precinct,
  rng,
  truthStats,
  victim,
  victimTimes,
  virustotalFile,
  virustotalUrl,
} from './lib.mjs';

export const NAME = 'phishing-kits';
export const REPO = 'neonprimetime/PhishingKitTracker';
export const VERSION = 2;

const EMAIL = /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/;
const HOST = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}$/;

const BRANDS = [
  [/office|o365|outlook|hotmail|microsoft|msexcel|excel|sharepoint|onedrive|live/i, 'Microsoft 365', 'other'],
  [/dropbox/i, 'Dropbox', 'other'],
  [/adobe|pdf/i, 'Adobe', 'other'],
  [/docusign/i, 'DocuSign', 'other'],
  [/apple|icloud|itunes/i, 'Apple', 'other'],
  [/yahoo|aol|gmail|google|gdoc|163\.com|webmail|mail/i, 'Webmail', 'other'],
  [/dhl|fedex|ups|usps|maersk|sflogistic|parcel|track/i, 'DHL', 'fake_customer_service'],
  [/alibaba|amazon|ebay|aliexpress/i, 'Alibaba', 'online_shopping'],
  [
    /boa|bankofamerica|chase|wells|paypal|itau|atualizacao|santander|rbc|cibc|hsbc|natwest|halifax|capital|amex|americanexpress|navy|bank|banco|westernunion|stripe/i,
    'Bank',
    'fake_prize',
  ],
  [/ourtime|match|zoosk|dating/i, 'OurTime', 'other'],
  [/linkedin|facebook|instagram|whatsapp/i, 'LinkedIn', 'other'],
  [/wetransfer/i, 'WeTransfer', 'other'],
];
function brandOf(text) {
  for (const [re, brand, cat] of BRANDS) if (re.test(text)) return [brand, cat];
  return ['Webmail', 'other'];
}

const LURES = [
  'Dear user, your {brand} mailbox has reached its storage limit. Verify your account at {url} to keep receiving messages.',
  'You have received a secure document via {brand}. View it here: {url}',
  '{brand}: we noticed unusual sign-in activity. Confirm your identity at {url} within 24 hours.',
  '【{brand}】您的邮箱即将停用，请点击 {url} 验证账户',
  '您有一份{brand}共享文件待查收，请登录查看：{url}',
];
const SHIPPING_LURE = 'Your {brand} shipment is on hold due to an incomplete address. Update delivery details: {url}';
const PAGES = ['index.php', 'login.php', 'verify.php', 'index.html', 'signin.php', 'auth.php', ''];

export function build(source, { seed = 1 } = {}) {
  const r = rng(`${NAME}:${seed}`);
  const files = source
    .list('')
    .filter((f) => /^\d{4}-\d{2}_PhishingKitTracker\.csv$/.test(f))
    .sort();
  const rows = [];
  for (const f of files) {
    const recs = parse(source.read(f), { columns: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, bom: true });
    for (const rec of recs) rows.push(rec);
  }

  // Kits and their e-mails.
  const kits = new Map(); // kit id → { emails:Set, rows:[] }
  for (const row of rows) {
    const hash = (row.KitHash ?? '').trim().toLowerCase();
    const id = hash !== '' ? `H:${hash}` : `N:${(row.KitName ?? '').trim()}|${(row.DateFound ?? '').trim()}`;
    const kit = kits.get(id) ?? { id, hash, emails: new Set(), rows: [] };
    const email = (row.ThreatActorEmail ?? '').trim().toLowerCase();
    if (EMAIL.test(email)) kit.emails.add(email);
    kit.rows.push(row);
    kits.set(id, kit);
  }
  const archives = new Set([...kits.values()].filter((k) => k.emails.size > 8).map((k) => k.id));
  const kitsOf = new Map();
  const partners = new Map();
  for (const kit of kits.values()) {
    if (archives.has(kit.id)) continue;
    for (const e of kit.emails) {
      if (!kitsOf.has(e)) kitsOf.set(e, new Set());
      if (!partners.has(e)) partners.set(e, new Set());
      kitsOf.get(e).add(kit.id);
      for (const o of kit.emails) if (o !== e) partners.get(e).add(o);
    }
  }
  const shared = new Set([...kitsOf.keys()].filter((e) => kitsOf.get(e).size >= 3 && partners.get(e).size >= 8));
  const comp = new Components();
  for (const kit of kits.values()) {
    if (archives.has(kit.id)) continue;
    comp.find(`K:${kit.id}`);
    for (const e of kit.emails) if (!shared.has(e)) comp.union(`K:${kit.id}`, `E:${e}`);
  }

  // Deployments: a kit on a host.
  const deployments = new Map();
  for (const kit of kits.values()) {
    if (archives.has(kit.id)) continue;
    for (const row of kit.rows) {
      let host = null;
      let folder = null;
      let archiveUrl = null;
      const kitUrl = (row.KitUrl ?? '').trim();
      const kitName = (row.KitName ?? '').trim();
      const m = /^https?:\/\/([^/\s]+)(\/[^\s]*)?$/i.exec(kitUrl);
      if (m) {
        host = m[1].toLowerCase();
        archiveUrl = kitUrl;
        const p = (m[2] ?? '/').replace(/\.zip$/i, '');
        folder = p.length > 1 ? p : null;
      }
      if (!host && HOST.test((row.PhishingDomain ?? '').trim().toLowerCase())) host = row.PhishingDomain.trim().toLowerCase();
      if (!host) {
        const n = /^([a-z0-9.-]+\.[a-z]{2,})_(.+?)(?:\.zip)?$/i.exec(kitName);
        if (n && HOST.test(n[1].toLowerCase())) {
          host = n[1].toLowerCase();
          folder = `/${n[2].replace(/[^A-Za-z0-9_.-]/g, '')}`;
        }
      }
      if (!host) continue;
      host = host.replace(/^www\./, '');
      folder ??= `/${kitName.replace(/\.zip$/i, '').replace(/[^A-Za-z0-9_.-]/g, '') || 'secure'}`;
      const key = `${host}|${folder}|${kit.id}`;
      // Kits in the same folder of the same host are one operator's (a victim cannot tell them apart).
      comp.union(`K:${kit.id}`, `F:${host}|${folder}`);
      const day = parseDay((row.DateFound ?? '').trim());
      const dep = deployments.get(key) ?? {
        key,
        host,
        folder,
        kit,
        archiveUrl,
        day,
        text: `${kitName} ${row.Target ?? ''} ${row.KitMailer ?? ''}`,
      };
      if (day !== null && (dep.day === null || day < dep.day)) dep.day = day;
      dep.archiveUrl ??= archiveUrl;
      deployments.set(key, dep);
    }
  }

  const forums = forumPool(r.fork('forums'), 8);
  const reports = [];
  const truth = {};
  let n = 0;
  for (const key of [...deployments.keys()].sort()) {
    const dep = deployments.get(key);
    const s = r.fork(`dep:${key}`);
    const [brand, cat] = brandOf(dep.text);
    const operators = [...dep.kit.emails].filter((e) => !shared.has(e)).sort();
    const victims = 1 + s.geometric(0.55, 4);
    const pages = s.shuffle(PAGES).slice(0, s.int(1, 2));
    const start = dep.day ?? Date.UTC(2019, 0, 1);
    const phishtank = s.int(5000000, 7000000);
    for (let v = 0; v < victims; v++) {
      const id = `PKIT-${String(++n).padStart(6, '0')}`;
      const vr = s.fork(`victim:${v}`);
      const [code, district] = precinct(vr);
      const times = victimTimes(vr, start - 5 * DAY, 20);
      const page = vr.pick(pages);
      const query = vr.weighted([
        ['', 2],
        [`?email=${vr.letters(6)}%40${vr.pick(['163.com', 'qq.com', 'sina.com', 'corp-mail.cn'])}`, 3],
        [`?id=${vr.letters(16, '0123456789abcdef')}`, 2],
        [`?dispatch=${vr.letters(24, 'abcdefghijklmnopqrstuvwxyz0123456789')}`, 1],
      ]);
      const pathAndQuery = `${dep.folder}/${page}${query}`;
      const url = messyUrl(vr, dep.host, pathAndQuery);
      const identifiers = [{ kind: 'url', value: url, role: 'link' }];
      if (operators.length > 0 && vr.chance(0.3)) identifiers.push({ kind: 'email', value: vr.pick(operators), role: 'contact' });
      const messages = [];
      if (vr.chance(0.7)) {
        const lure = brand === 'DHL' && vr.chance(0.7) ? SHIPPING_LURE : vr.pick(LURES);
        messages.push({
          channel: 'email',
          text: lure.replaceAll('{brand}', brand).replace('{url}', vr.chance(0.8) ? url : `http://${dep.host}${dep.folder}/`),
        });
      }
      const parts = [];
      const admin = vr.chance(0.12);
      if (admin) {
        const listed = [...dep.kit.emails].sort().slice(0, 6);
        parts.push(
          `本单位信息科报案：员工收到冒充${brand}的钓鱼邮件，打开 ${url} 后输入了企业邮箱账号密码，邮箱随后被用于向客户发送虚假付款通知。` +
            `我们在该网站目录下找到钓鱼工具包 ${dep.archiveUrl ?? `http://${dep.host}${dep.folder}.zip`}` +
            (listed.length > 0 ? `，配置里的收信邮箱有：${listed.join('、')}` : '') +
            (dep.kit.hash ? `；样本：${virustotalFile(vr, dep.kit.hash)}` : '') +
            '。',
        );
      } else {
        parts.push(
          `收到一封冒充${brand}的邮件，点开链接${vr.chance(0.5) ? ` ${url} ` : ''}后输入了账号和密码，之后账户被盗用，对方冒用我的身份向联系人借钱。`,
        );
      }
      if (vr.chance(0.25)) parts.push(`VirusTotal：${virustotalUrl(vr, `http://${dep.host}${dep.folder}/${page}`)}`);
      if (vr.chance(0.1)) parts.push(`PhishTank已收录：https://phishtank.org/phish_detail.php?phish_id=${phishtank}`);
      if (vr.chance(0.08)) parts.push(`网上的讨论：${vr.pick(forums)}`);
      reports.push({
        id,
        version: 1,
        precinct: code,
        reported_at: times.reported_at,
        occurred_at: times.occurred_at,
        category: cat,
        loss: vr.chance(0.3) ? null : loss(vr, 100, 60000),
        victim: victim(vr, district),
        location: { district },
        narrative: parts.join(''),
        ...(messages.length > 0 ? { messages } : {}),
        identifiers,
      });
      truth[id] = comp.find(`K:${dep.kit.id}`);
    }
  }
  return {
    reports,
    truth,
    stats: {
      ...truthStats(truth),
      rows: rows.length,
      kits: kits.size,
      archiveKitsLeftOut: archives.size,
      sharedEmails: shared.size,
      deployments: deployments.size,
    },
    truthRule:
      'kit = KitHash (or KitName and day); kits with more than 8 e-mails left out as archives; an e-mail in 3+ kits whose kits hold 8+ other e-mails is shared, not an operator; clusters = connected components of kit ↔ operator e-mail and kit ↔ host folder, a kit with only shared e-mails in a folder of its own alone',
  };
}
