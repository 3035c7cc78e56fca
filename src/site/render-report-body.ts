/**
 * Render a report's MDX body to HTML without the MDX runtime.
 *
 * Why not @astrojs/mdx for reports: compiling every report as an MDX module
 * costs ~3.6 GB per 500 pages, and 10,000 reports must build in ≤ 10 min and
 * ≤ 4 GB. The converter's MDX is deliberately tiny (escaped Markdown + two
 * known JSX elements), so a plain unified pipeline renders it exactly, once
 * per content change, inside the content loader (which caches by digest).
 *
 *   remark-parse + remark-mdx + remark-gfm  → mdast (MDX syntax understood, GFM tables)
 *   our mdast pass                          → heading ids, levels from h2 down without
 *                                             skipping one; bare URLs stay text; only
 *                                             http(s)/mailto links; no images or HTML
 *   remark-rehype with JSX handlers         → <StatisticsTable table="…" /> becomes a marker
 *                                             comment naming the table (the page puts the
 *                                             table's component there);
 *                                             <ScreenshotTable> becomes a captioned <figure>;
 *                                             any other JSX / ESM / expression is dropped
 *   our hast pass                           → wide tables wrapped in a scroll box
 *   rehype-stringify                        → HTML string
 */
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkMdx from "remark-mdx";
import remarkGfm from "remark-gfm";
import remarkRehype, { type Options as RemarkRehypeOptions } from "remark-rehype";
import rehypeStringify from "rehype-stringify";
import { toString as mdastToString } from "mdast-util-to-string";
import type { Root as MdastRoot, Nodes as MdastNodes, Parents as MdastParents } from "mdast";
import type { Root as HastRoot, Element as HastElement, ElementContent, Parents as HastParents } from "hast";
import { createSlugger, headingAnchor } from "../report/anchors.ts";

/** The comment the renderer leaves where `<StatisticsTable />` stood, for a marker that names no table. */
export const STATISTICS_MARKER = "<!--statistics-table-->";

/** A template table id (src/catalog/schema.ts): the only text a marker may carry. */
const TABLE_ID = /^[a-z][a-z0-9_]*$/;

/** The marker of `<StatisticsTable table="<id>" />`. */
export function statisticsMarker(table: string | null): string {
  return table === null ? STATISTICS_MARKER : `<!--statistics-table:${table}-->`;
}

export const SCREENSHOT_CAPTION = "转录自报告中的网页截图";

const SAFE_LINK = /^(https?:|mailto:)/i;

/** Remove a leading YAML frontmatter block (the converter writes one; it is metadata, not body). */
export function stripFrontmatter(source: string): string {
  const text = source.replace(/^\uFEFF/, "");
  const match = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(\r?\n|$)/.exec(text);
  return match ? text.slice(match[0].length) : text;
}

/**
 * GFM turns bare URLs and www. names into links that run on through the
 * following Chinese text (there is no space to stop them). The contract says
 * source text is never a link, so a link that was not written as [..](..) or
 * <..> goes back to being plain text.
 */
function isLiteralAutolink(node: MdastNodes, source: string): boolean {
  if (node.type !== "link") return false;
  const at = node.position?.start.offset;
  if (at === undefined) return true; // made by GFM's literal-autolink transform, which sets no position
  const first = source[at];
  return first !== "[" && first !== "<";
}

interface Walk {
  slugger: ReturnType<typeof createSlugger>;
  source: string;
  /** The level of the last heading, so that none skips a level (an h4 straight under an h2 becomes an h3). */
  depth: number;
}

/** Children of a parent rebuilt so that unsafe links lose their href and images disappear. */
function sanitizeMdast(node: MdastNodes, walk: Walk): void {
  if (node.type === "heading") {
    // Heading ids come from the same function the converter used for the JSON's headings.
    const data = (node.data ??= {});
    data.hProperties = { ...(data.hProperties ?? {}), id: headingAnchor(mdastToString(node), walk.slugger) };
    // The page title is the only h1; below it, one level at a time.
    node.depth = Math.min(Math.max(node.depth, 2), walk.depth + 1) as typeof node.depth;
    walk.depth = node.depth;
  }
  if (!("children" in node)) return;
  const parent = node as MdastParents;
  const kept: MdastNodes[] = [];
  for (const child of parent.children as MdastNodes[]) {
    if (child.type === "image" || child.type === "imageReference" || child.type === "html") continue;
    if (isLiteralAutolink(child, walk.source)) {
      kept.push({ type: "text", value: mdastToString(child) });
      continue;
    }
    if (child.type === "link" && !SAFE_LINK.test(child.url)) {
      for (const inner of child.children) {
        sanitizeMdast(inner, walk);
        kept.push(inner);
      }
      continue;
    }
    sanitizeMdast(child, walk);
    kept.push(child);
  }
  (parent as { children: MdastNodes[] }).children = kept;
}

