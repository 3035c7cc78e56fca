/**
 * The source page's text and its figures' spans, on real reports published
 * by the converter: 平潭 2016 (crawler text, the whole report on one line),
 * 沭阳县发改局 2023 (a web page, blank cells), 洪泽 2023 (a PDF's text layer).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { LineIndex } from "../../../src/converter/document/source-text.ts";
import { lineRanges, readSourceText, sourceView, type SourceLineView, type SourcePiece } from "../../../src/site/source-text.ts";
import { sourceFigures } from "../../../src/site/report-page/source-figures.ts";
import { corpus, IDS, publish, sourceText, type Published } from "./report/corpus.ts";

let published: Published;
beforeAll(async () => {
  published = await corpus();
}, 120_000);

const lines = (view: ReturnType<typeof sourceView>): SourceLineView[] => view.items.flatMap((i) => (i.kind === "line" ? [i.line] : i.lines));
const textOf = (pieces: SourcePiece[]): string => pieces.map((p) => (p.kind === "text" ? p.text : p.kind === "marker" ? "" : textOf(p.children))).join("");
function spans(pieces: SourcePiece[], out: { id: string; text: string; kind: string; depth: number }[] = [], depth = 0) {
  for (const p of pieces) {
    if (p.kind === "span" || p.kind === "marker") out.push({ id: p.id, text: p.kind === "span" ? textOf(p.children) : "", kind: p.kind, depth });
    if (p.kind === "span" || p.kind === "part") spans(p.children, out, depth + 1);
  }
  return out;
}

describe("readSourceText", () => {
  it("decodes a text file and a web page as the converter does, so every figure's span holds exactly its raw digits", async () => {
    for (const id of [IDS.pingtan2016, IDS.shuyang2023, IDS.pingtan2020]) {
      const report = published.report(id);
      const { text, origin } = await readSourceText(report.source, id, published.root);
      expect(origin).toBe("file");
      const table = report.statistics.filter((s) => s.origin === "table");
      expect(table.filter((s) => text.slice(s.span.start, s.span.end) !== s.raw).map((s) => s.indicator), id).toEqual([]);
    }
    const html = await readSourceText(published.report(IDS.shuyang2023).source, IDS.shuyang2023, published.root);
    expect(html.text.slice(88600, 88662)).toMatch(/>1$/);
  });

  it("reads a PDF report's text layer, which its spans refer to", async () => {
    const report = published.report(IDS.hongze2023);
    const { text, origin } = await readSourceText(report.source, report.id, published.root);
    expect(origin).toBe("text_layer");
    expect(lineRanges(text)).toHaveLength(report.source.lines);
    expect(text.slice(1876, 1877)).toBe("0");
    expect(report.statistics.filter((s) => text.slice(s.span.start, s.span.end) !== s.raw)).toEqual([]);
  });

  it("refuses another file under the recorded name, naming it", async () => {
    const one = await publish(["fujian-pingtan-2016.txt"]);
    const report = one.report(IDS.pingtan2016);
    writeFileSync(join(one.root, "corpus", "fujian-pingtan-2016.txt"), sourceText("fujian-pingtan-2016.txt").replace("3460", "3461"));
    await expect(readSourceText(report.source, report.id, one.root)).rejects.toThrow("corpus/fujian-pingtan-2016.txt: SHA-256 ");
  }, 60_000);
});

describe("lineRanges", () => {
  it("counts lines as the converter does, for LF, CRLF and lone CR", () => {
    const lf = sourceText("000_76c4b6d22ff18d10.txt");
    for (const text of [lf, lf.replace(/\n/g, "\r\n"), lf.replace(/\n/g, "\r")]) {
      const index = new LineIndex(text);
      const ranges = lineRanges(text);
      expect(ranges).toHaveLength(index.lineCount);
      expect(ranges.map((r) => r.start)).toEqual(ranges.map((r) => index.lineStart(r.n)));
    }
    expect(lineRanges("甲\r\n乙\r\n").map((r) => [r.start, r.end])).toEqual([[0, 1], [3, 4]]);
  });
});

describe("sourceView", () => {
  it("wraps each figure of the one-line crawler report in its own element, exactly its digits", async () => {
    const report = published.report(IDS.pingtan2016);
    const { text } = await readSourceText(report.source, report.id, published.root);
    const view = sourceView(text, sourceFigures(report), report.id);
    expect([view.lineCount, view.spanCount]).toEqual([10, 32]);
    const line10 = lines(view)[9]!;
    expect(line10.hasFigure).toBe(true);
    const found = spans(line10.pieces);
    expect(found.slice(0, 3)).toEqual([
      { id: "S5271-5275", text: "3460", kind: "span", depth: 0 },
      { id: "S5275-5280", text: "85376", kind: "span", depth: 0 },
      { id: "S5293-5297", text: "3460", kind: "span", depth: 0 },
    ]);
    const first = line10.pieces.find((p) => p.kind === "span")!;
    expect(first.kind === "span" && first.title).toBe("主动公开信息数：3,460");
    // Nothing is lost or added: the pieces are the text.
    expect(lines(view).map((l) => textOf(l.pieces)).join("\n")).toBe(text.replace(/\n$/, ""));
  });

  it("gives a blank cell's empty span one element, named after every figure it holds", async () => {
    const report = published.report(IDS.shuyang2023);
    const { text } = await readSourceText(report.source, report.id, published.root);
    const view = sourceView(text, sourceFigures(report), report.id);
    const line = lines(view)[417]!;
    const blank = line.pieces.find((p) => p.kind === "span" && p.id === "S31592-31592");
    expect(blank).toEqual({
      kind: "span",
      id: "S31592-31592",
      empty: true,
      children: [],
      title: ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"].map((c) => `本年新收申请 · ${c}：未填报`).join("；"),
    });
  });

  it("nests a span inside another, and marks one that overlaps another without nesting at its start", () => {
    // 平潭 2016's glued cells 346085376: the chunk, and the two figures in it.
    const text = sourceText("fujian-pingtan-2016.txt");
    const start = lineRanges(text)[9]!.start;
    const place = (s: number, e: number, label: string) => ({ span: { start: s, end: e, line: 10, column: s - start + 1 }, label });
    const nested = spans(lines(sourceView(text, [place(5271, 5280, "栏"), place(5271, 5275, "本年度"), place(5275, 5280, "历年累计")], "t"))[9]!.pieces);
    expect(nested).toEqual([
      { id: "S5271-5280", text: "346085376", kind: "span", depth: 0 },
      { id: "S5271-5275", text: "3460", kind: "span", depth: 1 },
      { id: "S5275-5280", text: "85376", kind: "span", depth: 1 },
    ]);
    const overlapping = spans(lines(sourceView(text, [place(5271, 5277, "甲"), place(5275, 5280, "乙")], "t"))[9]!.pieces);
    expect(overlapping).toEqual([
      { id: "S5271-5277", text: "346085", kind: "span", depth: 0 },
      { id: "S5275-5280", text: "", kind: "marker", depth: 1 },
    ]);
  });

  it("holds the lines of a span over several lines in one element with its id, its characters marked on each", () => {
    // 大武口区 2017, lines 151–152: from 情况 on the group row to 公报 on the next.
    const text = sourceText("000_76c4b6d22ff18d10.txt");
    const ranges = lineRanges(text);
    const from = ranges[150]!.start + text.slice(ranges[150]!.start).indexOf("情况");
    const to = ranges[151]!.start + 5;
    const view = sourceView(text, [{ span: { start: from, end: to, line: 151, column: from - ranges[150]!.start + 1 }, label: "跨行" }], "t");
    const group = view.items.find((i) => i.kind === "lines")!;
    expect(group.kind === "lines" && [group.id, group.lines.map((l) => l.n), group.lines.map((l) => l.pieces.flatMap((p) => (p.kind === "part" ? [textOf(p.children)] : [])))]).toEqual([
      `S${from}-${to}`,
      [151, 152],
      [["情况\t——\t"], ["1. 政府"]],
    ]);
    expect(view.items).toHaveLength(ranges.length - 1);
  });

  it("refuses a span that is not where the converter recorded it", () => {
    const text = sourceText("fujian-pingtan-2016.txt");
    expect(() => sourceView(text, [{ span: { start: 5271, end: 5275, line: 9, column: 1 }, label: "主动公开信息数" }], "/reports/x/source/")).toThrow(
      "/reports/x/source/: the span 5271–5275 of 主动公开信息数 is not at line 9, column 1 of the text; re-run npm run convert",
    );
    expect(() => sourceView(text, [{ span: { start: 5271, end: 99_999, line: 10, column: 4977 }, label: "x" }], "t")).toThrow("the span 5271–99999");
  });
});
