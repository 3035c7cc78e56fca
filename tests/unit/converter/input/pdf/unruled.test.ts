import { describe, expect, it } from "vitest";
import { layoutLines } from "../../../../../src/converter/input/pdf/lines.ts";
import { cellText, type TableDraft } from "../../../../../src/converter/input/pdf/table-draft.ts";
import { findUnruledTables } from "../../../../../src/converter/input/pdf/unruled.ts";
import { glyphWidth, run } from "./glyphs.ts";

/** Text whose right edge is at x (figures are set flush right in their column). */
function right(text: string, x: number, baseline: number, size: number) {
  const width = [...text].reduce((w, c) => w + glyphWidth(c, size), 0);
  return run(text, x - width, baseline, size);
}

/** The draft as rows of cell texts ("<" where a cell from the left spans in), and its header rows. */
function grid(draft: TableDraft): { rows: string[][]; header: boolean[] } {
  return {
    rows: draft.cellAt.map((row, r) =>
      row.map((index, c) => {
        const cell = draft.cells[index]!;
        return cell.row === r && cell.column === c ? cellText(cell) : "<";
      }),
    ),
    header: draft.cellAt.map((row) => row.every((index) => draft.cells[index]!.header)),
  };
}

describe("PDF tables without lines", () => {
  it("reads columns from the figures, a header word across the columns it stands over, and the words over each column", () => {
    const lines = layoutLines([
      ...run("三、收到和处理政府信息公开申请情况", 58, 60, 16),
      ...run("申请人情况", 320, 100, 10),
      ...run("自然人", 300, 116, 10),
      ...run("法人", 360, 116, 10),
      ...run("总计", 420, 116, 10),
      ...run("一、本年新收政府信息公开申请数量", 58, 140, 10),
      ...right("21", 330, 140, 12),
      ...right("3", 380, 140, 12),
      ...right("24", 440, 140, 12),
      ...run("二、上年结转政府信息公开申请数量", 58, 160, 10),
      ...right("0", 330, 160, 12),
      ...right("0", 380, 160, 12),
      ...right("0", 440, 160, 12),
      ...run("全年主动公开政府信息1136条，均在法定期限内答复。", 58, 200, 16),
    ]);
    const tables = findUnruledTables(lines);
    expect(tables.map(grid)).toEqual([
      {
        rows: [
          // 申请人情况 (x 320–370) stands over the first two figure columns only.
          ["", "申请人情况", "<", ""],
          ["", "自然人", "法人", "总计"],
          ["一、本年新收政府信息公开申请数量", "21", "3", "24"],
          ["二、上年结转政府信息公开申请数量", "0", "0", "0"],
        ],
        header: [true, true, false, false],
      },
    ]);
    expect([...tables[0]!.lines].map((l) => l.text)).not.toContain("三、收到和处理政府信息公开申请情况");
  });

  it("does not take prose with figures, or a numbered list, for a table", () => {
    const lines = layoutLines([
      ...run("2023年，我区在政府网站平台主动公开政府信息1136条。", 58, 100, 16),
      ...run("2023年全区受理政府信息公开申请21件，均在法定期限答复。", 58, 127, 16),
      ...run("1", 58, 160, 12),
      ...run("Introduction", 90, 160, 12),
      ...run("2", 58, 180, 12),
      ...run("ASN.1 structure handling", 90, 180, 12),
    ]);
    expect(findUnruledTables(lines)).toEqual([]);
  });
});
