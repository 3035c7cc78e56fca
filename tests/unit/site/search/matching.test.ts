/**
 * What "a page contains the query" means (src/site/search/matching.ts), on
 * lines of the corpus as Pagefind keeps them in a fragment: the heading text,
 * ". ", the section's text.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { seedFile } from "../../../helpers/convert-seed.ts";
import { SOURCES_DIR } from "../../../helpers/source-lines.ts";
import {
  containsAll,
  fold,
  foldText,
  markedParts,
  occurrences,
  openingParts,
  pageMatches,
  pageSections,
  parseQuery,
  SNIPPETS,
} from "../../../../src/site/search/matching.ts";

/** Lines 3, 5, 7, 110 and 112 of seed 000 (大武口区 2017), as the report page's text reaches the index. */
function dawukouFragment() {
  const lines = readFileSync(`${SOURCES_DIR}/${seedFile("000")}`, "utf8").split("\n");
  const title = lines[2]!.trim();
  const intro = `${lines[4]!.trim()} ${lines[6]!.trim()}`;
  const heading = lines[109]!.trim();
  const body = lines[111]!.trim();
  return {
    title,
    heading,
    content: `${title}. ${intro} ${heading}. ${body}`,
    anchors: [
      { element: "h1", id: "report-title", text: title },
      { element: "h2", id: "五-因政府信息公开申请行政复议-提起行政诉讼-收到投诉举报情况", text: heading },
    ],
  };
}

describe("foldText", () => {
  it("folds full-width forms and Latin case, drops zero-width characters, joins spaces, and keeps where each character came from", () => {
    // 沭阳 2023 and 平潭 2022 print WORD and PDF; 红寺堡 2018 prints "(十) 加强"; Pagefind puts U+200B between words.
    const folded = foldText("上传ＷＯＲＤ和PDF\u200b版本  （十）\n加强");
    expect(folded.text).toBe("上传word和pdf版本 (十) 加强");
    expect(folded.start).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 15, 16, 17, 18, 19, 20]);
    expect(folded.end).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13, 15, 16, 17, 18, 19, 20, 21]);
    expect(fold("二○一二年二月二十日")).toBe("二○一二年二月二十日");
  });

  it("keeps a character outside the Basic Multilingual Plane whole", () => {
    const folded = foldText("𬌗区");
    expect(folded.text).toBe("𬌗区");
    expect(folded.start).toEqual([0, 1, 2]);
    expect(folded.end).toEqual([1, 2, 3]);
  });
});

describe("parseQuery", () => {
  it("reads terms separated by spaces, quoted phrases as one term, each term once", () => {
    expect(parseQuery(" 「行政复议」  大武口 “政府 信息” \"QQ 群\" 大武口 ＷＯＲＤ 『未闭合")).toEqual([
      { text: "行政复议", folded: "行政复议" },
      { text: "大武口", folded: "大武口" },
      { text: "政府 信息", folded: "政府 信息" },
      { text: "QQ 群", folded: "qq 群" },
      { text: "ＷＯＲＤ", folded: "word" },
      { text: "未闭合", folded: "未闭合" },
    ]);
  });

  it("reads nothing from spaces, empty quotes or zero-width characters, and at most eight terms", () => {
    expect(parseQuery("   ")).toEqual([]);
    expect(parseQuery("「」 \"\" \u200b")).toEqual([]);
    expect(parseQuery("一 二 三 四 五 六 七 八 九 十").map((t) => t.text)).toEqual(["一", "二", "三", "四", "五", "六", "七", "八"]);
  });
});

describe("occurrences and containsAll", () => {
  it("finds every occurrence as written and nothing for a term the text lacks", () => {
    const { content } = dawukouFragment();
    const folded = fold(content);
    expect(occurrences(folded, "大武口").length).toBe(10);
    expect(occurrences(folded, "行政复议").length).toBe(2);
    expect(occurrences(folded, "不存在的词汇")).toEqual([]);
    expect(containsAll(folded, ["大武口", "行政复议"])).toBe(true);
    expect(containsAll(folded, ["大武口", "不存在的词汇"])).toBe(false);
    expect(containsAll(folded, [])).toBe(false);
  });

  it("counts occurrences that do not overlap", () => {
    expect(occurrences("公开公开公开", "公开公开")).toEqual([0]);
  });
});

