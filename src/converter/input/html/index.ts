/**
 * The input adapter for saved web pages.
 *
 * A government page is 60–350 KB of site around a few KB of report; its
 * <table>s hold the real cells (rowspan and colspan) that text forms lose.
 * The page is decoded (BOM, then its declared charset, then detection),
 * parsed with parse5, weighed to find the element that holds the report
 * (./analysis.ts), and read into blocks whose every character keeps its
 * offset in the decoded page (./flow.ts, ./source-map.ts). What the site
 * adds is logged as page_chrome removals and read for the page's metadata
 * (./metadata.ts); the report's title block, printed above the body, opens
 * the blocks as a heading.
 */
import { parse } from "parse5";
import { LineIndex } from "../../document/source-text.ts";
import type { Block, SourceDocument } from "../../document/types.ts";
import { ConversionError } from "../../errors.ts";
import type { Diagnostic, Removal } from "../../../schema/report.ts";
import { decodeText } from "../decode.ts";
import { HTML_EXTENSIONS } from "../forms.ts";
import type { InputAdapter } from "../types.ts";
import { contentRoot, measure } from "./analysis.ts";
import { declaredCharset, looksLikeHtml } from "./charset.ts";
import { headingLevel, isElement, type Element } from "./dom.ts";
import { readFlow, type FlowBlock } from "./flow.ts";
import { readMetadata } from "./metadata.ts";
import { htmlWarnings } from "./warnings.ts";

export { htmlWarnings } from "./warnings.ts";

const EXCERPT_LENGTH = 60;
/** Fewer characters than this besides the title is no report (the shortest real one has thousands). */
const MIN_ARTICLE_CHARS = 20;

/** Source offsets a block's text covers, or null for a block without text (a table of blank cells). */
function blockRange(block: Block): { start: number; end: number } | null {
  let start = Infinity;
  let end = -Infinity;
  const cover = (offsets: Int32Array) => {
    for (const o of offsets) {
      if (o < start) start = o;
      if (o + 1 > end) end = o + 1;
    }
  };
  if (block.kind === "table") for (const row of block.grid) for (const at of row) cover(at.cell.text.offsets);
  else if (block.kind === "list") for (const item of block.items) cover(item.offsets);
  else cover(block.text.offsets);
  return start === Infinity ? null : { start, end };
}

function blockText(block: Block): string {
  if (block.kind === "table") {
    const seen = new Set<unknown>();
    const cells: string[] = [];
    for (const row of block.grid) {
      for (const at of row) {
        if (seen.has(at.cell)) continue;
        seen.add(at.cell);
        if (at.cell.text.text) cells.push(at.cell.text.text);
      }
    }
    return cells.join(" ");
  }
  if (block.kind === "list") return block.items.map((i) => i.text).join(" ");
  return block.text.text;
}

/** One removal per run of the site's blocks between two blocks of the report. */
function chromeRemovals(blocks: FlowBlock[], lines: LineIndex): Removal[] {
  const removals: Removal[] = [];
  let run: { start: number; end: number; excerpt: string } | null = null;
  const close = () => {
    if (run) {
      removals.push({
        kind: "page_chrome",
        from: lines.lineOf(run.start),
        to: lines.lineOf(Math.max(run.start, run.end - 1)),
        excerpt: run.excerpt.length > EXCERPT_LENGTH ? `${run.excerpt.slice(0, EXCERPT_LENGTH)}…` : run.excerpt,
      });
    }
    run = null;
  };
  for (const b of blocks) {
    if (b.region === "content") {
      close();
      continue;
    }
    const range = blockRange(b.block);
    if (!range) continue;
    if (!run) run = { start: range.start, end: range.end, excerpt: blockText(b.block) };
    else {
      run.start = Math.min(run.start, range.start);
      run.end = Math.max(run.end, range.end);
      if (run.excerpt.length < EXCERPT_LENGTH) run.excerpt = `${run.excerpt} ${blockText(b.block)}`;
    }
  }
  close();
  return removals;
}

function bodyOf(file: string, html: Element | undefined): Element {
  const body = html?.childNodes.find((c): c is Element => isElement(c) && c.tagName === "body");
  if (!body) throw new ConversionError("not_a_report", file, "a frameset page: the report is in its frames, not in the page");
  return body;
}

function hasUtf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/** The declared charset a decoding did not follow, as a warning; null when it was followed (or none was declared). */
function charsetWarning(declared: string | undefined, encoding: string, text: string): Diagnostic | null {
  if (!declared) return null;
  const label = declared.trim().toLowerCase();
  const family = /^(?:gb2312|gbk|gb18030|x-gbk|cp936)$/.test(label)
    ? "gb18030"
    : /^utf-?8$/.test(label)
      ? "utf-8"
      : /^big5/.test(label)
        ? "big5"
        : null;
  const read = encoding === "utf-8-bom" ? "utf-8" : encoding;
  if (family === read) return null;
  // An unknown label on a page of plain ASCII reads the same whatever it means.
  if (family === null && !/[^\u0000-\u007f]/.test(text)) return null;
  return htmlWarnings.warn("html_charset_mismatch", null, `页面声明编码 ${declared}，按 ${encoding} 读取 / the page declares ${declared}; read as ${encoding}`);
}

