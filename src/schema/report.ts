/**
 * The one schema of a converted report (src/content/data/<id>.json).
 *
 * Everything else derives from here: the TypeScript types (z.infer), the
 * converter's validation before it writes, the site's validation when it
 * loads, and the published JSON Schema (/downloads/report.schema.json).
 * Change the data model here and nowhere else.
 */
import { z } from "zod";

export const SCHEMA_VERSION = "2.0.0";

// The id patterns live in a module without zod, so page scripts can check ids without loading the schema.
export { jurisdictionIdPattern, reportIdPattern } from "./ids.ts";
import { jurisdictionIdPattern, reportIdPattern } from "./ids.ts";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const DivisionRef = z
  .object({
    code: z.string().regex(/^\d{6}$/).describe("6-digit administrative division code (GB/T 2260)"),
    name: z.string().min(1).describe("official name, e.g. 石嘴山市"),
  })
  .describe("A reference to another administrative division");

export const JurisdictionLevel = z
  .enum(["province", "prefecture", "county"])
  .describe("province = 省级; prefecture = 地级 (市、州、盟, and zones at that level); county = 县级 (区、县、县级市、旗)");

export const JurisdictionMatch = z
  .enum(["exact", "short_name", "corrected", "special_area", "unresolved"])
  .describe(
    "how the name was resolved: exact = a GB/T 2260 name; short_name = the name without its suffix (平罗 for 平罗县); " +
      "corrected = one character off a real division and confirmed by the context (沐阳县 → 沭阳县), with a warning; " +
      "special_area = a body outside GB/T 2260 listed in the catalog (平潭综合实验区); unresolved = not found, placeholder id",
  );

export const Jurisdiction = z
  .object({
    id: z.string().regex(jurisdictionIdPattern).describe("the division code, or x + 12 hex digits for a body outside GB/T 2260"),
    code: z.string().regex(/^\d{6}$/).nullable().describe("GB/T 2260 division code; null for a body outside it"),
    name: z.string().min(1).describe("short name as the report uses it, e.g. 大武口区"),
    fullName: z.string().min(1).describe("province + prefecture + own name, e.g. 宁夏回族自治区石嘴山市大武口区"),
    level: JurisdictionLevel,
    parent: DivisionRef.nullable().describe("the division one level up; null for a province"),
    province: DivisionRef.nullable().describe("the province; null only when even the province is unknown"),
    resolved: z.boolean().describe("true when the jurisdiction is a known division or catalogued special area"),
    match: JurisdictionMatch,
  })
  .describe("The government whose report this is (for a department's report: the government the department belongs to)");

export const Department = z
  .object({
    slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).describe("stable ASCII id, part of the report id"),
    name: z.string().min(1).describe("the department's name without its jurisdiction, e.g. 发展和改革局"),
    fullName: z.string().min(1).describe("as the report names it, e.g. 沭阳县发展和改革局"),
  })
  .describe("Set when the report is a department's (e.g. 财政局) rather than the government's own");

export const Contact = z.object({
  address: z.string().nullable(),
  postcode: z.string().regex(/^\d{6}$/).nullable(),
  phones: z.array(z.string()).describe("normalised, area code kept: 0951-6722118"),
  fax: z.array(z.string()),
  email: z.string().nullable(),
});

export const SourceForm = z
  .enum(["text", "html", "pdf"])
  .describe("text = plain or Markdown text (OCR, crawler text, text extracted from a PDF or page); html = a saved web page; pdf = a PDF with a text layer");

/** Where a figure stands in its source: offsets into the source's text and the same place as line and column. */
export const Span = z
  .object({
    file: z.string().describe("file name under sources/"),
    start: z.number().int().nonnegative().describe("offset (UTF-16 code units) of the first character in the decoded source text"),
    end: z.number().int().nonnegative().describe("offset after the last character"),
    line: z.number().int().positive().describe("1-based line of the first character"),
    column: z.number().int().positive().describe("1-based column (UTF-16 code units) of the first character"),
    endLine: z.number().int().positive(),
    endColumn: z.number().int().positive().describe("1-based column after the last character"),
    page: z.number().int().positive().nullable().describe("PDF page, null for other forms"),
  })
  .describe("The exact place of a figure: for a PDF the offsets refer to its extracted text layer, shown on the source page");

