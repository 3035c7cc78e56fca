/**
 * Per-year summaries of one figure across reports — how many reports, how
 * many give a number, their total, median and range — taken within one kind
 * of body at a time. A prefecture's report may already count its districts
 * and counties, and a department's figures are part of its government's, so
 * adding a city to its own districts (or a department to its government)
 * would count the same requests twice: each year has one summary per level
 * of government, and one for departments' reports, never one across them.
 */
import type { JurisdictionLevel } from "../../schema/report.ts";

export type SummaryScope = JurisdictionLevel | "department";

/** What the scope's summary adds up, as the table's row head says it. */
export const SCOPE_LABELS: Record<SummaryScope, string> = {
  province: "省级政府",
  prefecture: "地级政府",
  county: "县级政府",
  department: "政府部门",
};

const SCOPE_ORDER: readonly SummaryScope[] = ["province", "prefecture", "county", "department"];

export interface SummaryInput {
  year: number;
  level: JurisdictionLevel;
  /** a department's report rather than the government's own */
  department: boolean;
  /** the number, or null when the report gives none */
  value: number | null;
}

export interface YearSummary {
  year: number;
  scope: SummaryScope;
  /** reports of this year and scope */
  reports: number;
  /** of which give a number */
  withValue: number;
  total: number | null;
  median: number | null;
  min: number | null;
  max: number | null;
}

export function scopeOf(input: Pick<SummaryInput, "level" | "department">): SummaryScope {
  return input.department ? "department" : input.level;
}

function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Sums that stay exact for decimals such as 万元 amounts (0.1 + 0.2 is 0.3, not 0.30000000000000004). */
function sum(values: readonly number[]): number {
  return Number(values.reduce((a, b) => a + b, 0).toFixed(6));
}

/** Oldest year first; within a year province, prefecture, county, then departments. */
export function yearSummaries(inputs: readonly SummaryInput[]): YearSummary[] {
  const groups = new Map<string, { year: number; scope: SummaryScope; items: SummaryInput[] }>();
  for (const input of inputs) {
    const scope = scopeOf(input);
    const key = `${input.year}|${scope}`;
    const group = groups.get(key) ?? { year: input.year, scope, items: [] };
    group.items.push(input);
    groups.set(key, group);
  }
  return [...groups.values()]
    .sort((a, b) => a.year - b.year || SCOPE_ORDER.indexOf(a.scope) - SCOPE_ORDER.indexOf(b.scope))
    .map(({ year, scope, items }) => {
      const values = items.flatMap((i) => (i.value === null ? [] : [i.value])).sort((a, b) => a - b);
      return {
        year,
        scope,
        reports: items.length,
        withValue: values.length,
        total: values.length ? sum(values) : null,
        median: median(values),
        min: values[0] ?? null,
        max: values.at(-1) ?? null,
      };
    });
}
