/**
 * Browser side of the comparison view: load the index, restore the view the
 * URL names, load the columns it needs (one file per concept or indicator,
 * fetched once), and on every change of the chooser, the sort or the chart's
 * measure redraw chart, table, summaries, caveats, downloads and citation and
 * write the choices back to the URL.
 */
import { comparePaths } from "../compare/paths.ts";
import { defaultSelection, readRequest, resolveSelection, writeSelection, type ResolvedSelection, type Selection } from "../compare/selection.ts";
import { COMPARE_TEXT as T } from "../compare/strings.ts";
import { choiceSummaries } from "../compare/chooser.ts";
import type { CompareIndex, MeasureColumn } from "../compare/types.ts";
import { buildView, columnsNeeded, MAX_TABLE_ROWS, nextSort, type View } from "../compare/view.ts";
import { compareText } from "../../report/compare-text.ts";
import { renderCaveats, renderChart, renderCitation, renderDownloads, renderNotices, renderOwnerList, renderSummary, renderTable } from "./compare-render.ts";

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

function resolvedOf(selection: Selection): ResolvedSelection {
  return { selection, unknown: { owners: [], years: [], measures: [], chart: null, sort: null }, nothingKnown: false };
}

function checkedValues(form: HTMLFormElement, name: string): string[] {
  return [...form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)].map((input) => input.value);
}

/** The form's choices, keeping the order of measures already in the view and adding new ones at the end. */
function formSelection(form: HTMLFormElement, previous: Selection): Selection {
  const checked = checkedValues(form, "m");
  const measures = [...previous.measures.filter((k) => checked.includes(k)), ...checked.filter((k) => !previous.measures.includes(k))];
  const sortKeyKept = previous.sort && (!previous.sort.key.includes(".") || measures.includes(previous.sort.key));
  return {
    owners: checkedValues(form, "j").sort(compareText),
    years: checkedValues(form, "y")
      .map(Number)
      .sort((a, b) => a - b),
    measures,
    chart: previous.chart && measures.includes(previous.chart) ? previous.chart : null,
    sort: sortKeyKept ? previous.sort : null,
  };
}

function applyToForm(form: HTMLFormElement, selection: Selection): void {
  const set = (name: string, values: readonly string[]) => {
    for (const input of form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)) input.checked = values.includes(input.value);
  };
  set("j", selection.owners);
  set("y", selection.years.map(String));
  set("m", selection.measures);
  // Open the indicator lists that hold a chosen indicator, so a restored view shows its choices.
  for (const details of form.querySelectorAll<HTMLDetailsElement>(".compare-chooser__indicators, .compare-chooser__format")) {
    if (details.querySelector('input[name="m"]:checked')) details.open = true;
  }
}

function filterOwners(form: HTMLFormElement, text: string): void {
  const query = text.trim();
  for (const label of form.querySelectorAll<HTMLElement>("[data-owner-name]")) {
    label.hidden = query !== "" && !(label.dataset.ownerName ?? "").includes(query);
  }
}

export async function startCompare(root: HTMLElement): Promise<void> {
  const form = root.querySelector<HTMLFormElement>("form[data-chooser]")!;
  const status = form.querySelector<HTMLElement>("[data-status]")!;
  const notices = root.querySelector<HTMLElement>("[data-notices]")!;
  const chartRegion = root.querySelector<HTMLElement>("[data-chart-region]")!;
  const tableRegion = root.querySelector<HTMLElement>("[data-table-region]")!;
  const summaryRegion = root.querySelector<HTMLElement>("[data-summary-region]")!;
  const caveatsRegion = root.querySelector<HTMLElement>("[data-caveats-region]")!;
  status.textContent = T.loading;

  let index: CompareIndex;
  try {
    index = await fetchJson<CompareIndex>(root.dataset.indexUrl ?? comparePaths.index);
  } catch (error) {
    status.textContent = T.loadFailed;
    throw error;
  }
  const columns = new Map<string, MeasureColumn>();
  const load = async (keys: readonly string[]) => {
    await Promise.all(
      keys
        .filter((k) => !columns.has(k))
        .map(async (k) => {
          columns.set(k, await fetchJson<MeasureColumn>(comparePaths.column(k)));
        }),
    );
  };

  let current: View | null = null;
  let generation = 0;

  /** `focusColumn`: the column whose sort button was pressed, which keeps the focus after the table is redrawn. */
  const render = async (resolved: ResolvedSelection, writeUrl: boolean, focusColumn: string | null = null) => {
    const mine = ++generation;
    status.textContent = T.loading;
    try {
      await load(columnsNeeded(index, resolved.selection.measures));
    } catch (error) {
      status.textContent = T.loadFailed;
      throw error;
    }
    // A later change has started meanwhile: it draws, this one does not.
    if (mine !== generation) return;
    const view = buildView(index, columns, resolved);
    current = view;
    if (writeUrl) history.replaceState(null, "", `${location.pathname}${writeSelection(view.selection)}${location.hash}`);
    renderNotices(notices, view.notices);
    const summaries = choiceSummaries(index, view.selection, resolved.nothingKnown);
    for (const [part, text] of Object.entries(summaries)) {
      const box = form.querySelector(`[data-choice="${part}"]`);
      if (box) box.textContent = text;
    }
    renderChart(chartRegion, view);
    renderTable(tableRegion, view, (column) => {
      void render(resolvedOf({ ...view.selection, sort: nextSort(view.selection.sort, column) }), true, column.key);
    });
    renderSummary(summaryRegion, view);
    renderCaveats(caveatsRegion, view);
    renderDownloads(root, view, index, location.origin, location.href);
    renderCitation(root, view, index, location.href);
    status.textContent = T.rowCount(Math.min(view.rows.length, MAX_TABLE_ROWS), view.rows.length);
    if (focusColumn) tableRegion.querySelector<HTMLButtonElement>(`th[data-key="${CSS.escape(focusColumn)}"] button`)?.focus();
  };

  renderOwnerList(form.querySelector<HTMLElement>("[data-owner-list]")!, index);
  const restored = resolveSelection(index, readRequest(location.search));
  applyToForm(form, restored.selection);
  const u = restored.unknown;
  const clean = !restored.nothingKnown && !u.owners.length && !u.years.length && !u.measures.length && !u.chart && !u.sort;
  // A URL naming what the data lacks stays as it is, so its notice can be read again; any other is written out in full.
  await render(restored, clean);

  form.addEventListener("change", (event) => {
    if ((event.target as HTMLElement).matches("[data-owner-filter]")) return;
    if (current) void render(resolvedOf(formSelection(form, current.selection)), true);
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  form.querySelector<HTMLInputElement>("[data-owner-filter]")?.addEventListener("input", (event) => {
    filterOwners(form, (event.target as HTMLInputElement).value);
  });
  for (const button of form.querySelectorAll<HTMLButtonElement>("button[data-clear]")) {
    button.addEventListener("click", () => {
      for (const input of form.querySelectorAll<HTMLInputElement>(`input[name="${button.dataset.clear}"]`)) input.checked = false;
      if (current) void render(resolvedOf(formSelection(form, current.selection)), true);
    });
  }
  form.querySelector<HTMLButtonElement>("button[data-reset]")?.addEventListener("click", () => {
    const selection = defaultSelection(index);
    applyToForm(form, selection);
    void render(resolvedOf(selection), true);
  });
  chartRegion.querySelector<HTMLSelectElement>("select[data-chart-measure]")?.addEventListener("change", (event) => {
    if (current) void render(resolvedOf({ ...current.selection, chart: (event.target as HTMLSelectElement).value }), true);
  });
}
