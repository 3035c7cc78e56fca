/**
 * Figures comparable across table formats (catalog concepts.json): for each
 * concept this report's template maps, the sum of the indicators it maps to,
 * with the mapping's caveat carried into the data.
 */
import { CONCEPTS, type Template } from "../../catalog/index.ts";
import { figureOf } from "../../report/figures.ts";
import type { ConceptValue, DerivedFigure, Statistic } from "../../schema/report.ts";

export function conceptValues(template: Template, report: { statistics: Statistic[]; derived: DerivedFigure[] }): ConceptValue[] {
  return CONCEPTS.flatMap((concept): ConceptValue[] => {
    const mapping = concept.templates[template.id];
    if (!mapping) return [];
    const figures = mapping.sumOf.map((id) => figureOf(report, id));
    if (figures.every((f) => f.kind === "absent")) return [];
    const base = { concept: concept.id, indicators: mapping.sumOf, caveat: mapping.caveat };
    if (figures.some((f) => f.kind === "absent")) return [{ ...base, value: null, status: "uncertain" }];
    const values = figures.map((f) => (f.kind === "absent" ? null : f.value));
    if (values.some((v) => v === null)) {
      const allBlank = figures.every((f) => f.kind !== "absent" && f.status === "not_reported");
      return [{ ...base, value: null, status: allBlank ? "not_reported" : "uncertain" }];
    }
    return [{ ...base, value: Number(values.reduce((a, b) => a! + b!, 0)!.toFixed(6)), status: "reported" }];
  });
}
