/**
 * The consistency checks of a report for its page: counts by status, and the
 * checks that failed or could not be settled, each with the cells it concerns
 * (linked to them in the printed tables).
 */
import { getTemplate, indicatorFor } from "../../catalog/index.ts";
import type { Check, CheckStatus, Report } from "../../schema/report.ts";
import { compareText } from "../../report/compare-text.ts";
import { figureAnchor } from "./figure-anchor.ts";

export interface CheckLine {
  check: Check;
  /** The figures it concerns, with the anchor of their cell on the page (null when the page has no cell for it). */
  figures: { id: string; label: string; anchor: string }[];
}

export interface ReportChecks {
  counts: Record<CheckStatus, number>;
  failed: CheckLine[];
  uncertain: CheckLine[];
}

/** `cells`: the indicator ids that have a cell on the page. */
export function reportChecks(report: Report, cells: ReadonlySet<string>): ReportChecks {
  const template = getTemplate(report.template);
  const counts: Record<CheckStatus, number> = { pass: 0, fail: 0, uncertain: 0, not_assessable: 0 };
  for (const check of report.checks) counts[check.status] += 1;
  const line = (check: Check): CheckLine => ({
    check,
    figures: [...new Set(check.indicators)]
      .filter((id) => cells.has(id))
      .map((id) => ({ id, label: indicatorFor(template, id)?.label ?? id, anchor: figureAnchor(id) })),
  });
  const of = (status: CheckStatus) =>
    report.checks
      .filter((c) => c.status === status)
      .sort((a, b) => compareText(a.scope, b.scope) || compareText(a.rule, b.rule))
      .map(line);
  return { counts, failed: of("fail"), uncertain: of("uncertain") };
}
