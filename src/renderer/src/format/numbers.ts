// Counts and durations per locale.

import { intlLocale, type Language } from './locale';

const counts = new Map<Language, Intl.NumberFormat>();

export function formatCount(n: number, language: Language): string {
  let format = counts.get(language);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale(language), { maximumFractionDigits: 0 });
    counts.set(language, format);
  }
  return format.format(n);
}

/** "3.2秒" / "3.2 secs" under a minute, "2分钟5秒" / "2 mins, 5 secs" above. */
export function formatDuration(ms: number, language: Language): string {
  const locale = intlLocale(language);
  if (ms < 60_000) {
    return new Intl.NumberFormat(locale, { style: 'unit', unit: 'second', maximumFractionDigits: 1 }).format(ms / 1000);
  }
  const totalSeconds = Math.round(ms / 1000);
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  const min = new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute' }).format(minutes);
  const sec = new Intl.NumberFormat(locale, { style: 'unit', unit: 'second' }).format(seconds);
  return language === 'zh-CN' ? `${min}${sec}` : `${min}, ${sec}`;
}
