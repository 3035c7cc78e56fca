/**
 * The text input adapter: the bytes of a plain-text report → one SourceDocument.
 *
 * Plain text arrives in four shapes, told apart by their content:
 *
 *   crawler      a crawler's page.txt: 标题:/发布时间:/原文链接: header, a 正文 rule,
 *                then the page text, often the whole report on one line  (./crawler.ts)
 *   capture      a capture tool's text: 标题：/来源：http…/采集时间： header, the site's
 *                menu and information table, then one line per block     (./capture.ts)
 *   page layout  pdftotext -layout: pages separated by form feeds, tables as
 *                columns of text                                          (./layout.ts)
 *   plain        OCR output and Markdown from PDF converters: Markdown debris,
 *                tab/pipe/HTML table rows, web-page scraps                 (./normalize.ts, ./noise.ts)
 *
 * Every block's text keeps the offset of each of its characters in the
 * decoded file, so a figure read from it points at exactly its digits.
 * Everything left out of the body is logged as a Removal with its lines.
 */
import { MAX_SOURCE_LINES, decodeText } from "../decode.ts";
import { TEXT_EXTENSIONS } from "../forms.ts";
import type { InputAdapter } from "../types.ts";
import { ConversionError } from "../../errors.ts";
import { compareText } from "../../../report/compare-text.ts";
import type { Block, PageMetadata, SourceDocument } from "../../document/types.ts";
import type { Diagnostic, Removal } from "../../../schema/report.ts";
import { linesToBlocks } from "./blocks.ts";
import { isCapturePage, readCapturePage } from "./capture.ts";
import { removeComments } from "./comments.ts";
import { isCrawlerPage, readCrawlerHeader, removeSiteChrome } from "./crawler.ts";
import { isPageLayout, layoutBlocks } from "./layout.ts";
import { removeNoise, type NoiseOptions } from "./noise.ts";
import { normalizeLine, type NormalizeOptions } from "./normalize.ts";
import { removePageFurniture } from "./pages.ts";
import { physicalLines, type PhysicalLine } from "./source-edit.ts";

export type TextShape = "crawler" | "capture" | "page_layout" | "plain";

export function textShape(lines: readonly PhysicalLine[]): TextShape {
  if (isCrawlerPage(lines)) return "crawler";
  if (isCapturePage(lines)) return "capture";
  if (isPageLayout(lines)) return "page_layout";
  return "plain";
}

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

function isPdf(bytes: Uint8Array): boolean {
  return PDF_MAGIC.every((b, i) => bytes[i] === b);
}

/** An HTML document (not text with a few tags in it): it opens like one, or has the skeleton of one. */
export function isHtmlDocument(text: string): boolean {
  const head = text.slice(0, 4096).replace(/^[\s\ufeff]+/, "");
  if (/^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i.test(head)) return true;
  return /<html[\s>]/i.test(text) && /<body[\s>]/i.test(text) && /<\/html\s*>/i.test(text);
}

/** Push every item (a spread push overflows the stack for the hundred thousand lines of a hostile file). */
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

interface Body {
  blocks: Block[];
  removals: Removal[];
  diagnostics: Diagnostic[];
}

/** Comments out of every line: they are never content, whatever the shape. */
function withoutComments(lines: readonly PhysicalLine[], body: Body): PhysicalLine[] {
  return lines.map((line) => {
    const cleaned = removeComments(line.text, line.n);
    append(body.removals, cleaned.removals);
    append(body.diagnostics, cleaned.diagnostics);
    return cleaned.text === line.text ? line : { n: line.n, text: cleaned.text };
  });
}

/** Normalise, remove noise, group into blocks: the line-based shapes. */
function lineBlocks(
  lines: readonly PhysicalLine[],
  body: Body,
  options: { normalize: NormalizeOptions; noise: NoiseOptions; wrapped: boolean; pageBreaks: ReadonlySet<number> },
): void {
  const normalized = lines.map((line) => normalizeLine(line, options.normalize));
  const clean = removeNoise(normalized, options.noise);
  append(body.removals, clean.removals);
  const built = linesToBlocks(clean.lines, { wrapped: options.wrapped, pageBreaks: options.pageBreaks });
  append(body.removals, built.removals);
  append(body.blocks, built.blocks);
}

