/**
 * Browser side of /search/: full-text search with Pagefind's JS API
 * (pagefind.js of the chosen year's bundle: mergeIndex, filters,
 * search, result.data()) and results built from DOM nodes. Pagefind's own UI
 * is not used: it inserts titles, filter values and excerpts as HTML, and they
 * are report text (a report titled `<img src=x onerror=…>` ran its script).
 * Here every string from the index becomes a text node; excerpts are split
 * into text and <mark> elements by excerptParts.
 *
 * The scope (one year, or every year merged) comes from ?year=…; changing it
 * reloads the page, since each year is its own bundle. The query lives in ?q=….
 */
import {
  excerptParts,
  filterNames,
  filterQuery,
  filterValues,
  MAX_SUB_RESULTS,
  PAGE_SIZE,
  readSearchConfig,
  resultHref,
  searchScope,
  statusText,
  type FilterCounts,
  type SearchState,
} from "./search-model.ts";

interface PagefindSubResult {
  title?: string;
  url?: string;
  excerpt?: string;
  anchor?: unknown;
}

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta?: Record<string, string | undefined>;
  sub_results?: PagefindSubResult[];
}

interface PagefindResponse {
  results: { id: string; data(): Promise<PagefindResultData> }[];
  filters: FilterCounts;
}

interface Pagefind {
  mergeIndex(bundlePath: string): Promise<void>;
  filters(): Promise<FilterCounts>;
  search(term: string | null, options?: { filters?: Record<string, unknown> }): Promise<PagefindResponse | null>;
}

/** Wait this long after the last keystroke before searching. */
const TYPING_PAUSE_MS = 300;
/** Where the filters sit beside the results (the breakpoint of .search-layout in global.css). */
const WIDE_SCREEN = "(min-width: 60rem)";

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function excerptElement(excerpt: string, className: string): HTMLParagraphElement {
  const paragraph = element("p", className);
  for (const part of excerptParts(excerpt)) {
    paragraph.append(part.marked ? element("mark", undefined, part.text) : document.createTextNode(part.text));
  }
  return paragraph;
}

/** A link when the URL is a path on this site, else the text alone. */
function linkOrText(url: unknown, text: string, className: string): HTMLElement {
  const href = resultHref(url);
  if (href === null) return element("span", className, text);
  const link = element("a", className, text);
  link.href = href;
  return link;
}

function resultElement(data: PagefindResultData): HTMLLIElement {
  const item = element("li", "search-result");
  const title = data.meta?.title || data.url;
  const heading = element("h2", "search-result__title");
  heading.append(linkOrText(data.url, title, "search-result__link"));
  item.append(heading, excerptElement(data.excerpt, "search-result__excerpt"));
  // Sections of the report (under its headings) that match, as Pagefind found them;
  // not the one under the report's own title, which the result already is.
  const sections = (data.sub_results ?? [])
    .filter((sub) => sub.anchor && sub.title && sub.title !== title && sub.url !== data.url)
    .slice(0, MAX_SUB_RESULTS);
  if (sections.length > 0) {
    const list = element("ul", "search-result__sections");
    for (const sub of sections) {
      const entry = element("li");
      entry.append(linkOrText(sub.url, sub.title!, "search-result__section-link"), excerptElement(sub.excerpt ?? "", "search-result__excerpt"));
      list.append(entry);
    }
    item.append(list);
  }
  return item;
}

/** One fieldset of checkboxes per filter; counts follow each search. */
class FilterPanel {
  private readonly counts = new Map<string, Map<string, HTMLElement>>();
  private readonly boxes: HTMLInputElement[] = [];

  constructor(
    private readonly root: HTMLElement,
    onChange: () => void,
  ) {
    root.addEventListener("change", onChange);
  }

  build(totals: FilterCounts): void {
    const groups = filterNames(totals).map((name) => {
      const fieldset = element("fieldset", "search-filter");
      fieldset.append(element("legend", "search-filter__name", name));
      const checks = element("div", "checks checks--scroll");
      const counts = new Map<string, HTMLElement>();
      filterValues(name, totals[name]!).forEach(({ value, count }) => {
        const label = element("label");
        const box = element("input");
        box.type = "checkbox";
        box.dataset.filter = name;
        box.value = value;
        const number = element("span", "search-filter__count", `（${count}）`);
        label.append(box, element("span", "search-filter__value", value), number);
        checks.append(label);
        counts.set(value, number);
        this.boxes.push(box);
      });
      this.counts.set(name, counts);
      fieldset.append(checks);
      return fieldset;
    });
    // Folded on narrow screens, where it would push the results below the fold.
    const panel = element("details", "search-filters__panel");
    panel.open = window.matchMedia(WIDE_SCREEN).matches;
    const summary = element("summary");
    summary.append(element("h2", "search-filters__heading", "筛选"));
    panel.append(summary, ...groups);
    this.root.replaceChildren(panel);
    this.root.hidden = groups.length === 0;
  }

