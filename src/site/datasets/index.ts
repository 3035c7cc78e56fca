/**
 * Everything users download, built at once from the validated reports and the
 * catalog. The endpoints under src/pages/downloads/ serve these bodies and the
 * downloads page lists them (size, rows), so page and files never disagree.
 *
 * The bulk files are rendered eagerly (the data package needs their size and
 * hash), into buffers piece by piece (content.ts): over a large corpus they are
 * longer than any JavaScript string. The per-report and per-indicator files
 * render on demand, so a build over thousands of reports does not hold every
 * small file in memory at once.
 */
import { allIndicators, CONCEPTS, TEMPLATES, type Template } from "../../catalog/index.ts";
import type { Report } from "../../schema/report.ts";
import { SITE } from "../site-config.ts";
import type { BuildDate } from "./build-date.ts";
import { codebookCsv, codebookRows } from "./codebook.ts";
import { contentOf, contentOfText, type FileContent } from "./content.ts";
import { dataPackage } from "./datapackage.ts";
import { CSV_FILES, JSON_FILES } from "./file-names.ts";
import {
  DATASET_TITLE,
  LICENSE,
  allFormatsWideCsvPieces,
  conceptsCsvPieces,
  corpusOf,
  indicatorCsvFrom,
  indicatorJsonFrom,
  longCsvPieces,
  longRows,
  reportCsvFrom,
  reportJson,
  reportListCsvPieces,
  reportSchemaJson,
  reportsJsonPieces,
  reportsOfTemplate,
  toJson,
  wideCsvPieces,
} from "./files.ts";
import { compareText, type Observation } from "./observations.ts";

export { resolveBuildDate, buildDateFrom, type BuildDate } from "./build-date.ts";
export { codebookRows, type CodebookRow } from "./codebook.ts";
export { DATASET_TITLE, DATASET_TITLE_EN, LICENSE } from "./files.ts";
export { CSV_FILES, JSON_FILES, downloadPath } from "./file-names.ts";

export type DownloadFormat = "CSV" | "JSON";

/** How the downloads page groups the bulk files. */
export type DownloadGroup = "tables" | "wide" | "complete" | "metadata";

export interface DownloadFile {
  /** Path under /downloads/, e.g. reports-long.csv or reports/640202-2017.json */
  path: string;
  title: string;
  description: string;
  format: DownloadFormat;
  mediaType: string;
  group: DownloadGroup;
  /** The file's bytes; rendered on each call for per-report and per-indicator files. */
  content: () => FileContent;
  /** Data rows (CSV records after the header, or reports in reports.json); null for metadata files. */
  rows: number | null;
}

export interface DownloadBundle {
  buildDate: BuildDate;
  reports: Report[];
  /** The bulk and metadata files, in the order the downloads page lists them. */
  main: DownloadFile[];
  perReport: { report: Report; csv: DownloadFile; json: DownloadFile }[];
  perIndicator: { id: string; label: string; unit: string; templates: string[]; csv: DownloadFile; json: DownloadFile }[];
  /** Every file by path. */
  byPath: Map<string, DownloadFile>;
  /** The records of reports-long.csv before they are written, in the file's order (the downloads page's preview reads them, not the file). */
  longRows: () => Iterable<Observation>;
}

const CSV_TYPE = "text/csv; charset=utf-8";
const JSON_TYPE = "application/json; charset=utf-8";

function csvFile(path: string, group: DownloadGroup, title: string, description: string, body: FileContent, rows: number): DownloadFile {
  return { path, title, description, format: "CSV", mediaType: CSV_TYPE, group, content: () => body, rows };
}

function jsonFile(path: string, group: DownloadGroup, title: string, description: string, body: FileContent, rows: number | null): DownloadFile {
  return { path, title, description, format: "JSON", mediaType: JSON_TYPE, group, content: () => body, rows };
}

