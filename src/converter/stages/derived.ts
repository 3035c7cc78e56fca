/**
 * Figures the catalog defines as sums of printed ones (（三）不予公开 = its eight
 * rows, 法人或其他组织 = its five columns, 行政诉讼 = 直接起诉 + 复议后起诉), so
 * pages can compare formats. Never read from the report: where the report
 * prints the id itself (a 2021 report printing （六）其他处理 as one row), the
 * printed figure stands and nothing is derived.
 */
import type { Template } from "../../catalog/index.ts";
import type { DerivedFigure, Statistic, ValueStatus } from "../../schema/report.ts";

/** Sum of decimals without binary noise: the catalog's amounts have at most six places. */
function sum(values: readonly number[]): number {
  const total = values.reduce((a, b) => a + b, 0);
  return Number(total.toFixed(6));
}

export function deriveFigures(template: Template, statistics: readonly Statistic[]): DerivedFigure[] {
  const printed = new Map(statistics.filter((s) => s.origin === "table").map((s) => [s.indicator, s]));
  const derived = new Map<string, DerivedFigure>();
  const figure = (id: string): { value: number | null; status: ValueStatus } | null => {
    const p = printed.get(id);
    if (p) return { value: p.value, status: p.status };
    const d = derived.get(id);
    return d ? { value: d.value, status: d.status } : null;
  };
  // Derived figures may build on one another (法人或其他组织 of 不予公开): each waits for the derived figures it sums.
  const definitions = new Map(template.derived.map((d) => [d.id, d]));
  const settled = new Set<string>();
  const ready = (ids: readonly string[]) => ids.every((id) => !definitions.has(id) || printed.has(id) || settled.has(id));
  for (let progress = true; progress; ) {
    progress = false;
    for (const definition of template.derived) {
      if (settled.has(definition.id) || !ready(definition.sumOf)) continue;
      settled.add(definition.id);
      progress = true;
      if (printed.has(definition.id)) continue;
      const parts = definition.sumOf.map(figure);
      if (parts.every((p) => p === null)) continue;
      const missing = definition.sumOf.filter((_, i) => parts[i] === null);
      const unread = definition.sumOf.filter((_, i) => parts[i] !== null && parts[i]!.value === null);
      if (missing.length > 0) {
        derived.set(definition.id, { indicator: definition.id, value: null, status: "uncertain", inputs: definition.sumOf, note: `报告没有：${missing.join("、")}` });
      } else if (unread.length > 0) {
        const allBlank = parts.every((p) => p!.value === null && p!.status === "not_reported");
        derived.set(definition.id, {
          indicator: definition.id,
          value: null,
          status: allBlank ? "not_reported" : "uncertain",
          inputs: definition.sumOf,
          note: `未填报或无法确定：${unread.join("、")}`,
        });
      } else {
        derived.set(definition.id, { indicator: definition.id, value: sum(parts.map((p) => p!.value!)), status: "reported", inputs: definition.sumOf, note: null });
      }
    }
  }
  const order = new Map(template.derived.map((d, i) => [d.id, i]));
  return [...derived.values()].sort((a, b) => order.get(a.indicator)! - order.get(b.indicator)!);
}
