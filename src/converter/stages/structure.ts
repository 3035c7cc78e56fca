/**
 * Stage 4: cleaned lines → Block[] (headings, paragraphs, lists, tables, the statistics table).
 *
 * Headings come from the report's own numbering, not from the OCR's Markdown:
 *   一、 → depth 2    （一）/(一) → depth 3    1. / 1、 → depth 4
 * and only where the line IS a heading: short, no sentence after the title,
 * and its number continues the sequence at its level (an embedded notice that
 * restarts at "一、组成人员" is not a section of the report). A Markdown marker
 * only promotes a short unnumbered line (e.g. "# 政府信息公开情况统计表").
 *
 * Paragraphs broken by page breaks are joined back: a paragraph that does not
 * end in sentence-final punctuation continues with the next paragraph, unless
 * that one opens a new numbered item or bold lead-in. A table (or one caption
 * line) that the page layout dropped into the middle of a sentence is moved
 * after the rejoined paragraph. Each join is logged as a page_break_join removal.
 */
import type { Removal } from "../../schema/report.ts";
import type { Block, TableFormat, TableRow } from "../types.ts";
import type { LineRange } from "./noise.ts";
import { htmlTableRows } from "./noise.ts";
import type { NormalizedLine } from "./normalize.ts";
import { cleanCell, splitRow } from "./table-rows.ts";

export interface StructureInput {
  lines: NormalizedLine[];
  statistics: LineRange | null;
  /** The report title's line; it is the page title, not repeated in the body. */
  titleLine: number | null;
}

export interface StructureResult {
  blocks: Block[];
  removals: Removal[];
}

type Depth = 2 | 3 | 4;
type ParagraphBlock = Extract<Block, { kind: "paragraph" }>;
type TableBlock = Extract<Block, { kind: "table" }>;

// ---------------------------------------------------------------- numbering

const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 … 九十九 */
export function chineseNumber(text: string): number | null {
  if (!/^[一二三四五六七八九十]{1,3}$/.test(text)) return null;
  const ten = text.indexOf("十");
  if (ten < 0) return text.length === 1 ? CHINESE_DIGITS[text]! : null;
  const tens = ten === 0 ? 1 : CHINESE_DIGITS[text.slice(0, ten)] ?? null;
  const units = ten === text.length - 1 ? 0 : CHINESE_DIGITS[text.slice(ten + 1)] ?? null;
  if (tens === null || units === null || text.length - ten > 2) return null;
  return tens * 10 + units;
}

export interface Numbering {
  depth: Depth;
  number: number;
  /** The text after the marker. */
  rest: string;
}

const LEVEL_2 = /^([一二三四五六七八九十]{1,3})、\s*/;
const LEVEL_3 = /^[（(]\s*([一二三四五六七八九十]{1,3})\s*[）)]\s*/;
const LEVEL_4 = /^(\d{1,2})\s*[.．、](?!\d)\s*/;

/** The report's own section number at the start of a line, if any. */
export function numberingOf(text: string): Numbering | null {
  for (const [depth, pattern] of [
    [2, LEVEL_2],
    [3, LEVEL_3],
  ] as const) {
    const m = pattern.exec(text);
    const number = m ? chineseNumber(m[1]!) : null;
    if (m && number !== null) return { depth, number, rest: text.slice(m[0].length) };
  }
  const m = LEVEL_4.exec(text);
  if (m) return { depth: 4, number: Number(m[1]), rest: text.slice(m[0].length) };
  return null;
}

// ---------------------------------------------------------------- punctuation

const CLOSERS = /[”’」』）)》〉】\]"']+$/;
const FINAL = /[。！？；：!?;:…]$/;
const SENTENCE_BREAK = /[。！？；!?;]/;
const ANY_PUNCT = /[，。、；：！？,.;:!?]/;
const MAX_HEADING_LENGTH = 40;
const MAX_STANDALONE_LENGTH = 30;
/** The title line of an embedded document ("关于…的通知"), however long. */
const DOCUMENT_TITLE = /^.{4,80}(?:通知|意见|办法|方案|决定|请示|批复|规定|细则|公告|通告|报告|统计表)$/;

/** Ends a sentence (closing quotes/brackets looked through: "…。”" ends, "…》" does not). */
export function endsSentence(text: string): boolean {
  return FINAL.test(text.trim().replace(CLOSERS, ""));
}

