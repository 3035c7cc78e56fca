/**
 * The pure part of the search client (src/site/client/search.ts): the
 * bundles a scope searches, the query and filters in the URL, which pages
 * pass the filters and how many pages each filter value has, the order of
 * results, what a result shows and the status line. No DOM here, so the unit
 * tests cover it all.
 *
 * Everything the index returns came from the pages, i.e. from the reports'
 * own text: titles, filter values and excerpts are put on the page as text,
 * never as HTML.
 */
import { compareText } from "../../report/compare-text.ts";
import { FACETS, KIND_COUNTERS, KIND_LABELS, KIND_ORDER } from "../search/facet-names.ts";
import type { ExactManifest } from "../search/exact-index.ts";
import { markedParts, markRanges, openingParts, pageMatches, pageSections, type FragmentAnchor, type QueryTerm, type TextPart } from "../search/matching.ts";

/** The scope that searches every year. */
export const ALL_YEARS = "all";

export interface BundleConfig {
  /** The bundle's key: a year, a span of years, or the catalog's. */
  key: string;
  /** URL of the bundle, e.g. "/pagefind/2018/". */
  path: string;
  /** The report years it holds, newest first; none for the indicator and concept pages, which every scope searches. */
  years: number[];
}

/** What search.astro writes into data-search-config. */
export interface SearchConfig {
  /** The catalog bundle and the bundles of report years, newest first. */
  bundles: BundleConfig[];
  /** ALL_YEARS or a year: the scope when the URL names none. */
  defaultScope: string;
}

export function readSearchConfig(raw: string | undefined): SearchConfig {
  if (!raw) throw new Error("search: the page has no data-search-config");
  const value = JSON.parse(raw) as Partial<SearchConfig>;
  const bundles = value.bundles;
  if (
    !Array.isArray(bundles) ||
    !bundles.every((b) => typeof b?.key === "string" && typeof b.path === "string" && Array.isArray(b.years) && b.years.every((y) => Number.isInteger(y)))
  ) {
    throw new Error("search: data-search-config.bundles must list {key, path, years} bundles");
  }
  if (typeof value.defaultScope !== "string") throw new Error("search: data-search-config.defaultScope must be a string");
  return { bundles, defaultScope: value.defaultScope };
}

/** The years a config can search, newest first. */
export function scopeYears(config: SearchConfig): string[] {
  return [...new Set(config.bundles.flatMap((b) => b.years))].sort((a, b) => b - a).map(String);
}

/**
 * The scope for a request: the one the URL names when it is a year with a
 * bundle (or ALL_YEARS); without one, ALL_YEARS when the URL filters by year
 * (a year filter must find its year), else the default.
 */
export function resolveScope(config: SearchConfig, requested: string | null, yearFilter: ReadonlySet<string> | undefined): string {
  const years = scopeYears(config);
  const known = (scope: string) => scope === ALL_YEARS || years.includes(scope);
  if (requested !== null && known(requested)) return requested;
  if (yearFilter && yearFilter.size > 0) return ALL_YEARS;
  return known(config.defaultScope) ? config.defaultScope : ALL_YEARS;
}

/** The bundles a scope searches, in the order results are listed: the catalog, then the years newest first. */
export function scopeBundles(config: SearchConfig, scope: string): BundleConfig[] {
  const catalog = config.bundles.filter((b) => b.years.length === 0);
  const years = config.bundles
    .filter((b) => b.years.length > 0 && (scope === ALL_YEARS || b.years.map(String).includes(scope)))
    .sort((a, b) => b.years[0]! - a.years[0]!);
  return [...catalog, ...years];
}

/** True when a page belongs to the scope: a catalog page always, a report when the scope is all years or its year. */
export function inScope(entry: PageEntry, scope: string): boolean {
  return scope === ALL_YEARS || entry.reportYears.length === 0 || entry.reportYears.includes(scope);
}

/** Chosen filter values: filter name → values. */
export type Selection = Map<string, Set<string>>;

/** URL parameter of a filter: its FACETS key, or the name itself for a filter FACETS does not know. */
export function facetParam(name: string): string {
  const entry = Object.entries(FACETS).find(([, label]) => label === name);
  return entry ? entry[0] : name;
}

export interface UrlState {
  query: string;
  /** The scope the URL names, if any. */
  scope: string | null;
  selection: Selection;
}

const RESERVED = new Set(["q", "scope"]);

/** The query, scope and filters of a search URL (?q=…&scope=…&year=2018&prefecture=银川市…). */
export function readUrlState(params: URLSearchParams): UrlState {
  const selection: Selection = new Map();
  const names = new Map(Object.entries(FACETS));
  for (const [param, value] of params) {
    if (RESERVED.has(param) || value === "") continue;
    const name = names.get(param) ?? param;
    if (!selection.has(name)) selection.set(name, new Set());
    selection.get(name)!.add(value);
  }
  return { query: params.get("q") ?? "", scope: params.get("scope"), selection };
}

