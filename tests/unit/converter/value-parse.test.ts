/** Reading one value cell: a number only when the cell can mean nothing else. */
import { describe, expect, it } from "vitest";
import { parseValueCell } from "../../../src/converter/stages/value-parse.ts";

describe("parseValueCell", () => {
  it.each([
    ["8573", ["条"], 8573],
    ["0", ["件"], 0],
    ["1,234", ["条"], 1234],
    ["12,345,678", ["条"], 12345678],
    ["１２３", ["件"], 123],
    ["１，２３４", ["件"], 1234],
    ["12.5", ["万元"], 12.5],
    ["0.00", ["万元"], 0],
    ["5件", ["件"], 5],
    ["5 件", ["件"], 5],
    ["5（件）", ["件"], 5],
    ["70人次", ["人次"], 70],
    [" 43 ", ["件"], 43],
  ])("%s (%s) → %d", (raw, units, value) => {
    expect(parseValueCell(raw, units)).toMatchObject({ kind: "number", value });
  });

  it.each(["", "  ", "—", "——", "-", "/", "／", "－", "无"])("“%s” is not reported", (raw) => {
    expect(parseValueCell(raw, ["件"]).kind).toBe("not_reported");
  });

  it.each([
    ["约300", ["条"], "约数"],
    ["300余", ["条"], "约数"],
    ["近300", ["条"], "约数"],
    ["十二", ["次"], "汉字"],
    ["-3", ["件"], "负数"],
    ["1 234", ["条"], "两个数"],
    ["3/5", ["件"], "两个数"],
    ["12,5", ["件"], "两个数"],
    ["1,23", ["件"], "两个数"],
    ["12.5", ["件"], "整数"],
    ["5%", ["件"], "百分比"],
    ["5次", ["件"], "不是可识别的数字"],
    ["5（次）", ["件"], "不是可识别的数字"],
    ["abc", ["件"], "不是可识别的数字"],
  ])("“%s” (%s) is ambiguous: %s", (raw, units, reason) => {
    const reading = parseValueCell(raw, units);
    expect(reading.kind).toBe("ambiguous");
    expect(reading.note).toContain(reason);
    expect(reading.note).toContain(raw);
  });

  it("notes a unit written into the cell", () => {
    expect(parseValueCell("5件", ["件"])).toEqual({ kind: "number", value: 5, note: "单元格带单位：“5件”" });
    expect(parseValueCell("5", ["件"])).toEqual({ kind: "number", value: 5, note: null });
  });
});
