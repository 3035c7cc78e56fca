/**
 * Work of one worker thread of the pool (see run.ts): a batch of file tasks,
 * converted by the same function the calling thread uses.
 */
import { convertFilesToStaging, type FileResult, type FileTask } from "./convert-file.ts";

export default async function convertBatch(tasks: FileTask[]): Promise<FileResult[]> {
  return convertFilesToStaging(tasks);
}
