/**
 * Reading one value cell (a number only when the cell can mean nothing else)
 * and cutting a row's value text into chunks. Cells are written in the shapes
 * real reports print (the seeds' 统计数 column, 平潭 2020's 本年增/减 and 元
 * amounts, 平潭 2025's six-decimal 万元).
 */
import { describe, expect, it } from "vitest";
import { exactNumber, parseCell, shiftDecimal, valueChunks, type CellSpec } from "../../../../src/converter/readers/values.ts";

const count = (unit: string): CellSpec => ({ value: "count", unit, unitInHeader: false });
const signed = (unit: string): CellSpec => ({ value: "signed", unit, unitInHeader: false });
/** An amount whose unit the header or the row's unit column states. */
const money = (unit: string): CellSpec => ({ value: "amount", unit, unitInHeader: true });

describe("parseCell: numbers", () => {
  it.each([
    ["8573", count("条"), 8573],
    ["0", count("件"), 0],
    ["1,234", count("条"), 1234],
    ["12,345,678", count("条"), 12345678],
    ["１２３", count("件"), 123],
    ["１，２３４", count("件"), 1234],
    ["12.5", money("万元"), 12.5],
    ["0.00", money("万元"), 0],
    ["4166.241619", money("万元"), 4166.241619],
    ["5件", count("件"), 5],
    ["5 件", count("件"), 5],
    ["5（件）", count("件"), 5],
    ["70人次", count("人次"), 70],
    [" 43 ", count("件"), 43],
    ["+1036", signed("项"), 1036],
    ["-18", signed("项"), -18],
    ["−15", signed("项"), -15],
    ["－15", signed("项"), -15],
    ["442", signed("项"), 442],
    ["9007199254740991", count("件"), 9007199254740991],
  ])("%s → %d", (raw, spec, value) => {
    expect(parseCell(raw, spec)).toMatchObject({ kind: "number", value });
  });

  it("keeps the unit printed in the cell in `unit`, without a note when it is the row's own", () => {
    // The old reader put 单元格带单位 in the note; the schema now has a field for the printed unit.
    expect(parseCell("5件", count("件"))).toEqual({ kind: "number", value: 5, unit: "件", note: null });
    expect(parseCell("5", count("件"))).toEqual({ kind: "number", value: 5, unit: null, note: null });
  });

  it("reads a count in the unit the row's unit cell prints, and notes it", () => {
    expect(parseCell("5件", { ...count("条"), countUnits: ["件"] })).toEqual({ kind: "number", value: 5, unit: "件", note: "单元格带单位：“5件”" });
  });

  it("converts 元 to 万元 exactly, in decimal arithmetic", () => {
    expect(parseCell("251000元", money("万元"))).toEqual({ kind: "number", value: 25.1, unit: "元", note: "原文为 251000元，换算为 25.1万元" });
    expect(parseCell("73802895.90元", money("万元"))).toEqual({
      kind: "number",
      value: 7380.28959,
      unit: "元",
      note: "原文为 73802895.90元，换算为 7380.28959万元",
    });
    expect(parseCell("0元", money("万元"))).toEqual({ kind: "number", value: 0, unit: "元", note: "原文为 0元，换算为 0万元" });
    // A bare figure in a row whose unit cell prints 元.
    expect(parseCell("251000", { ...money("万元"), printedUnit: "元" })).toEqual({ kind: "number", value: 25.1, unit: "元", note: "原文为 251000元，换算为 25.1万元" });
  });
});

describe("parseCell: not reported", () => {
  it.each(["", "  ", "—", "——", "-", "/", "／", "－", "无"])("“%s” is not reported", (raw) => {
    const reading = parseCell(raw, count("件"));
    expect(reading.kind).toBe("not_reported");
    expect(reading.kind === "not_reported" && reading.note).toMatch(/未填报/);
  });
});

