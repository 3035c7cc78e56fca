/**
 * The exact index beside each Pagefind bundle: which pages contain each
 * single character and each pair of adjacent characters of their text, as
 * Pagefind keeps that text in the page's fragment (folded as ./matching.ts
 * folds). Pagefind's own matcher segments Chinese into words and characters
 * and returns pages that share any of them with the query (大武口 finds every
 * page with 大), so at a year of ~1,000 reports nearly every page is a
 * candidate and checking each one's text would fetch megabytes. Here:
 *
 * - a term of one or two characters: its page list is the answer, exactly;
 * - a longer term: the pages that contain all its adjacent pairs (大武 and 武口)
 *   — every page containing the term, and in practice hardly any other; the
 *   search page then checks each against the fragment's text before showing it.
 *
 * Files, under <bundle>/exact/ (gzip-compressed JSON, like Pagefind's own):
 *   manifest.gz   ExactManifest: the pages in display order with their filter
 *                 values, kind and folded title, and the number of shards
 *   <n>.gz        shard n: { gram: [page numbers, delta-encoded] } for the
 *                 grams whose hash falls in it (shardOf)
 * A query fetches the manifest once and one shard per gram it looks up.
 */
import { compareText } from "../../report/compare-text.ts";
import { foldText } from "./matching.ts";

export const EXACT_INDEX_VERSION = 2;

export interface ExactPage {
  /** Pagefind's page id (its fragment's name): what the search page asks Pagefind for. */
  id: string;
  url: string;
  /** data-pagefind-meta kind: report, indicator or concept. */
  kind: string;
  /** The page's title (data-pagefind-meta title), folded as the text is: a page whose title holds the query is listed first. */
  t: string;
  /** For each of the manifest's facets, the indices of this page's values in `values`. */
  f: number[][];
}

export interface ExactManifest {
  version: number;
  shards: number;
  /** Filter names (data-pagefind-filter), in code-point order. */
  facets: string[];
  /** For each facet, its values in code-point order. */
  values: string[][];
  pages: ExactPage[];
}

/** What the builder needs of a Pagefind fragment. */
export interface IndexedPage {
  id: string;
  url: string;
  content: string;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
}

/** Grams longer terms are looked up by, at most: every pair when there are fewer, else pairs spread over the term. */
export const MAX_GRAMS_PER_TERM = 8;

/** Code points of a string. */
function codePoints(text: string): string[] {
  return [...text];
}

/** Every character and every pair of adjacent characters of a folded text. */
export function gramsOf(folded: string): Set<string> {
  const grams = new Set<string>();
  if (!/[\ud800-\udfff]/.test(folded)) {
    // Every character one UTF-16 unit: slices are characters (the common case, and fast).
    for (let i = 0; i < folded.length; i++) {
      grams.add(folded.slice(i, i + 1));
      if (i + 1 < folded.length) grams.add(folded.slice(i, i + 2));
    }
    return grams;
  }
  const chars = codePoints(folded);
  for (let i = 0; i < chars.length; i++) {
    grams.add(chars[i]!);
    if (i + 1 < chars.length) grams.add(chars[i]! + chars[i + 1]!);
  }
  return grams;
}

/** True when a term's page list in the index is exactly the pages containing it (one or two characters). */
export function isExactTerm(term: string): boolean {
  const length = codePoints(term).length;
  return length >= 1 && length <= 2;
}

/** The grams to look a folded term up by: itself when it has one or two characters, else its adjacent pairs, at most `max` spread over it. */
export function gramsForTerm(term: string, max = MAX_GRAMS_PER_TERM): string[] {
  const chars = codePoints(term);
  if (chars.length <= 2) return chars.length === 0 ? [] : [term];
  const pairs = chars.slice(0, -1).map((char, i) => char + chars[i + 1]!);
  if (pairs.length <= max) return pairs;
  if (max <= 1) return [pairs[0]!];
  const picked = new Set<number>();
  for (let k = 0; k < max; k++) picked.add(Math.round((k * (pairs.length - 1)) / (max - 1)));
  return [...picked].sort((a, b) => a - b).map((i) => pairs[i]!);
}

/** Grams one query looks up at most (each may be a shard to fetch). */
export const MAX_GRAMS_PER_QUERY = 12;

/**
 * The grams a query looks up: every one- or two-character term itself (its
 * list is its answer), then the longer terms' pairs, the rest of the budget
 * shared among them. Any subset of a term's pairs still finds every page
 * containing it; fewer pairs only leave more candidates to check.
 */
export function gramsForQuery(terms: readonly string[]): string[] {
  const grams = new Set(terms.filter(isExactTerm));
  const long = terms.filter((term) => !isExactTerm(term) && term !== "");
  long.forEach((term, i) => {
    const share = Math.max(1, Math.floor((MAX_GRAMS_PER_QUERY - grams.size) / (long.length - i)));
    for (const gram of gramsForTerm(term, Math.min(share, MAX_GRAMS_PER_TERM))) grams.add(gram);
  });
  return [...grams];
}

/** FNV-1a over the UTF-16 units: the shard a gram lives in. */
export function shardOf(gram: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < gram.length; i++) {
    hash ^= gram.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % shards;
}

export function encodePostings(pages: readonly number[]): number[] {
  return pages.map((page, i) => (i === 0 ? page : page - pages[i - 1]!));
}

export function decodePostings(deltas: readonly number[]): number[] {
  const pages: number[] = [];
  let current = 0;
  deltas.forEach((delta, i) => {
    current = i === 0 ? delta : current + delta;
    pages.push(current);
  });
  return pages;
}

