/**
 * The exact index (src/site/search/exact-index.ts) built from the five seed
 * reports' text: the pages it offers for a query are every page containing
 * it, and for one or two characters nothing else.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SEEDS, seedFile } from "../../../helpers/convert-seed.ts";
import { SOURCES_DIR } from "../../../helpers/source-lines.ts";
import {
  buildExactIndex,
  candidatePages,
  decodePostings,
  encodePostings,
  EXACT_INDEX_VERSION,
  exactManifestPath,
  exactShardPath,
  gramsForQuery,
  gramsForTerm,
  gramsOf,
  MAX_GRAMS_PER_QUERY,
  intersectSorted,
  isExactTerm,
  readManifest,
  readShard,
  shardOf,
  type IndexedPage,
} from "../../../../src/site/search/exact-index.ts";
import { fold } from "../../../../src/site/search/matching.ts";

/** The seeds as pages: 000 大武口区 2017, 001 中卫市 2017, 002 平罗县 2016, 003 红寺堡区 2018, 004 兴庆区 2018. */
const PLACES: Record<string, [string, string, string]> = {
  "000": ["640202-2017", "大武口区", "2017"],
  "001": ["640500-2017", "中卫市", "2017"],
  "002": ["640221-2016", "平罗县", "2016"],
  "003": ["640303-2018", "红寺堡区", "2018"],
  "004": ["640104-2018", "兴庆区", "2018"],
};

function seedPages(): IndexedPage[] {
  return SEEDS.map((seed) => {
    const [id, place, year] = PLACES[seed]!;
    return {
      id: `zh-cn_${seed}`,
      url: `/reports/${id}/`,
      content: readFileSync(`${SOURCES_DIR}/${seedFile(seed)}`, "utf8"),
      filters: { 地区: [place], 年份: [year], 类型: ["年报"] },
      meta: { kind: "report", title: place },
    };
  });
}

/** The built index read back the way the search page reads it. */
function readBack(pages = seedPages()) {
  const built = buildExactIndex(pages);
  const manifest = readManifest(JSON.parse(JSON.stringify(built.manifest)));
  const shards = built.shards.map((text) => readShard(JSON.parse(text)));
  const postings = (gram: string) => shards[shardOf(gram, manifest.shards)]!.get(gram);
  const urls = (terms: string[]) => candidatePages(terms.map(fold), postings).map((n) => manifest.pages[n]!.url);
  return { built, manifest, urls };
}

describe("gramsOf, gramsForTerm, isExactTerm", () => {
  it("indexes every character and every adjacent pair", () => {
    expect([...gramsOf("行政复议")].sort()).toEqual(["复", "复议", "政", "政复", "行", "行政", "议"].sort());
  });
  it("looks a term up by itself when it has one or two characters, else by its pairs, at most eight spread over it", () => {
    expect(gramsForTerm("大")).toEqual(["大"]);
    expect(gramsForTerm("复议")).toEqual(["复议"]);
    expect(gramsForTerm("大武口")).toEqual(["大武", "武口"]);
    expect(gramsForTerm("中华人民共和国政府信息公开条例")).toEqual(["中华", "人民", "共和", "国政", "政府", "信息", "公开", "条例"]);
    expect(gramsForTerm("𬌗区")).toEqual(["𬌗区"]);
    expect(gramsForTerm("中华人民共和国政府信息公开条例", 3)).toEqual(["中华", "政府", "条例"]);
    expect(gramsForTerm("中华人民共和国政府信息公开条例", 1)).toEqual(["中华"]);
    expect(isExactTerm("复议")).toBe(true);
    expect(isExactTerm("𬌗区")).toBe(true);
    expect(isExactTerm("大武口")).toBe(false);
  });
});

