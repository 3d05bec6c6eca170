// Validation of the add-source and token forms, mirroring what the backend checks (feed-url.ts,
// the API schemas), so the investigator hears what is wrong before anything is sent. Each
// check returns null when the text is acceptable, or the key of the sentence that says why.

import type { TextKey } from '../i18n/messages';

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

export function urlProblem(text: string): TextKey | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return 'sources.invalidUrl';
  }
  if (text.trim().length > 2048 || url.hostname === '') return 'sources.invalidUrl';
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'sources.invalidUrl';
  if (url.protocol === 'http:' && !LOOPBACK.test(url.hostname)) return 'sources.invalidUrlHttp';
  if (url.username || url.password || url.search || url.hash) return 'sources.invalidUrlParts';
  return null;
}

export function precinctProblem(text: string): TextKey | null {
  // eslint-disable-next-line no-control-regex
  return text.trim() === '' || text !== text.trim() || text.length > 128 || /[\u0000-\u001f\u007f]/.test(text)
    ? 'sources.invalidPrecinct'
    : null;
}

export function tokenProblem(text: string): TextKey | null {
  return /^[\x21-\x7e]{1,4096}$/.test(text) ? null : 'sources.invalidToken';
}
