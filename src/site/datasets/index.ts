/**
 * Everything users download, built at once from the validated reports and the
 * catalog. The endpoints under src/pages/downloads/ serve these bodies and the
 * downloads page lists them (size, rows), so page and files never disagree.
 *
 * The bulk files are rendered eagerly (the data package needs their size and
 * hash); the per-report and per-indicator files render on demand, so a build
 * over thousands of reports does not hold every small file in memory at once.
 */
import { allIndicators } from "../../catalog/index.ts";
import type { Report } from "../../schema/report.ts";
import { SITE } from "../site-config.ts";
import type { BuildDate } from "./build-date.ts";
import { codebookCsv, codebookRows } from "./codebook.ts";
import { dataPackage } from "./datapackage.ts";
import {
  DATASET_TITLE,
  LICENSE,
  corpusOf,
  indicatorCsvFrom,
  indicatorJsonFrom,
  longCsvFrom,
  reportCsvFrom,
  reportJson,
  reportSchemaJson,
  reportsJson,
  toJson,
  wideCsvFrom,
} from "./files.ts";
import { compareText } from "./observations.ts";

export { resolveBuildDate, buildDateFrom, type BuildDate } from "./build-date.ts";
export { codebookRows, type CodebookRow } from "./codebook.ts";
export { DATASET_TITLE, DATASET_TITLE_EN, LICENSE } from "./files.ts";

export type DownloadFormat = "CSV" | "JSON";

export interface DownloadFile {
  /** Path under /downloads/, e.g. reports-long.csv or reports/640202-2017.json */
  path: string;
  title: string;
  description: string;
  format: DownloadFormat;
  mediaType: string;
  /** The file's text; rendered on each call for per-report and per-indicator files. */
  body: () => string;
  /** Data rows (CSV records after the header, or reports in reports.json); null for metadata files. */
  rows: number | null;
}

export interface DownloadBundle {
  buildDate: BuildDate;
  reports: Report[];
  /** The bulk and metadata files, in the order the downloads page lists them. */
  main: DownloadFile[];
  perReport: { report: Report; csv: DownloadFile; json: DownloadFile }[];
  perIndicator: { id: string; label: string; unit: string; csv: DownloadFile; json: DownloadFile }[];
  /** Every file by path. */
  byPath: Map<string, DownloadFile>;
}

export function byteLength(body: string): number {
  return Buffer.byteLength(body, "utf8");
}

const CSV_TYPE = "text/csv; charset=utf-8";
const JSON_TYPE = "application/json; charset=utf-8";

function ready(text: string): () => string {
  return () => text;
}