export async function readHtml(file: string, bytes: Uint8Array): Promise<SourceDocument> {
  // A byte order mark decides over what the page declares, as in a browser (a page saved as Unicode keeps its old meta).
  const declared = hasUtf16Bom(bytes) ? undefined : declaredCharset(bytes);
  const decoded = decodeText(file, bytes, declared);
  const text = decoded.text;
  const lines = new LineIndex(text);
  const diagnostics: Diagnostic[] = [...decoded.diagnostics];
  const mismatch = charsetWarning(declared, decoded.encoding, text);
  if (mismatch) diagnostics.push(mismatch);

  const document = parse(text, { sourceCodeLocationInfo: true });
  const html = document.childNodes.find((c): c is Element => isElement(c) && c.tagName === "html");
  const body = bodyOf(file, html);
  const stats = measure(body);
  const root = contentRoot(body, stats);
  const flow = readFlow(text, body, root, stats);
  const { metadata, titleBlock } = readMetadata(text, document, flow.blocks, flow.fields);

  // The title block printed above the body opens the report as its heading.
  const firstContent = flow.blocks.findIndex((b) => b.region === "content");
  const titleIndex = titleBlock ? flow.blocks.indexOf(titleBlock) : -1;
  let promoted: FlowBlock | null = null;
  if (titleBlock && titleBlock.region === "chrome" && firstContent !== -1 && titleIndex < firstContent) {
    const block = titleBlock.block;
    if (block.kind === "heading" || block.kind === "paragraph") {
      const level = (titleBlock.element && headingLevel(titleBlock.element)) ?? 1;
      const hints = block.kind === "heading" ? block.hints : { ...block.hints, headingLevel: level };
      promoted = { ...titleBlock, region: "content", block: { kind: "heading", text: block.text, hints } };
      flow.blocks[titleIndex] = promoted;
    }
  }

  const content = flow.blocks.filter((b) => b.region === "content");
  // Text besides the title, and not only link text (a page that is a title and a link to the PDF holds no report).
  const titleInBody = titleBlock && titleBlock.region === "content" ? titleBlock.block.text.text.replace(/\s/g, "").length : 0;
  const articleChars = (stats.get(root)?.weight ?? 0) - titleInBody;
  const hasArticle = content.some((b) => b !== promoted && b !== titleBlock && /[\p{L}\p{N}]/u.test(blockText(b.block)));
  if (!hasArticle || articleChars < MIN_ARTICLE_CHARS) {
    throw new ConversionError("no_article_text", file, `no article text in the page (${Math.max(0, articleChars)} characters besides the title and links)`);
  }

  const where = (offsets: number[]) => {
    const at = [...new Set(offsets.map((o) => lines.lineOf(o)))].sort((a, b) => a - b);
    return { first: at[0] ?? null, shown: at.slice(0, 10).join("、") + (at.length > 10 ? " …" : "") };
  };
  if (flow.unaligned.length > 0) {
    const { first, shown } = where(flow.unaligned);
    diagnostics.push(htmlWarnings.warn("html_text_unaligned", first, `第 ${shown} 行的部分文字位置为近似 / some text on lines ${shown} has approximate positions`));
  }
  if (flow.gaps.length > 0) {
    const { first, shown } = where(flow.gaps);
    diagnostics.push(htmlWarnings.warn("html_table_gap", first, `第 ${shown} 行起的表格有无单元格的位置，按空白读取 / the tables from lines ${shown} have positions no cell covers, read as blank`));
  }
  if (flow.clamped.length > 0) {
    const { first, shown } = where(flow.clamped);
    diagnostics.push(htmlWarnings.warn("html_span_clamped", first, `第 ${shown} 行起的表格跨度过大，按单个单元格读取 / the tables from lines ${shown} span too far; read as single cells`));
  }

  return {
    file,
    form: "html",
    text,
    bytes: bytes.length,
    sha256: decoded.sha256,
    encoding: decoded.encoding,
    pageStarts: null,
    metadata,
    blocks: content.map((b) => b.block),
    removals: chromeRemovals(flow.blocks, lines),
    diagnostics,
  };
}

export const htmlAdapter: InputAdapter = {
  form: "html",
  extensions: HTML_EXTENSIONS,
  recognises: (bytes) => looksLikeHtml(bytes),
  read: readHtml,
};
