/**
 * Tables the page does not draw: columns from where the text stands.
 *
 * A row of such a table is a line whose text falls apart into runs separated
 * by wide gaps, with figures among them; a table is a run of such rows whose
 * figures line up. Its figure columns are the x ranges the figures of all rows
 * share; everything left of the first is the label column. The lines just
 * above the first row whose words stand over the columns are its header: a
 * word spans the columns it stands over (with no lines drawn, nothing else
 * says how far a group header reaches), and a word stacked on two lines, 商业
 * over 企业, is one header cell. A label line
 * without figures belongs to the row whose figures it sits beside: labels that
 * wrap around their row's figures (一情 形，不 / 4 0 0 … / 计其他情形）) go with
 * that row.
 */
import { isValueText, markHeader, type DraftCell, type GlyphRun, type TableDraft } from "./table-draft.ts";
import { maxOf, minOf, type Line } from "./lines.ts";

interface Segment {
  line: Line;
  from: number;
  to: number;
  left: number;
  right: number;
  text: string;
  value: boolean;
}

/** Gap (in ems) that separates two cells of a row; figures need less, as they never hold a space. */
const CELL_GAP = 1;
const FIGURE_GAP = 0.5;
/** Lines between two rows of one table that are not rows themselves (wrapped labels, a sub-header). */
const MAX_INTERRUPTION = 3;
const MAX_HEADER_LINES = 6;

function segmentsOf(line: Line): Segment[] {
  const segments: Segment[] = [];
  let from = 0;
  const push = (to: number): void => {
    const glyphs = line.glyphs.slice(from, to);
    const start = line.glyphStart[from]!;
    const end = line.glyphStart[to - 1]! + line.glyphs[to - 1]!.text.length;
    const text = line.text.slice(start, end);
    segments.push({
      line,
      from,
      to,
      left: minOf(glyphs, (g) => g.left),
      right: maxOf(glyphs, (g) => g.right),
      text,
      value: isValueText(text),
    });
  };
  for (let i = 1; i < line.glyphs.length; i++) {
    const previous = line.glyphs[i - 1]!;
    const next = line.glyphs[i]!;
    const em = Math.min(previous.size, next.size) || 1;
    const gap = (next.left - previous.right) / em;
    const figures = /[\d.%]$/.test(previous.text) && /^[\d\-+.]/.test(next.text);
    if (gap >= CELL_GAP || (figures && gap >= FIGURE_GAP)) {
      push(i);
      from = i;
    }
  }
  if (line.glyphs.length > 0) push(line.glyphs.length);
  return segments;
}

interface Column {
  left: number;
  right: number;
}

/** x ranges shared by the figures of the rows: overlapping ranges are one column. */
function figureColumns(rows: Segment[][]): Column[] {
  const ranges = rows
    .flat()
    .filter((s) => s.value)
    .map((s) => ({ left: s.left, right: s.right }))
    .sort((a, b) => a.left - b.left);
  const columns: (Column & { count: number })[] = [];
  for (const r of ranges) {
    const last = columns[columns.length - 1];
    if (last && r.left <= last.right) {
      last.right = Math.max(last.right, r.right);
      last.count++;
    } else columns.push({ ...r, count: 1 });
  }
  return columns;
}

/** Whether the figures of the rows line up in shared columns (not prose that happens to hold numbers). */
function aligned(rows: Segment[][], columns: Column[]): boolean {
  const shared = columns.filter((c) => rows.filter((row) => row.some((s) => s.value && overlaps(s, c))).length >= 2);
  const figures = rows.flat().filter((s) => s.value);
  const inShared = figures.filter((s) => shared.some((c) => overlaps(s, c)));
  return shared.length > 0 && inShared.length >= figures.length * 0.6;
}

function overlaps(a: { left: number; right: number }, b: { left: number; right: number }): boolean {
  return a.left < b.right && b.left < a.right;
}

/** A row of figures: figures right of a label (or of a first figure, a row number), or figures only. */
function isRow(segments: Segment[]): boolean {
  return segments.length >= 2 && segments.slice(1).some((s) => s.value);
}

function lineHeight(line: Line): number {
  return line.size || line.bottom - line.top || 1;
}