/** The URL parameters of a search, in a fixed order: q, scope (when not the default), then filters in FACETS order, values sorted. */
export function writeUrlState(state: { query: string; scope: string; selection: Selection }, defaultScope: string): URLSearchParams {
  const params = new URLSearchParams();
  if (state.query.trim() !== "") params.set("q", state.query.trim());
  if (state.scope !== defaultScope) params.set("scope", state.scope);
  for (const name of orderedFacetNames([...state.selection.keys()])) {
    for (const value of [...state.selection.get(name)!].sort(compareText)) params.append(facetParam(name), value);
  }
  return params;
}

/** Filter names in display order: FACETS order first, any others after them in code-point order. */
export function orderedFacetNames(names: readonly string[]): string[] {
  const known: string[] = Object.values(FACETS).filter((name) => names.includes(name));
  const others = names.filter((name) => !known.includes(name)).sort(compareText);
  return [...new Set([...known, ...others])];
}

/** A filter's values in display order: years newest first, other values in code-point order. */
export function orderedFacetValues(name: string, values: readonly string[]): string[] {
  const unique = [...new Set(values)];
  return name === FACETS.year ? unique.sort((a, b) => compareText(b, a)) : unique.sort(compareText);
}

/** A searchable page as the exact index lists it, with its bundle. */
export interface PageEntry {
  /** Position in the scope's order: the order results are listed in. */
  order: number;
  bundle: string;
  bundlePath: string;
  /** Page number within its bundle's exact index. */
  number: number;
  id: string;
  url: string;
  kind: string;
  /** The page's title, folded (the manifest's `t`). */
  title: string;
  facets: Record<string, string[]>;
  /** The report years of its bundle (none for the catalog), by which a one-year scope keeps a report page: its year filter value. */
  reportYears: string[];
}

/**
 * The pages of the scope's bundles, in result order, from their exact-index
 * manifests: bundle by bundle (the catalog, then the years newest first), and
 * within a bundle of several years the newest year first, then url order.
 */
export function pageEntries(bundles: readonly { config: BundleConfig; manifest: ExactManifest }[]): PageEntry[] {
  const entries: PageEntry[] = [];
  for (const { config, manifest } of bundles) {
    const pages = manifest.pages.map((page, number) => {
      const facets: Record<string, string[]> = {};
      manifest.facets.forEach((name, i) => {
        const values = page.f[i]!.map((v) => manifest.values[i]![v]!).filter((v) => v !== undefined);
        if (values.length > 0) facets[name] = values;
      });
      const reportYears = config.years.length === 0 ? [] : (facets[FACETS.year] ?? []);
      return { bundle: config.key, bundlePath: config.path, number, id: page.id, url: page.url, kind: page.kind, title: page.t, facets, reportYears };
    });
    // A page without a year (the catalog's) sorts as the oldest; the sort is stable, so url order stays within a year.
    const newest = pages.map((page) => Math.max(-1, ...page.reportYears.map(Number).filter(Number.isInteger)));
    const byYear = pages.map((_, i) => i).sort((a, b) => newest[b]! - newest[a]!);
    for (const i of byYear) entries.push({ order: entries.length, ...pages[i]! });
  }
  return entries;
}

/**
 * Results in the order they are listed: the pages whose title holds every
 * term first (the reports or the indicator the query names), then the
 * others; each group keeps the scope's order. Without it, a page that only
 * mentions the name would come first whenever its bundle or its url does
 * (平潭县 2013, which mentions 平潭综合实验区, before the zone's own reports).
 */
export function titleMatchesFirst(entries: readonly PageEntry[], foldedTerms: readonly string[]): PageEntry[] {
  if (foldedTerms.length === 0) return [...entries];
  const named = entries.filter((entry) => foldedTerms.every((term) => entry.title.includes(term)));
  if (named.length === 0) return [...entries];
  const first = new Set(named);
  return [...named, ...entries.filter((entry) => !first.has(entry))];
}

/** Every value of every filter among the pages, in display order. */
export function facetValues(entries: readonly PageEntry[]): Map<string, string[]> {
  const collected = new Map<string, Set<string>>();
  for (const entry of entries) {
    for (const [name, values] of Object.entries(entry.facets)) {
      if (!collected.has(name)) collected.set(name, new Set());
      for (const value of values) collected.get(name)!.add(value);
    }
  }
  return new Map(orderedFacetNames([...collected.keys()]).map((name) => [name, orderedFacetValues(name, [...collected.get(name)!])]));
}

