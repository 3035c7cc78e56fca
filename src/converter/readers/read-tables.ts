/**
 * Read a report's statistics tables: each located table through the reader of
 * its layout, the glued runs of all of them through the solver together (the
 * rules tie rows and tables together), and every figure with its exact span.
 *
 * One figure per indicator: two readings that agree are one; two that
 * disagree are null with a warning (either could be the slip).
 */
import type { ConcreteRule, Table, Template, Term } from "../../catalog/index.ts";
import type { Diagnostic, ExtraRow, Statistic } from "../../schema/report.ts";
import { defineWarnings } from "../diagnostics.ts";
import { lineIndexOf, printedText, rangeOf, spanOf, type LineIndex } from "../document/source-text.ts";
import type { SourceDocument, SourceText } from "../document/types.ts";
import { readBlocks } from "./blocks.ts";
import { readHeaderRow } from "./header-row.ts";
import type { LineValue, TableRegion } from "./lines.ts";
import { readMatrix } from "./matrix.ts";
import type { CellTarget, TableReading } from "./reading.ts";
import { readRows } from "./rows.ts";
import { describeSplit, splitRuns, splitWarnings, type CellPiece, type Run, type SplitInput } from "./split-cells.ts";
import { parseCell } from "./values.ts";

export const TABLE_WARNINGS = defineWarnings({
  uncertain_value: { zh: "单元格内容无法确定为一个数，记为空", en: "a cell that cannot be read as one number; null" },
  duplicate_row: { zh: "同一指标出现两次且数值不同，记为空", en: "an indicator printed twice with different figures; null" },
  missing_indicator: { zh: "统计表缺少模板中的行", en: "the table lacks rows of its template" },
  text_in_table: { zh: "统计表中间夹有不属于表格的文字，未读取，也不在正文中显示", en: "text standing inside a statistics table that is no part of it; not read, and not shown in the body" },
});

function reader(table: Table): (lines: TableRegion["lines"]) => TableReading {
  switch (table.layout) {
    case "rows":
      return (lines) => readRows(table, lines);
    case "blocks":
      return (lines) => readBlocks(table, lines);
    case "matrix":
      return (lines) => readMatrix(table, lines);
    case "header_row":
      return (lines) => readHeaderRow(table, lines);
  }
}

export interface TablesInput {
  document: SourceDocument;
  template: Template;
  regions: readonly TableRegion[];
  /** Rules the solver may use (the template's and the parent relations). */
  rules: readonly ConcreteRule[];
  /** Figures the prose states, to break ties between splits. */
  stated: ReadonlyMap<string, number>;
}

export interface TablesResult {
  statistics: Statistic[];
  extraRows: ExtraRow[];
  diagnostics: Diagnostic[];
}

interface Read {
  target: CellTarget;
  statistic: Statistic;
}

/** Span of SourceText characters [from, to) as the schema writes it. */
function spanFor(document: SourceDocument, index: LineIndex, text: SourceText, from: number, to: number) {
  return spanOf(document.file, index, rangeOf(text, from, Math.max(from, to)), document.pageStarts);
}

function lineOfText(index: LineIndex, text: SourceText): number {
  return index.lineOf(text.offsets[0] ?? 0);
}

