// Whose report comes next. Lone frauds arrive as a steady random stream; gangs are born as
// another, each with a heavy-tailed size (P(s) ∝ s^-2: most have 2–5 reports, a few 20–200) and
// a life that grows with its size (weeks for small gangs, months for big ones). A gang's report
// times are fixed at birth; a heap of living gangs yields the next report in time order. These
// times are the fraudsters' clock (pools rotate on it); calendar.ts turns the order into filing
// dates. Only living gangs are held, so memory stays flat however many reports are drawn.

import type { Category } from '../../common/model';
import { CATEGORY_MIX, relatedCategory } from './categories';
import { LoneFraudster, type Actor } from './actors';
import { Gang } from './gangs';
import { MinHeap } from './heap';
import { DEMO_KNOBS } from './knobs';
import { Weighted, type Rng } from './prng';
import { DAY } from './time';
import type { World } from './world';

export interface Slot {
  /** When it happens on the fraudsters' clock (close to, not exactly, its filing time). */
  readonly t: number;
  readonly actor: Actor;
}

/** A living gang's remaining reports: `left` of them, uniformly spread between `at` and `end`. */
interface Run {
  readonly actor: Actor;
  readonly end: number;
  at: number;
  left: number;
}

export class Schedule {
  private readonly runs = new MinHeap<Run>();
  private readonly sizes: Weighted<number>;
  private readonly loneMean: number;
  private readonly spawnMean: number;
  private readonly maxLifeDays: number;
  private nextSpawn: number;
  private nextLone: number;

  constructor(
    private readonly rng: Rng,
    private readonly world: World,
    private readonly start: number,
    days: number,
    reports: number,
  ) {
    const maxSize = Math.max(2, Math.min(DEMO_KNOBS.maxGangSize, Math.floor(reports * DEMO_KNOBS.maxGangFractionOfCorpus)));
    const entries: [number, number][] = [];
    for (let s = 2; s <= maxSize; s++) entries.push([s, s ** -DEMO_KNOBS.gangSizeExponent]);
    this.sizes = new Weighted(entries);
    const perMs = Math.max(reports, 1) / (days * DAY);
    this.loneMean = 1 / (perMs * (1 - DEMO_KNOBS.gangShare));
    this.spawnMean = this.sizes.mean() / (perMs * DEMO_KNOBS.gangShare);
    this.maxLifeDays = Math.min(DEMO_KNOBS.maxGangLifeDays, days);
    // Gangs are born from one lifetime before the start, so the corpus opens in a steady state
    // (series already running) rather than with every gang just starting.
    this.nextSpawn = start - this.maxLifeDays * DAY + rng.exp(this.spawnMean);
    this.nextLone = start + rng.exp(this.loneMean);
  }

  next(): Slot {
    for (;;) {
      const gangAt = this.runs.peekKey();
      if (this.nextSpawn <= gangAt && this.nextSpawn <= this.nextLone) {
        this.spawn(this.nextSpawn);
        this.nextSpawn += this.rng.exp(this.spawnMean);
        continue;
      }
      if (this.nextLone < gangAt) {
        const t = this.nextLone;
        this.nextLone += this.rng.exp(this.loneMean);
        return { t, actor: new LoneFraudster(this.world, CATEGORY_MIX.pick(this.rng)) };
      }
      const run = this.runs.pop() as Run;
      const t = run.at;
      if (--run.left > 0) this.push(run);
      // Reports a gang drew before the corpus starts are not in it.
      if (t >= this.start) return { t, actor: run.actor };
    }
  }

  private spawn(born: number): void {
    const rng = this.rng;
    const size = this.sizes.pick(rng);
    const main = CATEGORY_MIX.pick(rng);
    const categories: Category[] = rng.chance(DEMO_KNOBS.twoCategoryGangs) ? [main, relatedCategory(rng, main)] : [main];
    const lifeDays = Math.min(this.maxLifeDays, Math.max(3, size ** 0.75 * rng.range(3, 9)));
    this.push({
      actor: new Gang(this.world, this.world.nextGangLabel(), categories, born),
      end: born + lifeDays * DAY,
      at: born,
      left: size,
    });
  }

  /**
   * Schedule a gang's next report: the earliest of `left` uniform times in (at, end), drawn
   * directly (1 − U^(1/left) is the minimum of `left` uniforms), so no list of times is kept.
   */
  private push(run: Run): void {
    run.at += (run.end - run.at) * (1 - (1 - this.rng.float()) ** (1 / run.left));
    this.runs.push(run.at, run);
  }
}
