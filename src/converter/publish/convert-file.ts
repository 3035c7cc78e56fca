/**
 * Convert ONE source file and write its two outputs into the staging folder,
 * named by the file's position in the run (not by report id, so two sources
 * with the same id never overwrite each other before the run has grouped
 * them). Used the same way by the calling thread and by worker threads, so the
 * output bytes cannot depend on how many workers there were.
 */
import { basename } from "node:path";
import type { Report } from "../../schema/report.ts";
import { convertSource } from "../pipeline.ts";
import { writeFailure, writeUnflushed } from "./durable-write.ts";
import { readSource } from "./read-source.ts";
import { failureOutcome, serializeReport, stagedPaths, type FileOutcome, type FileResult, type FileTask } from "./staging.ts";

/**
 * Convert the tasks one after another, each file's outputs written while the
 * next files are converted; results in task order, each once its outputs are
 * written, and `onResult` called for each in that order.
 */
export async function convertFilesToStaging(tasks: readonly FileTask[], onResult?: (result: FileResult) => void): Promise<FileResult[]> {
  const pending: Promise<FileResult>[] = [];
  for (const task of tasks) pending.push((await stageFile(task)).result);
  const results: FileResult[] = [];
  for (const result of pending) {
    const done = await result;
    onResult?.(done);
    results.push(done);
  }
  return results;
}

/**
 * Convert one file and write its outputs into the staging folder, unflushed:
 * the flush waits for the disk, and the run does it in the background while
 * the next files are converted (a write failure shows here, a flush failure
 * there). It resolves once the file is converted, with `result`, which settles
 * once its outputs are written: the caller converts the next file meanwhile.
 */
async function stageFile(task: FileTask): Promise<{ result: Promise<FileResult> }> {
  const file = basename(task.path);
  const read = readSource(task.path, task.sourcesDir);
  if (!read.ok) return { result: Promise.resolve({ index: task.index, outcome: failureOutcome(file, read.error), sha256: null, unflushed: [] }) };
  let report: Report;
  let mdx: string;
  let text: string | null;
  try {
    ({ report, mdx, text } = await convertSource({ file, bytes: read.bytes }));
  } catch (error) {
    return { result: Promise.resolve({ index: task.index, outcome: failureOutcome(file, error), sha256: read.sha256, unflushed: [] }) };
  }
  const staged = stagedPaths(task.stagingDir, task.index);
  const written = [staged.mdx, staged.json, ...(text !== null ? [staged.text] : [])];
  const writes = [writeUnflushed(staged.mdx, mdx), writeUnflushed(staged.json, serializeReport(report))];
  if (text !== null) writes.push(writeUnflushed(staged.text, text));
  const outcome: FileOutcome = {
    ok: true,
    file,
    id: report.id,
    title: report.title,
    template: report.template,
    form: report.source.form,
    hasText: text !== null,
    publishedOn: report.publishedOn,
    figures: report.statistics.filter((s) => s.value !== null).length,
    checksFailed: report.checks.filter((c) => c.status === "fail").length,
    warnings: report.diagnostics.filter((d) => d.severity === "warning").length,
    removals: report.removals.length,
  };
  const result = Promise.allSettled(writes).then((settled): FileResult => {
    const failure = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
    if (!failure) return { index: task.index, outcome, sha256: read.sha256, unflushed: written };
    // The files that were written are removed with the staging folder; none of them is published.
    return { index: task.index, outcome: failureOutcome(file, writeFailure(failure.reason, file)), sha256: read.sha256, unflushed: [] };
  });
  return { result };
}
