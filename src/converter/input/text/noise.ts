/**
 * Remove what is not the report from line-based text, and log every removal.
 *
 * OCR of a report printed from a government portal drags the portal along:
 * the header with weather, tabbed navigation menus, "更多>>" news columns,
 * breadcrumbs, raw HTML from the OCR's layout engine, the same screenshot
 * table rendered twice (once as HTML, once as tab rows), and passages the OCR
 * read twice at a page break. Each detector below is general — it looks at the
 * shape of a line, never at a particular file — and each removal is logged as
 * a Removal so nothing disappears silently.
 *
 * Table rows are never stripped: markup inside a cell is formatting, which
 * cleanCell drops, and the statistics readers need every row as it stands.
 */
import { concat, slice, sourceText } from "../../document/source-text.ts";
import type { SourceText } from "../../document/types.ts";
import type { Removal, RemovalKind } from "../../../schema/report.ts";
import type { NormalizedLine } from "./normalize.ts";
import { rewrite, trimWith } from "./source-edit.ts";
import { cleanCell, elementContents, hasTableTag, splitRow } from "./table-rows.ts";

export interface NoiseOptions {
  /** Portal furniture: headers, menus, "更多>>" columns, breadcrumbs, HTML fragments, twin tables. */
  webScraps: boolean;
  /** Tabbed navigation menus; off for a page layout, whose table headers are rows of short words too. */
  menus: boolean;
  /** Passages read twice across a page break (OCR). */
  repeats: boolean;
}

export interface NoiseResult {
  /** Content lines that remain, in order, blank lines dropped; `n` unchanged. */
  lines: NormalizedLine[];
  removals: Removal[];
}

const EXCERPT_LENGTH = 40;

