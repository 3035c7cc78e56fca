/**
 * Text that would break or inject into MDX/HTML, in every kind of block of a
 * real report: it compiles with @mdx-js/mdx, produces no JSX/ESM/expression/
 * HTML/link node, renders (site renderer) to HTML with no script, event
 * handler or javascript: URL, and every hostile string is there as text.
 */
import { describe, expect, it } from "vitest";
import { bodySegments, renderReportBody } from "../../src/site/render-report-body.ts";
import { compileMdx, unsafeNodes } from "../helpers/mdx.ts";
import { convertInjectionFixture, VISIBLE_IN_BODY, VISIBLE_IN_STATISTICS } from "./injection-cases.ts";
import { convertText, seedText } from "./helpers.ts";

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", quot: '"', amp: "&", apos: "'" };

/** Visible text of HTML made by rehype-stringify (well-formed: text never holds a raw "<"); entities decoded once. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, "\n")
    .replace(/&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));/gi, (m, hex?: string, dec?: string, name?: string) =>
      hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(Number(dec)) : (ENTITIES[name!] ?? m),
    );
}

/** The tags of the HTML (text cannot contain "<", so every "<" opens a tag). */
function tagsOf(html: string): string[] {
  return html.match(/<[^>]*>/g) ?? [];
}

describe("injection fixture", async () => {
  const { report, mdx } = await convertInjectionFixture();
  const html = renderReportBody(mdx, "hostile-injection.mdx");

  it("converts, keeping the statistics and naming the hostile rows", () => {
    expect(report.id).toBe("640303-2018");
    expect(report.title).toBe("红寺堡区2018年政府信息公开工作年度报告{alert(0)}");
    expect(report.statistics.find((s) => s.indicator === "complaints_total")).toMatchObject({ value: null, raw: "45<script>alert(11)</script>" });
    expect(report.statistics.filter((s) => s.value !== null)).toHaveLength(57);
    // The readers call a cell they cannot read uncertain_value (ambiguous_value was the old reader's
    // name). The text adapter takes HTML comments out of text as markup, as a browser would not show
    // them (logged as a removal); the unclosed <!-- left on line 27 is a warning of its own.
    expect(report.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ["unclosed_comment", 27],
      ["uncertain_value", 250],
      ["unknown_row", 255],
    ]);
    expect(report.removals.filter((r) => r.kind === "markup")).toEqual([
      { kind: "markup", from: 27, to: 27, excerpt: "<!-- 注释 --> <!--" },
      { kind: "markup", from: 31, to: 31, excerpt: '<a href="javascript:alert(4)"> </a>' },
    ]);
  });

  it("compiles with @mdx-js/mdx and has no node but text, our markup and <StatisticsTable />", async () => {
    await expect(compileMdx(mdx)).resolves.toContain("StatisticsTable");
    expect(unsafeNodes(mdx)).toEqual(["jsx:StatisticsTable"]);
    // One marker per statistics table, naming the template's table it stands for.
    expect(mdx.match(/^<StatisticsTable table="statistics" \/>$/gm)).toHaveLength(1);
  });

  it("renders to HTML without script, event handler, iframe or javascript: URL", () => {
    const tags = tagsOf(html);
    expect(tags.length).toBeGreaterThan(100);
    expect(tags.filter((t) => /^<\/?(?:script|iframe|svg|img|foo|style|object|embed)\b|\son[a-z]+=|javascript:|href=|src=/i.test(t))).toEqual([]);
    expect(bodySegments(html).filter((segment) => segment.kind === "table")).toEqual([{ kind: "table", table: "statistics" }]);
  });

  it("shows every hostile string as text", () => {
    const text = textOf(html);
    for (const visible of VISIBLE_IN_BODY) expect(text, visible).toContain(visible);
    const raw = [...report.statistics.map((s) => s.raw), ...report.extraRows.flatMap((r) => [r.label, r.raw]), ...report.diagnostics.map((d) => d.message)];
    for (const visible of VISIBLE_IN_STATISTICS) expect(raw.join("\n"), visible).toContain(visible);
  });
});

describe("injection in every seed", () => {
  // Each seed gets the hostile lines after its title line; nothing may turn into code.
  const HOSTILE = ["{", "}", "<script>alert(1)</script>。", "import a from 'b'。", "export default 1。", "<Foo />。", "{/* x */}。", "$$。", "```。", "<!-- x -->。", "www.二是《<关于印发的通知>》。"];
  for (const prefix of ["000", "001", "002", "003", "004"]) {
    it(`seed ${prefix}`, async () => {
      const { file, text } = seedText(prefix);
      const lines = text.split("\n");
      const at = lines.findIndex((l) => l.includes("年政府信息公开工作年度报告")) + 1;
      lines.splice(at, 0, "", ...HOSTILE.flatMap((h) => [h, ""]));
      const { report, mdx } = await convertText(file, lines.join("\n"));
      await compileMdx(mdx);
      expect(unsafeNodes(mdx).filter((n) => n !== "jsx:StatisticsTable" && n !== "jsx:ScreenshotTable")).toEqual([]);
      const body = textOf(renderReportBody(mdx, file));
      // The HTML comment is taken out as markup, with a removal naming its line; the rest stays as typed.
      const comment = at + 2 + 2 * HOSTILE.indexOf("<!-- x -->。"); // 1-based: after the blank line inserted at index `at`
      expect(report.removals.filter((r) => r.from === comment)).toEqual([{ kind: "markup", from: comment, to: comment, excerpt: "<!-- x -->" }]);
      for (const h of HOSTILE.filter((x) => x.length > 1 && !x.startsWith("<!--"))) expect(body, h).toContain(h);
    });
  }
});
