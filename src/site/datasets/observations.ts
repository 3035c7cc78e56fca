/**
 * Reports → observations: one entry per figure a report gives for an
 * indicator, plus one entry for every catalog indicator of the report's
 * template that the report does not give at all, so absence is explicit.
 *
 * Everything users download is derived from these, in this order:
 * reports by id, indicators in catalog order, then the primary observation
 * first (see `rankStatistics`).
 */
import { getTemplate, indicatorFor, type Indicator, type Template } from "../../catalog/index.ts";
import { prefectureOf } from "../../report/prefecture.ts";
import type { Check, Report, Statistic } from "../../schema/report.ts";

/**
 * reported      — the report gives a number.
 * not_reported  — the report has the row or sentence but no readable number (—, /, blank, ambiguous).
 * not_in_report — the report does not mention the indicator at all (no table row, no sentence).
 */
export type ValueStatus = "reported" | "not_reported" | "not_in_report";
export const VALUE_STATUSES: readonly ValueStatus[] = ["reported", "not_reported", "not_in_report"];

/**
 * fail           — at least one consistency check concerning the indicator failed.
 * pass           — no check concerning it failed and at least one passed.
 * not_assessable — the only checks concerning it could not be assessed (figures missing).
 * none           — no check concerns it.
 */
export type IndicatorCheckStatus = "fail" | "pass" | "not_assessable" | "none";
export const INDICATOR_CHECK_STATUSES: readonly IndicatorCheckStatus[] = ["pass", "fail", "not_assessable", "none"];

export interface Observation {
  report: Report;
  template: Template;
  indicator: Indicator;
  /** null when the report does not give the indicator (value_status not_in_report). */
  statistic: Statistic | null;
  status: ValueStatus;
  /** The observation the wide CSV and the per-indicator files use; exactly one per report × indicator. */
  primary: boolean;
  checkStatus: IndicatorCheckStatus;
  /** Rule ids of the failed checks that concern the indicator, sorted. */
  failedRules: string[];
}

/** Code-point order, so the result does not depend on the machine's locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortReports(reports: readonly Report[]): Report[] {
  const sorted = [...reports].sort((a, b) => compareText(a.id, b.id));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.id === sorted[i - 1]!.id) throw new Error(`two reports share the id ${sorted[i]!.id}`);
  }
  return sorted;
}

/** The report's template; the error names the report when the template is unknown. */
export function templateOf(report: Report): Template {
  try {
    return getTemplate(report.template);
  } catch (error) {
    throw new Error(`report ${report.id}: ${(error as Error).message}`);
  }
}

const ordered = new WeakMap<Template, Indicator[]>();

/** Indicators of a template in table order (computed once per template). */
export function orderedIndicators(template: Template): Indicator[] {
  let list = ordered.get(template);
  if (!list) {
    list = [...template.indicators].sort((a, b) => a.order - b.order);
    ordered.set(template, list);
  }
  return list;
}

/**
 * The figures a report gives for one indicator, best first: a number before a
 * null, the statistics table before prose (the table is the official return),
 * then by source line. The first one is the primary observation.
 */
export function rankStatistics(statistics: readonly Statistic[]): Statistic[] {
  return [...statistics].sort(
    (a, b) =>
      Number(a.value === null) - Number(b.value === null) ||
      Number(a.origin !== "table") - Number(b.origin !== "table") ||
      a.line - b.line ||
      compareText(a.raw, b.raw),
  );
}

export function indicatorCheckStatus(checks: readonly Check[], indicatorId: string): {
  status: IndicatorCheckStatus;
  failedRules: string[];
} {
  const concerning = checks.filter((check) => check.indicators.includes(indicatorId));
  const failedRules = [...new Set(concerning.filter((c) => c.status === "fail").map((c) => c.rule))].sort(compareText);
  if (failedRules.length > 0) return { status: "fail", failedRules };
  if (concerning.some((c) => c.status === "pass")) return { status: "pass", failedRules };
  if (concerning.length > 0) return { status: "not_assessable", failedRules };
  return { status: "none", failedRules };
}

/** All observations of one report, in catalog order. */
export function reportObservations(report: Report): Observation[] {
  const template = templateOf(report);
  const known = new Set(template.indicators.map((i) => i.id));
  const byIndicator = new Map<string, Statistic[]>();
  const printedGroups: Indicator[] = [];
  for (const statistic of report.statistics) {
    const derived = known.has(statistic.indicator) ? undefined : indicatorFor(template, statistic.indicator);
    if (derived && !printedGroups.some((i) => i.id === derived.id)) printedGroups.push(derived);
    if (!known.has(statistic.indicator) && !derived) {
      throw new Error(
        `report ${report.id}: statistic on line ${statistic.line} names indicator "${statistic.indicator}", which template ${template.id} does not have`,
      );
    }
    const list = byIndicator.get(statistic.indicator) ?? [];
    list.push(statistic);
    byIndicator.set(statistic.indicator, list);
  }
  return [...orderedIndicators(template), ...printedGroups].flatMap((indicator): Observation[] => {
    const { status: checkStatus, failedRules } = indicatorCheckStatus(report.checks, indicator.id);
    const base = { report, template, indicator, checkStatus, failedRules };
    const statistics = rankStatistics(byIndicator.get(indicator.id) ?? []);
    if (statistics.length === 0) {
      return [{ ...base, statistic: null, status: "not_in_report" as const, primary: true }];
    }
    return statistics.map((statistic, index) => ({
      ...base,
      statistic,
      status: statistic.value === null ? ("not_reported" as const) : ("reported" as const),
      primary: index === 0,
    }));
  });
}

/** The prefecture-level division's name (src/report/prefecture.ts decides), empty where there is none. */
export function prefectureName(report: Report): string {
  return prefectureOf(report.jurisdiction)?.name ?? "";
}