/** Only the chosen values that exist among these pages: a filter the page cannot show is not applied unseen. */
export function knownSelection(selection: Selection, values: ReadonlyMap<string, readonly string[]>): Selection {
  const known: Selection = new Map();
  for (const [name, chosen] of selection) {
    const available = values.get(name) ?? [];
    const kept = new Set([...chosen].filter((value) => available.includes(value)));
    if (kept.size > 0) known.set(name, kept);
  }
  return known;
}

/** True when a page has one of the chosen values of every filter that has any chosen (filters AND, values within a filter OR). */
export function passes(entry: PageEntry, selection: Selection, except?: string): boolean {
  for (const [name, chosen] of selection) {
    if (name === except || chosen.size === 0) continue;
    if (!(entry.facets[name] ?? []).some((value) => chosen.has(value))) return false;
  }
  return true;
}

export type FacetCounts = Record<string, Record<string, number>>;

/**
 * For each filter value, the pages among `found` that would be shown if it
 * were ticked too: the other filters' choices apply, the filter's own do not
 * (ticking a second year adds its pages, so its count is what it adds).
 */
export function facetCounts(found: readonly PageEntry[], selection: Selection): FacetCounts {
  const counts: FacetCounts = {};
  const names = new Set([...found.flatMap((e) => Object.keys(e.facets)), ...selection.keys()]);
  for (const name of names) {
    const perValue: Record<string, number> = {};
    for (const entry of found) {
      if (!passes(entry, selection, name)) continue;
      for (const value of entry.facets[name] ?? []) perValue[value] = (perValue[value] ?? 0) + 1;
    }
    counts[name] = perValue;
  }
  return counts;
}

/** Pages per kind, e.g. { report: 3, indicator: 1 }. */
export function countByKind(entries: readonly PageEntry[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const entry of entries) counts[entry.kind] = (counts[entry.kind] ?? 0) + 1;
  return counts;
}

/** A result's link, only when it is a path on this site ("/reports/…"): no scheme, so never javascript:, and no "//host" or "/\host". */
export function resultHref(url: unknown): string | null {
  if (typeof url !== "string") return null;
  if (!url.startsWith("/") || url.startsWith("//") || url.startsWith("/\\")) return null;
  if (/[\u0000-\u001f\s]/.test(url)) return null;
  return url;
}

/** What the search page needs of a Pagefind fragment (result.data()). */
export interface FragmentData {
  url: string;
  content: string;
  meta: Record<string, string | undefined>;
  anchors: FragmentAnchor[];
}

export interface ResultSnippet {
  /** Link to the section's heading; null for the opening of the page. */
  href: string | null;
  /** The heading, occurrences marked; null for the opening of the page. */
  heading: TextPart[] | null;
  /** Text around the first occurrence in the section; empty when the terms occur in its heading only. */
  parts: TextPart[];
}

export interface ResultView {
  href: string | null;
  /** The page title, occurrences of the terms marked. */
  title: TextPart[];
  /** Kind, year, place: 年报 · 2017 年 · 石嘴山市 · 大武口区. */
  meta: string;
  /** How often the terms occur: 「大武口」出现 12 次. Empty for a result of filters alone. */
  occurrences: string;
  snippets: ResultSnippet[];
  /** Further sections with an occurrence, not shown, as a sentence; empty when there are none. */
  more: string;
}

function kindLabel(kind: string): string {
  return (KIND_LABELS as Record<string, string>)[kind] ?? kind;
}

/** The meta line of a result: kind, year, prefecture and jurisdiction as the page declares them (a place named once). */
export function resultMeta(entry: PageEntry): string {
  const parts = [kindLabel(entry.kind)];
  const year = entry.facets[FACETS.year]?.[0];
  if (year) parts.push(`${year} 年`);
  for (const name of [FACETS.prefecture, FACETS.jurisdiction]) {
    for (const value of entry.facets[name] ?? []) if (!parts.includes(value)) parts.push(value);
  }
  return parts.join(" · ");
}

/** Characters of a page's opening shown for a result found by filters alone. */
export const OPENING_LENGTH = 90;

