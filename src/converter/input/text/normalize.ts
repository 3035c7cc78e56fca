/**
 * Per-line normalisation of plain text, keeping every character's offset.
 *
 * OCR output and Markdown from PDF converters carry typesetting debris that is
 * not content: escaped underscores (nx\_zws), links and autolinks, bold
 * markers, heading hashes, full-width and zero-width spaces, and spaces the OCR
 * puts between Chinese characters and digits ("2017 年 1 月"). This removes the
 * debris but remembers what was a hint for structure: the Markdown heading
 * level and a bold lead-in such as **（一）完善工作机制。**. Text that is not
 * Markdown (crawler text, pdftotext) gets only the whitespace policy.
 *
 * Whitespace policy (the one place it is decided):
 * - spaces between a CJK character and a digit are OCR artefacts: removed ("2017 年" → "2017年");
 * - spaces next to full-width punctuation are never meaningful: removed ("。 2017年" → "。2017年");
 * - spaces between two CJK characters are KEPT: in these reports they separate a name from a
 *   title ("组长：刘斌 兴庆区委常委") or the parts of a letterhead — except in letter-spaced
 *   text of a page layout ("电 子 邮 箱"), where every character stands alone;
 * - spaces next to Latin words are KEPT ("PPP 项目", "QQ 群") — harmless, and joining them could fuse words;
 * - tabs are never touched: they separate table cells.
 */
import { EMPTY_TEXT, slice, sourceText } from "../../document/source-text.ts";
import type { SourceText } from "../../document/types.ts";
import { keepGroup, rewrite, TextBuilder, trimWith, type PhysicalLine } from "./source-edit.ts";

export interface LineHints {
  /** Level of a Markdown heading marker (# … ######) the OCR put on the line. */
  markdownHeading?: number;
  /** Text of a bold run that opens the line (**…**), markers removed. */
  boldLead?: string;
  /** Set by the noise pass on table rows whose twin rendering came from a web page. */
  screenshot?: boolean;
}

export interface NormalizedLine {
  n: number;
  text: SourceText;
  hints: LineHints;
}

export interface NormalizeOptions {
  /** Read Markdown debris (escapes, links, bold, heading hashes): OCR and PDF-converter text. */
  markdown: boolean;
  /** Close up letter-spaced runs ("电 子 邮 箱"): text laid out like a printed page. */
  letterSpacing?: boolean;
  /**
   * "policy": the whitespace policy above (spaces are artefacts of OCR or layout).
   * "fold": runs of spaces become one and nothing else — for a crawler's page text, whose
   * spaces stand where the page's elements met and are the only trace of its paragraphs.
   */
  spaces?: "policy" | "fold";
}

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const WIDE_SPACES = /[\u3000\u00a0\u2002-\u200a\u202f\u205f]/g;

/** CJK ideographs (incl. extension A and compatibility) — the script of the reports. */
export const HAN = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff";
/** Full-width punctuation and forms: 、。〈〉《》「」【】〔〕，：；（）！？ quotes, dashes, ellipsis, middle dot. */
export const WIDE_PUNCT =
  "\\u3001-\\u303f\\uff01-\\uff0f\\uff1a-\\uff20\\uff3b-\\uff40\\uff5b-\\uff65\\u2014\\u2015\\u2018\\u2019\\u201c\\u201d\\u2026\\u00b7";

const RUN_OF_SPACES = / {2,}/g;
/** Four or more single CJK characters or marks, each standing alone between single spaces. */
const LETTER_SPACED = new RegExp(`(?<=^|\\s)[${HAN}${WIDE_PUNCT}](?: [${HAN}${WIDE_PUNCT}]){3,}(?=\\s|$)`, "g");

/** What the whitespace policy asks of the characters on either side of a space. */
const IS_HAN = 1;
const IS_DIGIT = 2;
const IS_WIDE_PUNCT = 4;
/** Latin letters, digits and "(": what a space after full-width punctuation may stand before and still go. */
const IS_OPENING = 8;
/** Latin letters, digits and ")": what a space before full-width punctuation may stand after and still go. */
const IS_CLOSING = 16;
const KNOWN = 0x80;
const HAN_CHARACTER = new RegExp(`[${HAN}]`);
const WIDE_PUNCT_CHARACTER = new RegExp(`[${WIDE_PUNCT}]`);
/** Per code unit, its classes (with KNOWN once looked at): each distinct character is tested once. */
const NEIGHBOUR_CLASSES = new Uint8Array(0x10000);

