/**
 * The words of one template table — row labels, column headers, block
 * captions, header cells, the table's heading — and how to find them.
 *
 * Two ways to find them, one dictionary:
 * - `lookup(cell)`: a whole cell of a grid (HTML, PDF, TSV), compared on its
 *   core (numbering, 其中：, notes in brackets, spacing and punctuation removed);
 * - `scan(text)`: every label in flowing text whose cell boundaries are lost
 *   (crawler text: `规章007规范性文件7777166第二十条第（五）项…`), longest first, so
 *   `其他处理` is not read as `其他`, and a row label's note in brackets is
 *   skipped with it so the words inside the note are not read as labels.
 * Everything comes from the catalog's data; there is no code per row.
 */
import type { Column, Row, Table } from "../../catalog/index.ts";
import { compareText } from "../../report/compare-text.ts";
import { isWhiteSpace } from "../document/source-text.ts";
import { remembered } from "../memo.ts";

export type LabelRole =
  | { kind: "row"; row: Row; block: string | null; section: string | null }
  | { kind: "column"; column: Column; block: string | null; group: string | null }
  | { kind: "column_group"; label: string; group: string | null }
  | { kind: "caption"; block: string }
  | { kind: "header" }
  | { kind: "heading" }
  | { kind: "section"; section: string; indicator: string | null }
  | { kind: "group"; section: string; freeText: boolean };

const CHINESE_NUMERAL = "[一二三四五六七八九十]+";
/** （一） (一) 一、 1. 1、 1） (1) ① at the start of a label, after NFKC. */
const NUMBERING = new RegExp(
  `^(?:\\(\\s*${CHINESE_NUMERAL}\\s*\\)|${CHINESE_NUMERAL}\\s*[、.]|\\(\\s*\\d+\\s*\\)|\\d+\\s*[、.)](?!\\d)|[\\u2460-\\u2473])\\s*`,
);
const WHICH_PREFIX = /^其中\s*[:：]?\s*/;
/** A closed parenthesised note, or one the text cut off at the end. */
const NOTE = /\([^()]*\)|\([^()]*$/g;
/** Keep letters, digits and CJK; drop spacing and punctuation (、《》 “” …). */
const NOT_WORD = /[^\p{L}\p{N}]/gu;

/**
 * The comparable core of a label: NFKC (full-width → half-width), numbering,
 * 其中：, parenthesised notes, spaces and punctuation stripped.
 */
export function labelCore(label: string): string {
  // Cells recur within a report (every table is tried on every cell) and across reports (the same labels).
  return remembered(CORES, label, MAX_REMEMBERED_CORES, computeLabelCore);
}

const CORES = new Map<string, string>();
const MAX_REMEMBERED_CORES = 50_000;

function computeLabelCore(label: string): string {
  let text = label.normalize("NFKC").replace(/<[^<>]+>/g, "").trim();
  // Numbering and 其中： may come in either order (其中：1. …) — strip until stable.
  for (let previous = ""; previous !== text; ) {
    previous = text;
    text = text.replace(NUMBERING, "").replace(WHICH_PREFIX, "").trim();
  }
  const withoutNotes = text.replace(NOTE, "").replace(NOT_WORD, "");
  // A label that is all note (（本列数据的勾稽关系为…）) keeps its words.
  return withoutNotes === "" ? text.replace(NOT_WORD, "") : withoutNotes;
}

/** The ordinal a label's numbering gives it (1.属于国家秘密 → 1), or null. */
export function labelOrdinal(label: string): number | null {
  const match = /^\s*(\d{1,2})\s*[、.．]/.exec(label.normalize("NFKC"));
  return match ? Number(match[1]) : null;
}

const CHINESE_DIGIT_VALUES: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** The ordinal of a section row's numbering (三、依申请公开情况 → 3, 十二、其他 → 12), or null. */
export function sectionOrdinal(label: string): number | null {
  const match = /^\s*([一二三四五六七八九十]{1,3})\s*[、.]/.exec(label.normalize("NFKC").replace(/<[^<>]+>/g, ""));
  if (!match) return null;
  const parts = match[1]!.split("十");
  const digit = (text: string, empty: number) => (text === "" ? empty : (CHINESE_DIGIT_VALUES[text] ?? null));
  if (parts.length === 1) return digit(parts[0]!, 0) || null;
  if (parts.length !== 2) return null;
  const tens = digit(parts[0]!, 1);
  const units = digit(parts[1]!, 0);
  return tens === null || units === null ? null : tens * 10 + units;
}

/**
 * Text folded for scanning: NFKC and white space removed, so a label broken
 * by spaces or a line end (`只计这一情 形`) still matches; `map[i]` is the index
 * in the original text of folded character i.
 */
export interface FoldedText {
  text: string;
  map: number[];
}

export function fold(text: string): FoldedText {
  const map: number[] = [];
  return { text: foldInto(text, map), map };
}

/** The folded text alone, where no position has to be mapped back. */
export function foldText(text: string): string {
  return foldInto(text, null);
}

function foldInto(text: string, map: number[] | null): string {
  // Runs of characters that stay as they are are copied as slices, not one character at a time.
  let out = "";
  let runStart = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const kind = FOLD_KIND[code];
    if (kind === KEPT) {
      map?.push(i);
      continue;
    }
    if (runStart < i) out += text.slice(runStart, i);
    runStart = i + 1;
    if (kind === DROPPED) continue;
    const normalized = nfkcOf(code);
    out += normalized;
    // One entry per character (code point) of the normalised form.
    if (map) for (const _character of normalized) map.push(i);
  }
  if (runStart === 0) return text;
  if (runStart < text.length) out += text.slice(runStart);
  return out;
}

