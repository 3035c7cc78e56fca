/**
 * Who a report belongs to must not depend on how its text was encoded: a
 * revised copy with an invisible U+200E inside 红寺堡区, a PDF whose text layer
 * writes ⼈⺠ for 人民, full-width digits — all must land on the same
 * jurisdiction and the same report id as the original.
 *
 * Two forms of a text:
 * - `identityText`: what names, title comparisons and ids are computed from.
 *   NFKC (full-width → ASCII, compatibility ideographs and Kangxi radicals →
 *   unified ideographs), the few radical forms NFKC leaves alone folded too,
 *   format characters (Unicode Cf: zero-width spaces, bidi controls, soft
 *   hyphens, BOM) and white space removed.
 * - `displayText`: what is shown (the title as published): only the invisible
 *   format characters removed, everything visible kept as printed.
 */
import { createHash } from "node:crypto";
import { reportIdPattern, type Department, type Jurisdiction } from "../schema/report.ts";

const FORMAT_CHARACTERS = /\p{Cf}/gu;

/**
 * CJK Radicals Supplement forms that PDF text layers use for common
 * ideographs and that NFKC does not map (the Kangxi radicals ⼈ ⼯ … it does).
 */
const RADICAL_FORMS: Readonly<Record<string, string>> = {
  "\u2ea0": "民",
  "\u2ec1": "虎",
  "\u2ec4": "西",
  "\u2ec5": "见",
  "\u2ec6": "角",
  "\u2ec9": "贝",
  "\u2ecb": "车",
  "\u2ed3": "长",
  "\u2ed4": "门",
  "\u2ed7": "雨",
  "\u2ed8": "青",
  "\u2ed9": "韦",
  "\u2eda": "页",
  "\u2edb": "风",
  "\u2edc": "飞",
  "\u2edd": "食",
  "\u2ee2": "马",
  "\u2ee3": "骨",
  "\u2ee4": "鬼",
  "\u2ee5": "鱼",
  "\u2ee6": "鸟",
  "\u2ee7": "卤",
  "\u2ee8": "麦",
  "\u2ee9": "黄",
  "\u2eec": "齐",
  "\u2eee": "齿",
  "\u2ef0": "龙",
};
const RADICAL_FORM = new RegExp(`[${Object.keys(RADICAL_FORMS).join("")}]`, "g");

/** The form of a text that identity is computed from (see the top of the file). */
export function identityText(text: string): string {
  return text
    .normalize("NFKC")
    .replace(RADICAL_FORM, (c) => RADICAL_FORMS[c]!)
    .replace(FORMAT_CHARACTERS, "")
    .replace(/\s+/gu, "");
}

/** The text as printed, without invisible format characters (bidi controls, zero-width spaces). */
export function displayText(text: string): string {
  return text.replace(FORMAT_CHARACTERS, "");
}

/** The first `digits` hex digits of the SHA-256 of the identity form of a text. */
export function identityHash(text: string, digits: number): string {
  return createHash("sha256").update(identityText(text), "utf8").digest("hex").slice(0, digits);
}

/**
 * The id of a jurisdiction outside GB/T 2260 (a catalogued special area, or a
 * name the division data does not know): `x` + 12 hex digits of the SHA-256
 * of its full name, province included. 48 bits: two different names sharing
 * one is practically impossible, and the same name always gives the same id.
 */
export function placeholderId(fullName: string): string {
  if (identityText(fullName) === "") throw new Error("placeholderId: empty name");
  return `x${identityHash(fullName, 12)}`;
}

/**
 * Titles compared for "the same report": identity form, 年度 read as 年, and
 * the words for the government itself (人民政府, 管委会) left out, so the page's
 * 平潭综合实验区管委会2014年度… and the body's 平潭综合实验区 2014年度… compare equal.
 */
export function comparableTitle(title: string): string {
  return identityText(title)
    .replace(/年度/g, "年")
    .replace(/党工委|管理委员会|管委会|人民政府/g, "");
}

/** `<jurisdiction id>[-<department slug>]-<year>`, checked against the schema's pattern. */
export function reportIdOf(
  jurisdiction: Pick<Jurisdiction, "id">,
  department: Pick<Department, "slug"> | null,
  year: number,
): string {
  const id = `${jurisdiction.id}${department ? `-${department.slug}` : ""}-${year}`;
  if (!reportIdPattern.test(id)) throw new Error(`report id "${id}" does not match the report id pattern`);
  return id;
}
