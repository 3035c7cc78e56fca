import { describe, expect, it } from "vitest";
import { htmlAdapter } from "../../../../../src/converter/input/html/index.ts";
import type { SourceDocument } from "../../../../../src/converter/document/types.ts";
import { misplacedCharacters, textsOf } from "./summary.ts";

const REPORT = "本报告由某某县人民政府办公室编制，所列数据的统计期限自2023年1月1日起至2023年12月31日止。";

/** A page that tries every way of getting code or markup into the text, its report nested `depth` divs deep. */
function hostilePage(depth: number): string {
  return (
    `<!DOCTYPE html><html><head><script>alert("head")</script><style>p{color:red}</style>` +
    `<meta http-equiv="refresh" content="0;url=javascript:alert(1)"></head>` +
    `<body onload="steal()">` +
    `<noscript><p>请启用脚本</p></noscript><template><p>模板里的字</p></template>` +
    "<div>".repeat(depth) +
    `<p onclick="alert('p')" onmouseover="x()">${REPORT}<a href="javascript:alert(document.cookie)" onclick="alert(2)">点击查看</a></p>` +
    `<p>一、总体情况<script>document.write("<p>注入的段落</p>")</script><img src="x" onerror="alert(3)"></p>` +
    `<svg><script>alert(4)</script><text>矢量图里的字</text></svg><iframe src="javascript:alert(5)">框架里的字</iframe>` +
    `<form action="javascript:alert(6)"><input value="输入框里的字"><button onclick="alert(7)">按钮</button><textarea>文本框里的字</textarea></form>` +
    `<p style="display:none">隐藏的字</p>` +
    "</div>".repeat(depth) +
    `<script src="https://evil.example/x.js"></script></body></html>`
  );
}

async function read(html: string): Promise<{ document: SourceDocument; ms: number }> {
  const started = performance.now();
  const document = await htmlAdapter.read("hostile.html", new TextEncoder().encode(html));
  return { document, ms: performance.now() - started };
}

describe("a hostile page", () => {
  it("yields only the text a reader sees: no script, handler, URL, form control or hidden text", async () => {
    const { document } = await read(hostilePage(10_000));
    expect(document.blocks.map((b) => ("text" in b ? b.text.text : b.kind))).toEqual([`${REPORT}点击查看`, "一、总体情况"]);
    const all = textsOf(document).map((t) => t.text).join("\n");
    for (const code of ["alert", "javascript", "script", "onclick", "<", "注入", "模板", "矢量图", "框架", "输入框", "按钮", "文本框", "隐藏", "请启用"]) {
      expect(all).not.toContain(code);
    }
    expect(misplacedCharacters(document)).toEqual([]);
  });

  it("stays linear in time: 10,000 and 40,000 nested divs", async () => {
    await read(hostilePage(1_000));
    const { ms: tenThousand } = await read(hostilePage(10_000));
    const { ms: fortyThousand, document } = await read(hostilePage(40_000));
    expect(document.blocks).toHaveLength(2);
    expect(tenThousand).toBeLessThan(3_000);
    // Four times the nesting: a quadratic walk would take sixteen times as long.
    expect(fortyThousand).toBeLessThan(Math.max(8 * tenThousand, 2_000));
  });

  it("stays linear in time over 100,000 character references that leave letters after them", async () => {
    // &notit is no entity: each reference must be read as ¬ followed by literal letters.
    const { document, ms } = await read(`<body><div class="content"><p>${REPORT}${"&notit;&nbsp;".repeat(100_000)}</p></div></body>`);
    expect(document.blocks).toHaveLength(1);
    const paragraph = document.blocks[0]!;
    expect(paragraph.kind === "paragraph" && paragraph.text.text.slice(REPORT.length, REPORT.length + 10)).toBe("¬it;\u00a0¬it;\u00a0");
    expect(ms).toBeLessThan(5_000);
    expect(misplacedCharacters(document)).toEqual([]);
  });
});
