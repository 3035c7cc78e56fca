/**
 * The indicator catalog: statistics-table templates, concepts, special areas
 * and departments, as data (the JSON files beside this module, validated by
 * ./schema.ts). The converter's readers and checks, the CSV columns and the
 * site's pages all read this module.
 *
 * Adding a template is adding its JSON file to TEMPLATE_FILES; a table of a
 * new shape also needs a reader for its layout (src/converter/readers/).
 */
import conceptsFile from "./concepts.json" with { type: "json" };
import departmentsFile from "./departments.json" with { type: "json" };
import ratesFile from "./rates.json" with { type: "json" };
import { TEMPLATE_FILES } from "./template-files.ts";
import specialAreasFile from "./special-areas.json" with { type: "json" };
import {
  ConceptsFile,
  DepartmentsFile,
  RatesFile,
  SpecialAreasFile,
  Template as TemplateSchema,
  type CellValue,
  type Column,
  type Concept,
  type DepartmentKind,
  type Rate,
  type Row,
  type Rule,
  type SpecialArea,
  type Table,
  type TemplateFile,
  type TextFigure,
} from "./schema.ts";

export type { CellValue, Column, Concept, DepartmentKind, Rate, Row, SpecialArea, Table, TextCue, TextFigure } from "./schema.ts";
export type { Block, BlocksTable, HeaderRowTable, MatrixTable, RowsTable } from "./schema.ts";

/** One printed figure of a template: a row of a one-column table, or a cell (row × column). */
export interface Indicator {
  id: string;
  template: string;
  table: string;
  /** Row id (the `r` of `r__c`), or the row's own id in a one-column table. */
  row: string;
  /** Column id (the `c` of `r__c`); null in a one-column table. */
  column: string | null;
  /** Position in the template, tables in order, then rows, then columns. */
  order: number;
  /** Short Chinese name, e.g. 收到申请数, 规章 · 本年制发件数. */
  label: string;
  rowLabel: string;
  columnLabel: string | null;
  /** As the format prints it: the row label, and the column header after " / ". */
  officialLabel: string;
  nameEn: string;
  unit: string;
  value: CellValue;
  parent: string | null;
  /** The 2008 section (proactive, requests …) for a rows table; the table id otherwise. */
  section: string;
  /** Other spellings of the row (and column) seen in real reports. */
  variants: string[];
}

/** A figure the catalog computes from printed ones (never read from a report). */
export interface DerivedIndicator {
  id: string;
  template: string;
  table: string | null;
  row: string | null;
  column: string | null;
  label: string;
  nameEn: string;
  unit: string;
  sumOf: string[];
  parent: string | null;
}

export interface Term {
  indicator: string;
  sign: 1 | -1;
  /** The figure of the same body's report of the year before. */
  previous: boolean;
}

/** A consistency rule with its `forEach` expanded: Σ left op Σ right. */
export interface ConcreteRule {
  id: string;
  /** Id of the rule in the template file (several concrete rules share it when it has forEach). */
  family: string;
  description: string;
  left: Term[];
  op: "=" | "<=" | ">=";
  right: Term[];
  splits: boolean;
  absentAsZero: boolean;
}

export interface Template {
  id: string;
  name: string;
  nameEn: string;
  scope: "national" | "provincial";
  years: { from: number; to: number };
  notice: string | null;
  evidence: TemplateFile["evidence"];
  outline: string[];
  tables: Table[];
  /** Every printed figure, in table order. */
  indicators: Indicator[];
  derived: DerivedIndicator[];
  rules: ConcreteRule[];
  acrossYears: ConcreteRule[];
  textFigures: TextFigure[];
  notes?: string;
}

// ---------------------------------------------------------------- expansion

function rowLabelOf(row: Row): string {
  return row.short;
}

