// A gang: a label, a scam type or two, and pools of phones, mule cards, payment accounts, QQ and
// WeChat ids, domains, short links and SMS channels. Each pool rotates on its own clock — new
// numbers every few weeks, new cards every month or two, a new short link every few days — and
// a report shortly after a rotation may still carry the old value, which is what lets an
// investigator chain a gang's eras together.
//
// Thousands of gangs are alive at once in a big corpus, so a gang is kept small: its pools are
// plain slots (times in whole minutes, which V8 keeps unboxed) holding only the last two values.

import type { Category } from '../../common/model';
import type { Actor } from './actors';
import type { Card, Site } from './fraud-values';
import { DAY, MINUTE } from './time';
import type { ImAccount, PayAccount, World } from './world';

const MINUTES_PER_DAY = DAY / MINUTE;

/**
 * One slot of a pool: a new value every `era` minutes. Reports reach a gang in time order and ask
 * at most one era back, so the slot keeps its last two values and a value is made only for an era
 * a report actually falls in.
 */
class Slot {
  lastEra = -1;
  last: unknown;
  previous: unknown;

  constructor(
    readonly origin: number,
    readonly era: number,
  ) {}
}

// The pools, by kind: how long a value lives in days [min, max], and how many are in use at once
// (weights for 1, 2… slots).
const PHONE = 0;
const CARD = 1;
const IM = 2;
const PAY = 3;
const SITE = 4;
const SHORT = 5;
const SENDER = 6;
const WALLET = 7;
const POOLS: readonly { readonly days: readonly [number, number]; readonly slots: readonly number[] }[] = [
  { days: [14, 42], slots: [0.5, 0.35, 0.15] },
  { days: [21, 70], slots: [0.35, 0.35, 0.2, 0.1] },
  { days: [28, 84], slots: [0.6, 0.4] },
  { days: [28, 70], slots: [1] },
  { days: [21, 56], slots: [1] },
  { days: [3, 14], slots: [1] },
  { days: [7, 21], slots: [1] },
  { days: [56, 140], slots: [1] },
];

export class Gang implements Actor {
  readonly style: number;
  private readonly pools: (Slot[] | undefined)[] = [];
  private readonly bornMinute: number;
  private madeFirstCard = false;

  constructor(
    private readonly world: World,
    readonly label: string,
    readonly categories: readonly Category[],
    born: number,
  ) {
    this.style = world.rng.u32();
    this.bornMinute = Math.floor(born / MINUTE);
  }

  phone(t: number): string {
    return this.value(PHONE, t, this.categories[0] as Category) as string;
  }
  card(t: number): Card {
    return this.value(CARD, t, this.categories[0] as Category) as Card;
  }
  im(t: number): ImAccount {
    return this.value(IM, t, this.categories[0] as Category) as ImAccount;
  }
  pay(t: number): PayAccount {
    return this.value(PAY, t, this.categories[0] as Category) as PayAccount;
  }
  url(t: number, category: Category): string {
    const site = this.value(SITE, t, category) as Site;
    return site.domain + this.world.rng.pick(site.paths);
  }
  shortLink(t: number): string {
    return this.value(SHORT, t, this.categories[0] as Category) as string;
  }
  smsSender(t: number): string {
    return this.value(SENDER, t, this.categories[0] as Category) as string;
  }
  wallet(t: number): string {
    return this.value(WALLET, t, this.categories[0] as Category) as string;
  }

  /** The value of one slot of a pool at t; shortly after a rotation the previous value may still be in use. */
  private value(kind: number, t: number, category: Category): unknown {
    const rng = this.world.rng;
    const slots = (this.pools[kind] ??= this.pool(kind));
    const slot = slots.length === 1 ? (slots[0] as Slot) : rng.pick(slots);
    const minute = Math.floor(t / MINUTE - rng.float() * 0.2 * Math.min(slot.era, 60 * MINUTES_PER_DAY));
    const k = minute > slot.origin ? Math.floor((minute - slot.origin) / slot.era) : 0;
    if (k === slot.lastEra) return slot.last;
    // An earlier era than the last one asked for: the value in use before it.
    if (k < slot.lastEra) return slot.previous ?? slot.last;
    slot.previous = slot.last;
    slot.lastEra = k;
    slot.last = this.make(kind, category);
    return slot.last;
  }

  private pool(kind: number): Slot[] {
    const rng = this.world.rng;
    const { days, slots: weights } = POOLS[kind] as (typeof POOLS)[number];
    let r = rng.float();
    let n = 1;
    while (n < weights.length && (r -= weights[n - 1] as number) >= 0) n++;
    const out: Slot[] = [];
    for (let i = 0; i < n; i++) {
      const era = Math.round(rng.range(days[0], days[1]) * MINUTES_PER_DAY);
      // Slots start at different phases so a gang's pools do not all rotate on the same day.
      out.push(new Slot(this.bornMinute - Math.floor(rng.float() * Math.min(era, 60 * MINUTES_PER_DAY)), era));
    }
    return out;
  }

  private make(kind: number, category: Category): unknown {
    const world = this.world;
    switch (kind) {
      case PHONE:
        return world.phone(this.categories);
      case CARD:
        // The gang's first card may be one rented from (or offered to) the mule market.
        if (this.madeFirstCard) return world.muleCard();
        this.madeFirstCard = true;
        return world.firstMuleCard();
      case IM:
        return world.im(this.categories);
      case PAY:
        return world.pay();
      case SITE:
        return world.site(category);
      case SHORT:
        return world.values.shortLink();
      case SENDER:
        return world.values.smsSender();
      default:
        return world.values.tronAddress();
    }
  }
}
