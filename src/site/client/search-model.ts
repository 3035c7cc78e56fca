/**
 * The pure part of the search client (src/site/client/search.ts): which
 * Pagefind bundles a page searches, how Pagefind's strings become text for
 * the page, the filter query and the status line. No DOM here, so the unit
 * tests cover it all.
 *
 * Everything Pagefind returns came from report pages, i.e. from the reports'
 * own text: titles, filter values and excerpts are put on the page as text,
 * never as HTML.
 */

/** What search.astro writes into data-search-config. */
export interface SearchConfig {
  /** year → bundle path, e.g. {"2018": "/pagefind/2018/"} */
  bundles: Record<string, string>;
  /** "all" or a year: the scope when the URL names none. */
  defaultYear: string;
}

export function readSearchConfig(raw: string | undefined): SearchConfig {
  if (!raw) throw new Error("search: the page has no data-search-config");
  const value = JSON.parse(raw) as Partial<SearchConfig>;
  const bundles = value.bundles;
  if (typeof bundles !== "object" || bundles === null || !Object.values(bundles).every((path) => typeof path === "string")) {
    throw new Error("search: data-search-config.bundles must map years to bundle paths");
  }
  if (typeof value.defaultYear !== "string") throw new Error("search: data-search-config.defaultYear must be a string");
  return { bundles, defaultYear: value.defaultYear };
}

export interface SearchScope {
  /** "all" or the year searched, as the year selector shows it. */
  year: string;
  /** The bundle whose pagefind.js is loaded. */
  primary: string;
  /** Further bundles merged into the primary one (all years). */
  merged: string[];
}

/**
 * The bundles to search for ?year=…: one year's, or every year's with the
 * newest as primary. An unknown year falls back to the default. null when
 * there is nothing to search.
 */
export function searchScope(config: SearchConfig, requestedYear: string | null): SearchScope | null {
  const years = Object.keys(config.bundles).sort().reverse();
  if (years.length === 0) return null;
  const known = (year: string) => year === "all" || Object.hasOwn(config.bundles, year);
  const wanted = requestedYear ?? config.defaultYear;
  const year = known(wanted) ? wanted : known(config.defaultYear) ? config.defaultYear : "all";
  if (year !== "all") return { year, primary: config.bundles[year]!, merged: [] };
  return { year, primary: config.bundles[years[0]!]!, merged: years.slice(1).map((y) => config.bundles[y]!) };
}

export interface ExcerptPart {
  text: string;
  /** A word that matched the query (Pagefind's <mark>). */
  marked: boolean;
}

/**
 * Pagefind builds an excerpt from the page's plain text by replacing < and >
 * with &lt; and &gt; and wrapping matched words in <mark>…</mark>; nothing else
 * is markup. So the excerpt is split at those two tags and only those two
 * entities are read back. (A report whose own text contains the characters
 * "&lt;" shows "<" in its excerpt; the report page shows its text exactly.)
 */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  const push = (text: string, marked: boolean) => {
    if (text === "") return;
    const decoded = text.replace(/&lt;|&gt;/g, (entity) => (entity === "&lt;" ? "<" : ">"));
    const last = parts.at(-1);
    if (last && last.marked === marked) last.text += decoded;
    else parts.push({ text: decoded, marked });
  };
  let rest = excerpt;
  while (rest !== "") {
    const open = rest.indexOf("<mark>");
    if (open === -1) {
      push(rest, false);
      break;
    }
    push(rest.slice(0, open), false);
    const close = rest.indexOf("</mark>", open + 6);
    const end = close === -1 ? rest.length : close;
    push(rest.slice(open + 6, end), true);
    rest = close === -1 ? "" : rest.slice(close + 7);
  }
  return parts;
}

/**
 * A result's link, only when it is a path on this site ("/reports/…"): no
 * scheme, so never javascript:, and no "//host" or "/\host" that a browser
 * would read as another site.
 */
export function resultHref(url: unknown): string | null {
  if (typeof url !== "string") return null;
  if (!url.startsWith("/") || url.startsWith("//") || url.startsWith("/\\")) return null;
  if (/[\u0000-\u001f\s]/.test(url)) return null;
  return url;
}

/** The filters the pages declare (data-pagefind-filter on report pages), in the order the page shows them. */
export const FILTER_ORDER = ["年份", "地市", "地区"] as const;

export type FilterCounts = Record<string, Record<string, number>>;

/** Filter names in display order: the known ones first, any others after them by name. */
export function filterNames(counts: FilterCounts): string[] {
  const known = FILTER_ORDER.filter((name) => name in counts);
  const others = Object.keys(counts)
    .filter((name) => !(FILTER_ORDER as readonly string[]).includes(name))
    .sort((a, b) => a.localeCompare(b, "zh-CN"));
  return [...known, ...others];
}

/** A filter's values in display order: years newest first, names in Chinese collation. */
export function filterValues(name: string, values: Record<string, number>): { value: string; count: number }[] {
  const entries = Object.entries(values).map(([value, count]) => ({ value, count }));
  if (name === "年份") return entries.sort((a, b) => b.value.localeCompare(a.value));
  // Code-point order breaks collation ties, so the order never depends on the input's.
  return entries.sort((a, b) => a.value.localeCompare(b.value, "zh-CN") || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

/** Pagefind's filter argument: any of the ticked values within a filter, every filter that has a tick. */
export function filterQuery(selected: ReadonlyMap<string, ReadonlySet<string>>): Record<string, { any: string[] }> {
  const query: Record<string, { any: string[] }> = {};
  for (const [name, values] of selected) {
    if (values.size > 0) query[name] = { any: [...values].sort() };
  }
  return query;
}

export type SearchState =
  | { kind: "no-index" }
  | { kind: "idle" }
  | { kind: "searching"; query: string }
  | { kind: "done"; query: string; count: number }
  | { kind: "failed" };

/** The status line above the results (read out by screen readers). */
export function statusText(state: SearchState): string {
  switch (state.kind) {
    case "no-index":
      return "本站还没有可以搜索的年报。";
    case "idle":
      return "";
    case "searching":
      return state.query === "" ? "正在筛选……" : `正在搜索「${state.query}」……`;
    case "done":
      if (state.query === "") return state.count === 0 ? "没有符合筛选条件的年报" : `${state.count} 份年报符合筛选条件`;
      return state.count === 0 ? `没有找到包含「${state.query}」的年报` : `找到 ${state.count} 份包含「${state.query}」的年报`;
    case "failed":
      return "搜索索引没有加载成功，请稍后刷新页面再试。";
  }
}

/** Results shown per "更多结果": each result fetches its own fragment, so few at a time. */
export const PAGE_SIZE = 5;
/** Sections of a report listed under its result. */
export const MAX_SUB_RESULTS = 3;
