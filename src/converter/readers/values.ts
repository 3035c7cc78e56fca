/**
 * Value cells: what a printed cell says, read only when it can mean nothing else.
 *
 * `parseCell` reads one cell whose boundaries are certain (a grid cell, or a
 * cell the solver settled). `valueChunks` cuts the value text of a row whose
 * boundaries are lost into chunks: runs of digits between white space, each
 * holding one or more cells, and the marks (—, /, 无) that stand for a cell
 * not reported.
 *
 * Read as numbers: 8573, 0, 1,234 (groups of three), full-width digits, a
 * decimal in an amount column, a signed number in a signed column (+1036,
 * −18), a number followed by the row's own unit (5件) or by a money unit the
 * column converts (元 → 万元, in decimal arithmetic).
 * Not reported (null, no warning): blank, —, -, /, 无.
 * Uncertain (null and a warning): approximate numbers (约300, 300余), Chinese
 * numerals, a negative count, a decimal count, a percentage, two numbers in
 * one cell, a number a double cannot hold exactly (an integer beyond 2^53, a
 * decimal of more than 15 significant digits), an amount without any unit
 * where the header gives none.
 */
import type { CellValue } from "../../catalog/index.ts";

export type CellReading =
  | { kind: "number"; value: number; unit: string | null; note: string | null }
  | { kind: "not_reported"; note: string }
  | { kind: "uncertain"; note: string };

const NOT_REPORTED = /^(?:[-—–―─－‐/／\\]+|无)$/;
const APPROXIMATE = /约|近|余|多|左右|以上|以下|超过|不足|逾|大概|大约/;
const CHINESE_DIGITS = /[零〇一二三四五六七八九十百千万两]/;
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
/** Money units a cell may carry, and how many decimal places move to reach 万元. */
const MONEY_UNITS: Record<string, { toWan: number }> = { 元: { toWan: 4 }, 万元: { toWan: 0 } };

/**
 * A decimal string divided by 10^places, exactly (no binary floating point on
 * the way): "73802895.90" ÷ 10^4 → "7380.28959".
 */
export function shiftDecimal(digits: string, places: number): string {
  const negative = digits.startsWith("-");
  const unsigned = negative ? digits.slice(1) : digits;
  const [whole = "0", fraction = ""] = unsigned.split(".");
  const padded = whole.padStart(places + 1, "0");
  const intPart = padded.slice(0, padded.length - places).replace(/^0+(?=\d)/, "");
  const fracPart = (padded.slice(padded.length - places) + fraction).replace(/0+$/, "");
  return `${negative ? "-" : ""}${intPart}${fracPart ? `.${fracPart}` : ""}`;
}

/** Significant digits a decimal keeps through a binary double, whatever they are (DBL_DIG). */
const EXACT_DECIMAL_DIGITS = 15;

/**
 * A number text as a JS number, or null when the number would not be the
 * printed one: an integer beyond 2^53, a decimal of more significant digits
 * than a double keeps (12345678901234567.5 would print as 12345678901234568),
 * or a number beyond the range of a double.
 */
export function exactNumber(text: string): number | null {
  const value = Number(text);
  if (!Number.isFinite(value)) return null;
  if (!text.includes(".")) return Number.isSafeInteger(value) ? value : null;
  const significant = text.replace(/^[+-]/, "").replace(".", "").replace(/^0+/, "").replace(/0+$/, "");
  return significant.length <= EXACT_DECIMAL_DIGITS ? value : null;
}

/** The minus sign (U+2212) NFKC leaves as it is: a sign like the hyphen-minus. */
const MINUS_SIGN = /\u2212/g;

export interface CellSpec {
  value: CellValue;
  /** The unit the catalog stores the figure in. */
  unit: string;
  /** Other units the row prints that mean the same (its unit cell says 件 where the catalog says 条: a count is a count). */
  countUnits?: readonly string[];
  /** A money unit the row prints in its unit cell (元 where the catalog says 万元): a bare figure is in it. */
  printedUnit?: string | null;
  /** True when the column header states the unit (本年收费金额（单位：万元）), so a bare number is in `unit`. */
  unitInHeader: boolean;
}

/** Units of counts: a figure in any of them is a whole number and needs no conversion. */
export const COUNT_UNITS = new Set(["条", "件", "次", "个", "人", "篇", "人次", "名", "期", "家", "项", "起", "份", "户"]);

