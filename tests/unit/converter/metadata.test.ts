import { describe, expect, it } from "vitest";
import { ConversionError } from "../../../src/converter/errors.ts";
import { extractMetadata, normalizeWebsite, parseDateLine, parsePhones } from "../../../src/converter/stages/metadata.ts";
import { normalizeLines } from "../../../src/converter/stages/normalize.ts";

function meta(source: [number, string][], statistics: { from: number; to: number } | null = null) {
  return extractMetadata("test.txt", normalizeLines(source.map(([n, text]) => ({ n, text }))), statistics);
}

const SEED_004_CONTACT =
  "本报告由兴庆区人民政府办公室汇总兴庆区人民政府、4 个乡镇人民政府、11 个街道办事处、24 个政府部门及直属机构政府信息公开情况编制而成。所列政府信息公开数据统计期限为 2018 年 1 月 1 日至 2018 年 12 月 31 日。本报告电子版可在兴庆区人民政府门户网站（<http://www.xqq.gov.cn>）查阅或下载。如有疑问或意见建议，可直接与兴庆区人民政府办公室联系。（地址：银川市兴庆区北京东路 471 号；邮编：750001；电话：0951—6722118，6720816；传真：0951—6721092；电子邮箱：xqqzffzb@163.com）";

describe("field parsers", () => {
  it("normalizes phone numbers, sharing an area code with the number after it", () => {
    expect(parsePhones("0952—2021076")).toEqual(["0952-2021076"]);
    expect(parsePhones("0951—6722118，6720816")).toEqual(["0951-6722118", "0951-6720816"]);
    expect(parsePhones("（0953）5098330、13995020000")).toEqual(["0953-5098330", "13995020000"]);
  });

  it("reads dates and websites", () => {
    expect(parseDateLine("2018年1月22日")).toBe("2018-01-22");
    expect(parseDateLine("2018年2月30日")).toBeNull();
    expect(parseDateLine("2018年1月22日下午")).toBeNull();
    expect(normalizeWebsite("WWW.nxpl.gov.cn")).toBe("http://www.nxpl.gov.cn");
    expect(normalizeWebsite("http://www.dwk.gov.cn/")).toBe("http://www.dwk.gov.cn/");
  });
});

describe("extractMetadata", () => {
  it("reads the opening formulas of seed 004", () => {
    const m = meta([
      [5, "银川市兴庆区 2018 年政府信息公开工作年度报告"],
      [9, SEED_004_CONTACT],
      [11, "一、总体公开工作情况概述"],
    ]);
    expect(m).toEqual({
      title: "银川市兴庆区2018年政府信息公开工作年度报告",
      titleLine: 5,
      year: 2018,
      jurisdictionName: "银川市兴庆区",
      publisher: "兴庆区人民政府办公室",
      publishedOn: null,
      period: { start: "2018-01-01", end: "2018-12-31" },
      coverage: "兴庆区人民政府、4个乡镇人民政府、11个街道办事处、24个政府部门及直属机构",
      website: "http://www.xqq.gov.cn",
      contact: {
        address: "银川市兴庆区北京东路471号",
        postcode: "750001",
        phones: ["0951-6722118", "0951-6720816"],
        fax: ["0951-6721092"],
        email: "xqqzffzb@163.com",
      },
    });
  });

  it("takes the publication date from the signature at the end only (seed 000), not from an embedded notice (seed 004)", () => {
    const end = meta([
      [3, "石嘴山市大武口区2017年政府信息公开工作年度报告"],
      [136, "（五）进一步加强政府网站建设。真正把政府网站打造成政府信息发布、解读回应的第一平台。"],
      [138, "大武口区人民政府办公室"],
      [140, "2018年1月22日"],
      [142, "附件"],
      [144, "石嘴山市大武口区2017年度政府信息公开情况统计表"],
      [146, "统计指标\t单位\t统计数"],
    ], { from: 146, to: 146 });
    expect(end.publishedOn).toBe("2018-01-22");
    expect(end.publisher).toBe("大武口区人民政府办公室");
    const embedded = meta([
      [5, "银川市兴庆区 2018 年政府信息公开工作年度报告"],
      [58, "兴庆区绩效考评工作领导小组办公室（代章）"],
      [59, "2017年12月6日"],
      [63, "信息中心、法制办考评。"],
      [455, "无。"],
    ]);
    expect(embedded.publishedOn).toBeNull();
    expect(embedded.publisher).toBeNull();
  });

  it("falls back to the title quoted in the body, and fails clearly without one", () => {
    const m = meta([[7, "根据《条例》规定，《中卫市 2017 年政府信息公开工作年度报告》经中卫市人民政府同意, 现予发布。"]]);
    expect(m).toMatchObject({ title: "中卫市2017年政府信息公开工作年度报告", titleLine: null, year: 2017, jurisdictionName: "中卫市" });
    expect(() => meta([[1, "关于做好政务公开工作的通知"]])).toThrow(ConversionError);
    expect(() => meta([[1, "关于做好政务公开工作的通知"]])).toThrow(/test\.txt: 找不到报告标题/);
  });

  it("falls back to the body for a title that starts with the year", () => {
    const m = meta([
      [1, "2017年政府信息公开工作年度报告"],
      [3, "本报告由平罗县人民政府办公室汇总全县政府信息公开工作情况编制而成。"],
    ]);
    expect(m.jurisdictionName).toBe("平罗县");
    expect(m.coverage).toBe("全县");
  });
});
