/**
 * Column definitions as data. Each CSV's header, its values, its Frictionless
 * table schema and its codebook rows all come from one list, so they cannot
 * drift apart. Every column is named and described in Chinese first, then in
 * English.
 */
import { allIndicators, CONCEPTS, TEMPLATES, type Template } from "../../catalog/index.ts";
import { figureOf } from "../../report/figures.ts";
import { JurisdictionLevel, type Report } from "../../schema/report.ts";
import { csvPieces, type Cell } from "./csv.ts";
import { observedValue, prefectureName, templateFigures, type Observation, type TemplateFigure } from "./observations.ts";
import {
  CHECK_STATUSES,
  CONCEPT_STATUSES,
  INDICATOR_KINDS,
  ORIGINS,
  VALUE_STATUSES,
  codes,
  explainEn,
  explainZh,
  type ConceptStatus,
} from "./vocabulary.ts";

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
  /** Chinese name, for the codebook and the downloads page. */
  title: string;
  titleEn: string;
  type: FieldType;
  /** What the column holds, in Chinese. */
  description: string;
  descriptionEn: string;
  constraints?: Constraints;
  /** Set for an indicator's column of a wide CSV: the figure it holds. */
  figure?: TemplateFigure;
  value: (row: Row) => Cell;
}

/**
 * Table Schema patterns are XML Schema regular expressions: implicitly anchored,
 * no ^/$ and no (?:…) groups. They are the schema's jurisdictionIdPattern and
 * reportIdPattern written that way (the tests check they agree).
 */
export const DIVISION_CODE_PATTERN = "\\d{6}";
export const JURISDICTION_ID_PATTERN = "(\\d{6}|x[0-9a-f]{12})";
export const REPORT_ID_PATTERN = "(\\d{6}|x[0-9a-f]{12})(-[a-z0-9]+(-[a-z0-9]+)*)?-\\d{4}";
const templateIds = () => TEMPLATES.map((t) => t.id);

interface Words {
  title: string;
  titleEn: string;
  description: string;
  descriptionEn: string;
}

function column<Row>(name: string, type: FieldType, words: Words, value: (row: Row) => Cell, constraints?: Constraints): Column<Row> {
  return { name, type, ...words, ...(constraints ? { constraints } : {}), value };
}

const levelWords = "province = 省级；prefecture = 地级（市、州、盟，及同级的区域）；county = 县级（区、县、县级市、旗）";

/** Columns describing the report, shared by every per-report CSV. */
export function reportColumns<Row>(report: (row: Row) => Report): Column<Row>[] {
  return [
    column("report_id", "string", {
      title: "报告编号",
      titleEn: "Report id",
      description: "报告编号：地区编号-年度，部门的报告为 地区编号-部门-年度",
      descriptionEn: "Report id: <jurisdiction id>-<year>, or <jurisdiction id>-<department>-<year> for a department's report",
    }, (row) => report(row).id, { required: true, pattern: REPORT_ID_PATTERN }),
    column("jurisdiction_id", "string", {
      title: "地区编号",
      titleEn: "Jurisdiction id",
      description: "地区的稳定编号：6 位行政区划代码；行政区划代码表以外的机构（如平潭综合实验区）为 x 加 12 位十六进制数",
      descriptionEn: "Stable id of the jurisdiction: its 6-digit division code, or x and 12 hex digits for a body outside GB/T 2260 (such as 平潭综合实验区)",
    }, (row) => report(row).jurisdiction.id, { required: true, pattern: JURISDICTION_ID_PATTERN }),
    column("division_code", "string", {
      title: "行政区划代码",
      titleEn: "Division code",
      description: "6 位行政区划代码（GB/T 2260），按文字保存以免丢失前导数字；代码表以外的机构为空",
      descriptionEn: "6-digit administrative division code (GB/T 2260), kept as text so no tool drops digits; empty for a body outside it",
    }, (row) => report(row).jurisdiction.code, { pattern: DIVISION_CODE_PATTERN }),
    column("jurisdiction", "string", {
      title: "地区",
      titleEn: "Jurisdiction",
      description: "报告所属政府的名称，按报告的写法，如 大武口区",
      descriptionEn: "Name of the government whose report this is, as the report writes it, e.g. 大武口区",
    }, (row) => report(row).jurisdiction.name, { required: true }),
    column("jurisdiction_level", "string", {
      title: "行政级别",
      titleEn: "Level",
      description: levelWords,
      descriptionEn: "province; prefecture (cities, prefectures, leagues and zones at that level); county (districts, counties, county-level cities, banners)",
    }, (row) => report(row).jurisdiction.level, { required: true, enum: [...JurisdictionLevel.options] }),
    column("department", "string", {
      title: "部门",
      titleEn: "Department",
      description: "部门的报告（如财政局）为部门名称；政府本级的报告为空",
      descriptionEn: "The department's name for a department's report (e.g. 财政局); empty for the government's own report",
    }, (row) => report(row).department?.name ?? null),
    column("prefecture", "string", {
      title: "地级行政区",
      titleEn: "Prefecture",
      description: "所在（或本身就是）的地级行政区；省级和省直辖的县级行政区为空",
      descriptionEn: "The prefecture-level division the jurisdiction is in (a county's parent) or is; empty for a province and for a county directly under its province",
    }, (row) => prefectureName(report(row)) || null),
    column("province", "string", {
      title: "省级行政区",
      titleEn: "Province",
      description: "省级行政区，如 宁夏回族自治区",
      descriptionEn: "Province-level division, e.g. 宁夏回族自治区",
    }, (row) => report(row).jurisdiction.province?.name ?? null),
    column("year", "integer", {
      title: "年度",
      titleEn: "Year",
      description: "报告所报告的年度",
      descriptionEn: "The year the report covers",
    }, (row) => report(row).year, { required: true, minimum: 2000, maximum: 2100 }),
    column("template", "string", {
      title: "统计表格式",
      titleEn: "Table format",
      description: `报告所用统计表格式在指标目录中的编号：${TEMPLATES.map((t) => `${t.id} = ${t.name}`).join("；")}`,
      descriptionEn: `Id of the statistics-table format the report follows, from the indicator catalog: ${TEMPLATES.map((t) => `${t.id} = ${t.nameEn}`).join("; ")}`,
    }, (row) => report(row).template, { required: true, enum: templateIds() }),
  ];
}

