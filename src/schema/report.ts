/**
 * The one schema of a converted report (src/content/data/<id>.json).
 *
 * Everything else derives from here: the TypeScript types (z.infer), the
 * converter's validation before it writes, the site's validation when it
 * loads, and the published JSON Schema (scripts/build-json-schema.ts).
 * Change the data model here and nowhere else.
 */
import { z } from "zod";

export const SCHEMA_VERSION = "1.0.0";

/** `<6-digit division code>-<year>`, or `<code>-<department-slug>-<year>` for a department's report. */
export const reportIdPattern = /^\d{6}(-[a-z0-9]+(?:-[a-z0-9]+)*)?-\d{4}$/;

export const DivisionRef = z
  .object({
    code: z.string().regex(/^\d{6}$/).describe("6-digit administrative division code (GB/T 2260)"),
    name: z.string().min(1).describe("official name, e.g. 石嘴山市"),
  })
  .describe("A reference to another administrative division");

export const JurisdictionLevel = z
  .enum(["province", "prefecture", "county"])
  .describe("province = 省级; prefecture = 地级 (市、州、盟); county = 县级 (区、县、县级市、旗)");

export const Jurisdiction = z
  .object({
    code: z.string().regex(/^\d{6}$/),
    name: z.string().min(1).describe("short name as the report uses it, e.g. 大武口区"),
    fullName: z.string().min(1).describe("province + prefecture + own name, e.g. 宁夏回族自治区石嘴山市大武口区"),
    level: JurisdictionLevel,
    parent: DivisionRef.nullable().describe("the division one level up; null for a province"),
    province: DivisionRef,
    resolved: z
      .boolean()
      .describe("true when the code came from the division-code dataset; false when the jurisdiction was not found there and the code is a stable placeholder"),
  })
  .describe("The government whose report this is");

export const Department = z
  .object({
    slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
    name: z.string().min(1),
  })
  .describe("Set when the report is a department's (e.g. 财政局) rather than the government's own");

export const Contact = z.object({
  address: z.string().nullable(),
  postcode: z.string().regex(/^\d{6}$/).nullable(),
  phones: z.array(z.string()).describe("normalised, area code kept: 0951-6722118"),
  fax: z.array(z.string()),
  email: z.string().nullable(),
});

export const SourceFile = z.object({
  file: z.string().describe("file name under sources/"),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  encoding: z.string().describe("detected encoding, e.g. utf-8, utf-8-bom, utf-16le, gb18030"),
  lines: z.number().int().nonnegative().describe("number of lines in the decoded source"),
});

export const StatisticOrigin = z
  .enum(["table", "text"])
  .describe("table = read from the statistics table; text = stated in the report's prose");

export const Statistic = z
  .object({
    indicator: z.string().describe("indicator id from the catalog, e.g. requests_received"),
    value: z
      .number()
      .nullable()
      .describe("the figure; null = the report gives the row but no readable number (—, /, blank, or ambiguous text)"),
    origin: StatisticOrigin,
    line: z.number().int().positive().describe("1-based line in the source file"),
    raw: z.string().describe("the cell or phrase exactly as read"),
    label: z.string().describe("the row label (table) or sentence (text) the figure was read from"),
    note: z.string().nullable().describe("why a value is null or was read with care; null when plain"),
  })
  .describe("One figure, traced to its source line");

export const CheckStatus = z.enum(["pass", "fail", "not_assessable"]);

export const Check = z
  .object({
    rule: z.string().describe("rule id, e.g. requests_received_sum"),
    description: z.string().describe("the rule in Chinese, e.g. 收到申请数 = 当面 + 传真 + 网络 + 信函"),
    status: CheckStatus,
    indicators: z.array(z.string()).describe("indicators the rule concerns; the page shows a failure beside them"),
    message: z.string().describe("what was compared and the result, with the numbers"),
  })
  .describe("A consistency check (勾稽关系). Failures are shown, never corrected");

export const Severity = z.enum(["warning", "error"]);

