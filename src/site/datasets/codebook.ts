/**
 * The codebook: every column of every CSV, every indicator of every format
 * (printed and derived) and every concept, each named and described in
 * Chinese and in English. Published as codebook.csv and shown on the
 * downloads page; both come from `codebookRows`.
 */
import { CONCEPTS, TEMPLATES, type Template } from "../../catalog/index.ts";
import {
  allFormatsWideColumns,
  conceptColumns,
  csvOf,
  indicatorFileColumns,
  longColumns,
  reportListColumns,
  splitCaveat,
  wideColumns,
  type Column,
} from "./columns.ts";
import { codeOf, INDICATOR_KINDS } from "./vocabulary.ts";
import { templateFigures, type TemplateFigure } from "./observations.ts";
import { CSV_FILES } from "./file-names.ts";

export type CodebookKind = "column" | "indicator" | "derived" | "concept";

export interface CodebookRow {
  /** The file the entry belongs to. */
  file: string;
  kind: CodebookKind;
  name: string;
  title: string;
  titleEn: string;
  type: string;
  unit: string;
  parent: string;
  table: string;
  section: string;
  template: string;
  description: string;
  descriptionEn: string;
}

type Text = (r: CodebookRow) => string;

/** The codebook's own columns (it is a resource of the data package too). */
export function codebookColumns(): Column<CodebookRow>[] {
  const text = (name: string, title: string, titleEn: string, description: string, descriptionEn: string, value: Text, required = false): Column<CodebookRow> => ({
    name,
    title,
    titleEn,
    type: "string",
    description,
    descriptionEn,
    ...(required ? { constraints: { required: true } } : {}),
    value: (r) => value(r) || null,
  });
  return [
    text("file", "文件", "File", "该条所描述的文件", "The file the entry describes", (r) => r.file, true),
    text(
      "kind",
      "类别",
      "Kind",
      "column = 该文件的一列（说明各列的含义）；indicator = 印出的指标，derived = 推算指标（两者都是宽表的一列、长表 indicator_id 的一个取值）；concept = 可跨格式比较的概念（概念表 concept_id 的一个取值）",
      "column = a column of that file; indicator = a printed indicator, derived = a derived one (both a column of the wide CSV and a value of the long CSV's indicator_id); concept = a figure comparable across formats (a value of concept_id in the concepts CSV)",
      (r) => r.kind,
      true,
    ),
    text("name", "名称", "Name", "列名、指标编号或概念编号", "Column name, indicator id or concept id", (r) => r.name, true),
    text("title", "中文名称", "Chinese name", "列的中文名称，或指标、概念的中文简称", "Chinese name of the column, indicator or concept", (r) => r.title, true),
    text("title_en", "英文名称", "English name", "英文名称", "English name", (r) => r.titleEn, true),
    text("type", "类型", "Type", "取值的 Table Schema 类型：string、integer、number、boolean 或 date", "Table Schema type of the values: string, integer, number, boolean or date", (r) => r.type, true),
    text("unit", "单位", "Unit", "指标或概念的单位", "Unit of the indicator or concept", (r) => r.unit),
    text("parent", "上级指标", "Parent", "该指标所细分的上级指标编号", "Id of the indicator this one is a breakdown of", (r) => r.parent),
    text("table", "表", "Table", "指标所在表的编号", "Id of the table the indicator is in", (r) => r.table),
    text("section", "所属部分", "Section", "指标所在的部分或表的标题，如 三、依申请公开情况", "Section or table heading the indicator is shown under, e.g. 三、依申请公开情况", (r) => r.section),
    text("template", "统计表格式", "Table format", "指标所属统计表格式的编号，如 national-2021", "Id of the indicator's table format, e.g. national-2021", (r) => r.template),
    text("description", "说明", "Description", "该列所含内容，或指标的定义（统计表行名、单位、上级指标、勾稽关系），中文", "What the column holds, or the indicator's definition, in Chinese", (r) => r.description, true),
    text("description_en", "英文说明", "Description (English)", "同上，英文", "The same, in English", (r) => r.descriptionEn, true),
  ];
}

function columnRow<Row>(file: string, column: Column<Row>): CodebookRow {
  const values = column.constraints?.enum;
  return {
    file,
    kind: "column",
    name: column.name,
    title: column.title,
    titleEn: column.titleEn,
    type: column.type,
    unit: "",
    parent: "",
    table: "",
    section: "",
    template: "",
    description: column.description,
    descriptionEn: column.descriptionEn + (values && !column.descriptionEn.includes(values[0]!) ? `. Values: ${values.join(", ")}` : ""),
  };
}