const observationStatusEnum = codes(VALUE_STATUSES);

/** Long CSV: one row per report × figure (printed, stated in the prose or derived), and one per id a report does not give. */
export function longColumns(): Column<Observation>[] {
  const span = (o: Observation) => o.statistic?.span ?? null;
  return [
    ...reportColumns<Observation>((o) => o.report),
    column("indicator_id", "string", {
      title: "指标编号",
      titleEn: "Indicator id",
      description: "指标目录中的稳定编号（见代码本），如 requests_received__total；同一编号在不同格式中指同一数字",
      descriptionEn: "Stable indicator id from the catalog (see the codebook), e.g. requests_received__total; the same id in two formats means the same figure",
    }, (o) => o.figure.id, { required: true }),
    column("indicator_kind", "string", {
      title: "指标类别",
      titleEn: "Indicator kind",
      description: explainZh(INDICATOR_KINDS),
      descriptionEn: explainEn(INDICATOR_KINDS),
    }, (o) => o.figure.kind, { required: true, enum: codes(INDICATOR_KINDS) }),
    column("indicator_label", "string", {
      title: "指标名称",
      titleEn: "Indicator name",
      description: "指标目录中的中文简称",
      descriptionEn: "Short Chinese name of the indicator from the catalog",
    }, (o) => o.figure.label, { required: true }),
    column("indicator_name_en", "string", {
      title: "指标英文名称",
      titleEn: "Indicator name (English)",
      description: "指标的英文名称",
      descriptionEn: "English name of the indicator",
    }, (o) => o.figure.nameEn, { required: true }),
    column("unit", "string", {
      title: "单位",
      titleEn: "Unit",
      description: "数值的单位，按统计表格式（条、件、次、篇、个、人、人次、万元、元）",
      descriptionEn: "Unit of the value as the table format states it (条, 件, 次, 篇, 个, 人, 人次, 万元, 元)",
    }, (o) => o.figure.unit, { required: true }),
    column("table", "string", {
      title: "表",
      titleEn: "Table",
      description: "统计表格式中的表编号（如 requests 为 2019 年起的表三）；跨表的推算指标为空",
      descriptionEn: "Table id within the format (e.g. requests, table 3 of the 2019+ formats); empty for a derived figure that spans tables",
    }, (o) => o.figure.table),
    column("table_label", "string", {
      title: "表名",
      titleEn: "Table heading",
      description: "该表在统计表格式中的标题，如 三、收到和处理政府信息公开申请情况",
      descriptionEn: "The table's heading as the format prints it, e.g. 三、收到和处理政府信息公开申请情况",
    }, (o) => o.figure.tableLabel),
    column("row", "string", {
      title: "行",
      titleEn: "Row",
      description: "表中的行编号（指标编号 行__列 的「行」）",
      descriptionEn: "Row id within the table (the row of an indicator id row__column)",
    }, (o) => o.figure.row),
    column("column", "string", {
      title: "列",
      titleEn: "Column",
      description: "表中的列编号（指标编号 行__列 的「列」）；只有一列数值的表为空",
      descriptionEn: "Column id within the table (the column of an indicator id row__column); empty for a table with one value column",
    }, (o) => o.figure.column),
    column("value", "number", {
      title: "数值",
      titleEn: "Value",
      description: "报告给出的数字，照原样，从不改正；value_status 不是 reported 时为空",
      descriptionEn: "The figure as the report gives it, never corrected; empty unless value_status is reported",
    }, (o) => observedValue(o)),
    column("value_status", "string", {
      title: "数值状态",
      titleEn: "Value status",
      description: explainZh(VALUE_STATUSES),
      descriptionEn: explainEn(VALUE_STATUSES),
    }, (o) => o.status, { required: true, enum: observationStatusEnum }),
    column("origin", "string", {
      title: "来源",
      titleEn: "Origin",
      description: `${explainZh(ORIGINS)}；报告未载时为空`,
      descriptionEn: `${explainEn(ORIGINS)}; empty when not_in_report`,
    }, (o) => o.origin, { enum: codes(ORIGINS) }),
    column("is_primary", "boolean", {
      title: "主要观测",
      titleEn: "Primary",
      description:
        "每份报告每个指标恰有一行为 true：网页和宽表所用的那个数字（统计表的优先于正文的，报告印出的优先于推算的）；其余为 false，如正文里重复的同一数字",
      descriptionEn:
        "true for exactly one row per report and indicator: the figure the pages and the wide CSVs use (the table's before the prose's, a printed one before a derived one); false for the others, e.g. the same count stated again in the prose",
    }, (o) => o.primary, { required: true }),
    column("source_file", "string", {
      title: "原文文件",
      titleEn: "Source file",
      description: "读出数字的原文文件名；PDF 指其文字层（行号、列号按文字层计）；推算和报告未载时为空",
      descriptionEn: "The source file the figure was read from (for a PDF its text layer, which line and column refer to); empty for a derived figure and when not_in_report",
    }, (o) => span(o)?.file ?? null),
    column("source_page", "integer", {
      title: "原文页码",
      titleEn: "Source page",
      description: "PDF 的页码；其他形式为空",
      descriptionEn: "Page of a PDF; empty for other forms",
    }, (o) => span(o)?.page ?? null, { minimum: 1 }),
    column("source_line", "integer", {
      title: "原文行号",
      titleEn: "Source line",
      description: "数字在原文中的行号（从 1 起），与报告的原文页面一致",
      descriptionEn: "1-based line of the figure in the source text, as the report's source page numbers it",
    }, (o) => span(o)?.line ?? null, { minimum: 1 }),
    column("source_column", "integer", {
      title: "原文列号",
      titleEn: "Source column",
      description: "数字第一个字符在该行中的列号（从 1 起，按 UTF-16 计）",
      descriptionEn: "1-based column (UTF-16 code units) of the figure's first character on that line",
    }, (o) => span(o)?.column ?? null, { minimum: 1 }),
    column("raw_text", "string", {
      title: "原文数值",
      titleEn: "Raw text",
      description: "单元格或语句中的数字，照原样，如 8573 或 —",
      descriptionEn: "The cell or phrase exactly as printed, e.g. 8573 or —",
    }, (o) => o.statistic?.raw ?? null),
    column("printed_unit", "string", {
      title: "原文单位",
      titleEn: "Printed unit",
      description: "原文在数字旁印的单位（如 元）；没有印单位时为空",
      descriptionEn: "The unit printed with the figure (e.g. 元); empty when none is printed",
    }, (o) => o.statistic?.unit ?? null),
    column("source_label", "string", {
      title: "原文行名或语句",
      titleEn: "Source label",
      description: "读出数字的行名（统计表）或句子（正文），照原文",
      descriptionEn: "The row label (table) or the sentence (prose) the figure was read from, as printed",
    }, (o) => o.statistic?.label ?? null),
    column("derived_from", "string", {
      title: "推算依据",
      titleEn: "Derived from",
      description: "推算数字所加总的指标编号，以 ; 分隔；其他行为空",
      descriptionEn: "For a derived figure, the indicator ids it sums, separated by ;; empty otherwise",
    }, (o) => o.derived?.inputs.join(";") || null),
    column("check_status", "string", {
      title: "勾稽检查",
      titleEn: "Check status",
      description: explainZh(CHECK_STATUSES),
      descriptionEn: explainEn(CHECK_STATUSES),
    }, (o) => o.checkStatus, { required: true, enum: codes(CHECK_STATUSES) }),
    column("failed_checks", "string", {
      title: "不符的检查",
      titleEn: "Failed checks",
      description: "涉及该指标且不符的检查编号，以 ; 分隔（各检查的说明见报告 JSON 的 checks）",
      descriptionEn: "Ids of the failed checks concerning the indicator, separated by ; (each check's message is in the report JSON's checks)",
    }, (o) => o.failedRules.join(";") || null),
    column("note", "string", {
      title: "说明",
      titleEn: "Note",
      description: "数值为空或读法特殊（换算了单位、拆分了粘连的数字）时的说明；一般为空",
      descriptionEn: "Why a value is empty or how it was read (a unit converted, glued cells split); empty when plain",
    }, (o) => o.statistic?.note ?? o.derived?.note ?? null),
  ];
}

