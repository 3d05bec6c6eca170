// Linking quality on data the engine was not designed on. For each corpus (public scam data
// turned into citizens' reports, and an independent generator; src/bench/linking-eval/), this
// imports the reports into a fresh store with the built CLI, runs `link --full`, reads
// `series --all --json` and `suggestions --json`, and scores pairwise and B-cubed precision,
// recall and F1 of
//   (a) the engine's series,
//   (b) the series with the suggestions an oracle investigator accepts (those whose two reports
//       are one truth cluster; the rest rejected) — plus a few real accept/reject round trips
//       through the CLI,
//   (c) union-find on shared reported identifiers,
//   (d) union-find on shared identifiers, reported or found in message texts,
// and prints a markdown table per corpus. Not part of `npm test` (it needs fetched data).
// docs/linking-evaluation.md says where the data comes from and how to run this.
//
// usage: node src/bench/linking-eval.mjs [--corpus NAME,…] [--data DIR] [--rebuild]
//          [--any-commit] [--roundtrips N] [--json FILE] [--synthetic-reports N]
//          [--synthetic-seed S] [--explain N]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CORPORA, ensureCorpus } from './linking-eval/corpora.mjs';
import { oracleMerge, score, unionOnValues } from './linking-eval/score.mjs';
import { BENCH_ENV, openBenchStore } from './open-store.mjs';

const ROOT = path.join(import.meta.dirname, '..', '..');
// $CASEGRAPH_CLI runs another build of the command line (or a stand-in for one) instead.
const CLI = process.env.CASEGRAPH_CLI ?? path.join(ROOT, 'out', 'main', 'casegraph.js');

function parseArgs(argv) {
  const opts = {
    data: process.env.EVAL_DATA ?? '/work/.evaldata',
    roundtrips: 3,
    explain: 3,
    corpus: null,
    rebuild: false,
    anyCommit: false,
    json: null,
    synthetic: {},
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) usage(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--corpus') opts.corpus = value().split(',');
    else if (a === '--data') opts.data = value();
    else if (a === '--rebuild') opts.rebuild = true;
    else if (a === '--any-commit') opts.anyCommit = true;
    else if (a === '--roundtrips') opts.roundtrips = Number(value());
    else if (a === '--explain') opts.explain = Number(value());
    else if (a === '--json') opts.json = value();
    else if (a === '--synthetic-reports') opts.synthetic.reports = Number(value());
    else if (a === '--synthetic-seed') opts.synthetic.seed = Number(value());
    else if (a === '--help' || a === '-h') usage();
    else usage(`unknown option ${a}`);
  }
  return opts;
}

function usage(error) {
  const text = `usage: node src/bench/linking-eval.mjs [--corpus ${CORPORA.map((c) => c.NAME).join(',')}] [--data DIR] [--rebuild] [--any-commit] [--roundtrips N] [--explain N] [--json FILE] [--synthetic-reports N] [--synthetic-seed S]`;
  if (error) {
    console.error(`linking-eval: ${error}\n${text}`);
    process.exit(2);
  }
  console.log(text);
  process.exit(0);
}

const log = (line) => process.stderr.write(`${line}\n`);
const fmt = (x) => (x === null ? 'n/a' : x.toFixed(4));
const int = (n) => n.toLocaleString('en-US');

function casegraph(store, args, { allowFail = false } = {}) {
  const res = spawnSync(process.execPath, [CLI, ...args, '--db', store], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, ...BENCH_ENV },
  });
  if (res.error) throw res.error;
  if (res.status !== 0 && !allowFail) {
    const last = (res.stderr || res.stdout).trim().split('\n').pop();
    throw new Error(`casegraph ${args.join(' ')} exited ${res.status}: ${last}`);
  }
  return res;
}

function timed(fn) {
  const t0 = process.hrtime.bigint();
  const value = fn();
  return [value, Number(process.hrtime.bigint() - t0) / 1e9];
}

/** Report id → series id from `series --all --json`. */
function seriesMap(store) {
  const list = JSON.parse(casegraph(store, ['series', '--all', '--json']).stdout);
  const of = new Map();
  for (const s of list) for (const id of s.reports) of.set(id, s.id);
  return of;
}

