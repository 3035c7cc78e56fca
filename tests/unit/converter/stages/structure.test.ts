import { describe, expect, it } from "vitest";
import { normalizeLines } from "../../../src/converter/stages/normalize.ts";
import { removeNoise } from "../../../src/converter/stages/noise.ts";
import {
  buildBlocks,
  chineseNumber,
  endsSentence,
  headingText,
  isScreenshotTable,
  isStandalone,
  numberingOf,
} from "../../../src/converter/stages/structure.ts";
import type { Block } from "../../../src/converter/types.ts";

/** [line number, text] pairs → blocks, through normalize and noise like the pipeline. */
function blocksOf(source: [number, string][], statistics: { from: number; to: number } | null = null, titleLine: number | null = null) {
  const lines = normalizeLines(source.map(([n, text]) => ({ n, text })));
  const clean = removeNoise(lines, statistics);
  return buildBlocks({ lines: clean.lines, statistics, titleLine });
}

function summary(blocks: Block[]): string[] {
  return blocks.map((b) => {
    switch (b.kind) {
      case "heading":
        return `h${b.depth} ${b.text}`;
      case "paragraph":
        return `p ${b.text}`;
      case "table":
        return `table${b.screenshot ? " screenshot" : ""} ${b.rows.length}x${b.rows[0]!.cells.length}`;
      case "list":
        return `list ${b.items.length}`;
      case "statistics":
        return `statistics ${b.from}-${b.to}`;
    }
  });
}

describe("numbering", () => {
  it("reads the report's own numbering", () => {
    expect(chineseNumber("十一")).toBe(11);
    expect(chineseNumber("二十")).toBe(20);
    expect(numberingOf("一、概述")).toEqual({ depth: 2, number: 1, rest: "概述" });
    expect(numberingOf("(二) 健全完善制度规范。")).toEqual({ depth: 3, number: 2, rest: "健全完善制度规范。" });
    expect(numberingOf("（十一）完善公开制度机制建设。")?.number).toBe(11);
    expect(numberingOf("1. 全面推进权力清单和责任清单公开。")).toEqual({ depth: 4, number: 1, rest: "全面推进权力清单和责任清单公开。" });
    expect(numberingOf("3.12345 市民服务热线。")).toBeNull();
    expect(numberingOf("2017年，大武口区")).toBeNull();
  });

  it("knows sentence ends, captions and web-page lists", () => {
    expect(endsSentence("阳光卫生计生。")).toBe(true);
    expect(endsSentence("“此件公开发布”字样。”")).toBe(true);
    expect(endsSentence("实施方案的通知>》")).toBe(false);
    expect(endsSentence("全面推进政")).toBe(false);
    expect(isStandalone("平罗县举办政务公开工作培训班")).toBe(true);
    expect(isStandalone("2018年1月22日")).toBe(true);
    expect(isStandalone("银川市兴庆区人民政府办公室关于 调整兴庆区政务公开工作领导小组的通知")).toBe(true);
    expect(isStandalone("许可事项及服务事项严格按照自治区政务云平台建设“三表一")).toBe(false);
    expect(isScreenshotTable([["年份", "公开内容", "公开日期"], ["2016", "平罗县2016年第四季度“三公”经费公示", "2016年12月10日"]])).toBe(true);
    expect(isScreenshotTable([["", "承办总件数", "已办结件数"], ["人大议案", "2", "2"], ["人大建议", "34", "30"]])).toBe(false);
  });
});

describe("headings (seed 000 and seed 001)", () => {
  it("takes depth from the numbering, not from Markdown markers, and keeps bold lead-ins as paragraphs", () => {
    const { blocks } = blocksOf([
      [5, "## 中卫市 2017 年政府信息公开工作年度报告"],
      [12, "### 一、概述"],
      [100, "## 二、推进重点领域政府信息公开情况"],
      [102, "### （一）围绕以政务公开助力稳增长公开。"],
      [148, "#### 4.推进政府和社会资本合作（PPP）项目信息公开。及时公开 PPP 项目清单。"],
      [166, "### 2.推进国资国企信息公开。"],
      [192, "**（三）围绕以政务公开助力调结构公开。**"],
      [194, "**1.推进化解过剩产能工作信息公开。**落实去产能公示公告制度，在中卫市工业和信息化局网站上发布公告。"],
    ], null, 5);
    expect(summary(blocks)).toEqual([
      "h2 一、概述",
      "h2 二、推进重点领域政府信息公开情况",
      "h3 （一）围绕以政务公开助力稳增长公开",
      "p 4.推进政府和社会资本合作（PPP）项目信息公开。及时公开 PPP 项目清单。",
      "h4 2.推进国资国企信息公开",
      "h3 （三）围绕以政务公开助力调结构公开",
      "p 1.推进化解过剩产能工作信息公开。落实去产能公示公告制度，在中卫市工业和信息化局网站上发布公告。",
    ]);
    expect(blocks[6]).toMatchObject({ kind: "paragraph", lead: "1.推进化解过剩产能工作信息公开。" });
  });

  it("does not take an embedded notice's restarted numbering for a section (seed 004 line 30)", () => {
    const { blocks } = blocksOf([
      [11, "一、总体公开工作情况概述"],
      [19, "(一) 加强组织领导、强化机构人员配备"],
      [30, "一、组成人员"],
      [120, "二、主动公开政府信息情况"],
    ]);
    expect(summary(blocks)).toEqual([
      "h2 一、总体公开工作情况概述",
      "h3 （一）加强组织领导、强化机构人员配备",
      "p 一、组成人员",
      "h2 二、主动公开政府信息情况",
    ]);
  });

  it("turns a Markdown-marked unnumbered title into a heading (seed 003 line 161)", () => {
    const { blocks } = blocksOf([[161, "# 政府信息公开情况统计表"], [163, "(2018 年度)"]]);
    expect(summary(blocks)).toEqual(["h2 政府信息公开情况统计表", "p (2018年度)"]);
  });

  it("reads a numbered line cut mid-word as a paragraph and rejoins it (seed 004 lines 168–170)", () => {
    const { blocks } = blocksOf([
      [168, "4. 推进重点领域重点人员审计结果公"],
      [170, "开。严格按照政府信息公开要求，在确保不泄密的前提下，公开单位职能。"],
    ]);
    expect(summary(blocks)).toEqual(["p 4. 推进重点领域重点人员审计结果公开。严格按照政府信息公开要求，在确保不泄密的前提下，公开单位职能。"]);
  });
});

