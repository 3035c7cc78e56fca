import { describe, expect, it } from "vitest";
import type { RulingSegment } from "../../../../../src/converter/input/pdf/content.ts";
import { findRuledGrids, positionIn, type RuledGrid } from "../../../../../src/converter/input/pdf/ruled.ts";

const h = (at: number, from: number, to: number): RulingSegment => ({ orientation: "horizontal", at, from, to });
const v = (at: number, from: number, to: number): RulingSegment => ({ orientation: "vertical", at, from, to });

/** The grid's cells as [row, column, rowSpan, colSpan], in reading order. */
function cells(grid: RuledGrid): number[][] {
  return grid.cells.map((c) => [c.row, c.column, c.rowSpan, c.colSpan]);
}

/** The lines the 洪泽 2023 PDF draws for the first part of 表二 (page 2), as pdf.js gives them. */
const TABLE_2 = [
  ...[459.13, 495.03, 540.13, 573.43, 608.58, 651.08, 693.53, 728.68, 778.58].map((y) => h(y, 75.17, 517.63)),
  v(75.65, 458.65, 779.06),
  v(231.3, 494.55, 608.1),
  v(231.3, 650.6, 728.2),
  v(338.6, 494.55, 608.1),
  v(422.4, 494.55, 608.1),
  v(517.15, 459.61, 779.06),
];

describe("PDF ruled tables", () => {
  it("makes the grid of 表二 from its lines: a title row across, headers, a figure cell spanning three columns", () => {
    const [grid] = findRuledGrids(TABLE_2);
    expect(grid!.xs.map(Math.round)).toEqual([76, 231, 339, 422, 517]);
    expect(cells(grid!)).toEqual([
      [0, 0, 1, 4],
      [1, 0, 1, 1], [1, 1, 1, 1], [1, 2, 1, 1], [1, 3, 1, 1],
      [2, 0, 1, 1], [2, 1, 1, 1], [2, 2, 1, 1], [2, 3, 1, 1],
      [3, 0, 1, 1], [3, 1, 1, 1], [3, 2, 1, 1], [3, 3, 1, 1],
      [4, 0, 1, 4],
      [5, 0, 1, 1], [5, 1, 1, 3],
      [6, 0, 1, 1], [6, 1, 1, 3],
      [7, 0, 1, 4],
    ]);
    // 550 stands at x 365–383, its middle at y 711, on the row of 行政许可.
    expect(positionIn(grid!, 374, 711)).toEqual({ row: 6, column: 2 });
    expect(grid!.cellAt[6]![2]).toBe(grid!.cellAt[6]![1]);
  });

  it("closes a table the page end cuts off at the end of its vertical lines", () => {
    // 表三 continues on the next page: its last row has no line below it.
    const lines = [h(100, 77, 516), h(120, 77, 516), v(77, 100, 160), v(300, 100, 160), v(516, 100, 160)];
    const [grid] = findRuledGrids(lines);
    expect(grid!.ys).toEqual([100, 120, 160]);
    expect(cells(grid!)).toEqual([
      [0, 0, 1, 1], [0, 1, 1, 1],
      [1, 0, 1, 1], [1, 1, 1, 1],
    ]);
  });

  it("reads a border drawn double as one line, not a row without text", () => {
    const lines = [h(100, 50, 300), h(102.5, 50, 300), h(130, 50, 300), h(160, 50, 300), v(50, 100, 160), v(150, 100, 160), v(300, 100, 160)];
    const [grid] = findRuledGrids(lines);
    expect(grid!.ys.map(Math.round)).toEqual([101, 130, 160]);
    expect(grid!.cells).toHaveLength(4);
  });

  it("does not take a frame around text, or a frame split in two, for a table", () => {
    expect(findRuledGrids([h(100, 50, 500), h(300, 50, 500), v(50, 100, 300), v(500, 100, 300)])).toEqual([]);
    expect(findRuledGrids([h(100, 50, 500), h(200, 50, 500), h(300, 50, 500), v(50, 100, 300), v(500, 100, 300)])).toEqual([]);
  });

  it("keeps apart two tables whose lines do not touch", () => {
    const box = (top: number): RulingSegment[] => [
      h(top, 50, 300), h(top + 20, 50, 300), h(top + 40, 50, 300),
      v(50, top, top + 40), v(150, top, top + 40), v(300, top, top + 40),
    ];
    expect(findRuledGrids([...box(400), ...box(100)]).map((g) => [g.top, g.bottom])).toEqual([
      [100, 140],
      [400, 440],
    ]);
  });
});