/** Suggestions from the CLI, or null when this build has no such command. */
function readSuggestions(store) {
  const probe = casegraph(store, ['suggestions', '--help'], { allowFail: true });
  if (probe.status !== 0) return null;
  return JSON.parse(casegraph(store, ['suggestions', '--json']).stdout);
}

/** A few real accept/reject decisions through the CLI, checked against the series afterwards. */
function roundTrips(store, suggestions, decisions, n) {
  const accepts = decisions
    .filter((d) => d.accept)
    .slice(0, n)
    .map((d) => suggestions.find((s) => s.id === d.id));
  const rejects = decisions
    .filter((d) => !d.accept)
    .slice(0, n)
    .map((d) => suggestions.find((s) => s.id === d.id));
  const failures = [];
  for (const s of accepts) {
    const res = casegraph(
      store,
      ['suggestions', 'accept', s.id, '--reason', 'linking evaluation: the oracle finds both reports in one truth cluster'],
      { allowFail: true },
    );
    if (res.status !== 0) failures.push(`accept ${s.id}: exit ${res.status} ${res.stderr.trim().split('\n').pop()}`);
  }
  for (const s of rejects) {
    const res = casegraph(
      store,
      ['suggestions', 'reject', s.id, '--reason', 'linking evaluation: the oracle finds the reports in different truth clusters'],
      { allowFail: true },
    );
    if (res.status !== 0) failures.push(`reject ${s.id}: exit ${res.status} ${res.stderr.trim().split('\n').pop()}`);
  }
  const check = () => {
    const of = seriesMap(store);
    const left = new Set(JSON.parse(casegraph(store, ['suggestions', '--json']).stdout).map((s) => s.id));
    return {
      merged: accepts.filter((s) => of.get(s.reports[0]) === of.get(s.reports[1])).length,
      acceptedGone: accepts.filter((s) => !left.has(s.id)).length,
      rejectedGone: rejects.filter((s) => !left.has(s.id)).length,
    };
  };
  const before = check();
  casegraph(store, ['link']);
  const after = check();
  return { accepts: accepts.length, rejects: rejects.length, failures, beforeLink: before, afterLink: after };
}

/** False links in the store's link table, by the kinds of evidence they carry. */
function falseLinkEvidence(db, truthOf) {
  let rows;
  try {
    rows = db
      .prepare(
        'SELECT ra.id AS a, rb.id AS b, l.evidence AS evidence FROM link l JOIN report ra ON ra.rid = l.a JOIN report rb ON rb.rid = l.b WHERE ra.withdrawn = 0 AND rb.withdrawn = 0',
      )
      .all();
  } catch {
    return null;
  }
  const byLabel = new Map();
  let falseLinks = 0;
  for (const row of rows) {
    if (truthOf(row.a) === truthOf(row.b)) continue;
    falseLinks++;
    let terms = [];
    try {
      terms = JSON.parse(row.evidence);
    } catch {
      terms = [];
    }
    const seen = new Set();
    for (const t of Array.isArray(terms) ? terms : []) {
      const label = [t.type, t.kind, t.origin].filter(Boolean).join(':') || 'unknown';
      if (seen.has(label)) continue;
      seen.add(label);
      const entry = byLabel.get(label) ?? { label, links: 0, values: new Map() };
      entry.links++;
      if (t.value !== undefined) entry.values.set(String(t.value), (entry.values.get(String(t.value)) ?? 0) + 1);
      byLabel.set(label, entry);
    }
  }
  const top = [...byLabel.values()]
    .sort((x, y) => y.links - x.links)
    .slice(0, 8)
    .map((e) => ({
      evidence: e.label,
      links: e.links,
      values: [...e.values]
        .sort((x, y) => y[1] - x[1])
        .slice(0, 3)
        .map(([v, c]) => ({ value: v, links: c })),
    }));
  return { links: rows.length, falseLinks, byEvidence: top };
}

