// RFC 3339 timestamps as the report format requires them: a date, a time and an explicit offset.
// A regex alone would accept 2017-02-30; the calendar check below refuses impossible dates.

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|([+-])(\d{2}):(\d{2}))$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Milliseconds since the epoch, or null with the reason when the text is not a valid RFC 3339 timestamp. */
export function parseRfc3339(text: string): { ms: number } | { error: string } {
  const m = RFC3339.exec(text);
  if (!m) return { error: 'is not an RFC 3339 timestamp with offset (e.g. 2017-06-03T09:12:00+08:00)' };
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = Number(m[6]);
  if (month < 1 || month > 12) return { error: `has an impossible month ${m[2]}` };
  if (day < 1 || day > daysInMonth(year, month)) return { error: `has an impossible date ${m[1]}-${m[2]}-${m[3]}` };
  if (hour > 23 || minute > 59 || second > 60) return { error: `has an impossible time ${m[4]}:${m[5]}:${m[6]}` };
  let offsetMin = 0;
  if (m[9]) {
    const oh = Number(m[10]);
    const om = Number(m[11]);
    if (oh > 23 || om > 59) return { error: 'has an impossible offset' };
    offsetMin = (m[9] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const frac = m[7] ? Math.floor(Number(m[7]) * 1000) : 0;
  const ms = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), frac) - offsetMin * 60_000;
  return { ms };
}
