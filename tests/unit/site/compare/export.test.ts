/** The downloads of a comparison view: CSV and JSON of exactly its rows, and the citation. */
import { beforeAll, describe, expect, it } from "vitest";
import { compareData, type CompareData } from "../../../../src/site/compare/data.ts";
import { viewFor } from "../../../../src/site/compare/page.ts";
import { citationText, csvHeader, viewCsv, viewJson, viewUrl } from "../../../../src/site/compare/export.ts";
import { parseCsv } from "../../../../src/site/datasets/csv.ts";
import { corpusReports } from "./corpus.ts";

let data: CompareData;
beforeAll(async () => {
  data = compareData(await corpusReports(), "2025-06-30");
}, 120_000);

const SEARCH = "?j=640500,x659039f5dea5&y=2017,2022&m=c.requests_received,c.replies_denied,r.share_denied,i.proactive_total&sort=-r.share_denied";

describe("CSV", () => {
  it("has the table's rows in the table's order, a value and a note per measure", () => {
    const view = viewFor(data, SEARCH);
    const [header, ...records] = parseCsv(viewCsv(view, "https://data.example.org/"));
    expect(header).toEqual([
      "地区",
      "地区代码",
      "地区全称",
      "年度",
      "收到申请数（件）",
      "收到申请数·说明",
      "不同意公开（不予公开）（件）",
      "不同意公开（不予公开）·说明",
      "不予公开占收到申请的比例（%）",
      "不予公开占收到申请的比例·说明",
      "主动公开政府信息数（条）",
      "主动公开政府信息数·说明",
      "统计表格式",
      "所属地市",
      "省份",
      "报告编号",
      "报告网址",
    ]);
    expect(records).toEqual([
      ["中卫市", "640500", "宁夏回族自治区中卫市", "2017", "43", "", "33", "", "76.7", "", "73659", "", "2008年全国格式", "中卫市", "宁夏回族自治区", "640500-2017", "https://data.example.org/reports/640500-2017/"],
      [
        "平潭综合实验区",
        "x659039f5dea5",
        "福建省平潭综合实验区",
        "2022",
        "74",
        "",
        "4",
        "",
        "5.4",
        "",
        "",
        "该格式没有此项",
        "2021年全国格式",
        "平潭综合实验区",
        "福建省",
        "x659039f5dea5-2022",
        "https://data.example.org/reports/x659039f5dea5-2022/",
      ],
    ]);
    expect(header).toHaveLength(csvHeader(view).length);
  });

  it("writes a reason and no number where the table shows one", () => {
    const view = viewFor(data, "?j=640221,640202&m=c.replies_denied,r.share_denied");
    const records = parseCsv(viewCsv(view, null)).slice(1);
    expect(records.map((r) => r.slice(4, 8))).toEqual([
      ["0", "", "", "收到申请数为 0"],
      ["", "报告中没有此项", "", "不同意公开（不予公开）：报告中没有此项"],
    ]);
    // Without a known site address the links stay paths, never a made-up host.
    expect(records.map((r) => r.at(-1))).toEqual(["/reports/640202-2017/", "/reports/640221-2016/"]);
  });

});

describe("JSON and citation", () => {
  it("carries the view's title, URL, licence, build date, rows with their status, and summaries", () => {
    const view = viewFor(data, SEARCH);
    const doc = JSON.parse(viewJson(view, data.index, "https://data.example.org/"));
    expect(doc.title).toBe("对比：收到申请数、不同意公开（不予公开）等 4 项（中卫市、平潭综合实验区，2017、2022年）");
    expect(doc.url).toBe(`https://data.example.org/compare/${SEARCH}`);
    expect(doc.license).toEqual({ name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/deed.zh-hans" });
    expect(doc.buildDate).toBe("2025-06-30");
    expect(doc.citation).toBe(`政府信息公开年报数据：《${doc.title}》，数据版本 2025-06-30，CC BY 4.0，https://data.example.org/compare/${SEARCH}`);
    expect(doc.measures.map((m: { key: string }) => m.key)).toEqual(["c.requests_received", "c.replies_denied", "r.share_denied", "i.proactive_total"]);
    expect(doc.rows.map((r: { reportId: string }) => r.reportId)).toEqual(["640500-2017", "x659039f5dea5-2022"]);
    expect(doc.rows[1].values["i.proactive_total"]).toEqual({ value: null, status: "not_in_format", note: "该格式没有此项", href: null });
    expect(doc.rows[0].values["r.share_denied"]).toEqual({ value: 76.7, status: "reported", note: null, href: "https://data.example.org/reports/640500-2017/" });
    expect(doc.summaries.map((s: { year: number; total: Record<string, number> }) => [s.year, s.total["c.requests_received"]])).toEqual([
      [2017, 43],
      [2022, 74],
    ]);
  });

  it("names the URL the reader has, with every choice", () => {
    const view = viewFor(data, "?y=2025");
    expect(viewUrl(view, null)).toBe("/compare/?y=2025&m=c.requests_received,c.replies_granted,c.replies_denied,r.share_granted,r.share_denied");
    expect(citationText(view, data.index, "https://x.test/compare/?y=2025")).toBe(
      "政府信息公开年报数据：《对比：收到申请数、同意公开（予以公开）等 5 项（全部地区，2025年）》，数据版本 2025-06-30，CC BY 4.0，https://x.test/compare/?y=2025",
    );
  });
});
