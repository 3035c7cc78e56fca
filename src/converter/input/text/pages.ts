/**
 * Page furniture of text that was laid out on pages: the page numbers printed
 * in the footer ("-1-", "— 2 —", "第 3 页 共 5 页") and the form feeds
 * pdftotext writes between pages. They are dropped, with the blank lines
 * around them, and logged as `page_furniture`; the lines where a page ended
 * are kept so that a table or a paragraph the break cut in two can be put
 * back together.
 */
import { isWhiteSpace } from "../../document/source-text.ts";
import type { Removal } from "../../../schema/report.ts";
import { removal } from "./noise.ts";
import { rewrite, type PhysicalLine } from "./source-edit.ts";

const PAGE_NUMBERS = [
  // -1-, - 12 -, — 1 —, －3－
  /^[-—–－~]{1,2}\s*\d{1,4}\s*[-—–－~]{1,2}$/,
  // 第 1 页, 第1页 共5页, 第 1 页/共 5 页
  /^第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?$/,
];

/** Most characters other than white space a page number line has (第 1234 页，共 1234 页). */
const MAX_PAGE_NUMBER_CHARS = 13;

/** A line that is nothing but a page number. */
export function isPageNumber(text: string): boolean {
  // Most lines are longer than any page number: counted before anything is copied.
  let visible = 0;
  for (let i = 0; i < text.length && visible <= MAX_PAGE_NUMBER_CHARS; i++) if (!isWhiteSpace(text.charCodeAt(i))) visible++;
  if (visible > MAX_PAGE_NUMBER_CHARS) return false;
  const plain = text.replace(/[\s\u3000\f]+/g, " ").trim();
  return PAGE_NUMBERS.some((p) => p.test(plain));
}

export interface PageFurnitureResult {
  /** Every line but the page numbers and the blank lines around them, form feeds taken out. */
  lines: PhysicalLine[];
  removals: Removal[];
  /** Line numbers where a page ends (its page number, or the line holding the form feed). */
  pageBreaks: Set<number>;
}

const isBlank = (line: PhysicalLine) => line.text.text.replace(/\f/g, "").trim() === "";

export function removePageFurniture(lines: readonly PhysicalLine[]): PageFurnitureResult {
  const kept: PhysicalLine[] = [];
  const removals: Removal[] = [];
  const pageBreaks = new Set<number>();
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const pageNumber = isPageNumber(line.text.text);
    if (!pageNumber && !line.text.text.includes("\f")) {
      kept.push(line);
      i++;
      continue;
    }
    // The page break: blank lines before it, the page number, blank lines and the form feed after it.
    let first = line.n;
    while (kept.length > 0 && isBlank(kept[kept.length - 1]!)) first = kept.pop()!.n;
    let last = line.n;
    let hasFormFeed = line.text.text.includes("\f");
    let j = i + 1;
    if (pageNumber && !hasFormFeed) {
      while (j < lines.length && isBlank(lines[j]!) && !lines[j]!.text.text.includes("\f")) last = lines[j++]!.n;
      if (j < lines.length && lines[j]!.text.text.includes("\f") && !isPageNumber(lines[j]!.text.text)) {
        hasFormFeed = true;
        last = lines[j]!.n;
        const rest = rewrite(lines[j]!.text, /\f+/g, () => []);
        if (rest.text.trim() !== "") kept.push({ n: lines[j]!.n, text: rest });
        j++;
      }
    } else if (!pageNumber) {
      const rest = rewrite(line.text, /\f+/g, () => []);
      if (rest.text.trim() !== "") kept.push({ n: line.n, text: rest });
    }
    pageBreaks.add(line.n);
    removals.push(removal("page_furniture", first, last, pageNumber ? line.text.text.trim() : "form feed"));
    i = j;
  }
  return { lines: kept, removals, pageBreaks };
}