describe("gramsForQuery", () => {
  it("looks up short terms whole and shares at most twelve grams among the longer ones", () => {
    expect(gramsForQuery(["大武口", "行政复议"])).toEqual(["大武", "武口", "行政", "政复", "复议"]);
    // 的 itself; five pairs spread over the first long term, six over the second (政府 is already there).
    expect(gramsForQuery(["的", "中华人民共和国政府信息公开条例", "政府信息公开工作年度报告"])).toEqual([
      "的",
      "中华", "民共", "政府", "息公", "条例",
      "信息", "公开", "工作", "年度", "报告",
    ]);
    expect(gramsForQuery(["一", "二", "三", "四", "五", "六", "七", "八"])).toHaveLength(8);
    expect(gramsForQuery(["行政复议", "行政复议啊"]).length).toBeLessThanOrEqual(MAX_GRAMS_PER_QUERY);
  });
});

describe("candidates from the seeds' exact index", () => {
  it("offers only the report that contains 大武口, and every report for 行政复议", () => {
    const { urls } = readBack();
    expect(urls(["大武口"])).toEqual(["/reports/640202-2017/"]);
    expect(urls(["行政复议"])).toEqual(["/reports/640104-2018/", "/reports/640202-2017/", "/reports/640221-2016/", "/reports/640303-2018/", "/reports/640500-2017/"]);
  });

  it("offers nothing for a term no report uses, and nothing when one of several terms is missing", () => {
    const { urls } = readBack();
    expect(urls(["不存在的词汇"])).toEqual([]);
    expect(urls(["大武口", "不存在的词汇"])).toEqual([]);
    expect(urls(["大武口", "行政复议"])).toEqual(["/reports/640202-2017/"]);
  });

  it("is exact for one and two characters", () => {
    const { urls, manifest } = readBack();
    const texts = seedPages().map((p) => [p.url, fold(p.content)] as const);
    for (const term of ["的", "武", "复议", "qq", "兴庆"]) {
      const containing = texts.filter(([, text]) => text.includes(term)).map(([url]) => url).sort();
      expect(urls([term]), term).toEqual(containing);
    }
    expect(urls(["兴庆"])).toEqual(["/reports/640104-2018/"]);
    // 中卫 "QQ 群", 平罗 "…@qq.com", 兴庆 "www.xqq.gov.cn".
    expect(urls(["qq"])).toEqual(["/reports/640104-2018/", "/reports/640221-2016/", "/reports/640500-2017/"]);
    expect(manifest.pages.length).toBe(5);
  });

  it("offers more pages than contain a longer term when its pairs stand apart: the page checks them", () => {
    // 政府, 府公 and 公开 are in four seeds; only 红寺堡区 2018 prints 政府公开 as such.
    const { urls } = readBack();
    expect(urls(["政府公开"])).toEqual(["/reports/640104-2018/", "/reports/640202-2017/", "/reports/640303-2018/", "/reports/640500-2017/"]);
    const containing = seedPages().filter((p) => fold(p.content).includes("政府公开")).map((p) => p.url);
    expect(containing).toEqual(["/reports/640303-2018/"]);
  });

  it("folds the query as the index folds the text: ＱＱ 群 finds 中卫's \"QQ 群\", ＱＱ群 (no space) finds nothing", () => {
    const { urls } = readBack();
    expect(urls(["ＱＱ 群"])).toEqual(["/reports/640500-2017/"]);
    expect(urls(["ＱＱ群"])).toEqual([]);
  });
});

