// One demo corpus per test file, collected in memory (small), with helpers the tests share.
import type { IncomingRecord, ReportRecord } from '../../../src/common/model';
import { generateDemo, type DemoItem, type DemoOptions } from '../../../src/core/demo';

export function collect(opts: DemoOptions): DemoItem[] {
  return [...generateDemo(opts)];
}

export function isLive(r: IncomingRecord): r is ReportRecord {
  return r.deleted !== true;
}

/** The first version of every report, with its gang. */
export function firstVersions(items: readonly DemoItem[]): { record: ReportRecord; gang: string | null }[] {
  return items
    .filter((i) => isLive(i.record) && i.record.version === 1)
    .map((i) => ({ record: i.record as ReportRecord, gang: i.truth.gang }));
}