/** The values `forEach` ranges over: [id, label] pairs. */
function forEachValues(template: TemplateFile, spec: string): [string, string][] {
  const [kind, target] = spec.split(":") as [string, string];
  const [tableId, groupId] = target.split(".");
  const table = template.tables.find((t) => t.id === tableId);
  if (!table) throw new Error(`catalog ${template.id}: forEach ${spec} names unknown table ${tableId}`);
  if (kind === "columns" && table.layout === "matrix") return table.columns.map((c) => [c.id!, c.label]);
  if (kind === "rows" && (table.layout === "matrix" || table.layout === "rows")) {
    return table.rows.filter((r) => r.role === "value" && r.id).map((r) => [r.id!, r.short]);
  }
  if (kind === "group" && table.layout === "header_row") {
    const group = table.groups.find((g) => g.id === groupId);
    if (!group) throw new Error(`catalog ${template.id}: forEach ${spec} names unknown group ${groupId}`);
    return group.columns.map((c) => [c.id!, c.label]);
  }
  throw new Error(`catalog ${template.id}: forEach ${spec} does not fit table ${tableId} (${table.layout})`);
}

function expand<T extends { forEach?: string | undefined }>(template: TemplateFile, item: T, fill: (x: string, label: string) => T): T[] {
  if (!item.forEach) return [item];
  return forEachValues(template, item.forEach).map(([x, label]) => fill(x, label));
}

const sub = (text: string, x: string, label: string) => text.replaceAll("{x_label}", label).replaceAll("{x}", x);

function parseTerm(text: string): Term {
  const m = /^(-)?(prev:)?([a-z][a-z0-9_]*)$/.exec(text);
  if (!m) throw new Error(`bad rule term "${text}" (an indicator id, optionally with - and prev:)`);
  return { indicator: m[3]!, sign: m[1] ? -1 : 1, previous: m[2] !== undefined };
}

function concreteRules(template: TemplateFile, rules: Rule[]): ConcreteRule[] {
  return rules.flatMap((rule) =>
    expand(template, rule, (x, label) => ({
      ...rule,
      id: `${rule.id}__${x}`,
      description: sub(rule.description, x, label),
      left: rule.left.map((t) => sub(t, x, label)),
      right: rule.right.map((t) => sub(t, x, label)),
    })).map((r) => ({
      id: r.id,
      family: rule.id,
      description: r.description,
      left: r.left.map(parseTerm),
      op: r.op,
      right: r.right.map(parseTerm),
      splits: r.splits,
      absentAsZero: r.absentAsZero,
    })),
  );
}

function cellId(row: string, column: string | null): string {
  return column === null ? row : `${row}__${column}`;
}

