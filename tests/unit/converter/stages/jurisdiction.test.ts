import { describe, expect, it } from "vitest";
import { placeholderId } from "../../../../src/converter/identity.ts";
import { endsWithJurisdictionName, resolveJurisdiction } from "../../../../src/converter/stages/jurisdiction.ts";

describe("GB/T 2260 divisions", () => {
  it("resolves the most specific name, with 6-digit parent and province codes", () => {
    expect(resolveJurisdiction("石嘴山市大武口区", "")).toEqual({
      jurisdiction: {
        id: "640202",
        code: "640202",
        name: "大武口区",
        fullName: "宁夏回族自治区石嘴山市大武口区",
        level: "county",
        parent: { code: "640200", name: "石嘴山市" },
        province: { code: "640000", name: "宁夏回族自治区" },
        resolved: true,
        match: "exact",
      },
      diagnostics: [],
    });
    expect(resolveJurisdiction("中卫市", "").jurisdiction).toMatchObject({
      id: "640500",
      code: "640500",
      level: "prefecture",
      parent: { code: "640000", name: "宁夏回族自治区" },
    });
    expect(resolveJurisdiction("平罗县", "").jurisdiction).toMatchObject({ code: "640221", parent: { code: "640200" } });
    expect(resolveJurisdiction("红寺堡区", "").jurisdiction).toMatchObject({ code: "640303", parent: { code: "640300", name: "吴忠市" } });
    expect(resolveJurisdiction("银川市兴庆区", "").jurisdiction).toMatchObject({ code: "640104", parent: { code: "640100", name: "银川市" } });
    expect(resolveJurisdiction("宁夏回族自治区", "").jurisdiction).toMatchObject({ code: "640000", level: "province", parent: null });
    expect(resolveJurisdiction("洪泽区", "").jurisdiction).toMatchObject({ id: "320813", fullName: "江苏省淮安市洪泽区", province: { code: "320000" } });
    expect(resolveJurisdiction("沭阳县", "").jurisdiction).toMatchObject({ id: "321322", parent: { code: "321300", name: "宿迁市" } });
  });

  it("takes a name without its suffix when nothing matches exactly (平潭 for 平潭县)", () => {
    expect(resolveJurisdiction("平潭", "").jurisdiction).toMatchObject({ id: "350128", name: "平潭县", match: "short_name" });
    expect(resolveJurisdiction("平潭县", "").jurisdiction).toMatchObject({ id: "350128", fullName: "福建省福州市平潭县", match: "exact" });
  });

  it("tells apart same-named districts by the prefecture named in the text (朝阳区)", () => {
    expect(resolveJurisdiction("长春市朝阳区", "").jurisdiction.code).toBe("220104");
    expect(resolveJurisdiction("朝阳区", "本报告由长春市朝阳区人民政府办公室汇总").jurisdiction.code).toBe("220104");
    const beijing = resolveJurisdiction("朝阳区", "北京市朝阳区人民政府");
    expect(beijing.jurisdiction).toMatchObject({ code: "110105", parent: { code: "110000", name: "北京市" }, fullName: "北京市朝阳区" });
    expect(beijing.diagnostics).toEqual([]);
    expect(resolveJurisdiction("朝阳区", "").diagnostics).toEqual([
      {
        severity: "warning",
        code: "ambiguous_jurisdiction",
        message:
          "“朝阳区”对应多个行政区（北京市朝阳区 110105、吉林省长春市朝阳区 220104），取 110105 / \"朝阳区\" matches several divisions; chose 110105",
        line: null,
      },
    ]);
  });

  it("resolves a revised copy with an invisible mark inside the name to the same division", () => {
    const original = resolveJurisdiction("红寺堡区", "吴忠市");
    expect(resolveJurisdiction("红寺\u200e堡区", "吴忠市")).toEqual(original);
    expect(resolveJurisdiction("\u202b红寺堡区\u202c", "吴\u200b忠市")).toEqual(original);
  });
});

