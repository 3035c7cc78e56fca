/**
 * Structure: the adapter's blocks → the body the report page shows (headings,
 * paragraphs, lists, tables, and where each statistics table stood). It runs
 * after the statistics tables have been read and knows nothing of the form the
 * report came in; every text keeps its source offsets.
 *
 * Headings come from the report's own numbering, not from the source's markup:
 *   一、 → depth 2    （一）/(一) → depth 3    1. / 1、 → depth 4
 * and only where the block IS a heading: short, no sentence after the title,
 * and its number continues the sequence at its level (an embedded notice that
 * restarts at "一、组成人员" is not a section of the report). A heading level
 * the source marked up (Markdown #, HTML <h2>) only promotes a short
 * unnumbered block (e.g. "# 政府信息公开情况统计表").
 *
 * A paragraph that holds several numbered sections — crawler text that lost
 * its line breaks: "…现予发布。一、 概述2016年，在省…（一）组织机构方面…" — is
 * split at its section markers: a marker after a sentence end or a space,
 * whose number continues the sequence, starts a new paragraph; it is a heading
 * where its title can be told from the text after it (a title of the report's
 * outline, or a title followed by a space or by the year that opens the
 * section's first sentence).
 *
 * Paragraphs broken by page breaks are joined back: a `wrapped` paragraph that
 * does not end in sentence-final punctuation continues with the next one,
 * unless that one opens a new numbered item or bold lead-in. A table (or one
 * caption line) that the page layout dropped into the middle of a sentence is
 * moved after the rejoined paragraph. A join across lines apart (blank lines, a
 * page number or a table between) is logged as a page_break_join removal,
 * characters read twice across the break as repeated_passage.
 */
import type { Removal } from "../../schema/report.ts";
import { EMPTY_TEXT, lineIndexOf, slice, trim } from "../document/source-text.ts";
import type { Block, BlockHints, SourceDocument, SourceText, TableBlock } from "../document/types.ts";
import { rewrite, TextBuilder } from "../input/text/source-edit.ts";

export type Depth = 2 | 3 | 4;

export type BodyBlock =
  | { kind: "heading"; depth: Depth; text: SourceText }
  /** `lead`: a bold lead-in the source set in bold (e.g. "（一）完善工作机制。"); `text` starts with it. */
  | { kind: "paragraph"; text: SourceText; lead?: string }
  | { kind: "list"; items: SourceText[] }
  /** Rows padded to one width; `screenshot`: a list captured from a screenshot of a web page (索引号 / 发布日期 …). */
  | { kind: "table"; rows: SourceText[][]; screenshot: boolean }
  /** Where a statistics table stood; the page renders it from the report's data. */
  | { kind: "statistics"; table: string | null };

export interface StructureInput {
  document: SourceDocument;
  /** Document ranges the statistics stage read as statistics tables (whole blocks, or stretches inside a one-line crawler body): replaced by one `statistics` block each, where they began. */
  statistics: readonly { start: number; end: number; table: string | null }[];
  /** The report title's range: the page shows it as the page title, not again in the body. */
  title: { start: number; end: number } | null;
  /** Section titles of the report's format (catalog `outline`), to find headings in a body that lost its line breaks. */
  outline: readonly string[];
}

export interface StructureHeading {
  depth: Depth;
  text: string;
  /** Document offset of the heading's first character. */
  offset: number;
}

export interface StructureResult {
  blocks: BodyBlock[];
  headings: StructureHeading[];
  removals: Removal[];
}

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

const LEVEL_2 = /^([一二三四五六七八九十]{1,3})\s*、\s*/;
const LEVEL_3 = /^[（(]\s*([一二三四五六七八九十]{1,3})\s*[）)]\s*/;
const LEVEL_4 = /^(\d{1,2})\s*[.．、](?!\d)\s*/;

/** The report's own section number at the start of a text, if any. */
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

/** Rows of a table block: a spanned cell's text at its origin, empty where it only extends. */
function rowsOfTable(table: TableBlock): SourceText[][] {
  return table.grid.map((row, r) =>
    row.map((position, c) => (position.origin.row === r && position.origin.column === c ? position.cell.text : EMPTY_TEXT)),
  );
}

