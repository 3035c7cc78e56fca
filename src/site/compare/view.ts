/**
 * The comparison view as data: from the index, the loaded columns and a
 * selection, the table's columns and rows (each cell a number or the reason
 * there is none, with its link), the sort, the yearly summaries, the chart and
 * the view's title. Pure and DOM-free: the page renders the no-JS default view
 * with exactly the code the browser uses for every other view.
 */
import type { ChartSpec } from "../chart-spec.ts";
import { formatNumber } from "../format.ts";
import { paths } from "../paths.ts";
import { compareText } from "../../report/compare-text.ts";
import { chartMeasure, type ResolvedSelection, type Selection } from "./selection.ts";
import { COMPARE_TEXT as T } from "./strings.ts";
import type { ColumnStatus, CompareIndex, IndexOwner, IndexTemplate, MeasureColumn, MeasureMeta } from "./types.ts";

/** Most lines a chart draws: as many as the chart's palette tells apart; the table has every row. */
export const MAX_SERIES = 8;
/** Most bars of a ranked chart, the largest; the table has every row. */
export const MAX_BARS = 30;
/** Rows the table shows; the downloads always have every row of the view. */
export const MAX_TABLE_ROWS = 1000;

/** A cell's status: a column's, or for a rate x = an operand has no number, z = the denominator is 0. */
export type CellStatus = ColumnStatus | "x" | "z";

export interface ValueCell {
  key: string;
  status: CellStatus;
  /** The number, rounded as published; null unless status is r. */
  value: number | null;
  /** What the table shows: the number, or why there is none. */
  text: string;
  /** The figure's exact place in the source, or the report page; null when the report has nothing to show. */
  href: string | null;
}

export interface ViewRow {
  /** Position in CompareIndex.reports. */
  index: number;
  reportId: string;
  owner: IndexOwner;
  year: number;
  template: IndexTemplate;
  /** One per measure of the view, in column order. */
  cells: ValueCell[];
}

export interface ViewColumn {
  /** owner, prefecture, year, template, or a measure key */
  key: string;
  label: string;
  /** The unit, or the kind of measure; null for the fixed columns. */
  detail: string | null;
  numeric: boolean;
  measure: MeasureMeta | null;
}

export interface SummaryCell {
  key: string;
  value: number | null;
  text: string;
}

export interface YearSummary {
  year: number;
  total: SummaryCell[];
  median: SummaryCell[];
  count: SummaryCell[];
  /** Rows left out because a report they lie within is in the view for the same year. */
  excluded: { row: ViewRow; within: IndexOwner }[];
}

export interface ChartView {
  measure: MeasureMeta;
  title: string;
  /** null when there is nothing to draw; `message` says why. */
  spec: ChartSpec | null;
  message: string;
}

export interface View {
  selection: Selection;
  columns: ViewColumn[];
  measures: MeasureMeta[];
  /** Every row of the view, sorted; the table shows the first MAX_TABLE_ROWS. */
  rows: ViewRow[];
  years: number[];
  summaries: YearSummary[];
  chart: ChartView | null;
  /** Sentences about the URL's choices that were dropped, and about an empty view. */
  notices: string[];
  /** Why the table has no rows; null when it has some. */
  emptyMessage: string | null;
  title: string;
  /** The formats of the rows, in catalog order. */
  templates: IndexTemplate[];
}

/** The columns a view needs loaded: its concepts and indicators, and its rates' operands. */
export function columnsNeeded(index: CompareIndex, measures: readonly string[]): string[] {
  const byKey = new Map(index.measures.map((m) => [m.key, m]));
  const keys = new Set<string>();
  for (const key of measures) {
    const measure = byKey.get(key);
    if (!measure) continue;
    if (measure.rate) {
      keys.add(measure.rate.numerator);
      if (measure.rate.denominator) keys.add(measure.rate.denominator);
    } else keys.add(key);
  }
  return [...keys];
}

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}

/** A measure's number as the table shows it: 1,234 · 76.7% · 21.5. */
export function formatMeasureValue(measure: MeasureMeta, value: number): string {
  if (measure.rate?.kind === "ratio" && measure.unit === "%") return `${value.toFixed(measure.rate.digits)}%`;
  return formatNumber(value);
}

