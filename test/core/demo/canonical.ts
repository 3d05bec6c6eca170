// A deliberately simple canonical form for the demo's identifiers, independent of the app's
// normaliser: enough to tell whether two written forms are the same value.
import type { ReportedIdentifier } from '../../../src/common/model';

export function canonical(id: Pick<ReportedIdentifier, 'kind' | 'value'>): string {
  const v = id.value.normalize('NFKC').trim();
  switch (id.kind) {
    case 'phone':
      return `phone:${phoneDigits(v)}`;
    case 'bank_card':
    case 'bank_account':
      return `card:${v.replace(/\D/g, '')}`;
    case 'qq':
      return `qq:${v.replace(/\D/g, '')}`;
    case 'wechat':
      return `wechat:${v
        .replace(/^(微信号?[:：]?|wx:)/i, '')
        .trim()
        .toLowerCase()}`;
    case 'alipay':
      return v.includes('@') ? `email:${v.toLowerCase()}` : `phone:${phoneDigits(v)}`;
    case 'url':
      return `url:${canonicalUrl(v)}`;
    default:
      return `${id.kind}:${v}`;
  }
}

export function phoneDigits(v: string): string {
  const d = v.normalize('NFKC').replace(/\D/g, '');
  if (d.startsWith('0086')) return d.slice(4);
  if (d.startsWith('86') && d.length > 11) return d.slice(2);
  return d;
}

export function canonicalUrl(v: string): string {
  const m = /^(?:https?:\/\/)?([^/?#]+)([^?#]*)/i.exec(v.trim());
  if (!m) return v;
  const host = (m[1] as string).toLowerCase().replace(/^www\./, '');
  const path = (m[2] as string).replace(/\/$/, '');
  return host + path;
}