function balanced(text: string): boolean {
  const pairs = ["“”", "《》", "（）", "()", "〔〕", "【】", "「」", "[]"];
  return pairs.every(([open, close]) => text.split(open!).length === text.split(close!).length);
}

/**
 * A short line without any punctuation: a caption, letterhead, signature or date
 * (e.g. "平罗县举办政务公开工作培训班", "2018年1月22日"). It is a paragraph of its
 * own — never the middle of a sentence — so it is never joined.
 */
export function isStandalone(text: string): boolean {
  const t = text.trim();
  if (ANY_PUNCT.test(t) || !balanced(t)) return false;
  return t.length <= MAX_STANDALONE_LENGTH || DOCUMENT_TITLE.test(t);
}

// ---------------------------------------------------------------- lines → units

type Unit =
  | { kind: "text"; line: NormalizedLine }
  | { kind: "rows"; lines: NormalizedLine[] }
  | { kind: "list"; lines: NormalizedLine[] }
  | { kind: "statistics"; from: number; to: number };

const LIST_ITEM = /^[-*+•]\s+/;

function isRowLine(text: string): boolean {
  return splitRow(text) !== null || /<table/i.test(text);
}

function toUnits(input: StructureInput): Unit[] {
  const units: Unit[] = [];
  const { statistics } = input;
  for (const line of input.lines) {
    if (statistics && line.n >= statistics.from && line.n <= statistics.to) {
      const last = units[units.length - 1];
      if (last?.kind !== "statistics") units.push({ kind: "statistics", from: statistics.from, to: statistics.to });
      continue;
    }
    if (line.n === input.titleLine) continue;
    const last = units[units.length - 1];
    const adjacent = (group: NormalizedLine[]) => group[group.length - 1]!.n === line.n - 1;
    if (isRowLine(line.text) || (last?.kind === "rows" && adjacent(last.lines) && line.text.includes("\t"))) {
      // A line with tabs right under a table is its last row even with one cell ("价格收费(5)\t\t").
      if (last?.kind === "rows" && adjacent(last.lines)) last.lines.push(line);
      else units.push({ kind: "rows", lines: [line] });
      continue;
    }
    if (LIST_ITEM.test(line.text)) {
      if (last?.kind === "list" && adjacent(last.lines)) last.lines.push(line);
      else units.push({ kind: "list", lines: [line] });
      continue;
    }
    units.push({ kind: "text", line });
  }
  return units;
}

// ---------------------------------------------------------------- tables

const SCREENSHOT_HEADERS = ["索引号", "发布日期", "生成日期", "公开日期", "发文日期", "成文日期", "文号"];
const LISTING_HEADERS = ["标题", "名称", "发布单位", "责任部门", "发布机构", "公开内容"];
const DATE_CELL = /(?:\d{4}-\d{1,2}-\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日)$/;

/**
 * A list transcribed from a web page: index-number / date columns in the header,
 * or most rows ending in a date. Statistics-like tables (figures per row) are not.
 */
export function isScreenshotTable(rows: string[][]): boolean {
  const header = rows[0] ?? [];
  if (header.some((c) => SCREENSHOT_HEADERS.includes(c))) return true;
  if (header.filter((c) => LISTING_HEADERS.includes(c)).length >= 2) return true;
  const dated = rows.filter((r) => DATE_CELL.test(r.filter((c) => c !== "").pop() ?? "")).length;
  return rows.length >= 2 && dated * 2 > rows.length;
}

function rowsOf(lines: NormalizedLine[]): { rows: TableRow[]; format: TableFormat } {
  const rows: TableRow[] = [];
  let format: TableFormat | null = null;
  for (const line of lines) {
    if (/<table/i.test(line.text)) {
      for (const cells of htmlTableRows(line.text)) rows.push({ cells, line: line.n });
      format ??= "html";
      continue;
    }
    const split = splitRow(line.text);
    if (split) {
      format ??= split.format;
      if (split.cells.length > 0) rows.push({ cells: split.cells, line: line.n });
      continue;
    }
    const cells = line.text.split("\t").map(cleanCell);
    while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
    if (cells.length > 0) rows.push({ cells, line: line.n });
  }
  return { rows, format: format ?? "tsv" };
}

