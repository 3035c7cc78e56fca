/**
 * Glyphs → the lines of a page's text layer.
 *
 * Horizontal glyphs whose baselines agree form a line, read left to right; a
 * line of a table row holds the row's label and its numbers (set in
 * different sizes, their baselines differ by a point or two). Text that runs
 * downwards (a vertical font, a label rotated into a narrow cell) is a line of
 * its own. Lines are ordered top to bottom, as a reader scans the page.
 *
 * Spaces. A space glyph of the text layer is kept. Many text layers carry
 * none (WPS and Word exports of Chinese text): there a space is a gap between
 * glyphs. Between Chinese characters a gap of a half em is a
 * typed space (一情 形); justified lines and the automatic spacing between
 * Chinese and digits leave gaps of about a fifth of an em, which are not
 * spaces (第711号, 2023年). Between Latin letters, digits and their
 * punctuation a gap of a sixth of an em is a word space. A gap of two ems or more separates columns and is
 * written as two spaces, so the text keeps the cells of a row apart.
 */
import type { PlacedGlyph } from "./content.ts";

export interface Line {
  glyphs: PlacedGlyph[];
  text: string;
  /** Index in `text` of each glyph's first character. */
  glyphStart: number[];
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** Baseline of the line's first glyph (horizontal), centre x (vertical). */
  baseline: number;
  /** The most common em size of the line's glyphs. */
  size: number;
  flow: PlacedGlyph["flow"];
}

/** Smallest value of `pick` over the items (a loop: spreading a long array into Math.min overflows the stack). */
export function minOf<T>(items: readonly T[], pick: (item: T) => number): number {
  let min = Infinity;
  for (const item of items) min = Math.min(min, pick(item));
  return min;
}

export function maxOf<T>(items: readonly T[], pick: (item: T) => number): number {
  let max = -Infinity;
  for (const item of items) max = Math.max(max, pick(item));
  return max;
}

/**
 * Chinese characters, kana, full-width forms and Chinese punctuation: next to
 * one of them only a wide gap is a space (a narrower one is justification or
 * the automatic spacing before a digit). Between other characters (Latin
 * words, digits, brackets, quotes) a narrow gap is a word space.
 */
const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/;

/** Share of the smaller em by which baselines of one line may differ. */
const BASELINE_TOLERANCE = 0.3;
const SPACE_WIDE_SCRIPT = 0.4;
const SPACE_NARROW_SCRIPT = 0.16;
const COLUMN_GAP = 2;

/** What separates two neighbouring glyphs of a line: nothing, a space, or a column gap. */
export function separatorBetween(previous: PlacedGlyph, next: PlacedGlyph): "" | " " | "  " {
  const em = Math.min(previous.size, next.size) || 1;
  const gap = (next.left - previous.right) / em;
  if (gap >= COLUMN_GAP) return "  ";
  const wide = WIDE.test(previous.text.slice(-1)) || WIDE.test(next.text[0] ?? "");
  // A space glyph the text layer carries is kept, unless the next glyph was placed back over it.
  if (next.spaceBefore && gap > 0) return " ";
  return gap >= (wide ? SPACE_WIDE_SCRIPT : SPACE_NARROW_SCRIPT) ? " " : "";
}

/** The same glyph painted again a fraction of a point away: simulated bold. */
function isOverprint(a: PlacedGlyph, b: PlacedGlyph): boolean {
  if (a.text !== b.text) return false;
  const width = Math.max(a.right - a.left, 1e-3);
  return Math.abs(a.left - b.left) < width * 0.3 && Math.abs(a.top - b.top) < a.size * 0.3;
}

