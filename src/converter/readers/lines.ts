/**
 * Where a template's tables stand in a document, as labelled lines.
 *
 * Whatever form a report came in, a table reaches the layout readers as a
 * list of `TableLine`s: a label (or none) and the value pieces after it.
 * - Grid tables (HTML, PDF, tab- or pipe-separated rows) give one line per
 *   grid row, each value cell with its grid column, blank cells kept; a 序号
 *   column is left out and a unit cell is the line's `unit`. A grid cut in two
 *   by text that is no part of it is one table when its parts print different
 *   rows; that text is kept as an interruption for a warning.
 * - Text-layout rows (pdftotext, cells separated by wide spaces) give one line
 *   per row; a label broken over two lines stays two lines for the reader to join.
 * - Flowing text whose cell boundaries are lost (crawler text, one cell per
 *   line) is scanned for the table's labels; each row label's line holds the
 *   value text up to the next label, cut into chunks (runs of digits, marks).
 *   A row number glued to the digits before its label (`…00000002.其他法律…`)
 *   is taken off those digits when the row's own numbering says what it is;
 *   when it cannot be told, the digits are marked unsure. The table ends at
 *   the first sentence: words with sentence punctuation, or a number that
 *   opens a clause (2016年，).
 */
import type { Table, Template } from "../../catalog/index.ts";
import { concat, rangeOf, slice, trim } from "../document/source-text.ts";
import type { Block, SourceDocument, SourceText, TableBlock } from "../document/types.ts";
import { remembered } from "../memo.ts";
import { fold, foldText, labelCore, labelOrdinal, labelsOf, type FoldedText, type LabelHit, type LabelRole, type TableLabels } from "./labels.ts";
import { COUNT_UNITS, valueChunks } from "./values.ts";

export interface LineValue {
  /** The piece as printed: a whole grid cell, or a chunk of flowing text. */
  text: SourceText;
  kind: "digits" | "mark" | "blank" | "words";
  /** A money unit printed with the digits (…95.90元). */
  unit: string | null;
  /** Grid column where the cell starts, and how many it spans; null when the source has no grid. */
  column: number | null;
  colSpan: number;
  /** True when the piece is exactly one cell (a grid cell); false for a chunk that may hold several. */
  wholeCell: boolean;
  /** The digits may end with a row number that could not be taken off: never split it. */
  unsure: boolean;
}

export interface HeaderCell {
  text: SourceText;
  roles: LabelRole[];
  /** Grid columns the header cell covers [from, to). */
  from: number;
  to: number;
}

export interface TableLine {
  label: SourceText | null;
  /** The unit printed between the label and the figures (统计指标 | 单位 | 统计数: 件, 万元), when the row prints one. */
  unit: SourceText | null;
  /** What the label may stand for; empty for an unknown label. */
  roles: LabelRole[];
  values: LineValue[];
  /** A grid header row: its cells with the columns they cover. */
  header: HeaderCell[] | null;
  /** Document offset where the line starts, for messages. */
  offset: number;
  /** The line comes from a grid whose columns can be trusted. */
  grid: boolean;
}

export interface TableRegion {
  table: Table;
  lines: TableLine[];
  /** Document ranges the table occupies, for the body to show the table in their place. */
  ranges: { start: number; end: number }[];
  mode: "grid" | "stream";
  /** Text standing between two parts of the table that is no part of it (a web-page scrap, a note): left out, with a warning. */
  interruptions: SourceText[];
}

// ---------------------------------------------------------------- grids

const HAS_WORD = /[\p{Script=Han}A-Za-z]/u;
const MARK = /^(?:[-—–―─－‐/／\\]+|无)$/;

/** Words a value cell may hold around its number: units, and the words of an approximate number (约300, 300余). */
const VALUE_WORDS = /万元|人次|左右|以上|以下|超过|不足|大约|大概|[约近余多逾条件次个人篇项起份名期家户元]/g;
const CHINESE_NUMBER = /^[零〇一二三四五六七八九十百千万两亿]+$/;

/**
 * A cell that states a figure, readable or not (8573, 1,234, 5件, 约300, 十二, 1 234):
 * digits, or Chinese numerals, with nothing but units and words of approximation
 * around them. A cell with other words (计1条), the end of a label) is a label's.
 */
function statesFigure(text: string): boolean {
  const core = text.replace(/\s+/g, "").replace(VALUE_WORDS, "");
  // Digits among words are a label's; so are digits inside a Latin word (alert(12){x}), not a figure followed by junk (45<b>).
  if (/\d/.test(core)) return !/[\p{Script=Han}]/u.test(core) && (!/[A-Za-z]{2}/.test(core) || /^[+-]?\d/.test(core));
  return CHINESE_NUMBER.test(core.replace(/^[(（]|[)）]$/g, ""));
}