/** Metadata columns of a report, beyond the shared ones: the report list and the wide CSVs. */
function reportDetailColumns(): Column<Report>[] {
  return [
    column("title", "string", { title: "报告标题", titleEn: "Title", description: "报告的标题", descriptionEn: "Title of the report" }, (r) => r.title, { required: true }),
    column("publisher", "string", {
      title: "发布机关",
      titleEn: "Publisher",
      description: "发布报告的机关，如 大武口区人民政府办公室",
      descriptionEn: "The office that published the report, e.g. 大武口区人民政府办公室",
    }, (r) => r.publisher),
    column("published_on", "date", {
      title: "发布日期",
      titleEn: "Published on",
      description: "报告的发布日期（YYYY-MM-DD）：网页的日期，否则为落款日期；都没有时为空",
      descriptionEn: "Publication date (YYYY-MM-DD): the page's own date, else the date under the signature; empty when neither is given",
    }, (r) => r.publishedOn),
    column("has_statistics_table", "boolean", {
      title: "含统计表",
      titleEn: "Has statistics table",
      description: "报告含统计表为 true；为 false 时数字（如有）取自正文",
      descriptionEn: "true when the report contains the statistics table; false when its figures, if any, come from the prose",
    }, (r) => r.hasStatisticsTable, { required: true }),
    column("checks_failed", "integer", {
      title: "不符的检查数",
      titleEn: "Checks failed",
      description: "报告中不成立的勾稽关系数；数字照原样发布，不改正",
      descriptionEn: "Number of the report's consistency checks (勾稽关系) that failed; the figures are published as printed, never corrected",
    }, (r) => r.checks.filter((c) => c.status === "fail").length, { required: true, minimum: 0 }),
  ];
}