function nonEmpty(cells: SourceText[]): SourceText[] {
  return cells.filter((c) => c.text !== "");
}

// ---------------------------------------------------------------- units: blocks with title and statistics cut out

type Unit =
  | { kind: "text"; text: SourceText; hints: BlockHints }
  | { kind: "list"; items: SourceText[] }
  | { kind: "table"; rows: SourceText[][]; hints: BlockHints }
  /** Text inside statistics range `range` (null for rows and items): replaced by the range's statistics block. */
  | { kind: "statistics"; range: number; table: string | null; text: SourceText | null };

interface Range {
  start: number;
  end: number;
}

/**
 * A section number at the end of a text, after a boundary, alone or with the
 * start of its title ("…。 二、", "…。 七、平潭综合实验区"): a statistics range
 * that begins right after it took the rest of the title.
 */
const TRAILING_MARKER = /(?:^|[\s。；！？;!?])((?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])(?:\s*|[^\s，。；：！？,;:!?]{1,20}))$/;

class Cutter {
  constructor(
    private readonly statistics: readonly (Range & { table: string | null })[],
    private readonly title: Range | null,
    /** Outline titles, as outlineTitles gives them. */
    private readonly outline: readonly string[],
  ) {}

  /** Index of the statistics range holding `offset`, or -1. */
  statisticsAt(offset: number): number {
    for (let i = 0; i < this.statistics.length; i++) {
      const r = this.statistics[i]!;
      if (offset >= r.start && offset < r.end) return i;
    }
    return -1;
  }

  inTitle(offset: number): boolean {
    return this.title !== null && offset >= this.title.start && offset < this.title.end;
  }

  /** What stands inside statistics range i. */
  inside(i: number, text: SourceText | null): Unit {
    return { kind: "statistics", range: i, table: this.statistics[i]!.table, text };
  }

  /** Whether any of the offsets may lie in the title or a statistics range (most texts lie wholly outside them). */
  private touches(offsets: Int32Array): boolean {
    let low = Infinity;
    let high = -Infinity;
    for (const offset of offsets) {
      if (offset < low) low = offset;
      if (offset > high) high = offset;
    }
    const overlaps = (range: Range) => range.start <= high && low < range.end;
    return (this.title !== null && overlaps(this.title)) || this.statistics.some(overlaps);
  }

  /** What holds the character at `offset`: the title, a statistics range (its index), or nothing (-1). */
  private holder(offset: number): number | "title" {
    return this.inTitle(offset) ? "title" : this.statisticsAt(offset);
  }

  /** A text cut at the title and the statistics ranges: the pieces outside them, and what stands inside each range. */
  cutText(text: SourceText, hints: BlockHints): Unit[] {
    // Stretches of one holder: [from, to, holder].
    const stretches: [number, number, number | "title"][] = [];
    if (text.text.length > 0 && !this.touches(text.offsets)) stretches.push([0, text.text.length, -1]);
    else {
      let from = 0;
      let holder: number | "title" = text.text.length > 0 ? this.holder(text.offsets[0]!) : -1;
      for (let i = 1; i <= text.text.length; i++) {
        const next = i < text.text.length ? this.holder(text.offsets[i]!) : null;
        if (next === holder) continue;
        stretches.push([from, i, holder]);
        if (next !== null) [holder, from] = [next, i];
      }
    }
    // A section's number left just before the range that took its title ("…。 二、" | "主动公开政府信息情况第二十条…") goes with the title.
    for (let k = 0; k + 1 < stretches.length; k++) {
      const [a, b, outside] = stretches[k]!;
      const inside = stretches[k + 1]![2];
      if (outside !== -1 || inside === -1 || inside === "title") continue;
      const bare = TRAILING_MARKER.exec(text.text.slice(a, b));
      if (!bare) continue;
      const at = a + bare.index + bare[0].length - bare[1]!.length;
      // Only where number and range make a title of the outline: nothing else is given to the range.
      const window = text.text.slice(at, at + 12);
      const numbering = numberingOf(window);
      const after = text.text.slice(at + window.length - (numbering?.rest.length ?? 0), at + 2 * MAX_HEADING_LENGTH);
      if (numbering && (outlinePrefix(after, this.outline) > 0 || outlineSuffix(after, this.outline) > 0)) {
        stretches[k]![1] = at;
        stretches[k + 1]![0] = at;
      }
    }
    const units: Unit[] = [];
    for (const [a, b, owner] of stretches) {
      if (owner === "title") continue;
      const piece = trim(slice(text, a, b));
      if (owner !== -1) units.push(this.inside(owner, piece));
      // Only the first piece keeps the block's own hints (a heading level, a bold lead-in at its start).
      // A piece of nothing but invisible characters (the U+202E left of a title line whose title was cut out) is no block.
      else if (VISIBLE.test(piece.text)) units.push({ kind: "text", text: piece, hints: a === 0 ? hints : withoutLeadHints(hints) });
    }
    return units;
  }

