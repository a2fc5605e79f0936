/** fast-check parameters: a fixed seed by default (reproducible runs), overridable to replay or explore. */
import type fc from 'fast-check';

const DEFAULT_SEED = 20220630;

/**
 * `FUZZ_SEED` and `FUZZ_PATH` replay a failure that fast-check printed; `FUZZ_RUNS`
 * multiplies the runs for a longer exploration (`FUZZ_RUNS=20 npx jest test/fuzz`).
 */
export function fuzzParams<T>(numRuns: number): fc.Parameters<T> {
  const env = process.env;
  const factor = Number(env.FUZZ_RUNS ?? 1);
  return {
    seed: env.FUZZ_SEED === undefined ? DEFAULT_SEED : Number(env.FUZZ_SEED),
    path: env.FUZZ_PATH,
    numRuns: Math.max(1, Math.round(numRuns * (Number.isFinite(factor) && factor > 0 ? factor : 1))),
  };
}