/** What cellKind and isUnitCell found for a cell's text: a table asks several times about each cell, and reports repeat the same cells. */
const CELL_KINDS = new Map<string, LineValue["kind"]>();
const UNIT_CELLS = new Map<string, boolean>();
const MAX_REMEMBERED_CELLS = 50_000;

function cellKind(text: string): LineValue["kind"] {
  return remembered(CELL_KINDS, text, MAX_REMEMBERED_CELLS, cellKindOnce);
}

function cellKindOnce(text: string): LineValue["kind"] {
  const t = text.normalize("NFKC").trim();
  if (t === "") return "blank";
  if (MARK.test(t)) return "mark";
  if (statesFigure(t)) return "digits";
  return HAS_WORD.test(t) ? "words" : "digits";
}

/** A unit cell between a label and its value (统计指标 | 单位 | 统计数). */
function isUnitCell(text: string): boolean {
  return remembered(UNIT_CELLS, text, MAX_REMEMBERED_CELLS, isUnitCellOnce);
}

function isUnitCellOnce(text: string): boolean {
  const t = text.normalize("NFKC").replace(/\s+/g, "");
  return COUNT_UNITS.has(t) || t === "万元" || t === "元" || t === "人次" || t === "%";
}

/** A 序号 cell before a row's label: a bare row number (1, 12., 3、). */
const ROW_NUMBER_CELL = /^(?:\d{1,3}|[一二三四五六七八九十]{1,3})[.、]?$/;

/** How many leading cells of a row are a 序号 column: row numbers right before a cell that is a row's label. */
function rowNumberCells(origins: readonly { text: SourceText }[], labels: TableLabels): number {
  let lead = 0;
  while (lead < origins.length && ROW_NUMBER_CELL.test(origins[lead]!.text.text.normalize("NFKC").trim())) lead++;
  const next = origins[lead];
  if (lead === 0 || !next || cellKind(next.text.text) !== "words") return 0;
  const rowLike = labels.lookup(next.text.text).some((role) => role.kind === "row" || role.kind === "section" || role.kind === "group");
  return rowLike ? lead : 0;
}

