/**
 * What the comparison view lets a reader choose, from the catalog: the
 * concepts (comparable across formats), the rates of rates.json and every
 * printed indicator, each as a MeasureMeta keyed `<kind>.<id>`; and the
 * groups the chooser lists indicators under (formats, then sections).
 * Build-time only: the browser gets the result in the index JSON.
 */
import { allIndicators, CONCEPTS, RATES, sectionsOf, TEMPLATES, type Template } from "../../catalog/index.ts";
import { compareText } from "../../report/compare-text.ts";
import { COMPARE_TEXT as T } from "./strings.ts";
import type { IndexTemplate, MeasureMeta } from "./types.ts";

export const conceptKey = (id: string) => `c.${id}`;
export const indicatorKey = (id: string) => `i.${id}`;
export const rateKey = (id: string) => `r.${id}`;

/** 2008年全国格式, 2019年全国格式, 福建省格式: the format's name as a table cell can hold it. */
export function templateShortName(template: Pick<Template, "scope" | "name" | "years">): string {
  if (template.scope === "national") return T.words.nationalFormat(template.years.from);
  // A province's own table is named after the province: 福建省政府信息公开情况统计表 → 福建省.
  const region = /^(.+?[省市区])政府信息公开/.exec(template.name)?.[1];
  return T.words.provincialFormat(region ?? template.name);
}

export function indexTemplates(): IndexTemplate[] {
  return TEMPLATES.map((t) => ({ id: t.id, short: templateShortName(t), name: t.name }));
}

function conceptMeasures(): MeasureMeta[] {
  return CONCEPTS.map((concept) => ({
    key: conceptKey(concept.id),
    kind: "c",
    id: concept.id,
    label: concept.label,
    nameEn: concept.nameEn,
    unit: concept.unit,
    templates: TEMPLATES.filter((t) => concept.templates[t.id]).map((t) => t.id),
    caveats: Object.fromEntries(TEMPLATES.filter((t) => concept.templates[t.id]).map((t) => [t.id, concept.templates[t.id]!.caveat])),
    note: null,
    rate: null,
  }));
}

function rateMeasures(): MeasureMeta[] {
  return RATES.map((rate) => {
    const operands = rate.kind === "ratio" ? [rate.numerator, rate.denominator] : [rate.numerator];
    const concepts = operands.map((id) => CONCEPTS.find((c) => c.id === id)!);
    return {
      key: rateKey(rate.id),
      kind: "r",
      id: rate.id,
      label: rate.label,
      nameEn: rate.nameEn,
      unit: rate.unit,
      // A rate exists in a format only where every operand does.
      templates: TEMPLATES.filter((t) => concepts.every((c) => c.templates[t.id])).map((t) => t.id),
      caveats: {},
      note: rate.note,
      rate:
        rate.kind === "ratio"
          ? { kind: "ratio", numerator: conceptKey(rate.numerator), denominator: conceptKey(rate.denominator), scale: rate.scale, digits: rate.digits }
          : { kind: "per_report", numerator: conceptKey(rate.numerator), denominator: null, scale: 1, digits: rate.digits },
    };
  });
}

function indicatorMeasures(): MeasureMeta[] {
  return allIndicators().map(({ indicator, templates }) => ({
    key: indicatorKey(indicator.id),
    kind: "i",
    id: indicator.id,
    label: indicator.label,
    nameEn: indicator.nameEn,
    unit: indicator.unit,
    templates: templates.map((t) => t.id),
    caveats: {},
    note: null,
    rate: null,
  }));
}

/** Every measure: concepts, then rates, then indicators (catalog order). */
export function compareMeasures(): MeasureMeta[] {
  return [...conceptMeasures(), ...rateMeasures(), ...indicatorMeasures()];
}

/** The default view's measures: the featured rates' operands (first use), then the featured rates. */
export function defaultMeasures(): string[] {
  const featured = RATES.filter((r) => r.featured);
  const operands = featured.flatMap((r) => (r.kind === "ratio" ? [r.numerator, r.denominator] : [r.numerator]));
  // Operands in the order the catalog lists the concepts.
  const concepts = CONCEPTS.filter((c) => operands.includes(c.id)).map((c) => conceptKey(c.id));
  return [...concepts, ...featured.map((r) => rateKey(r.id))];
}

export interface IndicatorGroup {
  /** 2019年全国格式、2021年全国格式 */
  label: string;
  sections: { label: string; measures: MeasureMeta[] }[];
}

/**
 * Indicators for the chooser, grouped by the formats that print them (an id
 * 2019 and 2021 share is one measure) and, within, by the section of the
 * format whose definition stands.
 */
export function indicatorGroups(measures: readonly MeasureMeta[] = compareMeasures()): IndicatorGroup[] {
  const byKey = new Map(measures.map((m) => [m.key, m]));
  const groups = new Map<string, { order: number; label: string; sections: Map<string, { label: string; measures: MeasureMeta[] }> }>();
  for (const { template, indicator, templates } of allIndicators()) {
    const measure = byKey.get(indicatorKey(indicator.id));
    if (!measure) continue;
    const groupId = templates.map((t) => t.id).join("+");
    const group =
      groups.get(groupId) ??
      groups
        .set(groupId, {
          order: Math.min(...templates.map((t) => TEMPLATES.indexOf(t))) * 100 + templates.length,
          label: templates.map(templateShortName).join("、"),
          sections: new Map(),
        })
        .get(groupId)!;
    const sectionLabel = sectionsOf(template).find((s) => s.id === indicator.section)?.label ?? indicator.section;
    const section = group.sections.get(sectionLabel) ?? group.sections.set(sectionLabel, { label: sectionLabel, measures: [] }).get(sectionLabel)!;
    section.measures.push(measure);
  }
  return [...groups.values()]
    .sort((a, b) => a.order - b.order || compareText(a.label, b.label))
    .map((g) => ({ label: g.label, sections: [...g.sections.values()] }));
}
