/**
 * Glyphs placed as a PDF places them, for tests of the layout: one glyph per
 * character, Chinese characters an em wide, digits and Latin letters half an
 * em, the box from 0.88 em above the baseline to 0.12 em below.
 */
import type { PlacedGlyph } from "../../../../../src/converter/input/pdf/content.ts";

let order = 0;

export function glyphWidth(char: string, size: number): number {
  return char.charCodeAt(0) < 0x80 ? size / 2 : size;
}

/** The characters of `text` from x = `left` along the baseline, `gap` ems between them. */
export function run(text: string, left: number, baseline: number, size: number, gap = 0): PlacedGlyph[] {
  const glyphs: PlacedGlyph[] = [];
  let x = left;
  for (const char of text) {
    const width = glyphWidth(char, size);
    glyphs.push({
      text: char,
      left: x,
      right: x + width,
      top: baseline - 0.88 * size,
      bottom: baseline + 0.12 * size,
      baseline,
      size,
      flow: "horizontal",
      invisible: false,
      bold: false,
      spaceBefore: false,
      order: order++,
    });
    x += width + gap * size;
  }
  return glyphs;
}

/** Vertical writing: the characters from `top` downwards, centred on x = `centre`. */
export function column(text: string, centre: number, top: number, size: number): PlacedGlyph[] {
  return [...text].map((char, i) => ({
    text: char,
    left: centre - size / 2,
    right: centre + size / 2,
    top: top + i * size,
    bottom: top + (i + 1) * size,
    baseline: centre,
    size,
    flow: "vertical" as const,
    invisible: false,
    bold: false,
    spaceBefore: false,
    order: order++,
  }));
}
