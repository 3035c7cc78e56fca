/**
 * Files that are not a report's text: empty, blank, binary, too large. Each is
 * refused with its name and the reason; the real seeds beside it convert as
 * if it were not there; the summary counts what was skipped and why.
 */
import { describe, expect, it } from "vitest";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getTemplate } from "../../src/catalog/index.ts";
import { failureCounts } from "../../src/converter/publish/failure-counts.ts";
import { convertFiles } from "../../src/converter/publish/run.ts";
import { MAX_SOURCE_BYTES, MAX_SOURCE_LINES } from "../../src/converter/stages/decode.ts";
import { SEEDS, seedFile } from "../helpers/convert-seed.ts";
import { SOURCES_DIR } from "../helpers/source-lines.ts";
import { conversionError, convertText, seedText, utf8 } from "./helpers.ts";
import { convertSource } from "../../src/converter/pipeline.ts";

function workspace(): { src: string; out: string } {
  const root = mkdtempSync(join(tmpdir(), "hostile-files-"));
  const src = join(root, "sources");
  mkdirSync(src);
  for (const prefix of SEEDS) copyFileSync(join(SOURCES_DIR, seedFile(prefix)), join(src, seedFile(prefix)));
  return { src, out: join(root, "content") };
}

const options = (outDir: string) => ({ outDir, complete: true, catalogSize: (id: string) => getTemplate(id).indicators.length });

/** Output of the five seeds alone, to compare against. */
function seedsAlone(): Map<string, Buffer> {
  const { src, out } = workspace();
  convertFiles(readdirSync(src).map((f) => join(src, f)), options(out));
  return snapshot(out);
}

function snapshot(out: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const sub of ["data", "reports"]) for (const name of readdirSync(join(out, sub)).sort()) files.set(`${sub}/${name}`, readFileSync(join(out, sub, name)));
  return files;
}

/** A realistic text of about `bytes` bytes: seed 003 followed by its own paragraphs, each numbered so none repeats. */
function largeReport(bytes: number): string {
  const { text } = seedText("003");
  const paragraphs = text.split("\n").slice(8, 30).filter((l) => l.trim() !== "");
  const parts = [text];
  let size = Buffer.byteLength(text);
  for (let k = 0; size < bytes; k++) {
    const line = `第${k}段补充说明：${paragraphs[k % paragraphs.length]}`;
    parts.push(line);
    size += Buffer.byteLength(line) + 1;
  }
  return parts.join("\n");
}

describe("files that are not a report's text", () => {
  it("refuses each bad file by name and reason; the seeds convert exactly as without them", () => {
    const { src, out } = workspace();
    writeFileSync(join(src, "empty.txt"), "");
    writeFileSync(join(src, "blank.txt"), " \r\n\t\u3000\n\n  \n");
    // A PNG header and a zip-like blob saved as .txt.
    writeFileSync(join(src, "picture.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    writeFileSync(join(src, "control.txt"), Buffer.from(Array.from({ length: 4000 }, (_, i) => [0x01, 0x02, 0x41, 0x1b][i % 4]!)));
    // 20 MB: refused from its size, before it is read.
    writeFileSync(join(src, "huge.txt"), largeReport(20 * 1024 * 1024));

    const summary = convertFiles(readdirSync(src).map((f) => join(src, f)), options(out));
    expect(summary.converted.map((c) => c.id)).toEqual(["640202-2017", "640500-2017", "640221-2016", "640303-2018", "640104-2018"]);
    expect(summary.failed.map((f) => f.message)).toEqual([
      "blank.txt: 文件为空或只有空白 / file is empty or whitespace only (only whitespace)",
      "control.txt: 不是文本文件 / binary file (3000 control characters in 4000 visible ones)",
      "empty.txt: 文件为空或只有空白 / file is empty or whitespace only (0 bytes)",
      expect.stringMatching(/^huge\.txt: 文件过大，不像一份年度报告 \/ file too large for one annual report \(2097\d{4} bytes > 4194304\)$/),
      "picture.txt: 不是文本文件 / binary file (contains NUL bytes)",
    ]);
    expect(failureCounts(summary.failed)).toBe("2 binary_file, 2 empty_file, 1 file_too_large");
    expect(snapshot(out)).toEqual(seedsAlone());
  });

  it(`converts a realistic report just under the ${MAX_SOURCE_BYTES / 1024 / 1024} MiB limit (time printed)`, () => {
    const text = largeReport(MAX_SOURCE_BYTES - 64 * 1024);
    const started = performance.now();
    const { report, mdx } = convertText("large.txt", text);
    const ms = performance.now() - started;
    console.log(`${Buffer.byteLength(text)} bytes, ${report.source.lines} lines: ${Math.round(ms)} ms`);
    expect(report.id).toBe("640303-2018");
    expect(report.statistics.filter((s) => s.value !== null)).toHaveLength(58);
    expect(mdx.length).toBeGreaterThan(1_000_000);
  });

  it(`refuses more than ${MAX_SOURCE_LINES} lines, even under the byte limit`, () => {
    const { text } = seedText("003");
    // 238 lines of seed, then 100,000 line ends (the last one closes a line rather than opening one).
    const error = conversionError(() => convertText("lines.txt", text + "\n".repeat(MAX_SOURCE_LINES)));
    expect(error.code).toBe("file_too_large");
    expect(error.message).toBe(`lines.txt: 文件过大，不像一份年度报告 / file too large for one annual report (${MAX_SOURCE_LINES + 237} lines > ${MAX_SOURCE_LINES})`);
  });

  it("refuses bytes over the limit in the pipeline too (library callers)", () => {
    const error = conversionError(() => convertSource({ file: "big.txt", bytes: new Uint8Array(MAX_SOURCE_BYTES + 1).fill(0x41) }));
    expect(error.message).toBe(`big.txt: 文件过大，不像一份年度报告 / file too large for one annual report (${MAX_SOURCE_BYTES + 1} bytes > ${MAX_SOURCE_BYTES})`);
  });

  it("a text file that decodes but is only zero-width and full-width spaces is empty", () => {
    expect(conversionError(() => convertSource({ file: "zw.txt", bytes: utf8("\u200b\u3000\ufeff\n\u2060 \n") })).code).toBe("empty_file");
  });
});
