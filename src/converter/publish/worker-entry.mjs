// Entry file of the conversion pool's worker threads. The converter is
// TypeScript run through tsx, and Node 20 does not pass the parent's loader
// hooks on to worker threads, so each worker registers tsx before loading it.
import { register } from "tsx/esm/api";

register();
const { default: convertBatch } = await import("./convert-worker.ts");

export default convertBatch;
