/**
 * Where a report page shows one figure: the cell of its printed table
 * (FigureCell carries the id). Only the format's table cells have one, and
 * only where the report prints the row; a sum the catalog derives across
 * blocks (行政诉讼 · 总计) or a row the report lacks has none, so a link to
 * such a figure goes to the report page itself.
 */
import type { Template } from "../../catalog/index.ts";
import { paths } from "../paths.ts";

/** The id of a figure's cell on the report page. */
export function figureAnchor(indicator: string): string {
  return `stat-${indicator}`;
}

/** True when the format prints the indicator as a cell of one of its tables. */
export function isTableCell(template: Template, indicator: string): boolean {
  return template.indicators.some((i) => i.id === indicator);
}

/** A link to the figure on its report page; `printed`: the report has a statistic for it (not absent from the report). */
export function figureHref(reportId: string, template: Template, indicator: string, printed: boolean): string {
  const page = paths.report(reportId);
  return printed && isTableCell(template, indicator) ? `${page}#${figureAnchor(indicator)}` : page;
}
