// The citizen behind a report: name, phone, ID number (valid check digit, birth date matching the
// age), gender, district, and where the report was made. All of it is PII in a real store; here
// it is invented, and unique per report (victims are not evidence of a gang).

import type { Category, ReportLocation, Victim } from '../../common/model';
import { BANKS, type Bank } from './bank-cards';
import { victimAge } from './categories';
import type { ValueFactory } from './fraud-values';
import { makeIdNumber } from './id-number';
import { DISTRICTS, birthRegion, victimName, type District } from './names';
import type { Rng } from './prng';
import type { LocalTime } from './time';

export interface VictimDraw {
  readonly victim: Victim;
  readonly location: ReportLocation | undefined;
  /** The victim's own bank: the hotline they call, the card they sometimes list by mistake. */
  readonly bank: Bank;
  readonly name: string;
}

const MALE_SHARE: Partial<Record<Category, number>> = {
  game_trading: 0.75,
  investment_romance: 0.4,
  impersonating_acquaintance: 0.35,
  part_time_job: 0.45,
};

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

export function drawVictim(rng: Rng, values: ValueFactory, category: Category, now: LocalTime, home: District | undefined): VictimDraw {
  const male = rng.chance(MALE_SHARE[category] ?? 0.5);
  const targetAge = victimAge(rng, category);
  const month = rng.int(1, 12);
  const day = rng.int(1, 28);
  // Born `targetAge` years ago on a random day; the exact age then follows from the birthday.
  const year = now.year - targetAge;
  const age = now.month > month || (now.month === month && now.day >= day) ? targetAge : targetAge - 1;
  const district = home && rng.chance(0.7) ? home : rng.pick(DISTRICTS);
  const name = victimName(rng, male);

  const victim: { -readonly [K in keyof Victim]: Victim[K] } = {};
  if (rng.chance(0.97)) victim.name = name;
  if (rng.chance(0.92)) victim.phone = values.mobile(false);
  if (rng.chance(0.85)) victim.id_number = makeIdNumber(rng, birthRegion(rng, district, age), year, month, day, male);
  if (rng.chance(0.9)) victim.age = Math.max(0, age);
  if (rng.chance(0.9)) victim.gender = male ? '男' : '女';
  victim.district = district.name;

  let location: ReportLocation | undefined;
  if (rng.chance(0.85)) {
    const at = rng.chance(0.9) ? district : rng.pick(DISTRICTS);
    location = rng.chance(0.85)
      ? { district: at.name, lat: round6(at.lat + rng.range(-0.03, 0.03)), lon: round6(at.lon + rng.range(-0.035, 0.035)) }
      : { district: at.name };
  }
  return { victim, location, bank: rng.pick(BANKS), name };
}
