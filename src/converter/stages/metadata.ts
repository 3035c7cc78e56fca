/**
 * What the report says about itself: title, year, owner (the government or
 * department that publishes it) and, from there, its jurisdiction,
 * department and id; publisher, publication date, statistical period,
 * coverage, website and contact details.
 *
 * Sources, in order of authority:
 * - the page's own metadata (PageMetadata: a crawler's 标题/发布时间, a page's
 *   ArticleTitle/PubDate/名称/公开日期): the title as published and the date;
 * - the report's opening lines: its title (one line, two lines, or the start
 *   of the first paragraph) and the fixed formulas these reports use:
 *     本报告由<publisher>汇总<coverage>政府信息公开工作情况编制而成，
 *     所列政府信息公开数据统计期限为<start>至<end>。本报告电子版可在<site>查阅或下载。
 *     （地址：…；邮编：…；电话：…；传真：…；电子邮箱：…）
 * - the signature at the end (publisher and date).
 *
 * Lines of the body are the document's blocks in order (tables left out);
 * every line is read through the same cleaning: invisible format characters
 * dropped, Markdown markers dropped, and the spaces a layout puts between
 * Chinese characters, digits and full-width punctuation removed
 * ("2023 年" → "2023年", "洪 泽 区" → "洪泽区").
 */
import type { Contact, Department, Diagnostic, Jurisdiction } from "../../schema/report.ts";
import { lineIndexOf, rangeOf, replaceChars, slice, trim } from "../document/source-text.ts";
import type { SourceDocument, SourceText } from "../document/types.ts";
import { ConversionError } from "../errors.ts";
import { comparableTitle, displayText, reportIdOf } from "../identity.ts";
import { resolveOwner, splitDepartment } from "./department.ts";
import { editDistance } from "../edit-distance.ts";

export type ReportContact = Contact;

export interface TextRange {
  start: number;
  end: number;
}

export interface ReportMetadata {
  /** The title as published: the page's own title when it has one, else the body's. */
  title: string;
  /** Document offsets of the title in the body, so the body does not print it twice; null when the body does not print it. */
  titleRange: TextRange | null;
  year: number;
  /** The owner as the title (or the opening formula) names it: 石嘴山市大武口区, 平潭县人民政府, 沭阳县发展和改革局. */
  ownerName: string;
  jurisdiction: Jurisdiction;
  department: Department | null;
  /** `<jurisdiction id>[-<department slug>]-<year>`. */
  id: string;
  publisher: string | null;
  publishedOn: string | null;
  period: { start: string; end: string } | null;
  coverage: string | null;
  website: string | null;
  contact: ReportContact;
  /** The page's own address, when the source gives it. */
  url: string | null;
  /** Warnings about the identity: an unresolved, ambiguous or corrected jurisdiction, an unknown department. */
  diagnostics: Diagnostic[];
}

export interface MetadataOptions {
  /** Document offsets of the statistics tables: their lines are neither title, formula nor signature. */
  statisticsRanges: readonly TextRange[];
}

// ---------------------------------------------------------------- lines

const HAN = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\u3007";
/** Full-width punctuation and forms: 、。〈〉《》「」【】〔〕，：；（）！？ quotes, dashes, ellipsis, middle dot. */
const WIDE_PUNCT = "\\u3001-\\u3006\\u3008-\\u303f\\uff01-\\uff0f\\uff1a-\\uff20\\uff3b-\\uff40\\uff5b-\\uff65\\u2014\\u2015\\u2018\\u2019\\u201c\\u201d\\u2026\\u00b7";

const FORMAT_CHARACTERS = /\p{Cf}/u;
const WIDE_SPACES = /[\t\u3000\u00a0\u2002-\u200a\u202f\u205f]/;
/** A Markdown heading marker at the start, bold markers anywhere. */
const MARKDOWN = /^ *#{1,6}(?= )|\*\*/;
/** Labels a page or a capture tool puts before a title. */
const TITLE_LABEL = /^(?:标题|名称|题名|文章标题)\s*[:：]?\s*/;
const LAYOUT_SPACES = new RegExp(`(?<=[${HAN}\\d]) +(?=[${HAN}])|(?<=[${HAN}]) +(?=\\d)|(?<=[${WIDE_PUNCT}]) +| +(?=[${WIDE_PUNCT}])`);

