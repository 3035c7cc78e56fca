/**
 * Reading the header a crawler or a capture tool writes above the page text
 * (标题:, 发布时间:, 原文链接:, 来源：http…) into PageMetadata.
 */
import { slice } from "../../document/source-text.ts";
import type { SourceText } from "../../document/types.ts";
import { trimWith } from "./source-edit.ts";

const DATE = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/;

/** The first date in `text` as YYYY-MM-DD; "invalid" when it has a date's shape but no such day; null when there is none. */
export function isoDate(text: string): string | "invalid" | null {
  const m = DATE.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return "invalid";
  return `${m[1]}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** A `key: value` header line (ASCII or full-width colon); the value with its offsets, trimmed. */
export function headerField(line: SourceText, keys: readonly string[]): { key: string; value: SourceText } | null {
  const m = new RegExp(`^\\s*(${keys.join("|")})\\s*[:：]`).exec(line.text);
  if (!m) return null;
  return { key: m[1]!, value: trimWith(slice(line, m[0].length), "\\s") };
}

/** A web address at the start of a value, or null. */
export function urlOf(value: SourceText): string | null {
  const m = /^(?:https?|ftp):\/\/\S+/i.exec(value.text);
  return m ? m[0] : null;
}

/**
 * A page title as the browser shows it often ends with the site's name
 * ("…年度报告-沭阳县发改局"): cut after the report's own title ends in 报告,
 * when what follows is a separator and a short name.
 */
export function withoutSiteSuffix(title: SourceText, site: string | null): SourceText {
  if (site) {
    const suffix = new RegExp(`\\s*[-_|｜—–]+\\s*${site.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*$`).exec(title.text);
    if (suffix) return slice(title, 0, suffix.index);
  }
  const generic = /报告(\s*[-_|｜—–]+\s*[^-_|｜—–\s]{1,30}\s*)$/.exec(title.text);
  return generic ? slice(title, 0, title.text.length - generic[1]!.length) : title;
}