/** Read one cell whose boundaries are certain. */
export function parseCell(raw: string, spec: CellSpec): CellReading {
  const text = raw.normalize("NFKC").replace(MINUS_SIGN, "-").replace(/\s+/g, " ").trim();
  const shown = raw.trim();
  if (text === "") return { kind: "not_reported", note: "单元格空白，未填报" };
  if (NOT_REPORTED.test(text)) return { kind: "not_reported", note: `单元格为“${shown}”，未填报` };

  let bare = text.replace(/^\((.*)\)$/, "$1");
  let unit: string | null = null;
  const money = spec.value === "amount" && (spec.unit in MONEY_UNITS);
  const units = money ? Object.keys(MONEY_UNITS) : [spec.unit, ...(spec.countUnits ?? [])];
  for (const candidate of [...units].sort((a, b) => b.length - a.length)) {
    for (const suffix of [candidate, `(${candidate})`]) {
      if (bare.endsWith(suffix) && /\d$/.test(bare.slice(0, -suffix.length).trimEnd())) {
        bare = bare.slice(0, -suffix.length).trimEnd();
        unit = candidate;
        break;
      }
    }
    if (unit) break;
  }
  if (APPROXIMATE.test(bare)) return { kind: "uncertain", note: `“${shown}”是约数，不作为确数` };
  if (/%/.test(bare)) return { kind: "uncertain", note: `“${shown}”是百分比，不是统计数` };
  if (CHINESE_DIGITS.test(bare) && !/\d/.test(bare)) return { kind: "uncertain", note: `“${shown}”用汉字书写，不自动换算` };

  let number = bare;
  if (GROUPED.test(bare)) number = bare.replace(/,/g, "");
  const sign = /^[+-]/.test(number) ? number[0] : "";
  const unsigned = sign ? number.slice(1).trimStart() : number;
  if (!/^\d+(?:\.\d+)?$/.test(unsigned)) {
    const reason = /\d[\s/、,;]+\d/.test(bare) ? "像是两个数或错位的分隔符" : "不是可识别的数字";
    return { kind: "uncertain", note: `“${shown}”${reason}` };
  }
  if (sign === "-" && spec.value !== "signed") return { kind: "uncertain", note: `“${shown}”为负数，这一栏不应为负` };
  if (unsigned.includes(".") && spec.value !== "amount") return { kind: "uncertain", note: `“${shown}”是小数，这一栏只能是整数` };

  let canonical = `${sign === "-" ? "-" : ""}${unsigned}`;
  let note: string | null = unit && unit !== spec.unit ? `单元格带单位：“${shown}”` : null;
  if (money) {
    const printed = unit ?? spec.printedUnit ?? (spec.unitInHeader ? spec.unit : null);
    if (printed === null) return { kind: "uncertain", note: `“${shown}”没有单位，表头也未注明，无法确定是元还是万元` };
    const places = MONEY_UNITS[printed]!.toWan - MONEY_UNITS[spec.unit]!.toWan;
    if (places !== 0) {
      // The figure was printed in another unit than the catalog's (in its cell or its row's unit cell): say which.
      unit = printed;
      canonical = shiftDecimal(canonical, places);
      note = `原文为 ${unsigned}${printed}，换算为 ${canonical}${spec.unit}`;
    }
  }
  const value = exactNumber(canonical);
  if (value === null) {
    const why = canonical.includes(".") ? `有效数字超过 ${EXACT_DECIMAL_DIGITS} 位` : "超出可精确表示的范围（2^53）";
    return { kind: "uncertain", note: `“${shown}”${why}，无法精确表示，不发布` };
  }
  return { kind: "number", value: Object.is(value, -0) ? 0 : value, unit, note };
}

/** One piece of a row's value text: a run of digits (one or more cells) or a mark for one cell not reported. */
export interface ValueChunk {
  /** Start and end (exclusive) in the value text. */
  from: number;
  to: number;
  text: string;
  kind: "digits" | "mark";
  /** A money unit written right after the digits (…95.90元). */
  unit: string | null;
}

const CHUNK = /(?:[+-]?\d[\d.,]*(?:[+-]\d[\d.,]*)*)(万元|元)?|[—–―─－‐/／]+|无|(?<![\d])-(?![\d])/g;

/** NFKC character by character, remembering where each folded character came from (`map[i]`; `map[length]` = the end). */
function nfkcWithMap(text: string): { text: string; map: number[] } {
  let out = "";
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length;
    const ch = pair ? text.slice(i, i + 2) : text[i]!;
    for (const part of ch.normalize("NFKC").replace(MINUS_SIGN, "-")) {
      out += part;
      for (let k = 0; k < part.length; k++) map.push(i);
    }
    if (pair) i++;
  }
  map.push(text.length);
  return { text: out, map };
}

/**
 * Cut a row's value text into chunks (positions in the original text). Anything
 * else in the text (units of count, 其中, spacing) is not a value; the caller
 * decides what unknown words between chunks mean.
 */
export function valueChunks(text: string): ValueChunk[] {
  const folded = nfkcWithMap(text);
  const chunks: ValueChunk[] = [];
  for (const match of folded.text.matchAll(CHUNK)) {
    const whole = match[0];
    const unit = match[1] ?? null;
    const digits = unit ? whole.slice(0, -unit.length) : whole;
    const isMark = !/\d/.test(whole);
    // A trailing separator is punctuation, not part of the number.
    const trimmed = isMark ? digits : digits.replace(/[.,]+$/, "");
    const end = match.index + trimmed.length + (unit && trimmed.length === digits.length ? unit.length : 0);
    const from = folded.map[match.index]!;
    const to = folded.map[end] ?? text.length;
    chunks.push({ from, to, text: trimmed, kind: isMark ? "mark" : "digits", unit: trimmed.length === digits.length ? unit : null });
  }
  return chunks;
}
