// Linking quality on a small labelled corpus: precision first, a floor, and above both baselines
// (the series with the suggestions an investigator who knew the truth would accept).
// EVAL_REPORTS=20000 prints the figures for the README (slow; not part of the normal run).
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/core/linking/eval/evaluate';

const fmt = (x: number): string => x.toFixed(4);

describe.each(['labelled', 'demo'] as const)('linking quality on the %s corpus', (source) => {
  it('beats the baselines with high precision', () => {
    const n = Number(process.env['EVAL_REPORTS'] ?? 3000);
    const e = evaluate(n, 7, source);
    const rows = [
      ['engine', e.engine],
      ['engine + accepted suggestions', e.engineAccepted],
      ['baseline: union on reported identifiers', e.baselineReported],
      ['baseline: + identifiers from message texts', e.baselineWithText],
    ] as const;
    for (const [name, s] of rows) {
      process.stdout.write(
        `${source} ${e.reports} reports  ${name.padEnd(44)} pairwise P ${fmt(s.pairwise.precision)} R ${fmt(s.pairwise.recall)} F1 ${fmt(s.pairwise.f1)} | B3 P ${fmt(s.bcubed.precision)} R ${fmt(s.bcubed.recall)} F1 ${fmt(s.bcubed.f1)}\n`,
      );
    }
    process.stdout.write(`engine ${Math.round(e.engineMs)} ms; ${e.suggestions} suggestions, ${e.trueSuggestions} true\n`);
    // Precision first: a false link files unrelated people's cases together.
    expect(e.engine.pairwise.precision).toBeGreaterThanOrEqual(0.99);
    expect(e.engine.bcubed.f1).toBeGreaterThanOrEqual(0.93);
    expect(e.engine.bcubed.f1).toBeGreaterThan(e.baselineReported.bcubed.f1 + 0.05);
    // What weak evidence finds is not lost: series with the suggestions an investigator accepts.
    expect(e.engineAccepted.pairwise.precision).toBeGreaterThanOrEqual(0.99);
    expect(e.engineAccepted.bcubed.f1).toBeGreaterThanOrEqual(e.engine.bcubed.f1);
    expect(e.engineAccepted.bcubed.f1).toBeGreaterThan(e.baselineWithText.bcubed.f1);
  });
});