describe("paragraphs joined across page breaks", () => {
  it("joins seed 001 lines 14/18 into 全面推进政务公开若干重点工作", () => {
    const { blocks, removals } = blocksOf([
      [14, "2017 年, 中卫市坚持以习近平新时代中国特色社会主义思想为指导, 深入贯彻落实《自治区人民政府办公厅关于印发全面推进政"],
      [15, ""],
      [16, ""],
      [17, ""],
      [18, "务公开若干重点工作实施方案的通知》(宁政办发〔2017〕74号)等文件精神。"],
    ]);
    expect(blocks).toHaveLength(1);
    const p = blocks[0] as Extract<Block, { kind: "paragraph" }>;
    expect(p.text).toContain("印发全面推进政务公开若干重点工作实施方案的通知》");
    expect(p.lines).toEqual([14, 18]);
    expect(removals).toEqual([
      { kind: "page_break_join", from: 14, to: 18, excerpt: "…办公厅关于印发全面推进政 / 务公开若干重点工作实施方…" },
    ]);
  });

  it("joins 编 / 编 / 制并公布 into 编制并公布 (seed 001 lines 128–136)", () => {
    const { blocks } = blocksOf([
      [128, "**2.推进减税、降费、降低要素成本信息公开。**二是在政府网站集中展示行政事业性收费和政府性基金目录清单。编"],
      [132, "编"],
      [136, "制并公布涉企收费、政府性基金目录清单，实行动态管理。"],
    ]);
    expect(summary(blocks)).toEqual([
      "p 2.推进减税、降费、降低要素成本信息公开。二是在政府网站集中展示行政事业性收费和政府性基金目录清单。编制并公布涉企收费、政府性基金目录清单，实行动态管理。",
    ]);
  });

  it("does not join into a new numbered item or a bold lead-in", () => {
    const { blocks } = blocksOf([
      [314, "2018年，将着力抓好以下工作："],
      [316, "**一是加大政务公开宣传力度。**通过开展形式多样的政务公开宣传教育。"],
      [21, "2017年，大武口区认真学习贯彻党的十九大精神，着力打造阳光政务、阳光政府，"],
      [23, "（一）完善组织建设，加强公开管理。 2017年，大武口区高度重视政务公开工作。"],
    ]);
    expect(blocks).toHaveLength(4);
  });

  it("moves a screenshot table out of a sentence it interrupts (seed 001 lines 45–65)", () => {
    const { blocks } = blocksOf([
      [45, "(三)开展政策解读和回应关切情况。对涉及面广、社会关注度高或"],
      [47, "| 中卫市人民政府办公室文件       |                          |             |            |  |"],
      [48, "|--------------------|--------------------------|-------------|------------|--|"],
      [49, "| 索引号                | 标题                       | 发布单位        | 发布日期       |  |"],
      [50, "| 卫政办发〔2017〕178号     |                          |             |            |  |"],
      [51, "| WS01012/2018-01812 | 《生育登记(审批)操作办理规定》解读       | 市卫生和计划生育局   | 2018-01-19 |  |"],
      [65, "专业性较强的重要政策性文件，进一步明确解读范围。"],
    ]);
    expect(summary(blocks)).toEqual([
      "p (三)开展政策解读和回应关切情况。对涉及面广、社会关注度高或专业性较强的重要政策性文件，进一步明确解读范围。",
      "p 中卫市人民政府办公室文件",
      "table screenshot 3x4",
    ]);
    const table = blocks[2] as Extract<Block, { kind: "table" }>;
    expect(table.rows[1]).toEqual({ line: 50, cells: ["卫政办发〔2017〕178号", "", "", ""] });
  });

  it("moves one caption line out of a sentence (seed 002 lines 329–335) and drops a doubled 罗县 (lines 127/131)", () => {
    const { blocks, removals } = blocksOf([
      [329, "在平罗县政府信息网上，县长信箱收到群众来信 56 件，书记"],
      [333, "石嘴山“人民议政”网平罗专栏"],
      [335, "信箱 23 条，全部办结答复。"],
      [127, "二是加强“双公示”公开工作。完善双公开内容，在平罗县"],
      [131, "罗县政府信息网搭建入口，集中公示行政处罚和行政许可信息。"],
    ]);
    expect(summary(blocks)).toEqual([
      "p 在平罗县政府信息网上，县长信箱收到群众来信56件，书记信箱23条，全部办结答复。",
      "p 石嘴山“人民议政”网平罗专栏",
      "p 二是加强“双公示”公开工作。完善双公开内容，在平罗县政府信息网搭建入口，集中公示行政处罚和行政许可信息。",
    ]);
    expect(removals.filter((r) => r.kind === "repeated_passage")).toEqual([
      { kind: "repeated_passage", from: 131, to: 131, excerpt: "罗县" },
    ]);
  });

  it("keeps letterhead, signature and date lines as their own paragraphs (seed 000 lines 138–140)", () => {
    const { blocks } = blocksOf([
      [136, "（五）进一步加强政府网站建设。真正把政府网站打造成政府信息发布、解读回应的第一平台。"],
      [138, "大武口区人民政府办公室"],
      [140, "2018年1月22日"],
    ]);
    expect(summary(blocks)).toHaveLength(3);
  });
});