  /** Items or rows whose first character lies in a range are cut out, a statistics unit in their place. */
  cutSequence<T>(items: T[], first: (item: T) => number | null, rebuild: (items: T[]) => Unit): Unit[] {
    const units: Unit[] = [];
    let run: T[] = [];
    const flush = () => {
      if (run.length > 0) units.push(rebuild(run));
      run = [];
    };
    for (const item of items) {
      const offset = first(item);
      const range = offset === null ? -1 : this.statisticsAt(offset);
      if (offset !== null && this.inTitle(offset)) continue;
      if (range >= 0) {
        flush();
        const last = units[units.length - 1];
        if (last?.kind !== "statistics" || last.range !== range) units.push(this.inside(range, null));
        continue;
      }
      run.push(item);
    }
    flush();
    return units;
  }
}

/** A character that shows: neither white space nor a format character (bidi controls, zero-width spaces). */
const VISIBLE = /[^\s\p{Cf}]/u;

/** Hints of a block without those that describe its start (for a piece cut from its middle). */
function withoutLeadHints(hints: BlockHints): BlockHints {
  const { headingLevel: _level, boldLead: _lead, ...rest } = hints;
  return rest;
}

function firstOffset(cells: SourceText[]): number | null {
  const cell = cells.find((c) => c.text !== "");
  return cell ? cell.offsets[0]! : null;
}

function toUnits(blocks: readonly Block[], cutter: Cutter): Unit[] {
  const units: Unit[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case "heading":
      case "paragraph":
        for (const unit of cutter.cutText(block.text, block.hints)) units.push(unit);
        break;
      case "list":
        units.push(
          ...cutter.cutSequence(
            block.items,
            (item) => (item.text !== "" ? item.offsets[0]! : null),
            (items) => ({ kind: "list", items }),
          ),
        );
        break;
      case "table":
        units.push(
          ...cutter.cutSequence(rowsOfTable(block), firstOffset, (rows) => ({ kind: "table", rows, hints: block.hints })),
        );
        break;
    }
  }
  return units;
}