export const AlternativeSource = z.object({
  file: z.string(),
  form: SourceForm,
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  figuresAgree: z.boolean().describe("false when a figure read from this form differs from the published one (a warning names them)"),
});

export const SourceFile = z.object({
  file: z.string().describe("file name under sources/ of the form the figures were read from"),
  form: SourceForm,
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  encoding: z.string().describe("detected encoding, e.g. utf-8, utf-8-bom, utf-16le, gb18030; binary for a PDF"),
  lines: z.number().int().nonnegative().describe("number of lines of the decoded source text (of a PDF: of its text layer)"),
  pages: z.number().int().positive().nullable().describe("pages of a PDF; null for other forms"),
  url: z.string().nullable().describe("the page's own address (原文链接, <meta name=Url>), when the source gives it"),
  alternatives: z.array(AlternativeSource).describe("other forms of the same report (its HTML and its text, a PDF and its extracted text)"),
});

export const StatisticOrigin = z
  .enum(["table", "text"])
  .describe("table = read from a statistics table cell; text = stated in the report's prose");

export const ValueStatus = z
  .enum(["reported", "not_reported", "uncertain"])
  .describe(
    "reported = a number was read; not_reported = the cell is printed blank, —, / or 无 (never read as 0); " +
      "uncertain = something is printed but cannot be settled (cells glued together with several possible splits, an unreadable cell): null with a warning",
  );

export const Statistic = z
  .object({
    indicator: z.string().describe("public indicator id from the catalog, e.g. requests_received__total"),
    value: z.number().nullable().describe("the figure in the catalog's unit; null unless status is reported"),
    status: ValueStatus,
    origin: StatisticOrigin,
    table: z.string().nullable().describe("the template table it was read from (e.g. requests); null for prose"),
    row: z.string().nullable().describe("row id within the table (e.g. requests_received); null for prose"),
    column: z.string().nullable().describe("column id (e.g. total, cumulative); null for a table with one value column, and for prose"),
    raw: z.string().describe("the cell or phrase exactly as printed"),
    unit: z.string().nullable().describe("the unit printed with the figure (e.g. 元), null when none is printed"),
    label: z.string().describe("the row label (table) or sentence (text) as printed"),
    line: z.number().int().positive().describe("1-based line in the source text (same as span.line)"),
    span: Span,
    note: z.string().nullable().describe("why a value is null, or how it was read (a unit converted, cells split); null when plain"),
  })
  .describe("One figure the report prints, traced to its exact place");

export const DerivedFigure = z
  .object({
    indicator: z.string().describe("derived indicator id, e.g. replies_denied__total"),
    value: z.number().nullable().describe("the computed value; null when an operand is null"),
    status: ValueStatus,
    inputs: z.array(z.string()).describe("the indicators it is computed from"),
    note: z.string().nullable(),
  })
  .describe("A figure the catalog defines as a sum of printed ones (never read from the report)");

export const ConceptValue = z
  .object({
    concept: z.string().describe("concept id from the catalog, e.g. requests_received"),
    value: z.number().nullable(),
    status: ValueStatus,
    indicators: z.array(z.string()).describe("what the value is made of, in this report's template"),
    caveat: z.string().describe("what makes this template's figure differ from the others (from the catalog)"),
  })
  .describe("A figure comparable across table formats, built from this report's template");

export const CheckStatus = z
  .enum(["pass", "fail", "uncertain", "not_assessable"])
  .describe("uncertain = an operand is printed but null (blank, unreadable); not_assessable = an operand is not in the report at all");

export const CheckScope = z
  .enum(["table", "text", "across_years"])
  .describe("table = a rule of the table; text = prose against table; across_years = against the same body's previous report");

