/**
 * The small charts on a report page: how a total of the report breaks down.
 * Which totals is a presentation choice made in concepts (comparable across
 * formats); what they break down into comes from the catalog's own rules for
 * the report's format (total = Σ parts), with parts that are themselves group
 * rows of the format drawn as their group (2021's （三）不予公开, not its eight
 * reasons). A new template brings its breakdowns without code changes here.
 */
import { getTemplate, indicatorFor, type Template } from "../catalog/index.ts";
import type { Report } from "../schema/report.ts";
import type { ChartSpec } from "./chart-spec.ts";
import { valueOf } from "../report/figures.ts";

/** The concepts whose breakdown is charted, with the chart's wording. */
const CHARTS = [
  { concept: "proactive_total", title: "主动公开政府信息：按渠道", description: "同一条信息在多个渠道公开时，各渠道分别计数。" },
  { concept: "requests_received", title: "收到的申请：构成", description: null },
  { concept: "replies_total", title: "申请是如何办理答复的", description: null },
  { concept: "reconsideration_total", title: "行政复议的结果", description: null },
] as const;

export interface ReportChart {
  id: string;
  title: string;
  description: string;
  spec: ChartSpec;
}

/** The part of a breakdown a term stands for: its highest ancestor below the total (a group row), or itself. */
function partOf(template: Template, total: string, id: string): string {
  let current = id;
  for (;;) {
    const parent = indicatorFor(template, current)?.parent ?? null;
    if (parent === null || parent === total) return current;
    current = parent;
  }
}

/** Labels without the parts they all share (本年新收申请 · 自然人, 本年新收申请 · 商业企业 → 自然人, 商业企业). */
export function distinctLabels(labels: readonly string[]): string[] {
  const parts = labels.map((l) => l.split(" · "));
  const shortest = Math.min(...parts.map((p) => p.length));
  const same = (pick: (p: string[]) => string | undefined) => parts.every((p) => pick(p) === pick(parts[0]!));
  let head = 0;
  while (head < shortest - 1 && same((p) => p[head])) head++;
  let tail = 0;
  while (tail < shortest - 1 - head && same((p) => p[p.length - 1 - tail])) tail++;
  return parts.map((p) => p.slice(head, p.length - tail).join(" · "));
}

export function reportCharts(report: Report): ReportChart[] {
  const template = getTemplate(report.template);
  return CHARTS.flatMap((chart) => {
    const mapping = report.concepts.find((c) => c.concept === chart.concept);
    const total = mapping?.indicators.length === 1 ? mapping.indicators[0]! : null;
    if (total === null) return [];
    const rule = template.rules.find((r) => r.left.length === 1 && r.left[0]!.indicator === total && !r.left[0]!.previous && r.right.length > 1 && r.right.every((t) => t.sign === 1 && !t.previous));
    if (!rule) return [];
    const parts: string[] = [];
    for (const term of rule.right) {
      const part = partOf(template, total, term.indicator);
      if (!parts.includes(part)) parts.push(part);
    }
    const indicators = parts.map((id) => indicatorFor(template, id)).filter((i) => i !== undefined);
    // Rows the report does not print at all (Fujian's channels of other years) are no bars.
    const shown = indicators.filter((i) => {
      const v = valueOf(report, i.id);
      return v !== null || report.statistics.some((s) => s.indicator === i.id);
    });
    const values = shown.map((i) => valueOf(report, i.id));
    if (values.every((v) => v === null)) return [];
    return [
      {
        id: `chart-${chart.concept}`,
        title: chart.title,
        description: [rule.description, chart.description].filter(Boolean).join(" "),
        spec: {
          kind: "bar",
          horizontal: true,
          unit: shown[0]?.unit ?? "",
          categories: distinctLabels(shown.map((i) => i.label)),
          series: [{ name: `${report.year} 年`, values }],
        },
      },
    ];
  });
}
