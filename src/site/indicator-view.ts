/**
 * The shareable view of one indicator: which jurisdictions and years are
 * selected and how the table is sorted (kept in the URL as
 * ?j=640202,x659039f5dea5&y=2017,2018&sort=-value), the rows that match, the
 * chart that fits them, what to say when the URL names something the data
 * does not have, and the cells of each table row. Pure and DOM-free, so the
 * server renders the no-JS table with exactly the code the browser uses to
 * update it.
 */
import { jurisdictionIdPattern } from "../schema/ids.ts";
import { compareText } from "../report/compare-text.ts";
import { seriesColour, yearColour, type ChartSpec, type PointState } from "./chart-spec.ts";
import type { CompactRow } from "./indicator-series.ts";
import { formatChange, formatNumber, NOT_REPORTED } from "./format.ts";
import { paths } from "./paths.ts";
import { templateMark, templateMarks, type TemplateMark } from "./series/templates.ts";

export type SortColumn = "owner" | "year" | "value" | "change";

export interface Sort {
  column: SortColumn;
  descending: boolean;
}

export interface Selection {
  jurisdictions: string[];
  years: number[];
  /** null: the table's own order (year, then jurisdiction) */
  sort: Sort | null;
}

/** Most series a line chart draws before it becomes unreadable; the table always has all rows. */
export const MAX_SERIES = 10;
/** Rows the browser renders at once after filtering; more are in the downloads. */
export const MAX_CLIENT_ROWS = 500;

const SORT_COLUMNS: readonly SortColumn[] = ["owner", "year", "value", "change"];

function listParam(params: URLSearchParams, key: string): string[] {
  return params
    .getAll(key)
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => v !== "");
}

function readSort(text: string | null): Sort | null {
  if (!text) return null;
  const descending = text.startsWith("-");
  const column = (descending ? text.slice(1) : text) as SortColumn;
  return SORT_COLUMNS.includes(column) ? { column, descending } : null;
}

/** Both `?j=a,b` (shared links) and `?j=a&j=b` (the form submitted without JS) are accepted. */
export function readSelection(search: string): Selection {
  const params = new URLSearchParams(search);
  return {
    jurisdictions: [...new Set(listParam(params, "j").filter((v) => jurisdictionIdPattern.test(v)))].sort(compareText),
    years: [...new Set(listParam(params, "y").filter((v) => /^\d{4}$/.test(v)).map(Number))].sort((a, b) => a - b),
    sort: readSort(params.get("sort")),
  };
}

/** Values of j, y and sort in the URL that the view cannot read (said on the page, never silently dropped). */
export function ignoredValues(search: string): string[] {
  const params = new URLSearchParams(search);
  const sort = params.get("sort");
  return [
    ...listParam(params, "j").filter((v) => !jurisdictionIdPattern.test(v)),
    ...listParam(params, "y").filter((v) => !/^\d{4}$/.test(v)),
    ...(sort !== null && readSort(sort) === null ? [sort] : []),
  ];
}

export function writeSelection(selection: Selection): string {
  const parts: string[] = [];
  if (selection.jurisdictions.length) parts.push(`j=${selection.jurisdictions.join(",")}`);
  if (selection.years.length) parts.push(`y=${selection.years.join(",")}`);
  if (selection.sort) parts.push(`sort=${selection.sort.descending ? "-" : ""}${selection.sort.column}`);
  return parts.length ? `?${parts.join("&")}` : "";
}

/** An empty list means "all". */
export function filterRows(rows: readonly CompactRow[], selection: Pick<Selection, "jurisdictions" | "years">): CompactRow[] {
  const js = new Set(selection.jurisdictions);
  const ys = new Set(selection.years);
  return rows.filter((row) => (js.size === 0 || js.has(row.j)) && (ys.size === 0 || ys.has(row.y)));
}

