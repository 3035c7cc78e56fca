/**
 * The printed outline of a table, read from the labels' own numbering as a
 * reader reads the printed form: 一、 above （一） above 1., a row without
 * numbering under the row its catalog parent is (其中：…, 涉及商业秘密), and a
 * group row （二）通过不同渠道… after row （一） and everything printed under it.
 */

/** The numbering a label opens with: 一、 (chapter), （一） (item), 1. / 1、 (sub-item), or none. */
export type Numbering = "chapter" | "item" | "sub" | null;

const CHAPTER = /^\s*([一二三四五六七八九十]+)、/;
const ITEM = /^\s*[（(]([一二三四五六七八九十]+)[）)]/;
const SUB = /^\s*\d+\s*[.．、]/;

export function numberingOf(label: string): Numbering {
  if (CHAPTER.test(label)) return "chapter";
  if (ITEM.test(label)) return "item";
  if (SUB.test(label)) return "sub";
  return null;
}

const DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 → 1, 十 → 10, 十二 → 12, 二十三 → 23; null for anything else. */
export function chineseNumber(text: string): number | null {
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!m || text === "") return null;
  const [, tens, ten, units] = m;
  if (!ten) return tens && !units ? DIGITS[tens]! : null;
  return (tens ? DIGITS[tens]! : 1) * 10 + (units ? DIGITS[units]! : 0);
}

/** The number of an item label: （二）… → 2; null when the label is not numbered （n）. */
export function itemNumber(label: string): number | null {
  const m = ITEM.exec(label);
  return m ? chineseNumber(m[1]!) : null;
}

export interface OutlineRow {
  key: string;
  label: string;
  /** The catalog parent's key, for a row without numbering. */
  parent: string | null;
}

/**
 * Depth of each row in the printed outline, rows in printed order. A numbered
 * row is at the level where its kind of numbering was last seen (deeper when
 * it is new there); a row without numbering is one below its parent when the
 * parent is printed above it, else at the top.
 */
export function outlineDepths(rows: readonly OutlineRow[]): Map<string, number> {
  const depths = new Map<string, number>();
  /** Per level, the kinds of numbering seen at it since it opened ("plain" for rows without). */
  const levels: Set<string>[] = [];
  for (const row of rows) {
    const numbering = numberingOf(row.label);
    let depth: number;
    if (numbering === null) {
      const parentDepth = row.parent === null ? undefined : depths.get(row.parent);
      depth = parentDepth === undefined ? 0 : parentDepth + 1;
      depth = Math.min(depth, levels.length);
      levels.length = depth + 1;
      levels[depth] = new Set([...(levels[depth] ?? []), "plain"]);
    } else {
      let found = -1;
      for (let level = levels.length - 1; level >= 0; level--) {
        if (levels[level]!.has(numbering)) {
          found = level;
          break;
        }
      }
      depth = found >= 0 ? found : levels.length;
      levels.length = depth + 1;
      levels[depth] = found >= 0 ? levels[depth]! : new Set([numbering]);
    }
    depths.set(row.key, depth);
  }
  return depths;
}

/**
 * Where a group row numbered （k） stands among a section's rows: after row
 * （k−1） and the rows printed under it (its descendants that follow it
 * without a break), before the next numbered row; at the end when none
 * follows, at the start when there is no row （k−1）.
 */
export function groupPosition(rows: readonly OutlineRow[], groupLabel: string, isDescendant: (row: string, of: string) => boolean): number {
  const k = itemNumber(groupLabel);
  if (k === null || k <= 1) return 0;
  const previous = rows.findIndex((r) => itemNumber(r.label) === k - 1);
  if (previous < 0) return 0;
  let at = previous + 1;
  while (at < rows.length && isDescendant(rows[at]!.key, rows[previous]!.key)) at++;
  while (at < rows.length && numberingOf(rows[at]!.label) === null) at++;
  return at;
}

const NUMBERING = /^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+\s*[.．、])\s*/;

/** The label without its numbering: （一）收到申请数 → 收到申请数. */
export function withoutNumbering(label: string): string {
  return label.replace(NUMBERING, "");
}

/** Letters and digits only, numbering dropped: two spellings of one label compare equal. */
function bareLabel(label: string): string {
  return withoutNumbering(label).replace(/[^\p{L}\p{N}]/gu, "");
}

/**
 * Whether the report printed the table without the format's numbering: every
 * row it printed whose format label is numbered was printed unnumbered
 * (Fujian's tables, whose rows changed numbers from year to year; crawler text
 * that lost it). Then no row of the table shows the format's numbers.
 */
export function printedUnnumbered(rows: readonly { format: string; printed: string | null }[]): boolean {
  const numbered = rows.filter((r) => r.printed !== null && numberingOf(r.format) !== null);
  return numbered.length > 0 && numbered.every((r) => numberingOf(r.printed!) === null);
}

/**
 * A row's label for the page: the format's label — without its numbering when
 * the report printed the row (or the whole table) unnumbered — and the label
 * as printed when it says something else.
 */
export function displayLabel(formatLabel: string, printed: string | null, unnumbered = false): { label: string; printedAs: string | null } {
  const strip = numberingOf(formatLabel) !== null && (unnumbered || (printed !== null && numberingOf(printed) === null));
  const label = strip ? withoutNumbering(formatLabel) : formatLabel;
  if (printed === null) return { label, printedAs: null };
  return { label, printedAs: bareLabel(printed) === bareLabel(formatLabel) ? null : printed.replace(/\s+/g, " ").trim() };
}

/** The labels of a table's rows for the page (see displayLabel), deciding once for the table whether it was printed unnumbered. */
export function displayLabels(rows: readonly { format: string; printed: string | null }[]): { label: string; printedAs: string | null }[] {
  const unnumbered = printedUnnumbered(rows);
  return rows.map((r) => displayLabel(r.format, r.printed, unnumbered));
}