describe("bodies outside GB/T 2260", () => {
  it("平潭综合实验区 is a catalogued special area with its own id, never 平潭县", () => {
    const expected = {
      jurisdiction: {
        id: placeholderId("福建省平潭综合实验区"),
        code: null,
        name: "平潭综合实验区",
        fullName: "福建省平潭综合实验区",
        level: "prefecture",
        parent: { code: "350000", name: "福建省" },
        province: { code: "350000", name: "福建省" },
        resolved: true,
        match: "special_area",
      },
      diagnostics: [],
    };
    expect(expected.jurisdiction.id).toBe("x659039f5dea5");
    expect(resolveJurisdiction("平潭综合实验区", "")).toEqual(expected);
    expect(resolveJurisdiction("平潭综合实验区管委会", "平潭县")).toEqual(expected);
    expect(resolveJurisdiction("福建省平潭综合实验区", "")).toEqual(expected);
  });

  it("a catalogued area below a prefecture carries it: 江北新区 of 南京市 is not 江北区", () => {
    expect(resolveJurisdiction("南京江北新区", "").jurisdiction).toEqual({
      id: placeholderId("江苏省南京市江北新区"),
      code: null,
      name: "江北新区",
      fullName: "江苏省南京市江北新区",
      level: "county",
      parent: { code: "320100", name: "南京市" },
      province: { code: "320000", name: "江苏省" },
      resolved: true,
      match: "special_area",
    });
    expect(resolveJurisdiction("江北区", "重庆市").jurisdiction).toMatchObject({ id: "500105", match: "exact" });
  });

  it("development zones under statistical codes (xxxx71–80) get an id of their own, not the statistical code", () => {
    expect(resolveJurisdiction("苏州工业园区", "").jurisdiction).toEqual({
      id: placeholderId("江苏省苏州市苏州工业园区"),
      code: null,
      name: "苏州工业园区",
      fullName: "江苏省苏州市苏州工业园区",
      level: "county",
      parent: { code: "320500", name: "苏州市" },
      province: { code: "320000", name: "江苏省" },
      resolved: true,
      match: "special_area",
    });
    // Written without the province the statistical name starts with.
    expect(resolveJurisdiction("唐山芦台经济开发区", "").jurisdiction).toMatchObject({ name: "河北唐山芦台经济开发区", parent: { code: "130200" }, match: "special_area" });
    // A generic ending is never a zone's name: 吉林高新技术产业开发区 does not claim every 高新技术产业开发区.
    expect(resolveJurisdiction("南明高新技术产业开发区", "").jurisdiction.match).toBe("unresolved");
  });
});

describe("a name one character off a division", () => {
  it("is corrected when the text names the division itself (沐阳县 in the title, 沭阳县 in the body)", () => {
    expect(resolveJurisdiction("沐阳县", "沐阳县发展和改革局2023年政府信息公开年度报告\n年度报告通过沭阳县人民政府网站公布")).toEqual({
      jurisdiction: {
        id: "321322",
        code: "321322",
        name: "沭阳县",
        fullName: "江苏省宿迁市沭阳县",
        level: "county",
        parent: { code: "321300", name: "宿迁市" },
        province: { code: "320000", name: "江苏省" },
        resolved: true,
        match: "corrected",
      },
      diagnostics: [
        {
          severity: "warning",
          code: "corrected_jurisdiction",
          message:
            "“沐阳县”不在区划代码数据中，按相差一字的“沭阳县”（江苏省宿迁市沭阳县 321322）识别 / \"沐阳县\" is not a division name; read as 沭阳县 (321322), one character off, as the text confirms",
          line: null,
        },
      ],
    });
  });

  it("is corrected when the prefecture or province named leaves one division", () => {
    expect(resolveJurisdiction("洪择区", "淮安市洪择区人民政府办公室").jurisdiction).toMatchObject({ id: "320813", match: "corrected" });
    expect(resolveJurisdiction("宿迂市", "江苏省").jurisdiction).toMatchObject({ id: "321300", match: "corrected" });
  });

  it("is corrected to the division whose differing character OCR is known to confuse: 沐 is read as 沭 (沭阳县), not 泗 (泗阳县)", () => {
    expect(resolveJurisdiction("沐阳县", "宿迁市").jurisdiction).toMatchObject({ id: "321322", code: "321322", match: "corrected", resolved: true });
  });

  it("stays unresolved when the text fits two divisions equally: 沂阳县 is one character off both 沭阳县 and 泗阳县 in 宿迁市", () => {
    const result = resolveJurisdiction("沂阳县", "宿迁市");
    expect(result.jurisdiction).toMatchObject({ id: placeholderId("沂阳县"), code: null, match: "unresolved", resolved: false });
    expect(result.diagnostics[0]!.message).toContain("相差一字的 江苏省宿迁市沭阳县 321322、江苏省宿迁市泗阳县 321323 都与正文相符");
  });

  it("stays unresolved when the text names none of the near divisions", () => {
    const result = resolveJurisdiction("洪择区", "福建省");
    expect(result.jurisdiction).toMatchObject({ id: placeholderId("福建省洪择区"), match: "unresolved", province: { code: "350000" } });
    expect(result.diagnostics[0]!.message).toContain("有 2 个行政区与之相差一字，正文都未提到");
  });
});

