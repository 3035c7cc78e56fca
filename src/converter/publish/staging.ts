/**
 * What a conversion of one source leaves in the staging folder and tells the
 * run: the staged file names, the outcome and its summary. Apart from the
 * converter itself, so the calling thread can plan, cache and publish a run
 * without loading the converter (its worker threads do the converting).
 */
import { join } from "node:path";
import { z } from "zod";
import type { Report } from "../../schema/report.ts";
import { ConversionError } from "../errors.ts";

/** Summary of one source's conversion, as the run reports and caches it. */
export const FileOutcome = z.discriminatedUnion("ok", [
  z.object({
    ok: z.literal(true),
    file: z.string(),
    id: z.string(),
    title: z.string(),
    template: z.string(),
    form: z.enum(["text", "html", "pdf"]),
    /** The conversion wrote the text its spans refer to (a PDF's text layer). */
    hasText: z.boolean(),
    publishedOn: z.string().nullable(),
    figures: z.number(),
    checksFailed: z.number(),
    warnings: z.number(),
    removals: z.number(),
  }),
  z.object({ ok: z.literal(false), file: z.string(), code: z.string(), message: z.string() }),
]);
export type FileOutcome = z.infer<typeof FileOutcome>;

export interface FileTask {
  /** Position in the run's sorted file list: the staging name. */
  index: number;
  path: string;
  sourcesDir: string;
  stagingDir: string;
}

export interface FileResult {
  index: number;
  outcome: FileOutcome;
  /** sha256 of the bytes converted; null when the file could not be read. */
  sha256: string | null;
  /** Staged files written and not yet flushed to the disk: the run flushes them (flushFile) before it commits. */
  unflushed: string[];
}

export function serializeReport(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

export function stagedPaths(stagingDir: string, index: number): { json: string; mdx: string; text: string } {
  return { json: join(stagingDir, `${index}.json`), mdx: join(stagingDir, `${index}.mdx`), text: join(stagingDir, `${index}.txt`) };
}

export function failureOutcome(file: string, error: unknown): FileOutcome {
  const known = error instanceof ConversionError ? error : new ConversionError("internal_error", file, error instanceof Error ? error.message : String(error));
  return { ok: false, file, code: known.code, message: known.message };
}