export function readTables(input: TablesInput): TablesResult {
  const { document, template, regions } = input;
  const index = lineIndexOf(document.text);
  const diagnostics: Diagnostic[] = [];
  const extraRows: ExtraRow[] = [];
  const reads: Read[] = [];
  const runs: { run: Run; glued: { targets: CellTarget[]; chunks: LineValue[] } }[] = [];

  const statistic = (target: CellTarget, fields: Pick<Statistic, "value" | "status" | "raw" | "unit" | "note">, text: SourceText, from: number, to: number): Statistic => {
    const span = spanFor(document, index, text, from, to);
    return {
      indicator: target.id,
      ...fields,
      origin: "table",
      table: target.table,
      row: target.row,
      column: target.column,
      label: printedText(document.text, target.label),
      line: span.line,
      span,
    };
  };

  for (const region of regions) {
    for (const text of region.interruptions) {
      const shown = text.text.length > 40 ? `${text.text.slice(0, 40)}…` : text.text;
      diagnostics.push(TABLE_WARNINGS.warn("text_in_table", lineOfText(index, text), `${region.table.label}中间夹有不属于表格的文字“${shown}”，未读取`));
    }
    const reading = reader(region.table)(region.lines);
    for (const { diagnostic, at } of reading.warnings) diagnostics.push(at && at.offsets.length > 0 ? { ...diagnostic, line: lineOfText(index, at) } : diagnostic);
    for (const extra of reading.extra) {
      extraRows.push({
        table: extra.table,
        label: extra.label.text.trim(),
        raw: extra.values.map((v) => v.text.text).join(" "),
        line: lineOfText(index, extra.label),
      });
    }
    for (const cell of reading.cells) {
      const raw = cell.value.text.text;
      const parsed = parseCell(cell.value.unit ? `${raw}${cell.value.unit}` : raw, cell.target.spec);
      const fields =
        parsed.kind === "number"
          ? { value: parsed.value, status: "reported" as const, raw: raw.trim(), unit: parsed.unit, note: parsed.note }
          : { value: null, status: parsed.kind, raw: raw.trim(), unit: null, note: parsed.note };
      if (parsed.kind === "uncertain") {
        diagnostics.push(TABLE_WARNINGS.warn("uncertain_value", lineOfText(index, cell.value.text), `“${cell.target.label.text.trim()}”的数值“${raw.trim()}”无法确定：${parsed.note}，记为空`));
      }
      reads.push({ target: cell.target, statistic: statistic(cell.target, fields, cell.value.text, 0, cell.value.text.text.length) });
    }
    // A row that cannot be read is one warning, however many cells it has.
    const warnedRows = new Set<string>();
    for (const cell of reading.unreadable) {
      const message = `“${cell.target.label.text.trim()}”：${cell.note}，记为空`;
      const line = lineOfText(index, cell.raw);
      if (!warnedRows.has(`${line}\u0000${message}`)) diagnostics.push(TABLE_WARNINGS.warn("uncertain_value", line, message));
      warnedRows.add(`${line}\u0000${message}`);
      reads.push({
        target: cell.target,
        statistic: statistic(cell.target, { value: null, status: "uncertain", raw: cell.raw.text, unit: null, note: cell.note }, cell.raw, 0, cell.raw.text.length),
      });
    }
    for (const glued of reading.runs) {
      runs.push({
        run: { id: glued.id, chunks: glued.chunks.map((c) => ({ text: chunkDigits(c) })), slots: glued.targets.map((t) => ({ id: t.id, value: t.spec.value })) },
        glued,
      });
    }
  }

  // Figures read with certainty are what the solver builds on.
  const known = new Map<string, number>();
  for (const read of reads) if (read.statistic.value !== null && !known.has(read.target.id)) known.set(read.target.id, read.statistic.value);
  // A glued row printed twice is solved once; a glued row whose cells were
  // also read elsewhere is not split at all (which copy is right is unknown):
  // its cells are uncertain and the duplicate rule below settles them.
  const runCells = new Map<string, string>();
  for (const { run, glued } of runs.splice(0)) {
    const digits = run.chunks.map((c) => c.text).join(" ");
    const same = run.slots.every((slot) => runCells.get(slot.id) === digits);
    const clash = run.slots.some((slot) => known.has(slot.id) || runCells.has(slot.id));
    if (same && run.slots.length > 0) continue;
    if (clash) {
      const printed = glued.chunks.map((c) => c.text.text).join(" ");
      const first = glued.chunks[0]!.text;
      const note = `原文各栏数字连在一起（${printed}），且这些栏在表中另有一行，未拆分，记为空`;
      for (const target of glued.targets) reads.push({ target, statistic: statistic(target, { value: null, status: "uncertain", raw: printed, unit: null, note }, first, 0, first.text.length) });
      continue;
    }
    for (const slot of run.slots) runCells.set(slot.id, digits);
    runs.push({ run, glued });
  }
  const printedIds = new Set([...reads.map((r) => r.target.id), ...runs.flatMap((r) => r.run.slots.map((s) => s.id))]);
  const absent = new Set(template.indicators.map((i) => i.id).filter((id) => !printedIds.has(id)));
  // The solver alone needs the rules with derived figures spelt out.
  const rules = runs.length > 0 ? expandDerived(input.rules, template, printedIds) : [];
  const splitInput: SplitInput = { runs: runs.map((r) => r.run), known, rules, stated: input.stated, absent };
  const solved = runs.length > 0 ? splitRuns(splitInput) : null;
  if (solved) {
    const lineOfRun = new Map(runs.map((r) => [r.run.id, lineOfText(index, r.glued.chunks[0]!.text)]));
    diagnostics.push(...splitWarnings(splitInput, solved, (id) => lineOfRun.get(id) ?? null));
  }

  for (const { run, glued } of runs) {
    const outcome = solved!.runs.get(run.id)!;
    const printed = glued.chunks.map((c) => c.text.text).join(" ");
    if (outcome.status === "decided") {
      for (const piece of outcome.cells) {
        const target = glued.targets.find((t) => t.id === piece.id)!;
        const chunk = glued.chunks[piece.chunk]!;
        reads.push({ target, statistic: pieceStatistic(statistic, target, chunk, piece, outcome.by, printed, outcome.cells, diagnostics, index) });
      }
      continue;
    }
    const why =
      outcome.reason === "several_splits"
        ? `有 ${outcome.count} 种拆分都符合表的结构和勾稽关系（${outcome.candidates.join("；")}${outcome.count > outcome.candidates.length ? "；…" : ""}）`
        : outcome.reason === "no_consistent_split"
          ? "没有一种拆分符合表的勾稽关系"
          : outcome.reason === "too_many_splits"
            ? "可能的拆分太多，无法逐一核对"
            : `无法拆成 ${glued.targets.length} 个数`;
    const note = `原文各栏数字连在一起（${printed}），${why}，记为空`;
    const first = glued.chunks[0]!;
    const whole = { text: first.text, from: 0, to: glued.chunks.length === 1 ? first.text.text.length : first.text.text.length };
    for (const target of glued.targets) {
      reads.push({ target, statistic: statistic(target, { value: null, status: "uncertain", raw: printed, unit: null, note }, whole.text, whole.from, whole.to) });
    }
  }

  const statistics = resolveDuplicates(reads, diagnostics, template);
  const read = new Set(statistics.map((s) => s.indicator));
  for (const region of regions) {
    const missing = template.indicators.filter((i) => i.table === region.table.id && !read.has(i.id));
    if (missing.length > 0) {
      const shown = missing.slice(0, 12).map((i) => i.label).join("、") + (missing.length > 12 ? ` 等 ${missing.length} 项` : "");
      diagnostics.push(TABLE_WARNINGS.warn("missing_indicator", null, `${region.table.label}缺少 ${missing.length} 个指标：${shown}`));
    }
  }
  // In the order of the source's lines, as a reader goes through the table; warnings about no one line last.
  const byLine = diagnostics.map((d, i) => ({ d, i })).sort((a, b) => (a.d.line ?? Infinity) - (b.d.line ?? Infinity) || a.i - b.i);
  return { statistics, extraRows, diagnostics: byLine.map(({ d }) => d) };
}