function remarkReportSafety() {
  return (tree: MdastRoot, file: { value: unknown }) => sanitizeMdast(tree, { slugger: createSlugger(), source: String(file.value), depth: 1 });
}

const handlers: RemarkRehypeOptions["handlers"] = {
  mdxJsxFlowElement(state, node) {
    if (node.name === "StatisticsTable") {
      const attributes = (node as { attributes?: { type: string; name?: string; value?: unknown }[] }).attributes ?? [];
      const attribute = attributes.find((a) => a.type === "mdxJsxAttribute" && a.name === "table");
      const table = attribute && typeof attribute.value === "string" && TABLE_ID.test(attribute.value) ? attribute.value : null;
      return { type: "comment", value: statisticsMarker(table).slice(4, -3) };
    }
    if (node.name === "ScreenshotTable") {
      const caption: HastElement = {
        type: "element",
        tagName: "figcaption",
        properties: {},
        children: [{ type: "text", value: SCREENSHOT_CAPTION }],
      };
      return {
        type: "element",
        tagName: "figure",
        properties: { className: ["screenshot-table"] },
        children: [caption, ...(state.all(node) as ElementContent[])],
      };
    }
    return undefined;
  },
  mdxJsxTextElement: () => undefined,
  mdxjsEsm: () => undefined,
  mdxFlowExpression: () => undefined,
  mdxTextExpression: () => undefined,
};

const hasText = (node: HastElement): boolean =>
  node.children.some((c) => (c.type === "text" ? c.value.trim() !== "" : c.type === "element" && hasText(c)));

/**
 * Wrap tables so a wide one scrolls inside its box on a phone (numbered, so
 * each scroll region has its own name); an empty header cell (OCR'd tables
 * often have one) becomes a data cell; external links get rel.
 */
function rehypeReportLayout() {
  return (tree: HastRoot) => {
    let tables = 0;
    const visit = (parent: HastParents) => {
      parent.children = parent.children.map((child) => {
        if (child.type !== "element") return child;
        visit(child);
        if (child.tagName === "a" && typeof child.properties.href === "string" && /^https?:/i.test(child.properties.href)) {
          child.properties.rel = ["nofollow", "noopener"];
        }
        if (child.tagName === "th" && !hasText(child)) child.tagName = "td";
        if (child.tagName === "table") {
          tables += 1;
          return {
            type: "element",
            tagName: "div",
            properties: { className: ["table-scroll"], tabIndex: 0, role: "region", ariaLabel: `正文表格 ${tables}（可横向滚动）` },
            children: [child],
          } satisfies HastElement;
        }
        return child;
      });
    };
    visit(tree);
  };
}

const processor = unified()
  .use(remarkParse)
  .use(remarkMdx)
  .use(remarkGfm)
  .use(remarkReportSafety)
  .use(remarkRehype, { handlers })
  .use(rehypeReportLayout)
  .use(rehypeStringify);

/**
 * HTML of one report body. `where` names the file in the error when the MDX
 * does not parse, so one bad report is reported clearly instead of a bare stack.
 */
export function renderReportBody(mdx: string, where: string): string {
  try {
    const body = stripFrontmatter(mdx);
    const tree = processor.parse(body);
    const hast = processor.runSync(tree, body);
    return String(processor.stringify(hast));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${where}: cannot render report body: ${reason}`);
  }
}

/** A piece of a rendered body: HTML, or the place of a statistics table (`table` null when the marker names none). */
export type BodySegment = { kind: "html"; html: string } | { kind: "table"; table: string | null };

const MARKER = /<!--statistics-table(?::([a-z][a-z0-9_]*))?-->/g;

/** The body cut at every statistics marker, in order; empty HTML between markers is left out. */
export function bodySegments(html: string): BodySegment[] {
  const segments: BodySegment[] = [];
  let at = 0;
  for (const match of html.matchAll(MARKER)) {
    const before = html.slice(at, match.index);
    if (before.trim() !== "") segments.push({ kind: "html", html: before });
    segments.push({ kind: "table", table: match[1] ?? null });
    at = match.index + match[0].length;
  }
  const rest = html.slice(at);
  if (rest.trim() !== "") segments.push({ kind: "html", html: rest });
  return segments;
}
