/**
 * What the About page says about the catalog, computed from it: the formats
 * and their consistency rules (a rule repeated for every column is one
 * entry), and the concepts that span formats.
 */
import { CONCEPTS, TEMPLATES, type Template } from "../catalog/index.ts";

export interface RuleFamily {
  id: string;
  /** The first concrete rule's wording. */
  description: string;
  /** How many concrete rules it stands for (one per column or row it is repeated over). */
  count: number;
}

export function ruleFamilies(template: Template): RuleFamily[] {
  const families = new Map<string, RuleFamily>();
  for (const rule of template.rules) {
    const family = families.get(rule.family);
    if (family) family.count += 1;
    else families.set(rule.family, { id: rule.family, description: rule.description, count: 1 });
  }
  return [...families.values()];
}

export interface FormatSummary {
  template: Template;
  indicators: number;
  derived: number;
  rules: RuleFamily[];
  ruleCount: number;
  acrossYears: number;
  /** Concepts this format maps. */
  concepts: number;
}

export function formatSummaries(templates: readonly Template[] = TEMPLATES): FormatSummary[] {
  return templates.map((template) => ({
    template,
    indicators: template.indicators.length,
    derived: template.derived.length,
    rules: ruleFamilies(template),
    ruleCount: template.rules.length,
    acrossYears: template.acrossYears.length,
    concepts: CONCEPTS.filter((c) => c.templates[template.id]).length,
  }));
}

/** The catalog gives a format still in use the end year 9999. */
const STILL_IN_USE = 9999;

/** 2008—2018 年, or 2021 年起 for a format still in use. */
export function yearsText(template: Template): string {
  const { from, to } = template.years;
  return to >= STILL_IN_USE ? `${from} 年起` : `${from}—${to} 年`;
}