/** How folding treats a code unit: kept as it is (ASCII and the CJK Unified Ideographs are their own NFKC form), dropped (white space), or normalised. */
const KEPT = 1;
const DROPPED = 2;
const FOLD_KIND = (() => {
  const kinds = new Uint8Array(0x10000);
  for (let code = 0; code < 0x10000; code++) {
    if (isFoldedSpace(code)) kinds[code] = DROPPED;
    else if (code < 0x80 || (code >= 0x4e00 && code <= 0x9fff)) kinds[code] = KEPT;
  }
  return kinds;
})();

/** The NFKC form of one code unit, remembered: a report repeats few distinct ones (full-width punctuation). */
const NFKC_FORMS: (string | undefined)[] = new Array(0x10000);

function nfkcOf(code: number): string {
  let form = NFKC_FORMS[code];
  if (form === undefined) NFKC_FORMS[code] = form = String.fromCharCode(code).normalize("NFKC");
  return form;
}

/** What a label may be broken by: JavaScript's white space (\s: U+3000 and no-break spaces included) and the zero-width characters. */
function isFoldedSpace(code: number): boolean {
  return isWhiteSpace(code) || (code >= 0x200b && code <= 0x200d) || code === 0x2060;
}

/** A label found in text: folded positions [from, to), and every role its words can have here. */
export interface LabelHit {
  roles: LabelRole[];
  from: number;
  to: number;
  /** The label as the dictionary holds it. */
  label: string;
}

interface Entry {
  folded: string;
  role: LabelRole;
  label: string;
}

function sameRole(a: LabelRole, b: LabelRole): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case "row":
      return b.kind === "row" && a.row.id === b.row.id && a.block === b.block && a.row.label === b.row.label;
    case "column":
      return b.kind === "column" && a.column.id === b.column.id && a.block === b.block && a.group === b.group;
    case "column_group":
      return b.kind === "column_group" && a.group === b.group;
    case "caption":
      return b.kind === "caption" && a.block === b.block;
    case "section":
      return b.kind === "section" && a.section === b.section;
    case "group":
      return b.kind === "group" && a.section === b.section;
    default:
      return true;
  }
}

/** Scanning form of a label: folded, numbering and 其中 kept out, half-width punctuation. */
function scanForm(label: string): string {
  let text = label.normalize("NFKC").replace(/\s+/g, "");
  for (let previous = ""; previous !== text; ) {
    previous = text;
    text = text.replace(NUMBERING, "").replace(WHICH_PREFIX, "");
  }
  return text;
}

const NONE: readonly Entry[] = [];

export class TableLabels {
  private readonly byCore = new Map<string, LabelRole[]>();
  private readonly entries: Entry[] = [];
  /**
   * Entries of two characters or more by their first two (first code unit, then a map by the second), longest
   * first; single-character ones (row labels) by their character's code. Indexed by code unit: most characters
   * of a text start no label, and are passed over with one look.
   */
  private readonly byFirstTwo: (Map<number, Entry[]> | undefined)[] = new Array(0x10000);
  private readonly single: (Entry[] | undefined)[] = new Array(0x10000);

