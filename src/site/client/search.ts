/**
 * Browser side of /search/. Finding pages is exact (src/site/search/):
 *
 * 1. the query becomes terms (matching.ts: parseQuery);
 * 2. each bundle's exact index gives the pages that contain every character
 *    pair of every term (exact-index.ts) — for terms of one or two
 *    characters, exactly the pages containing them;
 * 3. a longer term's candidates are checked against the page's own text, the
 *    Pagefind fragment (loaded with Pagefind's JS API, result.data()); only
 *    pages that contain every term as written are shown and counted;
 * 4. a result shows where the terms stand, each occurrence marked.
 *
 * Filters come from the pages' data-pagefind-filter (SearchMeta), as the exact
 * index's manifest lists them. The query, the scope and the filters live in
 * the URL (?q=…&scope=…&year=…). Pagefind's own matcher and UI are not used:
 * the matcher returns pages sharing a single character with the query, the UI
 * inserts report text as HTML. Every string from the index becomes a text node.
 */
import { candidatePages, exactManifestPath, exactShardPath, gramsForQuery, isExactTerm, readManifest, readShard, shardOf } from "../search/exact-index.ts";
import { FACETS } from "../search/facet-names.ts";
import { containsAll, foldText, parseQuery, type FragmentAnchor, type QueryTerm, type TextPart } from "../search/matching.ts";
import {
  CHECK_ALL_UP_TO,
  countByKind,
  facetCounts,
  facetValues,
  inScope,
  knownSelection,
  MAX_CHECKS_PER_STEP,
  PAGE_SIZE,
  pageEntries,
  passes,
  readSearchConfig,
  readUrlState,
  resolveScope,
  resultView,
  scopeBundles,
  statusText,
  titleMatchesFirst,
  writeUrlState,
  type BundleConfig,
  type FacetCounts,
  type FragmentData,
  type PageEntry,
  type ResultView,
  type SearchConfig,
  type SearchStatus,
  type Selection,
} from "./search-model.ts";
import type { ExactManifest } from "../search/exact-index.ts";

interface PagefindData {
  url: string;
  raw_url?: string;
  content: string;
  meta?: Record<string, string>;
  anchors?: FragmentAnchor[];
}

interface PagefindResult {
  id: string;
  data(): Promise<PagefindData>;
}

interface Pagefind {
  mergeIndex(bundlePath: string): Promise<void>;
  search(term: null, options: { filters: Record<string, unknown> }): Promise<{ results: PagefindResult[] } | null>;
}

/** Wait this long after the last keystroke before searching. */
const TYPING_PAUSE_MS = 300;
/** Where the filters sit beside the results (the breakpoint of .search-layout in global.css). */
const WIDE_SCREEN = "(min-width: 60rem)";