/** A chunk's digits for the solver: its text without the money unit printed after it (39573802895.90元). */
function chunkDigits(chunk: LineValue): string {
  const text = chunk.text.text.normalize("NFKC");
  return chunk.unit && text.endsWith(chunk.unit) ? text.slice(0, -chunk.unit.length) : text;
}

function pieceStatistic(
  statistic: (target: CellTarget, fields: Pick<Statistic, "value" | "status" | "raw" | "unit" | "note">, text: SourceText, from: number, to: number) => Statistic,
  target: CellTarget,
  chunk: LineValue,
  piece: CellPiece,
  by: "shape" | "rules" | "prose",
  printed: string,
  cells: readonly CellPiece[],
  diagnostics: Diagnostic[],
  index: LineIndex,
): Statistic {
  // A money unit written after the chunk belongs to its last cell.
  const endsChunk = piece.to === chunkDigits(chunk).length;
  const unit = endsChunk ? chunk.unit : null;
  const parsed = parseCell(unit ? `${piece.raw}${unit}` : piece.raw, target.spec);
  const how =
    by === "shape"
      ? null
      : by === "rules"
        ? `原文各栏数字连在一起（${printed}），只有 ${describeSplit(cells)} 这一种拆分符合本表的勾稽关系`
        : `原文各栏数字连在一起（${printed}），按正文所述数字取 ${describeSplit(cells)} 这一种拆分`;
  if (parsed.kind !== "number") {
    diagnostics.push(TABLE_WARNINGS.warn("uncertain_value", index.lineOf(chunk.text.offsets[piece.from] ?? 0), `“${target.label.text.trim()}”的数值“${piece.raw}”：${parsed.note}，记为空`));
    return statistic(target, { value: null, status: parsed.kind, raw: piece.raw, unit: null, note: parsed.note }, chunk.text, piece.from, piece.to);
  }
  const note = [how, parsed.note].filter((n): n is string => n !== null).join("；");
  return statistic(target, { value: parsed.value, status: "reported", raw: piece.raw, unit: parsed.unit, note: note || null }, chunk.text, piece.from, piece.to);
}

