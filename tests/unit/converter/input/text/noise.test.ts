import { describe, expect, it } from "vitest";
import { sourceText } from "../../../../../src/converter/document/source-text.ts";
import { isNavigationMenu, isWebScrap, removeNoise as removeNoiseWith } from "../../../../../src/converter/input/text/noise.ts";
import { normalizeLine, type NormalizedLine } from "../../../../../src/converter/input/text/normalize.ts";

/** Lines numbered from `start`, normalized as the adapter does OCR text. */
function lines(texts: string[], start = 1) {
  let offset = 0;
  return texts.map((text, i) => {
    const line = normalizeLine({ n: start + i, text: sourceText(text, offset) });
    offset += text.length + 1;
    return line;
  });
}

/** Noise removal as for OCR text, lines given as plain text. */
function removeNoise(input: NormalizedLine[]) {
  const result = removeNoiseWith(input, { webScraps: true, menus: true, repeats: true });
  return { removals: result.removals, lines: result.lines.map((l) => ({ n: l.n, text: l.text.text, hints: l.hints })) };
}

describe("web scraps (seed 000 header, menus, breadcrumbs)", () => {
  it("recognises the portal header with weather and the tabbed menus", () => {
    expect(isWebScrap("网站首页 欢迎来到宜业宜居山水园林城市——中国大武口 后天：银川 ☀️ 晴 0°C ~ -11°C 详细»")).toBe(true);
    expect(
      isNavigationMenu(
        "新闻动态\t领导讲话 区内要闻\t时政要闻 公告通知\t政务公开\t领导之窗 应急管理\t政务公开 监督检查\t宜居建设\t教育培训 就业创业\t社会和谐 公共安全",
      ),
    ).toBe(true);
    expect(isWebScrap("当前位置：首页 > 政务公开 > 政府信息公开目录 > 医疗卫生")).toBe(true);
  });

  it("keeps prose that merely mentions a home page, table headers, and the slogan", () => {
    expect(isWebScrap("一是全县共开通并认证政务微博 42 个、开通政务微信公众号 22 个，并在政府门户网站首页建立了微博群，主要发布")).toBe(false);
    expect(isWebScrap("| 索引号                | 标题                       | 发布单位        | 发布日期       |  |")).toBe(false);
    expect(isWebScrap("序号\t索引号\t名称\t发布日期")).toBe(false);
    expect(isWebScrap("把人民对美好生活的向往作为奋斗目标，依靠人民创造历史伟业。")).toBe(false);
  });

  it("removes them and logs each removal with its line", () => {
    const result = removeNoise(
      lines([
        "把人民对美好生活的向往作为奋斗目标，依靠人民创造历史伟业。",
        "",
        "网站首页 [欢迎来到宜业宜居山水园林城市——中国大武口](#) 后天：银川 ☀️ 晴 0°C ~ -11°C [详细»](#)",
        "",
        "一、概述",
      ], 11),
    );
    expect(result.lines.map((l) => l.n)).toEqual([11, 15]);
    expect(result.removals).toEqual([
      { kind: "web_scrap", from: 13, to: 13, excerpt: "网站首页 欢迎来到宜业宜居山水园林城市——中国大武口 后天：银川 ☀️ 晴0°C…" },
    ]);
  });

  it("blanks a breadcrumb cell inside a web-page list row (seed 004 line 85)", () => {
    const result = removeNoise(lines(["政府信息公开指南\t当前位置：首页>政务公开>政务公开基本目录\t"], 85));
    expect(result.lines[0]!.text).toBe("政府信息公开指南\t\t");
    expect(result.removals[0]).toMatchObject({ kind: "web_scrap", from: 85, excerpt: "当前位置：首页>政务公开>政务公开基本目录" });
  });
});

describe("HTML fragments and the table rendered twice (seed 000 lines 35–46)", () => {
  const htmlTable =
    '<p>政府信息公开 更多>></p> <table border="1"> <tr> <td data-bbox="247 1142 406 1176">政府信息公开指南</td> <td data-bbox="414 1142 742 1176">白茨沟街道2016年信息公开工作年...</td> </tr> <tr> <td data-bbox="247 1182 406 1216">政府信息公开目录</td> <td data-bbox="414 1182 742 1216">长胜街道2016年政府信息公开工作...</td> </tr> </table>';
  const source = [
    "<p>党委文件</p> <p>关于印发《大武口区全面推行河长...》</p> <p>更多>></p>\t<p>政府文件</p> <p>区人民政府办公室关于成立审计整...</p> <p>更多>></p>",
    htmlTable,
    "政府信息公开指南\t白茨沟街道2016年信息公开工作年...\t\t\t",
    "政府信息公开目录\t长胜街道2016年政府信息公开工作...\t\t\t",
  ];

  it("drops the <p> column block, keeps ONE rendering of the table and marks it as a screenshot", () => {
    const result = removeNoise(lines(source, 37));
    expect(result.lines.map((l) => l.n)).toEqual([39, 40]);
    expect(result.lines.every((l) => l.hints.screenshot)).toBe(true);
    expect(result.removals.map((r) => [r.kind, r.from])).toEqual([
      ["html_fragment", 37],
      ["duplicate_table", 38],
    ]);
    expect(result.removals[1]!.excerpt.startsWith("政府信息公开 更多>> 政府信息公开指南")).toBe(true);
  });

  it("strips inline tags from a line that is otherwise text and logs the markup", () => {
    const result = removeNoise(lines(["<p>本报告电子版可在政府门户网站查阅。</p>"]));
    expect(result.lines[0]!.text).toBe("本报告电子版可在政府门户网站查阅。");
    expect(result.removals[0]).toMatchObject({ kind: "markup", excerpt: "<p> </p>" });
  });

  it("never mistakes book-title angle brackets for HTML (seed 002 line 21)", () => {
    const text = "二是积极开展督促检查。制定了《县委办公室县人民政府办公室<关于印发全面推进政务公开工作的实施方案的通知>》";
    const result = removeNoise(lines([text]));
    expect(result.lines[0]!.text).toBe(text);
    expect(result.removals).toEqual([]);
  });
});

