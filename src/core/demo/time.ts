// Time for the demo precinct: everything happens in Nanjing (UTC+08:00) and is written as
// RFC 3339 with that offset. Instants are epoch milliseconds; calendar fields come from UTC
// getters on the instant shifted by eight hours, so the host's time zone never leaks in.

import { parseRfc3339 } from '../report/rfc3339';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
const OFFSET = 8 * HOUR;

/** Epoch ms of a start given as `YYYY-MM-DD` (midnight in Nanjing) or a full RFC 3339 timestamp. */
export function parseStart(start: string): number {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(start);
  const parsed = parseRfc3339(date ? `${start}T00:00:00+08:00` : start);
  if ('error' in parsed) throw new RangeError(`demo start "${start}" ${parsed.error}`);
  return parsed.ms;
}

// 00..99, so that formatting a timestamp converts no numbers to strings.
const TWO = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : String(i)));

/** A number 0..99 as two digits. */
export function two(n: number): string {
  return TWO[n] as string;
}

/** Year, month, day of a day number since 1970-01-01 (H. Hinnant's civil-from-days; no Date objects). */
function civil(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

// A report's timestamps fall on one or two days (the fraud, the report): remember the date text
// of the last two days asked for, a pure memo of civil().
const cachedDays = [NaN, NaN];
const cachedDates = ['', ''];

function datePrefix(day: number): string {
  if (day === cachedDays[0]) return cachedDates[0] as string;
  if (day === cachedDays[1]) return cachedDates[1] as string;
  const [y, m, d] = civil(day);
  const text = `${y}-${two(m)}-${two(d)}T`;
  cachedDays[1] = cachedDays[0] as number;
  cachedDates[1] = cachedDates[0] as string;
  cachedDays[0] = day;
  cachedDates[0] = text;
  return text;
}

/** `2024-06-03T09:12:07+08:00`, to the second. */
export function rfc3339(ms: number): string {
  const secs = Math.floor((ms + OFFSET) / 1000);
  const day = Math.floor(secs / 86400);
  const s = secs - day * 86400;
  const h = Math.floor(s / 3600);
  const min = Math.floor((s % 3600) / 60);
  return `${datePrefix(day)}${two(h)}:${two(min)}:${two(s % 60)}+08:00`;
}

export interface LocalTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
}

export function localTime(ms: number): LocalTime {
  const local = ms + OFFSET;
  const dayNumber = Math.floor(local / DAY);
  const [year, month, day] = civil(dayNumber);
  return { year, month, day, hour: Math.floor((local - dayNumber * DAY) / HOUR) };
}

/** Whole days between two instants' Nanjing calendar dates. */
export function calendarDaysBetween(earlier: number, later: number): number {
  return Math.floor((later + OFFSET) / DAY) - Math.floor((earlier + OFFSET) / DAY);
}

// Citizens report unevenly over the day: few at night, most in office hours and evenings.
// Weights per local hour 0..23.
const HOUR_WEIGHTS = [0.25, 0.15, 0.1, 0.08, 0.08, 0.12, 0.3, 0.7, 1.4, 2, 2.1, 2, 1.5, 1.5, 1.9, 2, 1.9, 1.7, 1.5, 1.6, 1.6, 1.4, 1, 0.5];
const HOUR_CUMULATIVE: number[] = [];
{
  const total = HOUR_WEIGHTS.reduce((a, b) => a + b, 0);
  let sum = 0;
  for (const w of HOUR_WEIGHTS) {
    HOUR_CUMULATIVE.push(sum / total);
    sum += w;
  }
  HOUR_CUMULATIVE.push(1);
}

/**
 * Move an instant within its Nanjing day so that the time of day follows HOUR_WEIGHTS. The map
 * is monotone inside a day, so a stream ordered by instant stays ordered after warping.
 */
export function warpTimeOfDay(ms: number): number {
  const local = ms + OFFSET;
  const dayStart = Math.floor(local / DAY) * DAY;
  const f = (local - dayStart) / DAY;
  let h = 0;
  while (h < 23 && (HOUR_CUMULATIVE[h + 1] as number) <= f) h++;
  const lo = HOUR_CUMULATIVE[h] as number;
  const hi = HOUR_CUMULATIVE[h + 1] as number;
  const within = hi > lo ? (f - lo) / (hi - lo) : 0;
  return dayStart + (h + within) * HOUR - OFFSET;
}

function partOfDay(hour: number): string {
  if (hour < 5) return '凌晨';
  if (hour < 9) return '早上';
  if (hour < 12) return '上午';
  if (hour < 14) return '中午';
  if (hour < 18) return '下午';
  if (hour < 19) return '傍晚';
  return '晚上';
}

/** When something happened, as a citizen or an officer writes it: 6月2日晚上, 昨天下午, 2024年6月2日20时许. */
export function spokenTime(rng: { float(): number }, occurred: number | null, reported: number): string {
  if (occurred === null) {
    const r = rng.float();
    return r < 0.4 ? '前几天' : r < 0.7 ? '近日' : '之前';
  }
  const o = localTime(occurred);
  const days = calendarDaysBetween(occurred, reported);
  const r = rng.float();
  if (days === 0 && r < 0.5) return `今天${partOfDay(o.hour)}`;
  if (days === 1 && r < 0.5) return `昨天${partOfDay(o.hour)}`;
  if (days > 30 && r < 0.5) return r < 0.25 ? `${o.month}月份` : `${o.year}年${o.month}月`;
  if (r < 0.55) return `${o.month}月${o.day}日${partOfDay(o.hour)}`;
  if (r < 0.8) return `${o.year}年${o.month}月${o.day}日${o.hour}时许`;
  return `${o.month}月${o.day}日${o.hour}点左右`;
}
