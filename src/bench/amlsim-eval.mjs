// How well `casegraph flow patterns` finds the laundering IBM's AMLSim simulates
// (https://github.com/IBM/AMLSim, Apache-2.0; docs/statements.md, "Measured on AMLSim").
//
//   node src/bench/amlsim-eval.mjs DIR...   (a built CLI: npx electron-vite build)
//
// DIR is one of the simulator's sample outputs (sample/*.tgz of the repository, extracted): a
// nodes.csv (nodeid, isFraud, init_balance, fraudStep), a transactions.csv (sourceNodeId,
// targetNodeId, value, time) and a metadata.txt naming the typologies. The data stays where it
// is; the statements and the throwaway store are written to a temporary folder, removed after.
//
// Mapping to the bank-statement layout (docs/specs/bank-statement.md): every node is a card
// (6217…, one number per node id); every transaction is a row in the payer's statement (出) and
// one in the payee's (进), with one 交易流水号, so the import counts it once. The statements of all
// accounts are written as ten banks' CSV answers (an account's statement is in its bank's file,
// node id modulo 10). AMLSim's step is a day; the transactions of one step have no order, so they
// are spread evenly over that day (China Standard Time, from 2025-01-01) in the order of the file.
// Amounts are the simulator's values, in CNY.
//
// The truth: the accounts with isFraud = 1 are the labelled laundering accounts; the typology is
// the one metadata.txt names for the sample ("200 fan-in", "200 cycles", or both), matched by the
// pattern that should find it (fan_in for fan-in, loop for cycles; both for the mixed sample).
// The samples carry no alert ids, so alerts are derived, approximately: a laundering transaction
// is one between two labelled accounts at the fraudStep of either; each weakly connected group of
// them is an alert (178 groups for the 200 fan-ins, 162 for the 200 cycles: some alerts merge or
// lose the transactions of members whose fraudStep is -1). Measured: account recall (labelled
// accounts flagged by the matching pattern, and by any pattern), alert recall (an alert is found
// when one of its accounts is flagged so), for fan-in also the hubs (each alert's account with the
// most distinct payers in it); per pattern, the precision (flagged accounts that are labelled).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from './measure.mjs';

const HEADER = '交易卡号,交易户名,交易时间,交易金额,收付标志,交易对手账卡号,对手户名,交易流水号,摘要说明';
const DAY_MS = 86_400_000;
const START_MS = Date.UTC(2025, 0, 1) - 8 * 3_600_000;
const PATTERNS = ['fast_in_out', 'fan_in', 'fan_out', 'loop', 'cash_out'];

const cardOf = (node) => `6217${String(100_000_000_000_003 + Number(node) * 7919).padStart(15, '0')}`;

function readCsv(file) {
  const [head, ...lines] = fs
    .readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const cols = head.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])));
}

