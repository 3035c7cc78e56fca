/**
 * Browser side of the indicator view: read the rows (embedded JSON, or
 * values.json for large corpora), restore the view from the URL (selection
 * and sort), say what the URL names that the data does not have, and on every
 * change redraw chart, legend and table and write the view back to the URL.
 * Column heads become sort buttons; the download button writes the CSV of
 * exactly the rows the table lists, in its order. Report text only ever
 * reaches the page as textContent.
 */
import { hasNumbers } from "../chart-spec.ts";
import type { CompactRow } from "../indicator-series.ts";
import {
  filterRows,
  ignoredValues,
  MAX_CLIENT_ROWS,
  MAX_SERIES,
  readSelection,
  ROW_HEADERS,
  rowCells,
  sortRows,
  templatesIn,
  viewChart,
  viewMessages,
  writeSelection,
  type Selection,
  type Sort,
  type SortColumn,
} from "../indicator-view.ts";
import { chartLegend } from "../series/legend.ts";
import { drawChart } from "./draw-chart.ts";

async function loadRows(root: HTMLElement): Promise<CompactRow[]> {
  const island = root.querySelector("script[data-view-data]");
  if (island?.textContent) return JSON.parse(island.textContent) as CompactRow[];
  const url = root.dataset.valuesUrl;
  if (!url) return [];
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as CompactRow[];
}

function renderRow(row: CompactRow): HTMLTableRowElement {
  const tr = document.createElement("tr");
  tr.dataset.report = row.r;
  rowCells(row).forEach((cell, i) => {
    const el = document.createElement(i === 0 ? "th" : "td");
    if (i === 0) el.scope = "row";
    if (cell.className) el.className = cell.className;
    if (cell.href) {
      const a = document.createElement("a");
      a.href = cell.href;
      a.textContent = cell.text;
      el.append(a);
    } else {
      el.textContent = cell.text;
    }
    if (cell.badge) {
      const badge = document.createElement("span");
      badge.className = cell.badge.className;
      badge.title = cell.badge.title;
      badge.textContent = cell.badge.text;
      el.append(" ", badge);
    }
    tr.append(el);
  });
  return tr;
}

function emptyRow(): HTMLTableRowElement {
  const tr = document.createElement("tr");
  const td = document.createElement("td");
  td.colSpan = ROW_HEADERS.length;
  td.textContent = "没有符合所选地区和年度的报告。";
  tr.append(td);
  return tr;
}

function formSelection(form: HTMLFormElement, sort: Sort | null): Selection {
  const checked = (name: string) => [...form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)].map((input) => input.value);
  return {
    jurisdictions: checked("j").sort(),
    years: checked("y").map(Number).sort((a, b) => a - b),
    sort,
  };
}

function applyToForm(form: HTMLFormElement, selection: Selection): void {
  for (const input of form.querySelectorAll<HTMLInputElement>('input[name="j"]')) input.checked = selection.jurisdictions.includes(input.value);
  for (const input of form.querySelectorAll<HTMLInputElement>('input[name="y"]')) input.checked = selection.years.includes(Number(input.value));
}

function paragraphs(container: Element, texts: readonly string[]): void {
  container.replaceChildren(
    ...texts.map((text) => {
      const p = document.createElement("p");
      p.textContent = text;
      return p;
    }),
  );
}

/** Turn the sortable column heads into buttons (they are plain text without the script). */
function sortButtons(table: HTMLTableElement, onSort: (column: SortColumn) => void): HTMLTableCellElement[] {
  const heads = [...table.querySelectorAll<HTMLTableCellElement>("th[data-sort-column]")].filter((th) => th.dataset.sortColumn);
  for (const th of heads) {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = th.textContent?.trim() ?? "";
    button.addEventListener("click", () => onSort(th.dataset.sortColumn as SortColumn));
    th.replaceChildren(button);
  }
  return heads;
}

function showSort(heads: readonly HTMLTableCellElement[], sort: Sort | null): void {
  for (const th of heads) {
    if (sort && th.dataset.sortColumn === sort.column) th.setAttribute("aria-sort", sort.descending ? "descending" : "ascending");
    else th.removeAttribute("aria-sort");
  }
}

function legendItems(container: Element, rows: readonly CompactRow[], spec: ReturnType<typeof viewChart>): void {
  const items = chartLegend(spec, templatesIn(rows));
  const list = document.createElement("ul");
  list.className = "marks-legend js-only";
  list.setAttribute("aria-label", "图例");
  for (const item of items) {
    const li = document.createElement("li");
    li.className = `marks-legend__item marks-legend__item--${item.kind}`;
    const symbol = document.createElement("span");
    symbol.className = "marks-legend__symbol";
    symbol.setAttribute("aria-hidden", "true");
    symbol.textContent = item.symbol;
    li.append(symbol, item.text);
    list.append(li);
  }
  container.replaceChildren(...(items.length ? [list] : []));
}

