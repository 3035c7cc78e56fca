/**
 * Figures the report's prose states (主动公开政府信息 42704 条), read through
 * each indicator's `textCues` in the catalog: the phrase that precedes the
 * number and the units accepted right after it. The checks compare them with
 * the table; for a report without a table they are the only figures.
 *
 * Only exact statements count:
 * - the number must follow the cue directly (allowing 共/为/达/数/：and spaces)
 *   and carry one of the cue's units; a percentage or another unit is not it;
 * - approximate numbers are skipped: 约/近/逾/超过 before, 余/多 before the
 *   unit, 以上/左右/多 after it;
 * - a figure for an indicator that has parts in the catalog (a total) is
 *   skipped when it stands after 其中 in its sentence: there it is a part's
 *   figure (…主动公开政府信息15131条，其中：通过政府门户网站主动公开政府信息6572条);
 * - nothing is inferred. Example (seed 002, line 76): “通过《平罗县政务信息》
 *   发布政府信息 858 篇” is a channel, but the text does not say it is the
 *   government gazette (政府公报) nor “other channels”, and its unit is 篇, so
 *   it is not recorded as proactive_gazette or proactive_other, even though the
 *   channel figures of that sentence add up to the total.
 *
 * One figure per indicator: the first clear statement in reading order. When
 * the prose later states a different number for the same cue, the first is
 * kept and its note names the other statement (line and phrase), so a reader
 * sees the disagreement; the checks compare the first with the table.
 */
import type { Indicator, Template } from "../../catalog/index.ts";
import type { Statistic } from "../../schema/report.ts";
import type { SourceLine } from "../types.ts";
import { locateStatisticsTable } from "./statistics-locate.ts";
import { cleanCell, splitRow } from "./table-rows.ts";

interface Candidate {
  indicator: string;
  line: SourceLine;
  position: number;
  value: number;
  raw: string;
}

const FILLER = /^\s*(?:总数为|总数|数量为|数量|数为|数|共计|总计|合计|累计|共|计|为|达到|达|：|:)?\s*/;
const APPROXIMATE_BEFORE = /^(?:约|近|逾|超过|将近|大约|接近)/;
const NUMBER = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/;
const APPROXIMATE_AFTER = /^(?:以上|左右|多|余)/;
const COUNT_UNITS = new Set(["条", "件", "次", "个", "人", "篇", "人次", "名", "期"]);
const LONGER_UNITS = ["人次", "条次", "件次", "户次"];
/**
 * How much text after a cue can hold its figure: filler, a number, spacing, a
 * unit and an approximation word. Reading only this window keeps a line with
 * thousands of cues linear.
 */
const FIGURE_WINDOW = 80;
const SENTENCE_END = /[。；;]/g;