/** replaceChars, without copying a text it leaves as it is (most lines). */
function edit(source: SourceText, pattern: RegExp, replacement: "" | " "): SourceText {
  return pattern.test(source.text) ? replaceChars(source, pattern, replacement) : source;
}

/** The cleaning every line goes through; offsets are kept for the characters that stay. */
function cleanText(source: SourceText): SourceText {
  let text = edit(source, FORMAT_CHARACTERS, "");
  text = edit(text, WIDE_SPACES, " ");
  text = edit(text, MARKDOWN, "");
  // The last two rules are about ASCII spaces: a line without one skips them.
  if (text.text.includes(" ")) text = edit(text, / {2,}/, " ");
  text = trim(text);
  return text.text.includes(" ") ? edit(text, LAYOUT_SPACES, "") : text;
}

const FULL_WIDTH_DIGIT = /[０-９]/g;

/** Full-width digits as ASCII (２０２３ → 2023), one character for one, so positions stay. */
function asciiDigits(text: string): string {
  FULL_WIDTH_DIGIT.lastIndex = 0;
  if (!FULL_WIDTH_DIGIT.test(text)) return text;
  return text.replace(FULL_WIDTH_DIGIT, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Backslash escapes (nx\_zws), [text](url) links and <autolinks> of Markdown text, for the formulas. */
function plainText(text: string): string {
  let plain = asciiDigits(text);
  // Each rule needs its opening character.
  if (plain.includes("\\")) plain = plain.replace(/\\+([!-/:-@[-`{-~])/g, "$1");
  if (plain.includes("[")) {
    plain = plain.replace(/\[([^[\]\n]*)\]\(\s*([^()\s]*(?:\([^()\s]*\)[^()\s]*)*)\s*\)/g, (_m, label: string, url: string) => {
      if (/^mailto:/i.test(url)) return label.includes("@") ? label : url.replace(/^mailto:/i, "");
      return label.trim() !== "" ? label : url;
    });
  }
  if (!plain.includes("<")) return plain;
  return plain
    .replace(/<((?:https?|ftp):\/\/[^\s<>]+)>/gi, "$1")
    .replace(/<mailto:([^\s<>]+)>/gi, "$1")
    .replace(/<([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})>/g, "$1");
}

interface Line {
  source: SourceText;
  text: string;
  /** One physical line of a page: the paragraph may go on in the next line. */
  wrapped: boolean;
}

function inRanges(source: SourceText, ranges: readonly TextRange[]): boolean {
  const at = source.offsets[0];
  return at !== undefined && ranges.some((r) => at >= r.start && at < r.end);
}

/**
 * The body's lines in order, without tables and statistics, blank lines
 * dropped; cleaned only when asked for, as the stage reads the opening and
 * the end of a report and its middle only in rare cases.
 */
class BodyLines {
  private readonly raw: { text: SourceText; wrapped: boolean }[] = [];
  private readonly cleaned = new Map<number, Line | null>();

  constructor(document: SourceDocument, ranges: readonly TextRange[]) {
    for (const block of document.blocks) {
      if (block.kind === "table") continue;
      for (const text of block.kind === "list" ? block.items : [block.text]) {
        if (!inRanges(text, ranges)) this.raw.push({ text, wrapped: block.hints.wrapped === true });
      }
    }
  }

  private at(index: number): Line | null {
    let line = this.cleaned.get(index);
    if (line === undefined) {
      const { text, wrapped } = this.raw[index]!;
      const source = cleanText(text);
      line = source.text === "" ? null : { source, text: plainText(source.text), wrapped };
      this.cleaned.set(index, line);
    }
    return line;
  }

  /** The first `count` lines. */
  first(count: number): Line[] {
    const lines: Line[] = [];
    for (let i = 0; i < this.raw.length && lines.length < count; i++) {
      const line = this.at(i);
      if (line) lines.push(line);
    }
    return lines;
  }

  /** The last `count` lines, in order. */
  last(count: number): Line[] {
    const lines: Line[] = [];
    for (let i = this.raw.length - 1; i >= 0 && lines.length < count; i--) {
      const line = this.at(i);
      if (line) lines.unshift(line);
    }
    return lines;
  }

  all(): Line[] {
    return this.first(this.raw.length);
  }
}

/** Lines as running text: a wrapped line runs on into the next one, other lines end with a line break. */
function flowing(lines: readonly Line[]): string {
  let text = "";
  lines.forEach((line, i) => {
    if (i > 0) text += line.wrapped && lines[i - 1]!.wrapped ? "" : "\n";
    text += line.text;
  });
  return text;
}

// ---------------------------------------------------------------- dates and years

const CN_NUMERAL: Readonly<Record<string, number>> = {
  "〇": 0, "○": 0, "零": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
};
const CN_DIGIT = "〇○零ＯO一二三四五六七八九";
/** 2025, 二〇二五. */
const YEAR_NUMBER = `20\\d{2}|二[〇○零ＯO][${CN_DIGIT}]{2}`;
const YEAR = new RegExp(`(${YEAR_NUMBER})\\s*年(?:度)?`);

/** "2025" or "二〇二五" → 2025. */
function yearNumber(text: string): number {
  return /^\d{4}$/.test(text) ? Number(text) : Number([...text].map((c) => CN_NUMERAL[c]).join(""));
}

/** 一 … 三十一 → 1 … 31; null when not a numeral of that shape. */
function smallNumber(text: string): number | null {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const m = /^([二三])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!m || text === "") return null;
  if (!m[2]) return m[1] || !m[3] ? null : CN_NUMERAL[m[3]]!;
  return (m[1] ? CN_NUMERAL[m[1]]! : 1) * 10 + (m[3] ? CN_NUMERAL[m[3]]! : 0);
}

const CN_DATE = new RegExp(`(${YEAR_NUMBER})\\s*年\\s*(\\d{1,2}|[一二三十]{1,3})\\s*月\\s*(\\d{1,2}|[一二三十四五六七八九]{1,3})\\s*日`);
const ISO_DATE = /(\d{4})[-./](\d{1,2})[-./](\d{1,2})/;

function isoDate(year: number, month: number | null, day: number | null): string | null {
  if (month === null || day === null || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null; // 2月30日
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function dateOf(m: RegExpExecArray, at = 1): string | null {
  return isoDate(yearNumber(m[at]!), smallNumber(m[at + 1]!), smallNumber(m[at + 2]!));
}

/** "2018年1月22日", "二〇一八年一月二十二日" or "2018-01-22" → "2018-01-22"; null when the text is not exactly a date. */
export function parseDateLine(text: string): string | null {
  const t = text.trim();
  const cn = new RegExp(`^${CN_DATE.source}$`).exec(t);
  if (cn) return dateOf(cn);
  const iso = new RegExp(`^${ISO_DATE.source}$`).exec(t);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return null;
}

// ---------------------------------------------------------------- title

/** The report's name: 政府信息公开工作年度报告, 信息公开年度报告, 政府信息公开年报, 政府信息公开工作2023年度报告 …. */
const TITLE_WORDS = new RegExp(
  `(?:政府)?信息公开(?:工作)?(?:年度报告|年报)|政府信息公开(?:工作)?(?:\\s*(?:${YEAR_NUMBER})\\s*年)?(?:年?度)?(?:工作)?(?:报告|年报)|政务公开工作年度报告`,
);
/** After the title: what a page or capture tool appends (…年度报告-沭阳县发改局, …年度报告_政府信息公开年报_…). */
const SITE_SUFFIX = /^\s*[-_|｜—–]/;

function hasYear(text: string): boolean {
  return YEAR.test(asciiDigits(text));
}

function isTitleLike(text: string, needsYear: boolean): boolean {
  return TITLE_WORDS.test(asciiDigits(text)) && (!needsYear || hasYear(text)) && text.length <= 60 && !/[，。；：:！？]/.test(text);
}

/** The page's title without a label before it or a site name after it. */
function cleanPageTitle(title: SourceText): string {
  const text = cleanText(replaceChars(title, TITLE_LABEL, "")).text;
  let end = text.length;
  for (const m of text.matchAll(new RegExp(TITLE_WORDS.source, "g"))) {
    if (SITE_SUFFIX.test(text.slice(m.index + m[0].length))) {
      end = m.index + m[0].length;
      break;
    }
  }
  return text.slice(0, end);
}

interface TitleCandidate {
  text: string;
  range: TextRange;
  /** Index of the line it starts on. */
  line: number;
  /** Printed after a label (名称 …): a row of the page's metadata table rather than the body's own title. */
  labelled: boolean;
}

/** A line that is only a year, in brackets or not: （2023年度）. */
const YEAR_LINE = new RegExp(`^[(（]?\\s*(?:${YEAR_NUMBER})\\s*年度?\\s*[)）]?$`);

/** Whether a line can be the owner line above a title that starts with its year (洪泽区人民政府 / 2023 年政府信息公开工作年度报告). */
const OWNER_LINE = /(?:人民政府|政府|管委会|管理委员会|局|委员会|委|办公室|厅|区|县|市|旗|州|盟)$/;

function rangeOfLine(source: SourceText): TextRange {
  return rangeOf(source, 0, source.text.length);
}

function joinRanges(a: TextRange, b: TextRange): TextRange {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

/**
 * Titles the opening lines print: a whole line; two lines (the owner above a
 * title that starts with its year, or a title that runs over a line); the
 * start of a line that goes on with the report's first sentence.
 */
function titleCandidates(lines: readonly Line[]): TitleCandidate[] {
  const candidates: TitleCandidate[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = edit(lines[i]!.source, TITLE_LABEL, "");
    const labelled = line.text !== lines[i]!.source.text;
    const text = line.text;
    const next = i + 1 < lines.length ? edit(lines[i + 1]!.source, TITLE_LABEL, "") : null;
    if (isTitleLike(text, false)) {
      const previous = i > 0 ? lines[i - 1]!.source : null;
      const startsWithYear = YEAR.exec(asciiDigits(text))?.index === 0;
      if (startsWithYear && previous && previous.text.length <= 30 && OWNER_LINE.test(previous.text) && !/[，。；：:！？\d]/.test(previous.text)) {
        candidates.push({ text: previous.text + text, range: joinRanges(rangeOfLine(previous), rangeOfLine(line)), line: i - 1, labelled: false });
      }
      // XX县政府信息公开工作年度报告 / （2023年度）: the year under the title.
      if (next && !hasYear(text) && YEAR_LINE.test(asciiDigits(next.text))) {
        candidates.push({ text: text + next.text, range: joinRanges(rangeOfLine(line), rangeOfLine(next)), line: i, labelled });
      }
      candidates.push({ text, range: rangeOfLine(line), line: i, labelled });
      continue;
    }
    if (next && !TITLE_WORDS.test(text) && !isTitleLike(next.text, false) && isTitleLike(text + next.text, false) && next.text.length <= 20) {
      candidates.push({ text: text + next.text, range: joinRanges(rangeOfLine(line), rangeOfLine(next)), line: i, labelled });
      continue;
    }
    // The title at the start of a line that goes on after a space with the report's first sentence.
    const words = TITLE_WORDS.exec(text);
    if (words) {
      const end = words.index + words[0].length;
      const gap = end < text.length && line.offsets[end]! - line.offsets[end - 1]! > 1;
      const prefix = slice(line, 0, end);
      if (gap && isTitleLike(prefix.text, false)) candidates.push({ text: prefix.text, range: rangeOfLine(prefix), line: i, labelled });
    }
  }
  return candidates;
}

/** The title quoted in the opening formula: 《中卫市 2017 年政府信息公开工作年度报告》经中卫市人民政府同意. */
function quotedTitle(lines: readonly Line[]): string | null {
  for (const line of lines) {
    for (const m of line.text.matchAll(/《([^《》]{4,60})》/g)) {
      if (isTitleLike(m[1]!, true)) return m[1]!;
    }
  }
  return null;
}


/** The body's printing of the page's title: the same title, or one a few characters off (年度 for 年, 管委会 left out). */
function bodyTitleOf(pageTitle: string, candidates: readonly TitleCandidate[]): TitleCandidate | null {
  const key = comparableTitle(pageTitle);
  const year = YEAR.exec(asciiDigits(pageTitle))?.[1];
  const ordered = [...candidates.filter((c) => !c.labelled), ...candidates.filter((c) => c.labelled)];
  return (
    ordered.find((c) => comparableTitle(c.text) === key) ??
    ordered.find((c) => YEAR.exec(asciiDigits(c.text))?.[1] === year && editDistance(comparableTitle(c.text), key) <= 4) ??
    null
  );
}

const OPENING_LINES = 20;
/** How far down a body may print the title the page gives (after what the adapter left of the site). */
const PAGE_TITLE_SEARCH = 40;

/** @param lines the body's first lines (PAGE_TITLE_SEARCH of them) */
function findTitle(document: SourceDocument, lines: readonly Line[]): { title: string; range: TextRange | null } | null {
  const page = document.metadata.title ? cleanPageTitle(document.metadata.title) : "";
  const pageTitleLike = page !== "" && isTitleLike(page, false);
  const candidates = titleCandidates(lines);
  const opening = candidates.filter((c) => c.line < OPENING_LINES);
  const withYear = opening.find((c) => hasYear(c.text));
  if (pageTitleLike && (hasYear(page) || !withYear)) {
    const printed = bodyTitleOf(page, candidates);
    return { title: displayText(page), range: printed?.range ?? null };
  }
  if (withYear) return { title: displayText(withYear.text), range: withYear.range };
  const quoted = quotedTitle(lines);
  if (quoted) return { title: displayText(quoted), range: null };
  const first = opening[0];
  return first ? { title: displayText(first.text), range: first.range } : null;
}

// ---------------------------------------------------------------- year

/** "…现公布2011年度政府信息公开年度报告", "2018年，红寺堡区各级行政机关…": the year the opening reports on. */
function yearFromOpening(opening: string, lines: readonly Line[]): number | null {
  const named = new RegExp(`(${YEAR_NUMBER})\\s*年度?[^，。；！？\\n]{0,25}?信息公开(?:工作)?(?:年度)?(?:报告|年报)`).exec(opening);
  if (named) return yearNumber(named[1]!);
  // At the start of a line: wrapped lines run together in `opening`, and a paragraph may begin on any of them.
  const paragraph = new RegExp(`^(${YEAR_NUMBER})\\s*年度?(?:，|,|以来)`);
  for (const line of lines) {
    const m = paragraph.exec(line.text);
    if (m) return yearNumber(m[1]!);
  }
  return null;
}

// ---------------------------------------------------------------- owner

/** Without a 关于 the title may put around the owner (XX县人民政府关于2023年…). */
function tidyOwner(text: string): string {
  return text.trim().replace(/^关于|关于$/g, "");
}

/**
 * The owner the title names: before the year or the report's name, whichever
 * comes first ("石嘴山市大武口区2017年…", "红寺堡区政府信息公开工作年度报告",
 * "XX市政府信息公开工作2023年度报告"); in a title that starts with its year,
 * between the year and the report's name ("2024年上海市科委政府信息公开工作年度报告").
 */
function ownerFromTitle(title: string): string | null {
  const year = YEAR.exec(title);
  const words = TITLE_WORDS.exec(title);
  const before = (end: number, name: RegExpExecArray | null, text: string) => {
    const owner = tidyOwner(text.slice(0, end));
    // 红寺堡区人民政府信息公开年度报告: the report's name took 政府 from 人民政府.
    return name && name.index === end && owner.endsWith("人民") && name[0].startsWith("政府") ? `${owner}政府` : owner;
  };
  const cut = Math.min(year?.index ?? Infinity, words?.index ?? Infinity);
  if (cut === Infinity) return null;
  const owner = before(cut, words, title);
  if (owner.length >= 2) return owner;
  if (!year || year.index !== cut) return null;
  const rest = title.slice(year.index + year[0].length);
  const restWords = TITLE_WORDS.exec(rest);
  const between = restWords ? before(restWords.index, restWords, rest) : "";
  return between.length >= 2 ? between : null;
}

/** "本报告由大武口区人民政府办公室汇总…", "经中卫市人民政府同意", "本报告由平潭综合实验区管委会办公室根据…". */
function ownersFromBody(opening: string): string[] {
  const owners: string[] = [];
  const government = /(?:本报告由|经)([\u4e00-\u9fff]{2,20}?人民政府)/.exec(opening);
  if (government) owners.push(government[1]!);
  const body = /本报告由([\u4e00-\u9fff]{2,30}?(?:管委会|管理委员会|委员会|局))(?:办公室)?(?:根据|汇总|编制|[，,])/.exec(opening);
  if (body) owners.push(body[1]!);
  return owners;
}

// ---------------------------------------------------------------- the opening formulas

const ORGANISATION = /(?:人民政府|政府|办公室|办公厅|委员会|管委会|局|中心)$/;

function publisherFrom(text: string): string | null {
  const m = /本报告由([^，,。；\n]{2,40}?)(?:汇总|[，,]|根据|编制)/.exec(text);
  const publisher = m ? m[1]!.trim() : null;
  return publisher && ORGANISATION.test(publisher) ? publisher : null;
}

const PERIOD = new RegExp(
  `统计(?:期限|时限|区间|时间)(?:为|是|：|:|自|从|\\s)*${CN_DATE.source}\\s*(?:起)?\\s*(?:至|到|—|-|~|～)\\s*${CN_DATE.source}`,
);

function periodFrom(text: string): { start: string; end: string } | null {
  const m = PERIOD.exec(text);
  if (!m) return null;
  const start = dateOf(m, 1);
  const end = dateOf(m, 4);
  return start && end ? { start, end } : null;
}

/** "汇总大武口区22个区直部门、星海镇、10个街道办事处政府信息公开工作情况" → the listed units. */
function coverageFrom(text: string, ownNames: readonly string[]): string | null {
  const m = /汇总(.+?)(?:的)?政府信息公开(?:工作)?情况/.exec(text);
  if (!m) return null;
  let units = m[1]!.trim();
  // "大武口区22个区直部门…": the government's own name in front of the list is not a unit.
  const names = ownNames.flatMap((name) => [name, name.replace(/^.*?(?:省|自治区|市)(?=.+)/, "")]).filter((n) => n.length >= 2);
  for (const name of names) {
    if (units.startsWith(name) && !/^(?:人民政府|政府)/.test(units.slice(name.length))) {
      units = units.slice(name.length);
      break;
    }
  }
  return units === "" ? null : units;
}

const URL = /(?:https?:\/\/|www\.)[A-Za-z0-9.-]+\.[A-Za-z]{2,}(?::\d+)?(?:\/[A-Za-z0-9._~%/?#=&+-]*)?/i;

/** "WWW.nxpl.gov.cn" → "http://www.nxpl.gov.cn"; scheme and host lower-cased, path kept. */
export function normalizeWebsite(raw: string): string {
  const withScheme = /^https?:\/\//i.test(raw) ? raw : `http://${raw}`;
  return withScheme.replace(/^(https?:\/\/)([^/]+)/i, (_m, scheme: string, host: string) => `${scheme.toLowerCase()}${host.toLowerCase()}`);
}

function websiteFrom(lines: readonly string[]): string | null {
  const preferred = lines.find((t) => /电子版|门户网站|政府网站/.test(t) && URL.test(t));
  const any = preferred ?? lines.find((t) => URL.test(t));
  const m = any ? URL.exec(any) : null;
  return m ? normalizeWebsite(m[0]) : null;
}

// ---------------------------------------------------------------- contact

const DASHES = /[—–－‐‑―~～]+/g;
const FIELD_END = /[；;（()）。]|(?:地址|邮编|邮政编码|电话|联系电话|传真|电子邮箱|邮箱|E-?mail)\s*[:：]/i;

/** The text after "label：" up to the next field or a closing punctuation mark. */
function field(text: string, labels: string): string | null {
  const m = new RegExp(`(?:${labels})\\s*[:：]?\\s*`).exec(text);
  if (!m) return null;
  const rest = text.slice(m.index + m[0].length);
  const end = FIELD_END.exec(rest);
  const value = (end ? rest.slice(0, end.index) : rest).replace(/[，,、\s]+$/, "").trim();
  return value === "" ? null : value;
}

/**
 * "0952—2021076" → ["0952-2021076"]; "0951—6722118，6720816" → ["0951-6722118", "0951-6720816"]
 * (a number written without an area code shares the previous one); mobiles kept whole.
 */
export function parsePhones(raw: string): string[] {
  const text = raw.replace(DASHES, "-");
  const phones: string[] = [];
  let areaCode: string | null = null;
  for (const m of text.matchAll(/(?:[（(]?(0\d{2,3})[）)]?\s*-?\s*)?(\d{7,8})(?!\d)|(1[3-9]\d{9})(?!\d)/g)) {
    if (m[3]) {
      phones.push(m[3]);
      continue;
    }
    if (m[1]) areaCode = m[1];
    phones.push(areaCode ? `${areaCode}-${m[2]}` : m[2]!);
  }
  return [...new Set(phones)];
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;

function contactFrom(lines: readonly string[]): ReportContact {
  const at = lines.findIndex((t) => /邮编|电话|传真|邮箱/.test(t) && /\d{5,}/.test(t));
  // A line that ends on a label ("电子邮箱：") goes on in the next one.
  const found = at < 0 ? "" : /[:：]$/.test(lines[at]!) ? `${lines[at]}${lines[at + 1] ?? ""}` : lines[at]!;
  // "（0951）6722118": an area code in brackets is not the end of the field.
  const line = found.replace(/[（(](0\d{2,3})[）)]\s*/g, "$1-");
  const address = field(line, "地址");
  const postcode = /(?:邮编|邮政编码)\s*[:：]?\s*(\d{6})(?!\d)/.exec(line)?.[1] ?? null;
  // 电话/传真：0591-23165370 — one number for both.
  const shared = field(line, "电话\\s*[/／、及]\\s*传真");
  const phone = shared ?? field(line, "联系电话|电话");
  const fax = shared ?? field(line, "传真");
  const email = EMAIL.exec(field(line, "电子邮箱|邮箱|E-?mail") ?? line)?.[0] ?? null;
  return {
    address: address ? address.replace(/\s+/g, "") : null,
    postcode,
    phones: phone ? parsePhones(phone) : [],
    fax: fax ? parsePhones(fax) : [],
    email,
  };
}

// ---------------------------------------------------------------- signature and date

const SIGNER = /(?:人民政府|政府|办公室|办公厅|委员会|管委会|局|中心)(?:（代章）|\(代章\))?$/;
/** What may follow the signature: the 附件 heading, the statistics table's title, the table. */
const TRAILER = /^附件|统计表|^[(（]\s*\d{4}\s*年度?\s*[)）]$/;

/**
 * The report's own date is the date line under the signature at the END of the
 * report (before any attachment); a dated signature inside an embedded document
 * (e.g. a notice "…办公室（代章）/ 2017年12月6日") is followed by more report text.
 * A page that right-aligns both puts them on one line: 大武口区人民政府办公室 2018年1月22日.
 */
function signatureAtEnd(lines: readonly Line[]): { publisher: string | null; date: string | null } {
  let i = lines.length - 1;
  while (i >= 0 && TRAILER.test(lines[i]!.text)) i--;
  const last = lines[i]?.text ?? "";
  const withSigner = new RegExp(`^(.{2,30}?(?:人民政府|政府|办公室|办公厅|委员会|管委会|局|中心))(?:（代章）|\\(代章\\))?\\s*(${CN_DATE.source}|${ISO_DATE.source})$`).exec(last);
  const date = parseDateLine(last) ?? (withSigner ? parseDateLine(withSigner[2]!) : null);
  if (!date) return { publisher: null, date: null };
  const signer = withSigner ? withSigner[1]! : (lines[i - 1]?.text ?? "");
  const publisher = SIGNER.test(signer) && signer.length <= 30 ? signer.replace(/（代章）|\(代章\)/, "") : null;
  return { publisher, date };
}

// ---------------------------------------------------------------- entry point

const OPENING_FORMULA_LINES = 30;
/** The signature, the attachment heading and the statistics table's title stand within the last lines. */
const SIGNATURE_LINES = 12;
/** Crawler text may hold a whole report on one line: the opening is its start. */
const OPENING_CHARACTERS = 3000;

export function extractMetadata(document: SourceDocument, options: MetadataOptions): ReportMetadata {
  const { file } = document;
  const body = new BodyLines(document, options.statisticsRanges);
  const lines = body.first(PAGE_TITLE_SEARCH);
  const found = findTitle(document, lines);
  if (!found) throw new ConversionError("missing_title", file);
  const title = found.title;

  const openingLines = lines.slice(0, OPENING_FORMULA_LINES);
  const opening = flowing(openingLines).slice(0, OPENING_CHARACTERS);
  const period = periodFrom(opening) ?? periodFrom(flowing(body.all()));

  const titleYear = YEAR.exec(asciiDigits(title))?.[1];
  const year = titleYear ? yearNumber(titleYear) : period ? Number(period.start.slice(0, 4)) : yearFromOpening(opening, openingLines);
  if (year === null) throw new ConversionError("missing_year", file, title);

  const context = `${title}\n${opening}`;
  const pagePublisher = document.metadata.publisher ? displayText(document.metadata.publisher).trim() : null;
  const owners = [ownerFromTitle(asciiDigits(title)), ...ownersFromBody(opening), pagePublisher && ORGANISATION.test(pagePublisher) ? pagePublisher : null];
  let owner: { name: string; resolved: NonNullable<ReturnType<typeof resolveOwner>> } | null = null;
  for (const name of owners) {
    const resolved = name ? resolveOwner(name, context) : null;
    if (name && resolved) {
      owner = { name, resolved };
      break;
    }
  }
  if (!owner) throw new ConversionError("missing_jurisdiction", file, title);
  const { jurisdiction, department } = owner.resolved;
  const titleLine = found.range ? lineIndexOf(document.text).lineOf(found.range.start) : null;
  const diagnostics = owner.resolved.diagnostics.map((d) => (d.line === null ? { ...d, line: titleLine } : d));

  const signature = signatureAtEnd(body.last(SIGNATURE_LINES));
  const government = splitDepartment(owner.name).government;
  const openingTexts = opening.split("\n");
  const pageDate = document.metadata.publishedOn && parseDateLine(document.metadata.publishedOn);
  return {
    title,
    titleRange: found.range,
    year,
    ownerName: owner.name,
    jurisdiction,
    department,
    id: reportIdOf(jurisdiction, department, year),
    publisher: publisherFrom(opening) ?? pagePublisher ?? signature.publisher,
    publishedOn: pageDate || signature.date,
    period,
    coverage: coverageFrom(opening, [government, jurisdiction.name]),
    website: websiteFrom(openingTexts),
    contact: contactFrom(openingTexts),
    url: document.metadata.url,
    diagnostics,
  };
}