/** An index file: gzip-compressed JSON (read as is when the host has already decompressed it). */
async function fetchIndexJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`search: ${url} answered ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return JSON.parse(new TextDecoder().decode(bytes));
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return JSON.parse(await new Response(stream).text());
}

/** A bundle's exact index: its manifest, and its shards fetched as queries need them. */
class ExactBundle {
  private readonly shards = new Map<number, Promise<Map<string, number[]>>>();

  private constructor(
    readonly config: BundleConfig,
    readonly manifest: ExactManifest,
  ) {}

  static async load(config: BundleConfig): Promise<ExactBundle> {
    return new ExactBundle(config, readManifest(await fetchIndexJson(exactManifestPath(config.path))));
  }

  /** Page numbers that may contain every folded term. */
  async candidates(terms: readonly string[]): Promise<number[]> {
    if (this.manifest.pages.length === 0) return [];
    const grams = gramsForQuery(terms);
    const shards = await Promise.all(grams.map((gram) => this.shard(shardOf(gram, this.manifest.shards))));
    const lists = new Map(grams.map((gram, i) => [gram, shards[i]!.get(gram)]));
    return candidatePages(terms, (gram) => lists.get(gram));
  }

  private shard(number: number): Promise<Map<string, number[]>> {
    let hit = this.shards.get(number);
    if (!hit) {
      hit = fetchIndexJson(exactShardPath(this.config.path, number)).then(readShard);
      hit.catch(() => this.shards.delete(number));
      this.shards.set(number, hit);
    }
    return hit;
  }
}

/**
 * Pages' fragments through Pagefind's JS API: its pagefind.js from the first
 * bundle needed, further bundles merged in when one of their pages is needed,
 * a page's fragment through result.data() of a filter-only search (which lists
 * every page without matching any text). A fragment is checked to be the
 * page's own (same URL) before use.
 */
class Fragments {
  private pagefind: Promise<Pagefind> | null = null;
  private readonly merged = new Set<string>();
  private handles: Promise<Map<string, PagefindResult[]>> | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly cache = new Map<string, Promise<FragmentData | null>>();

  get(entry: PageEntry): Promise<FragmentData | null> {
    const key = `${entry.bundle}/${entry.number}`;
    let hit = this.cache.get(key);
    if (!hit) {
      hit = this.load(entry);
      hit.catch(() => this.cache.delete(key));
      this.cache.set(key, hit);
    }
    return hit;
  }

  private async load(entry: PageEntry): Promise<FragmentData | null> {
    const handles = await this.handlesWith(entry.bundlePath);
    for (const result of handles.get(entry.id) ?? []) {
      const data = await result.data();
      if ((data.raw_url ?? data.url) !== entry.url) continue;
      return { url: entry.url, content: data.content, meta: data.meta ?? {}, anchors: data.anchors ?? [] };
    }
    console.warn(`search: no fragment for ${entry.url}`);
    return null;
  }

  /** Page handles by Pagefind id, once the bundle is loaded; one load or merge at a time. */
  private handlesWith(bundlePath: string): Promise<Map<string, PagefindResult[]>> {
    const next = this.queue.then(async () => {
      if (this.pagefind === null) {
        this.pagefind = import(/* @vite-ignore */ `${bundlePath}pagefind.js`) as Promise<Pagefind>;
        this.merged.add(bundlePath);
      }
      const pagefind = await this.pagefind;
      if (!this.merged.has(bundlePath)) {
        await pagefind.mergeIndex(bundlePath);
        this.merged.add(bundlePath);
        this.handles = null;
      }
      if (this.handles === null) {
        this.handles = pagefind.search(null, { filters: {} }).then((response) => {
          const byId = new Map<string, PagefindResult[]>();
          for (const result of response?.results ?? []) {
            if (!byId.has(result.id)) byId.set(result.id, []);
            byId.get(result.id)!.push(result);
          }
          return byId;
        });
      }
      return this.handles;
    });
    this.queue = next.catch(() => undefined);
    return next;
  }
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Text and <mark> elements appended to a node: every string a text node. */
function appendParts(node: HTMLElement, parts: readonly TextPart[]): HTMLElement {
  for (const part of parts) node.append(part.marked ? element("mark", undefined, part.text) : document.createTextNode(part.text));
  return node;
}

/** A link when the URL is a path on this site, else the text alone. */
function linkOrText(href: string | null, parts: readonly TextPart[], className: string): HTMLElement {
  if (href === null) return appendParts(element("span", className), parts);
  const link = element("a", className);
  link.href = href;
  return appendParts(link, parts);
}

function resultElement(view: ResultView): HTMLLIElement {
  const item = element("li", "search-result");
  const heading = element("h2", "search-result__title");
  heading.append(linkOrText(view.href, view.title, "search-result__link"));
  item.append(heading);
  item.append(element("p", "search-result__meta", view.occurrences ? `${view.meta} · ${view.occurrences}` : view.meta));
  if (view.snippets.length > 0) {
    const list = element("ul", "search-result__sections");
    for (const snippet of view.snippets) {
      const entry = element("li");
      if (snippet.heading !== null) entry.append(linkOrText(snippet.href, snippet.heading, "search-result__section-link"));
      if (snippet.parts.length > 0) entry.append(appendParts(element("p", "search-result__excerpt"), snippet.parts));
      list.append(entry);
    }
    item.append(list);
  }
  if (view.more !== "") item.append(element("p", "search-result__more-sections", view.more));
  return item;
}

/** One fieldset of checkboxes per filter with more than one value; counts follow each search. */
class FilterPanel {
  private readonly groups = new Map<string, { fieldset: HTMLFieldSetElement; values: Map<string, { label: HTMLLabelElement; box: HTMLInputElement; count: HTMLElement }> }>();
  private note: HTMLElement | null = null;

  constructor(
    private readonly root: HTMLElement,
    onChange: () => void,
  ) {
    root.addEventListener("change", onChange);
  }

  build(values: ReadonlyMap<string, readonly string[]>, selection: Selection): void {
    this.groups.clear();
    const fieldsets: HTMLFieldSetElement[] = [];
    for (const [name, list] of values) {
      const chosen = selection.get(name);
      if (list.length < 2 && !(chosen && chosen.size > 0)) continue;
      const fieldset = element("fieldset", "search-filter");
      fieldset.append(element("legend", "search-filter__name", name));
      const checks = element("div", "checks checks--scroll");
      const entries = new Map<string, { label: HTMLLabelElement; box: HTMLInputElement; count: HTMLElement }>();
      for (const value of list) {
        const label = element("label");
        const box = element("input");
        box.type = "checkbox";
        box.dataset.filter = name;
        box.value = value;
        box.checked = chosen?.has(value) ?? false;
        const count = element("span", "search-filter__count");
        label.append(box, element("span", "search-filter__value", value), count);
        checks.append(label);
        entries.set(value, { label, box, count });
      }
      fieldset.append(checks);
      fieldsets.push(fieldset);
      this.groups.set(name, { fieldset, values: entries });
    }
    // Folded on narrow screens, where it would push the results below the fold.
    const panel = element("details", "search-filters__panel");
    panel.open = window.matchMedia(WIDE_SCREEN).matches;
    const summary = element("summary");
    summary.append(element("h2", "search-filters__heading", "筛选"));
    this.note = element("p", "search-filters__note small muted");
    this.note.hidden = true;
    panel.append(summary, this.note, ...fieldsets);
    this.root.replaceChildren(panel);
    this.root.hidden = fieldsets.length === 0;
  }

  /** Counts of the current results; a value no result has is hidden unless it is ticked. */
  update(counts: FacetCounts, note: string): void {
    let shownGroups = 0;
    for (const [name, group] of this.groups) {
      let visible = 0;
      for (const [value, { label, box, count }] of group.values) {
        const n = counts[name]?.[value] ?? 0;
        count.textContent = `（${n}）`;
        label.hidden = n === 0 && !box.checked;
        if (!label.hidden) visible += 1;
      }
      group.fieldset.hidden = visible === 0;
      if (visible > 0) shownGroups += 1;
    }
    this.root.hidden = shownGroups === 0;
    if (this.note) {
      this.note.textContent = note;
      this.note.hidden = note === "";
    }
  }

  selected(): Selection {
    const chosen: Selection = new Map();
    for (const [name, group] of this.groups) {
      for (const [value, { box }] of group.values) {
        if (!box.checked) continue;
        if (!chosen.has(name)) chosen.set(name, new Set());
        chosen.get(name)!.add(value);
      }
    }
    return chosen;
  }
}

/** One search: its terms and filters, its candidates, what has been checked and shown. */
interface Run {
  generation: number;
  terms: QueryTerm[];
  selection: Selection;
  /** Pages that pass the filters and may match, in result order. */
  view: PageEntry[];
  /** Candidates that fail the filters: checked only when all candidates are (for the filter counts). */
  others: PageEntry[];
  /** True when `others` are known to match or checked. */
  othersChecked: boolean;
  /** True when every page of `view` is known to match (filters alone, or terms of one or two characters). */
  known: boolean;
  /** Pages of `view` before this index are checked. */
  cursor: number;
  /** Checked pages of view and others that contain the terms. */
  matches: Set<PageEntry>;
  /** Pages shown so far. */
  shown: number;
}

class SearchPage {
  private readonly input: HTMLInputElement;
  private readonly scopeSelect: HTMLSelectElement;
  private readonly status: HTMLElement;
  private readonly list: HTMLOListElement;
  private readonly more: HTMLButtonElement;
  private readonly hint: HTMLElement;
  private readonly examples: HTMLElement;
  private readonly panel: FilterPanel;
  private readonly fragments = new Fragments();
  private readonly loaded = new Map<string, Promise<ExactBundle>>();
  private scope = "";
  private bundles: ExactBundle[] = [];
  private entries: PageEntry[] = [];
  private values = new Map<string, string[]>();
  private generation = 0;
  private run: Run | null = null;

  constructor(
    private readonly form: HTMLFormElement,
    private readonly config: SearchConfig,
  ) {
    this.input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
    this.scopeSelect = form.querySelector<HTMLSelectElement>('select[name="scope"]')!;
    this.status = document.querySelector<HTMLElement>("[data-search-status]")!;
    this.list = document.querySelector<HTMLOListElement>("[data-search-results]")!;
    this.more = document.querySelector<HTMLButtonElement>("[data-search-more]")!;
    this.hint = document.querySelector<HTMLElement>("[data-search-hint]")!;
    this.examples = document.querySelector<HTMLElement>("[data-search-examples]")!;
    this.panel = new FilterPanel(document.querySelector<HTMLElement>("[data-search-filters]")!, () => this.searchSafely());
  }

  async start(): Promise<void> {
    const url = readUrlState(new URLSearchParams(location.search));
    this.input.value = url.query;
    this.setStatus({ kind: "loading" });
    await this.useScope(resolveScope(this.config, url.scope, url.selection.get(FACETS.year)), url.selection);
    if (this.entries.length === 0) {
      this.setStatus({ kind: "no-index" });
      return;
    }
    let typing: ReturnType<typeof setTimeout> | undefined;
    this.input.addEventListener("input", () => {
      clearTimeout(typing);
      typing = setTimeout(() => this.searchSafely(), TYPING_PAUSE_MS);
    });
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      clearTimeout(typing);
      this.searchSafely();
    });
    this.scopeSelect.addEventListener("change", () => {
      void this.useScope(this.scopeSelect.value, this.panel.selected())
        .then(() => this.search())
        .catch((error: unknown) => this.fail(error));
    });
    this.more.addEventListener("click", () => {
      const run = this.run;
      if (run) void this.step(run).catch((error: unknown) => this.fail(error));
    });
    await this.search();
  }

  /** Load the scope's exact indexes and rebuild the filters for its pages, keeping the chosen values it has. */
  private async useScope(scope: string, selection: Selection): Promise<void> {
    this.scope = scope;
    this.scopeSelect.value = scope;
    const configs = scopeBundles(this.config, scope);
    this.bundles = await Promise.all(
      configs.map((config) => {
        let hit = this.loaded.get(config.key);
        if (!hit) {
          hit = ExactBundle.load(config);
          hit.catch(() => this.loaded.delete(config.key));
          this.loaded.set(config.key, hit);
        }
        return hit;
      }),
    );
    this.entries = pageEntries(this.bundles.map((b) => ({ config: b.config, manifest: b.manifest }))).filter((entry) => inScope(entry, scope));
    this.values = facetValues(this.entries);
    this.panel.build(this.values, knownSelection(selection, this.values));
  }

  private setStatus(status: SearchStatus): void {
    this.status.textContent = statusText(status);
    this.examples.hidden = status.kind !== "idle";
    this.hint.hidden = !(status.kind === "done" && status.terms.length > 0 && status.pending === 0 && Object.values(status.byKind).every((n) => n === 0));
  }

  private fail(error: unknown): void {
    this.setStatus({ kind: "failed" });
    console.error("search failed", error);
  }

  private searchSafely(): void {
    void this.search().catch((error: unknown) => this.fail(error));
  }

  private writeUrl(selection: Selection): void {
    const search = writeUrlState({ query: this.input.value, scope: this.scope, selection }, this.config.defaultScope).toString();
    history.replaceState(null, "", `${location.pathname}${search ? `?${search}` : ""}${location.hash}`);
  }

  private async search(): Promise<void> {
    const generation = ++this.generation;
    const terms = parseQuery(this.input.value);
    const selection = this.panel.selected();
    this.writeUrl(selection);
    this.list.replaceChildren();
    this.more.hidden = true;
    this.run = null;
    if (terms.length === 0 && selection.size === 0) {
      this.panel.update(facetCounts(this.entries, selection), "");
      this.setStatus({ kind: "idle" });
      return;
    }
    this.setStatus({ kind: "searching", terms });
    let candidates: PageEntry[];
    if (terms.length === 0) candidates = this.entries;
    else {
      const folded = terms.map((t) => t.folded);
      const perBundle = await Promise.all(this.bundles.map((bundle) => bundle.candidates(folded)));
      if (generation !== this.generation) return;
      const byBundle = new Map(this.bundles.map((bundle, i) => [bundle.config.key, new Set(perBundle[i])]));
      candidates = titleMatchesFirst(
        this.entries.filter((entry) => byBundle.get(entry.bundle)?.has(entry.number)),
        folded,
      );
    }
    const known = terms.every((t) => isExactTerm(t.folded));
    const view = candidates.filter((entry) => passes(entry, selection));
    const run: Run = {
      generation,
      terms,
      selection,
      view,
      others: candidates.filter((entry) => !passes(entry, selection)),
      othersChecked: known,
      known,
      cursor: known ? view.length : 0,
      matches: new Set(known ? candidates : []),
      shown: 0,
    };
    this.run = run;
    if (!known && candidates.length <= CHECK_ALL_UP_TO) {
      // Few candidates: check them all now, so the count and the filter counts are exact.
      await this.check(run, [...run.view, ...run.others]);
      if (generation !== this.generation) return;
      run.cursor = run.view.length;
      run.othersChecked = true;
    }
    await this.step(run);
  }

  /** Check pages against their own text: fetch each fragment, keep the pages that contain every term. */
  private async check(run: Run, entries: readonly PageEntry[]): Promise<void> {
    const fragments = await Promise.all(entries.map((entry) => this.fragments.get(entry)));
    const terms = run.terms.map((t) => t.folded);
    entries.forEach((entry, i) => {
      const fragment = fragments[i];
      if (fragment && containsAll(foldText(fragment.content).text, terms)) run.matches.add(entry);
    });
  }

  /** Show the next page of results, checking further candidates as needed. */
  private async step(run: Run): Promise<void> {
    const target = run.shown + PAGE_SIZE;
    const matching = () => run.view.slice(0, run.cursor).filter((entry) => run.matches.has(entry));
    let checks = 0;
    while (matching().length < target && run.cursor < run.view.length && checks < MAX_CHECKS_PER_STEP) {
      const chunk = run.view.slice(run.cursor, run.cursor + Math.min(PAGE_SIZE, MAX_CHECKS_PER_STEP - checks));
      await this.check(run, chunk);
      if (run.generation !== this.generation) return;
      run.cursor += chunk.length;
      checks += chunk.length;
    }
    const page = matching().slice(run.shown, target);
    const fragments = await Promise.all(page.map((entry) => this.fragments.get(entry)));
    if (run.generation !== this.generation) return;
    page.forEach((entry, i) => {
      const fragment = fragments[i];
      if (fragment) this.list.append(resultElement(resultView(entry, fragment, run.terms)));
    });
    run.shown += page.length;
    this.report(run);
  }

  /** Status line, filter counts and the "more" button for where the run stands. */
  private report(run: Run): void {
    const found = run.view.slice(0, run.cursor).filter((entry) => run.matches.has(entry));
    const pending = run.view.length - run.cursor;
    this.setStatus({ kind: "done", terms: run.terms, byKind: countByKind(found), pending, checked: run.cursor, filtered: run.selection.size > 0 });
    const unchecked = pending > 0 || !run.othersChecked;
    const matched = [...run.view, ...run.others].filter((entry) => run.matches.has(entry));
    this.panel.update(facetCounts(matched, run.selection), unchecked ? "括号中是已核对页面的数目；还有候选页面待核对。" : "");
    const more = found.length - run.shown;
    if (more > 0) {
      this.more.textContent = `显示更多结果（还有 ${more} 个）`;
      this.more.hidden = false;
    } else if (pending > 0) {
      this.more.textContent = `核对更多候选页面（还有 ${pending} 个）`;
      this.more.hidden = false;
    } else this.more.hidden = true;
  }
}

export async function startSearch(form: HTMLFormElement): Promise<void> {
  const config = readSearchConfig(form.dataset.searchConfig);
  const page = new SearchPage(form, config);
  try {
    await page.start();
  } catch (error) {
    document.querySelector<HTMLElement>("[data-search-status]")!.textContent = statusText({ kind: "failed" });
    console.error("search: could not load the index", error);
  }
}
