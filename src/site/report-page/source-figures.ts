/** The figures of a report as places on its source page: each span with what to call it (the indicator and what the report printed). */
import { getTemplate, indicatorFor } from "../../catalog/index.ts";
import type { Report } from "../../schema/report.ts";
import { formatNumber } from "../format.ts";
import { STATUS_TEXT } from "../printed-tables/labels.ts";
import type { FigurePlace } from "../source-text.ts";

export function sourceFigures(report: Report): FigurePlace[] {
  const template = getTemplate(report.template);
  return report.statistics.map((s) => {
    const shown = s.status === "reported" && s.value !== null ? formatNumber(s.value) : STATUS_TEXT[s.status === "reported" ? "uncertain" : s.status];
    return { span: s.span, label: `${indicatorFor(template, s.indicator)?.label ?? s.indicator}：${shown}` };
  });
}