describe("buildExactIndex", () => {
  it("numbers pages in url order and lists their kind, folded title and filter values", () => {
    const { manifest } = readBack();
    expect(manifest.version).toBe(EXACT_INDEX_VERSION);
    expect(manifest.facets).toEqual(["地区", "年份", "类型"]);
    expect(manifest.values).toEqual([["中卫市", "兴庆区", "大武口区", "平罗县", "红寺堡区"], ["2016", "2017", "2018"], ["年报"]]);
    expect(manifest.pages.map((p) => [p.url, p.id, p.kind, p.t, p.f])).toEqual([
      ["/reports/640104-2018/", "zh-cn_004", "report", "兴庆区", [[1], [2], [0]]],
      ["/reports/640202-2017/", "zh-cn_000", "report", "大武口区", [[2], [1], [0]]],
      ["/reports/640221-2016/", "zh-cn_002", "report", "平罗县", [[3], [0], [0]]],
      ["/reports/640303-2018/", "zh-cn_003", "report", "红寺堡区", [[4], [2], [0]]],
      ["/reports/640500-2017/", "zh-cn_001", "report", "中卫市", [[0], [1], [0]]],
    ]);
  });

  it("folds a title as it folds the text (full-width letters and digits, spaces)", () => {
    const [page] = seedPages();
    const { manifest } = readBack([{ ...page!, meta: { kind: "report", title: "大武口区 ２０１７年 ＧＯＶ" } }]);
    expect(manifest.pages[0]!.t).toBe(fold("大武口区 ２０１７年 ＧＯＶ"));
    expect(manifest.pages[0]!.t).not.toContain("２");
    const untitled = readBack([{ ...page!, meta: { kind: "report" } }]).manifest;
    expect(untitled.pages[0]!.t).toBe("");
  });

  it("writes the same bytes whatever order the pages come in", () => {
    const forward = buildExactIndex(seedPages());
    const backward = buildExactIndex(seedPages().reverse());
    expect(JSON.stringify(backward.manifest)).toBe(JSON.stringify(forward.manifest));
    expect(backward.shards).toEqual(forward.shards);
  });

  it("splits the grams into a power of two of shards near the target size", () => {
    const one = buildExactIndex(seedPages(), 10_000_000);
    expect(one.manifest.shards).toBe(1);
    const many = buildExactIndex(seedPages(), 20_000);
    expect(many.manifest.shards).toBe(many.shards.length);
    expect(Math.log2(many.manifest.shards) % 1).toBe(0);
    const total = many.shards.reduce((sum, s) => sum + s.length, 0);
    expect(many.manifest.shards).toBe(2 ** Math.ceil(Math.log2(Math.ceil(total / 20_000))));
    // Every gram is in the shard its hash names.
    many.shards.forEach((text, i) => {
      for (const gram of Object.keys(JSON.parse(text))) expect(shardOf(gram, many.manifest.shards)).toBe(i);
    });
  });

  it("writes an empty index for a bundle without pages", () => {
    const empty = buildExactIndex([]);
    expect(empty.manifest).toEqual({ version: EXACT_INDEX_VERSION, shards: 1, facets: [], values: [], pages: [] });
    expect(empty.shards).toEqual(["{}"]);
  });
});

describe("postings, shards, manifests", () => {
  it("delta-encodes page numbers and intersects sorted lists", () => {
    expect(encodePostings([0, 3, 4, 10])).toEqual([0, 3, 1, 6]);
    expect(decodePostings([0, 3, 1, 6])).toEqual([0, 3, 4, 10]);
    expect(intersectSorted([0, 3, 4, 10], [1, 3, 10, 12])).toEqual([3, 10]);
  });

  it("hashes a gram to the same shard every time (FNV-1a)", () => {
    expect([shardOf("大武", 64), shardOf("武口", 64), shardOf("行政", 1), shardOf("", 8)]).toEqual([32, 14, 0, 5]);
  });

  it("refuses a malformed manifest or shard", () => {
    // A manifest of version 1 has no titles: the search page says the index is not the one it reads.
    expect(() => readManifest({ version: 1 })).toThrow(/not version 2/);
    expect(() => readManifest({ version: 2, shards: 0 })).toThrow(/names no shards/);
    expect(() => readManifest({ version: 2, shards: 1, facets: ["地区"], values: [], pages: [] })).toThrow(/facets and values disagree/);
    expect(() => readManifest({ version: 2, shards: 1, facets: [], values: [], pages: [{ id: "x", url: "/a/", kind: "report", f: [[0]] }] })).toThrow(/malformed/);
    expect(() => readManifest({ version: 2, shards: 1, facets: [], values: [], pages: [{ id: "x", url: "/a/", kind: "report", t: "甲", f: [] }] })).not.toThrow();
    expect(() => readShard([])).toThrow(/must be an object/);
    expect(() => readShard({ 大武: [0, -1] })).toThrow(/bad page list/);
  });

  it("lives beside the bundle", () => {
    expect(exactManifestPath("/pagefind/2018/")).toBe("/pagefind/2018/exact/manifest.gz");
    expect(exactShardPath("/pagefind/catalog/", 3)).toBe("/pagefind/catalog/exact/3.gz");
  });
});
