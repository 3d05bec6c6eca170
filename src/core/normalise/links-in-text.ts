// Web addresses and e-mail addresses in free text, found in one pass so that the host of an
// e-mail is never also read as a bare link.
import { parse } from 'tldts';
import { EMAIL_IN_TEXT_SOURCE, normaliseEmail } from './email';
import { type Span, type TextMatch, withRaw } from './extracted';
import { canonicaliseUrl } from './url';
import { BARE_URL_SOURCE, SCHEME_URL_SOURCE, isPlausibleBareUrl, trimUrlMatch } from './url-in-text';

const LINKS = new RegExp(`(${SCHEME_URL_SOURCE})|(${EMAIL_IN_TEXT_SOURCE})|(${BARE_URL_SOURCE})`, 'gi');
const QQ_MAILBOX = /^([1-9]\d{4,10})@(?:qq|vip\.qq|foxmail)\.com$/;

export function findLinks(text: string, out: TextMatch[], spans: Span[]): void {
  LINKS.lastIndex = 0;
  for (let m = LINKS.exec(text); m !== null; m = LINKS.exec(text)) {
    const index = m.index;
    spans.push({ start: index, end: index + m[0].length });
    if (m[2] !== undefined) {
      const email = normaliseEmail(m[2]);
      const host = m[2].slice(m[2].indexOf('@') + 1).toLowerCase();
      if (email === null || !parse(host, { extractHostname: false }).isIcann) continue;
      out.push({ index, identifier: withRaw(email, m[2]) });
      // A QQ mailbox names the QQ account too.
      const qq = QQ_MAILBOX.exec(email.value);
      if (qq !== null) out.push({ index, identifier: { kind: 'qq', value: qq[1] as string, raw: m[2] } });
      continue;
    }
    const raw = trimUrlMatch(m[0]);
    if (m[3] !== undefined && !isPlausibleBareUrl(raw)) {
      spans.pop();
      continue;
    }
    const url = canonicaliseUrl(raw);
    if (url !== null) out.push({ index, identifier: withRaw(url, raw) });
  }
}
