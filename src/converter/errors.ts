/**
 * The one error type of the converter. A ConversionError stops the conversion
 * of ONE file; the run reports it (file + reason) and carries on with the rest.
 * Messages are bilingual because the people fixing sources read Chinese and
 * the people fixing code may not.
 */
export type ConversionErrorCode =
  | "unreadable_file"
  | "empty_file"
  | "file_too_large"
  | "binary_file"
  | "undecodable"
  | "missing_title"
  | "not_a_report"
  | "missing_year"
  | "missing_jurisdiction"
  | "duplicate_id"
  | "invalid_report";

const REASONS: Record<ConversionErrorCode, { zh: string; en: string }> = {
  unreadable_file: { zh: "无法读取文件", en: "cannot read the file" },
  empty_file: { zh: "文件为空或只有空白", en: "file is empty or whitespace only" },
  file_too_large: { zh: "文件过大，不像一份年度报告", en: "file too large for one annual report" },
  binary_file: { zh: "不是文本文件", en: "binary file" },
  undecodable: { zh: "无法识别文件编码", en: "cannot decode the file's text encoding" },
  missing_title: { zh: "找不到报告标题", en: "no report title found" },
  not_a_report: {
    zh: "不像政府信息公开工作年度报告（没有“本报告…”“统计期限”等说明、统计表或年报章节）",
    en: "does not read as an annual report (no self-description, statistics table or report sections)",
  },
  missing_year: { zh: "找不到报告年度", en: "no report year found" },
  missing_jurisdiction: { zh: "找不到报告所属行政区", en: "no jurisdiction found in the title or body" },
  duplicate_id: { zh: "多个文件对应同一行政区同一年度", en: "several files convert to the same jurisdiction and year" },
  invalid_report: { zh: "转换结果不符合数据结构", en: "the converted report does not match the schema" },
};

export class ConversionError extends Error {
  readonly code: ConversionErrorCode;
  readonly file: string;
  readonly detail: string | null;

  constructor(code: ConversionErrorCode, file: string, detail: string | null = null) {
    const reason = REASONS[code];
    super(`${file}: ${reason.zh} / ${reason.en}${detail ? ` (${detail})` : ""}`);
    this.name = "ConversionError";
    this.code = code;
    this.file = file;
    this.detail = detail;
  }
}