function indicatorsOf(template: TemplateFile): { indicators: Indicator[]; derived: DerivedIndicator[] } {
  const indicators: Indicator[] = [];
  const derived: DerivedIndicator[] = [];
  const push = (table: Table, row: Row, column: Column | null, section: string, unitOf: string) => {
    const columnLabel = column?.label ?? null;
    const showColumn = column !== null && column.id !== null;
    indicators.push({
      id: cellId(row.id!, column?.id ?? null),
      template: template.id,
      table: table.id,
      row: row.id!,
      column: column?.id ?? null,
      order: indicators.length + 1,
      label: showColumn ? `${rowLabelOf(row)} · ${column!.label}` : rowLabelOf(row),
      rowLabel: rowLabelOf(row),
      columnLabel: showColumn ? columnLabel : null,
      officialLabel: showColumn ? `${row.label} / ${column!.label}` : row.label,
      nameEn: showColumn ? `${row.nameEn}: ${column!.nameEn}` : row.nameEn,
      unit: column?.unit ?? unitOf,
      value: column?.value ?? "count",
      parent: row.parent === null ? null : cellId(row.parent, column?.id ?? null),
      section,
      variants: [...row.variants, ...(showColumn ? column!.variants : [])],
    });
  };
  for (const table of template.tables) {
    switch (table.layout) {
      case "rows":
        for (const row of table.rows) {
          if (row.role !== "value" || !row.id) continue;
          for (const column of table.columns) push(table, row, column, row.section ?? table.id, row.unit ?? table.unit);
        }
        break;
      case "blocks":
        for (const block of table.blocks) {
          for (const row of block.rows) {
            if (row.role !== "value" || !row.id) continue;
            for (const column of block.columns) push(table, { ...row, parent: row.parent }, column, table.id, row.unit ?? table.unit);
          }
        }
        break;
      case "matrix": {
        const children = new Map<string, string[]>();
        for (const row of table.rows) {
          if (row.parent) children.set(row.parent, [...(children.get(row.parent) ?? []), row.id!]);
          if (row.role !== "value" || !row.id) continue;
          for (const column of table.columns) push(table, row, column, table.id, row.unit ?? table.unit);
        }
        const allColumns = [...table.columns.map((c) => ({ id: c.id!, label: c.label, nameEn: c.nameEn, parent: c.parent })), ...table.derivedColumns];
        /** A sum the matrix does not print: a group row's cell, or a derived column's. */
        const derivedCell = (row: (typeof table.rows)[number], column: (typeof allColumns)[number], sumOf: string[], parent: string | null): DerivedIndicator => ({
          id: cellId(row.id!, column.id),
          template: template.id,
          table: table.id,
          row: row.id!,
          column: column.id,
          label: `${row.short} · ${column.label}`,
          nameEn: `${row.nameEn}: ${column.nameEn}`,
          unit: row.unit ?? table.unit,
          sumOf,
          parent,
        });
        for (const row of table.rows) {
          if (row.role !== "group" || !row.id) continue;
          const parts = children.get(row.id) ?? [];
          for (const column of allColumns) {
            derived.push(derivedCell(row, column, parts.map((p) => cellId(p, column.id)), row.parent ? cellId(row.parent, column.id) : null));
          }
        }
        for (const column of table.derivedColumns) {
          for (const row of table.rows) {
            if (row.role !== "value" || !row.id) continue;
            derived.push(derivedCell(row, column, column.sumOf.map((c) => cellId(row.id!, c)), column.parent ? cellId(row.id, column.parent) : null));
          }
        }
        break;
      }
      case "header_row":
        for (const group of table.groups) {
          const row: Row = { id: group.id, label: group.label, short: group.label, nameEn: group.nameEn, variants: [], parent: null, role: "value" };
          for (const column of group.columns) {
            push(table, row, column, table.id, table.unit);
            const last = indicators[indicators.length - 1]!;
            // Within a group the results add up to the group's 总计.
            const total = group.columns.find((c) => c.id === "total");
            last.parent = column.parent ? cellId(group.id, column.parent) : total && column.id !== "total" ? cellId(group.id, "total") : null;
            if (group.over) {
              last.label = `${group.over} · ${group.label} · ${column.label}`;
              last.officialLabel = `${group.over} / ${group.label} / ${column.label}`;
            }
          }
        }
        break;
    }
  }
  for (const item of template.derived) {
    for (const d of expand(template, item, (x, label) => ({
      ...item,
      id: sub(item.id, x, label),
      label: sub(item.label, x, label),
      nameEn: sub(item.nameEn, x, label),
      sumOf: item.sumOf.map((s) => sub(s, x, label)),
      parent: item.parent ? sub(item.parent, x, label) : null,
    }))) {
      const [row, column] = d.id.includes("__") ? (d.id.split("__") as [string, string]) : [d.id, null];
      derived.push({ id: d.id, template: template.id, table: null, row, column, label: d.label, nameEn: d.nameEn, unit: d.unit, sumOf: d.sumOf, parent: d.parent });
    }
  }
  return { indicators, derived };
}

