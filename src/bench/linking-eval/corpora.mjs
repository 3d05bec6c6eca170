// The corpora of the linking evaluation, in the order the runner scores them, and how each is
// (re)built into reports.ndjson + truth.json + manifest.json under DATA/corpora/NAME/.
import fs from 'node:fs';
import path from 'node:path';
import * as cryptoscamdb from './corpus-cryptoscamdb.mjs';
import * as phishkit from './corpus-phishkit.mjs';
import * as polkadot from './corpus-polkadot.mjs';
import * as synthetic from './corpus-synthetic.mjs';
import * as telecom from './corpus-telecom-texts.mjs';
import { writeCorpus } from './lib.mjs';
import { openSource } from './sources.mjs';

export const CORPORA = [polkadot, cryptoscamdb, phishkit, telecom, synthetic];

/** Options each corpus is built with by default (the seeds the published figures used). */
export const DEFAULTS = {
  [polkadot.NAME]: { seed: 1, denySample: 3000 },
  [cryptoscamdb.NAME]: { seed: 1 },
  [phishkit.NAME]: { seed: 1 },
  [telecom.NAME]: { seed: 1 },
  [synthetic.NAME]: { seed: 7, reports: 10000 },
};

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The corpus directory, built if missing, stale (another converter version or options) or
 * when `rebuild` is set. Returns { dir, manifest }.
 */
export function ensureCorpus(mod, dataDir, { rebuild = false, anyCommit = false, options = {} } = {}) {
  const dir = path.join(dataDir, 'corpora', mod.NAME);
  const opts = { ...DEFAULTS[mod.NAME], ...options };
  const manifestPath = path.join(dir, 'manifest.json');
  if (
    !rebuild &&
    fs.existsSync(manifestPath) &&
    fs.existsSync(path.join(dir, 'reports.ndjson')) &&
    fs.existsSync(path.join(dir, 'truth.json'))
  ) {
    const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
    if (manifest.version === mod.VERSION && same(manifest.options, opts)) return { dir, manifest, built: false };
  }
  const source = mod.REPO ? openSource(mod.REPO, { anyCommit }) : null;
  const t0 = Date.now();
  const out = mod.build(source, opts);
  const manifest = {
    corpus: mod.NAME,
    version: mod.VERSION,
    options: opts,
    source: source ? source.provenance() : 'generated (src/bench/linking-eval/corpus-synthetic.mjs)',
    truthRule: out.truthRule,
    stats: out.stats,
    records: out.reports.length,
    builtIn: `${((Date.now() - t0) / 1000).toFixed(1)} s`,
  };
  writeCorpus(dir, { reports: out.reports, truth: out.truth, manifest });
  return { dir, manifest, built: true };
}
