/**
 * datapackage.json — a Frictionless Data Package describing the bulk files.
 *
 * The package profile is `data-package`, not `tabular-data-package`: the
 * latter requires every resource to be tabular, and reports.json (nested
 * report objects) is not. The CSV resources are `tabular-data-resource`s
 * with full table schemas, so Frictionless tools validate them as tables.
 */
import { TEMPLATES } from "../../catalog/index.ts";
import type { Report } from "../../schema/report.ts";
import type { BuildDate } from "./build-date.ts";
import { codebookColumns } from "./codebook.ts";
import type { FileContent } from "./content.ts";
import { allFormatsWideColumns, conceptColumns, longColumns, reportListColumns, wideColumns, type Column } from "./columns.ts";
import { CRLF } from "./csv.ts";
import { SITE } from "../site-config.ts";
import { CSV_FILES, JSON_FILES } from "./file-names.ts";
import { DATASET_TITLE, DATASET_TITLE_EN, LICENSE } from "./files.ts";
import { compareText, sortReports } from "./observations.ts";

/** Chinese first, then English, as the catalog writes its caveats. */
export function bilingual(zh: string, en: string): string {
  return en ? `${zh} / ${en}` : zh;
}

export interface TableField {
  name: string;
  title: string;
  type: string;
  format?: string;
  description: string;
  constraints?: Column<unknown>["constraints"];
  trueValues?: string[];
  falseValues?: string[];
}

/** A Table Schema field from a column definition. */
export function tableField<Row>(column: Column<Row>): TableField {
  return {
    name: column.name,
    title: bilingual(column.title, column.titleEn),
    type: column.type,
    ...(column.type === "date" ? { format: "default" } : {}),
    description: bilingual(column.description, column.descriptionEn),
    ...(column.constraints ? { constraints: column.constraints } : {}),
    ...(column.type === "boolean" ? { trueValues: ["true"], falseValues: ["false"] } : {}),
  };
}

export function tableSchema<Row>(columns: readonly Column<Row>[], keys: Record<string, unknown> = {}) {
  return { fields: columns.map(tableField), missingValues: [""], ...keys };
}

/** How the CSVs are written (csv.ts); stated so readers need not guess. */
export const CSV_DIALECT = {
  delimiter: ",",
  lineTerminator: CRLF,
  quoteChar: '"',
  doubleQuote: true,
  skipInitialSpace: false,
  header: true,
} as const;

/** The bytes of the files the package lists (by path under /downloads/), so it can give their size and hash. */
export type PackagedFiles = ReadonlyMap<string, FileContent>;

function integrity(content: FileContent) {
  return { bytes: content.bytes, hash: `sha256:${content.sha256}` };
}

function bodyOf(files: PackagedFiles, path: string): FileContent {
  const body = files.get(path);
  if (body === undefined) throw new Error(`datapackage: no file ${path}`);
  return body;
}

interface ResourceText {
  name: string;
  path: string;
  title: string;
  titleEn: string;
  description: string;
  descriptionEn: string;
}

function csvResource<Row>(text: ResourceText, files: PackagedFiles, columns: readonly Column<Row>[], keys: Record<string, unknown> = {}) {
  return {
    profile: "tabular-data-resource",
    name: text.name,
    path: text.path,
    title: bilingual(text.title, text.titleEn),
    description: bilingual(text.description, text.descriptionEn),
    format: "csv",
    mediatype: "text/csv",
    encoding: "utf-8",
    ...integrity(bodyOf(files, text.path)),
    dialect: CSV_DIALECT,
    schema: tableSchema(columns, keys),
  };
}

/** Every per-report table points at the report list. */
const toReportList = { foreignKeys: [{ fields: ["report_id"], reference: { resource: "report-list", fields: ["report_id"] } }] };