/** Find the tables among a page's free lines (lines of text outside drawn tables), in reading order. */
export function findUnruledTables(lines: readonly Line[]): TableDraft[] {
  const candidates = lines.map((line) => (line.flow === "horizontal" ? segmentsOf(line) : []));
  const tables: TableDraft[] = [];
  /** The first line a table may still take (lines above belong to the previous table). */
  let floor = 0;
  let i = 0;
  while (i < lines.length) {
    if (!isRow(candidates[i]!)) {
      i++;
      continue;
    }
    // Extend the region over rows and short interruptions.
    let end = i;
    let j = i + 1;
    let interruption = 0;
    while (j < lines.length) {
      const gap = lines[j]!.top - lines[j - 1]!.bottom;
      if (gap > lineHeight(lines[j - 1]!) * 3) break;
      if (isRow(candidates[j]!)) {
        end = j;
        interruption = 0;
      } else if (++interruption > MAX_INTERRUPTION) break;
      j++;
    }
    const rowIndexes = range(i, end + 1).filter((k) => isRow(candidates[k]!));
    const columns = figureColumns(rowIndexes.map((k) => candidates[k]!));
    if (rowIndexes.length >= 2 && aligned(rowIndexes.map((k) => candidates[k]!), columns)) {
      const start = headerStart(lines, candidates, i, end, columns, floor);
      tables.push(buildTable(lines, candidates, start, i, end, columns));
      i = floor = end + 1;
    } else i++;
  }
  return tables;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);
}

/** How far above the first row the header reaches: lines whose words stand over the figure columns. */
function headerStart(
  lines: readonly Line[],
  candidates: Segment[][],
  first: number,
  last: number,
  columns: Column[],
  floor: number,
): number {
  const valuesLeft = columns[0]!.left;
  const valuesRight = columns[columns.length - 1]!.right;
  const bodyLeft = minOf(lines.slice(first, last + 1), (l) => l.left);
  let start = first;
  for (let k = first - 1; k >= floor && first - k <= MAX_HEADER_LINES; k--) {
    const line = lines[k]!;
    const segments = candidates[k]!;
    const below = lines[k + 1]!;
    if (line.flow !== "horizontal" || segments.length === 0) break;
    if (below.top - line.bottom > lineHeight(line) * 2.5) break;
    if (segments.some((s) => s.value)) break;
    const em = lineHeight(line);
    if (line.left < bodyLeft - em * 2 || line.right > valuesRight + em * 2) break;
    const overColumns = segments.some((s) => (s.left + s.right) / 2 >= valuesLeft - em);
    if (!overColumns) break;
    start = k;
  }
  return start;
}

interface PlacedSegment {
  segment: Segment;
  /** First and last column the segment covers (a header word may span columns). */
  first: number;
  lastColumn: number;
}

interface RowDraft {
  segments: PlacedSegment[];
}