describe("tables, lists and the statistics table", () => {
  it("keeps a caption line before its table, and the trailing one-cell row inside it (seed 000 line 74, seed 004 line 105)", () => {
    const { blocks } = blocksOf([
      [74, "行政许可信息公开\t"],
      [75, "发展和改革局\t校企联合成立技术创新中心及系列高性能炭(原)材料制备示范线的建设 2018-01-04"],
      [76, "人力资源和社会保障局\t工业固体废物综合治理及资源化利用(年产100万吨新型酸性土壤调理剂生产线)项目 2017-07-10"],
      [77, "\t大武口晨旭生态养殖场 2017-06-21"],
      [78, "价格收费(5)\t\t"],
    ]);
    expect(summary(blocks)).toEqual(["p 行政许可信息公开", "table screenshot 4x3"]);
    const table = blocks[1] as Extract<Block, { kind: "table" }>;
    expect(table.rows[2]!.cells).toEqual(["", "大武口晨旭生态养殖场", "2017-06-21"]);
    expect(table.rows[3]!.cells).toEqual(["价格收费(5)", "", ""]);
  });

  it("keeps seed 003's results table as a plain table under its caption", () => {
    const { blocks } = blocksOf([
      [91, "2018年建议提案办理结果\t\t\t\t"],
      [92, "\t承办总件数\t已办结件数\t正在办理件数\t无法办理件数"],
      [93, "人大议案\t2\t2\t0\t0"],
      [94, "人大建议\t34\t30\t2\t2"],
      [95, "政协提案\t38\t35\t1\t2"],
    ]);
    expect(summary(blocks)).toEqual(["p 2018年建议提案办理结果", "table 4x5"]);
  });

  it("groups list items and replaces the statistics range by one block", () => {
    const { blocks } = blocksOf(
      [
        [32, "- 组长：刘斌 兴庆区委常委、政府常务副区长"],
        [33, "- 副组长：马森 兴庆区政府办公室主任"],
        [144, "石嘴山市大武口区2017年度政府信息公开情况统计表"],
        [146, "统计指标\t单位\t统计数"],
        [147, "一、主动公开情况\t——\t"],
        [148, "(一) 主动公开政府信息数 (不同渠道和方式公开相同信息计1条)\t条\t8573"],
      ],
      { from: 146, to: 148 },
    );
    expect(summary(blocks)).toEqual(["list 2", "p 石嘴山市大武口区2017年度政府信息公开情况统计表", "statistics 146-148"]);
    expect(blocks[0]).toEqual({
      kind: "list",
      items: [
        { text: "组长：刘斌 兴庆区委常委、政府常务副区长", line: 32 },
        { text: "副组长：马森 兴庆区政府办公室主任", line: 33 },
      ],
    });
  });
});

describe("headingText", () => {
  it("writes the report's numbering one way, whatever brackets and spaces the OCR left", () => {
    // seed 002 line 29 and line 13, seed 002 line 246, seed 001 line 166
    expect(headingText("(二) 健全完善制度规范。")).toBe("（二）健全完善制度规范");
    expect(headingText("（一）狠抓落实，夯实基础。")).toBe("（一）狠抓落实，夯实基础");
    expect(headingText("1. 扎实推进决策公开。")).toBe("1.扎实推进决策公开");
    expect(headingText("2.推进国资国企信息公开。")).toBe("2.推进国资国企信息公开");
    expect(headingText("一、 概述")).toBe("一、概述");
  });
});
