/**
 * Tables the page draws: ruling lines → a grid of cells with row and column
 * spans.
 *
 * The lines of one table touch one another; each connected set of lines with
 * at least two rows and two columns of cells is a table. Its column edges are
 * the x positions of its vertical lines, its row edges the y positions of its
 * horizontal lines; where a line between two neighbouring grid positions is
 * missing, the two belong to one cell (a header spanning columns, a vertical
 * label spanning rows). A box around a paragraph (one cell) is not a table.
 */
import type { RulingSegment } from "./content.ts";

export interface GridCellGeometry {
  row: number;
  column: number;
  rowSpan: number;
  colSpan: number;
}

export interface RuledGrid {
  /** Column edges, left to right (columns + 1 values). */
  xs: number[];
  /** Row edges, top to bottom (rows + 1 values). */
  ys: number[];
  /** cellAt[r][c]: index in `cells` of the cell covering grid position (r, c). */
  cellAt: number[][];
  cells: GridCellGeometry[];
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Lines closer than this (PDF units) are one line; ends this close meet. */
const TOUCH = 2;
/** Shorter segments are ticks or glyph strokes, not table lines. */
const MIN_SEGMENT = 4;

/** Segments on one line that overlap or nearly touch, merged into one. */
function mergeCollinear(segments: readonly RulingSegment[]): RulingSegment[] {
  const byPosition = [...segments].sort((a, b) => a.at - b.at || a.from - b.from);
  const result: RulingSegment[] = [];
  for (let i = 0; i < byPosition.length; ) {
    // Segments drawn at (nearly) the same position: a double border, or one line drawn in pieces.
    let j = i + 1;
    while (j < byPosition.length && byPosition[j]!.at - byPosition[j - 1]!.at <= TOUCH * 0.5) j++;
    const group = byPosition.slice(i, j).sort((a, b) => a.from - b.from);
    const at = group.reduce((sum, s) => sum + s.at, 0) / group.length;
    let current: RulingSegment | null = null;
    for (const s of group) {
      if (current && s.from <= current.to + TOUCH) current.to = Math.max(current.to, s.to);
      else {
        current = { orientation: s.orientation, at, from: s.from, to: s.to };
        result.push(current);
      }
    }
    i = j;
  }
  return result;
}

function crosses(h: RulingSegment, v: RulingSegment): boolean {
  return v.at >= h.from - TOUCH && v.at <= h.to + TOUCH && h.at >= v.from - TOUCH && h.at <= v.to + TOUCH;
}

/** Positions within `TOUCH` of each other, as one value (their mean), sorted. */
function clusterPositions(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const clusters: number[][] = [];
  for (const v of sorted) {
    const last = clusters[clusters.length - 1];
    if (last && v - last[last.length - 1]! <= TOUCH) last.push(v);
    else clusters.push([v]);
  }
  return clusters.map((c) => c.reduce((s, v) => s + v, 0) / c.length);
}

/**
 * Edges closer than this are one edge: a border drawn double (two lines a
 * few points apart) is one line, not a sliver of a row or column holding no
 * text. Text needs more room than this.
 */
const MIN_CELL = 4;

function mergeCloseEdges(edges: number[]): number[] {
  const merged: number[][] = [];
  for (const e of edges) {
    const last = merged[merged.length - 1];
    if (last && e - last[0]! < MIN_CELL) last.push(e);
    else merged.push([e]);
  }
  return merged.map((group) => group.reduce((s, v) => s + v, 0) / group.length);
}

/** Whether the segments drawn at `at` cover [from, to] (allowing small gaps at the ends). */
function covered(lines: readonly RulingSegment[], at: number, from: number, to: number): boolean {
  const span = to - from;
  if (span <= 0) return true;
  const pieces = lines
    .filter((l) => Math.abs(l.at - at) <= MIN_CELL / 2 + 0.01 && l.to > from && l.from < to)
    .map((l) => [Math.max(l.from, from), Math.min(l.to, to)] as const)
    .sort((a, b) => a[0] - b[0]);
  let reached = from;
  let total = 0;
  for (const [a, b] of pieces) {
    const start = Math.max(a, reached);
    if (b > start) {
      total += b - start;
      reached = b;
    }
  }
  return total >= span * 0.8;
}

class UnionFind {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]!]!;
      i = this.parent[i]!;
    }
    return i;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

