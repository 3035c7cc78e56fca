/**
 * Column definitions as data. Each CSV's header, its values, its Frictionless
 * table schema and its codebook rows all come from one list, so they cannot
 * drift apart.
 */
import { allIndicators, TEMPLATES, type Indicator, type Template } from "../../catalog/index.ts";
import { JurisdictionLevel, type Report } from "../../schema/report.ts";
import { toCsv, type Cell } from "./csv.ts";
import {
  INDICATOR_CHECK_STATUSES,
  VALUE_STATUSES,
  prefectureName,
  type Observation,
} from "./observations.ts";

export type FieldType = "string" | "integer" | "number" | "boolean" | "date";

export interface Constraints {
  required?: boolean;
  unique?: boolean;
  enum?: string[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
}

export interface Column<Row> {
  name: string;
  /** Chinese name for the codebook and the downloads page. */
  title: string;
  type: FieldType;
  description: string;
  constraints?: Constraints;
  value: (row: Row) => Cell;
}

/**
 * Table Schema patterns are XML Schema regular expressions: implicitly anchored,
 * no ^/$ and no (?:…) groups. REPORT_ID_PATTERN is reportIdPattern written that way
 * (the tests check they agree).
 */
export const DIVISION_CODE_PATTERN = "\\d{6}";
export const REPORT_ID_PATTERN = "\\d{6}(-[a-z0-9]+(-[a-z0-9]+)*)?-\\d{4}";
const divisionCode = { required: true, pattern: DIVISION_CODE_PATTERN };
const reportId = { required: true, pattern: REPORT_ID_PATTERN };
const templateIds = () => TEMPLATES.map((t) => t.id);
const indicatorIds = () => allIndicators().map((e) => e.indicator.id);

/** Columns describing the report, shared by the long and the wide CSV. */
function reportColumns<Row>(report: (row: Row) => Report): Column<Row>[] {
  return [
    {
      name: "report_id",
      title: "报告编号",
      type: "string",
      description: "Report id: <6-digit division code>-<year>, or <code>-<department>-<year> for a department's report",
      constraints: reportId,
      value: (row) => report(row).id,
    },
    {
      name: "division_code",
      title: "行政区划代码",
      type: "string",
      description: "6-digit administrative division code (GB/T 2260) of the jurisdiction; kept as text so no tool drops digits",
      constraints: divisionCode,
      value: (row) => report(row).jurisdiction.code,
    },
    {
      name: "jurisdiction",
      title: "地区",
      type: "string",
      description: "Name of the government whose report this is, as the report uses it, e.g. 大武口区",
      constraints: { required: true },
      value: (row) => report(row).jurisdiction.name,
    },
    {
      name: "jurisdiction_level",
      title: "行政级别",
      type: "string",
      description: "province = 省级; prefecture = 地级 (市、州、盟); county = 县级 (区、县、县级市、旗)",
      constraints: { required: true, enum: [...JurisdictionLevel.options] },
      value: (row) => report(row).jurisdiction.level,
    },
    {
      name: "department",
      title: "部门",
      type: "string",
      description: "Department name when the report is a department's (e.g. 财政局); empty for the government's own report",
      value: (row) => report(row).department?.name ?? null,
    },
    {
      name: "prefecture",
      title: "地级行政区",
      type: "string",
      description:
        "The prefecture-level division the jurisdiction is in (a county's parent) or is (a prefecture's own name); empty for a province and for a county directly under its province",
      value: (row) => prefectureName(report(row)) || null,
    },
    {
      name: "province",
      title: "省级行政区",
      type: "string",
      description: "Province-level division, e.g. 宁夏回族自治区",
      value: (row) => report(row).jurisdiction.province?.name ?? "",
    },
    {
      name: "year",
      title: "年度",
      type: "integer",
      description: "The year the report covers",
      constraints: { required: true, minimum: 2000, maximum: 2100 },
      value: (row) => report(row).year,
    },
    {
      name: "template",
      title: "统计表格式",
      type: "string",
      description: "Statistics-table template id from the indicator catalog, e.g. national-2008 (the 2008–2018 national format)",
      constraints: { required: true, enum: templateIds() },
      value: (row) => report(row).template,
    },
  ];
}

/** Long CSV: one row per report × indicator observation. */
export function longColumns(): Column<Observation>[] {
  return [
    ...reportColumns<Observation>((o) => o.report),
    {
      name: "indicator_id",
      title: "指标编号",
      type: "string",
      description: "Stable indicator id from the catalog (see the codebook), e.g. requests_received",
      constraints: { required: true, enum: indicatorIds() },
      value: (o) => o.indicator.id,
    },
    {
      name: "indicator_label",
      title: "指标名称",
      type: "string",
      description: "Short Chinese label of the indicator from the catalog",
      constraints: { required: true },
      value: (o) => o.indicator.label,
    },
    {
      name: "unit",
      title: "单位",
      type: "string",
      description: "Unit of the value as the official table prints it (条, 件, 次, 篇, 个, 人, 人次, 万元)",
      constraints: { required: true },
      value: (o) => o.indicator.unit,
    },
    {
      name: "value",
      title: "数值",
      type: "number",
      description: "The figure as the report gives it, never corrected; empty when value_status is not_reported or not_in_report",
      value: (o) => o.statistic?.value ?? null,
    },
    {
      name: "value_status",
      title: "数值状态",
      type: "string",
      description:
        "reported = the report gives a number; not_reported = the report has the row or sentence but no readable number (—, /, blank, ambiguous); not_in_report = the report does not mention the indicator",
      constraints: { required: true, enum: [...VALUE_STATUSES] },
      value: (o) => o.status,
    },
    {
      name: "is_primary",
      title: "主要观测",
      type: "boolean",
      description:
        "true for the one observation per report and indicator that the wide CSV and the per-indicator files use (a number before an empty row, the statistics table before prose, then the earliest line); false for further figures for the same indicator, e.g. the same count stated in the text",
      constraints: { required: true },
      value: (o) => o.primary,
    },
    {
      name: "origin",
      title: "来源",
      type: "string",
      description: "table = read from the statistics table; text = stated in the report's prose; empty when not_in_report",
      constraints: { enum: ["table", "text"] },
      value: (o) => o.statistic?.origin ?? null,
    },
    {
      name: "source_line",
      title: "原文行号",
      type: "integer",
      description: "1-based line number in the source text file the figure was read from; empty when not_in_report",
      constraints: { minimum: 1 },
      value: (o) => o.statistic?.line ?? null,
    },
    {
      name: "raw_text",
      title: "原文数值",
      type: "string",
      description: "The table cell or phrase exactly as read, e.g. 8573 or —",
      value: (o) => o.statistic?.raw ?? null,
    },
    {
      name: "source_label",
      title: "原文行名或语句",
      type: "string",
      description: "The row label (table) or the sentence (text) the figure was read from, as in the source",
      value: (o) => o.statistic?.label ?? null,
    },
    {
      name: "check_status",
      title: "勾稽检查",
      type: "string",
      description:
        "fail = a consistency check (勾稽关系) concerning the indicator failed; pass = none failed and at least one passed; not_assessable = the checks concerning it could not be assessed; none = no check concerns it",
      constraints: { required: true, enum: [...INDICATOR_CHECK_STATUSES] },
      value: (o) => o.checkStatus,
    },
    {
      name: "failed_checks",
      title: "未通过的检查",
      type: "string",
      description: "Ids of the failed checks concerning the indicator, separated by ; (see the report JSON for each check's message)",
      value: (o) => o.failedRules.join(";") || null,
    },
    {
      name: "note",
      title: "说明",
      type: "string",
      description: "Why a value is empty or was read with care; empty when plain",
      value: (o) => o.statistic?.note ?? null,
    },
  ];
}

/** A wide-CSV row: a report with its primary observation per indicator. */
export interface WideRow {
  report: Report;
  primary: Map<string, Observation>;
}

/** Wide CSV metadata columns (before the indicator columns). */
export function wideMetadataColumns(): Column<WideRow>[] {
  return [
    ...reportColumns<WideRow>((row) => row.report),
    {
      name: "title",
      title: "报告标题",
      type: "string",
      description: "Title of the report",
      constraints: { required: true },
      value: (row) => row.report.title,
    },
    {
      name: "publisher",
      title: "发布机关",
      type: "string",
      description: "The office that published the report, e.g. 大武口区人民政府办公室",
      value: (row) => row.report.publisher,
    },
    {
      name: "published_on",
      title: "发布日期",
      type: "date",
      description: "The date the report gives for itself (YYYY-MM-DD)",
      value: (row) => row.report.publishedOn,
    },
    {
      name: "has_statistics_table",
      title: "含统计表",
      type: "boolean",
      description: "true when the report contains the statistics table; false when its figures, if any, come from the prose",
      constraints: { required: true },
      value: (row) => row.report.hasStatisticsTable,
    },
    {
      name: "checks_failed",
      title: "未通过检查数",
      type: "integer",
      description: "Number of consistency checks (勾稽关系) of the report that failed; failures are shown, never corrected",
      constraints: { required: true, minimum: 0 },
      value: (row) => row.report.checks.filter((c) => c.status === "fail").length,
    },
  ];
}

/** One wide-CSV column for an indicator: its primary value, empty for null or absent. */
export function indicatorColumn(template: Template, indicator: Indicator): Column<WideRow> {
  return {
    name: indicator.id,
    title: indicator.label,
    type: "number",
    description: `${indicator.label}（${indicator.unit}）— ${indicator.nameEn}. Template ${template.id}; empty when the report gives no number (see value_status in the long CSV)`,
    value: (row) => row.primary.get(indicator.id)?.statistic?.value ?? null,
  };
}

/** Wide CSV: metadata, then one column per catalog indicator in catalog order. */
export function wideColumns(): Column<WideRow>[] {
  return [
    ...wideMetadataColumns(),
    ...allIndicators().map(({ template, indicator }) => indicatorColumn(template, indicator)),
  ];
}

/** Per-indicator CSV: one row per report whose template has the indicator. */
export function indicatorFileColumns(): Column<Observation>[] {
  const long = new Map(longColumns().map((c) => [c.name, c]));
  return ["report_id", "division_code", "jurisdiction", "year", "value", "value_status", "source_line"].map(
    (name) => long.get(name)!,
  );
}

/** A CSV whose header and cells come from the column list. */
export function csvOf<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): string {
  return toCsv(
    columns.map((c) => c.name),
    rows.map((row) => columns.map((c): Cell => c.value(row))),
  );
}
