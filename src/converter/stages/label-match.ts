/**
 * Match statistics-table row labels to the catalog, tolerantly.
 *
 * Real reports print the same row in many ways: （一）/(一)/1./1、 numbering,
 * 其中： prefixes, notes in parentheses, full- or half-width punctuation,
 * stray spaces, <br> inside the label. All of that is removed by
 * `normalizeLabel`, and the catalog's labels, official labels and variants are
 * normalised the same way, so matching is a lookup in a map built from the
 * catalog data — there is no code path per indicator.
 */
import type { Template } from "../../catalog/index.ts";

/** What a normalised label can stand for in a template. */
export type LabelEntry =
  | { kind: "header" }
  /** A section row (一、… 九、); `indicator` when the section row itself carries a figure (四、行政复议数量). */
  | { kind: "section"; section: string; indicator: string | null }
  /** A sub-heading row such as （二）通过不同渠道和方式公开政府信息的情况; `freeText` rows are followed by prose. */
  | { kind: "group"; section: string; freeText: boolean }
  | { kind: "indicator"; indicator: string; section: string };

export interface LabelMatcher {
  /** Every entry a label may stand for; several when the section decides (（二）被依法纠错数). */
  lookup(label: string): LabelEntry[];
}

const CHINESE_NUMERAL = "[一二三四五六七八九十]+";
/** （一） (一) 一、 1. 1、 1） (1) ① at the start of a label, after NFKC. */
const NUMBERING = new RegExp(
  `^(?:\\(\\s*${CHINESE_NUMERAL}\\s*\\)|${CHINESE_NUMERAL}\\s*[、.]|\\(\\s*\\d+\\s*\\)|\\d+\\s*[、.)](?!\\d)|[\\u2460-\\u2473])\\s*`,
);
const WHICH_PREFIX = /^其中\s*[:：]?\s*/;
/** A closed parenthesised note, or one the OCR cut off at the end of the line. */
const NOTE = /\([^()]*\)|\([^()]*$/g;
/** Keep letters, digits and CJK; drop spacing and punctuation (、《》 “” …). */
const NOT_WORD = /[^\p{L}\p{N}]/gu;

/**
 * The comparable core of a label: NFKC (full-width → half-width), markup
 * already removed by `cleanCell`, numbering, 其中：, parenthesised notes,
 * spaces and punctuation stripped.
 */
export function normalizeLabel(label: string): string {
  let text = label.normalize("NFKC").replace(/<[^<>]+>/g, "").trim();
  // Numbering and 其中： may come in either order (其中：1. …) — strip until stable.
  for (let previous = ""; previous !== text; ) {
    previous = text;
    text = text.replace(NUMBERING, "").replace(WHICH_PREFIX, "").trim();
  }
  return text.replace(NOTE, "").replace(NOT_WORD, "");
}

/** The ordinal of a section-style label (三、… → 3), or null. */
export function sectionOrdinal(label: string): number | null {
  const match = /^\s*([一二三四五六七八九十]+)\s*、/.exec(label.normalize("NFKC"));
  if (!match?.[1]) return null;
  const digits = "一二三四五六七八九";
  const numeral = match[1];
  if (numeral === "十") return 10;
  if (numeral.length === 1) return digits.indexOf(numeral) + 1;
  if (numeral.startsWith("十")) return 10 + digits.indexOf(numeral[1] ?? "") + 1;
  return null;
}

function sameEntry(a: LabelEntry, b: LabelEntry): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Build the matcher from the template: headers, sections, groups, indicators with their variants. */
export function buildLabelMatcher(template: Template): LabelMatcher {
  const map = new Map<string, LabelEntry[]>();
  const add = (label: string, entry: LabelEntry): void => {
    const key = normalizeLabel(label);
    if (!key) return;
    const list = map.get(key) ?? [];
    if (!list.some((e) => sameEntry(e, entry))) list.push(entry);
    map.set(key, list);
  };
  for (const header of template.headerLabels) add(header, { kind: "header" });
  const sectionIndicators = new Set<string>();
  for (const section of template.sections) {
    add(section.label, { kind: "section", section: section.id, indicator: section.indicator ?? null });
    if (section.indicator) sectionIndicators.add(section.indicator);
  }
  for (const group of template.groups) {
    add(group.label, { kind: "group", section: group.section, freeText: group.freeText === true });
  }
  for (const indicator of template.indicators) {
    // A section row that carries a figure is matched as the section (it also sets the context).
    if (sectionIndicators.has(indicator.id)) continue;
    const entry: LabelEntry = { kind: "indicator", indicator: indicator.id, section: indicator.section };
    for (const label of [indicator.label, indicator.officialLabel, ...indicator.variants]) add(label, entry);
  }
  return {
    lookup(label: string): LabelEntry[] {
      const key = normalizeLabel(label);
      if (!key) return [];
      const exact = map.get(key);
      if (exact) return exact;
      // Reports sometimes drop the final 数 of a row label (收到申请 for 收到申请数).
      return map.get(`${key}数`) ?? [];
    },
  };
}
