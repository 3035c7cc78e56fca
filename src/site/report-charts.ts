/**
 * The two small charts on a report page. Which indicators they show comes
 * from the catalog's own rules (the parts that make up a total), so a new
 * template brings its own breakdowns without code changes here.
 */
import { getTemplate } from "../catalog/index.ts";
import type { Report } from "../schema/report.ts";
import type { ChartSpec } from "./chart-spec.ts";
import { valueOf } from "./figures.ts";

const BREAKDOWNS = [
  { total: "proactive_total", title: "主动公开政府信息：按渠道", description: "同一条信息在多个渠道公开时，各渠道分别计数。" },
  { total: "replies_total", title: "依申请公开：申请是如何答复的", description: "申请答复数按答复类型分列。" },
] as const;

export interface ReportChart {
  id: string;
  title: string;
  description: string;
  spec: ChartSpec;
}

export function reportCharts(report: Report): ReportChart[] {
  const template = getTemplate(report.template);
  return BREAKDOWNS.flatMap((breakdown) => {
    const rule = template.rules.find((r) => r.left.length === 1 && r.left[0]!.indicator === breakdown.total && r.right.length > 1);
    if (!rule) return [];
    const parts = rule.right.map((t) => template.indicators.find((i) => i.id === t.indicator)).filter((i) => i !== undefined);
    const values = parts.map((i) => valueOf(report, i.id));
    if (values.every((v) => v === null)) return [];
    return [
      {
        id: `chart-${breakdown.total}`,
        title: breakdown.title,
        description: breakdown.description,
        spec: {
          kind: "bar",
          horizontal: true,
          unit: parts[0]?.unit ?? "",
          categories: parts.map((i) => i.label),
          series: [{ name: `${report.year} 年`, values }],
        },
      },
    ];
  });
}