function columnCell(index: CompareIndex, column: MeasureColumn, measure: MeasureMeta, at: number): ValueCell {
  const reportId = index.reports[at]![0];
  const status = column.status[at] as ColumnStatus;
  const span = column.spans[at];
  const href = status === "a" || status === "f" ? null : span ? paths.sourceSpan(reportId, span[0], span[1]) : paths.report(reportId);
  if (status === "r") {
    const value = column.values[at]!;
    return { key: measure.key, status, value, text: formatMeasureValue(measure, value), href };
  }
  return { key: measure.key, status, value: null, text: T.reasons[status], href };
}

function rateCell(measure: MeasureMeta, operands: { measure: MeasureMeta; cell: ValueCell }[]): ValueCell {
  const rate = measure.rate!;
  const formatless = operands.find((o) => o.cell.status === "f");
  if (formatless) return { key: measure.key, status: "f", value: null, text: T.reasons.f, href: null };
  const missing = operands.find((o) => o.cell.status !== "r");
  const base = { key: measure.key };
  if (missing) {
    return { ...base, status: "x", value: null, text: T.missingOperand(missing.measure.label, T.reasons[missing.cell.status as Exclude<ColumnStatus, "r">]), href: null };
  }
  const numerator = operands[0]!.cell.value!;
  if (rate.kind === "per_report") {
    const value = round(numerator, rate.digits);
    return { ...base, status: "r", value, text: formatMeasureValue(measure, value), href: null };
  }
  const denominator = operands[1]!.cell.value!;
  if (denominator === 0) return { ...base, status: "z", value: null, text: T.zeroDenominator(operands[1]!.measure.label), href: null };
  const value = round((numerator / denominator) * rate.scale, rate.digits);
  return { ...base, status: "r", value, text: formatMeasureValue(measure, value), href: null };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function summaryCell(measure: MeasureMeta, value: number | null): SummaryCell {
  return { key: measure.key, value, text: value === null ? "—" : formatMeasureValue(measure, value) };
}

/**
 * Per year: totals, medians and counts over the rows that give a number,
 * leaving out a row whose owner lies within another row's owner that year
 * (a district when its city is in the view, a department with its government).
 */
export function yearSummaries(rows: readonly ViewRow[], measures: readonly MeasureMeta[], operandCells: (row: ViewRow, key: string) => ValueCell): YearSummary[] {
  const byYear = new Map<number, ViewRow[]>();
  for (const row of rows) {
    const list = byYear.get(row.year);
    if (list) list.push(row);
    else byYear.set(row.year, [row]);
  }
  const years = [...byYear.keys()].sort((a, b) => a - b);
  return years.map((year) => {
    const inYear = byYear.get(year)!.sort((a, b) => a.index - b.index);
    const owners = new Map(inYear.map((r) => [r.owner.key, r.owner]));
    const excluded: YearSummary["excluded"] = [];
    const included: ViewRow[] = [];
    for (const row of inYear) {
      const within = row.owner.within.find((key) => owners.has(key));
      if (within) excluded.push({ row, within: owners.get(within)! });
      else included.push(row);
    }
    const total: SummaryCell[] = [];
    const med: SummaryCell[] = [];
    const count: SummaryCell[] = [];
    measures.forEach((measure, m) => {
      const values = included.flatMap((r) => (r.cells[m]!.status === "r" ? [r.cells[m]!.value!] : []));
      count.push({ key: measure.key, value: values.length, text: formatNumber(values.length) });
      const mid = median(values);
      const rate = measure.rate;
      if (!rate) {
        total.push(summaryCell(measure, values.length ? values.reduce((a, b) => a + b, 0) : null));
        med.push(summaryCell(measure, mid));
        return;
      }
      med.push(summaryCell(measure, mid === null ? null : round(mid, rate.digits)));
      const numerators = included.map((r) => operandCells(r, rate.numerator));
      if (rate.kind === "per_report") {
        const given = numerators.filter((c) => c.status === "r").map((c) => c.value!);
        total.push(summaryCell(measure, given.length ? round(given.reduce((a, b) => a + b, 0) / given.length, rate.digits) : null));
        return;
      }
      let num = 0;
      let den = 0;
      included.forEach((r, i) => {
        const n = numerators[i]!;
        const d = operandCells(r, rate.denominator!);
        if (n.status === "r" && d.status === "r") {
          num += n.value!;
          den += d.value!;
        }
      });
      total.push(summaryCell(measure, den === 0 ? null : round((num / den) * rate.scale, rate.digits)));
    });
    return { year, total, median: med, count, excluded };
  });
}

function compareRows(columns: readonly ViewColumn[], templates: readonly IndexTemplate[], sort: Selection["sort"]): (a: ViewRow, b: ViewRow) => number {
  if (!sort) return (a, b) => a.index - b.index;
  const direction = sort.descending ? -1 : 1;
  const measureAt = columns.filter((c) => c.measure).findIndex((c) => c.key === sort.key);
  // Text and numbers in their own order; a row without a value always last, ties in the default order.
  const keyOf = (row: ViewRow): string | number | null => {
    switch (sort.key) {
      case "owner":
        return row.owner.name;
      case "prefecture":
        return row.owner.prefecture;
      case "year":
        return row.year;
      case "template":
        return templates.indexOf(row.template);
      default:
        return measureAt >= 0 ? row.cells[measureAt]!.value : null;
    }
  };
  return (a, b) => {
    const ka = keyOf(a);
    const kb = keyOf(b);
    if (ka === null || kb === null) return ka === kb ? a.index - b.index : ka === null ? 1 : -1;
    const order = typeof ka === "number" && typeof kb === "number" ? ka - kb : compareText(String(ka), String(kb));
    return order * direction || a.index - b.index;
  };
}

function ownerNames(owners: readonly IndexOwner[]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const o of owners) counts.set(o.name, (counts.get(o.name) ?? 0) + 1);
  return new Map(owners.map((o) => [o.key, (counts.get(o.name) ?? 0) > 1 ? o.fullName : o.name]));
}