/** The engine's series that hold most false pairs: size, truth clusters, one explained pair. */
function worstSeries(store, ids, truthOf, seriesOf, n) {
  const members = new Map();
  for (const id of ids) {
    const s = seriesOf.get(id);
    if (!members.has(s)) members.set(s, []);
    members.get(s).push(id);
  }
  const rows = [];
  for (const [s, list] of members) {
    if (list.length < 2) continue;
    const parts = new Map();
    for (const id of list) {
      const t = truthOf(id);
      if (!parts.has(t)) parts.set(t, []);
      parts.get(t).push(id);
    }
    if (parts.size < 2) continue;
    let right = 0;
    for (const p of parts.values()) right += (p.length * (p.length - 1)) / 2;
    const wrong = (list.length * (list.length - 1)) / 2 - right;
    const biggest = [...parts.values()].sort((x, y) => y.length - x.length);
    rows.push({ series: s, reports: list.length, truthClusters: parts.size, falsePairs: wrong, sample: [biggest[0][0], biggest[1][0]] });
  }
  rows.sort((x, y) => y.falsePairs - x.falsePairs);
  const out = rows.slice(0, n);
  for (const row of out) {
    const res = casegraph(store, ['explain', row.sample[0], row.sample[1], '--json'], { allowFail: true });
    try {
      const ex = JSON.parse(res.stdout);
      row.chain = (ex.chain ?? []).map(
        (step) =>
          `${step.from}–${step.to}: ${(step.evidence ?? []).map((e) => [e.type, e.kind, e.value].filter((x) => x !== undefined).join(' ')).join('; ')}`,
      );
    } catch {
      row.chain = null;
    }
  }
  return out;
}

function evaluate(mod, opts) {
  const options = mod.NAME === 'synthetic' ? opts.synthetic : {};
  const { dir, manifest, built } = ensureCorpus(mod, opts.data, { rebuild: opts.rebuild, anyCommit: opts.anyCommit, options });
  log(`${mod.NAME}: ${built ? 'built' : 'reused'} ${dir} (${int(manifest.records)} records)`);
  const truth = JSON.parse(fs.readFileSync(path.join(dir, 'truth.json'), 'utf8'));
  const storeDir = path.join(opts.data, 'stores');
  fs.mkdirSync(storeDir, { recursive: true });
  const store = path.join(storeDir, `${mod.NAME}.db`);
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(store + suffix, { force: true });
  for (const f of fs.readdirSync(storeDir))
    if (f.startsWith(`${mod.NAME}.db`)) fs.rmSync(path.join(storeDir, f), { force: true, recursive: true });

  const [imported, importSeconds] = timed(() => casegraph(store, ['import', path.join(dir, 'reports.ndjson')]));
  const importLine = imported.stdout.trim().split('\n')[0];
  const rejected = /rejected (\d+)/.exec(importLine);
  if (rejected && +rejected[1] > 0)
    log(`${mod.NAME}: WARNING the import rejected records: ${imported.stdout.trim().split('\n').slice(0, 6).join(' | ')}`);
  const [linked, linkSeconds] = timed(() => casegraph(store, ['link', '--full']));
  log(`${mod.NAME}: ${importLine}; ${linked.stdout.trim()}`);
  const seriesOf = seriesMap(store);
  const suggestions = readSuggestions(store);

  const db = openBenchStore(store, { cli: CLI });
  const live = db.prepare('SELECT id FROM report WHERE withdrawn = 0').pluck().all();
  const truthOf = (id) => truth[id];
  for (const id of live) if (truth[id] === undefined) throw new Error(`${mod.NAME}: report ${id} is in the store but not in the truth`);
  let unlisted = 0;
  for (const id of live) {
    if (!seriesOf.has(id)) {
      seriesOf.set(id, `unlisted:${id}`);
      unlisted++;
    }
  }
  if (unlisted > 0) log(`${mod.NAME}: WARNING ${unlisted} live reports are in no series of series --all; scored as single reports`);

  const idRows = db
    .prepare(
      'SELECT r.id AS id, i.kind AS kind, i.value AS value, i.origin AS origin FROM identifier i JOIN report r ON r.rid = i.rid WHERE r.withdrawn = 0',
    )
    .all();
  const reported = unionOnValues(
    live,
    idRows.filter((x) => x.origin === 'reported').map((x) => [x.id, `${x.kind}\u0000${x.value}`]),
  );
  const withMessages = unionOnValues(
    live,
    idRows.filter((x) => x.origin === 'reported' || x.origin === 'message').map((x) => [x.id, `${x.kind}\u0000${x.value}`]),
  );

  // How much recall identifiers allow at all: reports sharing a value (any origin, narratives
  // included) joined only inside their truth cluster.
  const bound = unionOnValues(
    live,
    idRows.map((x) => [x.id, `${x.kind}\u0000${x.value}\u0000${truthOf(x.id)}`]),
  );
  const reachable = score(live, truthOf, (id) => bound.get(id));

  const rows = [];
  rows.push({ system: '(a) Casegraph series', ...score(live, truthOf, (id) => seriesOf.get(id)) });
  let oracle = null;
  if (suggestions !== null) {
    const liveSeries = new Map(live.map((id) => [id, seriesOf.get(id)]));
    oracle = oracleMerge(liveSeries, suggestions, truthOf);
    rows.push({ system: '(b) series + suggestions the oracle accepts', ...score(live, truthOf, (id) => oracle.clusters.get(id)) });
  }
  rows.push({ system: '(c) union on shared reported identifiers', ...score(live, truthOf, (id) => reported.get(id)) });
  rows.push({ system: '(d) union, also on identifiers from message texts', ...score(live, truthOf, (id) => withMessages.get(id)) });

  const evidence = falseLinkEvidence(db, truthOf);
  db.close();
  const worst = worstSeries(store, live, truthOf, seriesOf, opts.explain);
  let trips = null;
  if (suggestions !== null && opts.roundtrips > 0 && suggestions.length > 0)
    trips = roundTrips(store, suggestions, oracle.decisions, opts.roundtrips);

  return {
    corpus: mod.NAME,
    manifest,
    store,
    importLine,
    seconds: { import: +importSeconds.toFixed(2), link: +linkSeconds.toFixed(2) },
    truth: { reports: live.length, ...clusterStats(live, truthOf) },
    reachable: { pairwise: reachable.pairwise.r, bcubed: reachable.bcubed.r },
    suggestions: suggestions === null ? null : { count: suggestions.length, accepted: oracle.accepted, rejected: oracle.rejected },
    rows,
    falseLinks: evidence,
    worstSeries: worst,
    roundTrips: trips,
  };
}

