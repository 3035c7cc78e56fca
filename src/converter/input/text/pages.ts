/**
 * Page furniture of text that was laid out on pages: the page numbers printed
 * in the footer ("-1-", "— 2 —", "第 3 页 共 5 页") and the form feeds
 * pdftotext writes between pages. They are dropped and logged as
 * `page_furniture`; the lines where a page ended are kept so that a table or a
 * paragraph the page break cut in two can be put back together.
 */
import type { Removal } from "../../../schema/report.ts";
import { removal } from "./noise.ts";
import { rewrite, type PhysicalLine } from "./source-edit.ts";

const PAGE_NUMBERS = [
  // -1-, - 12 -, — 1 —, －3－
  /^[-—–－~]{1,2}\s*\d{1,4}\s*[-—–－~]{1,2}$/,
  // 第 1 页, 第1页 共5页, 第 1 页/共 5 页
  /^第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?$/,
];

/** A line that is nothing but a page number. */
export function isPageNumber(text: string): boolean {
  const plain = text.replace(/[\s\u3000\f]+/g, " ").trim();
  return PAGE_NUMBERS.some((p) => p.test(plain));
}

export interface PageFurnitureResult {
  /** Every line but the page numbers, form feeds taken out. */
  lines: PhysicalLine[];
  removals: Removal[];
  /** Line numbers where a page ends (its page number, or the line holding the form feed). */
  pageBreaks: Set<number>;
}

export function removePageFurniture(lines: readonly PhysicalLine[]): PageFurnitureResult {
  const kept: PhysicalLine[] = [];
  const removals: Removal[] = [];
  const pageBreaks = new Set<number>();
  /** The page number waiting for the form feed that follows it (blank lines between). */
  let footer: { n: number; text: string } | null = null;

  for (const line of lines) {
    const text = line.text.text;
    if (isPageNumber(text)) {
      if (footer) removals.push(removal("page_furniture", footer.n, footer.n, footer.text));
      footer = { n: line.n, text: text.trim() };
      pageBreaks.add(line.n);
      if (text.includes("\f")) {
        removals.push(removal("page_furniture", line.n, line.n, footer.text));
        footer = null;
      }
      continue;
    }
    if (text.includes("\f")) {
      pageBreaks.add(line.n);
      if (footer) removals.push(removal("page_furniture", footer.n, line.n, footer.text));
      else removals.push(removal("page_furniture", line.n, line.n, "form feed"));
      footer = null;
      kept.push({ n: line.n, text: rewrite(line.text, /\f+/g, () => []) });
      continue;
    }
    if (footer && text.trim() !== "") {
      removals.push(removal("page_furniture", footer.n, footer.n, footer.text));
      footer = null;
    }
    kept.push(line);
  }
  if (footer) removals.push(removal("page_furniture", footer.n, footer.n, footer.text));
  return { lines: kept, removals, pageBreaks };
}