function mostCommonSize(glyphs: readonly PlacedGlyph[]): number {
  const counts = new Map<number, number>();
  for (const g of glyphs) {
    const key = Math.round(g.size * 2) / 2;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let best = 0;
  let bestCount = -1;
  for (const [size, count] of [...counts].sort((a, b) => a[0] - b[0])) {
    if (count > bestCount) {
      best = size;
      bestCount = count;
    }
  }
  return best;
}

function makeLine(glyphs: PlacedGlyph[], flow: PlacedGlyph["flow"]): Line {
  let text = "";
  const glyphStart: number[] = [];
  glyphs.forEach((g, i) => {
    if (i > 0) {
      const previous = glyphs[i - 1]!;
      text += flow === "horizontal" ? separatorBetween(previous, g) : verticalSeparator(previous, g, flow);
    }
    glyphStart.push(text.length);
    text += g.text;
  });
  return {
    glyphs,
    text,
    glyphStart,
    top: minOf(glyphs, (g) => g.top),
    bottom: maxOf(glyphs, (g) => g.bottom),
    left: minOf(glyphs, (g) => g.left),
    right: maxOf(glyphs, (g) => g.right),
    baseline: glyphs[0]!.baseline,
    size: mostCommonSize(glyphs),
    flow,
  };
}

function verticalSeparator(previous: PlacedGlyph, next: PlacedGlyph, flow: PlacedGlyph["flow"]): "" | " " {
  if (flow !== "vertical") return "";
  const em = Math.min(previous.size, next.size) || 1;
  return (next.top - previous.bottom) / em >= 1 ? " " : "";
}

function horizontalLines(glyphs: PlacedGlyph[]): Line[] {
  const sorted = [...glyphs].sort((a, b) => a.baseline - b.baseline || a.left - b.left);
  const groups: { baseline: number; size: number; glyphs: PlacedGlyph[] }[] = [];
  for (const g of sorted) {
    let target: (typeof groups)[number] | undefined;
    for (let i = groups.length - 1; i >= 0; i--) {
      const group = groups[i]!;
      const tolerance = BASELINE_TOLERANCE * Math.min(group.size, g.size);
      if (g.baseline - group.baseline > tolerance * 2) break;
      if (Math.abs(g.baseline - group.baseline) <= tolerance) {
        target = group;
        break;
      }
    }
    if (target) target.glyphs.push(g);
    else groups.push({ baseline: g.baseline, size: g.size, glyphs: [g] });
  }
  return groups.map((group) => {
    const inOrder = group.glyphs.sort((a, b) => a.left - b.left || a.order - b.order);
    const kept: PlacedGlyph[] = [];
    for (const g of inOrder) {
      let overprint = false;
      for (let k = kept.length - 1; k >= 0 && k >= kept.length - 3; k--) {
        if (isOverprint(kept[k]!, g)) overprint = true;
      }
      if (!overprint) kept.push(g);
    }
    return makeLine(kept, "horizontal");
  });
}

/** Runs of glyphs that read downwards or at an angle, each a line, in content order. */
function otherLines(glyphs: PlacedGlyph[]): Line[] {
  const lines: Line[] = [];
  let run: PlacedGlyph[] = [];
  const flush = (): void => {
    if (run.length === 0) return;
    const flow = run[0]!.flow;
    const ordered = flow === "vertical" ? [...run].sort((a, b) => a.top - b.top) : run;
    lines.push(makeLine(ordered, flow));
    run = [];
  };
  for (const g of [...glyphs].sort((a, b) => a.order - b.order)) {
    const last = run[run.length - 1];
    if (last && !continuesRun(last, g)) flush();
    run.push(g);
  }
  flush();
  return lines;
}

function continuesRun(last: PlacedGlyph, next: PlacedGlyph): boolean {
  if (last.flow !== next.flow) return false;
  const em = Math.max(last.size, next.size) || 1;
  if (next.flow === "vertical") {
    return Math.abs(next.baseline - last.baseline) <= em * 0.5 && next.top - last.bottom <= em * 1.5 && next.top >= last.top;
  }
  const lastX = (last.left + last.right) / 2;
  const lastY = (last.top + last.bottom) / 2;
  const nextX = (next.left + next.right) / 2;
  const nextY = (next.top + next.bottom) / 2;
  return Math.hypot(nextX - lastX, nextY - lastY) <= em * 2;
}

/** The page's lines in reading order: top to bottom, then left to right. */
export function layoutLines(glyphs: readonly PlacedGlyph[]): Line[] {
  const horizontal = glyphs.filter((g) => g.flow === "horizontal");
  const other = glyphs.filter((g) => g.flow !== "horizontal");
  const lines = [...horizontalLines(horizontal), ...otherLines(other)];
  return lines.sort((a, b) => lineKey(a) - lineKey(b) || a.left - b.left);
}

/** Where a line starts down the page: the top of its tallest letters (for a horizontal line, from its baseline). */
function lineKey(line: Line): number {
  return line.flow === "horizontal" ? line.baseline - line.size * 0.8 : line.top;
}
