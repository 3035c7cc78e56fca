/**
 * A table found on a page, before its text is tied to document offsets: each
 * cell lists the runs of glyphs (of which lines) it holds. Ruled grids and
 * tables read from text positions both produce one.
 */
import type { Line } from "./lines.ts";
import { positionIn, type RuledGrid } from "./ruled.ts";

/** Glyphs [from, to) of one line. */
export interface GlyphRun {
  line: Line;
  from: number;
  to: number;
}

export interface DraftCell {
  row: number;
  column: number;
  rowSpan: number;
  colSpan: number;
  runs: GlyphRun[];
  header: boolean;
}

export interface TableDraft {
  rows: number;
  columns: number;
  cells: DraftCell[];
  /** cellAt[r][c]: index in `cells` of the cell covering (r, c). */
  cellAt: number[][];
  /** The lines whose glyphs the table holds (some may also hold glyphs outside it). */
  lines: Set<Line>;
}

function runText(run: GlyphRun): string {
  const { line } = run;
  const start = line.glyphStart[run.from]!;
  const last = run.to - 1;
  return line.text.slice(start, line.glyphStart[last]! + line.glyphs[last]!.text.length);
}

export function cellText(cell: DraftCell): string {
  return cell.runs.map(runText).join("");
}

/** A cell that holds a figure: digits (with a decimal point, separators, a sign or %), or a dash or slash printed for none. */
const VALUE = /^\s*(?:[-+－]?\d[\d,，.．]*\s*%?|[—–\-－/／]+)\s*$/;

export function isValueText(text: string): boolean {
  return VALUE.test(text);
}

/** Rows above the first row that holds a figure are the table's header. */
export function markHeader(draft: TableDraft): void {
  let firstData = draft.rows;
  for (const cell of draft.cells) {
    if (cell.runs.length > 0 && isValueText(cellText(cell))) firstData = Math.min(firstData, cell.row);
  }
  for (const cell of draft.cells) cell.header = cell.row + cell.rowSpan <= firstData;
}

/** The glyph's centre, which decides the cell it belongs to. */
function centre(line: Line, index: number): [number, number] {
  const g = line.glyphs[index]!;
  return [(g.left + g.right) / 2, (g.top + g.bottom) / 2];
}

/** Whether any glyph of the line lies inside the grid. */
export function lineTouchesGrid(line: Line, grid: RuledGrid): boolean {
  if (line.bottom < grid.top || line.top > grid.bottom || line.right < grid.left || line.left > grid.right) return false;
  return line.glyphs.some((_, i) => positionIn(grid, ...centre(line, i)) !== null);
}

/** A ruled grid filled with the glyphs of the page's lines that fall inside it. */
export function draftFromGrid(grid: RuledGrid, lines: readonly Line[]): TableDraft {
  const cells: DraftCell[] = grid.cells.map((g) => ({ ...g, runs: [], header: false }));
  const used = new Set<Line>();
  for (const line of lines) {
    let run: { cell: number; from: number } | null = null;
    const close = (to: number): void => {
      if (run) cells[run.cell]!.runs.push({ line, from: run.from, to });
      run = null;
    };
    line.glyphs.forEach((_, i) => {
      const position = positionIn(grid, ...centre(line, i));
      const cell = position ? grid.cellAt[position.row]![position.column]! : -1;
      if (run && run.cell !== cell) close(i);
      if (cell >= 0) {
        used.add(line);
        if (!run) run = { cell, from: i };
      }
    });
    close(line.glyphs.length);
  }
  const draft: TableDraft = {
    rows: grid.ys.length - 1,
    columns: grid.xs.length - 1,
    cells,
    cellAt: grid.cellAt.map((row) => [...row]),
    lines: used,
  };
  markHeader(draft);
  return draft;
}
