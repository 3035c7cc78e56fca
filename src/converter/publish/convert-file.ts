/**
 * Convert ONE source file and write its two outputs into a staging folder,
 * named by the file's position in the run (not by report id, so two sources
 * with the same id never overwrite each other before the run has decided).
 * Used the same way by the main thread and by worker threads, so the output
 * bytes cannot depend on how many workers there were.
 */
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import type { Report } from "../../schema/report.ts";
import { sha256, type FileOutcome } from "./cache.ts";
import { ConversionError } from "../errors.ts";
import { convertSource } from "../pipeline.ts";
import { MAX_SOURCE_BYTES } from "../stages/decode.ts";

export interface FileTask {
  /** Position in the run's sorted file list: the staging name. */
  index: number;
  path: string;
}

export interface FileResult {
  index: number;
  outcome: FileOutcome;
  /** sha256 of the bytes read; null when the file could not be read. */
  sha256: string | null;
}

export function serializeReport(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

export function stagedPaths(stagingDir: string, index: number): { json: string; mdx: string } {
  return { json: join(stagingDir, `${index}.json`), mdx: join(stagingDir, `${index}.mdx`) };
}

function failure(file: string, error: unknown): FileOutcome {
  if (error instanceof ConversionError) return { ok: false, file, code: error.code, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, file, code: "internal_error", message: `${file}: 转换程序出错 / converter error (${message})` };
}

export function convertFileToStaging(task: FileTask, stagingDir: string): FileResult {
  const file = basename(task.path);
  let bytes: Buffer;
  try {
    // Refuse an oversized file before reading it into memory (decodeSource checks the same limit).
    const size = statSync(task.path).size;
    if (size > MAX_SOURCE_BYTES) {
      return { index: task.index, outcome: failure(file, new ConversionError("file_too_large", file, `${size} bytes > ${MAX_SOURCE_BYTES}`)), sha256: null };
    }
    bytes = readFileSync(task.path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return { index: task.index, outcome: failure(file, new ConversionError("unreadable_file", file, code)), sha256: null };
  }
  const hash = sha256(bytes);
  try {
    const { report, mdx } = convertSource({ file, bytes });
    const staged = stagedPaths(stagingDir, task.index);
    writeFileSync(staged.mdx, mdx);
    writeFileSync(staged.json, serializeReport(report));
    const outcome: FileOutcome = {
      ok: true,
      file,
      id: report.id,
      title: report.title,
      template: report.template,
      figures: report.statistics.filter((s) => s.value !== null).length,
      checksFailed: report.checks.filter((c) => c.status === "fail").length,
      warnings: report.diagnostics.filter((d) => d.severity === "warning").length,
      removals: report.removals.length,
    };
    return { index: task.index, outcome, sha256: hash };
  } catch (error) {
    return { index: task.index, outcome: failure(file, error), sha256: hash };
  }
}