/**
 * Rules in terms of printed figures: a derived figure in a rule (2021's rule 2
 * counts （六）其他处理 as replies_other) stands for the printed parts it sums,
 * unless the report prints that figure itself (a table with （六） as one row).
 */
function expandDerived(rules: readonly ConcreteRule[], template: Template, printed: ReadonlySet<string>): ConcreteRule[] {
  const definitions = new Map(template.derived.map((d) => [d.id, d.sumOf]));
  const expandTerm = (term: Term, depth = 0): Term[] => {
    const parts = definitions.get(term.indicator);
    if (!parts || printed.has(term.indicator) || depth > 4) return [term];
    return parts.flatMap((id) => expandTerm({ indicator: id, sign: term.sign, previous: term.previous }, depth + 1));
  };
  return rules.map((rule) => ({ ...rule, left: rule.left.flatMap((t) => expandTerm(t)), right: rule.right.flatMap((t) => expandTerm(t)) }));
}

/** One statistic per indicator, in template order; disagreeing duplicates become null with a warning. */
function resolveDuplicates(reads: readonly Read[], diagnostics: Diagnostic[], template: Template): Statistic[] {
  const byId = new Map<string, Statistic>();
  for (const { statistic } of reads) {
    const earlier = byId.get(statistic.indicator);
    if (!earlier) {
      byId.set(statistic.indicator, statistic);
      continue;
    }
    if (earlier.value === statistic.value && earlier.status === statistic.status) continue;
    if (earlier.status !== "reported" && statistic.status === "reported" && earlier.note?.includes("未填报") === false) continue;
    const conflict = `第 ${earlier.line} 行“${earlier.raw || "空"}”与第 ${statistic.line} 行“${statistic.raw || "空"}”不一致`;
    byId.set(statistic.indicator, { ...earlier, value: null, status: "uncertain", note: `重复的行数值不同：${conflict}，无法确定` });
    diagnostics.push(TABLE_WARNINGS.warn("duplicate_row", statistic.line, `“${statistic.label}”出现两次，数值不同（${conflict}），记为空`));
  }
  const order = new Map(template.indicators.map((i, n) => [i.id, n]));
  return [...byId.values()].sort((a, b) => (order.get(a.indicator) ?? 1e9) - (order.get(b.indicator) ?? 1e9) || a.span.start - b.span.start);
}