  constructor(readonly table: Table) {
    for (const heading of table.headings) this.add(heading, { kind: "heading" });
    this.add(table.label, { kind: "heading" });
    for (const header of table.headerLabels) this.add(header, { kind: "header" });
    switch (table.layout) {
      case "rows":
        for (const section of table.sections) {
          this.add(section.label, { kind: "section", section: section.id, indicator: section.indicator ?? null });
        }
        for (const group of table.groups) this.add(group.label, { kind: "group", section: group.section, freeText: group.freeText });
        for (const column of table.columns) this.addColumn(column, null, null);
        for (const row of table.rows) this.addRow(row, null, row.section ?? null);
        break;
      case "blocks":
        for (const block of table.blocks) {
          for (const caption of [block.caption, ...block.captionVariants]) this.add(caption, { kind: "caption", block: block.id });
          for (const column of block.columns) this.addColumn(column, block.id, null);
          for (const row of block.rows) this.addRow(row, block.id, null);
        }
        break;
      case "matrix":
        for (const group of table.columnGroups) this.add(group.label, { kind: "column_group", label: group.label, group: null });
        for (const column of table.columns) this.addColumn(column, null, null);
        for (const row of table.rows) this.addRow(row, null, null);
        break;
      case "header_row":
        for (const group of table.groups) {
          for (const label of [group.label, ...group.variants]) this.add(label, { kind: "column_group", label: group.label, group: group.id });
          if (group.over) this.add(group.over, { kind: "column_group", label: group.over, group: null });
          for (const column of group.columns) this.addColumn(column, null, group.id);
        }
        break;
    }
    const longestFirst = (list: Entry[]) => list.sort((a, b) => b.folded.length - a.folded.length || compareText(a.folded, b.folded));
    for (const byNext of this.byFirstTwo) if (byNext) for (const list of byNext.values()) longestFirst(list);
    for (const list of this.single) if (list) longestFirst(list);
  }

  private addRow(row: Row, block: string | null, section: string | null): void {
    for (const label of [row.label, row.short, ...row.variants]) this.add(label, { kind: "row", row, block, section });
  }

  private addColumn(column: Column, block: string | null, group: string | null): void {
    for (const label of [column.label, ...column.variants]) this.add(label, { kind: "column", column, block, group });
  }

  private add(label: string, role: LabelRole): void {
    const core = labelCore(label);
    if (core) {
      const list = this.byCore.get(core) ?? [];
      if (!list.some((r) => sameRole(r, role))) list.push(role);
      this.byCore.set(core, list);
    }
    const folded = scanForm(label);
    if (folded.length < 2 && role.kind !== "row") return;
    if (folded.length === 0) return;
    if (this.entries.some((e) => e.folded === folded && sameRole(e.role, role))) return;
    const entry = { folded, role, label };
    this.entries.push(entry);
    const first = folded.charCodeAt(0);
    if (folded.length >= 2) {
      const byNext = (this.byFirstTwo[first] ??= new Map());
      const next = folded.charCodeAt(1);
      byNext.set(next, [...(byNext.get(next) ?? []), entry]);
    } else this.single[first] = [...(this.single[first] ?? []), entry];
  }

  /** Every role a whole cell's text may stand for. */
  lookup(cell: string): LabelRole[] {
    const core = labelCore(cell);
    if (!core) return [];
    const exact = this.byCore.get(core);
    if (exact) return exact;
    // Reports sometimes drop the final 数 of a row label (收到申请 for 收到申请数).
    return this.byCore.get(`${core}数`) ?? [];
  }

  /**
   * Every label in folded text, left to right, longest first at each place.
   * `accept` filters the roles that may match at a place (the reader's zone:
   * headers before the first row, rows after).
   */
  scan(folded: string, accept: (role: LabelRole) => boolean = () => true): LabelHit[] {
    const hits: LabelHit[] = [];
    let at = 0;
    while (at < folded.length) {
      const code = folded.charCodeAt(at);
      const byNext = this.byFirstTwo[code];
      const singles = this.single[code];
      if (byNext === undefined && singles === undefined) {
        at++;
        continue;
      }
      // Longer labels first: those starting with the next two characters, then a one-character label.
      let candidates = byNext !== undefined && at + 1 < folded.length ? (byNext.get(folded.charCodeAt(at + 1)) ?? NONE) : NONE;
      let entry = candidates.find((e) => folded.startsWith(e.folded, at) && accept(e.role));
      if (!entry) {
        candidates = singles ?? NONE;
        entry = candidates.find((e) => accept(e.role));
      }
      if (!entry) {
        at++;
        continue;
      }
      const roles = candidates.filter((e) => e.folded === entry.folded && accept(e.role)).map((e) => e.role);
      let to = at + entry.folded.length;
      // A row label's note in brackets belongs to it: 部分公开（区分处理的，只计这一情形，不计其他情形）.
      // Not the numbering of the next label, （一）予以公开.
      if (roles.some((r) => r.kind === "row") && folded[to] === "(") {
        const close = folded.indexOf(")", to);
        const inside = folded.slice(to + 1, close);
        if (close > to && close - to <= 60 && !/\d{2,}/.test(inside) && !/^(?:[一二三四五六七八九十]+|\d{1,2})$/.test(inside)) to = close + 1;
      }
      hits.push({ roles, from: at, to, label: entry.label });
      at = to;
    }
    return hits;
  }

  /** Every role any label of the table can have, for tests and diagnostics. */
  get size(): number {
    return this.entries.length;
  }
}

const cache = new WeakMap<Table, TableLabels>();

/** One dictionary per table, built once per process. */
export function labelsOf(table: Table): TableLabels {
  let labels = cache.get(table);
  if (!labels) {
    labels = new TableLabels(table);
    cache.set(table, labels);
  }
  return labels;
}
