// A counter that goes up when the data behind the views changed (`store.changed`, `job.done`).
// Views use it as a refresh key. During an import the store changes many times a second,
// so bumps are throttled: at most one per interval, and always one after the last change.

export class ChangeFeed {
  private version = 0;
  private lastBump = Number.NEGATIVE_INFINITY;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly intervalMs = 1000,
    private readonly now: () => number = () => Date.now(),
  ) {}

  readonly getSnapshot = (): number => this.version;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  changed(): void {
    if (this.timer !== null) return;
    const wait = this.lastBump + this.intervalMs - this.now();
    if (wait <= 0) {
      this.bump();
    } else {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.bump();
      }, wait);
    }
  }

  private bump(): void {
    this.lastBump = this.now();
    this.version += 1;
    for (const listener of [...this.listeners]) listener();
  }
}
