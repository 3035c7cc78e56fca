/**
 * Stage 5: what the report says about itself — title, year, jurisdiction as
 * written, publisher, publication date, statistical period, coverage, website
 * and contact details. Everything is read from the cleaned lines (web scraps
 * are already gone) and from the fixed formulas these reports use:
 *   本报告由<publisher>汇总<coverage>政府信息公开工作情况编制而成，
 *   所列政府信息公开数据统计期限为<start>至<end>。本报告电子版可在<site>查阅或下载。
 *   （地址：…；邮编：…；电话：…；传真：…；电子邮箱：…）
 */
import { ConversionError } from "../errors.ts";
import type { LineRange } from "./noise.ts";
import type { NormalizedLine } from "./normalize.ts";

export interface ReportContact {
  address: string | null;
  postcode: string | null;
  phones: string[];
  fax: string[];
  email: string | null;
}

export interface ReportMetadata {
  title: string;
  titleLine: number | null;
  year: number;
  /** The jurisdiction exactly as the title (or body) names it, e.g. 石嘴山市大武口区. */
  jurisdictionName: string;
  publisher: string | null;
  publishedOn: string | null;
  period: { start: string; end: string } | null;
  coverage: string | null;
  website: string | null;
  contact: ReportContact;
}

// ---------------------------------------------------------------- dates

const CN_DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
const ISO_DATE = /(\d{4})[-./](\d{1,2})[-./](\d{1,2})/;

