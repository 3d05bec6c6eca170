// Hub values: identifiers many unrelated reports share without pointing at any fraudster — the
// real hotlines of banks and platforms, 110, the anti-fraud warning line, the national
// anti-fraud app, big shopping sites, public short-link hosts, meeting apps. Citizens quote them
// all the time; an engine that links reports on them builds one giant false series, so the demo
// scatters them on purpose and exports them for tests and evaluation.

import type { Category, ReportedIdentifier } from '../../common/model';
import { BANKS, type Bank } from './bank-cards';
import type { Rng } from './prng';

export const PLATFORM_SITES = [
  'taobao.com',
  'www.taobao.com',
  'jd.com',
  'item.jd.com',
  'pinduoduo.com',
  'mobile.yangkeduo.com',
  'www.alipay.com',
  'douyin.com',
];
export const PUBLIC_SHORT_HOSTS = ['t.cn', 'url.cn', 'dwz.cn', 'suo.im'];
/** 110; the anti-fraud warning line; the MIIT fraud-call warning line; Alipay; SF Express. */
export const SERVICE_PHONES = ['110', '96110', '12381', '95188', '95338'];
export const HUB_APPS = ['国家反诈中心', '腾讯会议', 'ZOOM', '向日葵远程控制'];
export const CREDIT_BUREAU_SITE = 'www.pbccrc.org.cn';

/** Every hub value in canonical form: phones as digits, sites as lower-case host without www. */
export const HUB_VALUES: ReadonlySet<string> = new Set([
  ...BANKS.map((b) => b.hotline),
  ...SERVICE_PHONES,
  ...[...PLATFORM_SITES, CREDIT_BUREAU_SITE].map((s) => s.replace(/^www\./, '')),
  ...PUBLIC_SHORT_HOSTS,
  ...HUB_APPS,
]);

/** A hub value a victim of this scam type might list among the fraudster's identifiers. */
export function hubIdentifier(rng: Rng, category: Category, bank: Bank): ReportedIdentifier {
  const r = rng.float();
  switch (category) {
    case 'fake_customer_service':
    case 'online_shopping':
      if (r < 0.6) return { kind: 'url', value: rng.pick(PLATFORM_SITES), role: 'link' };
      if (r < 0.8) return { kind: 'other', value: rng.pick(HUB_APPS.slice(1)), role: 'app' };
      break;
    case 'fake_prize':
    case 'credit_record':
    case 'loan':
      if (r < 0.6) return { kind: 'phone', value: bank.hotline, role: 'contact' };
      if (r < 0.75 && category === 'credit_record') return { kind: 'url', value: CREDIT_BUREAU_SITE, role: 'link' };
      if (r < 0.85) return { kind: 'url', value: rng.pick(PUBLIC_SHORT_HOSTS), role: 'link' };
      break;
    case 'impersonating_officials':
      if (r < 0.6) return { kind: 'phone', value: '110', role: 'contact' };
      break;
    default:
      break;
  }
  const s = rng.float();
  if (s < 0.35) return { kind: 'other', value: '国家反诈中心', role: 'app' };
  if (s < 0.6) return { kind: 'phone', value: '96110', role: 'contact' };
  if (s < 0.85) return { kind: 'phone', value: rng.pick(BANKS).hotline };
  return { kind: 'phone', value: '110' };
}
