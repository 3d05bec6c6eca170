// The money flow at target scale: a store of FLOW_TXNS transactions (10 million by default) built
// fast by bulk SQL, then a 5-layer trace forward and backward and the accounts to request next,
// timed through the built CLI. Run on its own (it is not part of `npm run bench`: building the
// store takes minutes): `node src/bench/flow-scale-bench.mjs` (FLOW_TXNS, FLOW_ACCOUNTS,
// FLOW_PATTERNS=1 to time `flow patterns` too, BENCH_DIR keeps the store between runs).
//
// The store is synthetic, generated in SQL rather than imported, and documented as such: the
// noise is transfers between random accounts spread over a year (every account pays a few dozen
// times a year, as most of a precinct's counterparties do), and the chains are what the trace
// is for: a victim pays a level-1 mule card, which pays on to two or three level-2 cards within
// minutes, each to a level-3 card within hours, which withdraws cash at an ATM.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mib, row, runCli } from './measure.mjs';
import { openBenchStore, useBenchPassphrase } from './open-store.mjs';

useBenchPassphrase();

const TXNS = Number(process.env.FLOW_TXNS ?? 10_000_000);
const ACCOUNTS = Number(process.env.FLOW_ACCOUNTS ?? 500_000);
const CHAINS = 2000;
const YEAR_MS = 365 * 86_400_000;
const BASE = Date.UTC(2025, 0, 1);
const CHUNK = 1_000_000;

const card = (k) => `62220${String(k).padStart(14, '0')}`;

/** A store made by the CLI (encrypted, migrated), filled by bulk SQL. */
function build(store) {
  const seed = path.join(path.dirname(store), 'flow-scale-seed.csv');
  fs.writeFileSync(seed, `交易卡号,交易时间,交易金额,收付标志,交易对手账卡号\n${card(1)},2025-01-01 00:00:00,1.00,出,${card(2)}\n`);
  runCli(['import-statements', seed, '--db', store, '--json']);
  const db = openBenchStore(store, { readonly: false });
  db.pragma('cache_size = -262144');
  const started = performance.now();
  // Accounts 1 and 2 exist (the seed); the others in one statement. Every tenth has had its statement read.
  db.exec(`WITH RECURSIVE n(i) AS (SELECT 3 UNION ALL SELECT i + 1 FROM n WHERE i < ${ACCOUNTS})
    INSERT INTO flow_account (id, kind, value, requested) SELECT i, 'bank_card', '62220' || printf('%014d', i), i % 10 = 0 FROM n`);
  // Noise: random payer, payee and amount, in time order over the year; one cash withdrawal in fifty.
  const noise = TXNS - CHAINS * 12;
  for (let from = 0; from < noise; from += CHUNK) {
    const to = Math.min(noise, from + CHUNK);
    db.exec(`BEGIN; WITH RECURSIVE n(i) AS (SELECT ${from} UNION ALL SELECT i + 1 FROM n WHERE i < ${to - 1})
      INSERT INTO flow_txn (from_id, to_id, amount_cents, currency, at_ms, success, cash, summary)
      SELECT 1 + abs(random()) % ${ACCOUNTS}, CASE WHEN i % 50 = 0 THEN NULL ELSE 1 + abs(random()) % ${ACCOUNTS} END,
        100 + abs(random()) % 5000000, 'CNY', ${BASE} + i * ${Math.floor(YEAR_MS / noise)}, 1, i % 50 = 0, '转账' FROM n; COMMIT;`);
    process.stdout.write(`\r  noise ${to.toLocaleString('en')} / ${noise.toLocaleString('en')}`);
  }
  // Chains: accounts beyond the noise's, so that each chain is found whole.
  const insert = db.prepare(
    "INSERT INTO flow_txn (from_id, to_id, amount_cents, currency, at_ms, success, cash, summary) VALUES (?, ?, ?, 'CNY', ?, 1, ?, ?)",
  );
  const account = db.prepare("INSERT INTO flow_account (id, kind, value, requested) VALUES (?, 'bank_card', ?, ?)");
  let next = ACCOUNTS + 1;
  const mk = (requested) => {
    const id = next++;
    account.run(id, card(id), requested ? 1 : 0);
    return id;
  };
  db.transaction(() => {
    for (let c = 0; c < CHAINS; c++) {
      const at = BASE + Math.floor((c / CHAINS) * YEAR_MS);
      const victim = 1 + ((c * 7919) % ACCOUNTS);
      const m1 = mk(true);
      insert.run(victim, m1, 5_000_000, at, 0, '转账');
      for (let k = 0; k < 3; k++) {
        const m2 = mk(true);
        const m3 = mk(k !== 2);
        insert.run(m1, m2, 1_600_000, at + (k + 1) * 300_000, 0, '转账');
        insert.run(m2, m3, 1_550_000, at + 3_600_000 + k * 600_000, 0, '转账');
        insert.run(m3, null, 1_500_000, at + 7_200_000 + k * 600_000, 1, 'ATM取款');
      }
      insert.run(victim, m1, 10_000, at - 86_400_000, 0, '转账');
    }
  })();
  db.exec('ANALYZE');
  db.close();
  console.log(`\n  built in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return { firstMule: ACCOUNTS + 1 };
}

export default async function flowScaleBench({ workDir }) {
  const store = path.join(workDir, `flow-scale-${TXNS}.db`);
  console.log(`\n## money flow at scale (${TXNS.toLocaleString('en')} transactions, ${ACCOUNTS.toLocaleString('en')} accounts)`);
  if (!fs.existsSync(store)) build(store);
  // The chain half-way through the year: its level-1 card, and a level-3 card (a cash-out point).
  const m1 = card(ACCOUNTS + 1 + 7 * (CHAINS / 2));
  const m3 = card(ACCOUNTS + 1 + 7 * (CHAINS / 2) + 2);
  row(['txns', 'run', 'wall s', 'peak RSS', 'result']);
  // What every command costs before it reads anything (starting Node, unlocking the store): a
  // one-layer trace from the seed's card, which paid once.
  for (const [label, args] of [
    ['CLI start (1-layer trace of 1 payment)', ['flow', 'trace', '--card', card(1), '--depth', '1']],
    ['trace forward, 5 layers', ['flow', 'trace', '--card', m1, '--depth', '5']],
    ['trace backward, 5 layers', ['flow', 'trace', '--card', m3, '--backward', '--depth', '5']],
    ['trace backward, 5 %', ['flow', 'trace', '--card', m3, '--backward', '--depth', '5', '--tolerance', '5%']],
  ]) {
    const r = runCli([...args, '--json', '--db', store]);
    const t = JSON.parse(r.stdout);
    row([TXNS, label, r.seconds.toFixed(2), mib(r.peakRss), `${t.accounts.length} accounts, ${t.edges.length} edges`]);
  }
  const next = runCli(['flow', 'next', '--json', '--db', store]);
  row([TXNS, 'flow next', next.seconds.toFixed(1), mib(next.peakRss), `${JSON.parse(next.stdout).length} accounts`]);
  if (process.env.FLOW_PATTERNS === '1') {
    const p = runCli(['flow', 'patterns', '--json', '--db', store]);
    row([TXNS, 'flow patterns', p.seconds.toFixed(0), mib(p.peakRss), `${JSON.parse(p.stdout).length} found`]);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const workDir = process.env.BENCH_DIR ?? path.join(os.tmpdir(), 'casegraph-bench');
  fs.mkdirSync(workDir, { recursive: true });
  await flowScaleBench({ workDir });
}