export function buildDownloads(input: readonly Report[], buildDate: BuildDate): DownloadBundle {
  const corpus = corpusOf(input);
  const { reports } = corpus;
  const long = longCsvFrom(corpus);
  const wide = wideCsvFrom(corpus);
  const all = reportsJson(reports, buildDate);
  const codebook = codebookCsv();
  const packageJson = toJson(
    dataPackage(reports, buildDate, {
      "reports-long.csv": long,
      "reports-wide.csv": wide,
      "reports.json": all,
      "codebook.csv": codebook,
    }),
  );
  const main: DownloadFile[] = [
    {
      path: "reports-long.csv",
      title: "长表（每份报告 × 每个指标一行）",
      description:
        "每份报告的每个指标一行：数值、数值状态（reported 已报告 / not_reported 有该行但无数字 / not_in_report 报告未提及）、来源（统计表或正文）、原文行号与原文、勾稽检查结果。同一指标在统计表和正文中都出现时各占一行，is_primary 标出宽表所用的一行。",
      format: "CSV",
      mediaType: CSV_TYPE,
      body: ready(long),
      rows: corpus.observations.reduce((sum, list) => sum + list.length, 0),
    },
    {
      path: "reports-wide.csv",
      title: "宽表（每份报告一行）",
      description: "每份报告一行：报告信息，随后每个指标一列（按指标目录顺序），报告未给出数字的为空。",
      format: "CSV",
      mediaType: CSV_TYPE,
      body: ready(wide),
      rows: reports.length,
    },
    {
      path: "reports.json",
      title: "全部报告（JSON）",
      description:
        "全部报告的完整数据（经校验的报告对象：元数据、统计数字及原文行号、勾稽检查、诊断信息、标题目录），顶层 meta 含构建日期。",
      format: "JSON",
      mediaType: JSON_TYPE,
      body: ready(all),
      rows: reports.length,
    },
    {
      path: "datapackage.json",
      title: "数据包描述（Frictionless Data Package）",
      description: "长表、宽表、全部报告和代码本的机器可读描述：字段名、类型、说明、约束、许可、来源、文件大小与 SHA-256。",
      format: "JSON",
      mediaType: JSON_TYPE,
      body: ready(packageJson),
      rows: null,
    },
    {
      path: "codebook.csv",
      title: "代码本",
      description: "长表与宽表的每一列，以及每个指标的编号、名称、英文名、单位、上级指标、所属部分、统计表格式和定义。",
      format: "CSV",
      mediaType: CSV_TYPE,
      body: ready(codebook),
      rows: codebookRows().length,
    },
    {
      path: "report.schema.json",
      title: "报告 JSON 的结构（JSON Schema）",
      description: "单份报告 JSON（reports/<编号>.json，以及 reports.json 中的每个报告）的 JSON Schema（draft 2020-12）。",
      format: "JSON",
      mediaType: JSON_TYPE,
      body: ready(reportSchemaJson()),
      rows: null,
    },
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
        body: () => reportCsvFrom(observations),
        rows: observations.length,
      },
      json: {
        path: `reports/${report.id}.json`,
        title: `${report.title}（JSON）`,
        description: "该报告经校验的完整数据，结构见 report.schema.json。",
        format: "JSON" as const,
        mediaType: JSON_TYPE,
        body: () => reportJson(report),
        rows: 1,
      },
    };
  });
  const perIndicator = allIndicators().map(({ indicator }) => {
    const rows = corpus.byIndicator.get(indicator.id)!.length;
    return {
      id: indicator.id,
      label: indicator.label,
      unit: indicator.unit,
      csv: {
        path: `indicators/${indicator.id}.csv`,
        title: `${indicator.label}（CSV）`,
        description: "每份报告一行：报告编号、行政区划代码、地区、年度、数值、数值状态、原文行号。",
        format: "CSV" as const,
        mediaType: CSV_TYPE,
        body: () => indicatorCsvFrom(corpus, indicator.id),
        rows,
      },
      json: {
        path: `indicators/${indicator.id}.json`,
        title: `${indicator.label}（JSON）`,
        description: "指标信息，以及每份报告一行的数值（字段同 CSV）。",
        format: "JSON" as const,
        mediaType: JSON_TYPE,
        body: () => indicatorJsonFrom(corpus, indicator.id),
        rows,
      },
    };
  });
  const byPath = new Map<string, DownloadFile>();
  const everyFile = [...main, ...perReport.flatMap((r) => [r.csv, r.json]), ...perIndicator.flatMap((i) => [i.csv, i.json])];
  for (const file of everyFile) byPath.set(file.path, file);
  return { buildDate, reports, main, perReport, perIndicator, byPath };
}

/** How to cite the dataset; the build date identifies the version. */
export function citationText(buildDate: BuildDate, url: string): string {
  return `${SITE.name}：《${DATASET_TITLE}》，数据版本 ${buildDate.date}，${LICENSE.title}（${LICENSE.name}），${url}`;
}

/** Years and provinces covered, for the page and the schema.org description. */
export function coverage(reports: readonly Report[]): { years: [number, number] | null; provinces: string[] } {
  const years = reports.map((r) => r.year);
  const provinces = [...new Set(reports.flatMap((r) => (r.jurisdiction.province ? [r.jurisdiction.province.name] : [])))].sort(compareText);
  return { years: years.length ? [Math.min(...years), Math.max(...years)] : null, provinces };
}
