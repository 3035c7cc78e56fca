import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LineIndex } from "../../../../src/converter/document/source-text.ts";
import type { SourceDocument, SourceText } from "../../../../src/converter/document/types.ts";
import { readTextDocument } from "../../../../src/converter/input/text/index.ts";
import {
  buildStructure,
  chineseNumber,
  endsSentence,
  headingText,
  isScreenshotTable,
  isStandalone,
  numberingOf,
  type BodyBlock,
} from "../../../../src/converter/stages/structure.ts";
import { lineDocument } from "../../../helpers/line-document.ts";
import { SOURCES_DIR } from "../../../helpers/source-lines.ts";

/** The text with each [line number, text] pair on its line (blank lines between), read by the text adapter as OCR text. */
function documentOf(source: [number, string][]): SourceDocument {
  const lines: string[] = [];
  for (const [n, text] of source) {
    while (lines.length < n - 1) lines.push("");
    lines[n - 1] = text;
  }
  return readTextDocument("test.txt", new TextEncoder().encode(`${lines.join("\n")}\n`));
}

/** Document offsets [start, end) of lines from..to. */
function lineRange(document: SourceDocument, from: number, to: number) {
  const index = new LineIndex(document.text);
  return { start: index.lineStart(from), end: index.lineStart(to + 1) };
}

/** [line number, text] pairs → blocks, through the text adapter like the pipeline. */
function blocksOf(source: [number, string][], statistics: { from: number; to: number } | null = null, titleLine: number | null = null) {
  const document = documentOf(source);
  const result = buildStructure({
    document,
    statistics: statistics ? [{ ...lineRange(document, statistics.from, statistics.to), table: "table-1" }] : [],
    title: titleLine === null ? null : { start: lineRange(document, titleLine, titleLine).start, end: lineRange(document, titleLine, titleLine).end - 1 },
    outline: [],
  });
  return { ...result, document };
}

function summary(blocks: BodyBlock[]): string[] {
  return blocks.map((b) => {
    switch (b.kind) {
      case "heading":
        return `h${b.depth} ${b.text.text}`;
      case "paragraph":
        return `p ${b.text.text}`;
      case "table":
        return `table${b.screenshot ? " screenshot" : ""} ${b.rows.length}x${b.rows[0]!.length}`;
      case "list":
        return `list ${b.items.length}`;
      case "statistics":
        return `statistics ${b.table}`;
    }
  });
}

