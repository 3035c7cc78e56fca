/**
 * Statistics stage: read the statistics table (统计表) into catalog indicators.
 *
 * Rows come in whatever shape the OCR left (tab-separated, Markdown pipes,
 * HTML cells), split by pages, with repeated headers and labels broken over
 * two lines. Each row label is matched through the catalog (label-match.ts);
 * the section row above it (一、… 九、) decides between indicators that share
 * a label (（二）被依法纠错数 under 四 or 五). Values are read by value-parse.ts:
 * a number only when the cell can mean nothing else. Nothing is guessed and
 * nothing is corrected; every doubt becomes a warning that names the line.
 */
import type { Indicator, Template } from "../../catalog/index.ts";
import type { Diagnostic, Statistic } from "../../schema/report.ts";
import { emptyLog, type SourceLine, type StageLog } from "../types.ts";
import { sectionOrdinal, type LabelEntry } from "./label-match.ts";
import { classifyLines, isDashCell, labelMatcherFor, unitWords } from "./statistics-rows.ts";
import { locateStatisticsTable } from "./statistics-locate.ts";
import { parseValueCell } from "./value-parse.ts";

export { locateStatisticsTable } from "./statistics-locate.ts";

function warning(code: string, line: number | null, message: string): Diagnostic {
  return { severity: "warning", code, line, message };
}

/** The unit cell and the value cells among the cells after the label. */
function splitUnitAndValues(rest: string[], units: Set<string>): { unit: string | null; values: string[] } {
  const unitLike = (cell: string) => cell === "" || isDashCell(cell) || units.has(cell.normalize("NFKC").trim());
  if (rest.length === 1) {
    const only = rest[0]!;
    return unitLike(only) && only !== "" ? { unit: only, values: [] } : { unit: null, values: [only] };
  }
  if (rest.length >= 2 && unitLike(rest[0]!)) return { unit: rest[0]!, values: rest.slice(1) };
  return { unit: null, values: rest };
}

/** The statistic a row holds, and the warning its value deserves, if any. */
function readRowValue(
  indicator: Indicator,
  n: number,
  rest: string[],
  label: string,
  units: Set<string>,
): { statistic: Statistic; problem: Diagnostic | null } {
  const { unit, values } = splitUnitAndValues(rest, units);
  const ownUnits = [indicator.unit, ...(unit && !isDashCell(unit) && unit !== indicator.unit ? [unit] : [])];
  const filled = values.filter((v) => v.trim() !== "");
  const base = { indicator: indicator.id, origin: "table" as const, line: n, label };
  if (filled.length > 1) {
    const raw = filled.join(" | ");
    return {
      statistic: { ...base, value: null, raw, note: `一行有 ${filled.length} 个数值单元格，无法确定取哪一个` },
      problem: warning("ambiguous_value", n, `第 ${n} 行“${label}”有多个数值：${raw}，记为空`),
    };
  }
  const raw = filled[0] ?? "";
  const reading = parseValueCell(raw, ownUnits);
  return {
    statistic: { ...base, value: reading.kind === "number" ? reading.value : null, raw, note: reading.note },
    problem:
      reading.kind === "ambiguous"
        ? warning("ambiguous_value", n, `第 ${n} 行“${label}”的数值“${raw}”无法确定：${reading.note}，记为空`)
        : null,
  };
}

interface ReaderState {
  section: string | null;
  /** inside （四）申请公开的主要内容: unknown rows are its free text, not errors */
  freeText: boolean;
  /** half of a label broken over two lines, waiting for the row that carries the rest */
  pending: { label: string; n: number } | null;
}

/** Pick the entry a label stands for here; several only when the section must decide. */
function chooseEntry(entries: LabelEntry[], section: string | null): LabelEntry | "ambiguous" {
  if (entries.length === 1) return entries[0]!;
  const inSection = entries.filter((e) => e.kind !== "header" && e.section === section);
  return inSection.length === 1 ? inSection[0]! : "ambiguous";
}

/**
 * Read the statistics table of a report. `lines` may be the whole report (the
 * table is located first) or just the table. Statistics come in table order.
 */
