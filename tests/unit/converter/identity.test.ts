import { describe, expect, it } from "vitest";
import { comparableTitle, displayText, identityHash, identityText, placeholderId, reportIdOf } from "../../../src/converter/identity.ts";

describe("identityText", () => {
  it("drops format characters: a bidi mark inside 红寺堡区, zero-width spaces, a BOM, soft hyphens", () => {
    expect(identityText("红寺\u200e堡区")).toBe("红寺堡区");
    expect(identityText("\ufeff红\u200b寺\u202e堡\u202c区\u00ad")).toBe("红寺堡区");
    expect(identityText("\u2066平潭综合实验区\u2069")).toBe("平潭综合实验区");
  });

  it("folds compatibility forms: full-width digits and brackets, Kangxi radicals, radical forms of a PDF text layer", () => {
    expect(identityText("２０２３年")).toBe("2023年");
    expect(identityText("中国（上海）自由贸易试验区")).toBe("中国(上海)自由贸易试验区");
    // ⼈ is KANGXI RADICAL MAN (NFKC maps it), ⺠ is CJK RADICAL CIVILIAN (NFKC does not).
    expect(identityText("洪泽区\u2f08\u2ea0政府")).toBe("洪泽区人民政府");
    expect(identityText("\u2ed3春市")).toBe("长春市");
  });

  it("removes white space of every kind", () => {
    expect(identityText("平潭综合实验区 2014年度\u3000政府信息公开\n工作年度报告")).toBe("平潭综合实验区2014年度政府信息公开工作年度报告");
  });
});

describe("displayText", () => {
  it("removes only invisible format characters, keeping what is printed", () => {
    expect(displayText("红寺\u200e堡区2018年政府信息公开工作年度报告")).toBe("红寺堡区2018年政府信息公开工作年度报告");
    expect(displayText("\u202e中国（上海）自由贸易试验区 2023 年\u202c")).toBe("中国（上海）自由贸易试验区 2023 年");
  });
});

describe("placeholderId", () => {
  it("is x + the first 12 hex digits of the SHA-256 of the identity form of the full name", () => {
    // sha256("福建省平潭综合实验区") = 659039f5dea577f0…
    expect(placeholderId("福建省平潭综合实验区")).toBe("x659039f5dea5");
    expect(placeholderId("福建省平潭\u200e综合实验区")).toBe("x659039f5dea5");
    expect(placeholderId("宁夏回族自治区云梦泽区")).toBe("x43a6b15910a9");
  });

  it("gives different names different ids (the old 5-digit placeholder gave both of these 983737)", () => {
    expect(placeholderId("南明高新技术产业开发区")).toBe("xf38cb099c5a7");
    expect(placeholderId("西天工业园区")).toBe("x31293379d72a");
  });

  it("refuses a name with nothing visible in it", () => {
    expect(() => placeholderId("\u200e \u3000")).toThrow("placeholderId: empty name");
  });

  it("hashes the identity form for department slugs too", () => {
    expect(identityHash("信访局", 8)).toBe(identityHash("信\u200b访局", 8));
    expect(identityHash("信访局", 8)).toMatch(/^[0-9a-f]{8}$/);
  });
});

describe("comparableTitle", () => {
  it("reads the page's and the body's forms of one title as the same (管委会 left out, 年度 as 年)", () => {
    expect(comparableTitle("平潭综合实验区管委会2014年度政府信息公开工作年度报告")).toBe(comparableTitle("平潭综合实验区 2014年度政府信息公开工作年度报告"));
    expect(comparableTitle("平潭综合实验区2020年度政府信息公开工作年度报告")).toBe(comparableTitle("平潭综合实验区2020年政府信息公开工作年度报告"));
    expect(comparableTitle("平潭综合实验区2020年度政府信息公开工作年度报告")).not.toBe(comparableTitle("平潭综合实验区2021年度政府信息公开工作年度报告"));
  });
});

describe("reportIdOf", () => {
  it("joins the jurisdiction id, the department slug and the year", () => {
    expect(reportIdOf({ id: "640202" }, null, 2017)).toBe("640202-2017");
    expect(reportIdOf({ id: "321322" }, { slug: "development-reform" }, 2023)).toBe("321322-development-reform-2023");
    expect(reportIdOf({ id: "x659039f5dea5" }, { slug: "local-taxation" }, 2013)).toBe("x659039f5dea5-local-taxation-2013");
  });

  it("refuses parts that would break the id pattern", () => {
    expect(() => reportIdOf({ id: "64020" }, null, 2017)).toThrow('report id "64020-2017" does not match the report id pattern');
    expect(() => reportIdOf({ id: "640202" }, { slug: "Finance Bureau" }, 2017)).toThrow(/does not match/);
  });
});
