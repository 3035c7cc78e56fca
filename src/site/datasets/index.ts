/**
 * Everything users download, built at once from the validated reports and the
 * catalog. The endpoints under src/pages/downloads/ serve these bodies and the
 * downloads page lists them (size, rows), so page and files never disagree.
 */
import { allIndicators } from "../../catalog/index.ts";
import type { Report } from "../../schema/report.ts";
import type { BuildDate } from "./build-date.ts";
import { codebookCsv, codebookRows } from "./codebook.ts";
import { dataPackage } from "./datapackage.ts";
import {
  DATASET_TITLE,
  LICENSE,
  indicatorCsv,
  indicatorJson,
  indicatorObservations,
  longCsv,
  reportCsv,
  reportJson,
  reportSchemaJson,
  reportsJson,
  toJson,
  wideCsv,
} from "./files.ts";
import { allObservations, reportObservations, sortReports } from "./observations.ts";

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
  body: string;
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

export function buildDownloads(input: readonly Report[], buildDate: BuildDate): DownloadBundle {
  const reports = sortReports(input);
  const long = longCsv(reports);
  const wide = wideCsv(reports);
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
        "每份报告的每个指标一行：数值、数值状态（reported / not_reported / not_in_report）、来源（统计表或正文）、原文行号与原文、勾稽检查结果。报告未提及的指标也有一行，数值为空。",
      format: "CSV",
      mediaType: CSV_TYPE,
      body: long,
      rows: allObservations(reports).length,
    },
    {
      path: "reports-wide.csv",
      title: "宽表（每份报告一行）",
      description: "每份报告一行：报告信息，随后每个指标一列（按指标目录顺序），报告未给出数字的为空。",
      format: "CSV",
      mediaType: CSV_TYPE,
      body: wide,
      rows: reports.length,
    },
    {
      path: "reports.json",
      title: "全部报告（JSON）",
      description: "全部报告的完整数据（经校验的报告对象：元数据、统计数字及原文行号、勾稽检查、诊断信息、标题目录），顶层 meta 含构建日期。",
      format: "JSON",
      mediaType: JSON_TYPE,
      body: all,
      rows: reports.length,
    },
    {
      path: "datapackage.json",
      title: "数据包描述（Frictionless Data Package）",
      description: "长表、宽表、全部报告和代码本的描述：字段名、类型、说明、约束、许可、来源、文件大小与 SHA-256。",
      format: "JSON",
      mediaType: JSON_TYPE,
      body: packageJson,
      rows: null,
    },
    {
      path: "codebook.csv",
      title: "代码本",
      description: "长表与宽表的每一列，以及每个指标的编号、名称、英文名、单位、上级指标、所属部分、统计表格式和定义。",
      format: "CSV",
      mediaType: CSV_TYPE,
      body: codebook,
      rows: codebookRows().length,
    },
    {
      path: "report.schema.json",
      title: "报告 JSON 的结构（JSON Schema）",
      description: "单份报告 JSON 文件（reports/<编号>.json，以及 reports.json 中的每个报告）的 JSON Schema（draft 2020-12）。",
      format: "JSON",
      mediaType: JSON_TYPE,
      body: reportSchemaJson(),
      rows: null,
    },
  ];
  const perReport = reports.map((report) => ({
    report,
    csv: {
      path: `reports/${report.id}.csv`,
      title: `${report.title}（长表）`,
      description: "该报告的长表行，列与 reports-long.csv 相同。",
      format: "CSV" as const,
      mediaType: CSV_TYPE,
      body: reportCsv(report),
      rows: reportObservations(report).length,
    },
    json: {
      path: `reports/${report.id}.json`,
      title: `${report.title}（JSON）`,
      description: "该报告经校验的完整数据，结构见 report.schema.json。",
      format: "JSON" as const,
      mediaType: JSON_TYPE,
      body: reportJson(report),
      rows: 1,
    },
  }));
  const perIndicator = allIndicators().map(({ indicator }) => {
    const rows = indicatorObservations(reports, indicator.id).length;
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
        body: indicatorCsv(reports, indicator.id),
        rows,
      },
      json: {
        path: `indicators/${indicator.id}.json`,
        title: `${indicator.label}（JSON）`,
        description: "指标信息与每份报告一行的数值，字段同 CSV。",
        format: "JSON" as const,
        mediaType: JSON_TYPE,
        body: indicatorJson(reports, indicator.id),
        rows,
      },
    };
  });
  const byPath = new Map<string, DownloadFile>();
  for (const file of [...main, ...perReport.flatMap((r) => [r.csv, r.json]), ...perIndicator.flatMap((i) => [i.csv, i.json])]) {
    byPath.set(file.path, file);
  }
  return { buildDate, reports, main, perReport, perIndicator, byPath };
}

/** How to cite the dataset; the build date identifies the version. */
export function citationText(buildDate: BuildDate, url: string): string {
  return `政府信息公开年报开放数据项目：《${DATASET_TITLE}》，数据版本 ${buildDate.date}，${LICENSE.title}（${LICENSE.name}），${url}`;
}

/** Years and provinces covered, for the page and the schema.org description. */
export function coverage(reports: readonly Report[]): { years: [number, number] | null; provinces: string[] } {
  const years = reports.map((r) => r.year);
  const provinces = [...new Set(reports.map((r) => r.jurisdiction.province.name))].sort();
  return { years: years.length ? [Math.min(...years), Math.max(...years)] : null, provinces };
}
