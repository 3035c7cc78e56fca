/**
 * One cell of a printed table: the figure the report gives for an indicator
 * (src/report/figures.ts decides which), its status in words, the link to its
 * exact characters on the source page, and the checks that concern it.
 */
import { indicatorFor, type Template } from "../../catalog/index.ts";
import type { Check, Report } from "../../schema/report.ts";
import { figureOf } from "../../report/figures.ts";
import { formatNumber } from "../format.ts";
import { paths } from "../paths.ts";
import { COMPUTED, STATUS_TEXT } from "./labels.ts";
import type { CellCheck, PrintedCell } from "./types.ts";

export interface CellContext {
  report: Report;
  template: Template;
  failed: Map<string, CellCheck[]>;
  uncertain: Map<string, CellCheck[]>;
}

function checksBy(checks: readonly Check[], status: "fail" | "uncertain"): Map<string, CellCheck[]> {
  const map = new Map<string, CellCheck[]>();
  for (const check of checks) {
    if (check.status !== status) continue;
    const shown: CellCheck = { rule: check.rule, status, description: check.description, message: check.message };
    for (const indicator of new Set(check.indicators)) map.set(indicator, [...(map.get(indicator) ?? []), shown]);
  }
  return map;
}

export function cellContext(report: Report, template: Template): CellContext {
  return { report, template, failed: checksBy(report.checks, "fail"), uncertain: checksBy(report.checks, "uncertain") };
}

/** The cell of `indicator`, labelled `label` (row and column as printed). */
export function cellOf(context: CellContext, indicator: string, label: string): PrintedCell {
  const { report, template } = context;
  const figure = figureOf(report, indicator);
  const failed = context.failed.get(indicator) ?? [];
  const base = { indicator, label, failed, note: null, sentence: null, printedLabel: null, sumOf: [] as string[], source: null };
  if (figure.kind === "absent") {
    return { ...base, status: "absent", value: null, text: STATUS_TEXT.absent, origin: null, unsettled: [] };
  }
  const status = figure.status;
  const text = status === "reported" && figure.value !== null ? formatNumber(figure.value) : STATUS_TEXT[status === "reported" ? "uncertain" : status];
  const unsettled = status === "reported" ? (context.uncertain.get(indicator) ?? []) : [];
  if (figure.kind === "derived") {
    const d = figure.derived;
    return {
      ...base,
      status,
      value: figure.value,
      text: figure.value === null ? COMPUTED.missing : text,
      origin: "derived",
      note: d.note,
      sumOf: d.inputs.map((id) => indicatorFor(template, id)?.label ?? id),
      unsettled,
    };
  }
  const s = figure.statistic;
  return {
    ...base,
    status,
    value: figure.value,
    text,
    origin: s.origin,
    source: { href: paths.sourceSpan(report.id, s.span.start, s.span.end), raw: s.raw, line: s.span.line, page: s.span.page },
    note: s.note,
    sentence: s.origin === "text" ? s.label : null,
    printedLabel: s.origin === "table" ? s.label : null,
    unsettled,
  };
}

/** The row label the report printed, from the first of the row's cells read from its table. */
export function printedLabelOf(cells: readonly PrintedCell[]): string | null {
  return cells.find((c) => c.printedLabel !== null)?.printedLabel ?? null;
}