function labelOf(template: Template, id: string): string {
  return templateFigures(template).find((f) => f.id === id)?.label ?? id;
}

/** A definition in words: the official row, the unit, the hierarchy and the consistency rules that bind the indicator. */
export function indicatorDefinition(figure: TemplateFigure): { zh: string; en: string } {
  const { template } = figure;
  const zh: string[] = [];
  const en: string[] = [];
  if (figure.kind === "derived") {
    zh.push(`推算指标：${figure.sumOf.map((id) => `${labelOf(template, id)}（${id}）`).join(" + ")}`);
    en.push(`Derived: ${figure.sumOf.join(" + ")}`);
  } else {
    zh.push(`统计表行名：${figure.officialLabel}`);
    en.push(`Printed as: ${figure.officialLabel}`);
  }
  zh.push(`单位：${figure.unit}`);
  en.push(`unit: ${figure.unit}`);
  if (figure.parent) {
    zh.push(`上级指标：${labelOf(template, figure.parent)}（${figure.parent}）`);
    en.push(`breakdown of ${figure.parent}`);
  }
  const rules = template.rules.filter((r) => [...r.left, ...r.right].some((t) => t.indicator === figure.id));
  if (rules.length > 0) {
    zh.push(`勾稽关系：${rules.map((r) => r.description).join("；")}`);
    en.push(`consistency rules: ${rules.map((r) => r.id).join(", ")}`);
  }
  return { zh: `${zh.join("。")}。`, en: `${en.join("; ")}.` };
}

function figureRow(file: string, figure: TemplateFigure): CodebookRow {
  const definition = indicatorDefinition(figure);
  return {
    file,
    kind: figure.kind,
    name: figure.id,
    title: figure.label,
    titleEn: figure.nameEn,
    type: "number",
    unit: figure.unit,
    parent: figure.parent ?? "",
    table: figure.table ?? "",
    section: figure.sectionLabel ?? "",
    template: figure.template.id,
    description: definition.zh,
    descriptionEn: definition.en,
  };
}

function conceptRow(concept: (typeof CONCEPTS)[number]): CodebookRow {
  const mappings = TEMPLATES.flatMap((t) => {
    const mapping = concept.templates[t.id];
    return mapping ? [{ template: t, mapping, caveat: splitCaveat(mapping.caveat) }] : [];
  });
  const missing = TEMPLATES.filter((t) => !concept.templates[t.id]).map((t) => t.id);
  return {
    file: CSV_FILES.concepts,
    kind: "concept",
    name: concept.id,
    title: concept.label,
    titleEn: concept.nameEn,
    type: "number",
    unit: concept.unit,
    parent: "",
    table: "",
    section: "",
    template: "",
    description:
      mappings.map(({ template, mapping, caveat }) => `${template.id}：${mapping.sumOf.join(" + ")}（${caveat.zh}）`).join("；") +
      (missing.length ? `；${missing.join("、")} 无此项。` : "。"),
    descriptionEn:
      mappings.map(({ template, mapping, caveat }) => `${template.id}: ${mapping.sumOf.join(" + ")} (${caveat.en})`).join("; ") +
      (missing.length ? `; not in ${missing.join(", ")}.` : "."),
  };
}

/** The codebook's rows: each CSV's columns, each format's indicators, the concepts. */
export function codebookRows(): CodebookRow[] {
  const columns = <Row>(file: string, list: Column<Row>[]) => list.filter((c) => !c.figure).map((c) => columnRow(file, c));
  return [
    ...columns(CSV_FILES.reports, reportListColumns()),
    ...columns(CSV_FILES.long, longColumns()),
    ...columns(CSV_FILES.concepts, conceptColumns()),
    ...CONCEPTS.map(conceptRow),
    ...TEMPLATES.flatMap((template) => {
      const file = CSV_FILES.wide(template.id);
      return [...columns(file, wideColumns(template)), ...templateFigures(template).map((f) => figureRow(file, f))];
    }),
    ...columns(CSV_FILES.allFormatsWide, allFormatsWideColumns()),
    ...allFormatsWideColumns()
      .filter((c) => c.figure)
      .map((c) => figureRow(CSV_FILES.allFormatsWide, c.figure!)),
    ...columns(CSV_FILES.indicator, indicatorFileColumns()),
  ];
}

/** The kind of a codebook row in Chinese, for the page. */
export function kindLabel(kind: CodebookKind): string {
  if (kind === "column") return "列";
  if (kind === "concept") return "概念";
  return codeOf(INDICATOR_KINDS, kind).label;
}

export function codebookCsv(): string {
  return csvOf(codebookColumns(), codebookRows());
}
