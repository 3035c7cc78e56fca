/**
 * Files that are not a report's text: empty, blank, binary, too large, and
 * things in sources/ that are not regular files (a named pipe, a device, a
 * socket, a folder, symbolic links out of the folder). Each is refused with
 * its name and the reason, without blocking or reading without end; the real
 * seeds beside it convert as if it were not there; the summary counts what
 * was skipped and why.
 */
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { failureCounts } from "../../src/converter/publish/failure-counts.ts";
import { readSource } from "../../src/converter/publish/read-source.ts";
import { convertSources } from "../../src/converter/publish/run.ts";
import { MAX_SOURCE_BYTES, MAX_SOURCE_LINES } from "../../src/converter/input/decode.ts";
import { MAX_PDF_BYTES } from "../../src/converter/input/pdf/index.ts";
import { Page, pdf } from "../fixtures/pdf/pdf-writer.ts";
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

const convert = (src: string, out: string) => convertSources({ sourcesDir: src, outDir: out });

/** Output of the five seeds alone, to compare against. */
async function seedsAlone(): Promise<Map<string, Buffer>> {
  const { src, out } = workspace();
  await convert(src, out);
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
  it("refuses each bad file by name and reason; the seeds convert exactly as without them", async () => {
    const { src, out } = workspace();
    writeFileSync(join(src, "empty.txt"), "");
    writeFileSync(join(src, "blank.txt"), " \r\n\t\u3000\n\n  \n");
    // A PNG header and a zip-like blob saved as .txt.
    writeFileSync(join(src, "picture.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    writeFileSync(join(src, "control.txt"), Buffer.from(Array.from({ length: 4000 }, (_, i) => [0x01, 0x02, 0x41, 0x1b][i % 4]!)));
    // 20 MB: refused from its size, before it is read.
    writeFileSync(join(src, "huge.txt"), largeReport(20 * 1024 * 1024));

    const summary = await convert(src, out);
    expect(summary.converted.map((c) => c.id)).toEqual(["640202-2017", "640500-2017", "640221-2016", "640303-2018", "640104-2018"]);
    // binary_file now says what the converter reads instead (text, a web page or a PDF): a source may be any of them.
    expect(summary.failed.map((f) => f.message)).toEqual([
      "blank.txt: 文件为空或只有空白 / file is empty or whitespace only (only whitespace)",
      "control.txt: 不是文本、网页或 PDF 文件 / neither text, a web page nor a PDF (3000 control characters in 4000 visible ones)",
      "empty.txt: 文件为空或只有空白 / file is empty or whitespace only (0 bytes)",
      expect.stringMatching(/^huge\.txt: 文件过大，不像一份年度报告 \/ file too large for one annual report \(2097\d{4} bytes > 4194304\)$/),
      "picture.txt: 不是文本、网页或 PDF 文件 / neither text, a web page nor a PDF (contains NUL bytes)",
    ]);
    expect(failureCounts(summary.failed)).toBe("2 binary_file, 2 empty_file, 1 file_too_large");
    expect(snapshot(out)).toEqual(await seedsAlone());
  });

  it("refuses what is not a regular file, by name, without blocking or reading without end", async () => {
    const { src, out } = workspace();
    const outside = mkdtempSync(join(tmpdir(), "hostile-outside-"));
    writeFileSync(join(outside, "report.txt"), seedText("003").text);
    execFileSync("mkfifo", [join(src, "fifo.txt")]); // opened for reading, a pipe blocks until a writer comes
    symlinkSync("/dev/zero", join(src, "zero.txt")); // stat of the link's target says 0 bytes; reading it never ends
    symlinkSync(join(outside, "report.txt"), join(src, "outside.txt"));
    symlinkSync(join(src, "003_2853f03aefee650d.txt"), join(src, "inside.txt")); // inside sources/: read, and a copy of 003
    mkdirSync(join(src, "folder.txt"));
    const socket: Server = await new Promise((resolve) => {
      const server = createServer();
      server.listen(join(src, "socket.txt"), () => resolve(server));
    });
    let summary;
    try {
      summary = await convert(src, out);
    } finally {
      socket.close();
    }
    expect(summary.failed.map((f) => f.message)).toEqual([
      "fifo.txt: 不是普通文件（命名管道、设备、套接字或文件夹） / not a regular file (a named pipe, device, socket or folder) (named pipe)",
      "folder.txt: 不是普通文件（命名管道、设备、套接字或文件夹） / not a regular file (a named pipe, device, socket or folder) (folder)",
      `outside.txt: 符号链接指向来源文件夹之外 / symbolic link to a file outside the sources folder (→ ${join(outside, "report.txt")})`,
      "socket.txt: 不是普通文件（命名管道、设备、套接字或文件夹） / not a regular file (a named pipe, device, socket or folder) (socket)",
      "zero.txt: 符号链接指向来源文件夹之外 / symbolic link to a file outside the sources folder (→ /dev/zero)",
    ]);
    expect(failureCounts(summary.failed)).toBe("3 not_a_regular_file, 2 symlink_outside_sources");
    expect(summary.superseded).toEqual([{ file: "inside.txt", id: "640303-2018", as: "copy", of: "003_2853f03aefee650d.txt" }]);
    expect(summary.converted.map((c) => c.id)).toEqual(["640202-2017", "640500-2017", "640221-2016", "640303-2018", "640104-2018"]);
  });

  it.skipIf(process.getuid?.() !== 0)("refuses a device node in sources/ (made with mknod, as root)", async () => {
    const { src, out } = workspace();
    execFileSync("mknod", [join(src, "zero.txt"), "c", "1", "5"]);
    const summary = await convert(src, out);
    expect(summary.failed.map((f) => [f.file, f.code, f.message.split(" (").at(-1)])).toEqual([["zero.txt", "not_a_regular_file", "character device)"]]);
  });

  it("caps what it reads whatever stat says: a regular file that reports 0 bytes and never ends is refused as too large", () => {
    // /proc/self/pagemap is a regular file of size 0 whose content runs to gigabytes.
    const read = readSource("/proc/self/pagemap", "/proc/self");
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.error.message).toBe(`pagemap: 文件过大，不像一份年度报告 / file too large for one annual report (more than ${MAX_SOURCE_BYTES} bytes read, although stat gave 0)`);
  });

  it(`reads a PDF over the text limit (fonts and images weigh), up to ${MAX_PDF_BYTES / 1024 / 1024} MiB; a file named as text over ${MAX_SOURCE_BYTES / 1024 / 1024} MiB is refused unread, whatever it holds`, async () => {
    const { src, out } = workspace();
    const lines = ["红寺堡区2019年政府信息公开工作年度报告", "本报告由红寺堡区人民政府办公室编制，所列数据统计期限为", "2019年1月1日至2019年12月31日。", "一、概述", "二、主动公开政府信息情况"];
    const page = new Page().centred(297, 80, 16, lines[0]!);
    lines.slice(1).forEach((line, i) => page.text(58, 120 + i * 24, 12, line));
    // What makes a real PDF heavy stands beside its text; here, a comment in the page's content.
    page.ops.push(`%${"0".repeat(5 * 1024 * 1024)}`);
    const big = pdf([page]);
    expect(big.length).toBeGreaterThan(MAX_SOURCE_BYTES);
    writeFileSync(join(src, "hongsibu-2019.pdf"), big);
    // The same bytes under a text name are read only up to the text limit.
    writeFileSync(join(src, "pdf-as-text.txt"), big);
    const summary = await convert(src, out);
    expect(summary.converted.find((c) => c.file === "hongsibu-2019.pdf")).toMatchObject({ id: "640303-2019", title: "红寺堡区2019年政府信息公开工作年度报告" });
    expect(summary.failed.map((f) => f.message)).toEqual([
      `pdf-as-text.txt: 文件过大，不像一份年度报告 / file too large for one annual report (${big.length} bytes > ${MAX_SOURCE_BYTES})`,
    ]);
    expect(readSource(join(src, "hongsibu-2019.pdf"), src)).toMatchObject({ ok: true, sha256: createHash("sha256").update(big).digest("hex") });
  });

  it(`converts a realistic report just under the ${MAX_SOURCE_BYTES / 1024 / 1024} MiB limit (time printed)`, async () => {
    const text = largeReport(MAX_SOURCE_BYTES - 64 * 1024);
    const started = performance.now();
    const { report, mdx } = await convertText("large.txt", text);
    const ms = performance.now() - started;
    console.log(`${Buffer.byteLength(text)} bytes, ${report.source.lines} lines: ${Math.round(ms)} ms`);
    expect(report.id).toBe("640303-2018");
    expect(report.statistics.filter((s) => s.value !== null)).toHaveLength(58);
    expect(mdx.length).toBeGreaterThan(1_000_000);
  });

  it(`refuses more than ${MAX_SOURCE_LINES} lines, even under the byte limit`, async () => {
    const { text } = seedText("003");
    // 238 lines of seed, then 100,000 line ends (the last one closes a line rather than opening one).
    const error = await conversionError(() => convertText("lines.txt", text + "\n".repeat(MAX_SOURCE_LINES)));
    expect(error.code).toBe("file_too_large");
    expect(error.message).toBe(`lines.txt: 文件过大，不像一份年度报告 / file too large for one annual report (${MAX_SOURCE_LINES + 237} lines > ${MAX_SOURCE_LINES})`);
  });

  it("refuses bytes over the limit in the pipeline too (library callers)", async () => {
    const error = await conversionError(() => convertSource({ file: "big.txt", bytes: new Uint8Array(MAX_SOURCE_BYTES + 1).fill(0x41) }));
    expect(error.message).toBe(`big.txt: 文件过大，不像一份年度报告 / file too large for one annual report (${MAX_SOURCE_BYTES + 1} bytes > ${MAX_SOURCE_BYTES})`);
  });

  it("a text file that decodes but is only zero-width and full-width spaces is empty", async () => {
    expect((await conversionError(() => convertSource({ file: "zw.txt", bytes: utf8("\u200b\u3000\ufeff\n\u2060 \n") }))).code).toBe("empty_file");
  });
});