function wideFile(template: Template, body: FileContent, rows: number): DownloadFile {
  return csvFile(
    CSV_FILES.wide(template.id),
    "wide",
    `宽表：${template.name}`,
    `用这种格式的 ${rows} 份报告，每份一行：报告信息，随后该格式印出的 ${template.indicators.length} 个指标各一列` +
      (template.derived.length > 0 ? `，再后是 ${template.derived.length} 个推算指标（合计项，见代码本）` : "") +
      "；不是数字的为空。",
    body,
    rows,
  );
}

export function buildDownloads(input: readonly Report[], buildDate: BuildDate): DownloadBundle {
  const corpus = corpusOf(input);
  const { reports } = corpus;
  const longRecords = corpus.observations.reduce((sum, list) => sum + list.length, 0);
  const tables: DownloadFile[] = [
    csvFile(
      CSV_FILES.long,
      "tables",
      "长表（每份报告 × 每个数字一行）",
      "每份报告所用格式的每个指标至少一行：数值与数值状态（已报告、未报告、无法确定、报告未载），来源（统计表、正文或推算），所在的表、行、列，原文中的文件、页、行、列与原样文字，勾稽检查结果。is_primary 标出网页所用的那一个数字。",
      contentOf(longCsvPieces(corpus)),
      longRecords,
    ),
    csvFile(
      CSV_FILES.concepts,
      "tables",
      "概念表（每份报告 × 每个可比概念一行）",
      `可跨统计表格式比较的 ${CONCEPTS.length} 个概念（收到申请数、不予公开数、行政复议数……），每份报告每个概念一行，附构成它的指标和该格式的口径说明。比较不同年份、不同格式的报告，用这个文件。`,
      contentOf(conceptsCsvPieces(corpus)),
      reports.length * CONCEPTS.length,
    ),
    csvFile(
      CSV_FILES.reports,
      "tables",
      "报告目录（每份报告一行）",
      "每份报告的元数据：地区及编号、年度、统计表格式、标题、发布机关与日期、统计期、汇总范围、原文文件与 SHA-256、勾稽检查的结果数。可用 report_id 与其他文件连接。",
      contentOf(reportListCsvPieces(corpus)),
      reports.length,
    ),
  ];
  const wide: DownloadFile[] = [
    ...TEMPLATES.map((template) => {
      const rows = reportsOfTemplate(corpus, template).length;
      return wideFile(template, contentOf(wideCsvPieces(corpus, template)), rows);
    }),
    csvFile(
      CSV_FILES.allFormatsWide,
      "wide",
      "宽表：全部格式",
      "全部报告每份一行，列为所有格式的全部指标；报告所用格式没有的指标为空。分格式的宽表更便于使用。",
      contentOf(allFormatsWideCsvPieces(corpus)),
      reports.length,
    ),
  ];
  const all = contentOf(reportsJsonPieces(reports, buildDate));
  const codebook = contentOfText(codebookCsv());
  const complete = jsonFile(
    JSON_FILES.reports,
    "complete",
    "全部报告（JSON）",
    "全部报告经校验的完整数据：元数据、每个数字及其在原文中的位置、推算数字、概念、勾稽检查、诊断信息、标题目录；顶层 meta 含构建日期。",
    all,
    reports.length,
  );
  const codebookFile = csvFile(
    CSV_FILES.codebook,
    "metadata",
    "代码本",
    "每个 CSV 的每一列，每种格式的每个指标（印出的和推算的）和每个概念：编号、中英文名称、类型、单位、上级指标、所在的表与部分、中英文定义。",
    codebook,
    codebookRows().length,
  );
  const packaged = new Map([...tables, ...wide, complete, codebookFile].map((f) => [f.path, f.content()]));
  const main: DownloadFile[] = [
    ...tables,
    ...wide,
    complete,
    codebookFile,
    jsonFile(
      JSON_FILES.dataPackage,
      "metadata",
      "数据包描述（Frictionless Data Package）",
      "上列 CSV 与 JSON 的机器可读描述：中英文的字段名与说明、类型、约束、主键与外键、许可、来源、文件大小与 SHA-256。",
      contentOfText(toJson(dataPackage(reports, buildDate, packaged))),
      null,
    ),
    jsonFile(
      JSON_FILES.reportSchema,
      "metadata",
      "报告 JSON 的结构（JSON Schema）",
      "单份报告 JSON（reports/<编号>.json，以及 reports.json 中的每份报告）的 JSON Schema（draft 2020-12）。",
      contentOfText(reportSchemaJson()),
      null,
    ),
  ];
  const perReport = reports.map((report, i) => {
    const observations = corpus.observations[i]!;
    return {
      report,
      csv: {
        path: `reports/${report.id}.csv`,
        title: `${report.title}（长表）`,
        description: "该报告的长表行，列与 reports-long.csv 相同。",
        format: "CSV" as const,
        mediaType: CSV_TYPE,
        group: "tables" as const,
        content: () => contentOfText(reportCsvFrom(observations)),
        rows: observations.length,
      },
      json: {
        path: `reports/${report.id}.json`,
        title: `${report.title}（JSON）`,
        description: "该报告经校验的完整数据，结构见 report.schema.json。",
        format: "JSON" as const,
        mediaType: JSON_TYPE,
        group: "complete" as const,
        content: () => contentOfText(reportJson(report)),
        rows: 1,
      },
    };
  });
  const perIndicator = allIndicators().map(({ indicator, templates }) => {
    const rows = corpus.byIndicator.get(indicator.id)!.length;
    return {
      id: indicator.id,
      label: indicator.label,
      unit: indicator.unit,
      templates: templates.map((t) => t.id),
      csv: {
        path: `indicators/${indicator.id}.csv`,
        title: `${indicator.label}（CSV）`,
        description: "用含该指标的格式的每份报告一行：报告编号、地区编号、行政区划代码、地区、年度、格式、数值、数值状态、来源、原文行号与列号。",
        format: "CSV" as const,
        mediaType: CSV_TYPE,
        group: "tables" as const,
        content: () => contentOfText(indicatorCsvFrom(corpus, indicator.id)),
        rows,
      },
      json: {
        path: `indicators/${indicator.id}.json`,
        title: `${indicator.label}（JSON）`,
        description: "指标信息，以及每份报告一行的数值（字段同 CSV）。",
        format: "JSON" as const,
        mediaType: JSON_TYPE,
        group: "complete" as const,
        content: () => contentOfText(indicatorJsonFrom(corpus, indicator.id)),
        rows,
      },
    };
  });
  const byPath = new Map<string, DownloadFile>();
  const everyFile = [...main, ...perReport.flatMap((r) => [r.csv, r.json]), ...perIndicator.flatMap((i) => [i.csv, i.json])];
  for (const file of everyFile) {
    if (byPath.has(file.path)) throw new Error(`downloads: two files at ${file.path}`);
    byPath.set(file.path, file);
  }
  return { buildDate, reports, main, perReport, perIndicator, byPath, longRows: () => longRows(corpus) };
}

/** How to cite the dataset; the build date identifies the version. `url` is absolute when the site's address is known, else a path. */
export function citationText(buildDate: BuildDate, url: string): string {
  return `${SITE.name}：《${DATASET_TITLE}》，数据版本 ${buildDate.date}，${LICENSE.title}（${LICENSE.name}），${url}`;
}

/** Years and provinces covered, for the page and the schema.org description. */
export function coverage(reports: readonly Report[]): { years: [number, number] | null; provinces: string[] } {
  const years = reports.map((r) => r.year);
  const provinces = [...new Set(reports.flatMap((r) => (r.jurisdiction.province ? [r.jurisdiction.province.name] : [])))].sort(compareText);
  return { years: years.length ? [Math.min(...years), Math.max(...years)] : null, provinces };
}