function nonEmpty(cells: string[]): string[] {
  return cells.filter((c) => c !== "");
}

/** Rows → an optional caption paragraph (a first row with one cell) and a table with rows padded to one width. */
function tableBlocks(lines: NormalizedLine[]): Block[] {
  const { rows, format } = rowsOf(lines);
  const out: Block[] = [];
  const screenshotHint = lines.some((l) => l.hints.screenshot);
  if (rows.length >= 2 && nonEmpty(rows[0]!.cells).length === 1) {
    const caption = rows.shift()!;
    out.push({ kind: "paragraph", text: nonEmpty(caption.cells)[0]!, lines: [caption.line] });
  }
  if (rows.length === 0) return out;
  if (rows.length === 1) {
    // One row is not a table: keep its words as a paragraph.
    out.push({ kind: "paragraph", text: nonEmpty(rows[0]!.cells).join(" "), lines: [rows[0]!.line] });
    return out;
  }
  const width = Math.max(...rows.map((r) => r.cells.length));
  const padded = rows.map((r) => ({ line: r.line, cells: [...r.cells, ...Array<string>(width - r.cells.length).fill("")] }));
  const screenshot = screenshotHint || isScreenshotTable(padded.map((r) => r.cells));
  out.push({ kind: "table", format, rows: padded, screenshot } satisfies TableBlock);
  return out;
}

// ---------------------------------------------------------------- headings

interface Counters {
  2: number;
  3: number;
  4: number;
}

/**
 * "开。严格按照…" / "权力规范运行。2018年…" — the next line starts with the tail of an
 * unfinished title plus a full stop, so the "heading" above is a paragraph cut by a page
 * break. An enumerated sentence ("一是推进决策公开。…") is a new item, not a tail.
 */
function startsWithBrokenTail(text: string): boolean {
  return /^[^，。、；：,;:\s]{1,6}。./.test(text) && !/^[一二三四五六七八九十]是/.test(text);
}

function headingFromMarkdown(line: NormalizedLine): Depth | null {
  const level = line.hints.markdownHeading;
  if (level === undefined) return null;
  const text = line.text.trim();
  if (text.length > MAX_HEADING_LENGTH || ANY_PUNCT.test(text)) return null;
  return Math.min(4, Math.max(2, level)) as Depth;
}

/** Depth if the line is a heading of the report, else null. */
function headingDepth(line: NormalizedLine, next: Unit | undefined, counters: Counters): Depth | null {
  const text = line.text.trim();
  const lead = line.hints.boldLead;
  if (lead !== undefined && lead !== text) return null; // bold lead-in followed by prose
  const numbering = numberingOf(text);
  if (!numbering) return headingFromMarkdown(line);
  const rest = numbering.rest.trim();
  if (rest.length === 0 || rest.length > MAX_HEADING_LENGTH) return null;
  if (SENTENCE_BREAK.test(rest.slice(0, -1))) return null; // a sentence follows the title
  if (numbering.number <= counters[numbering.depth]) return null; // restarts: an embedded document's numbering
  if (!endsSentence(rest) && next?.kind === "text" && startsWithBrokenTail(next.line.text.trim())) return null;
  return numbering.depth;
}

/**
 * Headings keep their number, written one way: OCR mixes half- and full-width
 * brackets and spaces ("(二) 健全…", "（二）健全…"), which would make the
 * table of contents ragged. A trailing full stop is dropped (typography, not content).
 */
export function headingText(text: string): string {
  return text
    .trim()
    .replace(/^[(（]\s*([一二三四五六七八九十]+)\s*[)）]\s*/, "（$1）")
    .replace(/^([一二三四五六七八九十]+)\s*、\s*/, "$1、")
    .replace(/^(\d+)\s*[.．、]\s*/, "$1.")
    .replace(/[。．.]$/, "");
}

// ---------------------------------------------------------------- joining

interface Draft {
  block: ParagraphBlock;
  standalone: boolean;
  /**
   * The last characters of the paragraph's text. Joining looks only at the end of
   * a paragraph; reading the end of a string built by thousands of joins would
   * flatten it each time (quadratic on a hostile file of unfinished lines).
   */
  tail: string;
}

/** Enough of a paragraph's end for endsSentence (closers + final mark) and overlapAt (≤ 10 characters). */
const TAIL_LENGTH = 64;