function isoDate(year: string, month: string, day: string): string | null {
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null; // 2月30日
  return `${year}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** "2018年1月22日" or "2018-01-22" → "2018-01-22"; null when the text is not exactly a date. */
export function parseDateLine(text: string): string | null {
  const t = text.trim();
  const cn = new RegExp(`^${CN_DATE.source}$`).exec(t);
  if (cn) return isoDate(cn[1]!, cn[2]!, cn[3]!);
  const iso = new RegExp(`^${ISO_DATE.source}$`).exec(t);
  if (iso) return isoDate(iso[1]!, iso[2]!, iso[3]!);
  return null;
}

// ---------------------------------------------------------------- title, year, jurisdiction

const TITLE_WORDS = /政府信息公开(?:工作)?(?:年度)?(?:报告|年报)|政务公开工作年度报告/;
const YEAR_IN_TITLE = /((?:19|20)\d{2})\s*年(?:度)?/;

function isTitleLike(text: string, needsYear = true): boolean {
  return TITLE_WORDS.test(text) && (!needsYear || YEAR_IN_TITLE.test(text)) && text.length <= 60 && !/[，。；]/.test(text);
}

function findTitle(lines: NormalizedLine[]): { title: string; line: number | null } | null {
  // The report's title is one of its first lines of text.
  const opening = lines.slice(0, 12);
  for (const line of opening) {
    const text = line.text.trim();
    if (isTitleLike(text)) return { title: text, line: line.n };
  }
  // Fallback: the title quoted in the opening formula, 《…年度报告》.
  for (const line of lines) {
    for (const m of line.text.matchAll(/《([^《》]{4,60})》/g)) {
      if (isTitleLike(m[1]!)) return { title: m[1]!.trim(), line: null };
    }
  }
  // Last: a title line without its year ("红寺堡区政府信息公开工作年度报告"); the year then comes from the body.
  for (const line of opening) {
    const text = line.text.trim();
    if (isTitleLike(text, false)) return { title: text, line: line.n };
  }
  return null;
}

/**
 * The government named before the year in the title: "石嘴山市大武口区2017年…" → 石嘴山市大武口区;
 * in a title without a year, before the title words: "红寺堡区政府信息公开工作年度报告" → 红寺堡区.
 */
function jurisdictionFromTitle(title: string): string | null {
  const m = YEAR_IN_TITLE.exec(title) ?? TITLE_WORDS.exec(title);
  if (!m) return null;
  const before = title.slice(0, m.index).replace(/人民政府$|政府$/, "").trim();
  return before.length >= 2 ? before : null;
}

/** "本报告由大武口区人民政府办公室汇总…" / "经中卫市人民政府同意" → the government's name. */
function jurisdictionFromBody(text: string): string | null {
  const m = /(?:本报告由|经)([\u4e00-\u9fff]{2,20}?)人民政府/.exec(text);
  return m ? m[1]! : null;
}

// ---------------------------------------------------------------- the opening formulas

function publisherFrom(text: string): string | null {
  const m = /本报告由([^，,。；]{2,40}?)(?:汇总|[，,]|根据|编制)/.exec(text);
  return m ? m[1]!.trim() : null;
}

function periodFrom(text: string): { start: string; end: string } | null {
  const m = new RegExp(`统计期限(?:为|是|：|:)?\\s*${CN_DATE.source}\\s*(?:至|到|—|-|~)\\s*${CN_DATE.source}`).exec(text);
  if (!m) return null;
  const start = isoDate(m[1]!, m[2]!, m[3]!);
  const end = isoDate(m[4]!, m[5]!, m[6]!);
  return start && end ? { start, end } : null;
}

/** "汇总大武口区22个区直部门、星海镇、10个街道办事处政府信息公开工作情况" → the listed units. */
function coverageFrom(text: string, jurisdictionName: string): string | null {
  const m = /汇总(.+?)(?:的)?政府信息公开(?:工作)?情况/.exec(text);
  if (!m) return null;
  let units = m[1]!.trim();
  // "大武口区22个区直部门…": the government's own name in front of the list is not a unit.
  const short = jurisdictionName.replace(/^.*?(?:省|自治区|市)(?=.+)/, "");
  for (const name of [jurisdictionName, short]) {
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

function websiteFrom(lines: string[]): string | null {
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

function contactFrom(lines: string[]): ReportContact {
  const found = lines.find((t) => /邮编|电话|传真|邮箱/.test(t) && /\d{5,}/.test(t)) ?? "";
  // "（0951）6722118": an area code in brackets is not the end of the field.
  const line = found.replace(/[（(](0\d{2,3})[）)]\s*/g, "$1-");
  const address = field(line, "地址");
  const postcode = /(?:邮编|邮政编码)\s*[:：]?\s*(\d{6})(?!\d)/.exec(line)?.[1] ?? null;
  const phone = field(line, "联系电话|电话");
  const fax = field(line, "传真");
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

const ORGANISATION = /(?:人民政府|政府|办公室|办公厅|委员会|局|中心)(?:（代章）|\(代章\))?$/;
/** What may follow the signature: the 附件 heading, the statistics table's title, the table. */
const TRAILER = /^附件|统计表|^[(（]\s*\d{4}\s*年度?\s*[)）]$/;

/**
 * The report's own date is the date line under the signature at the END of the
 * report (before any attachment); a dated signature inside an embedded document
 * (e.g. a notice "…办公室（代章）/ 2017年12月6日") is followed by more report text.
 */
function signatureAtEnd(lines: NormalizedLine[], statistics: LineRange | null): { publisher: string | null; date: string | null } {
  const body = lines.filter((l) => !(statistics && l.n >= statistics.from && l.n <= statistics.to));
  let i = body.length - 1;
  while (i >= 0 && TRAILER.test(body[i]!.text.trim())) i--;
  const dateLine = body[i];
  const date = dateLine ? parseDateLine(dateLine.text) : null;
  if (!date) return { publisher: null, date: null };
  const signer = body[i - 1]?.text.trim() ?? "";
  const publisher = ORGANISATION.test(signer) && signer.length <= 30 ? signer.replace(/（代章）|\(代章\)/, "") : null;
  return { publisher, date };
}

// ---------------------------------------------------------------- entry point

export function extractMetadata(file: string, lines: NormalizedLine[], statistics: LineRange | null): ReportMetadata {
  const title = findTitle(lines);
  if (!title) throw new ConversionError("missing_title", file);
  const texts = lines.filter((l) => !(statistics && l.n >= statistics.from && l.n <= statistics.to)).map((l) => l.text);
  const opening = texts.slice(0, 30).join("\n");
  const period = periodFrom(opening) ?? periodFrom(texts.join("\n"));

  const yearText = YEAR_IN_TITLE.exec(title.title)?.[1];
  const year = yearText ? Number(yearText) : period ? Number(period.start.slice(0, 4)) : null;
  if (year === null) throw new ConversionError("missing_year", file, title.title);

  const jurisdictionName = jurisdictionFromTitle(title.title) ?? jurisdictionFromBody(opening);
  if (!jurisdictionName) throw new ConversionError("missing_jurisdiction", file, title.title);

  const signature = signatureAtEnd(lines, statistics);
  return {
    title: title.title,
    titleLine: title.line,
    year,
    jurisdictionName,
    publisher: publisherFrom(opening) ?? signature.publisher,
    publishedOn: signature.date,
    period,
    coverage: coverageFrom(opening, jurisdictionName),
    website: websiteFrom(texts.slice(0, 30)),
    contact: contactFrom(texts.slice(0, 30)),
  };
}
