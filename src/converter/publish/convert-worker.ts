/**
 * Work of one worker thread of the pool (see run.ts): a batch of file tasks,
 * each converted by the same function the calling thread uses.
 */
import { convertFileToStaging, type FileResult, type FileTask } from "./convert-file.ts";

export default async function convertBatch(tasks: FileTask[]): Promise<FileResult[]> {
  const results: FileResult[] = [];
  for (const task of tasks) results.push(await convertFileToStaging(task));
  return results;
}