/**
 * Lines across years when the view is series (at least half of its owners
 * have figures for two years or more); otherwise a ranked list of bars, the
 * largest first: the owners of a single year, or the reports themselves.
 */
function chartView(rows: readonly ViewRow[], measures: readonly MeasureMeta[], key: string | null): ChartView | null {
  const m = measures.findIndex((x) => x.key === key);
  if (m < 0) return null;
  const measure = measures[m]!;
  const title = `${measure.label}（${measure.unit}）`;
  const base = { measure, title };
  if (rows.length === 0) return { ...base, spec: null, message: T.chart.empty };
  const ordered = [...rows].sort((a, b) => a.index - b.index);
  const numbers = ordered.flatMap((r) => (r.cells[m]!.status === "r" ? [r.cells[m]!.value!] : []));
  if (numbers.length === 0) return { ...base, spec: null, message: T.chart.noNumbers };
  if (numbers.every((v) => v === 0)) return { ...base, spec: null, message: T.chart.allZero };
  const years = [...new Set(ordered.map((r) => r.year))].sort((a, b) => a - b);
  const owners = [...new Map(ordered.map((r) => [r.owner.key, r.owner])).values()];
  const names = ownerNames(owners);
  const byOwnerYear = new Map<string, ViewRow>();
  for (const r of ordered) if (!byOwnerYear.has(`${r.owner.key}@${r.year}`)) byOwnerYear.set(`${r.owner.key}@${r.year}`, r);
  const rowAt = (owner: string, year: number) => byOwnerYear.get(`${owner}@${year}`);
  const valueAt = (owner: string, year: number) => rowAt(owner, year)?.cells[m]!.value ?? null;
  // A line needs two points: owners with figures for two years or more get one; the others are in the table.
  const series = owners.filter((o) => years.filter((y) => valueAt(o.key, y) !== null).length >= 2);
  if (years.length > 1 && series.length > 0 && series.length * 2 >= owners.length) {
    const shown = series.slice(0, MAX_SERIES);
    // Every year from the first to the last, so a gap of years is a gap on the axis, not a shorter step.
    const axis = Array.from({ length: years.at(-1)! - years[0]! + 1 }, (_, i) => years[0]! + i);
    return {
      ...base,
      message: T.chart.line(
        shown.map((o) => names.get(o.key)!),
        series.length,
        owners.length - series.length,
      ),
      spec: {
        kind: "line",
        unit: measure.unit,
        categories: axis.map((y) => T.words.year(y)),
        series: shown.map((o) => ({
          name: names.get(o.key)!,
          values: axis.map((y) => valueAt(o.key, y)),
          missing: axis.map((y) => rowAt(o.key, y) === undefined),
        })),
      },
    };
  }
  const single = years.length === 1;
  const bars = ordered
    .filter((r) => r.cells[m]!.status === "r")
    .sort((a, b) => b.cells[m]!.value! - a.cells[m]!.value! || a.index - b.index);
  const shown = bars.slice(0, MAX_BARS);
  return {
    ...base,
    message: T.chart.ranked(single ? years[0]! : null, shown.length, bars.length, rows.length - bars.length),
    spec: {
      kind: "bar",
      unit: measure.unit,
      horizontal: true,
      // The value in the label: every bar says its number, and a 0 is a visible 0.
      categories: shown.map((r) => `${single ? names.get(r.owner.key)! : `${names.get(r.owner.key)} ${r.year}`}：${r.cells[m]!.text}`),
      series: [{ name: single ? T.words.year(years[0]!) : measure.label, values: shown.map((r) => r.cells[m]!.value), missing: shown.map(() => false) }],
    },
  };
}