async function downloadCsv(indicator: string, rows: readonly CompactRow[], selection: Selection): Promise<void> {
  const { selectionCsv, selectionFileName } = await import("../series/selection-csv.ts");
  const blob = new Blob([selectionCsv(indicator, rows)], { type: "text/csv;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = selectionFileName(indicator, selection);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export async function startIndicatorView(root: HTMLElement): Promise<void> {
  const unit = root.dataset.unit ?? "";
  const indicator = root.dataset.indicator ?? "indicator";
  const form = root.querySelector("form")!;
  const canvas = root.querySelector<HTMLCanvasElement>("canvas[data-view-canvas]");
  const figure = root.querySelector<HTMLElement>("[data-view-figure]");
  const legend = root.querySelector("[data-chart-legend]");
  const table = root.querySelector<HTMLTableElement>("table[data-view-table]")!;
  const body = root.querySelector<HTMLTableSectionElement>("tbody[data-view-rows]")!;
  const count = root.querySelector("[data-count]");
  const note = root.querySelector("[data-chart-note]");
  const messages = root.querySelector("[data-view-messages]");
  const pager = root.querySelector<HTMLElement>("[data-pager]");
  const download = root.querySelector<HTMLButtonElement>("button[data-download-selection]");
  const orderIsland = root.querySelector("script[data-owner-order]")?.textContent;

  let rows: CompactRow[];
  try {
    rows = await loadRows(root);
  } catch (error) {
    if (messages) paragraphs(messages, [`无法载入本指标的数据（${error instanceof Error ? error.message : String(error)}），下表列出本页的全部数字。`]);
    if (figure) figure.hidden = true;
    return;
  }
  const order = orderIsland ? (JSON.parse(orderIsland) as string[]) : undefined;
  const ignored = ignoredValues(location.search);
  let current: Selection = readSelection(location.search);
  let shown: CompactRow[] = [];

  const render = (selection: Selection, updateUrl: boolean, first = false) => {
    current = selection;
    const matching = sortRows(filterRows(rows, selection), selection.sort);
    shown = matching;
    const spec = viewChart(matching, unit, order);
    const drawable = matching.length > 0 && hasNumbers(spec);
    if (figure) figure.hidden = !drawable;
    if (canvas && drawable) drawChart(canvas, spec);
    if (legend) legendItems(legend, matching, spec);
    body.replaceChildren(...(matching.length ? matching.slice(0, MAX_CLIENT_ROWS).map((row) => renderRow(row)) : [emptyRow()]));
    if (pager) pager.hidden = true;
    showSort(heads, selection.sort);
    if (messages) paragraphs(messages, viewMessages(rows, selection, first ? ignored : []));
    if (count) {
      const visible = Math.min(matching.length, MAX_CLIENT_ROWS);
      count.textContent =
        matching.length > MAX_CLIENT_ROWS ? `共 ${matching.length} 行，表中显示前 ${visible} 行；下载当前选择可得全部行` : `共 ${matching.length} 行`;
    }
    if (note) {
      note.textContent =
        spec.kind === "line"
          ? `折线：各地区历年变化，点的形状表示统计表格式${spec.series.length >= MAX_SERIES ? `（图中只画前 ${MAX_SERIES} 个地区，表中列出全部）` : ""}。`
          : "柱形：各地区的数字，每个年度一种颜色（各页相同）。";
    }
    if (download) download.disabled = matching.length === 0;
    if (updateUrl) history.replaceState(null, "", `${location.pathname}${writeSelection(selection)}${location.hash}`);
  };

  const heads = sortButtons(table, (column) => {
    const sort: Sort = current.sort?.column === column ? { column, descending: !current.sort.descending } : { column, descending: column === "value" || column === "change" };
    render({ ...current, sort }, true);
  });

  applyToForm(form, current);
  render(current, false, true);

  form.addEventListener("change", () => render(formSelection(form, current.sort), true));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    render(formSelection(form, current.sort), true);
  });
  form.addEventListener("reset", () => {
    // After the browser has cleared the boxes.
    setTimeout(() => render(formSelection(form, null), true), 0);
  });
  download?.addEventListener("click", () => void downloadCsv(indicator, shown, current));
}
