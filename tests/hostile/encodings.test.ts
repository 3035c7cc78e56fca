/**
 * Encodings and line ends: the same report saved by different tools must
 * convert to the same report. Only `source` (bytes, sha256, encoding) may
 * differ; statistics, headings, diagnostics, removals and the MDX are equal.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { convertSource, type ConvertOutput } from "../../src/converter/pipeline.ts";
import type { Statistic } from "../../src/schema/report.ts";
import { FIXTURES, seedText, utf8 } from "./helpers.ts";

function utf16(text: string, order: "le" | "be", bom: boolean): Uint8Array {
  const body = Buffer.from(text, "utf16le");
  if (order === "be") body.swap16();
  return bom ? Buffer.concat([Buffer.from(order === "le" ? [0xff, 0xfe] : [0xfe, 0xff]), body]) : body;
}

/** The report without its source fingerprint, which differs by construction. */
function content(output: ConvertOutput) {
  const { source, ...rest } = output.report;
  return { report: rest, lines: source.lines, file: source.file, mdx: output.mdx };
}

/**
 * The same without the offsets of the spans. Spans point into the decoded text
 * as it is, line ends included (the source page highlights those offsets), so
 * a CR before each LF moves every offset after it; line and column stay.
 */
function contentByLine(output: ConvertOutput) {
  const { report, ...rest } = content(output);
  const statistics = report.statistics.map(({ span: { start: _start, end: _end, ...place }, ...s }) => ({ ...s, span: place }));
  return { ...rest, report: { ...report, statistics } };
}

const seed000 = seedText("000");
const seed002 = seedText("002");
const seed003 = seedText("003");
const reference003 = await convertSource({ file: seed003.file, bytes: utf8(seed003.text) });

describe("encodings", () => {
  const variants: [string, string, Uint8Array][] = [
    ["UTF-8 with BOM", "utf-8-bom", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(seed003.text)])],
    ["UTF-16 LE with BOM", "utf-16le", utf16(seed003.text, "le", true)],
    ["UTF-16 BE with BOM", "utf-16be", utf16(seed003.text, "be", true)],
    ["UTF-16 LE without BOM", "utf-16le", utf16(seed003.text, "le", false)],
    ["UTF-16 BE without BOM", "utf-16be", utf16(seed003.text, "be", false)],
  ];
  for (const [name, encoding, bytes] of variants) {
    it(`${name}: detected as ${encoding}, converted exactly like the UTF-8 seed`, async () => {
      const output = await convertSource({ file: seed003.file, bytes });
      expect(output.report.source.encoding).toBe(encoding);
      expect(output.report.source.bytes).toBe(bytes.length);
      expect(content(output)).toEqual(content(reference003));
    });
  }

  it("GB18030 (seed 000, with the 4-byte ☀): detected and decoded to the seed's exact text", async () => {
    const bytes = readFileSync(join(FIXTURES, "000.gb18030.txt"));
    expect(bytes.includes(Buffer.from([0x81, 0x37, 0xa2, 0x37]))).toBe(true); // ☀ U+2600 in GB18030
    const output = await convertSource({ file: seed000.file, bytes });
    const reference = await convertSource({ file: seed000.file, bytes: utf8(seed000.text) });
    expect(output.report.source.encoding).toBe("gb18030");
    expect(new TextDecoder("gb18030").decode(bytes)).toBe(seed000.text);
    expect(content(output)).toEqual(content(reference));
    expect(output.report.title).toBe("石嘴山市大武口区2017年政府信息公开工作年度报告");
  });

  it("GBK (seed 002) is read as GB18030, its superset, and converts like the UTF-8 seed", async () => {
    const bytes = readFileSync(join(FIXTURES, "002.gbk.txt"));
    const output = await convertSource({ file: seed002.file, bytes });
    const reference = await convertSource({ file: seed002.file, bytes: utf8(seed002.text) });
    expect(output.report.source.encoding).toBe("gb18030");
    expect(content(output)).toEqual(content(reference));
    expect(output.report.id).toBe("640221-2016");
  });

  it("UTF-8 with a few damaged bytes stays UTF-8 (not GB18030 mojibake) and says where", async () => {
    const bytes = Buffer.from(utf8(seed003.text));
    // Cut the first character of line 5 in half: its lead byte survives, its continuation bytes do not.
    const at = Buffer.from(seed003.text.split("\n").slice(0, 4).join("\n") + "\n").length;
    bytes[at + 1] = 0x41;
    bytes[at + 2] = 0x41;
    const output = await convertSource({ file: "damaged.txt", bytes });
    expect(output.report.source.encoding).toBe("utf-8");
    expect(output.report.title).toBe("红寺堡区2018年政府信息公开工作年度报告");
    expect(output.report.diagnostics[0]).toEqual({
      severity: "warning",
      code: "damaged_bytes",
      message: "1 处字节不是有效的 UTF-8，已替换为 �（第 5 行） / 1 invalid UTF-8 byte sequence(s) replaced by U+FFFD (lines 5)",
      line: 5,
    });
    // Spans name their file and offsets into the decoded text, where the damaged character is now three
    // (U+FFFD and the two A's): compared by line and column, the figures are the seed's.
    const place = ({ span: { line, column, endLine, endColumn }, ...s }: Statistic) => ({ ...s, span: { line, column, endLine, endColumn } });
    expect(output.report.statistics.map(place)).toEqual(reference003.report.statistics.map(place));
  });
});

describe("line ends", () => {
  for (const [name, end] of [
    ["CRLF", "\r\n"],
    ["lone CR (classic Mac)", "\r"],
  ] as const) {
    it(`${name}: same lines, same numbers, same report`, async () => {
      const text = seed003.text.replace(/\n/g, end);
      const output = await convertSource({ file: seed003.file, bytes: utf8(text) });
      expect(output.report.source.lines).toBe(reference003.report.source.lines);
      expect(contentByLine(output)).toEqual(contentByLine(reference003));
      expect(output.mdx).not.toContain("\r");
    });
  }

  it("mixed line ends in one file number lines as a reader sees them", async () => {
    const lines = seed003.text.split("\n");
    // (A lone CR before an empty line would meet the next LF and read as one CRLF: avoided.)
    const end = (i: number) => (i === lines.length - 1 ? "" : i % 3 === 2 && lines[i + 1] !== "" ? "\r" : i % 3 === 1 ? "\r\n" : "\n");
    const mixed = lines.map((line, i) => line + end(i)).join("");
    expect(contentByLine(await convertSource({ file: seed003.file, bytes: utf8(mixed) }))).toEqual(contentByLine(reference003));
  });
});