/** Full-width digits and comma to ASCII, one character for one so positions stay valid. */
function asciiDigits(text: string): string {
  return text.replace(/[０-９，．]/g, (c) => (c === "，" ? "," : c === "．" ? "." : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

/** Positions in a line, ascending: sentence ends (。；;) and 其中; found once per line. */
interface LineMarks {
  ends: number[];
  which: number[];
}

function positionsOf(text: string, pattern: RegExp): number[] {
  return [...text.matchAll(pattern)].map((m) => m.index);
}

/** Index of the first element ≥ value (binary search over an ascending array). */
function firstAtLeast(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Where the sentence (split on 。；;) around a position starts and ends. */
function sentenceBounds(marks: LineMarks, length: number, position: number): { start: number; end: number } {
  const next = firstAtLeast(marks.ends, position);
  return { start: next > 0 ? marks.ends[next - 1]! + 1 : 0, end: next < marks.ends.length ? marks.ends[next]! : length };
}

/** The sentence around a position, markup removed: the label of a text figure. */
function sentenceAt(text: string, marks: LineMarks, position: number): string {
  const { start, end } = sentenceBounds(marks, text.length, position);
  return cleanCell(text.slice(start, end)).replace(/^#+\s*/, "");
}

/** The figure right after a cue at `position`, or null when there is no exact one. */
function readAfterCue(text: string, position: number, before: string, units: string[]): { value: number; raw: string } | null {
  const afterCue = position + before.length;
  const rest = asciiDigits(text.slice(afterCue, afterCue + FIGURE_WINDOW));
  const filler = FILLER.exec(rest)?.[0] ?? "";
  const atNumber = rest.slice(filler.length);
  if (APPROXIMATE_BEFORE.test(atNumber)) return null;
  const number = NUMBER.exec(atNumber);
  if (!number) return null;
  const afterNumber = atNumber.slice(number[0].length);
  const spacing = /^\s*/.exec(afterNumber)?.[0] ?? "";
  const unit = [...units].sort((a, b) => b.length - a.length).find((u) => afterNumber.startsWith(u, spacing.length));
  if (!unit) return null;
  // 人 must not be the start of 人次, nor 条 of 条次: a longer unit is a different measure.
  if (LONGER_UNITS.some((longer) => longer.startsWith(unit) && longer !== unit && afterNumber.startsWith(longer, spacing.length))) {
    return null;
  }
  if (APPROXIMATE_AFTER.test(afterNumber.slice(spacing.length + unit.length))) return null;
  const value = Number(number[0].replace(/,/g, ""));
  if (!Number.isInteger(value) && COUNT_UNITS.has(unit)) return null;
  const end = afterCue + filler.length + number[0].length + spacing.length + unit.length;
  return { value, raw: text.slice(position, end) };
}

function candidatesInLine(line: SourceLine, indicator: Indicator, isTotal: boolean): Candidate[] {
  const found: Candidate[] = [];
  let marks: LineMarks | null = null;
  for (const cue of indicator.textCues) {
    for (let at = line.text.indexOf(cue.before); at >= 0; at = line.text.indexOf(cue.before, at + 1)) {
      const figure = readAfterCue(line.text, at, cue.before, cue.units);
      if (!figure) continue;
      marks ??= { ends: positionsOf(line.text, SENTENCE_END), which: positionsOf(line.text, /其中/g) };
      if (isTotal) {
        // 其中 between the sentence start and the cue: the figure names a part.
        const { start } = sentenceBounds(marks, line.text.length, at);
        const which = marks.which[firstAtLeast(marks.which, start)];
        if (which !== undefined && which + 2 <= at) continue;
      }
      found.push({ indicator: indicator.id, line, position: at, ...figure });
    }
  }
  return found;
}

/** Lines that are prose: outside the statistics table and not Markdown or HTML table rows. */
function proseLines(lines: SourceLine[], template: Template): SourceLine[] {
  const table = locateStatisticsTable(lines, template);
  return lines.filter((line) => {
    if (table && line.n >= table.from && line.n <= table.to) return false;
    const format = splitRow(line.text)?.format;
    return format !== "pipe" && format !== "html";
  });
}

export function extractTextFigures(lines: SourceLine[], template: Template): Statistic[] {
  const prose = proseLines(lines, template);
  const parents = new Set(template.indicators.map((i) => i.parent).filter((p): p is string => p !== null));
  const figures: Statistic[] = [];
  const ordered = [...template.indicators].sort((a, b) => a.order - b.order);
  for (const indicator of ordered) {
    if (indicator.textCues.length === 0) continue;
    const candidates = prose
      .flatMap((line) => candidatesInLine(line, indicator, parents.has(indicator.id)))
      .sort((a, b) => a.line.n - b.line.n || a.position - b.position);
    const first = candidates[0];
    if (!first) continue;
    const others = candidates.filter((c) => c.value !== first.value);
    const note =
      others.length > 0
        ? `正文另有不同说法：${others.map((c) => `第 ${c.line.n} 行“${c.raw}”`).join("；")}`
        : null;
    const text = first.line.text;
    figures.push({
      indicator: first.indicator,
      value: first.value,
      origin: "text",
      line: first.line.n,
      raw: first.raw,
      label: sentenceAt(text, { ends: positionsOf(text, SENTENCE_END), which: [] }, first.position),
      note,
    });
  }
  return figures;
}
