/**
 * Classify source lines for the statistics table: which are table rows, which
 * row labels the catalog knows, and which lines are only the gaps a page break
 * leaves (blank lines, Markdown delimiter rows, empty continuation headers).
 * Shared by locating the table and reading it.
 */
import type { Template } from "../../catalog/index.ts";
import type { SourceLine } from "../types.ts";
import { buildLabelMatcher, type LabelEntry, type LabelMatcher } from "./label-match.ts";
import { cleanCell, isPipeRule, splitRow } from "./table-rows.ts";

export type LineKind =
  /** blank line, |---| rule, a page number, or a row whose cells are all empty (a page's empty header) */
  | "gap"
  /** a table row whose label the catalog knows (indicator, section, group) */
  | "known"
  /** the 统计指标 / 单位 / 统计数 header row */
  | "header"
  /** a table row the catalog does not know */
  | "row"
  /** a short line without cells: half of a label broken over two lines, a note, a page number */
  | "fragment"
  /** running text: the table has ended */
  | "prose";

export interface ClassifiedLine {
  n: number;
  text: string;
  kind: LineKind;
  /** true when the line has cells (tsv, pipes, html); false for a bare line of text */
  isRow: boolean;
  /** for rows: the label cell (cleaned) and the cells after it */
  label: string;
  rest: string[];
  entries: LabelEntry[];
}

/** A page number the printout left at a page break inside the table: 第 3 页, 第3页 共5页, - 3 -, — 3 —, 3/5. */
const PAGE_NUMBER = /^(?:第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?|[-—–]\s*\d{1,4}\s*[-—–]|\d{1,4}\s*\/\s*\d{1,4})$/;

/** Longest line (after trimming) that may still be a broken label or a page artefact inside a table. */
const FRAGMENT_MAX_CHARS = 60;

/** Units the template uses, plus the dashes reports print in the unit column of section rows. */
export function unitWords(template: Template): Set<string> {
  return new Set(template.indicators.map((i) => i.unit));
}

export function isDashCell(cell: string): boolean {
  return /^[-—–―─－‐]+$/.test(cell.normalize("NFKC").trim());
}

/**
 * Split a row's cells into its label and the cells after it. Leading empty
 * cells and a 序号 column are skipped; a row whose first filled cell is a unit
 * or a dash has no label (its label is on the line above).
 */
function labelAndRest(cells: string[], units: Set<string>): { label: string; rest: string[] } {
  const first = cells.findIndex((c) => c.trim() !== "");
  if (first < 0) return { label: "", rest: [] };
  let index = first;
  while (index < cells.length - 1 && /^\d+$/.test(cells[index]!.trim())) index++;
  const cell = cells[index]!.trim();
  if (cell === "" || isDashCell(cell) || units.has(cell.normalize("NFKC")) || /^\d+$/.test(cell)) {
    return { label: "", rest: cells.slice(first) };
  }
  return { label: cells[index]!, rest: cells.slice(index + 1) };
}

function classify(line: SourceLine, matcher: LabelMatcher, headers: Set<string>, units: Set<string>): ClassifiedLine {
  const base = { n: line.n, text: line.text, isRow: false, label: "", rest: [] as string[], entries: [] as LabelEntry[] };
  const trimmed = line.text.trim();
  if (trimmed === "" || isPipeRule(trimmed) || PAGE_NUMBER.test(trimmed.normalize("NFKC"))) return { ...base, kind: "gap" };
  const row = splitRow(line.text);
  if (row) {
    if (row.cells.every((c) => c === "")) return { ...base, kind: "gap" };
    const { label, rest } = labelAndRest(row.cells, units);
    const headerCells = row.cells.filter((c) => headers.has(c.normalize("NFKC").replace(/\s/g, ""))).length;
    const entries = matcher.lookup(label);
    const cells = { ...base, isRow: true, label, rest };
    if (headerCells >= 2 || entries.some((e) => e.kind === "header")) return { ...cells, kind: "header" };
    return { ...cells, kind: entries.length > 0 ? "known" : "row", entries };
  }
  const label = cleanCell(line.text);
  const entries = matcher.lookup(label);
  if (entries.length > 0) return { ...base, kind: "known", label, entries };
  const short = label.normalize("NFKC").length <= FRAGMENT_MAX_CHARS && !/[。；]/.test(label);
  return { ...base, kind: short ? "fragment" : "prose", label };
}

/**
 * One matcher per template, built once per process: building it normalises
 * every catalog label and variant, which took about a tenth of a whole
 * conversion when it was rebuilt for every report (twice).
 */
const matchers = new WeakMap<Template, LabelMatcher>();

export function labelMatcherFor(template: Template): LabelMatcher {
  let matcher = matchers.get(template);
  if (!matcher) {
    matcher = buildLabelMatcher(template);
    matchers.set(template, matcher);
  }
  return matcher;
}

export function classifyLines(lines: SourceLine[], template: Template): ClassifiedLine[] {
  const matcher = labelMatcherFor(template);
  const headers = new Set(template.headerLabels.map((h) => h.normalize("NFKC").replace(/\s/g, "")));
  const units = unitWords(template);
  return lines.map((line) => classify(line, matcher, headers, units));
}