function loadTemplate(raw: unknown): Template {
  const file = TemplateSchema.parse(raw);
  const { indicators, derived } = indicatorsOf(file);
  const ids = new Set(indicators.map((i) => i.id));
  const derivedIds = new Set(derived.map((d) => d.id));
  const fail = (message: string): never => {
    throw new Error(`catalog ${file.id}: ${message}`);
  };
  if (ids.size !== indicators.length) {
    const seen = new Set<string>();
    for (const i of indicators) if (seen.has(i.id)) fail(`indicator ${i.id} is defined twice`);
    else seen.add(i.id);
  }
  const known = (id: string) => ids.has(id) || derivedIds.has(id);
  for (const i of indicators) if (i.parent && !known(i.parent)) fail(`${i.id} has unknown parent ${i.parent}`);
  for (const d of derived) for (const part of d.sumOf) if (!known(part)) fail(`derived ${d.id} sums unknown ${part}`);
  const rules = concreteRules(file, file.rules);
  const acrossYears = concreteRules(file, file.acrossYears);
  for (const rule of [...rules, ...acrossYears]) {
    for (const term of [...rule.left, ...rule.right]) if (!known(term.indicator)) fail(`rule ${rule.id} names unknown indicator ${term.indicator}`);
  }
  for (const rule of rules) if ([...rule.left, ...rule.right].some((t) => t.previous)) fail(`rule ${rule.id}: prev: belongs in acrossYears`);
  for (const figure of file.textFigures) {
    if (!known(figure.indicator)) fail(`textFigures names unknown indicator ${figure.indicator}`);
    for (const sum of figure.alsoMeans) for (const id of sum) if (!known(id)) fail(`textFigures ${figure.indicator} alsoMeans unknown ${id}`);
  }
  for (const table of file.tables) {
    if (table.layout !== "rows") continue;
    const sections = new Set(table.sections.map((s) => s.id));
    for (const row of table.rows) if (row.section && !sections.has(row.section)) fail(`row ${row.id} has unknown section ${row.section}`);
    for (const section of table.sections) if (section.indicator && !ids.has(section.indicator)) fail(`section ${section.id} names unknown ${section.indicator}`);
  }
  return {
    id: file.id,
    name: file.name,
    nameEn: file.nameEn,
    scope: file.scope,
    years: file.years,
    notice: file.notice,
    evidence: file.evidence,
    outline: file.outline,
    tables: file.tables,
    indicators,
    derived,
    rules,
    acrossYears,
    textFigures: file.textFigures,
    notes: file.notes,
  };
}

/** Every template, oldest format first. */
export const TEMPLATES: readonly Template[] = TEMPLATE_FILES.map(loadTemplate);

export const CONCEPTS: readonly Concept[] = ConceptsFile.parse(conceptsFile).concepts;

export const SPECIAL_AREAS: readonly SpecialArea[] = SpecialAreasFile.parse(specialAreasFile).areas;

export const DEPARTMENT_KINDS: readonly DepartmentKind[] = DepartmentsFile.parse(departmentsFile).departments;

for (const concept of CONCEPTS) {
  for (const [templateId, mapping] of Object.entries(concept.templates)) {
    const template = TEMPLATES.find((t) => t.id === templateId);
    if (!template) throw new Error(`concept ${concept.id}: unknown template ${templateId}`);
    for (const id of mapping.sumOf) {
      if (!template.indicators.some((i) => i.id === id) && !template.derived.some((d) => d.id === id)) {
        throw new Error(`concept ${concept.id}: ${templateId} has no indicator ${id}`);
      }
    }
  }
}

/** Rates of the comparison view (rates.json): each operand is a concept. */
export const RATES: readonly Rate[] = RatesFile.parse(ratesFile).rates;

for (const rate of RATES) {
  const operands = rate.kind === "ratio" ? [rate.numerator, rate.denominator] : [rate.numerator];
  for (const operand of operands) {
    if (!CONCEPTS.some((c) => c.id === operand)) throw new Error(`rate ${rate.id}: unknown concept ${operand}`);
  }
  if (RATES.filter((r) => r.id === rate.id).length > 1) throw new Error(`rate ${rate.id} is defined twice`);
}

