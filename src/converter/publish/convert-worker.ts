/**
 * Worker thread of a parallel conversion: receives batches of file tasks,
 * converts each with the same function the main thread uses and posts the
 * results back. Started by run.ts; see startWorker there for the tsx loader.
 */
import { parentPort, workerData } from "node:worker_threads";
import { convertFileToStaging, type FileTask } from "./convert-file.ts";

const { stagingDir } = workerData as { stagingDir: string };

parentPort!.on("message", (tasks: FileTask[]) => {
  parentPort!.postMessage(tasks.map((task) => convertFileToStaging(task, stagingDir)));
});