function blockLines(block: TableBlock, labels: TableLabels): TableLine[] {
  const lines: TableLine[] = [];
  const grid = block.cells === "grid";
  block.grid.forEach((row, r) => {
    const cells: { text: SourceText; column: number; colSpan: number; header: boolean }[] = [];
    let lastOffset = -1;
    row.forEach((position, c) => {
      const whole = position.cell.text;
      if (position.origin.row === r && position.origin.column === c) {
        // A blank cell keeps a place, where it stands or else right after the cell before it, for the span of its not-reported figure.
        const text = trim(whole);
        const place = whole.offsets[0] ?? lastOffset + 1;
        cells.push({ text: text.text === "" ? { text: "", offsets: Int32Array.of(Math.max(0, place)) } : text, column: c, colSpan: position.cell.colSpan, header: position.cell.header });
      }
      if (whole.offsets.length > 0) lastOffset = Math.max(lastOffset, whole.offsets[whole.offsets.length - 1]!);
    });
    // Cells spanning down from an earlier row: context, not part of this row. A 序号 column is no part of it either.
    const origins = cells.slice(rowNumberCells(cells, labels));
    const kinds = origins.map((o) => cellKind(o.text.text));
    const figureAt = kinds.findIndex((k, i) => (k === "digits" || k === "mark") && !isUnitCell(origins[i]!.text.text));
    // In a grid, what stands after the unit cell is the value column even when it holds words (a cell
    // printed with text instead of a figure is an unreadable figure, not a blank one nor a label).
    const unitAt = grid ? origins.findIndex((o) => isUnitCell(o.text.text)) : -1;
    const wordsAfterUnit = unitAt > 0 && origins.slice(unitAt + 1).some((o) => o.text.text !== "") ? unitAt + 1 : -1;
    const firstValue = wordsAfterUnit >= 0 && (figureAt < 0 || wordsAfterUnit < figureAt) ? wordsAfterUnit : figureAt;
    const offset = origins[0]?.text.offsets[0] ?? 0;
    if (origins.length === 0) return;
    if (firstValue < 0) {
      // No value: a header row (several labelled cells), or label cells alone (a row whose values are blank, or on the next line).
      const filled = origins.filter((o) => o.text.text !== "");
      const roles = filled.map((o) => labels.lookup(o.text.text));
      const headerLike = (list: LabelRole[]) => list.some((role) => role.kind === "column" || role.kind === "column_group" || role.kind === "header");
      // Header cells; 总计 and 其他 are column headers as well as row labels, so only a cell that can be nothing but a row's label makes a row.
      const headerish = filled.length >= 2 && roles.some(headerLike) && !roles.some((list) => !headerLike(list) && list.some((role) => role.kind === "row"));
      if (headerish) {
        lines.push({
          label: null,
          unit: null,
          roles: [],
          values: [],
          header: filled.map((o, i) => ({ text: o.text, roles: roles[i]!, from: o.column, to: o.column + o.colSpan })),
          offset,
          grid,
        });
        return;
      }
      // Label cells, then blank value cells: a row printed without figures (blank = not reported).
      const labelCells = origins.filter((o) => o.text.text !== "" && !isUnitCell(o.text.text));
      const lastLabel = origins.findLastIndex((o) => o.text.text !== "" && !isUnitCell(o.text.text));
      const blanks = grid ? origins.slice(lastLabel + 1).filter((o) => o.text.text === "") : [];
      labelCells.slice(0, -1).forEach((o) => lines.push({ label: o.text, unit: null, roles: labels.lookup(o.text.text), values: [], header: null, offset: o.text.offsets[0] ?? offset, grid }));
      const last = labelCells[labelCells.length - 1];
      if (last) {
        lines.push({
          label: last.text,
          unit: origins.slice(lastLabel + 1).find((o) => isUnitCell(o.text.text))?.text ?? null,
          roles: labels.lookup(last.text.text),
          values: blanks.map((o) => ({ text: o.text, kind: "blank", unit: null, column: o.column, colSpan: o.colSpan, wholeCell: true, unsure: false })),
          header: null,
          offset: last.text.offsets[0] ?? offset,
          grid,
        });
      }
      return;
    }
    const labelCells = origins.slice(0, firstValue).filter((o) => o.text.text !== "" && !isUnitCell(o.text.text) && cellKind(o.text.text) === "words");
    const values: LineValue[] = origins.slice(firstValue).map((o, i) => ({
      text: o.text,
      kind: kinds[firstValue + i]!,
      unit: null,
      column: o.column,
      colSpan: o.colSpan,
      wholeCell: true,
      unsure: false,
    }));
    // Several label cells: the outer ones (（三）不予公开 beside 1.属于国家秘密) are context lines of their own.
    labelCells.slice(0, -1).forEach((o) => lines.push({ label: o.text, unit: null, roles: labels.lookup(o.text.text), values: [], header: null, offset: o.text.offsets[0] ?? offset, grid }));
    const label = labelCells[labelCells.length - 1] ?? null;
    const unit = origins.slice(0, firstValue).findLast((o) => isUnitCell(o.text.text))?.text ?? null;
    lines.push({ label: label?.text ?? null, unit, roles: label ? labels.lookup(label.text.text) : [], values, header: null, offset, grid });
  });
  return lines;
}

// ---------------------------------------------------------------- flowing text

/** Words that may stand between a label and its figures without being a label: units, 其中, spacing, punctuation. */
const FILLER = /^(?:[\s\p{P}\p{S}]|其中|计量单位|单位|条|件|元|万元|项|次|个|人次|人|篇|起|份)*$/u;

/** A unit word among the filler before a row's figures. */
const UNIT_WORD = /万元|人次|元|[条件次个人篇项起份]/;

function isFiller(text: string): boolean {
  return FILLER.test(text.normalize("NFKC"));
}

/** Words glued before a figure that make it approximate (约300), and after it (300余, 300多, 300左右). */
const APPROXIMATE_BEFORE = /(?:约|近|超过|逾|不足|大约|大概)$/;
const APPROXIMATE_AFTER = /^(?:余|多|左右|以上|以下)/;
const CHINESE_NUMERALS = /[零〇一二三四五六七八九十百千两]+/g;

interface ValuePiece {
  from: number;
  to: number;
  kind: LineValue["kind"];
  unit: string | null;
}

/**
 * The value chunks of a row's text, and the figures that cannot be read but
 * are printed all the same: a number made approximate by the words glued to it
 * (约3460), a figure written in Chinese numerals with nothing but filler around
 * it (条十二 85376). Those are `words` pieces: a cell whose figure is uncertain,
 * never a row printed blank and never a label.
 */
