/**
 * The shareable view of one indicator: which jurisdictions and years are
 * selected (kept in the URL as ?j=640202,640500&y=2017,2018), the rows that
 * match, the chart that fits them, and the cells of each table row. Pure and
 * DOM-free, so the server renders the no-JS table with exactly the code the
 * browser uses to update it.
 */
import type { ChartSpec } from "./chart-spec.ts";
import type { CompactRow } from "./indicator-series.ts";
import { formatChange, formatNumber, NOT_REPORTED } from "./format.ts";
import { paths } from "./paths.ts";

export interface Selection {
  jurisdictions: string[];
  years: number[];
}

/** Most series a line chart draws before it becomes unreadable; the table always has all rows. */
export const MAX_SERIES = 10;
/** Rows the browser renders at once after filtering; more are in the downloads. */
export const MAX_CLIENT_ROWS = 500;

/** Both `?j=a,b` (shared links) and `?j=a&j=b` (the form submitted without JS) are accepted. */
export function readSelection(search: string): Selection {
  const params = new URLSearchParams(search);
  const list = (key: string) =>
    params
      .getAll(key)
      .flatMap((v) => v.split(","))
      .map((v) => v.trim())
      .filter((v) => v !== "");
  return {
    jurisdictions: [...new Set(list("j").filter((v) => /^\d{6}$/.test(v)))].sort(),
    years: [...new Set(list("y").filter((v) => /^\d{4}$/.test(v)).map(Number))].sort((a, b) => a - b),
  };
}

export function writeSelection(selection: Selection): string {
  const parts: string[] = [];
  if (selection.jurisdictions.length) parts.push(`j=${selection.jurisdictions.join(",")}`);
  if (selection.years.length) parts.push(`y=${selection.years.join(",")}`);
  return parts.length ? `?${parts.join("&")}` : "";
}

/** An empty list means "all". */
export function filterRows(rows: readonly CompactRow[], selection: Selection): CompactRow[] {
  const js = new Set(selection.jurisdictions);
  const ys = new Set(selection.years);
  return rows.filter((row) => (js.size === 0 || js.has(row.j)) && (ys.size === 0 || ys.has(row.y)));
}

/**
 * Bars when the rows cover one year; lines across years when at least one
 * jurisdiction has figures for two or more years; otherwise bars grouped by year.
 */
export function viewChart(rows: readonly CompactRow[], unit: string): ChartSpec {
  const years = [...new Set(rows.map((r) => r.y))].sort((a, b) => a - b);
  const owners = [...new Map(rows.map((r) => [`${r.j}|${r.n}`, r.n])).entries()].sort((a, b) => a[0].localeCompare(b[0]));
  const rowAt = (owner: string, year: number) => rows.find((r) => `${r.j}|${r.n}` === owner && r.y === year);
  const valueAt = (owner: string, year: number) => rowAt(owner, year)?.v ?? null;
  const multiYearOwner = owners.some(([key]) => years.filter((y) => valueAt(key, y) !== null).length >= 2);
  if (years.length > 1 && multiYearOwner) {
    const shown = owners.slice(0, MAX_SERIES);
    return {
      kind: "line",
      unit,
      categories: years.map((y) => `${y}年`),
      series: shown.map(([key, name]) => ({
        name,
        values: years.map((y) => valueAt(key, y)),
        missing: years.map((y) => rowAt(key, y) === undefined),
      })),
    };
  }
  return {
    kind: "bar",
    unit,
    horizontal: owners.length > 8,
    categories: owners.map(([, name]) => name),
    series: years.map((y) => ({
      name: `${y}年`,
      values: owners.map(([key]) => valueAt(key, y)),
      missing: owners.map(([key]) => rowAt(key, y) === undefined),
    })),
  };
}

export interface Cell {
  text: string;
  href?: string;
  className?: string;
  /** a short badge after the text */
  badge?: { text: string; className: string; title: string };
}

/** The cells of one table row: 地区, 地市, 年度, 数值, 同比, 说明. */
export function rowCells(row: CompactRow): Cell[] {
  const value: Cell =
    row.s === "absent"
      ? { text: NOT_REPORTED, className: "num muted" }
      : { text: formatNumber(row.v), href: paths.sourceLine(row.r, row.l), className: row.v === null ? "num muted" : "num" };
  if (row.o === "x") value.badge = { text: "据正文", className: "badge badge--text", title: "数字据报告正文" };
  const notes: string[] = [];
  if (row.s === "absent") notes.push("报告中没有这一项");
  if (row.s === "null") notes.push("列出但无可读数字");
  if (row.f) notes.push("勾稽检查未通过");
  return [
    { text: row.n, href: paths.report(row.r) },
    { text: row.p },
    { text: String(row.y), className: "num" },
    value,
    { text: formatChange(row.pv, row.v) ?? "—", className: "num" },
    { text: notes.join("；"), className: row.f ? "fail-note" : "muted" },
  ];
}

export const ROW_HEADERS = ["地区", "所属地市", "年度", "数值", "同比变化", "说明"] as const;
