/**
 * Stage 2: per-line normalization. Every line keeps its original number `n`.
 *
 * OCR output carries Markdown and typesetting debris that is not content:
 * escaped underscores (nx\_zws), links and autolinks, bold markers, heading
 * hashes, full-width and zero-width spaces, and spaces the OCR puts between
 * Chinese characters and digits ("2017 年 1 月"). This stage removes the
 * debris but remembers what was a hint for structure: the Markdown heading
 * level and a bold lead-in such as **（一）完善工作机制。**.
 *
 * Whitespace policy (the one place it is decided):
 * - spaces between a CJK character and a digit are OCR artefacts: removed ("2017 年" → "2017年");
 * - spaces next to full-width punctuation are never meaningful: removed ("。 2017年" → "。2017年");
 * - spaces between two CJK characters are KEPT: in these reports they separate a name from a
 *   title ("组长：刘斌 兴庆区委常委") or the parts of a letterhead;
 * - spaces next to Latin words are KEPT ("PPP 项目", "QQ 群") — harmless, and joining them could fuse words;
 * - tabs are never touched: they separate table cells.
 */
import type { SourceLine } from "../types.ts";

export interface LineHints {
  /** Level of a Markdown heading marker (# … ######) the OCR put on the line. */
  markdownHeading?: number;
  /** Text of a bold run that opens the line (**…**), markers removed. */
  boldLead?: string;
  /** Set by the noise stage on table rows whose twin rendering came from a web page. */
  screenshot?: boolean;
}

export interface NormalizedLine extends SourceLine {
  hints: LineHints;
}

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const WIDE_SPACES = /[\u3000\u00a0\u2002-\u200a\u202f\u205f]/g;

/** CJK ideographs (incl. extension A and compatibility) — the script of the reports. */
const HAN = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff";
/** Full-width punctuation and forms: 、。〈〉《》「」【】〔〕，：；（）！？ quotes, dashes, ellipsis, middle dot. */
const WIDE_PUNCT = "\\u3001-\\u303f\\uff01-\\uff0f\\uff1a-\\uff20\\uff3b-\\uff40\\uff5b-\\uff65\\u2014\\u2015\\u2018\\u2019\\u201c\\u201d\\u2026\\u00b7";

const SPACE_HAN_DIGIT = new RegExp(`([${HAN}]) +(?=\\d)`, "g");
const SPACE_DIGIT_HAN = new RegExp(`(\\d) +(?=[${HAN}])`, "g");
const SPACE_AFTER_PUNCT = new RegExp(`([${WIDE_PUNCT}]) +(?=[${HAN}${WIDE_PUNCT}A-Za-z0-9(])`, "g");
const SPACE_BEFORE_PUNCT = new RegExp(`([${HAN}${WIDE_PUNCT}A-Za-z0-9)]) +(?=[${WIDE_PUNCT}])`, "g");

/** Backslash escapes the OCR wrote for Markdown (nx\_zws, nx\\_zws, \*, \#). */
function unescapeMarkdown(text: string): string {
  return text.replace(/\\+([!-/:-@[-`{-~])/g, "$1");
}

/** [text](url) → text, but a mailto link yields its address; <http://…> and <mailto:…> → the address. */
function unwrapLinks(text: string): string {
  return text
    .replace(/\[([^[\]\n]*)\]\(\s*([^()\s]*(?:\([^()\s]*\)[^()\s]*)*)\s*\)/g, (_m, label: string, url: string) => {
      if (/^mailto:/i.test(url)) return label.includes("@") ? label : url.replace(/^mailto:/i, "");
      return label.trim() !== "" ? label : url;
    })
    .replace(/<((?:https?|ftp):\/\/[^\s<>]+)>/gi, "$1")
    .replace(/<mailto:([^\s<>]+)>/gi, "$1")
    .replace(/<([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})>/g, "$1");
}

/** A bold run at the start of the line is a lead-in; every other ** pair is just removed. */
function stripBold(text: string): { text: string; boldLead?: string } {
  const lead = /^\*\*(.+?)\*\*/.exec(text);
  const stripped = text.replace(/\*\*(.+?)\*\*/g, "$1");
  if (lead && lead[1]!.trim() !== "") return { text: stripped, boldLead: lead[1]!.trim() };
  return { text: stripped };
}

/** The whitespace policy described at the top of the file, applied to spaces only. */
export function normalizeSpaces(text: string): string {
  return text
    .replace(/ {2,}/g, " ")
    .replace(SPACE_HAN_DIGIT, "$1")
    .replace(SPACE_DIGIT_HAN, "$1")
    .replace(SPACE_AFTER_PUNCT, "$1")
    .replace(SPACE_BEFORE_PUNCT, "$1");
}

/**
 * Web-page lists OCR'd as tab rows often fuse the date column into the title cell
 * ("…示范线的建设 2018-01-04"); the space is the only trace of the column, so it
 * becomes a tab before the CJK–digit rule would erase it.
 */
const FUSED_TRAILING_DATE = /(\S) +(\d{4}-\d{1,2}-\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日)$/;

/** Normalize one line; tabs are kept because they separate table cells. */
export function normalizeLine(line: SourceLine): NormalizedLine {
  const hints: LineHints = {};
  let text = line.text.replace(ZERO_WIDTH, "").replace(WIDE_SPACES, " ");
  // Leading spaces are OCR indentation; a leading TAB is an empty first table cell and stays.
  text = text.replace(/^ +/, "").replace(/ +$/, "");
  if (text.trim() === "") return { n: line.n, text: "", hints };

  const heading = /^(#{1,6})[ \t]+/.exec(text);
  if (heading) {
    hints.markdownHeading = heading[1]!.length;
    text = text.slice(heading[0].length).replace(/[ \t]+#+$/, "");
  }
  text = unwrapLinks(unescapeMarkdown(text));
  const bold = stripBold(text);
  text = bold.text;
  if (bold.boldLead !== undefined) hints.boldLead = normalizeSpaces(bold.boldLead);
  // Pipe rows keep their cell padding; cleanCell tidies cells later.
  if (text.includes("\t")) text = text.replace(FUSED_TRAILING_DATE, "$1\t$2");
  text = text.trimStart().startsWith("|")
    ? text
        .split("|")
        .map((cell) => normalizeSpaces(cell))
        .join("|")
    : normalizeSpaces(text);
  return { n: line.n, text, hints };
}

export function normalizeLines(lines: SourceLine[]): NormalizedLine[] {
  return lines.map(normalizeLine);
}
