/**
 * Before a page can be decoded: is it a page at all, and which encoding does
 * it declare for itself? Both are read from the first bytes, as a browser
 * does, with the parser rather than by matching markup.
 */
import { parse } from "parse5";
import { attr, isElement, walk } from "./dom.ts";

/** A browser looks for the declaration in the first 1024 bytes; saved pages put meta tags after long comments, so read more. */
const PRESCAN_BYTES = 4096;

/** The first bytes as text for sniffing: BOM-aware, otherwise one character per byte (ASCII markup reads the same in every encoding we accept). */
function prefixText(bytes: Uint8Array, length: number): string {
  const head = bytes.subarray(0, length);
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder("utf-16le").decode(head.subarray(2));
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder("utf-16be").decode(head.subarray(2));
  // UTF-16 without a BOM: every other byte of ASCII markup is NUL.
  if (head.length >= 4 && head[1] === 0 && head[3] === 0 && head[0] !== 0) return new TextDecoder("utf-16le").decode(head);
  if (head.length >= 4 && head[0] === 0 && head[2] === 0 && head[1] !== 0) return new TextDecoder("utf-16be").decode(head);
  const start = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  return new TextDecoder("latin1").decode(head.subarray(start));
}

/** The charset a page declares in `<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">`, if any. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const document = parse(prefixText(bytes, PRESCAN_BYTES));
  let declared: string | undefined;
  walk(document, (node) => {
    if (declared !== undefined) return false;
    if (!isElement(node) || node.tagName !== "meta") return true;
    const charset = attr(node, "charset");
    if (charset && charset.trim()) {
      declared = charset.trim();
      return false;
    }
    const equiv = attr(node, "http-equiv");
    const content = attr(node, "content");
    if (equiv && equiv.toLowerCase() === "content-type" && content) {
      const m = /charset\s*=\s*["']?([A-Za-z0-9_.:-]+)/i.exec(content);
      if (m) declared = m[1];
    }
    return false;
  });
  return declared;
}

/** Elements a page is made of (custom elements and OCR debris such as `<表一>` are not). */
const PAGE_ELEMENTS = new Set([
  "html", "head", "body", "meta", "title", "link", "style", "script", "div", "p", "span", "font", "br",
  "table", "tbody", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "a", "b", "strong", "img",
]);

/**
 * Whether the bytes are HTML: a doctype or an `<html>` tag, or text that
 * opens with markup and has at least three elements of a page among its
 * first tags. Plain text that quotes a stray tag is not a page.
 */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  const text = prefixText(bytes, PRESCAN_BYTES).replace(/^[\s\ufeff]+/, "");
  if (!text.startsWith("<")) return false;
  const document = parse(text, { sourceCodeLocationInfo: true });
  if (document.childNodes.some((n) => n.nodeName === "#documentType")) return true;
  let written = 0;
  let explicitHtml = false;
  walk(document, (node) => {
    if (!isElement(node)) return true;
    // Elements the parser created without a tag in the text have no start tag location.
    if (!node.sourceCodeLocation?.startTag) return true;
    if (node.tagName === "html") explicitHtml = true;
    if (PAGE_ELEMENTS.has(node.tagName)) written++;
    return true;
  });
  return explicitHtml || written >= 3;
}
