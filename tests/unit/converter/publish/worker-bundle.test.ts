/**
 * The worker module compiled from the converter's sources: it converts as the
 * sources do (the same staged bytes, for a text report and a PDF, whose
 * pdf.js worker is found beside the module's own source), it is written once
 * per code, and each source keeps its own import.meta.url.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { convertSource } from "../../../../src/converter/pipeline.ts";
import { serializeReport, stagedPaths, type FileResult, type FileTask } from "../../../../src/converter/publish/staging.ts";
import { workerBundle } from "../../../../src/converter/publish/worker-bundle.ts";
import { SOURCES } from "./helpers.ts";

describe("the worker module", () => {
  it("stages the same bytes as the sources convert to, for text and PDF", async () => {
    const url = await workerBundle();
    expect(url).not.toBeNull();
    const { default: convertBatch } = (await import(url!)) as { default: (tasks: FileTask[]) => Promise<FileResult[]> };
    const stagingDir = mkdtempSync(join(tmpdir(), "worker-bundle-"));
    const files = ["003_2853f03aefee650d.txt", "jiangsu-hongze-2023.pdf"];
    const tasks = files.map((file, index) => ({ index, path: join(SOURCES, file), sourcesDir: SOURCES, stagingDir }));
    const results = await convertBatch(tasks);
    expect(results.map((r) => r.outcome.ok)).toEqual([true, true]);
    for (const [index, file] of files.entries()) {
      const expected = await convertSource({ file, bytes: readFileSync(join(SOURCES, file)) });
      const staged = stagedPaths(stagingDir, index);
      expect(readFileSync(staged.json, "utf8")).toBe(serializeReport(expected.report));
      expect(readFileSync(staged.mdx, "utf8")).toBe(expected.mdx);
      expect(results[index]!.unflushed).toEqual([staged.mdx, staged.json, ...(expected.text !== null ? [staged.text] : [])]);
    }
  }, 120_000);

  it("is the same file for the same code, and each source keeps its import.meta.url", async () => {
    const first = await workerBundle();
    const second = await workerBundle();
    expect(second).toBe(first);
    const code = readFileSync(fileURLToPath(first!), "utf8");
    expect(code).not.toContain("import.meta.url");
    // The pdf.js client starts its worker from beside its own source file.
    expect(code).toContain(JSON.stringify(pathToFileURL(resolve("src/converter/input/pdf/pdfjs-client.ts")).href));
  });
});