export const DEFAULT_TEMPLATE_ID = "national-2008";

export function getTemplate(id: string): Template {
  const template = TEMPLATES.find((t) => t.id === id);
  if (!template) throw new Error(`unknown statistics template: ${id}`);
  return template;
}

/** The national template of a year (the format changed in 2019 and 2021): the prior before the report's own evidence. */
export function templateForYear(year: number): Template | undefined {
  return TEMPLATES.find((t) => t.scope === "national" && year >= t.years.from && year <= t.years.to);
}

/**
 * Every indicator id once, in template then table order; where templates share
 * an id (2019 and 2021 share most), the newest national template's definition
 * stands (a provincial table's wording never replaces the national one).
 */
export function allIndicators(): { template: Template; indicator: Indicator; templates: Template[] }[] {
  const byId = new Map<string, { template: Template; indicator: Indicator; templates: Template[] }>();
  for (const template of TEMPLATES) {
    for (const indicator of template.indicators) {
      const entry = byId.get(indicator.id);
      if (entry) {
        entry.templates.push(template);
        if (template.scope === "national" || entry.template.scope !== "national") {
          entry.template = template;
          entry.indicator = { ...indicator, order: entry.indicator.order };
        }
      } else {
        byId.set(indicator.id, { template, indicator, templates: [template] });
      }
    }
  }
  return [...byId.values()];
}

let indexById: Map<string, { template: Template; indicator: Indicator; templates: Template[] }> | null = null;

export function findIndicator(id: string): { template: Template; indicator: Indicator; templates: Template[] } | undefined {
  indexById ??= new Map(allIndicators().map((entry) => [entry.indicator.id, entry]));
  return indexById.get(id);
}

/**
 * The catalog entry of an id a report of this template may carry: a printed
 * indicator, or a derived one (a group row a report prints as one row, such as
 * 2021's （六）其他处理), described as an indicator placed after the printed ones.
 */
export function indicatorFor(template: Template, id: string): Indicator | undefined {
  const printed = template.indicators.find((i) => i.id === id);
  if (printed) return printed;
  const index = template.derived.findIndex((d) => d.id === id);
  if (index < 0) return undefined;
  const d = template.derived[index]!;
  return {
    id: d.id,
    template: template.id,
    table: d.table ?? "",
    row: d.row ?? d.id,
    column: d.column,
    order: template.indicators.length + index + 1,
    label: d.label,
    rowLabel: d.label,
    columnLabel: null,
    officialLabel: d.label,
    nameEn: d.nameEn,
    unit: d.unit,
    value: "count",
    parent: d.parent,
    section: d.table ?? "",
    variants: [],
  };
}

/** Printed children of an indicator in the table hierarchy. */
export function childrenOf(template: Template, id: string): Indicator[] {
  return template.indicators.filter((i) => i.parent === id);
}

/** A heading of a template's statistics: a 2008-style section (一、主动公开情况), or a whole table of a later format (表二). */
export interface SectionOf {
  id: string;
  label: string;
  nameEn: string;
  table: string;
  /** Set when the section row is itself a figure (四、行政复议数量). */
  indicator?: string;
}

/** The sections a template's statistics are shown under, in order. */
export function sectionsOf(template: Template): SectionOf[] {
  return template.tables.flatMap((table): SectionOf[] =>
    table.layout === "rows" && table.sections.length > 0
      ? table.sections.map((s) => ({ id: s.id, label: s.label, nameEn: s.nameEn, table: table.id, ...(s.indicator ? { indicator: s.indicator } : {}) }))
      : [{ id: table.id, label: table.label, nameEn: table.nameEn, table: table.id }],
  );
}

export function findConcept(id: string): Concept | undefined {
  return CONCEPTS.find((c) => c.id === id);
}
