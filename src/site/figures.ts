/**
 * What a report says about one indicator. A report can give a figure in its
 * statistics table, in its prose, both, or neither; the table wins because it
 * is the official form, and a figure from prose is marked as such on every page.
 */
import type { Check, Report, Statistic } from "../schema/report.ts";

export type Figure =
  /** a number was read */
  | { kind: "value"; value: number; stat: Statistic; alternatives: Statistic[] }
  /** the report has the row but no readable number (—, /, blank, ambiguous) */
  | { kind: "null"; stat: Statistic; alternatives: Statistic[] }
  /** the indicator does not appear in the report at all */
  | { kind: "absent" };

const ORIGIN_RANK = { table: 0, text: 1 } as const;

const byIndicatorCache = new WeakMap<Report, Map<string, Statistic[]>>();

/** Statistics of a report grouped by indicator, table origin first, then by line (memoised per report). */
export function statisticsByIndicator(report: Report): Map<string, Statistic[]> {
  const cached = byIndicatorCache.get(report);
  if (cached) return cached;
  const map = new Map<string, Statistic[]>();
  for (const stat of report.statistics) {
    const list = map.get(stat.indicator) ?? [];
    list.push(stat);
    map.set(stat.indicator, list);
  }
  for (const list of map.values()) {
    list.sort((a, b) => ORIGIN_RANK[a.origin] - ORIGIN_RANK[b.origin] || a.line - b.line);
  }
  byIndicatorCache.set(report, map);
  return map;
}

export function figureFrom(stats: Statistic[] | undefined): Figure {
  if (!stats || stats.length === 0) return { kind: "absent" };
  const withValue = stats.find((s) => s.value !== null);
  if (withValue) {
    return { kind: "value", value: withValue.value as number, stat: withValue, alternatives: stats.filter((s) => s !== withValue) };
  }
  const [first, ...rest] = stats as [Statistic, ...Statistic[]];
  return { kind: "null", stat: first, alternatives: rest };
}

export function figureOf(report: Report, indicator: string): Figure {
  return figureFrom(statisticsByIndicator(report).get(indicator));
}

export function valueOf(report: Report, indicator: string): number | null {
  const figure = figureOf(report, indicator);
  return figure.kind === "value" ? figure.value : null;
}

/** Failed checks per indicator they concern. */
export function failedChecksByIndicator(report: Report): Map<string, Check[]> {
  const map = new Map<string, Check[]>();
  for (const check of report.checks) {
    if (check.status !== "fail") continue;
    for (const indicator of check.indicators) {
      const list = map.get(indicator) ?? [];
      list.push(check);
      map.set(indicator, list);
    }
  }
  return map;
}