function onReport<Row>(columns: Column<Report>[], report: (row: Row) => Report): Column<Row>[] {
  return columns.map((c) => ({ ...c, value: (row: Row) => c.value(report(row)) }));
}

/** The report list (reports.csv): one row per report, everything about it but its figures. */
export function reportListColumns(): Column<Report>[] {
  return [
    ...reportColumns<Report>((r) => r),
    ...reportDetailColumns(),
    column("period_start", "date", {
      title: "统计期起",
      titleEn: "Period start",
      description: "数字所统计期间的第一天；报告未写明时为空",
      descriptionEn: "First day of the period the figures cover; empty when the report does not say",
    }, (r) => r.period?.start ?? null),
    column("period_end", "date", {
      title: "统计期止",
      titleEn: "Period end",
      description: "数字所统计期间的最后一天；报告未写明时为空",
      descriptionEn: "Last day of the period the figures cover; empty when the report does not say",
    }, (r) => r.period?.end ?? null),
    column("coverage", "string", {
      title: "汇总范围",
      titleEn: "Coverage",
      description: "报告写明的汇总范围（如 22个区直部门、10个街道办事处）；比较各地数字时请参考",
      descriptionEn: "The units the report says it covers (e.g. 22 departments, 10 sub-districts); worth reading before comparing places",
    }, (r) => r.coverage),
    column("figures_printed", "integer", {
      title: "印出的数字数",
      titleEn: "Figures printed",
      description: "报告统计表和正文中读出的数字个数（含未报告和无法确定的格）",
      descriptionEn: "Number of figures read from the report's table and prose (cells not reported and uncertain ones included)",
    }, (r) => r.statistics.length, { required: true, minimum: 0 }),
    column("checks_uncertain", "integer", {
      title: "无法判断的检查数",
      titleEn: "Checks uncertain",
      description: "因有数字无法确定而无法判断的勾稽关系数",
      descriptionEn: "Number of consistency checks that cannot be decided because an operand is printed but cannot be settled",
    }, (r) => r.checks.filter((c) => c.status === "uncertain").length, { required: true, minimum: 0 }),
    column("source_file", "string", {
      title: "原文文件",
      titleEn: "Source file",
      description: "数字读自的原文文件名（同一报告的其他形式见报告 JSON 的 source.alternatives）",
      descriptionEn: "The source file the figures were read from (other forms of the report are in the report JSON's source.alternatives)",
    }, (r) => r.source.file, { required: true }),
    column("source_form", "string", {
      title: "原文形式",
      titleEn: "Source form",
      description: "text = 文本（识别或抓取的文字）；html = 保存的网页；pdf = 带文字层的 PDF",
      descriptionEn: "text = plain text (OCR or crawler text); html = a saved web page; pdf = a PDF with a text layer",
    }, (r) => r.source.form, { required: true, enum: ["text", "html", "pdf"] }),
    column("source_sha256", "string", {
      title: "原文 SHA-256",
      titleEn: "Source SHA-256",
      description: "原文文件的 SHA-256 校验值，可用于核对原文",
      descriptionEn: "SHA-256 of the source file, to check it against the original",
    }, (r) => r.source.sha256, { required: true, pattern: "[0-9a-f]{64}" }),
    column("source_url", "string", {
      title: "原文链接",
      titleEn: "Source URL",
      description: "原文网页自己写明的地址；原文没有写明时为空",
      descriptionEn: "The page's own address when the source gives it; empty otherwise",
    }, (r) => r.source.url),
  ];
}

