import { describe, expect, it } from "vitest";
import { sourceText } from "../../../../../src/converter/document/source-text.ts";
import { closeLetterSpacing, normalizeLine, normalizeSpaces } from "../../../../../src/converter/input/text/normalize.ts";

/** A line at offset `at` of a document, normalised as OCR text. */
const normalized = (text: string, n = 1, at = 0) => normalizeLine({ n, text: sourceText(text, at) });
const line = (text: string, n = 1) => {
  const out = normalized(text, n);
  return { n: out.n, text: out.text.text, hints: out.hints };
};

/** The document characters the normalised text's characters stand at. */
const pointedAt = (document: string, text: { text: string; offsets: Int32Array }) => Array.from(text.offsets, (o) => document[o]).join("");

describe("normalizeLine", () => {
  it("keeps the original line number", () => {
    expect(line("一、概述", 18).n).toBe(18);
  });

  it("unescapes OCR markdown escapes and reads the address out of a mailto link (seed 001 line 9)", () => {
    const out = line("电子邮箱: [nx\\\\_zws@163.com](mailto:nx_zws@163.com))。");
    expect(out.text).toBe("电子邮箱: nx_zws@163.com)。");
    expect(line("nx\\_zws").text).toBe("nx_zws");
  });

  it("turns links and autolinks into their text (seeds 000 and 003)", () => {
    expect(line("大武口区人民政府门户网站（<http://www.dwk.gov.cn/>）查阅或下载。").text).toBe(
      "大武口区人民政府门户网站（http://www.dwk.gov.cn/）查阅或下载。",
    );
    expect(line("门户网站（[www.hongsibu.gov.cn](http://www.hongsibu.gov.cn)）查阅").text).toBe(
      "门户网站（www.hongsibu.gov.cn）查阅",
    );
    expect(line("[点我](javascript:alert(1))").text).toBe("点我");
  });

  it("records a bold lead-in and removes every bold marker (seed 003 line 17)", () => {
    const out = line("**(一) 完善工作机制。**为进一步加强政务公开工作领导，建立健全了由区长挂帅");
    expect(out.text).toBe("(一) 完善工作机制。为进一步加强政务公开工作领导，建立健全了由区长挂帅");
    expect(out.hints.boldLead).toBe("(一) 完善工作机制。");
    const inline = line("一是**思想认识不到位，进展不平衡**。少数部门公开意识不强");
    expect(inline.text).toBe("一是思想认识不到位，进展不平衡。少数部门公开意识不强");
    expect(inline.hints.boldLead).toBeUndefined();
  });

  it("records Markdown heading markers as hints (seed 001 lines 148 and 254)", () => {
    const ppp = line("#### 4.推进政府和社会资本合作（PPP）项目信息公开。及时公开 PPP 项目清单。");
    expect(ppp.text).toBe("4.推进政府和社会资本合作（PPP）项目信息公开。及时公开 PPP 项目清单。");
    expect(ppp.hints.markdownHeading).toBe(4);
    const both = line("#### **（五）围绕以政务公开助力防风险。**");
    expect(both.text).toBe("（五）围绕以政务公开助力防风险。");
    expect(both.hints).toEqual({ markdownHeading: 4, boldLead: "（五）围绕以政务公开助力防风险。" });
  });

  it("removes the spaces OCR puts between Chinese and digits but keeps CJK–CJK and Latin spacing", () => {
    expect(line("所列政府信息公开数据统计期限为 2017 年 1 月 1 日至 2017 年 12 月 31 日。").text).toBe(
      "所列政府信息公开数据统计期限为2017年1月1日至2017年12月31日。",
    );
    expect(line("（一）完善组织建设，加强公开管理。 2017年，大武口区").text).toBe(
      "（一）完善组织建设，加强公开管理。2017年，大武口区",
    );
    expect(line("- 组长：刘斌 兴庆区委常委、政府常务副区长").text).toBe("- 组长：刘斌 兴庆区委常委、政府常务副区长");
    expect(line("及时公开 PPP 项目清单").text).toBe("及时公开 PPP 项目清单");
    expect(normalizeSpaces("办结率 92.1%。")).toBe("办结率92.1%。");
  });

  it("drops full-width, zero-width and trailing spaces, and blanks whitespace-only lines", () => {
    expect(line("\u3000\u3000对宁夏中乾农业科技有  ").text).toBe("对宁夏中乾农业科技有");
    expect(line("政务\u200b公开").text).toBe("政务公开");
    expect(line(" ").text).toBe("");
    expect(line("\t\t\t").text).toBe("");
  });

  it("keeps tabs (table cells) and splits a date fused into the last cell (seed 000 line 75)", () => {
    expect(line("发展和改革局\t校企联合成立技术创新中心及系列高性能炭(原)材料制备示范线的建设 2018-01-04").text).toBe(
      "发展和改革局\t校企联合成立技术创新中心及系列高性能炭(原)材料制备示范线的建设\t2018-01-04",
    );
    expect(line("\t大武口晨旭生态养殖场 2017-06-21").text).toBe("\t大武口晨旭生态养殖场\t2017-06-21");
    expect(line("行政许可信息公开\t").text).toBe("行政许可信息公开\t");
  });

  it("normalizes inside pipe cells without touching the pipes (seed 001 line 339)", () => {
    expect(line("| （一）主动公开政府信息数<br>（不同渠道和方式公开相同信息计 1 条）      | 条  | 73659 |").text).toBe(
      "| （一）主动公开政府信息数<br>（不同渠道和方式公开相同信息计1条） | 条 | 73659 |",
    );
  });

  it("keeps every character's offset in the line it came from", () => {
    const document = "第一行\n所列数据统计期限为 2017 年 1 月 1 日至 2017 年 12 月 31 日。";
    const out = normalized(document.slice(4), 2, 4).text;
    expect(out.text).toBe("所列数据统计期限为2017年1月1日至2017年12月31日。");
    expect(pointedAt(document, out)).toBe(out.text);
    const year = out.text.indexOf("2017");
    expect(document.slice(out.offsets[year]!, out.offsets[year + 3]! + 1)).toBe("2017");
  });

  it("points an unwrapped link's label and a bold lead-in at their characters in the file", () => {
    const document = "**（一）完善工作机制。**门户网站（[www.hongsibu.gov.cn](http://www.hongsibu.gov.cn)）查阅";
    const out = normalized(document).text;
    expect(out.text).toBe("（一）完善工作机制。门户网站（www.hongsibu.gov.cn）查阅");
    expect(pointedAt(document, out)).toBe(out.text);
  });

  it("writes the tab of a fused date column at the space it replaces", () => {
    const document = "\t大武口晨旭生态养殖场 2017-06-21";
    const out = normalized(document).text;
    const tab = out.text.lastIndexOf("\t");
    expect(document[out.offsets[tab]!]).toBe(" ");
  });

  it("closes up letter-spaced runs of a page layout and only those (洪泽 2023 line 9)", () => {
    const text = "号 ， 邮 编 ： 223100 ， 电 话 ： 0517-87222589 ， 电 子 邮 箱 ：";
    expect(closeLetterSpacing(sourceText(text, 0)).text).toBe("号，邮编： 223100 ，电话： 0517-87222589 ，电子邮箱：");
    expect(normalizeLine({ n: 9, text: sourceText(text, 0) }, { markdown: false, letterSpacing: true }).text.text).toBe(
      "号，邮编：223100，电话：0517-87222589，电子邮箱：",
    );
    expect(closeLetterSpacing(sourceText("组长：刘斌 兴庆区委常委", 0)).text).toBe("组长：刘斌 兴庆区委常委");
  });

  it("folds runs of spaces and nothing else in a crawler's page text, whose spaces stand where its paragraphs met", () => {
    const text = "行政事业性收费9116.36  三、收到和处理政府信息公开申请情况 2022 年";
    expect(normalizeLine({ n: 10, text: sourceText(text, 0) }, { markdown: false, spaces: "fold" }).text.text).toBe(
      "行政事业性收费9116.36 三、收到和处理政府信息公开申请情况 2022 年",
    );
  });
});