function neighbourClasses(code: number): number {
  let classes = NEIGHBOUR_CLASSES[code]!;
  if (classes === 0) {
    const character = String.fromCharCode(code);
    const latinOrDigit = /[A-Za-z0-9]/.test(character);
    classes =
      KNOWN |
      (HAN_CHARACTER.test(character) ? IS_HAN : 0) |
      (/\d/.test(character) ? IS_DIGIT : 0) |
      (WIDE_PUNCT_CHARACTER.test(character) ? IS_WIDE_PUNCT : 0) |
      (latinOrDigit || character === "(" ? IS_OPENING : 0) |
      (latinOrDigit || character === ")" ? IS_CLOSING : 0);
    NEIGHBOUR_CLASSES[code] = classes;
  }
  return classes;
}

/**
 * Whether the policy removes a space between characters of classes `before`
 * and `after` (0 at the edge of the text): CJK–digit, digit–CJK, after
 * full-width punctuation (before CJK, punctuation, Latin, digits, "("), and
 * before full-width punctuation (after CJK, punctuation, Latin, digits, ")").
 */
function spaceGoes(before: number, after: number): boolean {
  return (
    (before & IS_HAN && after & IS_DIGIT) ||
    (before & IS_DIGIT && after & IS_HAN) ||
    (before & IS_WIDE_PUNCT && after & (IS_HAN | IS_WIDE_PUNCT | IS_OPENING)) ||
    (before & (IS_HAN | IS_WIDE_PUNCT | IS_CLOSING) && after & IS_WIDE_PUNCT)
  ) !== 0;
}

/**
 * The whitespace policy described at the top of the file, applied to spaces
 * only: a run of spaces becomes its first space, which goes where the policy
 * says so. One pass: once runs are single spaces, each space's neighbours are
 * characters no other removal touches, so the rules can be applied together.
 */
export function normalizeSpacesOf(text: SourceText): SourceText {
  const raw = text.text;
  if (!raw.includes(" ")) return text;
  let out: TextBuilder | null = null;
  let keptUpTo = 0;
  for (let i = raw.indexOf(" "); i >= 0; i = raw.indexOf(" ", i)) {
    let end = i + 1;
    while (end < raw.length && raw.charCodeAt(end) === 0x20) end++;
    const before = i > 0 ? neighbourClasses(raw.charCodeAt(i - 1)) : 0;
    const after = end < raw.length ? neighbourClasses(raw.charCodeAt(end)) : 0;
    const goes = spaceGoes(before, after);
    if (goes || end - i > 1) {
      out ??= new TextBuilder(raw.length);
      out.keep(text, keptUpTo, goes ? i : i + 1);
      keptUpTo = end;
    }
    i = end;
  }
  if (!out) return text;
  out.keep(text, keptUpTo);
  return out.build();
}

export function normalizeSpaces(text: string): string {
  return normalizeSpacesOf(sourceText(text, 0)).text;
}

/** "电 子 邮 箱" → "电子邮箱": a page layout that spreads a line to the margins. */
export function closeLetterSpacing(text: SourceText): SourceText {
  return rewrite(text, LETTER_SPACED, (m) => {
    const pieces: { from: number; to: number }[] = [];
    for (let i = m.index; i < m.index + m[0].length; i += 2) pieces.push({ from: i, to: i + 1 });
    return pieces;
  });
}

/** Backslash escapes the OCR wrote for Markdown (nx\_zws, nx\\_zws, \*, \#). */
function unescapeMarkdown(text: SourceText): SourceText {
  if (!text.text.includes("\\")) return text;
  return keepGroup(text, MARKDOWN_ESCAPE, 1);
}

