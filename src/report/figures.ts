/**
 * Which figure a report gives for an indicator — the one rule the converter's
 * later stages, the pages and the downloads all use.
 *
 * A report has at most one printed statistic per indicator: the table's cell,
 * or, when the table lacks the row (or the report has no table), the figure
 * its prose states. A derived figure (a sum the catalog defines) stands only
 * where the report prints no figure of that id itself.
 */
import type { DerivedFigure, Report, Statistic, ValueStatus } from "../schema/report.ts";

export type Figure =
  | { kind: "statistic"; statistic: Statistic; value: number | null; status: ValueStatus }
  | { kind: "derived"; derived: DerivedFigure; value: number | null; status: ValueStatus }
  | { kind: "absent" };

const indexes = new WeakMap<Report, { statistics: Map<string, Statistic>; derived: Map<string, DerivedFigure> }>();

function indexOf(report: Pick<Report, "statistics" | "derived">): { statistics: Map<string, Statistic>; derived: Map<string, DerivedFigure> } {
  const key = report as Report;
  let index = indexes.get(key);
  if (!index) {
    const statistics = new Map<string, Statistic>();
    // The table before prose, whatever order a file lists them in.
    for (const s of report.statistics) {
      const held = statistics.get(s.indicator);
      if (!held || (held.origin === "text" && s.origin === "table")) statistics.set(s.indicator, s);
    }
    index = { statistics, derived: new Map(report.derived.map((d) => [d.indicator, d])) };
    indexes.set(key, index);
  }
  return index;
}

export function figureOf(report: Pick<Report, "statistics" | "derived">, indicator: string): Figure {
  const index = indexOf(report);
  const statistic = index.statistics.get(indicator);
  if (statistic) return { kind: "statistic", statistic, value: statistic.value, status: statistic.status };
  const derived = index.derived.get(indicator);
  if (derived) return { kind: "derived", derived, value: derived.value, status: derived.status };
  return { kind: "absent" };
}

/** The number, or null when the report gives none (not printed, not reported, uncertain). */
export function valueOf(report: Pick<Report, "statistics" | "derived">, indicator: string): number | null {
  const figure = figureOf(report, indicator);
  return figure.kind === "absent" ? null : figure.value;
}
