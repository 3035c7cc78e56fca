import { describe, expect, it } from "vitest";
import { placeholderCode, resolveJurisdiction } from "../../../src/converter/stages/jurisdiction.ts";

describe("resolveJurisdiction", () => {
  it("resolves the most specific name, with 6-digit parent and province codes", () => {
    expect(resolveJurisdiction("石嘴山市大武口区", "").jurisdiction).toEqual({
      code: "640202",
      name: "大武口区",
      fullName: "宁夏回族自治区石嘴山市大武口区",
      level: "county",
      parent: { code: "640200", name: "石嘴山市" },
      province: { code: "640000", name: "宁夏回族自治区" },
      resolved: true,
    });
    expect(resolveJurisdiction("中卫市", "").jurisdiction).toMatchObject({
      code: "640500",
      level: "prefecture",
      parent: { code: "640000", name: "宁夏回族自治区" },
    });
    expect(resolveJurisdiction("平罗县", "").jurisdiction).toMatchObject({ code: "640221", parent: { code: "640200" } });
    expect(resolveJurisdiction("红寺堡区", "").jurisdiction).toMatchObject({ code: "640303", parent: { code: "640300", name: "吴忠市" } });
    expect(resolveJurisdiction("银川市兴庆区", "").jurisdiction).toMatchObject({ code: "640104", parent: { code: "640100", name: "银川市" } });
    expect(resolveJurisdiction("宁夏回族自治区", "").jurisdiction).toMatchObject({ code: "640000", level: "province", parent: null });
  });

  it("tells apart same-named districts by the prefecture named in the text (朝阳区)", () => {
    expect(resolveJurisdiction("长春市朝阳区", "").jurisdiction.code).toBe("220104");
    expect(resolveJurisdiction("朝阳区", "本报告由长春市朝阳区人民政府办公室汇总").jurisdiction.code).toBe("220104");
    const beijing = resolveJurisdiction("朝阳区", "北京市朝阳区人民政府");
    expect(beijing.jurisdiction).toMatchObject({ code: "110105", parent: { code: "110000", name: "北京市" }, fullName: "北京市朝阳区" });
    expect(beijing.diagnostics).toEqual([]);
    expect(resolveJurisdiction("朝阳区", "").diagnostics[0]!.code).toBe("ambiguous_jurisdiction");
  });

  it("gives an unknown jurisdiction a stable placeholder code and a warning", () => {
    const result = resolveJurisdiction("火星县", "宁夏回族自治区");
    expect(result.jurisdiction).toMatchObject({
      code: placeholderCode("火星县"),
      name: "火星县",
      level: "county",
      province: { code: "640000", name: "宁夏回族自治区" },
      resolved: false,
    });
    expect(placeholderCode("火星县")).toMatch(/^9\d{5}$/);
    expect(placeholderCode("火星县")).toBe(placeholderCode("火星县"));
    expect(placeholderCode("火星县")).not.toBe(placeholderCode("水星县"));
    expect(result.diagnostics).toMatchObject([{ severity: "warning", code: "unresolved_jurisdiction", line: null }]);
  });
});