describe("parseCell: uncertain", () => {
  it.each([
    ["约300", count("条"), "约数"],
    ["300余", count("条"), "约数"],
    ["近300", count("条"), "约数"],
    ["十二", count("次"), "汉字"],
    ["-3", count("件"), "负数"],
    ["1 234", count("条"), "两个数"],
    ["3/5", count("件"), "两个数"],
    ["12,5", count("件"), "两个数"],
    ["1,23", count("件"), "两个数"],
    ["12.5", count("件"), "整数"],
    ["5%", count("件"), "百分比"],
    ["5次", count("件"), "不是可识别的数字"],
    ["5（次）", count("件"), "不是可识别的数字"],
    ["abc", count("件"), "不是可识别的数字"],
    ["9007199254740993", count("件"), "2^53"],
    ["12345678901234567.5", money("万元"), "有效数字超过 15 位"],
    ["12.5", { value: "amount", unit: "万元", unitInHeader: false } satisfies CellSpec, "无法确定是元还是万元"],
  ])("“%s” is uncertain: %s", (raw, spec, reason) => {
    const reading = parseCell(raw, spec);
    expect(reading.kind).toBe("uncertain");
    expect(reading.kind === "uncertain" && reading.note).toContain(reason);
    expect(reading.kind === "uncertain" && reading.note).toContain(raw);
  });

  it("never rounds a figure a double cannot hold: 401 digits in 万元 or 元 are uncertain", () => {
    const digits = "9".repeat(401);
    expect(parseCell(digits, money("万元")).kind).toBe("uncertain");
    expect(parseCell(`${digits}元`, money("万元")).kind).toBe("uncertain");
    expect(parseCell(`${digits}.5`, money("万元")).kind).toBe("uncertain");
  });
});

describe("shiftDecimal and exactNumber", () => {
  it.each([
    ["73802895.90", 4, "7380.28959"],
    ["251000", 4, "25.1"],
    ["5", 4, "0.0005"],
    ["0", 4, "0"],
    ["-150000", 4, "-15"],
    ["12.5", 0, "12.5"],
  ])("%s ÷ 10^%d = %s", (digits, places, result) => {
    expect(shiftDecimal(digits, places)).toBe(result);
  });

  it.each([
    ["9007199254740991", 9007199254740991],
    ["9007199254740993", null],
    ["0.000001", 0.000001],
    ["123456789012345.6", null],
    ["1234567890123.45", 1234567890123.45],
    ["1".repeat(400), null],
  ])("%s → %s", (text, value) => {
    expect(exactNumber(text)).toBe(value);
  });
});

describe("valueChunks", () => {
  const shape = (text: string) => valueChunks(text).map((c) => [c.kind, c.text, c.unit, text.slice(c.from, c.to)]);

  it("cuts at white space: each run of digits may hold several cells", () => {
    // 平潭 2012: '主动公开信息数 条 739 4359'; 平潭 2020 table 三: '20 0 00 0 121'.
    expect(shape(" 739 4359")).toEqual([
      ["digits", "739", null, "739"],
      ["digits", "4359", null, "4359"],
    ]);
    expect(shape("20 0 00 0 121")).toEqual([
      ["digits", "20", null, "20"],
      ["digits", "0", null, "0"],
      ["digits", "00", null, "00"],
      ["digits", "0", null, "0"],
      ["digits", "121", null, "121"],
    ]);
  });

  it("keeps signs inside a run for the solver (平潭 2020: 行政处罚2648-18538, 行政事业性收费35-15)", () => {
    expect(shape("2648-18538")).toEqual([["digits", "2648-18538", null, "2648-18538"]]);
    expect(shape("35-15")).toEqual([["digits", "35-15", null, "35-15"]]);
    expect(shape("+1036 −18")).toEqual([
      ["digits", "+1036", null, "+1036"],
      ["digits", "-18", null, "−18"],
    ]);
  });

  it("keeps decimals and a money unit written after them (平潭 2020: 39573802895.90元; 2025: 4166.241619)", () => {
    expect(shape("39573802895.90元")).toEqual([["digits", "39573802895.90", "元", "39573802895.90元"]]);
    expect(shape("4166.241619")).toEqual([["digits", "4166.241619", null, "4166.241619"]]);
    expect(shape("9116.36万元")).toEqual([["digits", "9116.36", "万元", "9116.36万元"]]);
  });

  it("reads full-width digits, reporting positions in the original text", () => {
    expect(shape("１２３　４５")).toEqual([
      ["digits", "123", null, "１２３"],
      ["digits", "45", null, "４５"],
    ]);
  });

  it("takes marks as one cell not reported each, and a trailing separator as punctuation", () => {
    expect(shape("— / 无 -")).toEqual([
      ["mark", "—", null, "—"],
      ["mark", "/", null, "/"],
      ["mark", "无", null, "无"],
      ["mark", "-", null, "-"],
    ]);
    expect(shape("12,345 6.")).toEqual([
      ["digits", "12,345", null, "12,345"],
      ["digits", "6", null, "6"],
    ]);
  });

  it("leaves words out: units of count, 其中", () => {
    expect(shape("条 425 1516 其中：")).toEqual([
      ["digits", "425", null, "425"],
      ["digits", "1516", null, "1516"],
    ]);
  });
});
