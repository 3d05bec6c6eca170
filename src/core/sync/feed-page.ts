// The edge where a feed's 200 answer becomes a typed page. The whole page is rejected (and
// nothing of it stored) unless it has exactly the protocol's shape; single records inside a good
// page are validated later, one by one, so one bad record never costs the others.

export interface FeedPage {
  /** Records as decoded, not yet validated (that is parseRecord's job, per record). */
  readonly reports: readonly unknown[];
  readonly next: string;
  readonly more: boolean;
}

export type PageParse = { readonly ok: true; readonly page: FeedPage } | { readonly ok: false; readonly reason: string };

/** A cursor is opaque, but one longer than this is not a cursor; it would also not fit in a URL. */
export const MAX_CURSOR_CHARS = 16_384;

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

export function parseFeedPage(body: Buffer, contentType: string | undefined): PageParse {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return { ok: false, reason: 'the body is not UTF-8 text' };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const type = contentType ? ` (Content-Type ${contentType.split(';')[0]})` : '';
    return { ok: false, reason: text.trim() === '' ? 'the body is empty' : `the body is not JSON${type}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, reason: `the body is ${kindOf(value)}, not an object` };
  const page = value as Record<string, unknown>;
  const { reports, next, more } = page;
  if (!Array.isArray(reports))
    return { ok: false, reason: reports === undefined ? '"reports" is missing' : `"reports" is ${kindOf(reports)}, not an array` };
  if (typeof next !== 'string')
    return { ok: false, reason: next === undefined ? '"next" is missing' : `"next" is ${kindOf(next)}, not a string` };
  if (next.length > MAX_CURSOR_CHARS) return { ok: false, reason: `"next" is longer than ${MAX_CURSOR_CHARS} characters` };
  if (typeof more !== 'boolean')
    return { ok: false, reason: more === undefined ? '"more" is missing' : `"more" is ${kindOf(more)}, not true or false` };
  return { ok: true, page: { reports: reports as unknown[], next, more } };
}