/** How tall the chart's box is: a horizontal bar needs its own line whatever the width. */
export function chartSize(spec: ChartSpec | null): "normal" | "tall" | "taller" {
  if (!spec || !spec.horizontal) return "normal";
  const bars = spec.categories.length;
  return bars <= 10 ? "normal" : bars <= 20 ? "tall" : "taller";
}

function yearsText(years: readonly number[]): string {
  if (years.length === 0) return "";
  const contiguous = years.every((y, i) => i === 0 || y === years[i - 1]! + 1);
  return years.length > 2 && contiguous ? T.words.yearSpan(years[0]!, years.at(-1)!) : T.words.years(years);
}

/** 对比：收到申请数、不予公开占收到申请的比例（平潭综合实验区、中卫市，2017、2022年） */
export function viewTitle(index: CompareIndex, selection: Selection, measures: readonly MeasureMeta[], nothingKnown = false): string {
  const W = T.words;
  const labels = measures.length ? W.list(measures.map((m) => m.label), 3, W.measures) : "—";
  if (nothingKnown) return W.viewTitle(labels, T.unknown.none);
  const owners = selection.owners.length
    ? W.list(
        selection.owners.map((k) => index.owners.find((o) => o.key === k)?.name ?? k),
        3,
        W.owners,
      )
    : W.allOwners;
  const allYears = [...new Set(index.reports.map((r) => r[2]))].sort((a, b) => a - b);
  const years = selection.years.length ? yearsText(selection.years) : allYears.length ? W.yearSpan(allYears[0]!, allYears.at(-1)!) : "";
  return W.viewTitle(labels, [owners, years].filter(Boolean).join("，"));
}

function noticesOf(resolved: ResolvedSelection): string[] {
  const { unknown } = resolved;
  const notices: string[] = [];
  if (unknown.owners.length) notices.push(T.unknown.owners(unknown.owners));
  if (unknown.years.length) notices.push(T.unknown.years(unknown.years));
  if (unknown.measures.length) notices.push(T.unknown.measures(unknown.measures));
  if (unknown.chart) notices.push(T.unknown.chart(unknown.chart));
  if (unknown.sort) notices.push(T.unknown.sort(unknown.sort));
  return notices;
}