function valuePieces(text: string): ValuePiece[] {
  const pieces: ValuePiece[] = valueChunks(text).map((c) => ({ from: c.from, to: c.to, kind: c.kind, unit: c.unit }));
  for (const piece of pieces) {
    if (piece.kind !== "digits") continue;
    const before = APPROXIMATE_BEFORE.exec(text.slice(0, piece.from));
    const after = APPROXIMATE_AFTER.exec(text.slice(piece.to));
    if (before) piece.from -= before[0].length;
    if (after) piece.to += after[0].length;
    if (before || after) piece.kind = "words";
  }
  const out: ValuePiece[] = [];
  let cursor = 0;
  for (const piece of [...pieces, null]) {
    const between = text.slice(cursor, piece ? piece.from : text.length);
    if (!isFiller(between) && isFiller(between.replace(CHINESE_NUMERALS, " "))) {
      for (const m of between.matchAll(CHINESE_NUMERALS)) {
        // 二、 and （三） are the numbering of the next label, not a figure.
        const numbering = /^\s*[、.．)）]/.test(between.slice(m.index + m[0].length)) || /[(（]\s*$/.test(between.slice(0, m.index));
        if (!numbering) out.push({ from: cursor + m.index, to: cursor + m.index + m[0].length, kind: "words", unit: null });
      }
    }
    if (!piece) break;
    out.push(piece);
    cursor = piece.to;
  }
  return out;
}

/**
 * The row number at the end of `text` before a row label (…0000002. / …376 2、),
 * as [index where it starts in text, the number's digits], or null.
 */
function trailingRowNumber(text: string): { at: number; digits: string } | null {
  const match = /(\d{1,2})\s*[、.．]\s*$/.exec(text.normalize("NFKC"));
  if (!match) return null;
  return { at: match.index, digits: match[1]! };
}

/** Sentence punctuation: words carrying it are prose, and the table has ended. */
const SENTENCE = /[，。；：！？,;!?]/;
/** What follows a number of prose: a word or two, then the clause ends (2016年，  21件。). A cell is followed by space, a unit or a label. */
const PROSE_NUMBER_END = /^[^\s\d\p{P}\p{S}]{1,6}[，。；！？,;!?]/u;
/** Longest run of words that can still be an unknown row's label inside a table. */
const MAX_UNKNOWN_LABEL = 30;

function rowRole(hit: LabelHit): Extract<LabelRole, { kind: "row" }> | null {
  const role = hit.roles.find((r) => r.kind === "row");
  return role && role.kind === "row" ? role : null;
}

/**
 * The ordinal printed before hit `i` when it is glued to the figures before it:
 * what the row's own numbering (1.属于国家秘密), or its place after its previous
 * sibling, or its being the first child says it must be.
 */
function expectedOrdinals(hits: readonly LabelHit[], i: number, ordinals: readonly (number | null)[]): Set<string> {
  const expected = new Set<string>();
  const row = rowRole(hits[i]!);
  if (!row) return expected;
  const own = labelOrdinal(row.row.label);
  if (own !== null) expected.add(String(own));
  for (let j = i - 1; j >= 0; j--) {
    const other = rowRole(hits[j]!);
    if (!other) continue;
    if (other.row.id !== null && other.row.id === row.row.parent) {
      expected.add("1");
      break;
    }
    if (other.row.parent === row.row.parent) {
      const previous = ordinals[j];
      if (previous !== null && previous !== undefined) expected.add(String(previous + 1));
      break;
    }
  }
  if (row.row.parent === null && expected.size === 0) expected.add("1");
  return expected;
}

/**
 * Lines from flowing text: hits in order, each row hit with the value chunks of the
 * text after it. Unknown words followed by figures are an unknown row of their own;
 * a sentence ends the table.
 */
