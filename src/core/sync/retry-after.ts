// Retry-After (RFC 9110 §10.2.3): a number of seconds, or an HTTP-date. HTTP-dates come in three
// historical forms that a conforming recipient must accept; all are in GMT. Returns how long to
// wait in milliseconds, or null when the header is missing or unreadable (the caller then backs
// off on its own schedule). A date in the past means "now".

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// Sun, 06 Nov 1994 08:49:37 GMT
const IMF = /^[A-Za-z]{3}, (\d{2}) ([A-Za-z]{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
// Sunday, 06-Nov-94 08:49:37 GMT
const RFC850 = /^[A-Za-z]+, (\d{2})-([A-Za-z]{3})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
// Sun Nov  6 08:49:37 1994
const ASCTIME = /^[A-Za-z]{3} ([A-Za-z]{3}) ( \d|\d{2}) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/;

function utc(year: number, monthName: string, day: number, h: number, m: number, s: number): number | null {
  const month = MONTHS.indexOf(monthName.toLowerCase());
  if (month < 0 || day < 1 || day > 31 || h > 23 || m > 59 || s > 60) return null;
  const ms = Date.UTC(year, month, day, h, m, Math.min(s, 59));
  return new Date(ms).getUTCDate() === day ? ms : null;
}

export function parseHttpDate(text: string, nowMs: number = Date.now()): number | null {
  let g = IMF.exec(text);
  if (g) return utc(Number(g[3]), g[2] as string, Number(g[1]), Number(g[4]), Number(g[5]), Number(g[6]));
  g = RFC850.exec(text);
  if (g) {
    // Two-digit years: RFC 9110 says a year more than 50 years ahead is in the past century.
    let year = 2000 + Number(g[3]);
    if (year > new Date(nowMs).getUTCFullYear() + 50) year -= 100;
    return utc(year, g[2] as string, Number(g[1]), Number(g[4]), Number(g[5]), Number(g[6]));
  }
  g = ASCTIME.exec(text);
  if (g) return utc(Number(g[6]), g[1] as string, Number((g[2] as string).trim()), Number(g[3]), Number(g[4]), Number(g[5]));
  return null;
}

export function parseRetryAfter(header: string | null | undefined, nowMs: number = Date.now()): number | null {
  if (header === null || header === undefined) return null;
  const text = header.trim();
  if (/^\d{1,10}$/.test(text)) return Number(text) * 1000;
  const at = parseHttpDate(text, nowMs);
  return at === null ? null : Math.max(0, at - nowMs);
}