/** Build the view; `columns` must hold every key of columnsNeeded(index, selection.measures). */
export function buildView(index: CompareIndex, columns: ReadonlyMap<string, MeasureColumn>, resolved: ResolvedSelection): View {
  const { selection } = resolved;
  const byKey = new Map(index.measures.map((m) => [m.key, m]));
  const measures = selection.measures.map((k) => byKey.get(k)!);
  for (const key of columnsNeeded(index, selection.measures)) {
    if (!columns.has(key)) throw new Error(`compare: column ${key} is not loaded`);
  }
  const owners = new Set(selection.owners);
  const years = new Set(selection.years);
  const picked: number[] = [];
  if (!resolved.nothingKnown) {
    index.reports.forEach((r, i) => {
      const owner = index.owners[r[1]]!;
      if ((owners.size === 0 || owners.has(owner.key)) && (years.size === 0 || years.has(r[2]))) picked.push(i);
    });
  }
  // Each column's cells once per report, whether a measure or a rate's operand asks.
  const operandCache = new Map<string, ValueCell[]>();
  const operand = (at: number, key: string): ValueCell => {
    let cells = operandCache.get(key);
    if (!cells) operandCache.set(key, (cells = []));
    return (cells[at] ??= columnCell(index, columns.get(key)!, byKey.get(key)!, at));
  };
  const cellOf = (at: number, measure: MeasureMeta): ValueCell => {
    if (!measure.rate) return operand(at, measure.key);
    const keys = [measure.rate.numerator, ...(measure.rate.denominator ? [measure.rate.denominator] : [])];
    const cell = rateCell(
      measure,
      keys.map((k) => ({ measure: byKey.get(k)!, cell: operand(at, k) })),
    );
    return cell.status === "r" || cell.status === "x" || cell.status === "z" ? { ...cell, href: paths.report(index.reports[at]![0]) } : cell;
  };
  const rows: ViewRow[] = picked.map((at) => {
    const [reportId, ownerAt, year, templateAt] = index.reports[at]!;
    return {
      index: at,
      reportId,
      owner: index.owners[ownerAt]!,
      year,
      template: index.templates[templateAt]!,
      cells: measures.map((m) => cellOf(at, m)),
    };
  });
  // Who and when first, the figures next, then where the row sits and which format it follows.
  const viewColumns: ViewColumn[] = [
    { key: "owner", label: T.columns.owner, detail: null, numeric: false, measure: null },
    { key: "year", label: T.columns.year, detail: null, numeric: true, measure: null },
    ...measures.map((m) => ({ key: m.key, label: m.label, detail: `${T.kind[m.kind]} · ${m.unit}`, numeric: true, measure: m })),
    { key: "template", label: T.columns.template, detail: null, numeric: false, measure: null },
    { key: "prefecture", label: T.columns.prefecture, detail: null, numeric: false, measure: null },
  ];
  rows.sort(compareRows(viewColumns, index.templates, selection.sort));
  const templateIds = new Set(rows.map((r) => r.template.id));
  const notices = noticesOf(resolved);
  if (measures.length === 0) notices.push(T.noMeasures);
  return {
    selection,
    columns: viewColumns,
    measures,
    rows,
    years: [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b),
    summaries: yearSummaries(rows, measures, (row, key) => operand(row.index, key)),
    chart: chartView(rows, measures, chartMeasure(selection)),
    notices,
    emptyMessage: rows.length > 0 ? null : resolved.nothingKnown ? T.unknown.nothing : T.empty,
    title: viewTitle(index, selection, measures, resolved.nothingKnown),
    templates: index.templates.filter((t) => templateIds.has(t.id)),
  };
}

/** The reports the summaries leave out, as the page names them. */
export function excludedText(view: View): string | null {
  const items = view.summaries.flatMap((s) => s.excluded.map((e) => T.summary.excludedItem(e.row.owner.name, s.year, e.within.name)));
  return items.length ? T.summary.excluded(items) : null;
}

/** The row cells of the fixed columns, as the table shows them. */
export function fixedCells(row: ViewRow): { owner: string; ownerHref: string; prefecture: string; year: string; template: string } {
  return {
    owner: row.owner.name,
    ownerHref: paths.report(row.reportId),
    prefecture: row.owner.prefecture ?? "—",
    year: String(row.year),
    template: row.template.short,
  };
}

/** Split a catalog text "中文 / English" into its two languages. */
export function bilingual(text: string): { zh: string; en: string | null } {
  const at = text.indexOf(" / ");
  return at < 0 ? { zh: text, en: null } : { zh: text.slice(0, at), en: text.slice(at + 3) };
}

/** The caveats of the view's concepts for the formats of its rows, and its rates' definitions. */
export function viewCaveats(view: View): { measure: MeasureMeta; notes: { templates: IndexTemplate[]; zh: string; en: string | null }[] }[] {
  return view.measures
    .filter((m) => m.kind !== "i")
    .map((measure) => {
      if (measure.note) return { measure, notes: [{ templates: [], ...bilingual(measure.note) }] };
      // Formats whose caveat reads the same share one note.
      const byText = new Map<string, IndexTemplate[]>();
      for (const t of view.templates) {
        const text = measure.caveats[t.id];
        if (text) byText.set(text, [...(byText.get(text) ?? []), t]);
      }
      const notes = [...byText.entries()].map(([text, templates]) => ({ templates, ...bilingual(text) }));
      return { measure, notes };
    })
    .filter((entry) => entry.notes.length > 0);
}

/** The sort a click on a column head asks for: ascending first (numbers: largest first), then the reverse. */
export function nextSort(current: Selection["sort"], column: ViewColumn): NonNullable<Selection["sort"]> {
  const first = column.measure !== null;
  if (current?.key === column.key) return { key: column.key, descending: !current.descending };
  return { key: column.key, descending: first };
}
