// Pages of the reports list, fetched on demand as the table scrolls. A list can hold a
// million reports, so only pages near the visible rows are asked for (~200 rows each) and
// only a bounded number are kept. When the store changes, pages are marked stale and the
// visible ones refetched; stale rows stay on screen until their replacement arrives.

import type { ApiError, ReportPage, ReportRow, Result } from '../../../common/api';

export type FetchPage = (offset: number, limit: number) => Promise<Result<ReportPage>>;

interface Page {
  readonly rows: readonly ReportRow[];
  readonly generation: number;
}

export class ReportPageCache {
  private readonly pages = new Map<number, Page>();
  private readonly inflight = new Map<number, number>();
  private readonly listeners = new Set<() => void>();
  private generation = 0;
  private version = 0;
  private seenDataVersion: number | null = null;
  private range: readonly [number, number] = [0, 0];

  total: number | null = null;
  error: ApiError | null = null;

  constructor(
    private readonly fetchPage: FetchPage,
    readonly pageSize = 200,
    private readonly maxPages = 50,
  ) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Changes whenever anything readable changed (for useSyncExternalStore). */
  readonly getVersion = (): number => this.version;

  row(index: number): ReportRow | undefined {
    const page = this.pages.get(Math.floor(index / this.pageSize));
    return page?.rows[index % this.pageSize];
  }

  /** Make sure rows [start, end] are loaded or loading. */
  ensure(start: number, end: number): void {
    this.range = [Math.max(0, start), Math.max(0, end)];
    if (this.error !== null) return;
    const first = Math.floor(this.range[0] / this.pageSize);
    const last = Math.floor(this.range[1] / this.pageSize);
    for (let index = first; index <= last; index++) {
      if (this.total !== null && index * this.pageSize >= this.total && index > 0) break;
      const page = this.pages.get(index);
      const fresh = page !== undefined && page.generation === this.generation;
      if (!fresh && this.inflight.get(index) !== this.generation) this.load(index);
    }
  }

  /** Note the app's data version; a change since the last call refetches the visible pages. */
  sync(dataVersion: number): void {
    if (this.seenDataVersion !== null && this.seenDataVersion !== dataVersion) {
      this.generation += 1;
      this.error = null;
      this.ensure(...this.range);
    }
    this.seenDataVersion = dataVersion;
  }

  retry(): void {
    this.error = null;
    this.emit();
    this.ensure(...this.range);
  }

  private load(index: number): void {
    const generation = this.generation;
    this.inflight.set(index, generation);
    void this.fetchPage(index * this.pageSize, this.pageSize).then((result) => {
      if (this.inflight.get(index) === generation) this.inflight.delete(index);
      if (!result.ok) {
        this.error = result.error;
        this.emit();
        return;
      }
      const current = this.pages.get(index);
      // A late answer from before a refresh must not replace a newer one.
      if (current === undefined || current.generation <= generation) {
        this.pages.set(index, { rows: result.value.rows, generation });
      }
      if (generation === this.generation || this.total === null) this.total = result.value.total;
      this.evict();
      this.emit();
      if (generation !== this.generation) this.ensure(...this.range);
    });
  }

  /** Keep the pages nearest the visible range. */
  private evict(): void {
    if (this.pages.size <= this.maxPages) return;
    const centre = (this.range[0] + this.range[1]) / 2 / this.pageSize;
    const byDistance = [...this.pages.keys()].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
    for (const index of byDistance.slice(0, this.pages.size - this.maxPages)) this.pages.delete(index);
  }

  private emit(): void {
    this.version += 1;
    for (const listener of [...this.listeners]) listener();
  }
}
