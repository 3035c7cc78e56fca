/**
 * datapackage.json — a Frictionless Data Package describing the bulk files.
 *
 * The package profile is `data-package`, not `tabular-data-package`: the
 * latter requires every resource to be tabular, and reports.json (nested
 * report objects) is not. The CSV resources are `tabular-data-resource`s
 * with full table schemas, so Frictionless tools validate them as tables.
 */
import { createHash } from "node:crypto";
import { TEMPLATES } from "../../catalog/index.ts";
import type { Report } from "../../schema/report.ts";
import type { BuildDate } from "./build-date.ts";
import { codebookColumns } from "./codebook.ts";
import { longColumns, wideColumns, type Column } from "./columns.ts";
import { CRLF } from "./csv.ts";
import { SITE } from "../site-config.ts";
import { DATASET_TITLE, DATASET_TITLE_EN, LICENSE } from "./files.ts";
import { compareText, sortReports } from "./observations.ts";

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
    title: column.title,
    type: column.type,
    ...(column.type === "date" ? { format: "default" } : {}),
    description: column.description,
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

/** The bytes of the files the package lists, so it can give their size and hash. */
export interface PackagedFiles {
  "reports-long.csv": string;
  "reports-wide.csv": string;
  "reports.json": string;
  "codebook.csv": string;
}

function integrity(body: string) {
  const bytes = Buffer.from(body, "utf8");
  return { bytes: bytes.length, hash: `sha256:${createHash("sha256").update(bytes).digest("hex")}` };
}

function csvResource<Row>(
  name: string,
  path: keyof PackagedFiles,
  title: string,
  description: string,
  body: string,
  columns: readonly Column<Row>[],
  keys: Record<string, unknown> = {},
) {
  return {
    profile: "tabular-data-resource",
    name,
    path,
    title,
    description,
    format: "csv",
    mediatype: "text/csv",
    encoding: "utf-8",
    ...integrity(body),
    dialect: CSV_DIALECT,
    schema: tableSchema(columns, keys),
  };
}

export function dataPackage(reports: readonly Report[], buildDate: BuildDate, files: PackagedFiles) {
  const sorted = sortReports(reports);
  const years = sorted.map((r) => r.year);
  const publishers = [...new Set(sorted.map((r) => r.publisher).filter((p): p is string => p !== null))].sort(
    compareText,
  );
  return {
    profile: "data-package",
    name: "gov-info-disclosure-annual-reports",
    title: DATASET_TITLE,
    description:
      `${DATASET_TITLE_EN}. Figures of the statistics tables (统计表) and the prose of ${sorted.length} 政府信息公开工作年度报告` +
      (years.length ? ` (${Math.min(...years)}–${Math.max(...years)})` : "") +
      ", each traced to its source line, with the report's consistency checks (勾稽关系). Values are published as the reports give them, never corrected. CSV files are UTF-8 with a byte order mark and CRLF line endings; a text cell that would begin with = + - @, tab or CR (or full-width ＝ ＋ － ＠) starts with an apostrophe so that spreadsheets show it as text instead of evaluating it; number cells are never changed.",
    keywords: ["政府信息公开", "政府信息公开工作年度报告", "政务公开", "依申请公开", "open government", "FOI", "China"],
    created: buildDate.timestamp,
    licenses: [LICENSE],
    contributors: [
      { title: SITE.name, role: "wrangler" },
      ...publishers.map((title) => ({ title, role: "contributor" })),
    ],
    sources: [
      ...TEMPLATES.map((t) => ({ title: `${t.name} — ${t.nameEn}` })),
      // A website is listed as the source path only when it is a full http(s) URL; others stay in reports.json.
      ...sorted.map((r) => ({ title: r.title, ...(r.website && /^https?:\/\//i.test(r.website) ? { path: r.website } : {}) })),
    ],
    resources: [
      csvResource(
        "reports-long",
        "reports-long.csv",
        "长表：每份报告 × 每个指标一行",
        "One row per report × indicator observation. Every indicator of the report's template has at least one row (value_status not_in_report when the report does not give it); is_primary marks the one observation per report and indicator used by the wide CSV.",
        files["reports-long.csv"],
        longColumns(),
        { foreignKeys: [{ fields: ["report_id"], reference: { resource: "reports-wide", fields: ["report_id"] } }] },
      ),
      csvResource(
        "reports-wide",
        "reports-wide.csv",
        "宽表：每份报告一行",
        "One row per report: metadata, then one column per catalog indicator in catalog order holding the primary value (empty when the report gives no number).",
        files["reports-wide.csv"],
        wideColumns(),
        { primaryKey: ["report_id"] },
      ),
      {
        profile: "data-resource",
        name: "reports",
        path: "reports.json",
        title: "全部报告（JSON）",
        description:
          "Every converted report as validated by the project's report schema (report.schema.json, JSON Schema draft 2020-12): metadata, statistics with source lines, checks, diagnostics, headings. Top level: {meta, reports}.",
        format: "json",
        mediatype: "application/json",
        encoding: "utf-8",
        ...integrity(files["reports.json"]),
      },
      csvResource(
        "codebook",
        "codebook.csv",
        "代码本",
        "Every column of reports-long.csv and reports-wide.csv, and every indicator with its definition.",
        files["codebook.csv"],
        codebookColumns(),
        { primaryKey: ["file", "name"] },
      ),
    ],
  };
}