/** The body often repeats the title the page already shows (a crawler's page text opens with it): that copy is dropped. */
function dropTitleCopy(units: Unit[], document: SourceDocument, title: Range | null): Unit[] {
  if (!title) return units;
  const wanted = document.text.slice(title.start, title.end).replace(/\s+/g, "");
  const index = units.findIndex((u) => u.kind !== "statistics");
  const unit = units[index];
  if (wanted === "" || unit?.kind !== "text") return units;
  let matched = 0;
  let i = 0;
  for (; i < unit.text.text.length && matched < wanted.length; i++) {
    const c = unit.text.text[i]!;
    if (/\s/.test(c)) continue;
    if (c !== wanted[matched]) return units;
    matched++;
  }
  if (matched < wanted.length) return units;
  const rest = trim(slice(unit.text, i));
  const out = [...units];
  if (rest.text === "") out.splice(index, 1);
  else out[index] = { kind: "text", text: rest, hints: withoutLeadHints(unit.hints) };
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

function headingFromMarkup(text: string, hints: BlockHints): Depth | null {
  const level = hints.headingLevel;
  if (level === undefined) return null;
  if (text.length > MAX_HEADING_LENGTH || ANY_PUNCT.test(text)) return null;
  return Math.min(4, Math.max(2, level)) as Depth;
}

/** Depth if the whole text is a heading of the report, else null. */
function headingDepth(text: string, hints: BlockHints, next: Unit | undefined, counters: Counters): Depth | null {
  const lead = hints.boldLead;
  if (lead !== undefined && lead !== text) return null; // bold lead-in followed by prose
  const numbering = numberingOf(text);
  if (!numbering) return headingFromMarkup(text, hints);
  const rest = numbering.rest.trim();
  if (rest.length === 0 || rest.length > MAX_HEADING_LENGTH) return null;
  if (SENTENCE_BREAK.test(rest.slice(0, -1))) return null; // a sentence follows the title
  if (numbering.number <= counters[numbering.depth]) return null; // restarts: an embedded document's numbering
  if (!endsSentence(rest) && next?.kind === "text" && startsWithBrokenTail(next.text.text.trim())) return null;
  return numbering.depth;
}

const HEADING_NUMBER_3 = /^([(（])\s*([一二三四五六七八九十]+)\s*([)）])\s*/;
const HEADING_NUMBER_2 = /^([一二三四五六七八九十]+)\s*(、)\s*/;
const HEADING_NUMBER_4 = /^(\d+)\s*([.．、])\s*/;

/**
 * Headings keep their number, written one way: OCR mixes half- and full-width
 * brackets and spaces ("(二) 健全…", "（二）健全…"), which would make the
 * table of contents ragged. A trailing full stop is dropped (typography, not content).
 */
export function headingTextOf(source: SourceText): SourceText {
  let text = trim(source);
  text = rewrite(text, HEADING_NUMBER_3, (m) => [
    { write: "（", at: m.indices![1]![0] },
    2,
    { write: "）", at: m.indices![3]![0] },
  ]);
  text = rewrite(text, HEADING_NUMBER_2, () => [1, 2]);
  text = rewrite(text, HEADING_NUMBER_4, (m) => [1, { write: ".", at: m.indices![2]![0] }]);
  return rewrite(text, /[。．.]$/, () => []);
}

export function headingText(text: string): string {
  return headingTextOf({ text, offsets: Int32Array.from(text, (_c, i) => i) }).text;
}

// ---------------------------------------------------------------- sections inside a run-on paragraph

const TITLE_STOP = /[，。；：！？,;:!?]/;
const YEAR_START = /^\d{4}\s*年/;

function withoutNumbering(title: string): string {
  const numbering = numberingOf(title.trim());
  return (numbering ? numbering.rest : title).replace(/\s+/g, "");
}

/** Space, tab, line end, no-break or full-width space. */
function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0 || code === 0x3000;
}

/** Whether a and b, whose lengths differ by one, are one insertion apart (their edit distance is 1). */
function oneInsertionApart(a: string, b: string): boolean {
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a];
  if (longer.length !== shorter.length + 1) return false;
  let i = 0;
  while (i < shorter.length && longer.charCodeAt(i) === shorter.charCodeAt(i)) i++;
  // Past the first difference, the longer one without its character there must be the shorter one.
  return longer.startsWith(shorter.slice(i), i + 1);
}

/** The outline's titles without their numbering and spaces, as outlinePrefix compares them. */
function outlineTitles(outline: readonly string[]): string[] {
  return [...new Set(outline.map(withoutNumbering).filter((t) => t !== ""))];
}

/** With one edit a prefix still starts with the title's first or second character, in its first two places. */
function mayBeOneOff(flat: string, title: string): boolean {
  return flat[0] === title[0] || flat[1] === title[1] || flat[0] === title[1] || flat[1] === title[0];
}

/**
 * Length of the text's prefix that is an outline title: exactly, or — for a
 * title of six characters or more — one character off (a typo, a dropped 的).
 * Spaces in the text are skipped. 0 when no title matches.
 */
