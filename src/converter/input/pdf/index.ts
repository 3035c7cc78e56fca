/**
 * The PDF input adapter: a PDF's text layer, laid out as lines of text, with
 * its tables as grids of cells.
 *
 * Reading runs in JavaScript with pdf.js (no OCR, no canvas, no system
 * fonts), one page at a time: its operator list gives the glyphs and the
 * lines the page draws (./content.ts), glyphs become lines (./lines.ts),
 * drawn lines become table grids (./ruled.ts), tables the page does not draw
 * are read from where their text stands (./unruled.ts), page numbers and
 * running headers are set aside (./furniture.ts), and the pages become one
 * document (./assemble.ts). Images are never decoded: the text layer is all
 * that is read, so a scanned PDF, which has none, is refused.
 */
import { createHash } from "node:crypto";
import { ConversionError } from "../../errors.ts";
import type { Diagnostic } from "../../../schema/report.ts";
import type { SourceDocument } from "../../document/types.ts";
import { MAX_PDF_BYTES, PDF_EXTENSIONS } from "../forms.ts";
import type { InputAdapter } from "../types.ts";
import { documentText, furnitureRemovals, headingSizes, pageBlocks, pageRegions, type LaidOutPage } from "./assemble.ts";
import { readPageContent, type Ops } from "./content.ts";
import { findFurniture } from "./furniture.ts";
import { layoutLines } from "./lines.ts";
import { findRuledGrids, tooManyLines } from "./ruled.ts";
import { openPdf, PdfJsError, PdfJsStopped, PdfJsTimeout, type OpenPdf, type RawPage } from "./pdfjs-client.ts";
import { pdfWarnings } from "./warnings.ts";

export { MAX_PDF_BYTES } from "../forms.ts";
/** The longest reports run to a few dozen pages. */
export const MAX_PDF_PAGES = 300;
/**
 * Characters of the text layer: about 40 times the longest real report (a
 * report's text layer holds 5,000–50,000). Memory grows with them.
 */
export const MAX_PDF_GLYPHS = 2_000_000;

const PDF_SIGNATURE = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

/** A PDF without a text layer (a scan), and a PDF pdf.js cannot open (damaged, encrypted): the reason goes in the detail. */
const NO_TEXT_LAYER = "no_text_layer";
const UNREADABLE_PDF = "unreadable_pdf";

function isPdf(bytes: Uint8Array): boolean {
  return PDF_SIGNATURE.every((b, i) => bytes[i] === b);
}

interface PageReading {
  page: LaidOutPage;
  invisibleGlyphs: number;
  hiddenGlyphs: number;
  unmappedGlyphs: number;
  tooManyLines: boolean;
  failed: boolean;
}

const FAILED_PAGE: PageReading = {
  page: { width: 0, height: 0, lines: [], grids: [] },
  invisibleGlyphs: 0,
  hiddenGlyphs: 0,
  unmappedGlyphs: 0,
  tooManyLines: false,
  failed: true,
};

function layOutPage(raw: RawPage, ops: Ops): PageReading {
  const content = readPageContent(raw, ops);
  const lines = layoutLines(content.glyphs);
  const drawing = tooManyLines(content.segments);
  return {
    page: { width: content.width, height: content.height, lines, grids: drawing ? [] : findRuledGrids(content.segments) },
    invisibleGlyphs: content.invisibleGlyphs,
    hiddenGlyphs: content.hiddenGlyphs,
    unmappedGlyphs: content.unmappedGlyphs,
    tooManyLines: drawing,
    failed: false,
  };
}

function describeOpenError(error: unknown): string {
  if (error instanceof PdfJsTimeout) return `pdf.js gave up after ${error.seconds} s / 解析超时`;
  if (error instanceof PdfJsStopped) return `${error.message} / 解析中断`;
  const name = error instanceof PdfJsError ? error.pdfjsName : error instanceof Error ? error.name : "";
  const message = error instanceof Error ? error.message : String(error);
  if (name === "PasswordException") return "encrypted: a password is needed to open it / 已加密，需要密码";
  if (name === "InvalidPDFException") return `damaged or not a PDF / 文件损坏: ${message}`;
  return `pdf.js cannot open it / 无法解析: ${message}`;
}

