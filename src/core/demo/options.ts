// The demo's public options and their defaults, checked once at the edge.

import type { IncomingRecord } from '../../common/model';
import { parseStart } from './time';

export interface DemoOptions {
  /** Number of distinct reports (version 1). Later revisions and tombstones come on top. */
  readonly reports: number;
  readonly seed: number;
  /** Precinct code written on every record; NJ-<DISTRICT> also makes that district home to most victims. */
  readonly precinct?: string;
  /** First day, `YYYY-MM-DD` (Nanjing time) or an RFC 3339 timestamp. */
  readonly start?: string;
  /** Span the reports are spread over, in days. */
  readonly days?: number;
}

export interface DemoItem {
  readonly record: IncomingRecord;
  /** Ground truth: the gang behind the report, or null for a lone fraud. */
  readonly truth: { readonly gang: string | null };
}

export const DEMO_DEFAULTS = {
  reports: 5000,
  seed: 1,
  precinct: 'NJ-XUANWU',
  start: '2024-01-01',
  days: 700,
} as const;

export interface ResolvedOptions {
  readonly reports: number;
  readonly seed: number;
  readonly precinct: string;
  readonly startMs: number;
  readonly days: number;
}

export function resolveOptions(opts: Readonly<DemoOptions>): ResolvedOptions {
  const { reports, seed } = opts;
  if (!Number.isSafeInteger(reports) || reports < 0) throw new RangeError(`demo reports must be a non-negative integer, got ${reports}`);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`demo seed must be an integer, got ${seed}`);
  const days = opts.days ?? DEMO_DEFAULTS.days;
  if (!(days > 0 && days <= 36_500)) throw new RangeError(`demo days must be between 1 and 36500, got ${days}`);
  const precinct = opts.precinct ?? DEMO_DEFAULTS.precinct;
  if (precinct.trim() === '' || precinct.length > 128)
    throw new RangeError('demo precinct must be a non-empty code of at most 128 characters');
  return { reports, seed, precinct, startMs: parseStart(opts.start ?? DEMO_DEFAULTS.start), days };
}
