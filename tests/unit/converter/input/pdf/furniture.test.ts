import { describe, expect, it } from "vitest";
import { findFurniture, type PageLines } from "../../../../../src/converter/input/pdf/furniture.ts";
import { layoutLines, type Line } from "../../../../../src/converter/input/pdf/lines.ts";
import { run } from "./glyphs.ts";

const HEIGHT = 842;

/** A page of lines: [text, baseline] pairs, body text at 16 pt, margins at 10 pt. */
function page(lines: [string, number][], inTable: (line: Line) => boolean = () => false): PageLines {
  const laidOut = layoutLines(lines.flatMap(([text, baseline]) => run(text, 100, baseline, baseline < 80 || baseline > 760 ? 10 : 16)));
  return { height: HEIGHT, lines: laidOut, inTable: new Set(laidOut.filter(inTable)) };
}

function removed(pages: PageLines[]): string[][] {
  return findFurniture(pages).map((found, p) => [...found].sort((a, b) => a - b).map((i) => pages[p]!.lines[i]!.text));
}

describe("PDF page furniture", () => {
  it("finds decorated page numbers in the bottom or top margin", () => {
    const pages = ["- 3 -", "—3—", "第3页", "第 3 页 共 5 页", "3/5", "Page 3 of 5"].map((n) =>
      page([
        ["本报告由区人民政府办公室编制。", 120],
        [n, 800],
      ]),
    );
    expect(removed(pages)).toEqual([["- 3 -"], ["—3—"], ["第3页"], ["第 3 页 共 5 页"], ["3/5"], ["Page 3 of 5"]]);
  });

  it("takes a bare number for a page number only when the numbers run with the pages", () => {
    const running = [1, 2, 3].map((n) => page([["正文", 120], [String(n), 800]]));
    expect(removed(running)).toEqual([["1"], ["2"], ["3"]]);
    // One bare number at the foot of one page (a figure that ends a page) is not a page number.
    const alone = [page([["正文", 120]]), page([["正文", 120], ["2", 800]]), page([["正文", 120]])];
    expect(removed(alone)).toEqual([[], [], []]);
  });

  it("finds a running header repeated on most pages, not text in the margin of one page", () => {
    const header = (extra: [string, number][] = []): PageLines => page([["某某县人民政府办公室", 40], ["正文", 120], ...extra]);
    expect(removed([header(), header(), page([["正文", 120]]), header()])).toEqual([["某某县人民政府办公室"], ["某某县人民政府办公室"], [], ["某某县人民政府办公室"]]);
    expect(removed([page([["附件", 40], ["正文", 120]]), page([["正文", 120]]), page([["正文", 120]])])).toEqual([[], [], []]);
  });

  it("leaves body text that reaches into the margin, and a table's header repeated on each page", () => {
    const body = [page([["正文", 120], ["五、存在的主要问题及改进情况", 790]]), page([["正文", 120]])];
    expect(removed(body)).toEqual([[], []]);
    const table = (): PageLines => page([["信息内容 本年处理决定数量", 60], ["行政处罚 4119", 120]], (line) => line.text.startsWith("信息内容"));
    expect(removed([table(), table()])).toEqual([[], []]);
  });
});