/** Jurisdictions and years the selection names that no row has. */
export function unmatchedSelection(rows: readonly CompactRow[], selection: Pick<Selection, "jurisdictions" | "years">): { jurisdictions: string[]; years: number[] } {
  const js = new Set(rows.map((r) => r.j));
  const ys = new Set(rows.map((r) => r.y));
  return { jurisdictions: selection.jurisdictions.filter((j) => !js.has(j)), years: selection.years.filter((y) => !ys.has(y)) };
}

/** What the page says about the URL and the result: unknown jurisdictions or years, unreadable values, nothing matching. */
export function viewMessages(rows: readonly CompactRow[], selection: Selection, ignored: readonly string[]): string[] {
  const messages: string[] = [];
  const unmatched = unmatchedSelection(rows, selection);
  if (unmatched.jurisdictions.length) {
    messages.push(
      `网址中的地区 ${unmatched.jurisdictions.join("、")} 在本指标的数据中没有：本站没有收录这个地区，或它的报告所用的统计表格式没有这一指标。`,
    );
  }
  if (unmatched.years.length) messages.push(`网址中的年度 ${unmatched.years.join("、")} 没有含这一指标的报告。`);
  if (ignored.length) messages.push(`网址中的${ignored.map((v) => `「${v}」`).join("、")}不是地区代码、年度或排序方式，已忽略。`);
  if (filterRows(rows, selection).length === 0) messages.push("没有符合所选地区和年度的报告，因此没有图表。点「全部显示」可看全部报告。");
  return messages;
}

const ownerOf = (row: CompactRow) => `${row.j}|${row.n}`;

function changeOf(row: CompactRow): number | null {
  return row.v === null || row.pv === null ? null : row.v - row.pv;
}

/** Sorted copy; rows without a number (未报告, no previous year) always last; ties keep the table's own order. */
export function sortRows(rows: readonly CompactRow[], sort: Sort | null): CompactRow[] {
  if (!sort) return [...rows];
  const sign = sort.descending ? -1 : 1;
  const indexed = rows.map((row, index) => ({ row, index }));
  const key = (row: CompactRow): number | string | null => {
    switch (sort.column) {
      case "owner":
        return row.n;
      case "year":
        return row.y;
      case "value":
        return row.s === "value" ? row.v : null;
      case "change":
        return changeOf(row);
    }
  };
  indexed.sort((a, b) => {
    const ka = key(a.row);
    const kb = key(b.row);
    if (ka === null || kb === null) return ka === kb ? a.index - b.index : ka === null ? 1 : -1;
    const order = typeof ka === "string" ? compareText(ka, kb as string) : ka - (kb as number);
    return order === 0 ? a.index - b.index : sign * order;
  });
  return indexed.map((i) => i.row);
}

/** Every owner of the indicator, in one stable order: a series keeps its colour whatever is filtered. */
export function ownerOrder(rows: readonly CompactRow[]): string[] {
  return [...new Set(rows.map(ownerOf))].sort(compareText);
}

function stateOf(row: CompactRow | undefined): PointState {
  if (!row) return "none";
  return row.s;
}

/**
 * Bars when the rows cover one year, or when no jurisdiction has figures for
 * two years (one bar per jurisdiction, one colour per year); otherwise a line
 * per jurisdiction across the years, each point in the shape of its format.
 * `order` is the whole indicator's owner order (ownerOrder), for stable colours.
 */