function clusterStats(ids, truthOf) {
  const sizes = new Map();
  for (const id of ids) sizes.set(truthOf(id), (sizes.get(truthOf(id)) ?? 0) + 1);
  let pairs = 0;
  let single = 0;
  for (const n of sizes.values()) {
    pairs += (n * (n - 1)) / 2;
    if (n === 1) single++;
  }
  return { clusters: sizes.size, singletons: single, pairs };
}

function printResult(res) {
  const out = [];
  const src = res.manifest.source;
  const from = typeof src === 'string' ? src : `${src.repo}@${src.commit.slice(0, 12)}`;
  out.push(`### ${res.corpus}`);
  out.push('');
  out.push(
    `${from}; ${int(res.truth.reports)} reports scored, ${int(res.truth.clusters)} truth clusters (${int(res.truth.singletons)} single), ${int(res.truth.pairs)} same-cluster pairs; import ${res.seconds.import} s, link --full ${res.seconds.link} s.`,
  );
  out.push('');
  out.push(
    `Recall identifiers allow at all (shared values of any origin, joined only within a truth cluster): pairwise ${fmt(res.reachable.pairwise)}, B-cubed ${fmt(res.reachable.bcubed)}.`,
  );
  out.push('');
  out.push('| system | groups | linked pairs (false) | pairwise P / R / F1 | B-cubed P / R / F1 |');
  out.push('|---|---|---|---|---|');
  for (const r of res.rows) {
    const bold = r.system.startsWith('(a)') || r.system.startsWith('(b)');
    const cell = (x) => (bold ? `**${x}**` : x);
    out.push(
      `| ${r.system} | ${int(r.groups)} | ${int(r.pairs.system)} (${int(r.pairs.false)}) | ${cell(`${fmt(r.pairwise.p)} / ${fmt(r.pairwise.r)} / ${fmt(r.pairwise.f1)}`)} | ${cell(`${fmt(r.bcubed.p)} / ${fmt(r.bcubed.r)} / ${fmt(r.bcubed.f1)}`)} |`,
    );
  }
  out.push('');
  if (res.suggestions === null) out.push('Suggestions: this build has no `suggestions` command, so (b) is not scored.');
  else {
    out.push(
      `Suggestions: ${int(res.suggestions.count)}; the oracle accepts ${int(res.suggestions.accepted)} and rejects ${int(res.suggestions.rejected)}.`,
    );
    if (res.roundTrips) {
      const t = res.roundTrips;
      out.push(
        `Round trips through the CLI: ${t.accepts} accepted, ${t.rejects} rejected${t.failures.length ? `, failures: ${t.failures.join('; ')}` : ''}; ` +
          `accepted pairs in one series ${t.beforeLink.merged}/${t.accepts} at once and ${t.afterLink.merged}/${t.accepts} after \`link\`; ` +
          `decided suggestions no longer listed: accepted ${t.afterLink.acceptedGone}/${t.accepts}, rejected ${t.afterLink.rejectedGone}/${t.rejects}.`,
      );
    }
  }
  if (res.falseLinks && res.falseLinks.falseLinks > 0) {
    const parts = res.falseLinks.byEvidence.map(
      (e) => `${e.evidence} ${int(e.links)}${e.values.length ? ` (${e.values.map((v) => `${v.value} ${int(v.links)}`).join(', ')})` : ''}`,
    );
    out.push(
      `False links in the link table: ${int(res.falseLinks.falseLinks)} of ${int(res.falseLinks.links)}; evidence they carry: ${parts.join('; ')}.`,
    );
  } else if (res.falseLinks) out.push(`False links in the link table: 0 of ${int(res.falseLinks.links)}.`);
  for (const w of res.worstSeries) {
    out.push(
      `- ${w.series}: ${w.reports} reports from ${w.truthClusters} truth clusters, ${int(w.falsePairs)} false pairs; ${w.sample.join(' vs ')}: ${w.chain ? w.chain.slice(0, 4).join(' | ') : 'no explanation'}${w.chain && w.chain.length > 4 ? ` | … (${w.chain.length} links)` : ''}`,
    );
  }
  out.push('');
  console.log(out.join('\n'));
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(CLI)) {
    console.error('linking-eval: out/main/casegraph.js is missing; run `npm run build` first');
    process.exit(1);
  }
  const chosen = opts.corpus ? opts.corpus.map((n) => CORPORA.find((c) => c.NAME === n) ?? usage(`unknown corpus ${n}`)) : CORPORA;
  const head = spawnSync('git', ['-C', ROOT, 'rev-parse', '--short=12', 'HEAD'], { encoding: 'utf8' }).stdout.trim();
  const dirty = spawnSync('git', ['-C', ROOT, 'status', '--porcelain', '--', 'src'], { encoding: 'utf8' }).stdout.trim() !== '';
  const builtAt = fs.statSync(CLI).mtime.toISOString();
  console.log(
    `## Linking evaluation\n\nCLI ${path.relative(ROOT, CLI)} built ${builtAt}, worktree ${head}${dirty ? ' (src has uncommitted changes)' : ''}.\n`,
  );
  const results = [];
  for (const mod of chosen) {
    try {
      const res = evaluate(mod, opts);
      printResult(res);
      results.push(res);
    } catch (e) {
      console.log(`### ${mod.NAME}\n\nnot scored: ${e.message}\n`);
      results.push({ corpus: mod.NAME, error: e.message });
    }
  }
  const file = opts.json ?? path.join(opts.data, 'results', `linking-eval-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ cli: CLI, builtAt, worktree: head, results }, null, 2));
  log(`results: ${file}`);
  if (results.some((r) => r.error)) process.exitCode = 1;
}

main();