function outlinePrefix(text: string, titles: readonly string[]): number {
  if (titles.length === 0) return 0;
  const ends: number[] = [];
  let flat = "";
  for (let i = 0; i < text.length && ends.length <= MAX_HEADING_LENGTH + 1; i++) {
    if (isSpace(text.charCodeAt(i))) continue;
    flat += text[i]!;
    ends.push(i + 1);
  }
  let best = 0;
  for (const title of titles) {
    if (flat.startsWith(title)) {
      best = Math.max(best, ends[title.length - 1]!);
      continue;
    }
    if (title.length < 6 || !mayBeOneOff(flat, title)) continue;
    for (const length of [title.length - 1, title.length + 1]) {
      if (length > flat.length) continue;
      if (oneInsertionApart(flat.slice(0, length), title)) best = Math.max(best, ends[length - 1]!);
    }
  }
  return best;
}

/**
 * Where the title after a section marker ends, in a text that lost its line
 * breaks, or null when it cannot be told: an outline title; else the text up
 * to a space, the year that opens the first sentence, the marker of its first
 * subsection ("工作制度方面1、明确…"), or (`untilEnd`) the end of the text — as
 * long as no clause punctuation comes first. "row" when figures follow the
 * label: a row of a table that lost its cells, not a section at all.
 */
function sectionTitleEnd(text: string, depth: Depth, outline: readonly string[], untilEnd: boolean): number | null | "row" {
  const outlined = outlinePrefix(text, outline);
  if (outlined > 0) return outlined;
  for (let i = 0; i <= text.length; i++) {
    if (i > MAX_HEADING_LENGTH) return null;
    if (i === text.length) return untilEnd && i >= 2 ? i : null;
    const c = text[i]!;
    if (TITLE_STOP.test(c)) return null;
    // A subsection marker and a year start with a numeral, a bracket or a digit: only there are they looked for.
    const mayOpen = MARKER_CHARACTER.test(c);
    if (i >= 2 && mayOpen && opensFirstSubsection(text.slice(i, i + 12), depth)) return i;
    if (/\s/.test(c)) {
      const after = text.slice(i).trimStart();
      // "（七）总计 723000075": figures after the space make it a row of a table, not a section.
      if (/^\d/.test(after) && !YEAR_START.test(after)) return "row";
      return i >= 2 ? i : null;
    }
    if (i >= 2 && mayOpen && YEAR_START.test(text.slice(i))) return i;
  }
  return null;
}