describe("pageSections", () => {
  it("opens with the title, then finds each heading's text in the page text, the section's own text after Pagefind's '. '", () => {
    const { content, title, heading, anchors } = dawukouFragment();
    const sections = pageSections(content, anchors, title);
    const at = content.indexOf(heading);
    expect(sections).toEqual([
      { id: null, title, start: 0, headingEnd: title.length, bodyStart: title.length + 2 },
      { id: anchors[1]!.id, title: heading, start: at, headingEnd: at + heading.length, bodyStart: at + heading.length + 2 },
    ]);
    expect(content.slice(sections[1]!.bodyStart, sections[1]!.bodyStart + 6)).toBe("2017年，");
  });

  it("leaves out an anchor whose text the page does not hold, and the h1; a title the text does not open with spans nothing", () => {
    const { content, anchors } = dawukouFragment();
    expect(pageSections(content, [{ element: "h2", id: "x", text: "六、不存在的小节" }, anchors[0]!], "另一个标题")).toEqual([
      { id: null, title: "另一个标题", start: 0, headingEnd: 0, bodyStart: 0 },
    ]);
  });
});

describe("pageMatches", () => {
  it("marks a heading's occurrences in the heading and gives a snippet of the section's own text", () => {
    const { content, title, heading, anchors } = dawukouFragment();
    const matches = pageMatches(content, ["行政复议"], pageSections(content, anchors, title));
    expect(matches.counts).toEqual([2]);
    expect(matches.title).toEqual([{ text: title, marked: false }]);
    expect(matches.sections).toBe(1);
    expect(matches.snippets).toHaveLength(1);
    expect(matches.snippets[0]!.section.title).toBe(heading);
    expect(matches.snippets[0]!.heading).toEqual([
      { text: "五、因政府信息公开申请", marked: false },
      { text: "行政复议", marked: true },
      { text: "、提起行政诉讼、收到投诉举报情况", marked: false },
    ]);
    expect(matches.snippets[0]!.parts).toEqual([
      { text: "2017年，大武口区无涉及政府信息公开的", marked: false },
      { text: "行政复议", marked: true },
      { text: "和行政诉讼。", marked: false },
    ]);
  });

  it("marks the query as written, never its single characters; the title's occurrence in the title", () => {
    const { content, title, anchors } = dawukouFragment();
    const matches = pageMatches(content, ["大武口"], pageSections(content, anchors, title));
    expect(matches.counts).toEqual([10]);
    expect(matches.title).toEqual([
      { text: "石嘴山市", marked: false },
      { text: "大武口", marked: true },
      { text: "区2017年政府信息公开工作年度报告", marked: false },
    ]);
    const marked = matches.snippets.flatMap((s) => [...(s.heading ?? []), ...s.parts].filter((p) => p.marked).map((p) => p.text));
    expect(new Set(marked)).toEqual(new Set(["大武口"]));
    // The opening (after the title) and 五、…: two sections, the heading of 五 without a mark.
    expect(matches.snippets.map((s) => s.section.id)).toEqual([null, anchors[1]!.id]);
    expect(matches.snippets[0]!.heading).toBeNull();
    expect(matches.snippets[0]!.parts.slice(0, 3)).toEqual([
      { text: "…实施〈中华人民共和国政府信息公开条例〉办法》规定，《石嘴山市", marked: false },
      { text: "大武口", marked: true },
      { text: "区2017年政府信息公开工作年度报告》，经", marked: false },
    ]);
    expect(matches.snippets[0]!.parts.at(-1)).toEqual({ text: "区2…", marked: false });
    expect(matches.snippets[1]!.heading).toEqual([{ text: "五、因政府信息公开申请行政复议、提起行政诉讼、收到投诉举报情况", marked: false }]);
    expect(matches.snippets[1]!.parts).toEqual([
      { text: "2017年，", marked: false },
      { text: "大武口", marked: true },
      { text: "区无涉及政府信息公开的行政复议和行政诉讼。", marked: false },
    ]);
    expect(SNIPPETS).toEqual({ limit: 3, before: 30, after: 60 });
  });

  it("joins overlapping occurrences of two terms into one mark", () => {
    const content = "2017年，大武口区无涉及政府信息公开的行政复议和行政诉讼。";
    const matches = pageMatches(content, ["行政复议", "复议和行政"], pageSections(content, []));
    expect(matches.counts).toEqual([1, 1]);
    expect(matches.snippets[0]!.parts.filter((p) => p.marked)).toEqual([{ text: "行政复议和行政", marked: true }]);
  });
});

describe("markedParts and openingParts", () => {
  it("reads report text as text: markup characters stay characters", () => {
    const content = "（六）加强提案公开<img/src/onerror=alert(9)>";
    expect(markedParts(content, [[26, 31]], 0, content.length)).toEqual([
      { text: "（六）加强提案公开<img/src/onerror=", marked: false },
      { text: "alert", marked: true },
      { text: "(9)>", marked: false },
    ]);
  });

  it("gives the opening of a page, cut with …", () => {
    const { content } = dawukouFragment();
    expect(openingParts(content, 20)).toEqual([{ text: "石嘴山市大武口区2017年政府信息公开工…", marked: false }]);
  });
});