export const Diagnostic = z.object({
  severity: Severity,
  code: z.string().describe("machine-readable code, e.g. ambiguous_value"),
  message: z.string(),
  line: z.number().int().positive().nullable(),
});

export const RemovalKind = z.enum([
  "web_scrap",
  "html_fragment",
  "duplicate_table",
  "repeated_passage",
  "page_break_join",
  "blank_lines",
  "markup",
]);

export const Removal = z
  .object({
    kind: RemovalKind,
    from: z.number().int().positive(),
    to: z.number().int().positive(),
    excerpt: z.string().describe("the start of what was removed, for the conversion log"),
  })
  .describe("Noise removed from the body, logged so nothing disappears silently");

export const Heading = z.object({
  depth: z.number().int().min(2).max(4),
  text: z.string(),
  anchor: z.string().describe("stable id used for the table of contents"),
  line: z.number().int().positive(),
});

export const FigureChange = z.object({ indicator: z.string(), published: z.number().nullable(), version: z.number().nullable() });
export const ReportVersion = z.object({
  file: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), publishedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  current: z.boolean().describe("true for the version whose figures this file publishes"),
  changes: z.array(FigureChange).describe("figures this version gives differently from the published one"),
}).describe("One version of a report issued more than once (a corrected re-issue)");

export const Report = z
  .object({
    $schema: z.string().optional(),
    schemaVersion: z.literal(SCHEMA_VERSION),
    id: z.string().regex(reportIdPattern),
    title: z.string().min(1),
    year: z.number().int().min(2000).max(2100),
    jurisdiction: Jurisdiction,
    department: Department.nullable(),
    publisher: z.string().nullable().describe("e.g. 大武口区人民政府办公室"),
    publishedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().describe("date the report gives for itself"),
    period: z
      .object({ start: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), end: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) })
      .nullable()
      .describe("the statistical period the figures cover"),
    coverage: z.string().nullable().describe("units the report covers, e.g. 22个区直部门、星海镇、10个街道办事处"),
    website: z.string().nullable(),
    contact: Contact,
    template: z.string().describe("statistics-table template id from the catalog, e.g. national-2008"),
    hasStatisticsTable: z.boolean(),
    source: SourceFile,
    statistics: z.array(Statistic),
    checks: z.array(Check),
    diagnostics: z.array(Diagnostic),
    removals: z.array(Removal),
    headings: z.array(Heading),
    versions: z.array(ReportVersion).describe("empty unless several versions of this report were found"),
  })
  .describe("政府信息公开工作年度报告 — one converted report");

export type DivisionRef = z.infer<typeof DivisionRef>;
export type Jurisdiction = z.infer<typeof Jurisdiction>;
export type JurisdictionLevel = z.infer<typeof JurisdictionLevel>;
export type Department = z.infer<typeof Department>;
export type Contact = z.infer<typeof Contact>;
export type SourceFile = z.infer<typeof SourceFile>;
export type Statistic = z.infer<typeof Statistic>;
export type StatisticOrigin = z.infer<typeof StatisticOrigin>;
export type Check = z.infer<typeof Check>;
export type CheckStatus = z.infer<typeof CheckStatus>;
export type Diagnostic = z.infer<typeof Diagnostic>;
export type Removal = z.infer<typeof Removal>;
export type RemovalKind = z.infer<typeof RemovalKind>;
export type Heading = z.infer<typeof Heading>;
export type FigureChange = z.infer<typeof FigureChange>;
export type ReportVersion = z.infer<typeof ReportVersion>;
export type Report = z.infer<typeof Report>;

/** Validate a parsed JSON value as a Report; throws with every problem listed. */
export function parseReport(value: unknown, where: string): Report {
  const result = Report.safeParse(value);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  ${i.path.join(".") || "(root)"}: ${i.message}`).join("\n");
    throw new Error(`${where}: does not match the report schema\n${problems}`);
  }
  return result.data;
}

/** The published JSON Schema, generated from the zod schema above. */
export function reportJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(Report, { target: "draft-2020-12" }) as Record<string, unknown>;
}
