/**
 * Browser side of the indicator view: read the rows (embedded JSON, or
 * values.json for large corpora), restore the selection from the URL, and
 * on every change redraw table and chart and write the selection back.
 */
import type { ChartSpec } from "../chart-spec.ts";
import type { CompactRow } from "../indicator-series.ts";
import {
  filterRows,
  MAX_CLIENT_ROWS,
  MAX_SERIES,
  readSelection,
  rowCells,
  viewChart,
  writeSelection,
  type Selection,
} from "../indicator-view.ts";
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

function formSelection(form: HTMLFormElement): Selection {
  const checked = (name: string) =>
    [...form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)].map((input) => input.value);
  return {
    jurisdictions: checked("j").sort(),
    years: checked("y").map(Number).sort((a, b) => a - b),
  };
}

function applyToForm(form: HTMLFormElement, selection: Selection): void {
  for (const input of form.querySelectorAll<HTMLInputElement>('input[name="j"]')) {
    input.checked = selection.jurisdictions.includes(input.value);
  }
  for (const input of form.querySelectorAll<HTMLInputElement>('input[name="y"]')) {
    input.checked = selection.years.includes(Number(input.value));
  }
}

export async function startIndicatorView(root: HTMLElement): Promise<void> {
  const unit = root.dataset.unit ?? "";
  const form = root.querySelector("form")!;
  const canvas = root.querySelector<HTMLCanvasElement>("canvas[data-view-canvas]")!;
  const body = root.querySelector<HTMLTableSectionElement>("tbody[data-view-rows]")!;
  const count = root.querySelector("[data-count]");
  const note = root.querySelector("[data-chart-note]");
  const pager = root.querySelector<HTMLElement>("[data-pager]");
  const initial = root.querySelector("script[data-initial-spec]")?.textContent;
  if (initial) drawChart(canvas, JSON.parse(initial) as ChartSpec);

  const rows = await loadRows(root);

  const render = (selection: Selection, updateUrl: boolean) => {
    const matching = filterRows(rows, selection);
    const spec = viewChart(matching, unit);
    drawChart(canvas, spec);
    body.replaceChildren(...matching.slice(0, MAX_CLIENT_ROWS).map((row) => renderRow(row)));
    if (pager) pager.hidden = true;
    if (count) {
      const shown = Math.min(matching.length, MAX_CLIENT_ROWS);
      count.textContent =
        matching.length > MAX_CLIENT_ROWS
          ? `共 ${matching.length} 行，表中显示前 ${shown} 行；请缩小选择或下载完整数据`
          : `共 ${matching.length} 行`;
    }
    if (note) {
      const lines = spec.kind === "line" ? spec.series.length : 0;
      note.textContent =
        spec.kind === "line"
          ? `折线：各地区历年变化${lines >= MAX_SERIES ? `（图中只画前 ${MAX_SERIES} 个地区，表中列出全部）` : ""}。`
          : "柱形：各地区数字，按年度分色。";
    }
    if (updateUrl) {
      const url = `${location.pathname}${writeSelection(selection)}${location.hash}`;
      history.replaceState(null, "", url);
    }
  };

  const restored = readSelection(location.search);
  applyToForm(form, restored);
  render(restored, false);

  form.addEventListener("change", () => render(formSelection(form), true));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    render(formSelection(form), true);
  });
  form.addEventListener("reset", () => {
    // After the browser has cleared the boxes.
    setTimeout(() => render(formSelection(form), true), 0);
  });
}