function streamLines(text: SourceText, hits: readonly LabelHit[], map: readonly number[]): TableLine[] {
  const lines: TableLine[] = [];
  const at = (folded: number) => (folded < map.length ? map[folded]! : text.text.length);
  const labelsText = hits.map((hit) => slice(text, at(hit.from), hit.to - 1 < map.length ? map[hit.to - 1]! + 1 : text.text.length));
  const gaps: SourceText[] = hits.map((hit, i) => {
    const from = hit.to - 1 < map.length ? map[hit.to - 1]! + 1 : text.text.length;
    const next = hits[i + 1];
    return slice(text, from, Math.max(from, next ? at(next.from) : text.text.length));
  });
  const unsure: boolean[] = hits.map(() => false);
  const ordinals: (number | null)[] = hits.map(() => null);
  // Row numbers glued to the figures of the row before: take them off where the numbering tells how many digits they are.
  for (let i = 1; i < hits.length; i++) {
    const number = trailingRowNumber(gaps[i - 1]!.text);
    if (!number || !rowRole(hits[i]!)) continue;
    const expected = [...expectedOrdinals(hits, i, ordinals)].filter((e) => number.digits.endsWith(e));
    const lengths = new Set(expected.map((e) => e.length));
    if (lengths.size === 1) {
      const digits = expected[0]!;
      ordinals[i] = Number(digits);
      gaps[i - 1] = slice(gaps[i - 1]!, 0, number.at + number.digits.length - digits.length);
    } else {
      unsure[i - 1] = true;
      gaps[i - 1] = slice(gaps[i - 1]!, 0, number.at + number.digits.length);
    }
  }
  hits.forEach((hit, i) => {
    const gap = gaps[i]!;
    const chunks = valuePieces(gap.text);
    const groups: { label: SourceText | null; unit: SourceText | null; values: LineValue[] }[] = [{ label: null, unit: null, values: [] }];
    let cursor = 0;
    for (const [k, chunk] of chunks.entries()) {
      // A number that opens a clause (2016年，我区… after the table's last row) is prose: the table has ended.
      if (PROSE_NUMBER_END.test(gap.text.slice(chunk.to, chunks[k + 1]?.from ?? gap.text.length))) break;
      const between = gap.text.slice(cursor, chunk.from);
      if (!isFiller(between)) {
        const words = between.normalize("NFKC").replace(/[\s\p{P}\p{S}]/gu, "");
        if (SENTENCE.test(between) || words.length > MAX_UNKNOWN_LABEL || !/[\p{Script=Han}]{2,}/u.test(between)) break;
        groups.push({ label: trim(slice(gap, cursor, chunk.from)), unit: null, values: [] });
      } else if (groups[groups.length - 1]!.values.length === 0) {
        // The unit column's word between a label and its figures (政府信息公开收费减免金额 元 0 0).
        const unit = UNIT_WORD.exec(between);
        if (unit) groups[groups.length - 1]!.unit = slice(gap, cursor + unit.index, cursor + unit.index + unit[0].length);
      }
      groups[groups.length - 1]!.values.push({
        text: slice(gap, chunk.from, chunk.to),
        kind: chunk.kind,
        unit: chunk.unit,
        column: null,
        colSpan: 1,
        wholeCell: false,
        unsure: false,
      });
      cursor = chunk.to;
    }
    const last = groups[groups.length - 1]!;
    if (unsure[i] && last.values.length > 0) last.values[last.values.length - 1]!.unsure = true;
    const own = groups[0]!.values;
    const carriesValues = hit.roles.some((r) => r.kind === "row" || r.kind === "section");
    const unit = groups[0]!.unit;
    lines.push({ label: labelsText[i]!, unit: carriesValues ? unit : null, roles: hit.roles, values: carriesValues ? own : [], header: null, offset: labelsText[i]!.offsets[0] ?? 0, grid: false });
    // Figures right after a header or column label (表四's fifteen cells): a line of values.
    if (!carriesValues && own.length > 0) lines.push({ label: null, unit: null, roles: [], values: own, header: null, offset: own[0]!.text.offsets[0] ?? 0, grid: false });
    for (const extra of groups.slice(1)) {
      lines.push({ label: extra.label, unit: extra.unit, roles: [], values: extra.values, header: null, offset: extra.label?.offsets[0] ?? 0, grid: false });
    }
  });
  return lines;
}

/**
 * Join the halves of a label broken over two lines (`5.要求行政机关确认或重 新出具` /
 * `已获取信息`): an unknown label with no figures, followed by a label, is one
 * label when the two together are a known one.
 */
function joinBrokenLabels(lines: readonly TableLine[], labels: TableLabels): TableLine[] {
  const out: TableLine[] = [];
  for (const line of lines) {
    const previous = out[out.length - 1];
    if (previous && previous.label && previous.roles.length === 0 && previous.values.length === 0 && !previous.header && line.label && !line.header) {
      const joined = concat([previous.label, line.label]);
      const roles = labels.lookup(joined.text);
      if (roles.length > 0) {
        out[out.length - 1] = { ...line, label: joined, roles, offset: previous.offset };
        continue;
      }
    }
    out.push(line);
  }
  return out;
}

// ---------------------------------------------------------------- clusters

/** Most words that can stand between two labels of one table (a flattened table has figures between, prose has sentences). */
const MAX_WORDS_BETWEEN = 8;

const UNCOUNTED_WORDS = /其中|万元|人次|计量单位/g;
const NOT_A_WORD = /[\d\s\p{P}\p{S}条件元项次个人篇起份]/gu;