/** The first character of every marker numberingOf reads, and of a year. */
const MARKER_CHARACTER = /[一二三四五六七八九十（(\d]/;

/** The text opens with the marker of a first subsection below `depth`: （一） or 1、. */
function opensFirstSubsection(text: string, depth: Depth): boolean {
  const numbering = numberingOf(text);
  return numbering !== null && numbering.depth > depth && numbering.number === 1;
}

/** A section marker may start here: at the start, after a space, or after a sentence end or a colon (closing quotes looked through). */
function markerMayStart(text: string, at: number): boolean {
  if (at === 0) return true;
  const before = text[at - 1]!;
  if (/\s/.test(before)) return true;
  return /[。！？；：!?;:]$/.test(text.slice(Math.max(0, at - 8), at).replace(CLOSERS, ""));
}

/**
 * Where numberingOf may find a marker: the three level patterns without their
 * anchors and lookahead, spaces bounded by the 12-character window numberingOf
 * is given. Every place numberingOf reads a marker at is a match start, so the
 * loops below visit those places, and not every numeral and digit of the prose.
 * After each place they go on from the next character, as matches may overlap.
 */
const MARKER_START = /[一二三四五六七八九十]{1,3}\s{0,11}、|[（(]\s{0,11}[一二三四五六七八九十]{1,3}\s{0,11}[）)]|\d{1,2}\s{0,11}[.．、]/g;

type Piece = { kind: "heading"; depth: Depth; text: SourceText } | { kind: "paragraph"; text: SourceText; opensItem: boolean };

/**
 * The sections a text holds, at markers that continue the numbering (the next
 * number at their level). The first piece is what comes before the first
 * such marker. Counters advance with every marker taken. A marker at the very
 * start counts only where its title can be told from the text after it (the
 * whole text as a heading is headingDepth's decision); a title may run to the
 * end of the text only where the text is not a wrapped line, which the next
 * line may continue.
 */
function splitSections(text: SourceText, outline: readonly string[], counters: Counters, wrapped: boolean): Piece[] {
  const pieces: Piece[] = [];
  let from = 0;
  const raw = text.text;
  const markers = new RegExp(MARKER_START.source, "g");
  for (let m = markers.exec(raw); m; m = markers.exec(raw)) {
    const at = m.index;
    markers.lastIndex = at + 1;
    if (at < from) continue;
    const window = raw.slice(at, at + 12);
    const numbering = numberingOf(window);
    if (!numbering) continue;
    const continues = at === 0 ? numbering.number > counters[numbering.depth] : numbering.number === counters[numbering.depth] + 1;
    if (!continues) continue;
    const afterMarker = at + window.length - numbering.rest.length;
    // Right after a section title its first subsection may follow without a break ("…情况（一）…"),
    // and a title of the report's outline marks a section wherever it stands ("…4166.24三、收到和处理…").
    const afterHeading = at === from && pieces[pieces.length - 1]?.kind === "heading";
    if (!afterHeading && !markerMayStart(raw, at) && outlinePrefix(raw.slice(afterMarker, afterMarker + 2 * MAX_HEADING_LENGTH), outline) === 0) continue;
    const title = sectionTitleEnd(raw.slice(afterMarker, afterMarker + 2 * MAX_HEADING_LENGTH + 16), numbering.depth, outline, !wrapped && at > 0 && raw.length - afterMarker <= 2 * MAX_HEADING_LENGTH + 16);
    if (title === "row" || (at === 0 && title === null)) continue;
    const titleLength = title;
    const before = trim(slice(text, from, at));
    if (before.text !== "") pieces.push({ kind: "paragraph", text: before, opensItem: from > 0 });
    counters[numbering.depth] = numbering.number;
    for (const deeper of [3, 4] as const) if (deeper > numbering.depth) counters[deeper] = 0;
    if (titleLength !== null) {
      const end = afterMarker + titleLength;
      pieces.push({ kind: "heading", depth: numbering.depth, text: headingTextOf(slice(text, at, end)) });
      from = end;
    } else from = at;
    markers.lastIndex = Math.max(at + 1, from);
  }
  const rest = trim(slice(text, from));
  if (rest.text !== "") pieces.push({ kind: "paragraph", text: rest, opensItem: from > 0 });
  return pieces;
}

/**
 * Length of a title that ends in an outline title ("平潭综合实验区" + "政府信息公开情况统计表"),
 * followed by a space or the end: no punctuation before it, at most MAX_HEADING_LENGTH.
 */
function outlineSuffix(text: string, titles: readonly string[]): number {
  const head = /^[^\s，。；：！？,;:!?]*/.exec(text.slice(0, MAX_HEADING_LENGTH))![0];
  const boundary = text.length === head.length || /\s/.test(text[head.length]!);
  if (!boundary) return 0;
  return titles.some((title) => head.length > title.length && head.endsWith(title)) ? head.length : 0;
}

/**
 * The report's own section headings inside a statistics range (二、主动公开政府信息情况
 * before the table it introduces): a marker continuing the numbering at the top
 * level, followed by a title of the outline. Counters advance with each.
 */
function outlineSections(text: SourceText, outline: readonly string[], counters: Counters): { text: SourceText }[] {
  const found: { text: SourceText }[] = [];
  if (outline.length === 0) return found;
  const raw = text.text;
  const markers = new RegExp(MARKER_START.source, "g");
  for (let m = markers.exec(raw); m; m = markers.exec(raw)) {
    markers.lastIndex = m.index + 1;
    const window = raw.slice(m.index, m.index + 12);
    const numbering = numberingOf(window);
    if (numbering?.depth !== 2 || numbering.number !== counters[2] + 1) continue;
    const afterMarker = m.index + window.length - numbering.rest.length;
    const after = raw.slice(afterMarker, afterMarker + 2 * MAX_HEADING_LENGTH);
    const title = outlinePrefix(after, outline) || outlineSuffix(after, outline);
    if (title === 0) continue;
    counters[2] = numbering.number;
    counters[3] = 0;
    counters[4] = 0;
    found.push({ text: headingTextOf(slice(text, m.index, afterMarker + title)) });
    markers.lastIndex = afterMarker + title;
  }
  return found;
}

// ---------------------------------------------------------------- joining

interface Draft {
  block: Extract<BodyBlock, { kind: "paragraph" }>;
  /** The texts joined into the paragraph, in order; built once at the end. */
  parts: { text: SourceText; seam: string }[];
  standalone: boolean;
  wrapped: boolean;
  /**
   * The last characters of the paragraph's text. Joining looks only at the end of
   * a paragraph; reading the end of a text built by thousands of joins would
   * flatten it each time (quadratic on a hostile file of unfinished lines).
   */
  tail: string;
}

/** Enough of a paragraph's end for endsSentence (closers + final mark) and overlapAt (≤ 10 characters). */
const TAIL_LENGTH = 64;

function tailOf(text: string): string {
  return text.slice(-TAIL_LENGTH);
}

const LIST_ITEM = /^[-*+•]\s+/;

function opensNewItem(text: string, hints: BlockHints): boolean {
  return hints.boldLead !== undefined || numberingOf(text) !== null || LIST_ITEM.test(text);
}

const HAN_RUN = /^[\u3400-\u9fff]+$/;
/** The start of a line that cannot open a paragraph: lower-case Latin (an e-mail address, a web address) or closing punctuation. */
const CONTINUATION = /^[a-z]|^[，。、；：！？）》」』”’),;:!?]/;

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

