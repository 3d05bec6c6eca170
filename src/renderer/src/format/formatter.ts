// Every locale-dependent formatter for one UI language, bundled for the i18n context.

import type { Money } from '../../../common/model';
import { formatDate, formatDateTime, formatLocalDateTime } from './dates';
import type { Language } from './locale';
import { formatMoney } from './money';
import { formatCount, formatDuration } from './numbers';

export interface Format {
  money(money: Readonly<Money>): string;
  count(n: number): string;
  date(stamp: string): string;
  dateTime(stamp: string): string;
  /** An instant recorded here (audit, notes, exports), in this computer's time zone. */
  localDateTime(stamp: string): string;
  duration(ms: number): string;
}

export function createFormat(language: Language): Format {
  return {
    money: (money) => formatMoney(money, language),
    count: (n) => formatCount(n, language),
    date: (stamp) => formatDate(stamp, language),
    dateTime: (stamp) => formatDateTime(stamp, language),
    localDateTime: (stamp) => formatLocalDateTime(stamp, language),
    duration: (ms) => formatDuration(ms, language),
  };
}
