// The fuzzing budget: a fixed seed and a small number of runs per property in `npm test` (CI),
// a multiple of it behind `npm run fuzz` (CASEGRAPH_FUZZ_SCALE, and CASEGRAPH_FUZZ_SEED for
// another seed). A failure prints its seed and shrunk input; such an input is kept as a
// regression example beside its property (the `examples` argument), run first every time.
import fc from 'fast-check';

const scale = Number(process.env['CASEGRAPH_FUZZ_SCALE'] ?? '') || 1;
const seed = Number(process.env['CASEGRAPH_FUZZ_SEED'] ?? '') || 20261202;

/** Parameters for fc.assert: `base` runs in the ordinary suite, `base` × CASEGRAPH_FUZZ_SCALE in a fuzz run. */
export function budget<T>(base: number, examples: T[] = []): fc.Parameters<T> {
  return { numRuns: Math.round(base * scale), seed, examples, endOnFailure: true };
}

/** Whether this is a long fuzz run (timeouts scale with it). */
export const LONG = scale > 1;