function buildDraft(draft: Draft): SourceText {
  if (draft.parts.length === 1) return draft.parts[0]!.text;
  const out = new TextBuilder(draft.parts.reduce((n, part) => n + part.seam.length + part.text.text.length, 0));
  for (const part of draft.parts) {
    if (part.seam) out.write(part.seam, out.lastOffset(part.text.offsets[0] ?? 0));
    out.keep(part.text);
  }
  return out.build();
}

export function buildStructure(input: StructureInput): StructureResult {
  const { document } = input;
  const lines = lineIndexOf(document.text);
  const outline = outlineTitles(input.outline);
  const cutter = new Cutter([...input.statistics].sort((a, b) => a.start - b.start), input.title, outline);
  const units = dropTitleCopy(toUnits(document.blocks, cutter), document, input.title);
  const blocks: BodyBlock[] = [];
  const drafts = new Map<BodyBlock, Draft>();
  const removals: Removal[] = [];
  const counters: Counters = { 2: 0, 3: 0, 4: 0 };
  /** Statistics ranges whose block has been placed. */
  const emitted = new Set<number>();

  const lineOf = (offset: number) => lines.lineOf(offset);

  /** The paragraph an unfinished sentence can continue into, looking past floated tables and one caption. */
  const joinTarget = (next: string): Draft | null => {
    // Text no paragraph can open (an address in lower case, a closing bracket) continues even after a colon.
    const midSentence = CONTINUATION.test(next);
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
      return draft.wrapped && !draft.standalone && (!endsSentence(draft.tail) || (midSentence && draft.tail.endsWith("："))) ? draft : null;
    }
    return null;
  };

  const addParagraph = (source: SourceText, hints: BlockHints, opensItem: boolean) => {
    const text = trim(source);
    if (text.text === "") return;
    const standalone = isStandalone(text.text);
    const wrapped = hints.wrapped === true;
    // The paragraph before says whether it may run on (a wrapped line); this one may be the last line of it.
    const target = !standalone && !opensItem && !opensNewItem(text.text, hints) ? joinTarget(text.text) : null;
    if (target) {
      const k = overlapAt(target.tail, text.text);
      const rest = slice(text, k);
      const lastPart = target.parts[target.parts.length - 1]!.text;
      const fromLine = lineOf(lastPart.offsets[lastPart.offsets.length - 1]!);
      const toLine = lineOf(text.offsets[0]!);
      if (k > 0) removals.push({ kind: "repeated_passage", from: toLine, to: toLine, excerpt: text.text.slice(0, k) });
      // The next line of a page layout is not a break; lines apart (blank lines, a page number, a table between) are.
      if (toLine > fromLine + 1) {
        removals.push({
          kind: "page_break_join",
          from: fromLine,
          to: toLine,
          excerpt: `…${target.tail.slice(-12)} / ${rest.text.slice(0, 12)}…`,
        });
      }
      const space = seam(target.tail, rest.text);
      target.parts.push({ text: rest, seam: space });
      target.tail = tailOf(`${target.tail}${space}${rest.text}`);
      // Whether the paragraph runs on is now the joined line's to say.
      target.wrapped = wrapped;
      return;
    }
    const block: Extract<BodyBlock, { kind: "paragraph" }> = { kind: "paragraph", text };
    if (hints.boldLead !== undefined && text.text.startsWith(hints.boldLead)) block.lead = hints.boldLead;
    blocks.push(block);
    drafts.set(block, { block, parts: [{ text, seam: "" }], standalone, wrapped, tail: tailOf(text.text) });
  };

  const addHeading = (depth: Depth, text: SourceText) => {
    blocks.push({ kind: "heading", depth, text });
  };

  units.forEach((unit, i) => {
    switch (unit.kind) {
      case "statistics": {
        // The report's section headings the range took in stay: the page's contents need them.
        const sections = unit.text ? outlineSections(unit.text, outline, counters) : [];
        if (!emitted.has(unit.range)) {
          emitted.add(unit.range);
          const first = sections[0];
          if (first && first.text.offsets[0] === unit.text!.offsets[0]) addHeading(2, sections.shift()!.text);
          blocks.push({ kind: "statistics", table: unit.table });
        }
        for (const section of sections) addHeading(2, section.text);
        return;
      }
      case "list":
        blocks.push({ kind: "list", items: unit.items });
        return;
      case "table": {
        const rows = [...unit.rows];
        if (rows.length >= 2 && nonEmpty(rows[0]!).length === 1) {
          const caption: Extract<BodyBlock, { kind: "paragraph" }> = { kind: "paragraph", text: nonEmpty(rows.shift()!)[0]! };
          blocks.push(caption);
          drafts.set(caption, { block: caption, parts: [{ text: caption.text, seam: "" }], standalone: true, wrapped: false, tail: tailOf(caption.text.text) });
        }
        const width = Math.max(...rows.map((r) => r.length));
        const padded = rows.map((r) => [...r, ...Array<SourceText>(width - r.length).fill(EMPTY_TEXT)]);
        const screenshot = unit.hints.screenshot === true || isScreenshotTable(padded.map((r) => r.map((c) => c.text)));
        blocks.push({ kind: "table", rows: padded, screenshot });
        return;
      }
      case "text": {
        const text = trim(unit.text);
        const wrapped = unit.hints.wrapped === true;
        const split = (): Piece[] =>
          unit.hints.boldLead !== undefined ? [{ kind: "paragraph", text, opensItem: false }] : splitSections(text, outline, counters, wrapped);
        // A block that is not one line of a page may open with its section's title and run on ("一、总体情况 2022年，…"):
        // the title found in it comes first. A line of a page is a heading only as a whole, as before.
        let pieces: Piece[] | null = null;
        if (!wrapped) {
          const saved = { ...counters };
          pieces = split();
          if (pieces[0]?.kind !== "heading") {
            Object.assign(counters, saved);
            pieces = null;
          }
        }
        const depth = pieces ? null : headingDepth(text.text, unit.hints, units[i + 1], counters);
        if (depth !== null) {
          const numbering = numberingOf(text.text);
          if (numbering) counters[depth] = numbering.number;
          for (const deeper of [3, 4] as const) if (deeper > depth) counters[deeper] = 0;
          addHeading(depth, headingTextOf(text));
          return;
        }
        pieces ??= split();
        for (const piece of pieces) {
          if (piece.kind === "heading") addHeading(piece.depth, piece.text);
          else addParagraph(piece.text, piece.opensItem ? { ...unit.hints, boldLead: undefined } : unit.hints, piece.opensItem);
        }
        return;
      }
    }
  });

  for (const draft of drafts.values()) draft.block.text = buildDraft(draft);
  const headings = blocks.flatMap((b) => (b.kind === "heading" ? [{ depth: b.depth, text: b.text.text, offset: b.text.offsets[0] ?? 0 }] : []));
  return { blocks, headings, removals };
}
