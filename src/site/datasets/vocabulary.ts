/**
 * The coded values of the downloads (value_status, origin, check_status, a
 * concept's status) with what they mean in Chinese and in English. The CSVs
 * keep the codes (stable, ASCII, what R and pandas filter on); the codebook,
 * the data package and the downloads page explain each code in both
 * languages from these lists, Chinese first.
 */

export interface CodedValue<Code extends string = string> {
  code: Code;
  /** A short Chinese name, shown beside the code. */
  label: string;
  /** What the code means, in Chinese. */
  description: string;
  /** The same, in English. */
  descriptionEn: string;
}

/** The status of one figure in the long CSV: schema 2.0's three statuses, and a fourth for a figure the report does not give at all. */
export type ObservationStatus = "reported" | "not_reported" | "uncertain" | "not_in_report";

export const VALUE_STATUSES: readonly CodedValue<ObservationStatus>[] = [
  {
    code: "reported",
    label: "已报告",
    description: "报告给出了数字",
    descriptionEn: "the report gives a number",
  },
  {
    code: "not_reported",
    label: "未报告",
    description: "报告有这一格或这句话，但印的是空白、—、/ 或「无」，不当作 0",
    descriptionEn: "the report has the cell or sentence but prints it blank, —, / or 无; never read as 0",
  },
  {
    code: "uncertain",
    label: "无法确定",
    description: "印有内容但无法确定数字（粘连的数字有多种拆法、单元格不可读），附有说明",
    descriptionEn: "something is printed but the number cannot be settled (digits glued together with several possible splits, an unreadable cell); a note says why",
  },
  {
    code: "not_in_report",
    label: "报告未载",
    description: "报告的统计表和正文都没有这一项",
    descriptionEn: "neither the report's table nor its prose has the item",
  },
];

export type Origin = "table" | "text" | "derived";

export const ORIGINS: readonly CodedValue<Origin>[] = [
  { code: "table", label: "统计表", description: "从统计表的单元格读出", descriptionEn: "read from a cell of the statistics table" },
  { code: "text", label: "正文", description: "报告正文中写明的数字", descriptionEn: "stated in the report's prose" },
  {
    code: "derived",
    label: "推算",
    description: "本站按指标目录由报告印出的数字加总得出，报告本身没有印这个数",
    descriptionEn: "computed by this site as the catalog's sum of figures the report prints; the report does not print it",
  },
];

/** What the consistency checks (勾稽关系) say about one indicator of one report. */
export type IndicatorCheckStatus = "pass" | "fail" | "uncertain" | "not_assessable" | "none";

export const CHECK_STATUSES: readonly CodedValue<IndicatorCheckStatus>[] = [
  { code: "pass", label: "通过", description: "涉及该指标的检查都没有不符，至少一项通过", descriptionEn: "no check concerning the indicator failed and at least one passed" },
  { code: "fail", label: "不符", description: "至少一项涉及该指标的勾稽关系不成立（数字照原样发布，不改正）", descriptionEn: "at least one consistency check concerning the indicator failed (the figures are published as printed, never corrected)" },
  { code: "uncertain", label: "无法判断", description: "涉及该指标的检查有数字印了但无法确定，因此无法判断", descriptionEn: "a check concerning the indicator has an operand that is printed but cannot be settled" },
  { code: "not_assessable", label: "无法检查", description: "涉及该指标的检查所需的数字报告里没有", descriptionEn: "the checks concerning the indicator lack an operand the report does not give" },
  { code: "none", label: "无检查", description: "没有检查涉及该指标", descriptionEn: "no check concerns the indicator" },
];

/** The status of a concept (a figure comparable across formats) for one report. */
export type ConceptStatus = "reported" | "not_reported" | "uncertain" | "not_in_report" | "not_in_template";

export const CONCEPT_STATUSES: readonly CodedValue<ConceptStatus>[] = [
  ...VALUE_STATUSES,
  {
    code: "not_in_template",
    label: "格式无此项",
    description: "该报告所用的统计表格式没有可对应这一概念的项目",
    descriptionEn: "the report's table format has nothing this concept maps to",
  },
];

export type IndicatorKind = "indicator" | "derived";

export const INDICATOR_KINDS: readonly CodedValue<IndicatorKind>[] = [
  { code: "indicator", label: "印出的指标", description: "统计表格式印出的一格", descriptionEn: "a cell the table format prints" },
  { code: "derived", label: "推算指标", description: "指标目录定义的加总，报告不印或不一定印", descriptionEn: "a sum the catalog defines, which reports do not (always) print" },
];

export function codeOf<Code extends string>(list: readonly CodedValue<Code>[], code: Code): CodedValue<Code> {
  const found = list.find((v) => v.code === code);
  if (!found) throw new Error(`unknown code ${code}`);
  return found;
}

/** "reported（已报告）" — a code with its Chinese name, as the page shows a CSV cell. */
export function codeWithLabel<Code extends string>(list: readonly CodedValue<Code>[], code: Code): string {
  return `${code}（${codeOf(list, code).label}）`;
}

/** The codes of a list, for a Table Schema enum. */
export function codes<Code extends string>(list: readonly CodedValue<Code>[]): Code[] {
  return list.map((v) => v.code);
}

/** Every value explained, Chinese: reported = 已报告：报告给出了数字；… */
export function explainZh(list: readonly CodedValue[]): string {
  return list.map((v) => `${v.code} = ${v.label}：${v.description}`).join("；");
}

/** Every value explained, English. */
export function explainEn(list: readonly CodedValue[]): string {
  return list.map((v) => `${v.code} = ${v.descriptionEn}`).join("; ");
}
