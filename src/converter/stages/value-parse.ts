/**
 * Read one statistics-table value cell. The rule is: a number only when the
 * cell can mean nothing else; otherwise null, with a note saying why.
 *
 * Read as numbers (unambiguous):
 *   8573, 0, 1,234 (groups of exactly three after the first), full-width digits
 *   (１２３ → 123), a decimal such as 12.5 or 0.00 in a money row (万元 …),
 *   and a number followed by the row's own unit: 5件, 5 件, 5（件）, 5(件).
 * Not reported (null, a note, no warning): blank, —, ——, -, /, ／, and 无.
 * Ambiguous (null, a note and a warning for the log):
 *   约300 / 300余 / 近300 / 300多 (approximate), 十二 (Chinese numerals: the OCR
 *   may have dropped a character, and the table form asks for digits), -3
 *   (negative counts cannot exist), 1 234 (a space inside digits may be two
 *   merged cells), 3 5, 3/5, 12,5 (two numbers or a misplaced separator),
 *   12.5 in a counting row (条/件/次/个/人/篇/人次), 5% and a number followed by
 *   any unit other than the row's own.
 */

export type ValueReading =
  | { kind: "number"; value: number; note: string | null }
  | { kind: "not_reported"; note: string }
  | { kind: "ambiguous"; note: string };

/** Units whose figures are counts and therefore whole numbers. */
const COUNT_UNITS = new Set(["条", "件", "次", "个", "人", "篇", "人次", "名", "期", "家", "项"]);

const NOT_REPORTED = /^(?:[-—–―─－‐/／\\]+|无)$/;
const APPROXIMATE = /约|近|余|多|左右|以上|以下|超过|不足|逾|大概|大约/;
const CHINESE_DIGITS = /[零〇一二三四五六七八九十百千万两]/;
const PLAIN_NUMBER = /^\d+(?:\.\d+)?$/;
const GROUPED_NUMBER = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/** Remove a trailing unit when it is one of the row's own units (5件, 5 件, 5（件）). */
function stripOwnUnit(text: string, units: readonly string[]): string {
  for (const unit of [...units].sort((a, b) => b.length - a.length)) {
    for (const suffix of [unit, `(${unit})`]) {
      if (text.endsWith(suffix)) {
        const rest = text.slice(0, -suffix.length).trimEnd();
        if (/\d$/.test(rest)) return rest;
      }
    }
  }
  return text;
}

/**
 * @param raw   the cell as read (markup already removed)
 * @param units the row's own units: the catalog unit and the unit cell, if any
 */
export function parseValueCell(raw: string, units: readonly string[]): ValueReading {
  const text = raw.normalize("NFKC").replace(/\s+/g, " ").trim();
  if (text === "") return { kind: "not_reported", note: "单元格空白，未填报" };
  if (NOT_REPORTED.test(text)) return { kind: "not_reported", note: `单元格为“${raw.trim()}”，未填报` };

  const bare = stripOwnUnit(text, units);
  if (APPROXIMATE.test(bare)) return { kind: "ambiguous", note: `“${raw.trim()}”是约数，不作为确数` };
  if (/^[-−]\s*\d/.test(bare)) return { kind: "ambiguous", note: `“${raw.trim()}”为负数，统计数不应为负` };
  if (/%/.test(bare)) return { kind: "ambiguous", note: `“${raw.trim()}”是百分比，不是统计数` };
  if (CHINESE_DIGITS.test(bare) && !/\d/.test(bare)) {
    return { kind: "ambiguous", note: `“${raw.trim()}”用汉字书写，不自动换算` };
  }

  let numberText: string | null = null;
  if (PLAIN_NUMBER.test(bare)) numberText = bare;
  else if (GROUPED_NUMBER.test(bare)) numberText = bare.replace(/,/g, "");
  if (numberText === null) {
    const reason = /\d[\s/、,;]+\d/.test(bare) ? "像是两个数或错位的分隔符" : "不是可识别的数字";
    return { kind: "ambiguous", note: `“${raw.trim()}”${reason}` };
  }

  const value = Number(numberText);
  const counting = units.some((u) => COUNT_UNITS.has(u));
  if (!Number.isInteger(value) && counting) {
    return { kind: "ambiguous", note: `“${raw.trim()}”是小数，但本行单位“${units.join("/")}”只能是整数` };
  }
  const note = bare !== text ? `单元格带单位：“${raw.trim()}”` : null;
  return { kind: "number", value, note };
}
