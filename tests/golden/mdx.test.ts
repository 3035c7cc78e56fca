import { beforeAll, describe, expect, it } from "vitest";
import { createSlugger, headingAnchor } from "../../src/report/anchors.ts";
import { convertSeed, SEEDS } from "../helpers/convert-seed.ts";
import { compileMdx, mdxBody, mdxNodes, unsafeNodes } from "../helpers/mdx.ts";
import type { Report } from "../../src/schema/report.ts";

function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

/** Plain text of the MDX body with the escapes removed, for searching source phrases. */
function visibleText(mdx: string): string {
  return mdxBody(mdx).replace(/\\([!-/:-@[-`{-~])/g, "$1");
}

const SCREENSHOT_TABLES = { "000": 2, "001": 2, "002": 3, "003": 0, "004": 7 } as const;

describe.each(SEEDS)("seed %s MDX", (prefix) => {
  let report: Report;
  let mdx: string;
  let text: string;
  beforeAll(async () => {
    ({ report, mdx } = await convertSeed(prefix));
    text = visibleText(mdx);
  });

  it("compiles with @mdx-js/mdx and remark-gfm", async () => {
    await expect(compileMdx(mdx)).resolves.toContain("MDXContent");
  });

  it("contains no JSX, ESM, expressions, HTML or written links except the two contract elements", () => {
    const unsafe = unsafeNodes(mdx);
    expect(unsafe.filter((n) => n !== "jsx:ScreenshotTable" && n !== "jsx:StatisticsTable")).toEqual([]);
    expect(count(mdx, '<StatisticsTable table="statistics" />')).toBe(report.hasStatisticsTable ? 1 : 0);
    expect(count(mdx, "<ScreenshotTable>")).toBe(SCREENSHOT_TABLES[prefix]);
    expect(count(mdx, "</ScreenshotTable>")).toBe(SCREENSHOT_TABLES[prefix]);
    // Each contract element stands on a line of its own; the statistics table between blank lines.
    const lines = mdx.split("\n");
    for (const [i, line] of lines.entries()) {
      if (line.includes("<StatisticsTable")) {
        expect(line).toBe('<StatisticsTable table="statistics" />');
        expect(lines[i - 1]).toBe("");
        expect(lines[i + 1] ?? "").toBe("");
      }
      if (line.includes("ScreenshotTable>")) expect(["<ScreenshotTable>", "</ScreenshotTable>"]).toContain(line);
    }
  });

  it("leaves none of the web-page noise", () => {
    // (seed 002 legitimately writes "在政府门户网站首页建立了微博群", so the header is matched by its greeting.)
    for (const noise of ["<p>", "data-bbox", "<td", "<table", "<b>", "更多>>", "网站首页 欢迎来到", "欢迎来到宜业宜居", "当前位置", "°C", "新闻动态 领导讲话"]) {
      expect(text, noise).not.toContain(noise);
    }
  });

  it("does not print the statistics table's rows as text, nor the title as a heading", () => {
    for (const row of ["统计指标", "政府公报公开政府信息数", "维持具体行政行为或者驳回原告诉讼请求数"]) {
      expect(text, row).not.toContain(row);
    }
    const headings = mdxNodes(mdx).filter((n) => n.type === "heading");
    expect(report.headings.map((h) => h.text)).not.toContain(report.title);
    expect(headings).toHaveLength(report.headings.length);
  });

  it("records the same headings in the JSON, anchored by headingAnchor", () => {
    const slugger = createSlugger();
    for (const heading of report.headings) {
      expect(heading.anchor).toBe(headingAnchor(heading.text, slugger));
      expect(mdx).toContain(`\n${"#".repeat(heading.depth)} `);
    }
  });
});

describe("page-break repairs in the MDX", () => {
  it("seed 000: joins paragraphs split by the page and by the web scrap", async () => {
    const text = visibleText((await convertSeed("000")).mdx);
    expect(text).toContain("研究落实有关工作，充分发挥政府办公室牵头抓总");
    expect(text).toContain("加大网站数据的整合力度，不断提高各部门网站");
    expect(text).toContain("全面提升政府公信力。");
    expect(text).toContain("把人民对美好生活的向往作为奋斗目标"); // the lone slogan is kept
    expect(count(text, "政府信息公开指南 | 白茨沟街道2016年信息公开工作年...")).toBe(1); // the twice-rendered table, once
  });

  it("seed 001: rejoins 政务公开若干重点工作 and 编制并公布, drops the repeated passage", async () => {
    const text = visibleText((await convertSeed("001")).mdx);
    expect(text).toContain("关于印发全面推进政务公开若干重点工作实施方案的通知》");
    expect(text).toContain("目录清单。编制并公布涉企收费");
    expect(count(text, "开基本目录的通知》（卫政办发〔2017〕161号）等规范性文件")).toBe(1);
    expect(text).toContain("坚持将政务公开工作纳入对各县（区）人民政府和中卫市政府各部门（单位）行政效能目标管理考核");
    expect(text).toContain("社会关注度高或专业性较强的重要政策性文件");
    expect(text).toContain("4.推进政府和社会资本合作（PPP）项目信息公开。及时公开 PPP 项目清单。");
  });

  it("seed 002: drops the repeated tail of line 163 and the doubled 罗县", async () => {
    const text = visibleText((await convertSeed("002")).mdx);
    expect(count(text, "同时开设教育收费、驾校培训、水电暖气等八个小栏目")).toBe(1);
    expect(text).toContain("在平罗县政府信息网搭建入口");
    expect(text).toContain("书记信箱23条，全部办结答复。");
  });

  it("seed 004: rejoins a numbered line cut mid-word", async () => {
    const text = visibleText((await convertSeed("004")).mdx);
    expect(text).toContain("4. 推进重点领域重点人员审计结果公开。严格按照政府信息公开要求");
    expect(text).toContain("1. 及时梳理“两个清单”，推进行政权力规范运行。2018年");
    expect(text).toContain("一、组成人员"); // the embedded notice's numbering stays text
  });
});

describe("heading levels", () => {
  const levels = async (prefix: string) => (await convertSeed(prefix)).report.headings.map((h) => [h.depth, h.text]);

  it("seed 000", async () => {
    expect(await levels("000")).toEqual([
      [2, "一、概述"],
      [2, "二、推进重点领域政府信息公开情况"],
      [2, "三、政府信息主动公开情况"],
      [2, "四、政府信息依申请公开情况"],
      [2, "五、因政府信息公开申请行政复议、提起行政诉讼、收到投诉举报情况"],
      [2, "六、各级人大代表建议和政协提案办理结果公开情况"],
      [2, "七、政府信息公开工作存在的主要问题及改进措施"],
    ]);
  });

  it("seed 003 (bold lead-ins with prose stay paragraphs; '# 政府信息公开情况统计表' is a section)", async () => {
    expect(await levels("003")).toEqual([
      [2, "一、概述"],
      [2, "二、工作开展情况"],
      [3, "（六）加强人大议案建议和政协提案办理结果公开"],
      [3, "（十一）完善公开制度机制建设"],
      [2, "三、存在问题"],
      [2, "四、2019年工作计划"],
      [2, "政府信息公开情况统计表"],
    ]);
    const mdx = (await convertSeed("003")).mdx;
    expect(mdx).toContain("\n**(一) 完善工作机制**。为进一步加强政务公开工作领导");
    expect(mdx).toContain("\n| 人大议案 | 2 | 2 | 0 | 0 |\n"); // the results table is a plain table
  });

  it("seed 001 takes levels from the numbering, not the Markdown markers", async () => {
    const headings = await levels("001");
    expect(headings.slice(0, 4)).toEqual([
      [2, "一、概述"],
      [2, "二、推进重点领域政府信息公开情况"],
      [3, "（一）围绕以政务公开助力稳增长公开"],
      [3, "（二）围绕以政务公开助力促改革公开"],
    ]);
    expect(headings).toContainEqual([4, "2.推进国资国企信息公开"]);
    expect(headings).toContainEqual([2, "三、政府信息主动公开情况"]);
  });
});
