/**
 * Checks of a report against the same body's report of the year before
 * (结转下年度 of year N−1 = 上年结转 of year N; 现行有效件数 N = N−1 + 制发 − 废止),
 * made once the run knows which reports the corpus holds. The rules are the
 * template's `acrossYears`; the figures come from each report's own JSON.
 */
import { getTemplate } from "../../catalog/index.ts";
import type { Report } from "../../schema/report.ts";
import { acrossYearChecks } from "../stages/checks.ts";

/** `<owner>-<year>` → `<owner>-<year − 1>`: the same jurisdiction (and department) a year earlier. */
export function previousReportId(id: string): string | null {
  const match = /^(.*)-(\d{4})$/.exec(id);
  return match ? `${match[1]}-${Number(match[2]) - 1}` : null;
}

/** The report with its checks across years replaced by those against `previous` (none when there is no previous report). */
export function withAcrossYearChecks(report: Report, previous: Report | null): Report {
  const own = report.checks.filter((c) => c.scope !== "across_years");
  const across = previous ? acrossYearChecks(getTemplate(report.template), report, previous) : [];
  return { ...report, checks: [...own, ...across] };
}