/** A wide-CSV row: a report of the template. */
export interface WideRow {
  report: Report;
}

/** The column of one id in a wide CSV: the figure that stands for it, empty unless reported. */
export function figureColumn(figure: TemplateFigure): Column<WideRow> {
  const derived = figure.kind === "derived";
  return {
    name: figure.id,
    title: figure.label,
    titleEn: figure.nameEn,
    type: "number",
    description: derived
      ? `${figure.label}（${figure.unit}）：推算指标，${figure.sumOf.join(" + ")} 之和；报告自己印了这一行时取报告的数字。不是数字时为空，原因见长表 value_status`
      : `${figure.label}（${figure.unit}），统计表行名：${figure.officialLabel}。不是数字时为空，原因见长表 value_status`,
    descriptionEn: derived
      ? `${figure.nameEn} (${figure.unit}): derived, the sum of ${figure.sumOf.join(" + ")}; the report's own figure where it prints the row. Empty unless a number (see value_status in the long CSV)`
      : `${figure.nameEn} (${figure.unit}). Empty unless a number (see value_status in the long CSV)`,
    figure,
    value: (row) => {
      const found = figureOf(row.report, figure.id);
      return found.kind === "absent" ? null : found.value;
    },
  };
}

/** Metadata columns of a wide CSV (before its indicator columns). */
export function wideMetadataColumns(): Column<WideRow>[] {
  return [...reportColumns<WideRow>((row) => row.report), ...onReport(reportDetailColumns(), (row: WideRow) => row.report)];
}

/** Wide CSV of one format: metadata, then one column per id of that template, printed then derived. */
export function wideColumns(template: Template): Column<WideRow>[] {
  return [...wideMetadataColumns(), ...templateFigures(template).map(figureColumn)];
}

/**
 * Every id of every format once: the printed indicators in catalog order
 * (allIndicators: the national wording where formats share an id), then the
 * derived ones not already listed. The columns of the all-formats wide CSV.
 */
export function everyFigure(): TemplateFigure[] {
  const printed = allIndicators().map(({ template, indicator }) => templateFigures(template).find((f) => f.id === indicator.id)!);
  const seen = new Set(printed.map((f) => f.id));
  const derived: TemplateFigure[] = [];
  for (const template of [...TEMPLATES].reverse()) {
    for (const f of templateFigures(template)) {
      if (f.kind === "derived" && !seen.has(f.id)) {
        seen.add(f.id);
        derived.push(f);
      }
    }
  }
  return [...printed, ...derived.reverse()];
}

