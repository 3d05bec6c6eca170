// Linking quality on a labelled corpus, for the engine and two baselines run on the same data:
// "union on shared reported identifiers", and a careful baseline that also uses identifiers found
// in message texts and narratives but skips ignore-listed and unparsed values.
import { parseRecord } from '../../report/parse';
import { identifiersOf } from '../../ingest/identifiers';
import type { StoredIdentifier } from '../../../common/model';
import { CorpusBuilder, keyOf } from '../corpus';
import { runEngine } from '../engine';
import { makeIgnoreList, shippedIgnoreEntries } from '../ignore-list';
import { UnionFind } from '../union-find';
import type { ReportRecord } from '../../../common/model';
import { generateDemo } from '../../demo';
import { generateLabelled, type LabelledReport } from './generate';
import { score, type Scores } from './score';

export interface Evaluation {
  readonly reports: number;
  readonly engine: Scores;
  /** Series, plus every suggestion an investigator who knew the truth would accept. */
  readonly engineAccepted: Scores;
  /** Suggestions made, and of those true. */
  readonly suggestions: number;
  readonly trueSuggestions: number;
  readonly baselineReported: Scores;
  readonly baselineWithText: Scores;
  readonly engineMs: number;
}

function unionOn(ids: readonly StoredIdentifier[][], use: (id: StoredIdentifier) => boolean): number[] {
  const uf = new UnionFind(ids.length);
  const first = new Map<string, number>();
  ids.forEach((list, i) => {
    for (const id of list) {
      if (!use(id)) continue;
      const k = keyOf(id.kind, id.value);
      const f = first.get(k);
      if (f === undefined) first.set(k, i);
      else uf.union(f, i);
    }
  });
  return ids.map((_, i) => uf.find(i));
}

export type CorpusSource = 'labelled' | 'demo';

/** The demo precinct's stream reduced to its final state: latest versions, withdrawn ones gone. */
function demoCorpus(reports: number, seed: number): LabelledReport[] {
  const latest = new Map<string, LabelledReport | null>();
  let lone = 0;
  for (const item of generateDemo({ reports, seed })) {
    if (item.record.deleted === true) latest.set(item.record.id, null);
    else latest.set(item.record.id, { record: item.record as ReportRecord, gang: item.truth.gang ?? `lone-${lone++}` });
  }
  return [...latest.values()].filter((x): x is LabelledReport => x !== null);
}

export function evaluate(reports: number, seed: number, source: CorpusSource = 'labelled'): Evaluation {
  const data = source === 'demo' ? demoCorpus(reports, seed) : generateLabelled(reports, seed);
  const b = new CorpusBuilder();
  const all: StoredIdentifier[][] = [];
  data.forEach((d, i) => {
    const parsed = parseRecord(JSON.parse(JSON.stringify(d.record)));
    if (!parsed.ok) throw new Error(`generator made an invalid record: ${parsed.error.field} ${parsed.error.reason}`);
    const r = parsed.value.record;
    if ('deleted' in r && r.deleted) throw new Error('unexpected tombstone');
    const rec = r as typeof d.record;
    b.addReport({
      rid: i + 1,
      id: rec.id,
      category: rec.category,
      precinct: rec.precinct,
      reportedMs: parsed.value.reportedMs,
      lossCents: null,
      currency: null,
    });
    const ids = identifiersOf(rec);
    all.push(ids);
    for (const id of ids)
      b.addIdentifier(i, { kind: id.kind, value: id.value, subtype: id.subtype ?? null, domain: id.domain ?? null, origin: id.origin });
    for (const m of rec.messages ?? []) b.addMessage(i, m.sender ?? null, m.text);
  });
  const ignore = makeIgnoreList(shippedIgnoreEntries());
  const started = performance.now();
  const result = runEngine(b.build(), { ignore, detectHubs: true });
  const engineMs = performance.now() - started;
  const truth = data.map((d) => d.gang);
  const accepted = new UnionFind(data.length);
  for (let i = 0; i < data.length; i++) accepted.union(i, result.group[i] as number);
  let trueSuggestions = 0;
  for (const s of result.suggestions) {
    if (truth[s.a] !== truth[s.b]) continue;
    trueSuggestions++;
    accepted.union(s.a, s.b);
  }
  return {
    reports: data.length,
    engine: score([...result.group], truth),
    engineAccepted: score(
      data.map((_, i) => accepted.find(i)),
      truth,
    ),
    suggestions: result.suggestions.length,
    trueSuggestions,
    baselineReported: score(
      unionOn(all, (id) => id.origin === 'reported' && id.subtype !== 'unparsed'),
      truth,
    ),
    baselineWithText: score(
      unionOn(
        all,
        (id) =>
          id.subtype !== 'unparsed' &&
          !ignore.keys.has(keyOf(id.kind, id.value)) &&
          !(id.domain !== undefined && ignore.keys.has(keyOf('domain', id.domain))),
      ),
      truth,
    ),
    engineMs,
  };
}
