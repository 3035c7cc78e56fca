/**
 * What a report says about one indicator, for the pages: the figure that
 * stands for it (src/report/figures.ts decides, for pages and downloads
 * alike) and the checks that concern it.
 */
import type { Check, Report } from "../schema/report.ts";

export { figureOf, valueOf, type Figure } from "../report/figures.ts";

/** Checks per indicator they concern that did not pass: failed, and (separately) uncertain. */
export function checksByIndicator(report: Report, status: "fail" | "uncertain"): Map<string, Check[]> {
  const map = new Map<string, Check[]>();
  for (const check of report.checks) {
    if (check.status !== status) continue;
    for (const indicator of check.indicators) map.set(indicator, [...(map.get(indicator) ?? []), check]);
  }
  return map;
}

/** Failed checks per indicator they concern. */
export function failedChecksByIndicator(report: Report): Map<string, Check[]> {
  return checksByIndicator(report, "fail");
}
