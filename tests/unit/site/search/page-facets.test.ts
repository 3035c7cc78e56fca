/**
 * The filter values searchable pages declare (src/site/search/page-facets.ts),
 * for the seed report 大武口区 2017 and for the catalog's 收到申请数 and its concept.
 */
import { describe, expect, it } from "vitest";
import { convertSeed } from "../../../helpers/convert-seed.ts";
import { allIndicators, CONCEPTS } from "../../../../src/catalog/index.ts";
import { conceptFacets, facetEntries, FACETS, indicatorFacets, reportFacets } from "../../../../src/site/search/page-facets.ts";

describe("facetEntries", () => {
  it("lists a report page's filters in FACETS order", async () => {
    const { report } = await convertSeed("000");
    expect(facetEntries("report", reportFacets(report))).toEqual([
      ["类型", "年报"],
      ["年份", "2017"],
      ["省份", "宁夏回族自治区"],
      ["地市", "石嘴山市"],
      ["地区", "大武口区"],
      ["表格式", "政府信息公开情况统计表（2008—2018年全国统一格式）"],
    ]);
  });

  it("lists every format that prints an indicator, and every format a concept maps", () => {
    const received = allIndicators().find((entry) => entry.indicator.label === "收到申请数")!;
    expect(facetEntries("indicator", indicatorFacets(received.templates))).toEqual([
      ["类型", "指标"],
      ["表格式", "政府信息公开情况统计表（2008—2018年全国统一格式）"],
      ["表格式", "福建省政府信息公开情况统计表（本年度、历年累计，2008—2018年）"],
    ]);
    const concept = CONCEPTS.find((c) => c.id === "requests_received")!;
    expect(facetEntries("concept", conceptFacets(concept))).toEqual([
      ["类型", "可比概念"],
      ["表格式", "政府信息公开工作年度报告格式（国办公开办函〔2021〕30号）"],
      ["表格式", "政府信息公开工作年度报告格式（试行）（国办公开办函〔2019〕60号）"],
      ["表格式", "政府信息公开情况统计表（2008—2018年全国统一格式）"],
      ["表格式", "福建省政府信息公开情况统计表（本年度、历年累计，2008—2018年）"],
    ]);
  });

  it("takes the kind from the page, never from the facets, and leaves out empty and repeated values", () => {
    expect(facetEntries("concept", { kind: "年报", year: "", jurisdiction: ["中卫市", "中卫市"] })).toEqual([
      ["类型", "可比概念"],
      ["地区", "中卫市"],
    ]);
    expect(Object.values(FACETS)).toEqual(["类型", "年份", "省份", "地市", "地区", "表格式"]);
  });
});