function wordsBetween(text: string): number {
  return text.normalize("NFKC").replace(UNCOUNTED_WORDS, "").replace(NOT_A_WORD, "").length;
}

/**
 * Per code unit, for wordsBetween's count without normalising and copying the
 * text: 0 = not known to be its own NFKC form (count the slow way), 1 = a word
 * character, 2 = a character the count leaves out. Filled for ASCII, the CJK
 * Unified Ideographs and CJK and general punctuation, which NFKC neither
 * changes nor composes with their neighbours: most text between labels.
 */
const WORD_CLASS = (() => {
  const classes = new Uint8Array(0x10000);
  const ranges: [number, number][] = [[0x00, 0x7f], [0x2010, 0x2027], [0x2030, 0x205e], [0x3001, 0x3029], [0x4e00, 0x9fff]];
  for (const [from, to] of ranges) {
    for (let code = from; code <= to; code++) {
      const character = String.fromCharCode(code);
      if (character.normalize("NFKC") !== character) continue;
      NOT_A_WORD.lastIndex = 0;
      classes[code] = NOT_A_WORD.test(character) ? 2 : 1;
    }
  }
  return classes;
})();

/** wordsBetween(text) > limit, stopping as soon as the count passes the limit (the text between two hits can be a whole page of prose). */
function moreWordsThan(text: string, limit: number): boolean {
  let words = 0;
  for (let i = 0; i < text.length; ) {
    const kind = WORD_CLASS[text.charCodeAt(i)];
    if (kind === 0) return wordsBetween(text) > limit;
    if (kind === 1) {
      const uncounted = uncountedWordAt(text, i);
      if (uncounted > 0) {
        i += uncounted;
        continue;
      }
      if (++words > limit) return true;
    }
    i++;
  }
  return false;
}

/** Length of the word of UNCOUNTED_WORDS that starts at `at`, or 0. */
function uncountedWordAt(text: string, at: number): number {
  for (const word of ["其中", "万元", "人次", "计量单位"]) if (text.startsWith(word, at)) return word.length;
  return 0;
}

interface Cluster {
  hits: LabelHit[];
  rowsWithFigures: number;
}

function clusters(folded: string, hits: readonly LabelHit[], layout: Table["layout"]): Cluster[] {
  const found: Cluster[] = [];
  let current: Cluster | null = null;
  hits.forEach((hit, i) => {
    const previous = hits[i - 1];
    const between = previous ? folded.slice(previous.to, hit.from) : "";
    if (!current || moreWordsThan(between, MAX_WORDS_BETWEEN)) {
      current = { hits: [], rowsWithFigures: 0 };
      found.push(current);
    }
    current.hits.push(hit);
    const next = hits[i + 1];
    const after = folded.slice(hit.to, next ? next.from : Math.min(folded.length, hit.to + 40));
    const carries = hit.roles.some((r) => r.kind === "row" || r.kind === "section" || (layout === "header_row" && r.kind === "column"));
    if (carries && /^(?:[^\d\p{Script=Han}]|其中|[条件元项次个篇起份])*[+-]?\d/u.test(after)) current.rowsWithFigures++;
  });
  return found;
}

// ---------------------------------------------------------------- the document

interface Segment {
  kind: "grid" | "stream";
  blocks: { block: Block; index: number }[];
}

/** Short paragraphs between two table blocks are fragments of the table (a label broken by a page break). */
const FRAGMENT_MAX_CHARS = 60;

function segments(document: SourceDocument): Segment[] {
  const out: Segment[] = [];
  const blocks = document.blocks;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const last = out[out.length - 1];
    if (block.kind === "table") {
      if (last?.kind === "grid") last.blocks.push({ block, index: i });
      else out.push({ kind: "grid", blocks: [{ block, index: i }] });
      continue;
    }
    const text = block.kind === "list" ? block.items.map((t) => t.text).join("") : block.text.text;
    const fragment = text.length <= FRAGMENT_MAX_CHARS && !/[。；]/.test(text);
    const nextIsTable = blocks.slice(i + 1, i + 4).some((b) => b.kind === "table");
    if (last?.kind === "grid" && fragment && nextIsTable) {
      last.blocks.push({ block, index: i });
      continue;
    }
    if (last?.kind === "stream") last.blocks.push({ block, index: i });
    else out.push({ kind: "stream", blocks: [{ block, index: i }] });
  }
  return out;
}

function textOf(block: Block): SourceText {
  if (block.kind === "list") return concat(block.items, "\n");
  if (block.kind === "table") return concat(block.grid.flatMap((row) => row.map((p) => p.cell.text)), " ");
  return block.text;
}