/** A result as the page shows it: title, meta line, occurrences and a snippet per section with a match. */
export function resultView(entry: PageEntry, fragment: FragmentData, terms: readonly QueryTerm[]): ResultView {
  const titleText = fragment.meta.title || entry.url;
  const href = resultHref(entry.url);
  if (terms.length === 0) {
    return {
      href,
      title: [{ text: titleText, marked: false }],
      meta: resultMeta(entry),
      occurrences: "",
      snippets: [{ href: null, heading: null, parts: openingParts(fragment.content, OPENING_LENGTH) }],
      more: "",
    };
  }
  const folded = terms.map((t) => t.folded);
  const sections = pageSections(fragment.content, fragment.anchors, titleText);
  const matches = pageMatches(fragment.content, folded, sections);
  const title = matches.title.length > 0 ? matches.title : markedTitle(titleText, folded);
  const snippets = matches.snippets.map(({ section, heading, parts }) => ({
    href: section.id === null || href === null ? null : resultHref(`${href}#${encodeURIComponent(section.id)}`),
    heading,
    parts,
  }));
  const occurrences = terms.map((term, i) => `「${term.text}」出现 ${matches.counts[i]} 次`).join("，");
  const further = matches.sections - snippets.length;
  return { href, title, meta: resultMeta(entry), occurrences, snippets, more: further > 0 ? `还有 ${further} 个小节出现${terms.length === 1 ? quotedTerms(terms) : "检索词"}` : "" };
}

/** A title the page text does not open with, its occurrences marked on its own. */
function markedTitle(title: string, folded: readonly string[]): TextPart[] {
  return markedParts(title, markRanges(title, folded).ranges, 0, title.length, { start: false, end: false });
}

/** The terms as the status line quotes them: 「行政复议」, or 「行政复议」和「大武口」. */
export function quotedTerms(terms: readonly QueryTerm[]): string {
  const quoted = terms.map((t) => `「${t.text}」`);
  return quoted.length <= 1 ? (quoted[0] ?? "") : `${quoted.slice(0, -1).join("、")}和${quoted.at(-1)}`;
}

/** 3 份年报、1 个指标: pages per kind, definitions first. */
export function kindSummary(byKind: Readonly<Record<string, number>>): string {
  const known = KIND_ORDER.filter((kind) => (byKind[kind] ?? 0) > 0).map((kind) => `${byKind[kind]} ${KIND_COUNTERS[kind]}${KIND_LABELS[kind]}`);
  const others = Object.keys(byKind)
    .filter((kind) => !(KIND_ORDER as readonly string[]).includes(kind) && byKind[kind]! > 0)
    .sort(compareText)
    .map((kind) => `${byKind[kind]} 个${kind}`);
  return [...known, ...others].join("、");
}

export type SearchStatus =
  | { kind: "no-index" }
  | { kind: "loading" }
  | { kind: "idle" }
  | { kind: "searching"; terms: QueryTerm[] }
  | {
      kind: "done";
      terms: QueryTerm[];
      /** Pages known to contain the terms (or, without terms, to pass the filters), per kind. */
      byKind: Record<string, number>;
      /** Candidates passing the filters whose text is not checked yet. */
      pending: number;
      /** Candidates passing the filters that have been checked. */
      checked: number;
      filtered: boolean;
    }
  | { kind: "failed" };

function total(byKind: Readonly<Record<string, number>>): number {
  return Object.values(byKind).reduce((sum, n) => sum + n, 0);
}

/** The status line above the results (read out by screen readers). */
export function statusText(status: SearchStatus): string {
  switch (status.kind) {
    case "no-index":
      return "本站还没有可以搜索的页面。";
    case "loading":
      return "正在载入搜索索引……";
    case "idle":
      return "";
    case "searching":
      return status.terms.length === 0 ? "正在筛选……" : `正在搜索${quotedTerms(status.terms)}……`;
    case "done": {
      const found = total(status.byKind);
      const onlyReports = found > 0 && found === (status.byKind.report ?? 0);
      const within = status.filtered ? "（在所选筛选条件下）" : "";
      if (status.terms.length === 0) {
        if (found === 0) return "没有符合筛选条件的页面。";
        return onlyReports ? `${found} 份年报符合筛选条件` : `${found} 个页面符合筛选条件：${kindSummary(status.byKind)}`;
      }
      const quoted = quotedTerms(status.terms);
      if (status.pending > 0) {
        return `已核对 ${status.checked} 个候选页面，${found} 个包含${quoted}${within}；还有 ${status.pending} 个候选页面待核对。`;
      }
      if (found === 0) return `没有找到包含${quoted}的页面${within}。`;
      return onlyReports ? `找到 ${found} 份包含${quoted}的年报${within}` : `找到 ${found} 个包含${quoted}的页面${within}：${kindSummary(status.byKind)}`;
    }
    case "failed":
      return "搜索索引没有加载成功，请稍后刷新页面再试。";
  }
}

/** Results shown at a time; each fetches its page's fragment (~8–14 KB). */
export const PAGE_SIZE = 10;
/** A query of three or more characters whose candidates are at most this many has them all checked at once, so its count is exact. */
export const CHECK_ALL_UP_TO = 20;
/** Fragments fetched at most for one "more" when checking candidates, however few of them match. */
export const MAX_CHECKS_PER_STEP = 2 * PAGE_SIZE;

