/**
 * What a layout reader hands back: which printed pieces belong to which
 * indicator. Cells a grid delimits are certain; runs of glued digits go to
 * the solver (split-cells.ts); nothing is turned into a number here.
 */
import type { Column, Row, Table } from "../../catalog/index.ts";
import type { Diagnostic } from "../../schema/report.ts";
import { concat } from "../document/source-text.ts";
import type { SourceText } from "../document/types.ts";
import type { LineValue, TableLine } from "./lines.ts";
import { COUNT_UNITS, type CellSpec } from "./values.ts";

/** The indicator a cell stands for, and how to read it. */
export interface CellTarget {
  id: string;
  table: string;
  row: string;
  column: string | null;
  /** The row label as printed. */
  label: SourceText;
  spec: CellSpec;
}

export interface CertainCell {
  target: CellTarget;
  value: LineValue;
}

/** Several cells whose boundaries the source lost: the solver decides. */
export interface GluedRun {
  id: string;
  targets: CellTarget[];
  chunks: LineValue[];
}

/** A cell the reader knows cannot be read (a row number it could not take off the digits, marks mixed with glued digits). */
export interface UnreadableCell {
  target: CellTarget;
  raw: SourceText;
  note: string;
}

export interface ExtraLine {
  table: string;
  label: SourceText;
  values: LineValue[];
}

/** A reader's warning and the printed text it is about (the report names that text's line). */
export interface ReaderWarning {
  diagnostic: Diagnostic;
  at: SourceText | null;
}

export interface TableReading {
  cells: CertainCell[];
  runs: GluedRun[];
  unreadable: UnreadableCell[];
  extra: ExtraLine[];
  warnings: ReaderWarning[];
}

export type LayoutReader<T extends Table> = (table: T, lines: readonly TableLine[]) => TableReading;

export function emptyReading(): TableReading {
  return { cells: [], runs: [], unreadable: [], extra: [], warnings: [] };
}

const MONEY_UNITS = new Set(["元", "万元"]);

/**
 * How a cell of this row and column is read. `printedUnit` is the unit the
 * row itself prints in its unit cell (统计指标 | 单位 | 统计数): a count in that
 * unit is the row's count too, and money in it is converted from it.
 *
 * A row whose unit is money holds an amount (12.5 万元), whatever its column
 * says; in a rows table the row's unit is the format's unit column, so a bare
 * figure is in that unit.
 */
export function cellSpec(table: Table, row: Row, column: Column, printedUnit: string | null = null): CellSpec {
  const unit = column.unit ?? row.unit ?? table.unit;
  const printed = printedUnit?.normalize("NFKC").replace(/\s+/g, "") || null;
  const money = MONEY_UNITS.has(unit);
  const rowUnitColumn = table.layout === "rows" && column.unit === undefined && row.unit !== undefined;
  return {
    value: money && column.value === "count" ? "amount" : column.value,
    unit,
    countUnits: !money && printed && COUNT_UNITS.has(printed) && printed !== unit ? [printed] : [],
    printedUnit: money && printed && MONEY_UNITS.has(printed) ? printed : null,
    unitInHeader: /元/.test(column.label) || column.variants.some((v) => /元/.test(v)) || (column.unit === undefined && /元/.test(row.label)) || (money && rowUnitColumn),
  };
}

export function cellId(row: string, column: string | null): string {
  return column === null ? row : `${row}__${column}`;
}

/**
 * Values of one row for its slots. Grid cells map one to one (by the column
 * map when the grid has one: `columnOf` gives the template columns a cell
 * covers; else in order); chunks of flowing text are one
 * glued run for the solver, or certain one by one when they cannot be more
 * than one cell each (as many chunks as slots and no chunk can hold two cells).
 */
export function assignRow(
  reading: TableReading,
  targets: readonly CellTarget[],
  values: readonly LineValue[],
  columnOf: ((value: LineValue) => readonly number[]) | null,
  runId: string,
): void {
  const whole = values.length > 0 && values.every((v) => v.wholeCell);
  if (whole) {
    if (columnOf) {
      const mapped = new Map<number, LineValue>();
      // A figure in a cell merged over several columns belongs to none of them for certain; a merged blank cell is blank in each.
      const across = new Map<number, LineValue>();
      let clash = false;
      for (const value of values) {
        const indices = columnOf(value);
        for (const index of indices) {
          if (indices.length > 1 && value.kind !== "blank") {
            across.set(index, value);
            continue;
          }
          if (mapped.has(index) && value.kind !== "blank") clash = true;
          if (!mapped.has(index) || value.kind !== "blank") mapped.set(index, value);
        }
      }
      if (!clash && mapped.size + across.size > 0) {
        targets.forEach((target, i) => {
          const merged = across.get(i);
          const value = mapped.get(i);
          if (merged) {
            const span = columnOf(merged).length;
            reading.unreadable.push({ target, raw: merged.text, note: `“${merged.text.text}”一格跨 ${span} 栏，无法确定属于哪一栏` });
          } else if (value) reading.cells.push({ target, value });
        });
        return;
      }
    }
    const filled = values.filter((v) => v.kind !== "blank");
    const ordered = values.length === targets.length ? values : filled.length === targets.length ? filled : null;
    if (ordered) {
      targets.forEach((target, i) => reading.cells.push({ target, value: ordered[i]! }));
      return;
    }
    const shown = filled.map((v) => v.text.text).join(" | ");
    // The raw text shows every filled cell, and the span covers them all.
    const raw = filled.length > 0 ? concat(filled.map((v) => v.text), " | ") : values[0]!.text;
    for (const target of targets) {
      reading.unreadable.push({
        target,
        raw,
        note: `这一行有 ${filled.length} 个数值（${shown || "空"}），本栏应有 ${targets.length} 个，无法对应到各栏`,
      });
    }
    return;
  }
  if (values.length === 0) return;
  // Pieces that are one cell each: marks, and figures that cannot be read (约3460, 十二).
  const marks = values.filter((v) => v.kind === "mark" || v.kind === "words");
  if (values.some((v) => v.unsure)) {
    for (const target of targets) {
      reading.unreadable.push({ target, raw: values[values.length - 1]!.text, note: "数字末尾连着下一行的序号，无法确定哪些数字属于本行" });
    }
    return;
  }
  if (marks.length > 0) {
    if (values.length === targets.length) {
      targets.forEach((target, i) => reading.cells.push({ target, value: { ...values[i]!, wholeCell: true } }));
      return;
    }
    for (const target of targets) {
      reading.unreadable.push({ target, raw: values[0]!.text, note: "未填报符号、约数或汉字数字与连在一起的数字混排，无法确定各栏" });
    }
    return;
  }
  reading.runs.push({ id: runId, targets: [...targets], chunks: [...values] });
}
