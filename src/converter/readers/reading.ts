/**
 * What a layout reader hands back: which printed pieces belong to which
 * indicator. Cells a grid delimits are certain; runs of glued digits go to
 * the solver (split-cells.ts); nothing is turned into a number here.
 */
import type { Column, Row, Table } from "../../catalog/index.ts";
import type { Diagnostic } from "../../schema/report.ts";
import type { SourceText } from "../document/types.ts";
import type { LineValue, TableLine } from "./lines.ts";
import type { CellSpec } from "./values.ts";

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

export interface TableReading {
  cells: CertainCell[];
  runs: GluedRun[];
  unreadable: UnreadableCell[];
  extra: ExtraLine[];
  diagnostics: Diagnostic[];
}

export type LayoutReader<T extends Table> = (table: T, lines: readonly TableLine[]) => TableReading;

export function emptyReading(): TableReading {
  return { cells: [], runs: [], unreadable: [], extra: [], diagnostics: [] };
}

/** How a cell of this row and column is read. */
export function cellSpec(table: Table, row: Row, column: Column): CellSpec {
  const unit = column.unit ?? row.unit ?? table.unit;
  return {
    value: column.value,
    unit,
    countUnits: ["条", "件", "项", "次", "个", "人", "篇", "起"].filter((u) => u !== unit),
    unitInHeader: /元/.test(column.label) || column.variants.some((v) => /元/.test(v)) || (column.unit === undefined && /元/.test(row.label)),
  };
}

export function cellId(row: string, column: string | null): string {
  return column === null ? row : `${row}__${column}`;
}

/**
 * Values of one row for its slots. Grid cells map one to one (by the column
 * map when the grid has one, else in order); chunks of flowing text are one
 * glued run for the solver, or certain one by one when they cannot be more
 * than one cell each (as many chunks as slots and no chunk can hold two cells).
 */
export function assignRow(
  reading: TableReading,
  targets: readonly CellTarget[],
  values: readonly LineValue[],
  columnOf: ((value: LineValue) => number | null) | null,
  runId: string,
): void {
  const whole = values.length > 0 && values.every((v) => v.wholeCell);
  if (whole) {
    if (columnOf) {
      const mapped = new Map<number, LineValue>();
      let clash = false;
      for (const value of values) {
        const index = columnOf(value);
        if (index === null) continue;
        if (mapped.has(index) && value.kind !== "blank") clash = true;
        if (!mapped.has(index) || value.kind !== "blank") mapped.set(index, value);
      }
      if (!clash && mapped.size > 0) {
        targets.forEach((target, i) => {
          const value = mapped.get(i);
          if (value) reading.cells.push({ target, value });
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
    for (const target of targets) {
      reading.unreadable.push({
        target,
        raw: values[0]!.text,
        note: `这一行有 ${filled.length} 个数值（${shown || "空"}），本栏应有 ${targets.length} 个，无法对应到各栏`,
      });
    }
    return;
  }
  if (values.length === 0) return;
  const marks = values.filter((v) => v.kind === "mark");
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
      reading.unreadable.push({ target, raw: values[0]!.text, note: "未填报符号与连在一起的数字混排，无法确定各栏" });
    }
    return;
  }
  reading.runs.push({ id: runId, targets: [...targets], chunks: [...values] });
}