/** 1-based lines of a text's first and last characters. */
function linesOf(document: SourceDocument, text: SourceText): [number, number] {
  const index = new LineIndex(document.text);
  return [index.lineOf(text.offsets[0]!), index.lineOf(text.offsets[text.offsets.length - 1]!)];
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
    const source: [number, string][] = [
      [14, "2017 年, 中卫市坚持以习近平新时代中国特色社会主义思想为指导, 深入贯彻落实《自治区人民政府办公厅关于印发全面推进政"],
      [15, ""],
      [16, ""],
      [17, ""],
      [18, "务公开若干重点工作实施方案的通知》(宁政办发〔2017〕74号)等文件精神。"],
    ];
    const { blocks, removals } = blocksOf(source);
    expect(blocks).toHaveLength(1);
    const p = blocks[0] as Extract<BodyBlock, { kind: "paragraph" }>;
    expect(p.text.text).toContain("印发全面推进政务公开若干重点工作实施方案的通知》");
    expect(linesOf(documentOf(source), p.text)).toEqual([14, 18]);
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
    const { blocks, document } = blocksOf([
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
    const table = blocks[2] as Extract<BodyBlock, { kind: "table" }>;
    expect(table.rows[1]!.map((c) => c.text)).toEqual(["卫政办发〔2017〕178号", "", "", ""]);
    expect(linesOf(document, table.rows[1]![0]!)).toEqual([50, 50]);
  });

  it("moves one caption line out of a sentence (seed 002 lines 329–335) and drops a doubled 罗县 (lines 127/131)", () => {
    const caption = blocksOf([
      [329, "在平罗县政府信息网上，县长信箱收到群众来信 56 件，书记"],
      [333, "石嘴山“人民议政”网平罗专栏"],
      [335, "信箱 23 条，全部办结答复。"],
    ]);
    expect(summary(caption.blocks)).toEqual([
      "p 在平罗县政府信息网上，县长信箱收到群众来信56件，书记信箱23条，全部办结答复。",
      "p 石嘴山“人民议政”网平罗专栏",
    ]);
    const { blocks, removals } = blocksOf([
      [127, "二是加强“双公示”公开工作。完善双公开内容，在平罗县"],
      [131, "罗县政府信息网搭建入口，集中公示行政处罚和行政许可信息。"],
    ]);
    expect(summary(blocks)).toEqual([
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
    const table = blocks[1] as Extract<BodyBlock, { kind: "table" }>;
    expect(table.rows[2]!.map((c) => c.text)).toEqual(["", "大武口晨旭生态养殖场", "2017-06-21"]);
    expect(table.rows[3]!.map((c) => c.text)).toEqual(["价格收费(5)", "", ""]);
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
    expect(summary(blocks)).toEqual(["list 2", "p 石嘴山市大武口区2017年度政府信息公开情况统计表", "statistics table-1"]);
    const list = blocks[0] as Extract<BodyBlock, { kind: "list" }>;
    expect(list.items.map((i) => i.text)).toEqual(["组长：刘斌 兴庆区委常委、政府常务副区长", "副组长：马森 兴庆区政府办公室主任"]);
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

describe("sections of a body that lost its line breaks (crawler text)", () => {
  const OUTLINE_2008 = [
    "一、概述",
    "二、主动公开政府信息情况",
    "三、依申请公开政府信息情况",
    "四、政府信息公开的收费及减免情况",
    "五、因政府信息公开申请行政复议、提起行政诉讼的情况",
    "六、政府信息公开工作存在的主要问题及改进情况",
  ];
  const OUTLINE_2021 = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
  ];

  function crawled(name: string, outline: readonly string[], statistics: { from: string; to: string }[] = []) {
    const document = readTextDocument(name, new Uint8Array(readFileSync(join(SOURCES_DIR, name))));
    const title = document.metadata.title!;
    const ranges = statistics.map((s, i) => {
      const start = document.text.indexOf(s.from);
      return { start, end: document.text.indexOf(s.to, start) + s.to.length, table: `table-${i + 1}` };
    });
    const result = buildStructure({
      document,
      statistics: ranges,
      title: { start: title.offsets[0]!, end: title.offsets[title.offsets.length - 1]! + 1 },
      outline,
    });
    return { ...result, document };
  }

  it("splits 平潭 2016 into its sections, its title copy dropped and its glued table replaced where it began", () => {
    const { blocks, headings, document } = crawled("fujian-pingtan-2016.txt", OUTLINE_2008, [{ from: "指标名称计量单位", to: "行政诉讼数件00" }]);
    expect(headings.map((h) => `h${h.depth} ${h.text}`)).toEqual([
      "h2 一、概述",
      "h3 （二）工作制度方面",
      "h3 （四）重点领域信息公开情况",
      "h2 二、主动公开政府信息情况",
      "h3 （一）主动公开政府信息的数量",
      "h3 （二）主动公开政府信息的主要类别",
      "h3 （三）主动公开政府信息的主要形式",
      "h2 三、政府信息依申请公开工作情况",
      "h2 四、政府信息公开的收费及减免情况",
      "h2 五、因政府信息公开申请行政复议、提起行政诉讼的情况",
      "h2 六、主要问题和改进措施",
      "h2 七、平潭综合实验区政府信息公开情况统计表",
    ]);
    expect(document.text.slice(headings[0]!.offset, headings[0]!.offset + 5)).toBe("一、 概述");
    expect(summary(blocks).slice(0, 4)).toEqual([
      expect.stringMatching(/^p 根据《中华人民共和国政府信息公开条例》/),
      "h2 一、概述",
      expect.stringMatching(/^p 2016年，在省政府办公厅、省公开办等部门的关心和指导下/),
      expect.stringMatching(/^p （一）组织机构方面我区成立了/),
    ]);
    expect(summary(blocks).slice(-2)).toEqual(["h2 七、平潭综合实验区政府信息公开情况统计表", "statistics table-1"]);
    const item = blocks.find((b) => b.kind === "paragraph" && b.text.text.startsWith("7、公共监管信息公开情况"));
    expect(item).toBeDefined();
  });

  it("keeps a section heading whose title the table's range begins in (平潭 2016: …。 七、平潭综合实验区 | 政府信息公开情况统计表 指标名称…)", () => {
    const { blocks } = crawled("fujian-pingtan-2016.txt", [...OUTLINE_2008, "政府信息公开情况统计表"], [
      { from: "政府信息公开情况统计表 指标名称", to: "行政诉讼数件00" },
    ]);
    expect(summary(blocks).slice(-3)).toEqual([
      expect.stringMatching(/^p （三）继续加强督导协调工作。.*完善工作考核办法等相关政府信息公开制度规定。$/),
      "h2 七、平潭综合实验区政府信息公开情况统计表",
      "statistics table-1",
    ]);
  });

  it("gives a range nothing before it that does not make an outline title with it", () => {
    const text = "一、概述 全区推进政务公开。 二、平潭综合实验区统计数据如下 指标名称 主动公开文件数条3460";
    const { blocks } = buildStructure({
      document: lineDocument(text),
      statistics: [{ start: text.indexOf("统计数据如下"), end: text.length, table: "t" }],
      title: null,
      outline: OUTLINE_2008,
    });
    expect(summary(blocks)).toEqual(["h2 一、概述", "p 全区推进政务公开。", "h2 二、平潭综合实验区", "statistics t"]);
  });

  it("finds the outline's titles wherever they stand, one character off included (平潭 2022: 行政法复议)", () => {
    const { headings } = crawled("fujian-pingtan-2022.txt", OUTLINE_2021);
    expect(headings.map((h) => `h${h.depth} ${h.text}`)).toEqual([
      "h2 一、总体情况",
      "h3 （一）主动公开方面",
      "h3 （二）依申请公开方面",
      "h3 （三）政府信息管理方面",
      "h3 （四）信息公开平台建设方面",
      "h3 （五）监督保障方面",
      "h2 二、主动公开政府信息情况",
      "h2 三、收到和处理政府信息公开申请情况",
      "h2 四、政府信息公开行政法复议、行政诉讼情况",
      "h2 五、存在的主要问题及改进情况",
      "h2 六、其他需要报告的事项",
    ]);
  });

  it("finds a section glued to the figures before it by its outline title (平潭 2025: …4166.241619三、收到和处理…)", () => {
    const { headings } = crawled("fujian-pingtan-2025.txt", OUTLINE_2021);
    expect(headings.map((h) => h.text)).toEqual([
      "一、总体情况",
      "二、主动公开政府信息情况",
      "三、收到和处理政府信息公开申请情况",
      "四、政府信息公开行政复议、行政诉讼情况",
      "五、存在的主要问题及改进情况",
      "六、其他需要报告的事项",
    ]);
  });

  it("does not take a table row's label for a section (…0000000 四、结转下年度继续办理 0000000 四、政府信息公开…)", () => {
    const document = lineDocument(
      "三、收到和处理政府信息公开申请情况 （七）总计 723000075 四、结转下年度继续办理 0000000 四、政府信息公开行政复议、行政诉讼情况 行政复议 行政诉讼 0 1 1 0 2",
    );
    const { headings, blocks } = buildStructure({ document, statistics: [], title: null, outline: OUTLINE_2021 });
    expect(headings.map((h) => h.text)).toEqual(["三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况"]);
    expect(summary(blocks)).toEqual([
      "h2 三、收到和处理政府信息公开申请情况",
      "p （七）总计 723000075 四、结转下年度继续办理 0000000",
      "h2 四、政府信息公开行政复议、行政诉讼情况",
      "p 行政复议 行政诉讼 0 1 1 0 2",
    ]);
  });

  it("cuts a paragraph at a statistics range inside it: the title before, the statistics block, the text after", () => {
    const text = "一、概述 2016年全区主动公开政府信息3460条。 二、统计表 指标名称计量单位主动公开文件数条346085376 以上数据由各单位报送。";
    const document = lineDocument(text);
    const start = text.indexOf("指标名称");
    const { blocks } = buildStructure({
      document,
      statistics: [{ start, end: text.indexOf(" 以上数据"), table: "proactive" }],
      title: null,
      outline: [],
    });
    expect(summary(blocks)).toEqual(["h2 一、概述", "p 2016年全区主动公开政府信息3460条。", "h2 二、统计表", "statistics proactive", "p 以上数据由各单位报送。"]);
  });

  it("does not end a title at the end of a wrapped line, which the next line may continue", () => {
    const document = lineDocument("2023年，全区推进政务公开工作。一、主动公开\n政府信息情况良好，全年公开信息1136条。", { wrapped: true });
    const { blocks, headings } = buildStructure({ document, statistics: [], title: null, outline: [] });
    expect(headings).toEqual([]);
    expect(summary(blocks)).toEqual(["p 2023年，全区推进政务公开工作。", "p 一、主动公开政府信息情况良好，全年公开信息1136条。"]);
  });
});

describe("the statistics stage's ranges over table rows", () => {
  it("keeps the rows outside a range as tables around the statistics block", () => {
    const { blocks } = blocksOf(
      [
        [10, "说明\t本表数据"],
        [11, "统计指标\t单位\t统计数"],
        [12, "（一）主动公开政府信息数\t条\t8573"],
        [13, "注：\t以上数据截至年底"],
      ],
      { from: 11, to: 12 },
    );
    expect(summary(blocks)).toEqual(["table 1x2", "statistics table-1", "table 1x2"]);
  });

  it("reports each heading with the document offset of its first character", () => {
    const { headings, document } = blocksOf([[3, "### 一、 概述"], [5, "2017年，全区主动公开政府信息8573条。"]]);
    expect(headings).toEqual([{ depth: 2, text: "一、概述", offset: document.text.indexOf("一、 概述") }]);
  });
});

describe("section headings a statistics range took in", () => {
  const OUTLINE = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况"];

  it("keeps the heading whose number stood before the range and whose title begins it (平潭 2022: …。 二、 | 主动公开政府信息情况第二十条…)", () => {
    const text =
      "一、总体情况 2022年，全区共主动公开政府信息14571条。 二、主动公开政府信息情况第二十条第（一）项 信息内容 本年制发件数 规章000 三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和） 一、本年新收政府信息公开申请数量 713000074 四、政府信息公开行政复议、行政诉讼情况行政复议 行政诉讼 0 1 1 五、存在的主要问题及改进情况 2022 年，还存在一些问题。";
    const document = lineDocument(text);
    const at = (s: string) => text.indexOf(s);
    const { blocks } = buildStructure({
      document,
      statistics: [
        { start: at("主动公开政府信息情况第二十条"), end: at(" 三、收到"), table: "proactive" },
        { start: at("收到和处理政府信息公开申请情况（"), end: at(" 四、政府信息公开"), table: "requests" },
        // As the table locator reads 平潭 2022: the next section's title inside the range.
        { start: at("政府信息公开行政复议、行政诉讼情况行政复议"), end: at(" 2022 年，还存在"), table: "appeals" },
      ],
      title: null,
      outline: OUTLINE,
    });
    expect(summary(blocks)).toEqual([
      "h2 一、总体情况",
      "p 2022年，全区共主动公开政府信息14571条。",
      "h2 二、主动公开政府信息情况",
      "statistics proactive",
      "h2 三、收到和处理政府信息公开申请情况",
      "statistics requests",
      "h2 四、政府信息公开行政复议、行政诉讼情况",
      "statistics appeals",
      "h2 五、存在的主要问题及改进情况",
      "p 2022 年，还存在一些问题。",
    ]);
  });

  it("keeps a heading block that opens a range, before the statistics block (洪泽 2023, pdftotext)", () => {
    const document = readTextDocument("hongze.txt", new Uint8Array(readFileSync(join(SOURCES_DIR, "jiangsu-hongze-2023.txt"))));
    const index = new LineIndex(document.text);
    const { blocks } = buildStructure({
      document,
      statistics: [{ start: index.lineStart(84), end: index.lineStart(133), table: "requests" }],
      title: null,
      outline: OUTLINE,
    });
    const at = summary(blocks).indexOf("statistics requests");
    expect(summary(blocks).slice(at - 3, at + 3)).toEqual([
      "p 第二十条第（一）项",
      "table 13x4",
      "h2 三、收到和处理政府信息公开申请情况",
      "statistics requests",
      "h2 四、政府信息公开行政复议、行政诉讼情况",
      "table 8x15",
    ]);
  });
});

describe("joining the lines of a page layout", () => {
  it("joins a paragraph's last line, which does not run on, to the line before it (洪泽 lines 12–16)", () => {
    const document = readTextDocument("hongze.txt", new Uint8Array(readFileSync(join(SOURCES_DIR, "jiangsu-hongze-2023.txt"))));
    const { blocks } = buildStructure({ document, statistics: [], title: null, outline: [] });
    const paragraph = blocks.find((b) => b.kind === "paragraph" && b.text.text.startsWith("2023年，洪泽区人民政府坚持"));
    expect(paragraph?.kind === "paragraph" && paragraph.text.text).toBe(
      "2023年，洪泽区人民政府坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实《条例》相关规范要求，不断完善政府信息公开制度，建立健全政府信息公开保障机制，始终将政务公开工作摆在重要位置，推进政府信息公开工作规范、有序、健康发展。",
    );
    const opening = blocks.find((b) => b.kind === "paragraph" && b.text.text.startsWith("本报告由"));
    expect(opening?.kind === "paragraph" && opening.text.text.endsWith("电子邮箱：hzzwgk@126.com）。")).toBe(true);
  });

  it("does not join across a colon into a line that can open a paragraph", () => {
    const document = lineDocument("针对存在问题，下一步将抓好以下工作：\n2024年，继续加强业务指导培训。", { wrapped: true });
    expect(summary(buildStructure({ document, statistics: [], title: null, outline: [] }).blocks)).toEqual([
      "p 针对存在问题，下一步将抓好以下工作：",
      "p 2024年，继续加强业务指导培训。",
    ]);
  });
});
