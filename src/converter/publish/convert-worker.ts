/**
 * Work of one worker thread of the pool (see run.ts): a batch of file tasks,
 * converted by the same function the calling thread uses.
 */
import { convertFilesToStaging } from "./convert-file.ts";
import type { FileResult, FileTask } from "./staging.ts";

export default async function convertBatch(tasks: FileTask[]): Promise<FileResult[]> {
  return convertFilesToStaging(tasks);
}
