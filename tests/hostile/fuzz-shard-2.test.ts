/** The second half of the fuzz cases (see fuzz.test.ts), in its own file so vitest runs it on the other core. */
import { describe, expect, it } from "vitest";
import { FUZZ_COUNT, FUZZ_SEED, runShard, shardCases, tally } from "./fuzz-harness.ts";

const SHARD = 2;
const SHARDS = 2;

describe("fuzz", () => {
  const cases = shardCases(SHARD, SHARDS);
  it(`${cases.length} of ${FUZZ_COUNT} mutated seeds (PRNG seed ${FUZZ_SEED}): only ConversionErrors, valid JSON, compiling MDX`, async () => {
    const { outcomes, seconds } = await runShard(cases);
    console.log(`fuzz shard ${SHARD}/${SHARDS}: ${cases.length} cases, PRNG seed ${FUZZ_SEED}, ${seconds.toFixed(1)} s — ${tally(outcomes)}`);
    // Most mutations leave a report: the fuzz must exercise conversion, not only refusals.
    expect(outcomes.get("converted") ?? 0).toBeGreaterThan(cases.length * 0.8);
  }, Math.max(120_000, cases.length * 100));
});
