/**
 * The indicator catalog: statistics-table templates as data.
 *
 * A template (templates/*.json) lists its sections, indicators (stable English
 * id, Chinese label, unit, parent, label variants seen in real reports, cues
 * for figures stated in prose) and consistency rules. The parser, the checks,
 * the CSV columns and the site's indicator pages all read this module; adding
 * a template (e.g. the 2019 or 2021 national formats) means adding a JSON file
 * here and listing it in TEMPLATE_FILES, not new code paths.
 */
import { z } from "zod";
import national2008 from "./templates/national-2008.json" with { type: "json" };
import conceptsFile from "./concepts.json" with { type: "json" };

const TextCue = z.object({
  before: z.string().min(1).describe("phrase that precedes the number in prose"),
  units: z.array(z.string().min(1)).min(1).describe("units accepted right after the number"),
});

const Indicator = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  order: z.number().int().positive(),
  section: z.string(),
  label: z.string().min(1).describe("short Chinese label, numbering and notes stripped"),
  officialLabel: z.string().min(1).describe("row label as the official template prints it"),
  nameEn: z.string().min(1),
  unit: z.string().min(1),
  parent: z.string().nullable(),
  variants: z.array(z.string()).describe("other spellings seen in real reports (OCR slips, older wording)"),
  textCues: z.array(TextCue),
});

const Rule = z.object({
  id: z.string(),
  kind: z.enum(["sum", "dedup_total"]),
  total: z.string(),
  parts: z.array(z.string()).min(1),
  description: z.string(),
});

const Template = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string(),
  years: z.object({ from: z.number().int(), to: z.number().int() }),
  headerLabels: z.array(z.string()),
  sections: z.array(
    z.object({ id: z.string(), label: z.string(), nameEn: z.string(), indicator: z.string().optional() }),
  ),
  groups: z.array(z.object({ label: z.string(), section: z.string(), freeText: z.boolean().optional() })),
  indicators: z.array(Indicator),
  rules: z.array(Rule),
  notes: z.string().optional(),
});

const Concepts = z.object({
  description: z.string(),
  concepts: z.array(z.object({ id: z.string(), label: z.string(), templates: z.record(z.string(), z.string()) })),
});

export type Indicator = z.infer<typeof Indicator>;
export type Rule = z.infer<typeof Rule>;
export type Template = z.infer<typeof Template>;
export type Section = Template["sections"][number];
export type Concept = z.infer<typeof Concepts>["concepts"][number];

function loadTemplate(raw: unknown): Template {
  const template = Template.parse(raw);
  const ids = new Set(template.indicators.map((i) => i.id));
  const sections = new Set(template.sections.map((s) => s.id));
  for (const indicator of template.indicators) {
    if (indicator.parent && !ids.has(indicator.parent)) {
      throw new Error(`catalog ${template.id}: ${indicator.id} has unknown parent ${indicator.parent}`);
    }
    if (!sections.has(indicator.section)) {
      throw new Error(`catalog ${template.id}: ${indicator.id} has unknown section ${indicator.section}`);
    }
  }
  for (const rule of template.rules) {
    for (const id of [rule.total, ...rule.parts]) {
      if (!ids.has(id)) throw new Error(`catalog ${template.id}: rule ${rule.id} names unknown indicator ${id}`);
    }
  }
  return template;
}

/** Every template, oldest format first. */
export const TEMPLATES: readonly Template[] = [loadTemplate(national2008)];

export const CONCEPTS: readonly Concept[] = Concepts.parse(conceptsFile).concepts;

export const DEFAULT_TEMPLATE_ID = "national-2008";

export function getTemplate(id: string): Template {
  const template = TEMPLATES.find((t) => t.id === id);
  if (!template) throw new Error(`unknown statistics template: ${id}`);
  return template;
}

/** The template a report of this year should follow (the national format changed in 2019 and 2021). */
export function templateForYear(year: number): Template | undefined {
  return TEMPLATES.find((t) => year >= t.years.from && year <= t.years.to);
}

/** Every indicator of every template, in template then table order; ids are unique across templates. */
export function allIndicators(): { template: Template; indicator: Indicator }[] {
  return TEMPLATES.flatMap((template) =>
    [...template.indicators].sort((a, b) => a.order - b.order).map((indicator) => ({ template, indicator })),
  );
}

export function findIndicator(id: string): { template: Template; indicator: Indicator } | undefined {
  return allIndicators().find((entry) => entry.indicator.id === id);
}

/** Children of an indicator in the table hierarchy. */
export function childrenOf(template: Template, id: string): Indicator[] {
  return template.indicators.filter((i) => i.parent === id);
}
