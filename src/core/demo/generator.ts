// The demo precinct as a stream: reports in the order they are filed, each with its ground-truth
// gang, and later in the stream the corrections and withdrawals of earlier reports. Nothing but
// the living gangs and the pending corrections is held, so a million reports stream in flat
// memory. Everything comes from one seeded generator: same options, same bytes.

import { FilingCalendar } from './calendar';
import { MinHeap } from './heap';
import { DEMO_KNOBS } from './knobs';
import { precinctDistrict } from './names';
import { resolveOptions, type DemoItem, type DemoOptions } from './options';
import { Rng } from './prng';
import { buildReport, type Precinct } from './report-builder';
import { revise, withdraw } from './revisions';
import { Schedule } from './schedule';
import { DAY, HOUR, localTime } from './time';
import { World } from './world';

export function* generateDemo(opts: Readonly<DemoOptions>): Generator<DemoItem> {
  const cfg = resolveOptions(opts);
  const rng = new Rng(cfg.seed);
  // The narratives' asides (where the victim lives) come from a stream of their own, so that
  // they leave every other value of a seed's corpus as it was.
  const details = new Rng(cfg.seed ^ 0x5a17ad0e);
  const world = new World(rng);
  const schedule = new Schedule(rng, world, cfg.startMs, cfg.days, cfg.reports);
  const calendar = new FilingCalendar(rng, cfg.startMs, cfg.days, cfg.reports);
  const precinct: Precinct = { code: cfg.precinct, home: precinctDistrict(cfg.precinct) };
  const later = new MinHeap<DemoItem>();
  // Corrections come about a week after the report, withdrawals a few weeks; in a corpus dense
  // enough that this spans thousands of reports, no later than ~1,500 reports on, which keeps
  // the pending ones few and short-lived.
  const perReport = (cfg.days * DAY) / Math.max(1, cfg.reports);
  const delay = (mean: number): number => HOUR + Math.min(rng.exp(mean), 1500 * perReport);
  const perYear = new Map<number, number>();

  for (let n = 0; n < cfg.reports; n++) {
    const slot = schedule.next();
    const reported = calendar.at(n, rng.float());
    while (later.peekKey() <= reported) yield later.pop() as DemoItem;

    const local = localTime(reported);
    const year = local.year;
    const seq = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, seq);
    const id = `RPT-${year}-${String(seq).padStart(7, '0')}`;
    const record = buildReport(rng, details, world, precinct, slot.actor, id, slot.t, reported, local);
    const truth = { gang: slot.actor.label };
    yield { record, truth };

    let version = 1;
    let due = reported;
    if (rng.chance(DEMO_KNOBS.revisionRate)) {
      due += delay(7 * DAY);
      const revised = revise(rng, record);
      version = revised.version;
      later.push(due, { record: revised, truth });
    }
    if (rng.chance(DEMO_KNOBS.withdrawRate)) {
      due += delay(15 * DAY);
      later.push(due, { record: withdraw(id, version), truth });
    }
  }
  while (later.size > 0) yield later.pop() as DemoItem;
}
