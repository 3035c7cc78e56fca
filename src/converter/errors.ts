/**
 * The one error type of the converter. A ConversionError stops the conversion
 * of ONE file; the run reports it (file + reason) and carries on with the rest.
 * The write errors (disk_full, permission_denied, write_failed) stop the
 * publication instead: nothing published changes (see publish/generation.ts).
 * Messages are bilingual because the people fixing sources read Chinese and
 * the people fixing code may not.
 */
export type ConversionErrorCode =
  | "unreadable_file"
  | "not_a_regular_file"
  | "symlink_outside_sources"
  | "not_in_sources"
  | "empty_file"
  | "file_too_large"
  | "binary_file"
  | "undecodable"
  | "no_text_layer"
  | "unreadable_pdf"
  | "no_article_text"
  | "missing_title"
  | "not_a_report"
  | "missing_year"
  | "missing_jurisdiction"
  | "invalid_report"
  | "internal_error"
  | "disk_full"
  | "permission_denied"
  | "write_failed";

/** Every error code with its meaning; docs/input.md lists each (a test checks it). */
export const CONVERSION_ERRORS: Record<ConversionErrorCode, { zh: string; en: string }> = {
  unreadable_file: { zh: "无法读取文件", en: "cannot read the file" },
  not_a_regular_file: { zh: "不是普通文件（命名管道、设备、套接字或文件夹）", en: "not a regular file (a named pipe, device, socket or folder)" },
  symlink_outside_sources: { zh: "符号链接指向来源文件夹之外", en: "symbolic link to a file outside the sources folder" },
  not_in_sources: { zh: "不是来源文件夹中可读取格式（文本、网页、PDF）的文件", en: "not a file of a readable form (text, web page, PDF) in the sources folder" },
  empty_file: { zh: "文件为空或只有空白", en: "file is empty or whitespace only" },
  file_too_large: { zh: "文件过大，不像一份年度报告", en: "file too large for one annual report" },
  binary_file: { zh: "不是文本、网页或 PDF 文件", en: "neither text, a web page nor a PDF" },
  undecodable: { zh: "无法识别文件编码", en: "cannot decode the file's text encoding" },
  no_text_layer: { zh: "PDF 没有文字层（扫描件），需要先做文字识别（OCR）", en: "the PDF has no text layer (a scan); it needs OCR first" },
  unreadable_pdf: { zh: "PDF 已损坏、加密或无法解析", en: "the PDF is damaged, encrypted or cannot be parsed" },
  no_article_text: { zh: "网页中没有报告正文（只有标题、链接或附件）", en: "the page holds no report text (only a title, links or attachments)" },
  missing_title: { zh: "找不到报告标题", en: "no report title found" },
  not_a_report: {
    zh: "不像政府信息公开工作年度报告（没有“本报告…”“统计期限”等说明、统计表或年报章节）",
    en: "does not read as an annual report (no self-description, statistics table or report sections)",
  },
  missing_year: { zh: "找不到报告年度", en: "no report year found" },
  missing_jurisdiction: { zh: "找不到报告所属行政区", en: "no jurisdiction found in the title or body" },
  invalid_report: { zh: "转换结果不符合数据结构", en: "the converted report does not match the schema" },
  internal_error: { zh: "转换程序出错", en: "converter error" },
  disk_full: { zh: "磁盘已满，无法写入", en: "no space left on the disk" },
  permission_denied: { zh: "没有写入权限（或文件系统只读）", en: "no permission to write (or a read-only file system)" },
  write_failed: { zh: "写入失败", en: "write failed" },
};

export class ConversionError extends Error {
  readonly code: ConversionErrorCode;
  readonly file: string;
  readonly detail: string | null;

  /** `options.cause`: the error behind an internal_error, kept for debugging (never printed in a message). */
  constructor(code: ConversionErrorCode, file: string, detail: string | null = null, options?: { cause?: unknown }) {
    const reason = CONVERSION_ERRORS[code];
    super(`${file}: ${reason.zh} / ${reason.en}${detail ? ` (${detail})` : ""}`, options);
    this.name = "ConversionError";
    this.code = code;
    this.file = file;
    this.detail = detail;
  }
}