function buildTable(
  lines: readonly Line[],
  candidates: Segment[][],
  headerFrom: number,
  first: number,
  last: number,
  figureCols: Column[],
): TableDraft {
  // The label column: the extent of the body's words left of the first figure column.
  const labels = range(first, last + 1)
    .flatMap((k) => candidates[k]!)
    .filter((s) => !s.value && s.right <= figureCols[0]!.left);
  const hasLabels = labels.length > 0;
  const columns: Column[] = hasLabels
    ? [{ left: minOf(labels, (s) => s.left), right: maxOf(labels, (s) => s.right) }, ...figureCols]
    : figureCols;
  // Column boundaries halfway between neighbouring columns.
  const bounds = columns.map((c, n) => ({
    left: n === 0 ? -Infinity : (columns[n - 1]!.right + c.left) / 2,
    right: n === columns.length - 1 ? Infinity : (c.right + columns[n + 1]!.left) / 2,
  }));
  const columnOf = (s: Segment): number => {
    const centreX = (s.left + s.right) / 2;
    return Math.max(0, bounds.findIndex((b) => centreX >= b.left && centreX < b.right));
  };
  const spanOf = (s: Segment): [number, number] => {
    const covered = bounds.map((b, n) => (s.left < b.right && s.right > b.left ? n : -1)).filter((n) => n >= 0);
    return covered.length > 0 ? [covered[0]!, covered[covered.length - 1]!] : [columnOf(s), columnOf(s)];
  };

  const rows: RowDraft[] = [];

  // Header: lines whose words each sit in one column are one header row (a
  // word stacked over two lines); a line with a word across columns is a row of its own.
  let headerRow: RowDraft | null = null;
  for (const k of range(headerFrom, first)) {
    const placed = candidates[k]!.map((segment) => {
      const [a, b] = spanOf(segment);
      return { segment, first: a, lastColumn: b };
    });
    const spanning = placed.some((p) => p.lastColumn > p.first);
    if (spanning || !headerRow) {
      headerRow = { segments: placed };
      rows.push(headerRow);
      if (spanning) headerRow = null;
    } else headerRow.segments.push(...placed);
  }

  // Body: each line with figures is a row; other lines are labels that wrapped, or rows of their own.
  const figureRows = range(first, last + 1).filter((k) => isRow(candidates[k]!));
  const rowOfLine = new Map<number, RowDraft>();
  for (const k of figureRows) {
    const row: RowDraft = {
      segments: candidates[k]!.map((segment) => ({ segment, first: columnOf(segment), lastColumn: columnOf(segment) })),
    };
    rowOfLine.set(k, row);
  }
  const bodyRows: { at: number; row: RowDraft }[] = figureRows.map((k) => ({ at: k, row: rowOfLine.get(k)! }));
  for (const k of range(first, last + 1)) {
    if (rowOfLine.has(k)) continue;
    const segments = candidates[k]!;
    if (segments.length === 0) continue;
    const placed = segments.map((segment) => ({ segment, first: columnOf(segment), lastColumn: columnOf(segment) }));
    const labelOnly = hasLabels && placed.every((p) => p.first === 0);
    const target = labelOnly ? labelTarget(lines, k, figureRows, rowOfLine) : null;
    if (target) target.segments.push(...placed);
    else bodyRows.push({ at: k, row: { segments: placed } });
  }
  bodyRows.sort((a, b) => a.at - b.at);
  rows.push(...bodyRows.map((b) => b.row));

  const cells: DraftCell[] = [];
  const cellAt: number[][] = [];
  const used = new Set<Line>();
  rows.forEach((row, r) => {
    const at: number[] = Array.from({ length: columns.length }, () => -1);
    const ordered = [...row.segments].sort(
      (a, b) => a.first - b.first || a.segment.line.top - b.segment.line.top || a.segment.left - b.segment.left,
    );
    for (const { segment, first: c0, lastColumn: c1 } of ordered) {
      used.add(segment.line);
      const run: GlyphRun = { line: segment.line, from: segment.from, to: segment.to };
      const existing = at[c0]!;
      if (existing >= 0) {
        cells[existing]!.runs.push(run);
        continue;
      }
      const index = cells.length;
      cells.push({ row: r, column: c0, rowSpan: 1, colSpan: c1 - c0 + 1, runs: [run], header: false });
      for (let c = c0; c <= c1; c++) if (at[c]! < 0) at[c] = index;
    }
    for (let c = 0; c < columns.length; c++) {
      if (at[c]! >= 0) continue;
      at[c] = cells.length;
      cells.push({ row: r, column: c, rowSpan: 1, colSpan: 1, runs: [], header: false });
    }
    cellAt.push(at);
  });
  // A cell's runs in the order of the text: line by line, left to right.
  const lineOrder = new Map(lines.map((line, n) => [line, n]));
  for (const cell of cells) cell.runs.sort((a, b) => lineOrder.get(a.line)! - lineOrder.get(b.line)! || a.from - b.from);
  const draft: TableDraft = {
    rows: rows.length,
    columns: columns.length,
    cells,
    cellAt,
    lines: used,
  };
  markHeader(draft);
  return draft;
}

/**
 * The figure row a label line without figures belongs to, or null when it is
 * a row of its own (a row whose cells are all printed blank). A label that
 * wraps is set tight against its row's line (the figures often sit between
 * its two lines); of two rows equally near, one printed without a label of
 * its own takes it, else the row above, unless the line opens a new item
 * (一、 （二） 3.).
 */
function labelTarget(lines: readonly Line[], k: number, figureRows: number[], rows: Map<number, RowDraft>): RowDraft | null {
  const line = lines[k]!;
  const middle = (l: Line): number => (l.top + l.bottom) / 2;
  const above = [...figureRows].reverse().find((r) => r < k);
  const below = figureRows.find((r) => r > k);
  const options = [above, below].filter((r): r is number => r !== undefined);
  if (options.length === 0) return null;
  const distance = (r: number): number => Math.abs(middle(lines[r]!) - middle(line));
  const unlabelled = (r: number): boolean => !rows.get(r)!.segments.some((s) => s.first === 0);
  options.sort((a, b) => distance(a) - distance(b));
  const nearest = options[0]!;
  const target = lines[nearest]!;
  const gap = Math.max(target.top, line.top) - Math.min(target.bottom, line.bottom);
  if (gap > lineHeight(line) * 0.6) return null;
  const other = options[1];
  let chosen = nearest;
  if (other !== undefined && distance(other) - distance(nearest) <= lineHeight(line) * 0.25) {
    if (unlabelled(nearest) !== unlabelled(other)) chosen = unlabelled(nearest) ? nearest : other;
    else chosen = OPENS_ITEM.test(line.text) ? (below ?? nearest) : (above ?? nearest);
  }
  return rows.get(chosen) ?? null;
}

/** A label that starts a new item of the table: 一、 （二） 3. */
const OPENS_ITEM = /^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．])/;