  /** Counts within the current results; a value that no result has shows 0. */
  update(counts: FilterCounts): void {
    for (const [name, values] of this.counts) {
      for (const [value, node] of values) node.textContent = `（${counts[name]?.[value] ?? 0}）`;
    }
  }

  selected(): Map<string, Set<string>> {
    const chosen = new Map<string, Set<string>>();
    for (const box of this.boxes) {
      if (!box.checked) continue;
      const name = box.dataset.filter!;
      if (!chosen.has(name)) chosen.set(name, new Set());
      chosen.get(name)!.add(box.value);
    }
    return chosen;
  }
}

export async function startSearch(form: HTMLFormElement): Promise<void> {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const yearSelect = form.querySelector<HTMLSelectElement>('select[name="year"]')!;
  const status = document.querySelector<HTMLElement>("[data-search-status]")!;
  const list = document.querySelector<HTMLOListElement>("[data-search-results]")!;
  const more = document.querySelector<HTMLButtonElement>("[data-search-more]")!;
  const setStatus = (state: SearchState) => {
    status.textContent = statusText(state);
  };

  const params = new URLSearchParams(location.search);
  const scope = searchScope(readSearchConfig(form.dataset.searchConfig), params.get("year"));
  if (!scope) {
    setStatus({ kind: "no-index" });
    return;
  }
  yearSelect.value = scope.year;
  input.value = params.get("q") ?? "";

  let pagefind: Pagefind;
  let totals: FilterCounts;
  try {
    pagefind = (await import(/* @vite-ignore */ `${scope.primary}pagefind.js`)) as Pagefind;
    for (const bundle of scope.merged) await pagefind.mergeIndex(bundle);
    totals = await pagefind.filters();
  } catch (error) {
    setStatus({ kind: "failed" });
    console.error("search: could not load the Pagefind index", error);
    return;
  }

  let generation = 0;
  let results: PagefindResponse["results"] = [];
  let shown = 0;

  const showMore = async (current: number) => {
    const page = results.slice(shown, shown + PAGE_SIZE);
    shown += page.length;
    const data = await Promise.all(page.map((result) => result.data()));
    if (current !== generation) return;
    list.append(...data.map(resultElement));
    more.hidden = shown >= results.length;
  };

  const writeQueryToUrl = (query: string) => {
    const next = new URLSearchParams(location.search);
    if (query === "") next.delete("q");
    else next.set("q", query);
    const search = next.toString();
    history.replaceState(null, "", `${location.pathname}${search ? `?${search}` : ""}${location.hash}`);
  };

  const run = async () => {
    const current = ++generation;
    const query = input.value.trim();
    const filters = filterQuery(panel.selected());
    writeQueryToUrl(query);
    results = [];
    shown = 0;
    if (query === "" && Object.keys(filters).length === 0) {
      list.replaceChildren();
      more.hidden = true;
      panel.update(totals);
      setStatus({ kind: "idle" });
      return;
    }
    setStatus({ kind: "searching", query });
    const response = await pagefind.search(query === "" ? null : query, { filters });
    if (current !== generation || !response) return;
    results = response.results;
    list.replaceChildren();
    panel.update(response.filters);
    setStatus({ kind: "done", query, count: results.length });
    await showMore(current);
  };

  const runSafely = () =>
    run().catch((error: unknown) => {
      setStatus({ kind: "failed" });
      console.error("search failed", error);
    });

  const panel = new FilterPanel(document.querySelector<HTMLElement>("[data-search-filters]")!, runSafely);
  panel.build(totals);

  let typing: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(runSafely, TYPING_PAUSE_MS);
  });
  form.addEventListener("submit", (event) => {
    // Another year is another bundle: let the form load the page for it.
    if (yearSelect.value !== scope.year) return;
    event.preventDefault();
    clearTimeout(typing);
    void runSafely();
  });
  yearSelect.addEventListener("change", () => form.requestSubmit());
  more.addEventListener("click", () => {
    void showMore(generation).catch((error: unknown) => console.error("search: could not load more results", error));
  });

  if (input.value.trim() !== "") await runSafely();
}