describe("unknown jurisdictions", () => {
  it("get a placeholder id from the full name, the province the text names, and a warning", () => {
    expect(resolveJurisdiction("云梦泽区", "根据《宁夏回族自治区实施〈中华人民共和国政府信息公开条例〉办法》")).toEqual({
      jurisdiction: {
        id: "x43a6b15910a9",
        code: null,
        name: "云梦泽区",
        fullName: "宁夏回族自治区云梦泽区",
        level: "county",
        parent: null,
        province: { code: "640000", name: "宁夏回族自治区" },
        resolved: false,
        match: "unresolved",
      },
      diagnostics: [
        {
          severity: "warning",
          code: "unresolved_jurisdiction",
          message:
            '行政区“云梦泽区”不在区划代码数据和特殊区域目录中，使用占位编号 x43a6b15910a9 / jurisdiction "云梦泽区" is in neither the division data nor the special-area catalog; placeholder id x43a6b15910a9 used',
          line: null,
        },
      ],
    });
  });

  it("within a known division, a township or an unlisted zone keeps that division as parent and province", () => {
    expect(resolveJurisdiction("石嘴山市大武口区星海镇", "").jurisdiction).toEqual({
      id: placeholderId("宁夏回族自治区石嘴山市大武口区星海镇"),
      code: null,
      name: "大武口区星海镇",
      fullName: "宁夏回族自治区石嘴山市大武口区星海镇",
      level: "county",
      parent: { code: "640202", name: "大武口区" },
      province: { code: "640000", name: "宁夏回族自治区" },
      resolved: false,
      match: "unresolved",
    });
    expect(resolveJurisdiction("沭阳县经济开发区", "").jurisdiction).toMatchObject({
      name: "沭阳县经济开发区",
      fullName: "江苏省宿迁市沭阳县经济开发区",
      parent: { code: "321322" },
      match: "unresolved",
    });
  });

  it("a statistical zone is also known by its short form (高新区 for 高新技术产业开发区)", () => {
    expect(resolveJurisdiction("长春净月高新区", "").jurisdiction).toMatchObject({
      name: "长春净月高新技术产业开发区",
      fullName: "吉林省长春市长春净月高新技术产业开发区",
      match: "special_area",
    });
  });

  it("without a province in the text: province null, id from the name alone", () => {
    expect(resolveJurisdiction("火星县", "").jurisdiction).toMatchObject({ id: placeholderId("火星县"), fullName: "火星县", province: null });
  });

  it("never share an id (the old 5-digit placeholder gave both of these 983737)", () => {
    const a = resolveJurisdiction("南明高新技术产业开发区", "").jurisdiction;
    const b = resolveJurisdiction("西天工业园区", "").jurisdiction;
    expect([a.id, b.id]).toEqual(["xf38cb099c5a7", "x31293379d72a"]);
  });
});

describe("endsWithJurisdictionName", () => {
  it("finds where a jurisdiction's name ends", () => {
    expect(endsWithJurisdictionName("沭阳县")).toBe(true);
    expect(endsWithJurisdictionName("宿迁市沭阳县")).toBe(true);
    expect(endsWithJurisdictionName("平潭综合实验区")).toBe(true);
    expect(endsWithJurisdictionName("沭阳县信访")).toBe(false);
  });
});
