import { describe, expect, it } from "vitest";
import {
  excerptParts,
  filterNames,
  filterQuery,
  filterValues,
  readSearchConfig,
  resultHref,
  searchScope,
  statusText,
  type SearchConfig,
} from "../../../../src/site/client/search-model.ts";

const CONFIG: SearchConfig = {
  bundles: { "2018": "/pagefind/2018/", "2017": "/pagefind/2017/", "2016": "/pagefind/2016/" },
  defaultYear: "all",
};

describe("readSearchConfig", () => {
  it("reads the page's data-search-config", () => {
    expect(readSearchConfig(JSON.stringify(CONFIG))).toEqual(CONFIG);
  });
  it("names what is wrong with a broken config", () => {
    expect(() => readSearchConfig(undefined)).toThrow(/no data-search-config/);
    expect(() => readSearchConfig('{"bundles":{"2018":7},"defaultYear":"all"}')).toThrow(/bundles must map years to bundle paths/);
    expect(() => readSearchConfig('{"bundles":{}}')).toThrow(/defaultYear must be a string/);
  });
});

describe("searchScope", () => {
  it("searches every year with the newest bundle as primary", () => {
    expect(searchScope(CONFIG, null)).toEqual({ year: "all", primary: "/pagefind/2018/", merged: ["/pagefind/2017/", "/pagefind/2016/"] });
    expect(searchScope(CONFIG, "all")).toEqual(searchScope(CONFIG, null));
  });
  it("searches one year's bundle when the URL names a year", () => {
    expect(searchScope(CONFIG, "2017")).toEqual({ year: "2017", primary: "/pagefind/2017/", merged: [] });
  });
  it("falls back to the default for a year without a bundle, including names of Object's own properties", () => {
    expect(searchScope({ ...CONFIG, defaultYear: "2018" }, "1999")).toEqual({ year: "2018", primary: "/pagefind/2018/", merged: [] });
    expect(searchScope(CONFIG, "constructor")?.year).toBe("all");
  });
  it("has nothing to search without bundles", () => {
    expect(searchScope({ bundles: {}, defaultYear: "all" }, null)).toBeNull();
  });
});

describe("excerptParts", () => {
  it("splits a Pagefind excerpt into text and marked words, reading &lt; and &gt; back as characters", () => {
    // The excerpt Pagefind 1.6 gives for a report titled <img/src=x onerror=alert(document.domain)>2018年… (query "alert").
    expect(excerptParts("=x onerror=<mark>alert</mark>(document.domain)&gt;2018年政府信息公开工作年度报告. 根据《中华")).toEqual([
      { text: "=x onerror=", marked: false },
      { text: "alert", marked: true },
      { text: "(document.domain)>2018年政府信息公开工作年度报告. 根据《中华", marked: false },
    ]);
    expect(excerptParts("一、概述&lt;/script&gt;\u2028&lt;script&gt;<mark>alert</mark>(8)&lt;/script&gt; 2018年")).toEqual([
      { text: "一、概述</script>\u2028<script>", marked: false },
      { text: "alert", marked: true },
      { text: "(8)</script> 2018年", marked: false },
    ]);
  });
  it("joins adjacent marked words and keeps a text without marks whole", () => {
    expect(excerptParts("依法<mark>行政</mark><mark>复议</mark>案件")).toEqual([
      { text: "依法", marked: false },
      { text: "行政复议", marked: true },
      { text: "案件", marked: false },
    ]);
    expect(excerptParts("没有命中的摘要")).toEqual([{ text: "没有命中的摘要", marked: false }]);
    expect(excerptParts("")).toEqual([]);
  });
  it("reads other entities and an unclosed mark as text, never as markup", () => {
    expect(excerptParts("&amp;lt; &#60;b&#62; <mark>公开")).toEqual([
      { text: "&amp;lt; &#60;b&#62; ", marked: false },
      { text: "公开", marked: true },
    ]);
  });
});

describe("resultHref", () => {
  it("keeps paths on this site", () => {
    expect(resultHref("/reports/640202-2017/")).toBe("/reports/640202-2017/");
    expect(resultHref("/reports/926952-2018/#%E4%B8%80-%E6%A6%82%E8%BF%B0scriptscriptalert-8-script")).toBe(
      "/reports/926952-2018/#%E4%B8%80-%E6%A6%82%E8%BF%B0scriptscriptalert-8-script",
    );
  });
  it("refuses script URLs, other sites and anything not a string", () => {
    for (const url of ["javascript:alert(1)", " javascript:alert(1)", "//evil.example/", "/\\evil.example/", "https://evil.example/", "/a b", "/a\nb", "data:text/html,x"]) {
      expect(resultHref(url), url).toBeNull();
    }
    expect(resultHref(undefined)).toBeNull();
    expect(resultHref(7)).toBeNull();
  });
});

describe("filters", () => {
  const counts = {
    地区: { 大武口区: 1, 兴庆区: 1, "<img/src=x onerror=alert(document.domain)>": 1, 中卫市: 1 },
    年份: { "2016": 1, "2018": 2, "2017": 2 },
    地市: { 石嘴山市: 1, 银川市: 1 },
    其他: { a: 1 },
  };
  it("shows 年份, 地市, 地区 first, others after", () => {
    expect(filterNames(counts)).toEqual(["年份", "地市", "地区", "其他"]);
  });
  it("orders years newest first and names by Chinese collation", () => {
    expect(filterValues("年份", counts.年份).map((v) => v.value)).toEqual(["2018", "2017", "2016"]);
    expect(filterValues("地区", counts.地区)).toEqual([
      { value: "<img/src=x onerror=alert(document.domain)>", count: 1 },
      { value: "大武口区", count: 1 },
      { value: "兴庆区", count: 1 },
      { value: "中卫市", count: 1 },
    ]);
  });
  it("asks Pagefind for any ticked value within a filter, and leaves out filters with none", () => {
    const selected = new Map([
      ["地区", new Set(["兴庆区", "大武口区"])],
      ["年份", new Set<string>()],
    ]);
    expect(filterQuery(selected)).toEqual({ 地区: { any: ["兴庆区", "大武口区"] } });
  });
});

describe("statusText", () => {
  it("says what was searched and how many reports were found", () => {
    expect(statusText({ kind: "searching", query: "行政复议" })).toBe("正在搜索「行政复议」……");
    expect(statusText({ kind: "done", query: "行政复议", count: 5 })).toBe("找到 5 份包含「行政复议」的年报");
    expect(statusText({ kind: "done", query: "不存在的词", count: 0 })).toBe("没有找到包含「不存在的词」的年报");
    expect(statusText({ kind: "done", query: "", count: 2 })).toBe("2 份年报符合筛选条件");
    expect(statusText({ kind: "idle" })).toBe("");
    expect(statusText({ kind: "no-index" })).toBe("本站还没有可以搜索的年报。");
    expect(statusText({ kind: "failed" })).toBe("搜索索引没有加载成功，请稍后刷新页面再试。");
  });
});
