/**
 * The codebook: every column of the long and the wide CSV, and every
 * indicator of the catalog with its definition. Published as CSV and shown on
 * the downloads page; both come from `codebookRows`.
 */
import { allIndicators, type Indicator, type Template, sectionsOf } from "../../catalog/index.ts";
import { csvOf, longColumns, wideMetadataColumns, type Column } from "./columns.ts";

export interface CodebookRow {
  /** The file the column belongs to. */
  file: string;
  /** column = a CSV column; indicator = a catalog indicator (a wide-CSV column and an indicator_id of the long CSV). */
  kind: "column" | "indicator";
  name: string;
  title: string;
  nameEn: string;
  type: string;
  unit: string;
  parent: string;
  section: string;
  template: string;
  description: string;
}

/** The codebook's own columns (it is a resource of the data package too). */
export function codebookColumns(): Column<CodebookRow>[] {
  const text = (name: string, title: string, description: string, value: (r: CodebookRow) => string, required = false) => ({
    name,
    title,
    type: "string" as const,
    description,
    ...(required ? { constraints: { required: true } } : {}),
    value: (r: CodebookRow) => value(r) || null,
  });
  return [
    text("file", "文件", "The file the entry describes: reports-long.csv or reports-wide.csv", (r) => r.file, true),
    text("kind", "类别", "column = a column of that file; indicator = a catalog indicator (a column of the wide CSV and an indicator_id value of the long CSV)", (r) => r.kind, true),
    text("name", "名称", "Column name or indicator id", (r) => r.name, true),
    text("title", "中文名称", "Chinese name of the column or short Chinese label of the indicator", (r) => r.title, true),
    text("name_en", "英文名称", "English name of the indicator", (r) => r.nameEn),
    text("type", "类型", "Table Schema type of the values: string, integer, number, boolean or date", (r) => r.type, true),
    text("unit", "单位", "Unit of the indicator as the official table prints it", (r) => r.unit),
    text("parent", "上级指标", "Id of the indicator this one is a breakdown of", (r) => r.parent),
    text("section", "所属部分", "Section of the statistics table, e.g. 三、依申请公开情况", (r) => r.section),
    text("template", "统计表格式", "Template id of the indicator, e.g. national-2008", (r) => r.template),
    text("description", "说明", "What the column holds, or the indicator's definition: official row label, unit, parent and consistency rules", (r) => r.description, true),
  ];
}

function columnRow<Row>(file: string, column: Column<Row>): CodebookRow {
  const values = column.constraints?.enum ? `. Values: ${column.constraints.enum.join(", ")}` : "";
  return {
    file,
    kind: "column",
    name: column.name,
    title: column.title,
    nameEn: "",
    type: column.type,
    unit: "",
    parent: "",
    section: "",
    template: "",
    description: column.description + values,
  };
}

/** A definition in words: the official row, the hierarchy and the consistency rules that bind the indicator. */
export function indicatorDefinition(template: Template, indicator: Indicator): string {
  const parts = [`统计表行名：${indicator.officialLabel}`, `单位：${indicator.unit}`];
  const parent = indicator.parent ? template.indicators.find((i) => i.id === indicator.parent) : undefined;
  if (parent) parts.push(`上级指标：${parent.label}（${parent.id}）`);
  const rules = template.rules.filter((r) => [...r.left, ...r.right].some((t) => t.indicator === indicator.id));
  if (rules.length > 0) parts.push(`勾稽关系：${rules.map((r) => r.description).join("；")}`);
  return `${parts.join("。")}。`;
}

export function codebookRows(): CodebookRow[] {
  const long = longColumns().map((c) => columnRow("reports-long.csv", c));
  const wide = wideMetadataColumns().map((c) => columnRow("reports-wide.csv", c));
  const indicators = allIndicators().map(({ template, indicator }): CodebookRow => {
    const section = sectionsOf(template).find((s) => s.id === indicator.section);
    return {
      file: "reports-wide.csv",
      kind: "indicator",
      name: indicator.id,
      title: indicator.label,
      nameEn: indicator.nameEn,
      type: "number",
      unit: indicator.unit,
      parent: indicator.parent ?? "",
      section: section?.label ?? indicator.section,
      template: template.id,
      description: indicatorDefinition(template, indicator),
    };
  });
  return [...long, ...wide, ...indicators];
}

export function codebookCsv(): string {
  return csvOf(codebookColumns(), codebookRows());
}