function gridOf(horizontal: RulingSegment[], vertical: RulingSegment[]): RuledGrid | null {
  // A table cut by the page end has no line along the cut: the ends of the
  // lines crossing it mark the edge (a small overshoot of a line is not one).
  const withOpenSides = (positions: number[], crossing: RulingSegment[]): number[] => {
    const edges = clusterPositions(positions);
    const first = Math.min(...crossing.map((s) => s.from));
    const last = Math.max(...crossing.map((s) => s.to));
    if (first < edges[0]! - TOUCH * 3) edges.unshift(first);
    if (last > edges[edges.length - 1]! + TOUCH * 3) edges.push(last);
    return mergeCloseEdges(edges);
  };
  const xs = withOpenSides(vertical.map((v) => v.at), horizontal);
  const ys = withOpenSides(horizontal.map((h) => h.at), vertical);
  if (xs.length < 3 || ys.length < 3) return null;
  if ((xs.length - 1) * (ys.length - 1) > MAX_GRID_CELLS) return null;
  const rows = ys.length - 1;
  const columns = xs.length - 1;
  const index = (r: number, c: number): number => r * columns + c;
  const groups = new UnionFind(rows * columns);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      if (c + 1 < columns && !covered(vertical, xs[c + 1]!, ys[r]!, ys[r + 1]!)) groups.union(index(r, c), index(r, c + 1));
      if (r + 1 < rows && !covered(horizontal, ys[r + 1]!, xs[c]!, xs[c + 1]!)) groups.union(index(r, c), index(r + 1, c));
    }
  }
  const cells: GridCellGeometry[] = [];
  const cellOfRoot = new Map<number, number>();
  const cellAt: number[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: number[] = [];
    for (let c = 0; c < columns; c++) {
      const root = groups.find(index(r, c));
      let cell = cellOfRoot.get(root);
      if (cell === undefined) {
        cell = cells.length;
        cellOfRoot.set(root, cell);
        cells.push({ row: r, column: c, rowSpan: 1, colSpan: 1 });
      } else {
        const g = cells[cell]!;
        g.rowSpan = Math.max(g.rowSpan, r - g.row + 1);
        g.colSpan = Math.max(g.colSpan, c - g.column + 1);
        if (c < g.column) {
          g.colSpan += g.column - c;
          g.column = c;
        }
      }
      row.push(cell);
    }
    cellAt.push(row);
  }
  // A frame around text, or a frame split by one line, is not a table.
  const distinctColumns = new Set(cells.map((c) => `${c.column}:${c.colSpan}`)).size;
  if (cells.length < 4 || distinctColumns < 2 || cells.every((c) => c.colSpan === columns)) return null;
  return {
    xs,
    ys,
    cellAt,
    cells,
    left: xs[0]!,
    right: xs[columns]!,
    top: ys[0]!,
    bottom: ys[rows]!,
  };
}

/**
 * More lines than any table needs: the page is a drawing (a chart, a map, a
 * vector scan), and pairing its lines would take quadratic time.
 */
export const MAX_RULING_SEGMENTS = 5000;

/** Segments long enough to be table lines. */
function tableLines(segments: readonly RulingSegment[]): RulingSegment[] {
  return segments.filter((s) => s.to - s.from >= MIN_SEGMENT);
}

/** Whether the page draws more lines than tables are read from (see MAX_RULING_SEGMENTS). */
export function tooManyLines(segments: readonly RulingSegment[]): boolean {
  return tableLines(segments).length > MAX_RULING_SEGMENTS;
}

/** More grid positions than a table has (表三 of a 2021 report has 170): a drawn pattern, not a table. */
const MAX_GRID_CELLS = 10_000;

/** The tables drawn on a page, top to bottom (none from a page with too many lines). */
export function findRuledGrids(segments: readonly RulingSegment[]): RuledGrid[] {
  const long = tableLines(segments);
  if (long.length > MAX_RULING_SEGMENTS) return [];
  const horizontal = mergeCollinear(long.filter((s) => s.orientation === "horizontal"));
  const vertical = mergeCollinear(long.filter((s) => s.orientation === "vertical"));
  const all = [...horizontal, ...vertical];
  const sets = new UnionFind(all.length);
  for (let i = 0; i < horizontal.length; i++) {
    for (let j = 0; j < vertical.length; j++) {
      if (crosses(horizontal[i]!, vertical[j]!)) sets.union(i, horizontal.length + j);
    }
  }
  const components = new Map<number, { h: RulingSegment[]; v: RulingSegment[] }>();
  all.forEach((segment, i) => {
    const root = sets.find(i);
    const component = components.get(root) ?? { h: [], v: [] };
    (segment.orientation === "horizontal" ? component.h : component.v).push(segment);
    components.set(root, component);
  });
  const grids: RuledGrid[] = [];
  for (const { h, v } of components.values()) {
    if (h.length < 2 || v.length < 2) continue;
    const grid = gridOf(h, v);
    if (grid) grids.push(grid);
  }
  return grids.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** The grid position (row, column) of a point inside the grid, or null. */
export function positionIn(grid: RuledGrid, x: number, y: number): { row: number; column: number } | null {
  if (x < grid.left || x > grid.right || y < grid.top || y > grid.bottom) return null;
  let column = grid.xs.length - 2;
  for (let c = 0; c < grid.xs.length - 1; c++) {
    if (x < grid.xs[c + 1]!) {
      column = c;
      break;
    }
  }
  let row = grid.ys.length - 2;
  for (let r = 0; r < grid.ys.length - 1; r++) {
    if (y < grid.ys[r + 1]!) {
      row = r;
      break;
    }
  }
  return { row, column };
}