function tailOf(text: string): string {
  return text.slice(-TAIL_LENGTH);
}

function opensNewItem(line: NormalizedLine): boolean {
  const text = line.text.trim();
  return line.hints.boldLead !== undefined || numberingOf(text) !== null || LIST_ITEM.test(text);
}

const HAN_RUN = /^[\u3400-\u9fff]+$/;

/** Characters the OCR read twice across the break ("在平罗县" / "罗县政府信息网…"); 2–10 Han characters. */
function overlapAt(before: string, after: string): number {
  for (let k = Math.min(10, before.length, after.length); k >= 2; k--) {
    const head = after.slice(0, k);
    if (HAN_RUN.test(head) && before.endsWith(head)) return k;
  }
  return 0;
}

/** What goes between two joined parts: a space only where two Latin words would otherwise fuse. */
function seam(beforeTail: string, after: string): string {
  return /[A-Za-z0-9]$/.test(beforeTail) && /^[A-Za-z]/.test(after) ? " " : "";
}

export function buildBlocks(input: StructureInput): StructureResult {
  const units = toUnits(input);
  const blocks: Block[] = [];
  const drafts = new Map<ParagraphBlock, Draft>();
  const removals: Removal[] = [];
  const counters: Counters = { 2: 0, 3: 0, 4: 0 };

  /** The paragraph an unfinished sentence can continue into, looking past floated tables and one caption. */
  const joinTarget = (): ParagraphBlock | null => {
    let captions = 0;
    for (let i = blocks.length - 1; i >= 0; i--) {
      const block = blocks[i]!;
      if (block.kind === "table") continue;
      if (block.kind !== "paragraph") return null;
      const draft = drafts.get(block)!;
      if (draft.standalone && captions === 0 && i > 0) {
        captions++;
        continue;
      }
      return !draft.standalone && !endsSentence(draft.tail) ? block : null;
    }
    return null;
  };

  const addParagraph = (line: NormalizedLine) => {
    const text = line.text.trim();
    const standalone = isStandalone(text);
    const target = !standalone && !opensNewItem(line) ? joinTarget() : null;
    if (target) {
      const draft = drafts.get(target)!;
      const k = overlapAt(draft.tail, text);
      const rest = text.slice(k);
      if (k > 0) removals.push({ kind: "repeated_passage", from: line.n, to: line.n, excerpt: text.slice(0, k) });
      removals.push({
        kind: "page_break_join",
        from: target.lines[target.lines.length - 1]!,
        to: line.n,
        excerpt: `…${draft.tail.slice(-12)} / ${rest.slice(0, 12)}…`,
      });
      const space = seam(draft.tail, rest);
      target.text = `${target.text}${space}${rest}`;
      draft.tail = tailOf(`${draft.tail}${space}${rest}`);
      target.lines.push(line.n);
      return;
    }
    const block: ParagraphBlock = { kind: "paragraph", text, lines: [line.n] };
    if (line.hints.boldLead !== undefined && text.startsWith(line.hints.boldLead)) block.lead = line.hints.boldLead;
    blocks.push(block);
    drafts.set(block, { block, standalone, tail: tailOf(text) });
  };

  units.forEach((unit, i) => {
    switch (unit.kind) {
      case "statistics":
        blocks.push({ kind: "statistics", from: unit.from, to: unit.to });
        return;
      case "list":
        blocks.push({ kind: "list", items: unit.lines.map((l) => ({ text: l.text.replace(LIST_ITEM, "").trim(), line: l.n })) });
        return;
      case "rows":
        for (const block of tableBlocks(unit.lines)) {
          blocks.push(block);
          if (block.kind === "paragraph") drafts.set(block, { block, standalone: true, tail: tailOf(block.text) });
        }
        return;
      case "text": {
        const depth = headingDepth(unit.line, units[i + 1], counters);
        if (depth === null) {
          addParagraph(unit.line);
          return;
        }
        const numbering = numberingOf(unit.line.text.trim());
        if (numbering) counters[depth] = numbering.number;
        for (const deeper of [3, 4] as const) if (deeper > depth) counters[deeper] = 0;
        blocks.push({ kind: "heading", depth, text: headingText(unit.line.text), line: unit.line.n });
        return;
      }
    }
  });
  return { blocks, removals };
}