const MARKDOWN_ESCAPE = /\\+([!-/:-@[-`{-~])/g;
const AUTOLINK = /<((?:https?|ftp):\/\/[^\s<>]+)>/gi;
const MAILTO_AUTOLINK = /<mailto:([^\s<>]+)>/gi;
const EMAIL_AUTOLINK = /<([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})>/g;
const BOLD = /\*\*(.+?)\*\*/g;
const MARKDOWN_LINK = /\[([^[\]\n]*)\]\(\s*([^()\s]*(?:\([^()\s]*\)[^()\s]*)*)\s*\)/g;

/** [text](url) → text, but a mailto link yields its address; <http://…> and <mailto:…> → the address. */
function unwrapLinks(text: SourceText): SourceText {
  // Every link has a bracket of one kind or the other.
  if (!text.text.includes("[") && !text.text.includes("<")) return text;
  let out = rewrite(text, MARKDOWN_LINK, (m) => {
    const label = m[1]!;
    const url = m[2]!;
    const urlAt = m.indices![2]!;
    if (/^mailto:/i.test(url)) return label.includes("@") ? [1] : [{ from: urlAt[0] + "mailto:".length, to: urlAt[1] }];
    return label.trim() !== "" ? [1] : [2];
  });
  out = keepGroup(out, AUTOLINK, 1);
  out = keepGroup(out, MAILTO_AUTOLINK, 1);
  return keepGroup(out, EMAIL_AUTOLINK, 1);
}

/** A bold run at the start of the line is a lead-in; every other ** pair is just removed. */
function stripBold(text: SourceText): { text: SourceText; boldLead?: string } {
  if (!text.text.includes("**")) return { text };
  const lead = /^\*\*(.+?)\*\*/.exec(text.text);
  const stripped = keepGroup(text, BOLD, 1);
  if (lead && lead[1]!.trim() !== "") return { text: stripped, boldLead: lead[1]!.trim() };
  return { text: stripped };
}

/**
 * Web-page lists OCR'd as tab rows often fuse the date column into the title cell
 * ("…示范线的建设 2018-01-04"); the space is the only trace of the column, so it
 * becomes a tab before the CJK–digit rule would erase it.
 */
const FUSED_TRAILING_DATE = /(\S) +(\d{4}-\d{1,2}-\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日)$/;

/** Zero-width characters dropped and exotic spaces made plain: the first step for every form. */
export function plainSpaces(text: SourceText): SourceText {
  let out = text;
  if (/[\u200b-\u200d\u2060\ufeff\u00ad]/.test(out.text)) out = rewrite(out, ZERO_WIDTH, () => []);
  if (/[\u3000\u00a0\u2002-\u200a\u202f\u205f]/.test(out.text)) out = rewrite(out, WIDE_SPACES, () => [" "]);
  return out;
}

/** The whitespace policy inside each cell of a pipe row; the pipes and the cells' padding stay. */
function normalizeCellsOf(text: SourceText): SourceText {
  if (!text.text.includes(" ")) return text;
  const out = new TextBuilder(text.text.length);
  let from = 0;
  for (let i = 0; i <= text.text.length; i++) {
    if (i < text.text.length && text.text[i] !== "|") continue;
    out.keep(normalizeSpacesOf(slice(text, from, i)));
    if (i < text.text.length) out.keep(text, i, i + 1);
    from = i + 1;
  }
  return out.build();
}

/** Normalise one line; tabs are kept because they separate table cells. */
export function normalizeLine(line: PhysicalLine, options: NormalizeOptions = { markdown: true }): NormalizedLine {
  const hints: LineHints = {};
  let text = plainSpaces(line.text);
  // Leading spaces are indentation; a leading TAB is an empty first table cell and stays.
  text = trimWith(text, " ");
  if (text.text.trim() === "") return { n: line.n, text: EMPTY_TEXT, hints };

  if (options.markdown) {
    const heading = /^(#{1,6})[ \t]+/.exec(text.text);
    if (heading) {
      hints.markdownHeading = heading[1]!.length;
      text = rewrite(text, /^#{1,6}[ \t]+|[ \t]+#+$/g, () => []);
    }
    text = unwrapLinks(unescapeMarkdown(text));
    const bold = stripBold(text);
    text = bold.text;
    if (bold.boldLead !== undefined) hints.boldLead = normalizeSpaces(bold.boldLead);
  }
  if (options.letterSpacing) text = closeLetterSpacing(text);
  if (text.text.includes("\t")) text = rewrite(text, FUSED_TRAILING_DATE, (m) => [1, { write: "\t", at: m.indices![1]![1] }, 2]);
  // Pipe rows keep their cell padding; cleanCell tidies cells later.
  if (options.spaces === "fold") text = rewrite(text, RUN_OF_SPACES, (m) => [{ from: m.index, to: m.index + 1 }]);
  else text = text.text.trimStart().startsWith("|") ? normalizeCellsOf(text) : normalizeSpacesOf(text);
  return { n: line.n, text, hints };
}