export function viewChart(rows: readonly CompactRow[], unit: string, order: readonly string[] = ownerOrder(rows)): ChartSpec {
  const years = [...new Set(rows.map((r) => r.y))].sort((a, b) => a - b);
  const owners = [...new Map(rows.map((r) => [ownerOf(r), r.n])).entries()].sort((a, b) => compareText(a[0], b[0]));
  const position = new Map(order.map((key, i) => [key, i]));
  const rowAt = (owner: string, year: number) => rows.find((r) => ownerOf(r) === owner && r.y === year);
  const multiYearOwner = owners.some(([key]) => years.filter((y) => rowAt(key, y)?.s === "value").length >= 2);
  if (years.length > 1 && multiYearOwner) {
    return {
      kind: "line",
      unit,
      categories: years.map((y) => `${y}年`),
      series: owners.slice(0, MAX_SERIES).map(([key, name]) => {
        const points = years.map((y) => rowAt(key, y));
        return {
          name,
          values: points.map((p) => (p?.s === "value" ? p.v : null)),
          states: points.map(stateOf),
          shapes: points.map((p) => (p ? templateMark(p.t).shape : null)),
          colour: seriesColour(position.get(key) ?? 0),
        };
      }),
    };
  }
  return {
    kind: "bar",
    unit,
    horizontal: owners.length > 8,
    categories: owners.map(([, name]) => name),
    series: years.map((y) => {
      const points = owners.map(([key]) => rowAt(key, y));
      return {
        name: `${y}年`,
        values: points.map((p) => (p?.s === "value" ? p.v : null)),
        states: points.map(stateOf),
        colour: yearColour(y),
      };
    }),
  };
}

/** The words for a figure without a number, as the table shows them. */
export const STATUS_TEXT: Record<Exclude<CompactRow["s"], "value">, { value: string; note: string }> = {
  not_reported: { value: NOT_REPORTED, note: "报告列出这一项但未填数字（空白、—或/）" },
  uncertain: { value: "无法确定", note: "报告印了内容，但无法确定是哪个数字" },
  absent: { value: NOT_REPORTED, note: "报告中没有这一项" },
};

export interface Cell {
  text: string;
  href?: string;
  className?: string;
  /** the cell's sort key, for the sortable table */
  sort?: string;
  /** a short badge after the text */
  badge?: { text: string; className: string; title: string };
}

export interface ColumnHead {
  label: string;
  sort?: SortColumn;
  numeric?: boolean;
}

export const ROW_HEADERS: readonly ColumnHead[] = [
  { label: "地区", sort: "owner" },
  { label: "所属地市" },
  { label: "年度", sort: "year", numeric: true },
  { label: "统计表格式" },
  { label: "数值", sort: "value", numeric: true },
  { label: "同比变化", sort: "change", numeric: true },
  { label: "说明" },
];

/** The cells of one table row: 地区, 地市, 年度, 格式, 数值, 同比, 说明. */
export function rowCells(row: CompactRow): Cell[] {
  const mark = templateMark(row.t);
  let value: Cell;
  if (row.s === "value") {
    value = { text: formatNumber(row.v), className: "num", sort: String(row.v) };
  } else {
    value = { text: STATUS_TEXT[row.s].value, className: "num muted" };
  }
  if (row.l > 0) value.href = paths.sourceLine(row.r, row.l);
  if (row.o === "x") value.badge = { text: "据正文", className: "badge badge--text", title: "数字据报告正文" };
  if (row.o === "d") value.badge = { text: "相加所得", className: "badge", title: "报告没有印这个数，本站按统计表的定义把各项相加" };
  const notes: string[] = [];
  if (row.s !== "value") notes.push(STATUS_TEXT[row.s].note);
  if (row.f) notes.push("勾稽检查未通过");
  const change = changeOf(row);
  return [
    { text: row.n, href: paths.report(row.r), sort: row.n },
    { text: row.p },
    { text: String(row.y), className: "num", sort: String(row.y) },
    { text: `${mark.symbol} ${mark.short}`, className: "template-cell" },
    value,
    { text: formatChange(row.pv, row.v) ?? "—", className: "num", ...(change === null ? {} : { sort: String(change) }) },
    { text: notes.join("；"), className: row.f ? "fail-note" : "muted" },
  ];
}

/** The formats the rows come from, oldest first: the legend of the point shapes. */
export function templatesIn(rows: readonly CompactRow[]): TemplateMark[] {
  const used = new Set(rows.map((r) => r.t));
  return templateMarks().filter((m) => used.has(m.id));
}
