/**
 * The statistics table of one report, laid out as the official template
 * prints it: sections in order, each indicator indented by its depth in the
 * parent chain, every figure with its status (value / null / absent) and the
 * failed consistency checks that concern it.
 */
import { getTemplate, sectionsOf, type Indicator, type Template } from "../catalog/index.ts";
import type { Check, Report } from "../schema/report.ts";
import { failedChecksByIndicator, figureOf, type Figure } from "./figures.ts";

export interface StatisticsRow {
  indicator: Indicator;
  /** 0 for a top-level row, 1 for 其中/children, … */
  depth: number;
  figure: Figure;
  failedChecks: Check[];
}

export interface StatisticsSection {
  id: string;
  label: string;
  /** Set when the section heading is itself a figure (四、行政复议数量 …). */
  headline: StatisticsRow | null;
  rows: StatisticsRow[];
}

function depthOf(template: Template, indicator: Indicator): number {
  let depth = 0;
  let parent = indicator.parent;
  while (parent) {
    depth += 1;
    parent = template.indicators.find((i) => i.id === parent)?.parent ?? null;
  }
  return depth;
}

export function statisticsTable(report: Report): StatisticsSection[] {
  const template = getTemplate(report.template);
  const failed = failedChecksByIndicator(report);
  const rowOf = (indicator: Indicator): StatisticsRow => ({
    indicator,
    depth: depthOf(template, indicator),
    figure: figureOf(report, indicator.id),
    failedChecks: failed.get(indicator.id) ?? [],
  });
  const ordered = template.indicators;
  return sectionsOf(template).map((section) => {
    const members = ordered.filter((i) => i.section === section.id);
    const headlineIndicator = section.indicator ? members.find((i) => i.id === section.indicator) : undefined;
    return {
      id: section.id,
      label: section.label,
      headline: headlineIndicator ? rowOf(headlineIndicator) : null,
      rows: members.filter((i) => i !== headlineIndicator).map(rowOf),
    };
  });
}

/** Counts for the table's footnote. */
export function statisticsCoverage(sections: StatisticsSection[]): { value: number; null: number; absent: number; text: number } {
  const rows = sections.flatMap((s) => (s.headline ? [s.headline, ...s.rows] : s.rows));
  return {
    value: rows.filter((r) => r.figure.kind !== "absent" && r.figure.value !== null).length,
    null: rows.filter((r) => r.figure.kind !== "absent" && r.figure.value === null).length,
    absent: rows.filter((r) => r.figure.kind === "absent").length,
    text: rows.filter((r) => r.figure.kind === "statistic" && r.figure.statistic.origin === "text").length,
  };
}
