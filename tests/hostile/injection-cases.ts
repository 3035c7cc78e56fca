/**
 * The hostile-injection fixture (tests/hostile/fixtures/hostile-injection.txt,
 * made by make-fixtures.py from seed 003) and what a reader must see of it.
 * Shared by the unit test (MDX and HTML) and the browser test (Chromium).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { convertSource, type ConvertOutput } from "../../src/converter/pipeline.ts";
import { FIXTURES } from "./helpers.ts";

export const INJECTION_FILE = "hostile-injection.txt";

export function convertInjectionFixture(): Promise<ConvertOutput> {
  return convertSource({ file: INJECTION_FILE, bytes: readFileSync(join(FIXTURES, INJECTION_FILE)) });
}

/**
 * Text that must be visible in the rendered body, exactly. Markdown links and
 * known HTML tags are OCR debris the normalize/noise stages unwrap by design
 * (the link keeps its label; the <a> tag is logged as a `markup` removal), so
 * "点我" and "链接" remain of those two; so are HTML comments, which a browser
 * would not show either; everything else stays as typed.
 */
export const VISIBLE_IN_BODY = [
  "一、概述<script>alert(8)</script>{alert(9)}",
  "{alert(1)} 与 { 与 } 与 {/* 注释 */} 与 {props.x}。",
  "<script>alert(2)</script>脚本应当显示为文字。",
  'import x from "y"; 这一行以 import 开头。',
  "export const a = 1; 这一行以 export 开头。",
  "<Foo bar={1} /> 与 <StatisticsTable /> 与 <ScreenshotTable> 都是伪造的组件。",
  "点我 是伪造的链接。",
  // HTML comments are taken out of text as markup (logged); the stray --> stays as typed.
  "与 --> 与 都应是文字。",
  "`反引号` 与 ``` 与 $$x$$ 与 $y$ 都应是文字。",
  '链接 与 <svg onload=alert(5)> 与 <iframe src="javascript:alert(6)"></iframe>。',
  "&lt;script&gt;alert(7)&lt;/script&gt; 与 &#x3C;b&#x3E; 是实体。",
  "{alert(13)} `列表项` <script>alert(14)</script>",
  "import 列表项",
  "人大议案<script>alert(10)</script>",
  "{0}",
];

/** Hostile text that reaches the statistics table's data (JSON), which the page shows too. */
export const VISIBLE_IN_STATISTICS = ["45<script>alert(11)</script>", "<script>alert(12)</script>{x}"];