export function dataPackage(reports: readonly Report[], buildDate: BuildDate, files: PackagedFiles) {
  const sorted = sortReports(reports);
  const years = sorted.map((r) => r.year);
  const span = years.length ? `${Math.min(...years)}–${Math.max(...years)}` : "";
  const publishers = [...new Set(sorted.map((r) => r.publisher).filter((p): p is string => p !== null))].sort(compareText);
  return {
    profile: "data-package",
    name: "gov-info-disclosure-annual-reports",
    title: bilingual(DATASET_TITLE, DATASET_TITLE_EN),
    description: bilingual(
      `${sorted.length} 份政府信息公开工作年度报告${span ? `（${span} 年）` : ""}统计表和正文中的数字，每个数字附原文中的位置（文件、行、列），以及报告的勾稽检查结果。数字按报告原样发布，从不改正。` +
        "CSV 为带 BOM 的 UTF-8、CRLF 换行；以 = + - @、制表符或回车（或全角 ＝＋－＠）开头的文字单元格前加一个英文单引号，免得电子表格当作公式执行；数字单元格不改动。",
      `${DATASET_TITLE_EN}. Figures of the statistics tables (统计表) and the prose of ${sorted.length} 政府信息公开工作年度报告` +
        (span ? ` (${span})` : "") +
        ", each traced to its place in the source (file, line, column), with the report's consistency checks (勾稽关系). Values are published as the reports give them, never corrected. CSV files are UTF-8 with a byte order mark and CRLF line endings; a text cell that would begin with = + - @, tab or CR (or full-width ＝ ＋ － ＠) starts with an apostrophe so that spreadsheets show it as text instead of evaluating it; number cells are never changed.",
    ),
    keywords: ["政府信息公开", "政府信息公开工作年度报告", "政务公开", "依申请公开", "open government", "FOI", "China"],
    created: buildDate.timestamp,
    licenses: [LICENSE],
    contributors: [{ title: SITE.name, role: "wrangler" }, ...publishers.map((title) => ({ title, role: "contributor" }))],
    sources: [
      ...TEMPLATES.map((t) => ({ title: bilingual(t.name, t.nameEn) })),
      // A website is listed as the source path only when it is a full http(s) URL; others stay in reports.json.
      ...sorted.map((r) => ({ title: r.title, ...(r.website && /^https?:\/\//i.test(r.website) ? { path: r.website } : {}) })),
    ],
    resources: [
      csvResource(
        {
          name: "report-list",
          path: CSV_FILES.reports,
          title: "报告目录：每份报告一行",
          titleEn: "Report list: one row per report",
          description: "每份报告的元数据：地区、年度、统计表格式、发布机关与日期、统计期、汇总范围、原文文件及其校验值、勾稽检查的结果数。",
          descriptionEn: "Each report's metadata: jurisdiction, year, table format, publisher and date, period, coverage, source file and its hash, counts of checks.",
        },
        files,
        reportListColumns(),
        { primaryKey: ["report_id"] },
      ),
      csvResource(
        {
          name: "reports-long",
          path: CSV_FILES.long,
          title: "长表：每份报告 × 每个数字一行",
          titleEn: "Long table: one row per report × figure",
          description:
            "报告所用格式的每个指标（印出的和推算的）至少一行：统计表读出的、正文写明的、由指标目录推算的各占一行，报告未载的也有一行（value_status 为 not_in_report）；is_primary 标出网页和宽表所用的那一个。",
          descriptionEn:
            "At least one row per id of the report's format (printed and derived): one per figure read from the table, stated in the prose or derived by the catalog, and one with value_status not_in_report for an id the report does not give; is_primary marks the one the pages and the wide CSVs use.",
        },
        files,
        longColumns(),
        toReportList,
      ),
      csvResource(
        {
          name: "reports-concepts",
          path: CSV_FILES.concepts,
          title: "概念表：每份报告 × 每个可比概念一行",
          titleEn: "Concepts: one row per report × comparable concept",
          description:
            "可跨统计表格式比较的数字（如收到申请数、不予公开数、行政复议数），每份报告每个概念一行，附构成它的指标和该格式的口径说明；跨年份、跨格式比较请用这个文件。",
          descriptionEn:
            "Figures comparable across table formats (requests received, refusals, reconsideration …), one row per report and concept, with the indicators it is made of and that format's caveat; the file to compare across years and formats.",
        },
        files,
        conceptColumns(),
        { primaryKey: ["report_id", "concept_id"], ...toReportList },
      ),
      ...TEMPLATES.map((template) =>
        csvResource(
          {
            name: `reports-wide-${template.id}`,
            path: CSV_FILES.wide(template.id),
            title: `宽表：${template.name}`,
            titleEn: `Wide table: ${template.nameEn}`,
            description: `使用该格式的每份报告一行：报告信息，随后该格式的每个指标一列（先印出的，后推算的），值为网页所用的数字，不是数字时为空。`,
            descriptionEn: `One row per report in this format: metadata, then one column per id of the format (printed, then derived) holding the figure the pages use, empty unless a number.`,
          },
          files,
          wideColumns(template),
          { primaryKey: ["report_id"], ...toReportList },
        ),
      ),
      csvResource(
        {
          name: "reports-wide",
          path: CSV_FILES.allFormatsWide,
          title: "宽表：全部格式",
          titleEn: "Wide table: every format",
          description: "全部报告一行一份，列为所有格式的全部指标；报告所用格式没有的指标为空。分格式的宽表更便于使用。",
          descriptionEn: "Every report, one column per id of every format; empty where the report's format lacks the id. The per-format wide tables are easier to use.",
        },
        files,
        allFormatsWideColumns(),
        { primaryKey: ["report_id"], ...toReportList },
      ),
      {
        profile: "data-resource",
        name: "reports",
        path: JSON_FILES.reports,
        title: bilingual("全部报告（JSON）", "Every report (JSON)"),
        description: bilingual(
          "全部报告经校验的完整数据（结构见 report.schema.json）：元数据、数字及其在原文中的位置、推算数字、概念、勾稽检查、诊断、目录。顶层为 {meta, reports}。",
          "Every converted report as validated by the report schema (report.schema.json, JSON Schema draft 2020-12): metadata, figures with their places in the source, derived figures, concepts, checks, diagnostics, headings. Top level: {meta, reports}.",
        ),
        format: "json",
        mediatype: "application/json",
        encoding: "utf-8",
        ...integrity(bodyOf(files, JSON_FILES.reports)),
      },
      csvResource(
        {
          name: "codebook",
          path: CSV_FILES.codebook,
          title: "代码本",
          titleEn: "Codebook",
          description: "每个 CSV 的每一列、每种格式的每个指标（印出的和推算的）和每个概念的中英文名称与说明。",
          descriptionEn: "Every column of every CSV, every indicator of every format (printed and derived) and every concept, named and described in Chinese and English.",
        },
        files,
        codebookColumns(),
        { primaryKey: ["file", "name"] },
      ),
    ],
  };
}