export const Check = z
  .object({
    rule: z.string().describe("rule id, e.g. requests_balance__total"),
    scope: CheckScope,
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
  "page_chrome",
  "crawler_header",
  "page_furniture",
]);

export const Removal = z
  .object({
    kind: RemovalKind,
    from: z.number().int().positive(),
    to: z.number().int().positive(),
    excerpt: z.string().describe("the start of what was removed, for the conversion log"),
  })
  .describe("Noise removed from the body (line range in the source text), logged so nothing disappears silently");

export const Heading = z.object({
  depth: z.number().int().min(2).max(4),
  text: z.string(),
  anchor: z.string().describe("stable id used for the table of contents"),
  line: z.number().int().positive(),
});

export const ExtraRow = z
  .object({
    table: z.string(),
    label: z.string(),
    raw: z.string().describe("the row's value cells as printed"),
    line: z.number().int().positive(),
  })
  .describe("A row of a statistics table that the template does not have: shown, never forced onto an indicator");

export const FigureChange = z.object({
  indicator: z.string(),
  published: z.number().nullable(),
  version: z.number().nullable(),
});

export const ReportVersion = z
  .object({
    file: z.string(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    publishedOn: isoDate.nullable(),
    current: z.boolean().describe("true for the version whose figures this file publishes"),
    changes: z.array(FigureChange).describe("figures this version gives differently from the published one"),
  })
  .describe("One version of a report issued more than once (a corrected re-issue)");

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
    publishedOn: isoDate.nullable().describe("publication date: the page's own date, else the date under the report's signature"),
    period: z.object({ start: isoDate, end: isoDate }).nullable().describe("the statistical period the figures cover"),
    coverage: z.string().nullable().describe("units the report covers, e.g. 22个区直部门、星海镇、10个街道办事处"),
    website: z.string().nullable(),
    contact: Contact,
    template: z.string().describe("statistics-table template id from the catalog, e.g. national-2021"),
    templateEvidence: z.array(z.string()).describe("what in the report chose the template (a notice it cites, table headers, row labels)"),
    hasStatisticsTable: z.boolean(),
    source: SourceFile,
    statistics: z.array(Statistic),
    derived: z.array(DerivedFigure),
    concepts: z.array(ConceptValue),
    extraRows: z.array(ExtraRow),
    checks: z.array(Check),
    versions: z.array(ReportVersion).describe("empty unless several versions of this report were found"),
    diagnostics: z.array(Diagnostic),
    removals: z.array(Removal),
    headings: z.array(Heading),
  })
  .describe("政府信息公开工作年度报告 — one converted report");

export type DivisionRef = z.infer<typeof DivisionRef>;
export type Jurisdiction = z.infer<typeof Jurisdiction>;
export type JurisdictionLevel = z.infer<typeof JurisdictionLevel>;
export type JurisdictionMatch = z.infer<typeof JurisdictionMatch>;
export type Department = z.infer<typeof Department>;
export type Contact = z.infer<typeof Contact>;
export type SourceForm = z.infer<typeof SourceForm>;
export type Span = z.infer<typeof Span>;
export type AlternativeSource = z.infer<typeof AlternativeSource>;
export type SourceFile = z.infer<typeof SourceFile>;
export type Statistic = z.infer<typeof Statistic>;
export type StatisticOrigin = z.infer<typeof StatisticOrigin>;
export type ValueStatus = z.infer<typeof ValueStatus>;
export type DerivedFigure = z.infer<typeof DerivedFigure>;
export type ConceptValue = z.infer<typeof ConceptValue>;
export type Check = z.infer<typeof Check>;
export type CheckStatus = z.infer<typeof CheckStatus>;
export type CheckScope = z.infer<typeof CheckScope>;
export type Diagnostic = z.infer<typeof Diagnostic>;
export type Removal = z.infer<typeof Removal>;
export type RemovalKind = z.infer<typeof RemovalKind>;
export type Heading = z.infer<typeof Heading>;
export type ExtraRow = z.infer<typeof ExtraRow>;
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
