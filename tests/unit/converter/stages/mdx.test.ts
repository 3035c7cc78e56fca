import { describe, expect, it } from "vitest";
import { sourceText } from "../../../../src/converter/document/source-text.ts";
import { renderMdx } from "../../../../src/converter/stages/mdx.ts";
import type { BodyBlock } from "../../../../src/converter/stages/structure.ts";
import type { Report } from "../../../../src/schema/report.ts";
import { compileMdx, mdxNodes, unsafeNodes } from "../../../helpers/mdx.ts";

const report = {
  id: "640202-2017",
  title: "石嘴山市大武口区2017年政府信息公开工作年度报告",
  year: 2017,
  jurisdiction: { name: "大武口区", id: "640202", code: "640202" },
  template: "national-2008",
} as unknown as Report;

const text = (value: string) => sourceText(value, 0);
const paragraph = (value: string, lead?: string): BodyBlock => ({ kind: "paragraph", text: text(value), ...(lead ? { lead } : {}) });
const table = (rows: string[][], screenshot = false): BodyBlock => ({ kind: "table", rows: rows.map((r) => r.map(text)), screenshot });

const HOSTILE = [
  "import x from 'y'",
  "export const a = 1",
  "<!-- 注释 -->",
  "<script>alert(1)</script>",
  "<StatisticsTable />",
  "{1+1} 与 {props.x}",
  "[点我](javascript:alert(1))",
  "![图](x.png)",
  "1. 全面推进权力清单",
  "- 组长",
  "+ 加号",
  "# 不是标题",
  "> 不是引用",
  "---",
  "**粗体** _斜体_ ~~删除~~ `代码`",
  "&amp; &lt;b&gt;",
  "反斜杠 \\ 与 \\_",
  "[^1] 脚注",
  "制定了《县委办公室县人民政府办公室<关于印发全面推进政务公开工作的实施方案的通知>》",
];

describe("escaping", () => {
  it("escapes what Markdown or MDX would read as syntax, and an ESM keyword at the start of a block", () => {
    const mdx = renderMdx([paragraph("{a} <b> [c](d) *e* _f_ `g` #h |i| ~j~ &k;"), paragraph("import x from 'y'"), paragraph("1. 全面推进"), paragraph("nx_zws@163.com 与 www.nxpl.gov.cn")], report);
    expect(mdx).toContain("\n\\{a} \\<b> \\[c]\\(d) \\*e\\* \\_f\\_ \\`g\\` #h |i| \\~j\\~ \\&k;\n");
    expect(mdx).toContain("\n&#x69;mport x from 'y'\n");
    expect(mdx).toContain("\n1\\. 全面推进\n");
    expect(mdx).toContain("\nnx_zws\\@163.com 与 www\\.nxpl.gov.cn\n");
    expect(unsafeNodes(mdx)).toEqual([]);
  });

  it("compiles hostile source text as plain paragraphs with the same visible text", async () => {
    const blocks: BodyBlock[] = HOSTILE.map((value) => paragraph(value));
    const mdx = renderMdx(blocks, report);
    await expect(compileMdx(mdx)).resolves.toContain("_components.p");
    expect(unsafeNodes(mdx)).toEqual([]);
    const paragraphs = mdxNodes(mdx).filter((n) => n.type === "paragraph");
    expect(paragraphs).toHaveLength(HOSTILE.length);
    const texts = mdxNodes(mdx)
      .filter((n) => n.type === "paragraph")
      .map((p) => {
        const parts: string[] = [];
        const walk = (n: { value?: string; children?: unknown[] }) => {
          if (typeof n.value === "string") parts.push(n.value);
          for (const c of (n.children ?? []) as { value?: string; children?: unknown[] }[]) walk(c);
        };
        walk(p);
        return parts.join("");
      });
    expect(texts).toEqual(HOSTILE);
  });

  it("escapes table cells, pipes included", async () => {
    const mdx = renderMdx([table([["名称", "说明"], ["a|b", "<b>{x}</b>"]])], report);
    expect(mdx).toContain("| a\\|b | \\<b>\\{x}\\</b> |");
    await compileMdx(mdx);
    expect(unsafeNodes(mdx)).toEqual([]);
    expect(mdxNodes(mdx).filter((n) => n.type === "tableCell")).toHaveLength(4);
  });
});

describe("renderMdx", () => {
  const blocks: BodyBlock[] = [
    { kind: "heading", depth: 2, text: text("一、概述") },
    paragraph("(一) 完善工作机制。为进一步加强政务公开工作领导，建立健全了由区长挂帅的工作机制。", "(一) 完善工作机制。"),
    table(
      [
        ["名称", "索引号", "责任部门", "生成日期"],
        ["1-6月兴庆区规模以上工业增加值同比增长14.5%", "640104-115-2018-88672", "兴庆区统计局", "2018-10-30"],
      ],
      true,
    ),
    table(
      [
        ["征收公告", "640104-100/2018-29264", "兴庆区政府办", "2018-06-14"],
        ["征收公告", "640104-107/2018-25155", "兴庆区住房和城乡建设局", "2018-04-24"],
      ],
      true,
    ),
    { kind: "list", items: [text("组长：刘斌 兴庆区委常委、政府常务副区长")] },
    { kind: "statistics", table: "statistics" },
  ];
  const mdx = renderMdx(blocks, report);

  it("writes JSON-quoted frontmatter and the blocks in order", () => {
    expect(mdx.split("\n").slice(0, 9)).toEqual([
      "---",
      'id: "640202-2017"',
      'title: "石嘴山市大武口区2017年政府信息公开工作年度报告"',
      "year: 2017",
      'jurisdiction: "大武口区"',
      'code: "640202"',
      'template: "national-2008"',
      "---",
      "",
    ]);
    expect(mdx).toContain("\n## 一、概述\n");
    expect(mdx).toContain("\n**(一) 完善工作机制**。为进一步加强政务公开工作领导");
    expect(mdx).toContain("\n<ScreenshotTable>\n  | 名称 | 索引号 | 责任部门 | 生成日期 |\n  | - | - | - | - |\n");
    expect(mdx).toContain("\n<ScreenshotTable>\n  | | | | |\n  | - | - | - | - |\n  | 征收公告 |");
    expect(mdx).toContain("\n- 组长：刘斌 兴庆区委常委、政府常务副区长\n");
    expect(mdx.endsWith('\n\n<StatisticsTable table="statistics" />\n')).toBe(true);
  });

  it("compiles, and the only JSX is the two contract elements; the bold lead-in really is bold", async () => {
    await compileMdx(mdx);
    expect(unsafeNodes(mdx)).toEqual(["jsx:ScreenshotTable", "jsx:ScreenshotTable", "jsx:StatisticsTable"]);
    const strong = mdxNodes(mdx).filter((n) => n.type === "strong");
    expect(strong).toHaveLength(1);
    expect(mdxNodes(mdx).filter((n) => n.type === "heading").map((n) => n.depth)).toEqual([2]);
  });
});