describe("passages repeated at page breaks", () => {
  it("drops seed 001 line 37, which repeats the tail of line 33", () => {
    const l33 =
      "（二）完善政策部署和工作制度建设。加大对各县（区）人民政府和中卫市政府各部门的指导督促力度，及时制定印发《市人民政府办公室关于市政府各部门先行梳理编制政务公开基本目录的通知》（卫政办发〔2017〕161号）等规范性文件，对政务公开工作进行全面安排部署。坚持将政务公开工作纳入对各县（区）";
    const l37 = "开基本目录的通知》（卫政办发〔2017〕161号）等规范性文件，对政务公开工作进行全面安排部署。坚持将政务公开工作纳入对各县（区）";
    const l39 = "人民政府和中卫市政府各部门（单位）行政效能目标管理考核的重要内容。";
    const result = removeNoise(lines([l33, "", "", "", l37, "", l39], 33));
    expect(result.lines.map((l) => l.n)).toEqual([33, 39]);
    expect(result.removals).toEqual([
      { kind: "blank_lines", from: 34, to: 36, excerpt: "3 blank lines" },
      { kind: "repeated_passage", from: 37, to: 37, excerpt: "开基本目录的通知》（卫政办发〔2017〕161号）等规范性文件，对政务公开工作进…" },
    ]);
  });

  it("drops a one-character repeat only where the previous line stops mid-word (seed 001 lines 128–136)", () => {
    const result = removeNoise(
      lines(["二是在政府网站集中展示行政事业性收费和政府性基金目录清单。编", "", "编", "", "制并公布涉企收费、政府性基金目录清单"], 128),
    );
    expect(result.lines.map((l) => l.text)).toEqual(["二是在政府网站集中展示行政事业性收费和政府性基金目录清单。编", "制并公布涉企收费、政府性基金目录清单"]);
    const finished = removeNoise(lines(["全部办结。", "结。"]));
    expect(finished.lines).toHaveLength(2);
  });

  it("drops seed 002 line 165, the repeated second half of line 163", () => {
    const tail = "同时开设教育收费、驾校培训、水电暖气等八个小栏目，不同栏目的结合能够分类清晰、及时有效的公开各类民生事项，确保群众的消费公开，把关系到群众切身利益的所有价格和收费置于阳光之下，接受群众监督。";
    const l163 = `在平罗政府网站开辟“民生服务价格公开栏”，把涉及民生、贴近民生价格及收费分类放入，专题网站将价费分类设计成公开政策指导、农副产品、医药服务等六个栏目，${tail}`;
    const result = removeNoise(lines([l163, "", tail], 163));
    expect(result.lines.map((l) => l.n)).toEqual([163]);
    expect(result.removals[0]).toMatchObject({ kind: "repeated_passage", from: 165 });
  });

  it("never strips a table row: the statistics table reaches its readers as it stands (seed 003 line 216)", () => {
    const result = removeNoise(lines(["<b>一、主动公开情况</b>\t\t", "2. 传真申请数\t件\t0"], 166));
    expect(result.lines.map((l) => l.text)).toEqual(["<b>一、主动公开情况</b>\t\t", "2. 传真申请数\t件\t0"]);
    expect(result.removals).toEqual([]);
  });
});

describe("menus and table headers", () => {
  it("keeps a header row of short words that heads rows of figures (2021 table 三)", () => {
    const header = "申请人情况\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计";
    expect(isNavigationMenu(header)).toBe(true);
    const result = removeNoise(lines([header, "一、本年新收政府信息公开申请数量\t21\t0\t0\t0\t0\t0\t21"], 90));
    expect(result.lines.map((l) => l.n)).toEqual([90, 91]);
    expect(result.removals).toEqual([]);
  });

  it("still removes the portal menus of seed 000 (lines 15–16), which head no figures", () => {
    const result = removeNoise(
      lines([
        "新闻动态\t领导讲话 区内要闻\t时政要闻 公告通知\t政务公开\t领导之窗 应急管理\t政务公开 监督检查\t宜居建设\t教育培训 就业创业\t社会和谐 公共安全",
        "专题锦集\t党政专题 经济专题\t民生专题 民情专题\t招商引资\t招商动态 重点项目\t优惠政策 投资环境\t民生建设\t公众参与 生活百科\t办事指南 便民服务",
        "",
        "一、概述",
      ], 15),
    );
    expect(result.lines.map((l) => l.n)).toEqual([18]);
    expect(result.removals.map((r) => [r.kind, r.from])).toEqual([
      ["web_scrap", 15],
      ["web_scrap", 16],
    ]);
  });

  it("keeps the offsets of a line it strips of markup", () => {
    const document = "<p>本报告电子版可在政府门户网站查阅。</p>";
    const [line] = removeNoiseWith(lines([document]), { webScraps: true, menus: true, repeats: true }).lines;
    expect(Array.from(line!.text.offsets, (o) => document[o]).join("")).toBe("本报告电子版可在政府门户网站查阅。");
  });
});
