// Dates and times as they were written: a report stamped 09:12+08:00 shows 09:12, whatever
// the time zone of the computer reading it. We shift the instant by the stamp's own offset
// and format in UTC, which gives the original wall clock.

import { intlLocale, type Language } from './locale';

const STAMP = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})?)?$/;

/** The wall-clock time a timestamp names, as a Date whose UTC fields hold it; null if unreadable. */
export function wallClock(stamp: string): Date | null {
  const m = STAMP.exec(stamp.trim());
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const date = new Date(ms);
  // Reject 2017-02-30 and friends rather than rolling them over.
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(mo) - 1 || date.getUTCDate() !== Number(d)) return null;
  return date;
}

type FormatKind = 'date' | 'dateTime' | 'localDateTime';
const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * One Intl format per kind and language, made once: a date, or a date and time, read from a
 * wall clock (in UTC, see above), or a date and time in the computer's own zone.
 */
function cachedFormat(kind: FormatKind, language: Language): Intl.DateTimeFormat {
  const key = `${kind} ${language}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(language), {
      year: 'numeric',
      month: language === 'zh-CN' ? 'long' : 'short',
      day: 'numeric',
      ...(kind === 'date' ? {} : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
      ...(kind === 'localDateTime' ? {} : { timeZone: 'UTC' }),
    });
    formats.set(key, format);
  }
  return format;
}

/** "2017年6月3日" / "3 Jun 2017"; the input unchanged when it is not a timestamp. */
export function formatDate(stamp: string, language: Language): string {
  const date = wallClock(stamp);
  return date ? cachedFormat('date', language).format(date) : stamp;
}

/** "2017年6月3日 09:12" / "3 Jun 2017, 09:12". */
export function formatDateTime(stamp: string, language: Language): string {
  const date = wallClock(stamp);
  if (!date) return stamp;
  // A bare date has no time worth showing.
  return /^\d{4}-\d{2}-\d{2}$/.test(stamp.trim())
    ? cachedFormat('date', language).format(date)
    : cachedFormat('dateTime', language).format(date);
}

/** True for a valid calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && wallClock(text) !== null;
}

/**
 * An instant this workstation recorded (a note, an audit entry, an export), in the computer's own
 * time zone: "2026年11月24日 19:28". Report stamps keep their own offset (formatDateTime).
 */
export function formatLocalDateTime(stamp: string, language: Language): string {
  const ms = Date.parse(stamp);
  if (Number.isNaN(ms)) return stamp;
  return cachedFormat('localDateTime', language).format(new Date(ms));
}

/**
 * The instants a day of this computer's calendar runs between (start inclusive, end exclusive),
 * for filters on instants the workstation recorded: a day typed as 2026-11-24 in Beijing starts
 * at 2026-11-23T16:00:00.000Z. Built from the calendar fields, so a day of a daylight-saving
 * change is its true 23 or 25 hours. Null for a text that is no valid YYYY-MM-DD date.
 */
export function localDayBounds(day: string): { readonly start: string; readonly end: string } | null {
  if (!isIsoDate(day)) return null;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const start = new Date(y, m - 1, d);
  const end = new Date(y, m - 1, d + 1);
  // Years 0–99 are read by Date as 1900–1999.
  start.setFullYear(y, m - 1, d);
  end.setFullYear(y, m - 1, d + 1);
  return { start: start.toISOString(), end: end.toISOString() };
}