function blockRange(block: Block): { start: number; end: number } | null {
  const text = textOf(block);
  if (text.text.length === 0) return null;
  return rangeOf(text, 0, text.text.length);
}

/** Labels that name a table for certain: its rows, headings and captions (column headers such as 其他 or 总计 recur across tables). */
const STRONG = new Set<LabelRole["kind"]>(["row", "section", "group", "heading", "caption", "column_group"]);

/**
 * How many of `cells` are labels of the table, counting only labels that name
 * it for certain (`strong`: a row, heading or caption of three characters or
 * more — 其他 and 总计 are words of every table) or any.
 */
function hitsOf(table: Table, cells: readonly string[], strong: boolean): number {
  return cells.filter((c) => (!strong || labelCore(c).length >= 3) && labelsOf(table).lookup(c).some((role) => !strong || STRONG.has(role.kind))).length;
}

/** The table with most hits (`hits[i]` for `tables[i]`), the first of equals; null when none has any. */
function mostOf(tables: readonly Table[], hits: readonly number[]): Table | null {
  let best: Table | null = null;
  let bestHits = 0;
  tables.forEach((table, i) => {
    if (hits[i]! > bestHits) {
      best = table;
      bestHits = hits[i]!;
    }
  });
  return best;
}

/**
 * The regions of the template's tables in a document, in document order. A
 * table the document does not hold has no region.
 */
export function locateTables(document: SourceDocument, template: Template): TableRegion[] {
  const found: TableRegion[] = [];
  for (const segment of segments(document)) {
    if (segment.kind === "grid") found.push(...gridRegions(segment, template.tables));
    else found.push(...streamRegions(segment, template.tables));
  }
  // A grid cut in two by a little text (a web-page scrap, a page footer, a note) is one table when its parts print different rows.
  const regions: TableRegion[] = [];
  for (const region of found) {
    const previous = regions[regions.length - 1];
    if (previous && previous.table === region.table && previous.mode === "grid" && region.mode === "grid" && !sharesRows(previous, region)) {
      const from = Math.max(...previous.ranges.map((r) => r.end));
      const to = Math.min(...region.ranges.map((r) => r.start));
      const between = document.blocks
        .filter((block) => block.kind !== "table")
        .flatMap((block) => {
          const range = blockRange(block);
          return range && range.start >= from && range.end <= to ? [trim(textOf(block))] : [];
        });
      if (between.length <= MAX_INTERRUPTION_BLOCKS && between.reduce((n, t) => n + t.text.length, 0) <= MAX_INTERRUPTION_CHARS) {
        previous.interruptions.push(...between);
        previous.lines.push(...region.lines);
        previous.ranges.push(...region.ranges);
        continue;
      }
    }
    regions.push(region);
  }
  // One region per table: the one with most figures on its rows (a table printed twice, or a passing mention, loses; a grid wins a tie).
  const figures = (region: TableRegion) =>
    region.lines
      .filter((l) => l.roles.some((r) => r.kind === "row" || r.kind === "section") || (region.table.layout === "header_row" && l.label === null))
      .reduce((n, l) => n + l.values.filter((v) => v.kind !== "blank").length, 0);
  const best = new Map<string, TableRegion>();
  for (const region of regions) {
    const kept = best.get(region.table.id);
    if (!kept || figures(region) > figures(kept) || (figures(region) === figures(kept) && region.mode === "grid" && kept.mode === "stream")) {
      best.set(region.table.id, region);
    }
  }
  for (const region of best.values()) region.lines = joinBrokenLabels(region.lines, labelsOf(region.table));
  return [...best.values()].sort((a, b) => (a.ranges[0]?.start ?? 0) - (b.ranges[0]?.start ?? 0));
}

/** Most text between two parts of one table: more is the report's own text, and the parts stay apart. */
const MAX_INTERRUPTION_BLOCKS = 3;
const MAX_INTERRUPTION_CHARS = 400;

/** The rows a region prints figures on, where the label names one row only. */
function printedRows(region: TableRegion): Set<string> {
  const rows = new Set<string>();
  for (const line of region.lines) {
    if (line.values.length === 0) continue;
    const ids = new Set(line.roles.flatMap((r) => (r.kind === "row" && r.row.id ? [r.row.id] : [])));
    if (ids.size === 1) rows.add([...ids][0]!);
  }
  return rows;
}

function sharesRows(a: TableRegion, b: TableRegion): boolean {
  const rows = printedRows(a);
  return [...printedRows(b)].some((id) => rows.has(id));
}

