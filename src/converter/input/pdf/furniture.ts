/**
 * Page furniture: what the page prints around the report rather than of it —
 * page numbers (- 3 -, 第3页, 3/5) and running headers or footers repeated on
 * most pages (an issuing office's name, a document number). Found in the top
 * and bottom margins only; the text stays in the document text (a reader sees
 * it there) but is not part of the body.
 */
import type { Line } from "./lines.ts";

export interface PageLines {
  height: number;
  lines: Line[];
  /** Lines inside a drawn table: a table's header repeated on every page is not a running header. */
  inTable: ReadonlySet<Line>;
}

/** Share of the page height at the top and at the bottom where furniture stands. */
const MARGIN = 0.1;

/** A page number with its decoration: - 3 -, —3—, 第3页, 第 3 页 共 5 页, 3/5, Page 3 of 5. */
const DECORATED_PAGE_NUMBER =
  /^[-—–－_·•\s]*(?:(?:第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?)|(?:\d{1,4}\s*[/／]\s*\d{1,4})|(?:page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)|(?:[-—–－]\s*\d{1,4}\s*[-—–－]))[-—–－_·•\s]*$/i;
const BARE_NUMBER = /^\s*(\d{1,4})\s*$/;

function inMargin(line: Line, height: number): "top" | "bottom" | null {
  if (line.bottom <= height * MARGIN) return "top";
  if (line.top >= height * (1 - MARGIN)) return "bottom";
  return null;
}

/** Text a running header keeps from page to page: page numbers and dates vary, so digits do not count. */
function runningKey(text: string): string {
  return text.replace(/\s+/g, "").replace(/\d+/g, "#");
}

/** The furniture lines of each page (indexes into its lines). */
export function findFurniture(pages: readonly PageLines[]): Set<number>[] {
  const found = pages.map(() => new Set<number>());
  // Margin lines: only the outermost few lines of a page can be furniture.
  const margins = pages.map((page) =>
    page.lines
      .map((line, index) => ({ line, index, band: inMargin(line, page.height) }))
      .filter((m) => m.band !== null && !page.inTable.has(m.line) && (m.index < 3 || m.index >= page.lines.length - 3)),
  );

  margins.forEach((lines, p) => {
    for (const { line, index } of lines) if (DECORATED_PAGE_NUMBER.test(line.text)) found[p]!.add(index);
  });

  // A bare number is a page number when the numbers of several pages run with the pages.
  const bare = margins.flatMap((lines, p) =>
    lines.flatMap(({ line, index, band }) => {
      const m = BARE_NUMBER.exec(line.text);
      return m ? [{ page: p, index, band, offset: Number(m[1]) - p }] : [];
    }),
  );
  const offsets = new Map<string, number>();
  for (const b of bare) offsets.set(`${b.band}:${b.offset}`, (offsets.get(`${b.band}:${b.offset}`) ?? 0) + 1);
  for (const b of bare) {
    if ((offsets.get(`${b.band}:${b.offset}`) ?? 0) >= Math.min(2, pages.length)) found[b.page]!.add(b.index);
  }

  // Running headers and footers: the same text in the same margin of most pages.
  if (pages.length >= 2) {
    const seen = new Map<string, Set<number>>();
    margins.forEach((lines, p) => {
      for (const { line, band } of lines) {
        const key = `${band}:${runningKey(line.text)}`;
        if (runningKey(line.text).length === 0 || line.text.length > 80) continue;
        const on = seen.get(key) ?? new Set<number>();
        on.add(p);
        seen.set(key, on);
      }
    });
    const needed = Math.max(2, Math.ceil(pages.length / 2));
    margins.forEach((lines, p) => {
      for (const { line, index, band } of lines) {
        if ((seen.get(`${band}:${runningKey(line.text)}`)?.size ?? 0) >= needed) found[p]!.add(index);
      }
    });
  }
  return found;
}