const NO_METADATA: PageMetadata = { title: null, publishedOn: null, url: null, publisher: null };

function sortRemovals(removals: Removal[]): Removal[] {
  return [...removals].sort((a, b) => a.from - b.from || a.to - b.to || compareText(a.kind, b.kind) || compareText(a.excerpt, b.excerpt));
}

/** The bytes of a plain-text report as a SourceDocument; ConversionError when they are not usable text. */
export function readTextDocument(file: string, bytes: Uint8Array): SourceDocument {
  const decoded = decodeText(file, bytes);
  const lines = physicalLines(decoded.text);
  if (lines.length > MAX_SOURCE_LINES) throw new ConversionError("file_too_large", file, `${lines.length} lines > ${MAX_SOURCE_LINES}`);
  const body: Body = { blocks: [], removals: [], diagnostics: [...decoded.diagnostics] };
  let metadata = NO_METADATA;

  switch (textShape(lines)) {
    case "crawler": {
      const header = readCrawlerHeader(lines);
      metadata = header.metadata;
      append(body.removals, header.removals);
      append(body.diagnostics, header.diagnostics);
      const pageText = withoutComments(header.body, body).map((line) => {
        const cleaned = removeSiteChrome(line);
        append(body.removals, cleaned.removals);
        return { n: line.n, text: cleaned.text };
      });
      lineBlocks(pageText, body, {
        normalize: { markdown: false, spaces: "fold" },
        noise: { webScraps: false, menus: false, repeats: false },
        wrapped: false,
        pageBreaks: new Set(),
      });
      break;
    }
    case "capture": {
      const page = readCapturePage(lines);
      metadata = page.metadata;
      append(body.removals, page.removals);
      append(body.diagnostics, page.diagnostics);
      const pages = removePageFurniture(page.body);
      append(body.removals, pages.removals);
      lineBlocks(withoutComments(pages.lines, body), body, {
        normalize: { markdown: false },
        noise: { webScraps: true, menus: true, repeats: false },
        wrapped: false,
        pageBreaks: pages.pageBreaks,
      });
      break;
    }
    case "page_layout": {
      const pages = removePageFurniture(lines);
      append(body.removals, pages.removals);
      const laid = layoutBlocks(withoutComments(pages.lines, body));
      append(body.blocks, laid.blocks);
      append(body.removals, laid.removals);
      break;
    }
    case "plain": {
      const pages = removePageFurniture(lines);
      append(body.removals, pages.removals);
      lineBlocks(withoutComments(pages.lines, body), body, {
        normalize: { markdown: true },
        noise: { webScraps: true, menus: true, repeats: true },
        wrapped: true,
        pageBreaks: pages.pageBreaks,
      });
      break;
    }
  }

  return {
    file,
    form: "text",
    text: decoded.text,
    bytes: bytes.length,
    sha256: decoded.sha256,
    encoding: decoded.encoding,
    pageStarts: null,
    metadata,
    blocks: body.blocks,
    removals: sortRemovals(body.removals),
    diagnostics: body.diagnostics,
  };
}

export const textAdapter: InputAdapter = {
  form: "text",
  extensions: TEXT_EXTENSIONS,
  /**
   * Everything that is neither a PDF nor a web page: the last form tried. Bytes
   * that do not decode are still this adapter's, so that reading them refuses
   * them with the reason (empty, too large, binary, undecodable).
   */
  recognises(bytes: Uint8Array, file: string): boolean {
    if (isPdf(bytes)) return false;
    try {
      return !isHtmlDocument(decodeText(file, bytes).text);
    } catch {
      return true;
    }
  },
  async read(file: string, bytes: Uint8Array): Promise<SourceDocument> {
    return readTextDocument(file, bytes);
  },
};