export function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH)}…` : flat;
}

export function removal(kind: RemovalKind, from: number, to: number, text: string): Removal {
  return { kind, from, to, excerpt: excerpt(text) };
}

const HTML_TAG =
  /<\/?(?:p|div|span|table|tbody|thead|tfoot|tr|td|th|br|hr|b|strong|i|em|u|font|img|ul|ol|li|a|h[1-6]|center|sup|sub|caption|col|colgroup)(?:\s[^<>]*)?\/?>/gi;

/** "更多>>" links of portal news columns. */
const MORE_LINK = /更多\s*(?:>>|》》|»|＞＞|&gt;&gt;)/;
/** Portal header furniture. */
const SITE_CHROME = /网站首页|设为首页|加入收藏|无障碍浏览|繁體版|繁体版|English版|用户登录/;
const WEATHER = /(?:晴|阴|多云|小雨|中雨|大雨|阵雨|雷阵雨|雨夹雪|小雪|中雪|大雪)\s*-?\d+\s*(?:°C|℃)/;
/** "当前位置：首页>政务公开>…" */
const BREADCRUMB = /^当前位置\s*[:：]\s*(?:首页|网站首页)?\s*(?:[>＞»›].*)?$/;
const SENTENCE_PUNCT = /[，。；：、！？,;:!?]/;

const NBSP_ENTITY = /&nbsp;/g;
const SPACE_RUN = / {2,}/g;

export function hasHtmlTags(text: string): boolean {
  if (!text.includes("<")) return false;
  HTML_TAG.lastIndex = 0;
  return HTML_TAG.test(text);
}

/** Tags replaced by a space, &nbsp; too, spaces folded, trimmed. */
export function stripHtmlTagsOf(text: SourceText): SourceText {
  let out = rewrite(text, HTML_TAG, () => [" "]);
  out = rewrite(out, NBSP_ENTITY, () => [" "]);
  out = rewrite(out, SPACE_RUN, (m) => [{ from: m.index, to: m.index + 1 }]);
  return trimWith(out, "\\s");
}

export function stripHtmlTags(text: string): string {
  return stripHtmlTagsOf(sourceText(text, 0)).text;
}

export interface HtmlRow {
  cells: SourceText[];
  /** Per cell: a <th>. */
  headers: boolean[];
}

/** Rows of every <table> in a line, as cleaned cells. */
export function htmlTableRows(text: SourceText): HtmlRow[] {
  const rows: HtmlRow[] = [];
  for (const table of elementContents(text, "table")) {
    for (const tr of elementContents(table.content, "tr")) {
      const cells = elementContents(tr.content, "t[dh]");
      const row: HtmlRow = {
        cells: cells.map((cell) => cleanCell(stripHtmlTagsOf(cell.content))),
        headers: cells.map((cell) => /^<th/i.test(cell.open)),
      };
      if (row.cells.some((c) => c.text !== "")) rows.push(row);
    }
  }
  return rows;
}

const MIN_MENU_CELLS = 8;

/** How many times `separator` (one character) occurs in `text`, counted up to MIN_MENU_CELLS. */
function separators(text: string, separator: string): number {
  let count = 0;
  for (let at = text.indexOf(separator); at >= 0 && count < MIN_MENU_CELLS; at = text.indexOf(separator, at + 1)) count++;
  return count;
}

/** A tabbed portal menu: many short cells of plain words (no figures, no sentence punctuation). */
export function isNavigationMenu(text: string): boolean {
  // Eight cells need seven separators: most lines have fewer, and are not split at all.
  if (separators(text, text.includes("\t") ? "\t" : " ") < MIN_MENU_CELLS - 1) return false;
  if (text.trimStart().startsWith("|")) return false;
  const cells = text.includes("\t")
    ? text.split("\t").map((c) => c.trim()).filter((c) => c !== "")
    : text.trim().split(/ +/);
  if (cells.length < MIN_MENU_CELLS) return false;
  const words = cells.flatMap((c) => c.split(/ +/));
  return words.every((w) => w.length <= 8 && !/\d/.test(w) && !SENTENCE_PUNCT.test(w));
}

/**
 * Web-page furniture that is a whole line: header/weather, "更多>>" columns, breadcrumbs.
 * Header words also occur in prose ("在政府门户网站首页建立了微博群。"), so they only count
 * on a line that is not a sentence (no comma, full stop or semicolon).
 */
function isPortalLine(text: string): boolean {
  const plain = text.trim();
  const sentence = /[，。；,;]/.test(plain);
  return MORE_LINK.test(plain) || (!sentence && (SITE_CHROME.test(plain) || WEATHER.test(plain))) || BREADCRUMB.test(plain);
}

/** Web-page furniture that is a whole line, menus included. */
export function isWebScrap(text: string): boolean {
  return isPortalLine(text) || isNavigationMenu(text);
}

const FINAL_PUNCT = /[。！？；：!?;:…]$/;

function rowKey(cells: string[]): string {
  return cells.filter((c) => c !== "").join("\u0001");
}

/** A line that the block builder will read as a table row. */
export function isTableLine(text: SourceText): boolean {
  return splitRow(text) !== null || hasTableTag(text.text);
}

/**
 * An HTML <table> whose rows also appear as tab/pipe rows nearby is the same
 * screenshot rendered twice; the tab rows are kept (they are plain text) and
 * marked as coming from a web page.
 */
function findTableTwin(lines: NormalizedLine[], index: number, rows: HtmlRow[]): number[] | null {
  if (rows.length < 2) return null;
  const wanted = new Set(rows.map((r) => rowKey(r.cells.map((c) => c.text))));
  const twins: number[] = [];
  const window = rows.length * 3 + 10;
  for (let j = Math.max(0, index - window); j < Math.min(lines.length, index + window); j++) {
    if (j === index) continue;
    const text = lines[j]!.text;
    // The twin must be plain rows that survive cleaning, not another scrap.
    if (hasHtmlTags(text.text) || MORE_LINK.test(text.text)) continue;
    const row = splitRow(text);
    if (row && row.format !== "html" && wanted.has(rowKey(row.cells.map((c) => c.text)))) twins.push(j);
  }
  return twins.length * 2 >= rows.length ? twins : null;
}

/** A table row with a figure in it within three content lines of `index`: a menu-like line there is the table's header. */
function nearFigureRow(lines: NormalizedLine[], index: number): boolean {
  let seen = 0;
  for (const step of [-1, 1]) {
    seen = 0;
    for (let j = index + step; j >= 0 && j < lines.length && seen < 3; j += step) {
      const text = lines[j]!.text;
      if (text.text.trim() === "") continue;
      seen++;
      const row = splitRow(text);
      if (row && row.cells.some((c) => /\d/.test(c.text))) return true;
    }
  }
  return false;
}

/** Pass 1: blank runs, HTML, web scraps, duplicate tables. */
function removeScraps(lines: NormalizedLine[], options: NoiseOptions): NoiseResult {
  const kept: NormalizedLine[] = [];
  const removals: Removal[] = [];
  const work = lines.map((l) => ({ ...l, hints: { ...l.hints } }));
  let blankRun: NormalizedLine[] = [];

  const flushBlanks = () => {
    if (blankRun.length >= 2) {
      removals.push(removal("blank_lines", blankRun[0]!.n, blankRun[blankRun.length - 1]!.n, `${blankRun.length} blank lines`));
    }
    blankRun = [];
  };

  for (let i = 0; i < work.length; i++) {
    const line = work[i]!;
    const text = line.text.text;
    if (text.trim() === "") {
      blankRun.push(line);
      continue;
    }
    flushBlanks();

    if (options.webScraps && hasTableTag(text)) {
      const rows = htmlTableRows(line.text);
      const twins = findTableTwin(work, i, rows);
      if (twins) {
        for (const j of twins) work[j]!.hints.screenshot = true;
        removals.push(removal("duplicate_table", line.n, line.n, stripHtmlTags(text)));
        continue;
      }
      if (MORE_LINK.test(text) || rows.length === 0) {
        removals.push(removal("html_fragment", line.n, line.n, stripHtmlTags(text)));
        continue;
      }
      kept.push(line);
      continue;
    }

    if (hasHtmlTags(text)) {
      const row = splitRow(line.text);
      if (row?.format === "html") {
        kept.push(line);
        continue;
      }
      // Portal columns the OCR's layout engine wrote as <p> blocks, side by side in tab "cells".
      if (options.webScraps && (MORE_LINK.test(text) || /data-bbox/i.test(text))) {
        removals.push(removal("html_fragment", line.n, line.n, stripHtmlTags(text)));
        continue;
      }
      // A row, or a line with tabs (a one-cell row such as "<b>一、主动公开情况</b>\t\t"): its tags are cell formatting.
      if (row || text.includes("\t")) {
        kept.push(line);
        continue;
      }
      const stripped = stripHtmlTagsOf(line.text);
      removals.push(removal("markup", line.n, line.n, (text.match(HTML_TAG) ?? []).slice(0, 3).join(" ")));
      if (stripped.text !== "") kept.push({ ...line, text: stripped });
      continue;
    }

    if (options.webScraps) {
      const menu = options.menus && isNavigationMenu(text) && !nearFigureRow(work, i);
      if (menu || isPortalLine(text)) {
        removals.push(removal("web_scrap", line.n, line.n, text));
        continue;
      }
      // A breadcrumb captured as one cell of a web-page list: blank the cell, keep the row.
      if (text.includes("\t")) {
        const cells = text.split("\t");
        const crumb = cells.findIndex((c) => BREADCRUMB.test(c.trim()));
        if (crumb >= 0) {
          removals.push(removal("web_scrap", line.n, line.n, cells[crumb]!));
          const start = cells.slice(0, crumb).reduce((n, c) => n + c.length + 1, 0);
          const end = start + cells[crumb]!.length;
          kept.push({ ...line, text: concat([slice(line.text, 0, start), slice(line.text, end)]) });
          continue;
        }
      }
    }
    kept.push(line);
  }
  flushBlanks();
  return { lines: kept, removals };
}

/**
 * Pass 2: a line that repeats the tail of the line before it is the OCR reading
 * the same words twice across a page break. A long repeat is always one; a
 * short one only counts where the previous line stops mid-sentence (e.g. "编" / "编").
 */
function removeRepeatedPassages(lines: NormalizedLine[]): NoiseResult {
  const kept: NormalizedLine[] = [];
  const removals: Removal[] = [];
  let previous: NormalizedLine | null = null;
  for (const line of lines) {
    if (isTableLine(line.text)) {
      kept.push(line);
      previous = null;
      continue;
    }
    const text = line.text.text.trim();
    if (previous && /[\p{L}\p{N}]/u.test(text)) {
      const before = previous.text.text.trim();
      const long = text.length >= 8;
      const isTail = before.endsWith(text) && (before.length > text.length || long);
      if (isTail && (long || !FINAL_PUNCT.test(before))) {
        removals.push(removal("repeated_passage", line.n, line.n, text));
        continue;
      }
    }
    kept.push(line);
    previous = line;
  }
  return { lines: kept, removals };
}

export function removeNoise(lines: NormalizedLine[], options: NoiseOptions): NoiseResult {
  const scraps = removeScraps(lines, options);
  if (!options.repeats) return scraps;
  const repeats = removeRepeatedPassages(scraps.lines);
  const removals = [...scraps.removals, ...repeats.removals].sort((a, b) => a.from - b.from || a.to - b.to);
  return { lines: repeats.lines, removals };
}