/** The all-formats wide CSV: metadata, then every id of every format. */
export function allFormatsWideColumns(): Column<WideRow>[] {
  return [...wideMetadataColumns(), ...everyFigure().map(figureColumn)];
}

/** One report × concept. */
export interface ConceptRow {
  report: Report;
  concept: (typeof CONCEPTS)[number];
  status: ConceptStatus;
  value: number | null;
  indicators: string[];
  caveat: string | null;
  caveatEn: string | null;
}

/** A catalog caveat is "Chinese / English". */
export function splitCaveat(caveat: string): { zh: string; en: string } {
  const at = caveat.indexOf(" / ");
  return at < 0 ? { zh: caveat, en: "" } : { zh: caveat.slice(0, at), en: caveat.slice(at + 3) };
}

export function conceptColumns(): Column<ConceptRow>[] {
  return [
    ...reportColumns<ConceptRow>((row) => row.report),
    column("concept_id", "string", {
      title: "概念编号",
      titleEn: "Concept id",
      description: "可跨统计表格式比较的概念在指标目录中的编号，如 requests_received",
      descriptionEn: "Id of the figure comparable across table formats, from the catalog, e.g. requests_received",
    }, (row) => row.concept.id, { required: true, enum: CONCEPTS.map((c) => c.id) }),
    column("concept_label", "string", { title: "概念名称", titleEn: "Concept name", description: "概念的中文名称", descriptionEn: "Chinese name of the concept" }, (row) => row.concept.label, { required: true }),
    column("concept_name_en", "string", { title: "概念英文名称", titleEn: "Concept name (English)", description: "概念的英文名称", descriptionEn: "English name of the concept" }, (row) => row.concept.nameEn, { required: true }),
    column("unit", "string", { title: "单位", titleEn: "Unit", description: "数值的单位", descriptionEn: "Unit of the value" }, (row) => row.concept.unit, { required: true }),
    column("value", "number", {
      title: "数值",
      titleEn: "Value",
      description: "按该报告的统计表格式由 indicators 列的指标加总得出；value_status 不是 reported 时为空",
      descriptionEn: "The sum of the indicators listed in the indicators column, in this report's format; empty unless value_status is reported",
    }, (row) => row.value),
    column("value_status", "string", {
      title: "数值状态",
      titleEn: "Value status",
      description: explainZh(CONCEPT_STATUSES),
      descriptionEn: explainEn(CONCEPT_STATUSES),
    }, (row) => row.status, { required: true, enum: codes(CONCEPT_STATUSES) }),
    column("indicators", "string", {
      title: "构成指标",
      titleEn: "Indicators",
      description: "在该报告的格式中构成这一数字的指标编号，以 ; 分隔（多个时为其和）",
      descriptionEn: "The indicator ids the figure is made of in this report's format, separated by ; (their sum when several)",
    }, (row) => row.indicators.join(";") || null),
    column("caveat", "string", {
      title: "口径说明",
      titleEn: "Caveat",
      description: "这一格式的数字与其他格式口径不同之处（来自指标目录）；跨格式比较前请读",
      descriptionEn: "What makes this format's figure differ from the others (from the catalog), in Chinese; read it before comparing across formats",
    }, (row) => row.caveat),
    column("caveat_en", "string", {
      title: "口径说明（英文）",
      titleEn: "Caveat (English)",
      description: "口径说明的英文",
      descriptionEn: "The caveat in English",
    }, (row) => row.caveatEn),
  ];
}

/** Per-indicator CSV: one row per report whose format has the indicator. */
export function indicatorFileColumns(): Column<Observation>[] {
  const long = new Map(longColumns().map((c) => [c.name, c]));
  return ["report_id", "jurisdiction_id", "division_code", "jurisdiction", "year", "template", "value", "value_status", "origin", "source_line", "source_column"].map(
    (name) => long.get(name)!,
  );
}

/** A CSV whose header and cells come from the column list. */
export function csvOf<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): string {
  return [...csvPiecesOf(columns, rows)].join("");
}

/** csvOf in pieces of whole records, for a bulk file (see content.ts); rows are turned into cells as they are written. */
export function* csvPiecesOf<Row>(columns: readonly Column<Row>[], rows: Iterable<Row>): Generator<string> {
  yield* csvPieces(
    columns.map((c) => c.name),
    cellsOf(columns, rows),
  );
}

function* cellsOf<Row>(columns: readonly Column<Row>[], rows: Iterable<Row>): Generator<Cell[]> {
  for (const row of rows) yield columns.map((c): Cell => c.value(row));
}
