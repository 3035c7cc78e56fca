/**
 * Who a report is by: the government, or one of its departments. Two reports
 * with the same owner are one body's reports of different years.
 */
import type { Report } from "../schema/report.ts";

/** The jurisdiction's id, and the department's slug for a department's report. */
export function ownerKey(report: Pick<Report, "jurisdiction" | "department">): string {
  return report.department ? `${report.jurisdiction.id}/${report.department.slug}` : report.jurisdiction.id;
}

/** The display name: the jurisdiction, with the department for a department's report (沭阳县发展和改革局). */
export function ownerName(report: Pick<Report, "jurisdiction" | "department">): string {
  return report.department ? report.department.fullName : report.jurisdiction.name;
}