function gridRegions(segment: Segment, tables: readonly Table[]): TableRegion[] {
  const regions: TableRegion[] = [];
  let current: TableRegion | null = null;
  for (const { block } of segment.blocks) {
    if (block.kind !== "table") {
      // A fragment between two parts of a table: a label-only line of the current table.
      if (current) {
        const text = trim(textOf(block));
        current.lines.push({ label: text, unit: null, roles: labelsOf(current.table).lookup(text.text), values: [], header: null, offset: text.offsets[0] ?? 0, grid: false });
        const range = blockRange(block);
        if (range) current.ranges.push(range);
      }
      continue;
    }
    // A table block is one table, unless a row names another one for certain (its heading, a caption, a row label):
    // then the block is cut there. Column headers (其他, 总计) recur across tables and decide nothing.
    const rowCells = block.grid.map((row, r) => row.filter((p, c) => p.origin.row === r && p.origin.column === c).map((p) => p.cell.text.text));
    // Per table, per row: how many cells name the table for certain. Each cell is looked up once per table.
    const strong = tables.map((table) => rowCells.map((cells) => hitsOf(table, cells, true)));
    const sum = (counts: readonly number[]) => counts.reduce((n, k) => n + k, 0);
    let rowTable: Table | null = mostOf(tables, strong.map(sum)) ?? mostOf(tables, tables.map((table) => hitsOf(table, rowCells.flat(), false)));
    const parts: { table: Table; from: number; to: number }[] = [];
    rowCells.forEach((_cells, r) => {
      const named = mostOf(tables, strong.map((counts) => counts[r]!));
      if (named && rowTable && strong[tables.indexOf(rowTable)]![r]! < strong[tables.indexOf(named)]![r]!) rowTable = named;
      if (!rowTable) return;
      const last = parts[parts.length - 1];
      if (last && last.table === rowTable && last.to === r) last.to = r + 1;
      else parts.push({ table: rowTable, from: r, to: r + 1 });
    });
    for (const part of parts) {
      const sub: TableBlock = { ...block, grid: rebase(block.grid, part.from, part.to) };
      const lines = blockLines(sub, labelsOf(part.table));
      const range = blockRange(sub);
      if (current && current.table === part.table) {
        current.lines.push(...lines);
        if (range) current.ranges.push(range);
      } else {
        current = { table: part.table, lines, ranges: range ? [range] : [], mode: "grid", interruptions: [] };
        regions.push(current);
      }
    }
  }
  return regions;
}

/** Rows [from, to) of a grid, origins moved so row `from` is row 0; a cell spanning in from above keeps a negative origin (context, not a cell of these rows). */
function rebase(grid: TableBlock["grid"], from: number, to: number): TableBlock["grid"] {
  return grid.slice(from, to).map((row) => row.map((p) => ({ cell: p.cell, origin: { row: p.origin.row - from, column: p.origin.column } })));
}

function streamRegions(segment: Segment, tables: readonly Table[]): TableRegion[] {
  const text = concat(segment.blocks.map(({ block }) => textOf(block)), "\n");
  if (text.text.length === 0) return [];
  const scanned = foldText(text.text);
  // Where each folded character came from, worked out only for a text that holds a table (most hold none).
  let folded: FoldedText | null = null;
  const regions: TableRegion[] = [];
  for (const table of tables) {
    const labels = labelsOf(table);
    const hits = labels.scan(scanned);
    const candidates = clusters(scanned, hits, table.layout).filter((c) => c.rowsWithFigures >= 1 && c.hits.length >= 3);
    if (candidates.length === 0) continue;
    folded ??= fold(text.text);
    const chosen = candidates.reduce((a, b) => (b.rowsWithFigures > a.rowsWithFigures ? b : a));
    const lines = streamLines(text, chosen.hits, folded.map);
    const first = chosen.hits[0]!;
    const lastLine = [...lines].reverse().find((l) => l.values.length > 0);
    const lastValue = lastLine?.values[lastLine.values.length - 1];
    const start = rangeOf(text, folded.map[first.from]!, folded.map[first.from]! + 1).start;
    const endText = lastValue ? rangeOf(lastValue.text, 0, lastValue.text.text.length).end : rangeOf(text, folded.map[chosen.hits[chosen.hits.length - 1]!.to - 1]!, folded.map[chosen.hits[chosen.hits.length - 1]!.to - 1]! + 1).end;
    regions.push({ table, lines, ranges: [{ start, end: endText }], mode: "stream", interruptions: [] });
  }
  return regions;
}

