/** The second half of the fuzz cases (see fuzz.test.ts), in its own file so vitest runs it on the other core. */
import { fuzzShardSuite } from "./fuzz-harness.ts";

fuzzShardSuite(2, 2);
