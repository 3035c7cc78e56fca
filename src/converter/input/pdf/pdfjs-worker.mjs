/**
 * Worker thread that runs pdf.js for the PDF adapter (./pdfjs-client.ts).
 *
 * Plain JavaScript on purpose: the worker starts without the TypeScript
 * loader, so pdf.js (3 MB of JavaScript) loads at Node's own speed, and a PDF
 * that sends pdf.js into a long loop can be stopped by ending the worker.
 *
 * Requests: { seq, doc, type: "open", data, cMapUrl, standardFontDataUrl },
 * { seq, doc, type: "page", number }, { seq, doc, type: "close" }. Each is
 * answered by { seq, ok: true, ... } or { seq, ok: false, name, message }
 * (`doc` names an open document, `seq` the request). A page answer
 * carries only what the layout reads: the operators that place text and
 * draw lines, the glyphs' text and widths, the fonts' metrics.
 */
import { getHeapStatistics } from "node:v8";
import { parentPort } from "node:worker_threads";

const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
const { OPS } = pdfjs;

/** Operators the layout interprets; the rest (images, shading, clipping) are not sent. */
const KEPT = new Set(
  [
    "save",
    "restore",
    "transform",
    "paintFormXObjectBegin",
    "paintFormXObjectEnd",
    "beginMarkedContent",
    "beginMarkedContentProps",
    "endMarkedContent",
    "setFillRGBColor",
    "setStrokeRGBColor",
    "setGState",
    "beginText",
    "setFont",
    "setCharSpacing",
    "setWordSpacing",
    "setHScale",
    "setLeading",
    "setTextRise",
    "setTextRenderingMode",
    "moveText",
    "setLeadingMoveText",
    "setTextMatrix",
    "nextLine",
    "showText",
    "constructPath",
  ].map((name) => OPS[name]),
);

const documents = new Map();

/**
 * pdf.js keeps every font it has parsed until the document is closed. A PDF
 * with many fonts (reports bound together, each with its own) would hold
 * them all: past this much heap the caches are dropped, and fonts still in
 * use are parsed again.
 */
const HEAP_LIMIT = 256 * 1024 * 1024;

/** Glyphs on one page beyond any report's (a dense page holds 3,000): the page is refused before it is laid out. */
const MAX_PAGE_GLYPHS = 200_000;

function fontInfo(font) {
  return {
    fontMatrix: font.fontMatrix ? Array.from(font.fontMatrix) : null,
    vertical: font.vertical === true,
    defaultVMetrics: font.defaultVMetrics ? Array.from(font.defaultVMetrics) : null,
    ascent: typeof font.ascent === "number" ? font.ascent : undefined,
    descent: typeof font.descent === "number" ? font.descent : undefined,
    bold: font.bold === true,
    black: font.black === true,
    name: typeof font.name === "string" ? font.name : "",
  };
}

async function openDocument(message) {
  const task = pdfjs.getDocument({
    data: new Uint8Array(message.data),
    cMapUrl: message.cMapUrl,
    cMapPacked: true,
    standardFontDataUrl: message.standardFontDataUrl,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    // Images are not read (there is no OCR): skipping them keeps a scan from being decoded at all.
    maxImageSize: 0,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  try {
    const pdf = await task.promise;
    const optionalContent = await pdf.getOptionalContentConfig();
    documents.set(message.doc, { pdf, optionalContent });
    return { numPages: pdf.numPages, ops: OPS };
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw error;
  }
}

async function readPage(message) {
  const entry = documents.get(message.doc);
  if (!entry) throw new Error("document not open");
  const page = await entry.pdf.getPage(message.number);
  try {
    const list = await page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE });
    const fnArray = [];
    const argsArray = [];
    const fonts = {};
    let glyphs = 0;
    const addFont = (name) => {
      if (typeof name !== "string" || name in fonts) return;
      try {
        fonts[name] = page.commonObjs.has(name) ? fontInfo(page.commonObjs.get(name)) : null;
      } catch {
        fonts[name] = null;
      }
    };
    for (let i = 0; i < list.fnArray.length; i++) {
      const fn = list.fnArray[i];
      if (!KEPT.has(fn)) continue;
      let args = list.argsArray[i];
      if (fn === OPS.showText) {
        glyphs += args[0].length;
        if (glyphs > MAX_PAGE_GLYPHS) {
          const error = new Error(`more than ${MAX_PAGE_GLYPHS} glyphs on page ${message.number}`);
          error.name = "TooManyGlyphs";
          throw error;
        }
        args = [args[0].map((g) => (typeof g === "number" ? g : { unicode: g.unicode, width: g.width, vmetric: g.vmetric ?? null, isSpace: g.isSpace === true }))];
      } else if (fn === OPS.setFont) {
        addFont(args[0]);
      } else if (fn === OPS.setGState) {
        const font = (args[0] ?? []).find((entry) => Array.isArray(entry) && entry[0] === "Font");
        if (!font) continue;
        addFont(font[1]?.[0]);
        args = [[["Font", [font[1]?.[0], font[1]?.[1]]]]];
      } else if (fn === OPS.beginMarkedContentProps) {
        // Hidden layers are not content: the client only needs to know whether the layer is shown.
        let visible = true;
        if (args[0] === "OC") {
          try {
            visible = entry.optionalContent.isVisible(args[1]);
          } catch {
            visible = true;
          }
        }
        args = [args[0], { visible }];
      } else if (fn === OPS.constructPath) {
        args = [args[0], [args[1]?.[0] ?? null]];
      } else if (fn === OPS.paintFormXObjectBegin) {
        args = [args[0] ?? null];
      }
      fnArray.push(fn);
      argsArray.push(args);
    }
    const viewport = page.getViewport({ scale: 1 });
    return { fnArray, argsArray, fonts, viewport: { transform: Array.from(viewport.transform), width: viewport.width, height: viewport.height } };
  } finally {
    page.cleanup();
    if (getHeapStatistics().used_heap_size > HEAP_LIMIT) await entry.pdf.cleanup();
  }
}

async function closeDocument(message) {
  const entry = documents.get(message.doc);
  documents.delete(message.doc);
  if (entry) await entry.pdf.destroy();
  return {};
}

parentPort.on("message", async (message) => {
  try {
    const result =
      message.type === "open" ? await openDocument(message) : message.type === "page" ? await readPage(message) : await closeDocument(message);
    parentPort.postMessage({ seq: message.seq, ok: true, ...result });
  } catch (error) {
    parentPort.postMessage({
      seq: message.seq,
      ok: false,
      name: error instanceof Error ? error.name : "Error",
      message: error instanceof Error ? error.message : String(error),
    });
  }
});