function wallClock(ms) {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** Writes the ten banks' statements; returns their files. */
function writeStatements(txns, dir) {
  const banks = Array.from({ length: 10 }, () => [HEADER]);
  const perStep = new Map();
  for (const t of txns) perStep.set(t.time, (perStep.get(t.time) ?? 0) + 1);
  const seen = new Map();
  txns.forEach((t, i) => {
    const k = seen.get(t.time) ?? 0;
    seen.set(t.time, k + 1);
    const at = wallClock(START_MS + (Number(t.time) - 1) * DAY_MS + Math.floor((k * DAY_MS) / perStep.get(t.time)));
    const [from, to] = [cardOf(t.sourceNodeId), cardOf(t.targetNodeId)];
    const amount = Number(t.value).toFixed(2);
    const serial = `AML${i + 1}`;
    banks[Number(t.sourceNodeId) % 10].push(`${from},户${t.sourceNodeId},${at},${amount},出,${to},户${t.targetNodeId},${serial},转账`);
    banks[Number(t.targetNodeId) % 10].push(`${to},户${t.targetNodeId},${at},${amount},进,${from},户${t.sourceNodeId},${serial},转账`);
  });
  return banks.map((lines, b) => {
    const file = path.join(dir, `bank-${b}.csv`);
    fs.writeFileSync(file, `${lines.join('\r\n')}\r\n`);
    return file;
  });
}

/** The derived alerts: groups of laundering transactions, each with its typology and hub. */
function deriveAlerts(nodes, txns) {
  const fraudStep = new Map(nodes.filter((n) => n.isFraud === '1').map((n) => [n.nodeid, Number(n.fraudStep)]));
  const laundering = txns.filter((t) => {
    const [a, b] = [fraudStep.get(t.sourceNodeId), fraudStep.get(t.targetNodeId)];
    return a !== undefined && b !== undefined && (Number(t.time) === a || Number(t.time) === b);
  });
  const parent = new Map();
  const find = (x) => {
    while (parent.has(x) && parent.get(x) !== x) x = parent.get(x);
    return x;
  };
  for (const t of laundering) {
    const [a, b] = [find(t.sourceNodeId), find(t.targetNodeId)];
    if (a !== b) parent.set(a, b);
  }
  const groups = new Map();
  for (const t of laundering) {
    const root = find(t.sourceNodeId);
    if (!groups.has(root)) groups.set(root, { members: new Set(), edges: [] });
    const g = groups.get(root);
    g.members.add(t.sourceNodeId).add(t.targetNodeId);
    g.edges.push([t.sourceNodeId, t.targetNodeId]);
  }
  return [...groups.values()].map((g) => {
    const out = new Map();
    const payers = new Map();
    for (const [a, b] of g.edges) {
      if (!out.has(a)) out.set(a, new Set());
      out.get(a).add(b);
      if (!payers.has(b)) payers.set(b, new Set());
      payers.get(b).add(a);
    }
    // A directed cycle: depth-first search with colours.
    const colour = new Map();
    const cyclic = (v) => {
      colour.set(v, 1);
      for (const w of out.get(v) ?? []) {
        if (colour.get(w) === 1) return true;
        if (!colour.has(w) && cyclic(w)) return true;
      }
      colour.set(v, 2);
      return false;
    };
    const cycle = [...g.members].some((v) => !colour.has(v) && cyclic(v));
    const hub = [...payers].sort((x, y) => y[1].size - x[1].size || Number(x[0]) - Number(y[0]))[0]?.[0] ?? null;
    return { cycle, members: [...g.members], hub };
  });
}

const pct = (n, d) => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)} %`);

export async function evaluate(dataDir, workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'casegraph-amlsim-'))) {
  const nodes = readCsv(path.join(dataDir, 'nodes.csv'));
  const txns = readCsv(path.join(dataDir, 'transactions.csv'));
  const files = writeStatements(txns, workDir);
  const db = path.join(workDir, 'store.db');
  const imported = runCli(['import-statements', ...files, '--db', db, '--json']);
  const summary = JSON.parse(imported.stdout);
  const patterns = runCli(['flow', 'patterns', '--json', '--db', db]);
  const found = JSON.parse(patterns.stdout);
  const nodeOf = new Map(nodes.map((n) => [cardOf(n.nodeid), n.nodeid]));
  const flagged = new Map(PATTERNS.map((p) => [p, new Set()]));
  for (const f of found) flagged.get(f.pattern)?.add(nodeOf.get(f.account));
  const any = new Set([...flagged.values()].flatMap((s) => [...s]));
  const labelled = new Set(nodes.filter((n) => n.isFraud === '1').map((n) => n.nodeid));
  const alerts = deriveAlerts(nodes, txns);
  const meta = fs.readFileSync(path.join(dataDir, 'metadata.txt'), 'utf8');
  const typologies = [...(/fan-in/.test(meta) ? ['fan_in'] : []), ...(/cycle/.test(meta) ? ['cycle'] : [])];
  if (typologies.length === 0) throw new Error(`${dataDir}/metadata.txt names neither fan-in nor cycles`);
  const matching = typologies.map((t) => (t === 'fan_in' ? 'fan_in' : 'loop'));
  const result = {
    data: path.basename(dataDir),
    accounts: nodes.length,
    transactions: txns.length,
    statementRows: txns.length * 2,
    imported: { new: summary.new, duplicates: summary.duplicates, rejected: summary.rejected, seconds: imported.seconds },
    patternsSeconds: patterns.seconds,
    labelled: labelled.size,
    typologies: {},
    precision: {},
  };
  {
    const typology = typologies.join('+');
    const pattern = matching.join('+');
    const mine = alerts;
    const by = new Set(matching.flatMap((p) => [...flagged.get(p)]));
    const count = (set, f) => [...set].filter(f).length;
    result.typologies[typology] = {
      pattern,
      alerts: mine.length,
      withCycle: mine.filter((a) => a.cycle).length,
      alertsFound: mine.filter((a) => a.members.some((m) => by.has(m))).length,
      alertsFoundAny: mine.filter((a) => a.members.some((m) => any.has(m))).length,
      accounts: labelled.size,
      accountsFound: count(labelled, (m) => by.has(m)),
      accountsFoundAny: count(labelled, (m) => any.has(m)),
      ...(typology === 'fan_in' ? { hubsFound: mine.filter((a) => a.hub !== null && by.has(a.hub)).length } : {}),
    };
  }
  for (const p of PATTERNS) {
    const set = flagged.get(p);
    result.precision[p] = { flagged: set.size, labelled: [...set].filter((m) => labelled.has(m)).length };
  }
  result.precision.any = { flagged: any.size, labelled: [...any].filter((m) => labelled.has(m)).length };
  fs.rmSync(workDir, { recursive: true, force: true });
  return result;
}

function print(r) {
  console.log(
    `\n${r.data}: ${r.accounts} accounts, ${r.transactions} transactions (${r.statementRows} statement rows), ${r.labelled} labelled`,
  );
  console.log(
    `  import: new ${r.imported.new}, duplicate ${r.imported.duplicates}, rejected ${r.imported.rejected} in ${r.imported.seconds.toFixed(1)} s; patterns ${r.patternsSeconds.toFixed(1)} s`,
  );
  for (const [t, x] of Object.entries(r.typologies)) {
    console.log(
      `  ${t} (${x.pattern}): derived alerts ${x.alertsFound}/${x.alerts} = ${pct(x.alertsFound, x.alerts)} (any pattern ${pct(x.alertsFoundAny, x.alerts)}; ${x.withCycle} with a directed cycle); labelled accounts ${x.accountsFound}/${x.accounts} = ${pct(x.accountsFound, x.accounts)} (any ${pct(x.accountsFoundAny, x.accounts)})${x.hubsFound === undefined ? '' : `; hubs ${x.hubsFound}/${x.alerts} = ${pct(x.hubsFound, x.alerts)}`}`,
    );
  }
  for (const [p, x] of Object.entries(r.precision))
    console.log(`  precision ${p}: ${x.labelled}/${x.flagged} = ${pct(x.labelled, x.flagged)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dirs = process.argv.slice(2);
  if (dirs.length === 0) {
    console.error('usage: node src/bench/amlsim-eval.mjs DIR... (AMLSim sample outputs: nodes.csv, transactions.csv)');
    process.exit(2);
  }
  const results = [];
  for (const d of dirs) {
    const r = await evaluate(path.resolve(d));
    print(r);
    results.push(r);
  }
  if (process.env.AMLSIM_JSON) fs.writeFileSync(process.env.AMLSIM_JSON, `${JSON.stringify(results, null, 2)}\n`);
}