function pageList(pages: number[]): string {
  return pages.slice(0, 10).join("、") + (pages.length > 10 ? " …" : "");
}

export async function readPdf(file: string, bytes: Uint8Array): Promise<SourceDocument> {
  if (bytes.length === 0) throw new ConversionError("empty_file", file, "0 bytes");
  if (bytes.length > MAX_PDF_BYTES) throw new ConversionError("file_too_large", file, `${bytes.length} bytes > ${MAX_PDF_BYTES}`);
  if (!isPdf(bytes)) throw new ConversionError(UNREADABLE_PDF, file, "not a PDF: no %PDF- header / 不是 PDF 文件");
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  let pdf: OpenPdf;
  try {
    pdf = await openPdf(bytes);
  } catch (error) {
    throw new ConversionError(UNREADABLE_PDF, file, describeOpenError(error));
  }
  try {
    if (pdf.numPages > MAX_PDF_PAGES) {
      throw new ConversionError("file_too_large", file, `${pdf.numPages} pages > ${MAX_PDF_PAGES}`);
    }
    if (pdf.numPages === 0) throw new ConversionError(UNREADABLE_PDF, file, "no pages / 没有页面");
    const readings: PageReading[] = [];
    let glyphs = 0;
    for (let number = 1; number <= pdf.numPages; number++) {
      let raw: RawPage;
      try {
        raw = await pdf.page(number);
      } catch (error) {
        // pdf.js failing on one page loses that page; pdf.js stopping loses the document.
        if (!(error instanceof PdfJsError)) throw new ConversionError(UNREADABLE_PDF, file, `page ${number}: ${describeOpenError(error)}`);
        if (error.pdfjsName === "TooManyGlyphs") throw new ConversionError("file_too_large", file, error.message);
        readings.push(FAILED_PAGE);
        continue;
      }
      const reading = layOutPage(raw, pdf.ops);
      glyphs += reading.page.lines.reduce((n, line) => n + line.glyphs.length, 0);
      if (glyphs > MAX_PDF_GLYPHS) {
        throw new ConversionError("file_too_large", file, `more than ${MAX_PDF_GLYPHS} characters of text by page ${number}`);
      }
      readings.push(reading);
    }
    return buildDocument(file, bytes.length, sha256, readings);
  } finally {
    await pdf.close();
  }
}

