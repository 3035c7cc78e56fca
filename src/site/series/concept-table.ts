/**
 * The rows of a concept page's table — one per report whose format has the
 * figure, owner by owner, oldest year first — and the reports whose format
 * has no such figure, said in one line per format instead of a row each.
 */
import { getTemplate, indicatorFor } from "../../catalog/index.ts";
import { formatNumber, NOT_REPORTED } from "../format.ts";
import { paths } from "../paths.ts";
import type { ConceptPoint, ConceptSeries } from "./concepts.ts";
import { templateMark, type TemplateMark } from "./templates.ts";
import { figureHref } from "../report-page/figure-anchor.ts";

export interface ConceptRow {
  point: ConceptPoint;
  mark: TemplateMark;
  value: string;
  href: string;
  /** the figures it is made of in the report's format */
  parts: { id: string; label: string }[];
  note: string;
  muted: boolean;
}

const NOTES: Record<Exclude<ConceptPoint["state"], "value" | "not_in_format">, { value: string; note: string }> = {
  not_reported: { value: NOT_REPORTED, note: "报告列出这一项但未填数字" },
  uncertain: { value: "无法确定", note: "报告印了内容，但无法确定数字（或只给出了部分组成项）" },
  absent: { value: NOT_REPORTED, note: "报告中没有这一项" },
};

export function conceptRows(series: ConceptSeries): ConceptRow[] {
  return series.points
    .filter((p) => p.state !== "not_in_format")
    .map((point) => {
      const template = getTemplate(point.template);
      const parts = point.indicators.map((id) => ({ id, label: indicatorFor(template, id)?.label ?? id }));
      // One figure links to its cell; a sum of several (or a figure the report lacks) to the report page.
      const href = point.indicators.length === 1 ? figureHref(point.reportId, template, point.indicators[0]!, point.state !== "absent") : paths.report(point.reportId);
      const base = { point, mark: templateMark(point.template), href, parts };
      if (point.state === "value") return { ...base, value: formatNumber(point.value), note: parts.length > 1 ? `${parts.length} 项相加` : "", muted: false };
      const { value, note } = NOTES[point.state as keyof typeof NOTES];
      return { ...base, value, note, muted: true };
    });
}

export interface OutsideFormat {
  mark: TemplateMark;
  /** 平潭综合实验区 2011、2012、2014年 */
  owners: { name: string; years: number[] }[];
}

/** Reports whose format has no such figure, per format (oldest first), per owner. */
export function reportsOutsideFormat(series: ConceptSeries): OutsideFormat[] {
  const outside = series.points.filter((p) => p.state === "not_in_format");
  return series.mappings
    .filter((m) => m.sumOf === null)
    .flatMap((m) => {
      const points = outside.filter((p) => p.template === m.mark.id);
      if (points.length === 0) return [];
      const owners = new Map<string, { name: string; years: number[] }>();
      for (const p of points) {
        const owner = owners.get(p.ownerKey) ?? { name: p.owner, years: [] };
        owner.years.push(p.year);
        owners.set(p.ownerKey, owner);
      }
      return [{ mark: m.mark, owners: [...owners.values()] }];
    });
}