/** Sorted page numbers in both lists. */
export function intersectSorted(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! === b[j]!) {
      out.push(a[i]!);
      i += 1;
      j += 1;
    } else if (a[i]! < b[j]!) i += 1;
    else j += 1;
  }
  return out;
}

/**
 * Page numbers whose text may contain every term: the intersection of the
 * lists of the query's grams (gramsForQuery). `postings` gives a gram's
 * sorted page numbers, or undefined when no page has it.
 */
export function candidatePages(terms: readonly string[], postings: (gram: string) => readonly number[] | undefined): number[] {
  let result: number[] | null = null;
  for (const gram of gramsForQuery(terms)) {
    const pages = postings(gram) ?? [];
    result = result === null ? [...pages] : intersectSorted(result, pages);
    if (result.length === 0) return [];
  }
  return result ?? [];
}

/**
 * About this many bytes of JSON per shard before compression (a few KB
 * gzip): what a query pays per gram. A year of ~1,000 reports holds ~12 MB of
 * page lists, i.e. ~1,000 shards.
 */
export const SHARD_TARGET_BYTES = 16_000;

export interface BuiltExactIndex {
  manifest: ExactManifest;
  /** Shard n's JSON text at index n. */
  shards: string[];
}

/** Smallest power of two not below n (at least 1). */
function powerOfTwoAtLeast(n: number): number {
  let value = 1;
  while (value < n) value *= 2;
  return value;
}

/**
 * The exact index of a bundle's pages. Pages are numbered in url order
 * (compareText), which is the order the search page lists them in; grams,
 * facets and values are in code-point order, so the same pages give the same
 * bytes whatever order they come in.
 */
export function buildExactIndex(pages: readonly IndexedPage[], targetShardBytes = SHARD_TARGET_BYTES): BuiltExactIndex {
  const sorted = [...pages].sort((a, b) => compareText(a.url, b.url) || compareText(a.id, b.id));
  const facets = [...new Set(sorted.flatMap((page) => Object.keys(page.filters)))].sort(compareText);
  const values = facets.map((facet) => [...new Set(sorted.flatMap((page) => page.filters[facet] ?? []))].sort(compareText));
  const valueIndex = values.map((list) => new Map(list.map((value, i) => [value, i])));
  const postings = new Map<string, number[]>();
  const manifestPages: ExactPage[] = sorted.map((page, number) => {
    for (const gram of gramsOf(foldText(page.content).text)) {
      const list = postings.get(gram);
      if (list) list.push(number);
      else postings.set(gram, [number]);
    }
    return {
      id: page.id,
      url: page.url,
      kind: page.meta.kind ?? "",
      t: foldText(page.meta.title ?? "").text,
      f: facets.map((facet, i) => [...new Set(page.filters[facet] ?? [])].map((value) => valueIndex[i]!.get(value)!).sort((a, b) => a - b)),
    };
  });
  const grams = [...postings.keys()].sort(compareText);
  const entries = grams.map((gram) => [gram, `${JSON.stringify(gram)}:${JSON.stringify(encodePostings(postings.get(gram)!))}`] as const);
  const total = entries.reduce((sum, [, entry]) => sum + entry.length + 1, 0);
  const shards = powerOfTwoAtLeast(Math.ceil(total / targetShardBytes));
  const buckets: string[][] = Array.from({ length: shards }, () => []);
  for (const [gram, entry] of entries) buckets[shardOf(gram, shards)]!.push(entry);
  return {
    manifest: { version: EXACT_INDEX_VERSION, shards, facets, values, pages: manifestPages },
    shards: buckets.map((bucket) => `{${bucket.join(",")}}`),
  };
}

/** A shard as the search page reads it: gram → sorted page numbers. */
export function readShard(json: unknown): Map<string, number[]> {
  if (typeof json !== "object" || json === null || Array.isArray(json)) throw new Error("search: an exact-index shard must be an object");
  const map = new Map<string, number[]>();
  for (const [gram, deltas] of Object.entries(json as Record<string, unknown>)) {
    if (!Array.isArray(deltas) || !deltas.every((d) => Number.isInteger(d) && d >= 0)) throw new Error(`search: bad page list for ${JSON.stringify(gram)}`);
    map.set(gram, decodePostings(deltas as number[]));
  }
  return map;
}

/** A manifest as the search page reads it, its shape checked. */
export function readManifest(json: unknown): ExactManifest {
  const value = json as Partial<ExactManifest> | null;
  if (!value || value.version !== EXACT_INDEX_VERSION) throw new Error(`search: the exact index is not version ${EXACT_INDEX_VERSION}`);
  if (!Number.isInteger(value.shards) || value.shards! < 1) throw new Error("search: the exact index names no shards");
  if (!Array.isArray(value.facets) || !Array.isArray(value.values) || value.values.length !== value.facets.length) throw new Error("search: the exact index's facets and values disagree");
  if (!Array.isArray(value.pages)) throw new Error("search: the exact index lists no pages");
  for (const page of value.pages) {
    if (
      typeof page?.id !== "string" ||
      typeof page.url !== "string" ||
      typeof page.kind !== "string" ||
      typeof page.t !== "string" ||
      !Array.isArray(page.f) ||
      page.f.length !== value.facets.length
    ) {
      throw new Error("search: a page of the exact index is malformed");
    }
  }
  return value as ExactManifest;
}

/** Where a bundle's exact index lives. */
export function exactManifestPath(bundlePath: string): string {
  return `${bundlePath}exact/manifest.gz`;
}
export function exactShardPath(bundlePath: string, shard: number): string {
  return `${bundlePath}exact/${shard}.gz`;
}