function buildDocument(file: string, size: number, sha256: string, readings: PageReading[]): SourceDocument {
  const pages = readings.map((r) => r.page);
  const glyphCount = pages.reduce((n, p) => n + p.lines.reduce((m, l) => m + l.glyphs.length, 0), 0);
  if (readings.every((r) => r.failed)) {
    throw new ConversionError(UNREADABLE_PDF, file, "no page could be parsed / 所有页面都无法解析");
  }
  const unmappedCount = readings.reduce((n, r) => n + r.unmappedGlyphs, 0);
  if (glyphCount === 0 && unmappedCount > 0) {
    throw new ConversionError(
      NO_TEXT_LAYER,
      file,
      `the text layer cannot be read: its fonts give none of its ${unmappedCount} glyphs a Unicode character / 文字层无法识别（字体没有字符对应）`,
    );
  }
  if (glyphCount === 0) {
    throw new ConversionError(
      NO_TEXT_LAYER,
      file,
      `no text layer: none of its ${pages.length} page(s) carries text (a scan?); it needs OCR first / 没有文字层（扫描件？），需先做文字识别`,
    );
  }
  const furniture = findFurniture(
    pages.map((page) => ({
      height: page.height,
      lines: page.lines,
      inTable: new Set(page.lines.filter((line) => page.grids.some((g) => line.top >= g.top - 1 && line.bottom <= g.bottom + 1))),
    })),
  );
  const { text, pageStarts, lineOffsets, lineNumbers } = documentText(pages);
  const regions = pages.map((page, p) => pageRegions(page, lineOffsets[p]!, furniture[p]!));
  const options = { headingSizes: headingSizes(regions) };
  const pageBodies = regions.map((r) => pageBlocks(r, options));
  const blocks = pageBodies.flat();
  // The title block: the first page opens with a heading set in the largest size.
  const opening = pageBodies.find((body) => body.length > 0)?.[0];
  const title = opening?.kind === "heading" && opening.hints.headingLevel === 1 ? opening.text : null;
  const pageLine = (p: number): number | null => lineNumbers[p]![0] ?? null;

  const diagnostics: Diagnostic[] = [];
  const warn = pdfWarnings.warn;
  const withoutText = readings.map((r, p) => (!r.failed && r.page.lines.length === 0 ? p + 1 : 0)).filter((p) => p > 0);
  if (withoutText.length > 0) {
    diagnostics.push(
      warn("pdf_page_without_text", null, `第 ${pageList(withoutText)} 页没有文字，未读取 / page(s) ${pageList(withoutText)} have no text and were not read`),
    );
  }
  const failed = readings.map((r, p) => (r.failed ? p + 1 : 0)).filter((p) => p > 0);
  if (failed.length > 0) {
    diagnostics.push(warn("pdf_unreadable_page", null, `第 ${pageList(failed)} 页无法解析 / page(s) ${pageList(failed)} could not be parsed`));
  }
  const invisible = readings.reduce((n, r) => n + r.invisibleGlyphs, 0);
  if (invisible > 0) {
    const first = readings.findIndex((r) => r.invisibleGlyphs > 0);
    diagnostics.push(
      warn("pdf_ocr_text_layer", pageLine(first), `${invisible} 个字符是扫描件上的识别文字 / ${invisible} characters are recognised text over a scan`),
    );
  }
  const hidden = readings.reduce((n, r) => n + r.hiddenGlyphs, 0);
  if (hidden > 0) {
    const where = readings.map((r, p) => (r.hiddenGlyphs > 0 ? p + 1 : 0)).filter((p) => p > 0);
    diagnostics.push(
      warn("pdf_hidden_text", null, `${hidden} 个白色字符未读取（第 ${pageList(where)} 页） / ${hidden} white characters left out (page(s) ${pageList(where)})`),
    );
  }
  const unmapped = readings.reduce((n, r) => n + r.unmappedGlyphs, 0);
  if (unmapped > 0) {
    const where = readings.map((r, p) => (r.unmappedGlyphs > 0 ? p + 1 : 0)).filter((p) => p > 0);
    diagnostics.push(
      warn(
        "pdf_unmapped_glyphs",
        pageLine(where[0]! - 1),
        `${unmapped} 个字符无法识别（第 ${pageList(where)} 页） / ${unmapped} glyphs without Unicode text (page(s) ${pageList(where)})`,
      ),
    );
  }
  const drawn = readings.map((r, p) => (r.tooManyLines ? p + 1 : 0)).filter((p) => p > 0);
  if (drawn.length > 0) {
    diagnostics.push(warn("pdf_lines_not_read", pageLine(drawn[0]! - 1), `第 ${pageList(drawn)} 页 / page(s) ${pageList(drawn)}`));
  }

  return {
    file,
    form: "pdf",
    text,
    bytes: size,
    sha256,
    encoding: "binary",
    pageStarts,
    metadata: {
      title,
      publishedOn: null,
      url: null,
      publisher: null,
    },
    blocks,
    removals: furnitureRemovals(pages, furniture, lineNumbers),
    diagnostics,
  };
}

export const pdfAdapter: InputAdapter = {
  form: "pdf",
  extensions: PDF_EXTENSIONS,
  recognises: (bytes) => isPdf(bytes),
  read: readPdf,
};
