/**
 * Browser side of the comparison view: the parts of the page drawn from a
 * View (src/site/compare/view.ts) as DOM — the same elements and classes the
 * page's components render for the default view. Text is always set as text:
 * names and labels come from reports and are data, never markup.
 */
import { ownerChoices } from "../compare/chooser.ts";
import { citationText, viewCsv, viewJson } from "../compare/export.ts";
import { DOWNLOAD_NAMES } from "../compare/paths.ts";
import { COMPARE_TEXT as T } from "../compare/strings.ts";
import type { CompareIndex } from "../compare/types.ts";
import { chartSize, excludedText, fixedCells, MAX_TABLE_ROWS, viewCaveats, type View, type ViewColumn } from "../compare/view.ts";
import { drawChart } from "./draw-chart.ts";
import { enableTableScrollHints } from "./table-scroll.ts";

type Child = Node | string | null | undefined | false;

/** An element with attributes and children; strings become text nodes. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child);
  }
  return element;
}

function headLabel(column: ViewColumn): Child[] {
  return [h("span", { class: "compare-th__label" }, column.label), column.detail ? h("span", { class: "compare-th__detail" }, column.detail) : null];
}

export function renderTable(region: HTMLElement, view: View, onSort: (column: ViewColumn) => void): void {
  const table = region.querySelector<HTMLTableElement>("table[data-compare-table]")!;
  const shown = view.rows.slice(0, MAX_TABLE_ROWS);
  region.querySelector("[data-row-count]")!.textContent = T.rowCount(shown.length, view.rows.length);
  table.querySelector("[data-caption]")!.textContent = view.title;
  region.querySelector("[data-title]")!.textContent = view.title;
  const sort = view.selection.sort;
  const head = h(
    "tr",
    {},
    ...view.columns.map((column) => {
      const sorted = sort?.key === column.key ? (sort.descending ? "descending" : "ascending") : undefined;
      const button = h("button", { type: "button" }, ...headLabel(column));
      button.addEventListener("click", () => onSort(column));
      return h("th", { scope: "col", class: column.numeric ? "num sortable" : "sortable", "data-key": column.key, "aria-sort": sorted }, button);
    }),
  );
  table.tHead!.replaceChildren(head);
  const rows = shown.map((row) => {
    const fixed = fixedCells(row);
    return h(
      "tr",
      {},
      h("th", { scope: "row" }, h("a", { href: fixed.ownerHref }, fixed.owner)),
      h("td", { class: "num" }, fixed.year),
      ...row.cells.map((cell) =>
        h("td", { class: cell.status === "r" ? "num" : "num compare-cell--empty" }, cell.href ? h("a", { href: cell.href }, cell.text) : cell.text),
      ),
      h("td", {}, fixed.template),
      h("td", {}, fixed.prefecture),
    );
  });
  if (view.emptyMessage) rows.push(h("tr", {}, h("td", { colspan: view.columns.length }, view.emptyMessage)));
  table.tBodies[0]!.replaceChildren(...rows);
}

export function renderSummary(region: HTMLElement, view: View): void {
  const heading = region.querySelector("h2")!;
  const parts: Node[] = [];
  if (view.summaries.length > 0 && view.measures.length > 0) {
    const head = h(
      "tr",
      {},
      h("th", { scope: "col" }, T.columns.year),
      h("th", { scope: "col" }, T.summary.statistic),
      ...view.measures.map((m) => h("th", { scope: "col", class: "num" }, h("span", { class: "compare-th__label" }, m.label), h("span", { class: "compare-th__detail" }, m.unit))),
    );
    const bodies = view.summaries.map((s) =>
      h(
        "tbody",
        {},
        ...(
          [
            [T.summary.total, s.total],
            [T.summary.median, s.median],
            [T.summary.count, s.count],
          ] as const
        ).map(([label, cells], i) =>
          h(
            "tr",
            {},
            i === 0 ? h("th", { scope: "rowgroup", rowspan: 3 }, T.summary.year(s.year)) : null,
            h("th", { scope: "row" }, label),
            ...cells.map((c) => h("td", { class: c.value === null ? "num compare-cell--empty" : "num" }, c.text)),
          ),
        ),
      ),
    );
    parts.push(
      h(
        "div",
        { class: "table-scroll compare-scroll", tabindex: 0, role: "region", "aria-labelledby": "compare-summary-caption" },
        h("table", { class: "compare-table__table" }, h("caption", { id: "compare-summary-caption" }, T.summary.caption), h("thead", {}, head), ...bodies),
      ),
      h("p", { class: "table-note" }, T.summary.note),
    );
    const excluded = excludedText(view);
    if (excluded) parts.push(h("p", { class: "table-note", "data-excluded": true }, excluded));
  } else {
    parts.push(h("p", {}, view.emptyMessage ?? T.noMeasures));
  }
  region.replaceChildren(heading, ...parts);
  // The summary's table is new: it gets the sign that it scrolls like every other.
  enableTableScrollHints(region);
}

export function renderCaveats(region: HTMLElement, view: View): void {
  const heading = region.querySelector("h2")!;
  const parts: Node[] = [h("p", {}, T.caveats.intro)];
  const caveats = viewCaveats(view);
  if (caveats.length) {
    parts.push(
      h(
        "dl",
        { class: "compare-caveats__list" },
        ...caveats.flatMap(({ measure, notes }) => [
          h("dt", {}, `${measure.label} `, h("span", { class: "compare-caveats__en", lang: "en" }, measure.nameEn)),
          h(
            "dd",
            {},
            ...notes.map((note) =>
              h("p", {}, note.templates.length ? h("strong", {}, `${note.templates.map((t) => t.short).join("、")}：`) : null, note.zh, note.en ? h("span", { class: "compare-caveats__en", lang: "en" }, note.en) : null),
            ),
          ),
        ]),
      ),
    );
  }
  if (view.templates.length) {
    parts.push(
      h("h3", {}, T.caveats.formats),
      h("ul", { class: "compare-caveats__formats" }, ...view.templates.map((t) => h("li", {}, h("strong", {}, t.short), `：${t.name}`))),
    );
  }
  region.replaceChildren(heading, ...parts);
}

export function renderNotices(box: HTMLElement, notices: readonly string[]): void {
  box.replaceChildren(...notices.map((text) => h("p", {}, text)));
  box.hidden = notices.length === 0;
}

export function renderChart(region: HTMLElement, view: View): void {
  const select = region.querySelector<HTMLSelectElement>("select[data-chart-measure]")!;
  const chart = view.chart;
  select.replaceChildren(...view.measures.map((m) => h("option", { value: m.key, selected: m.key === chart?.measure.key }, m.label)));
  select.disabled = view.measures.length === 0;
  region.querySelector("[data-chart-title]")!.textContent = chart?.title ?? T.chart.heading;
  region.querySelector("[data-chart-message]")!.textContent = chart?.message ?? T.chart.empty;
  const box = region.querySelector<HTMLElement>("[data-chart-box]")!;
  const canvas = box.querySelector<HTMLCanvasElement>("canvas")!;
  canvas.setAttribute("aria-label", T.chart.label(chart?.title ?? T.chart.heading));
  box.hidden = !chart?.spec;
  box.dataset.size = chartSize(chart?.spec ?? null);
  if (chart?.spec) drawChart(canvas, chart.spec);
}

export function renderCitation(root: HTMLElement, view: View, index: CompareIndex, url: string): void {
  root.querySelector("[data-cite=title]")!.textContent = view.title;
  const link = root.querySelector<HTMLAnchorElement>("[data-cite=url]")!;
  link.href = url;
  link.textContent = url;
  root.querySelector("[data-cite=date]")!.textContent = index.buildDate;
  root.querySelector("[data-cite=text]")!.textContent = citationText(view, index, url);
}

const blobUrls = new WeakMap<HTMLAnchorElement, string>();

function offer(link: HTMLAnchorElement, body: string, type: string, name: string): void {
  const previous = blobUrls.get(link);
  if (previous) URL.revokeObjectURL(previous);
  const url = URL.createObjectURL(new Blob([body], { type }));
  blobUrls.set(link, url);
  link.href = url;
  link.download = name;
}

/** Point the download links at files of exactly this view. */
export function renderDownloads(root: HTMLElement, view: View, index: CompareIndex, base: string, url: string): void {
  const csv = root.querySelector<HTMLAnchorElement>("a[data-download=csv]");
  const json = root.querySelector<HTMLAnchorElement>("a[data-download=json]");
  if (csv) offer(csv, viewCsv(view, base), "text/csv;charset=utf-8", DOWNLOAD_NAMES.csv);
  if (json) offer(json, viewJson(view, index, base, url), "application/json;charset=utf-8", DOWNLOAD_NAMES.json);
}

/** The chooser's owners, by province, each a checkbox named j (what the page would render, built from the index). */
export function renderOwnerList(list: HTMLElement, index: CompareIndex): void {
  list.replaceChildren(
    ...ownerChoices(index).map((group) =>
      h(
        "fieldset",
        { class: "compare-chooser__group" },
        h("legend", {}, group.province),
        ...group.owners.map((owner) =>
          h(
            "label",
            { class: owner.nested ? "compare-chooser__option compare-chooser__option--nested" : "compare-chooser__option", "data-owner-name": owner.name },
            h("input", { type: "checkbox", name: "j", value: owner.key }),
            h("span", {}, `${owner.name} `, h("span", { class: "compare-chooser__detail" }, owner.detail)),
          ),
        ),
      ),
    ),
  );
}