export function readStatisticsTable(
  lines: SourceLine[],
  template: Template,
): { statistics: Statistic[]; log: StageLog } {
  const log = emptyLog();
  const range = locateStatisticsTable(lines, template);
  if (!range) return { statistics: [], log };

  const matcher = labelMatcherFor(template);
  const units = unitWords(template);
  const indicators = new Map(template.indicators.map((i) => [i.id, i]));
  const found = new Map<string, Statistic>();
  const state: ReaderState = { section: null, freeText: false, pending: null };
  const inRange = lines.filter((l) => l.n >= range.from && l.n <= range.to);

  const record = (indicatorId: string, n: number, rest: string[], label: string): void => {
    const { statistic, problem } = readRowValue(indicators.get(indicatorId)!, n, rest, label, units);
    if (problem) log.diagnostics.push(problem);
    const earlier = found.get(indicatorId);
    if (!earlier) {
      found.set(indicatorId, statistic);
    } else if (earlier.value !== statistic.value) {
      // Two rows for one indicator that disagree: either could be the slip, so neither is the figure.
      const conflict = `第 ${earlier.line} 行“${earlier.raw || "空"}”与第 ${n} 行“${statistic.raw || "空"}”不一致`;
      found.set(indicatorId, { ...earlier, value: null, note: `重复的行数值不同：${conflict}，无法确定` });
      log.diagnostics.push(
        warning("duplicate_row", n, `第 ${n} 行重复了第 ${earlier.line} 行的“${earlier.label}”，数值不同（${statistic.raw || "空"} ≠ ${earlier.raw || "空"}），记为空`),
      );
    }
  };

  /** Resolve a row (or a label left without its row) to an entry, warning when it cannot be. */
  const resolve = (label: string, entries: LabelEntry[], n: number, hasValues: boolean): LabelEntry | null => {
    if (entries.length === 0) {
      if (state.freeText) return null;
      const ordinal = sectionOrdinal(label);
      const section = ordinal ? template.sections[ordinal - 1] : undefined;
      if (section) {
        state.section = section.id;
        log.diagnostics.push(warning("unknown_row", n, `第 ${n} 行“${label}”不是已知的栏目名，按序号视为“${section.label}”`));
      } else if (label !== "" || hasValues) {
        log.diagnostics.push(warning("unknown_row", n, `第 ${n} 行“${label}”不是统计表中的已知指标，已跳过`));
      }
      return null;
    }
    const entry = chooseEntry(entries, state.section);
    if (entry === "ambiguous") {
      log.diagnostics.push(warning("ambiguous_label", n, `第 ${n} 行“${label}”可属于多个指标，所在栏目无法区分，已跳过`));
      return null;
    }
    return entry;
  };

  const handle = (entry: LabelEntry, n: number, rest: string[], label: string): void => {
    if (entry.kind === "indicator") {
      state.section = entry.section;
      state.freeText = false;
      record(entry.indicator, n, rest, label);
      return;
    }
    applyHeading(entry, state);
    if (entry.kind === "section" && entry.indicator) record(entry.indicator, n, rest, label);
  };

  /** A label line that no row completed: a row printed without any value cell, or an unknown line. */
  const flushPending = (): void => {
    const pending = state.pending;
    state.pending = null;
    if (!pending) return;
    const entry = resolve(pending.label, matcher.lookup(pending.label), pending.n, false);
    if (entry) handle(entry, pending.n, [], pending.label);
  };

  for (const row of classifyLines(inRange, template)) {
    if (row.kind === "gap" || row.kind === "header") continue;
    if (!row.isRow || row.rest.every((c) => c.trim() === "")) {
      // A line without value cells: a section or group heading on its own, a note, or half of a
      // broken label whose value is on the next row.
      const alone = row.entries.length > 0 ? chooseEntry(row.entries, state.section) : "ambiguous";
      if (alone !== "ambiguous" && alone.kind !== "indicator") {
        flushPending();
        applyHeading(alone, state);
      } else if (state.pending) {
        // Join the halves of a broken label, but two complete labels in a row are two rows.
        const joined = state.pending.label + row.label;
        const twoRows = matcher.lookup(joined).length === 0 && matcher.lookup(state.pending.label).length > 0 && row.entries.length > 0;
        if (twoRows) {
          flushPending();
          state.pending = { label: row.label, n: row.n };
        } else {
          state.pending.label = joined;
        }
      } else if (!/^[（(].*[)）]$/.test(row.label)) {
        state.pending = { label: row.label, n: row.n }; // (a lone note only trails the previous row)
      }
      continue;
    }
    let label = row.label;
    let entries = row.entries;
    if (state.pending) {
      const joined = state.pending.label + row.label;
      const joinedEntries = matcher.lookup(joined);
      if (joinedEntries.length > 0) {
        label = joined;
        entries = joinedEntries;
        state.pending = null;
      } else {
        flushPending();
      }
    }
    const entry = resolve(label, entries, row.n, row.rest.some((c) => c.trim() !== ""));
    if (entry) handle(entry, row.n, row.rest, label);
  }
  flushPending();

  const missing = template.indicators.filter((i) => !found.has(i.id)).map((i) => i.label);
  if (missing.length > 0) {
    log.diagnostics.push(warning("missing_indicator", null, `统计表（第 ${range.from}–${range.to} 行）缺少 ${missing.length} 个指标：${missing.join("、")}`));
  }
  return { statistics: [...found.values()], log };
}

/** Section and group rows set the context; the value some reports print beside them is not an indicator. */
function applyHeading(entry: LabelEntry, state: ReaderState): void {
  if (entry.kind === "section") {
    state.section = entry.section;
    state.freeText = false;
  } else if (entry.kind === "group") {
    state.section = entry.section;
    state.freeText = entry.freeText;
  }
}
