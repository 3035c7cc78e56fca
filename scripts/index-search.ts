/**
 * Build the search index: run after `astro build` (`npm run build` does).
 *
 *   tsx scripts/index-search.ts [dist]
 *
 * The searchable pages (report pages, indicator and concept pages that mark
 * data-pagefind-body: src/site/search-bundles.ts) go into bundles of report
 * years (at most ~1,000 reports each) and one for the catalog pages, each
 * written to dist/pagefind/<key>/ by Pagefind's Node API, one bundle after
 * another so the indexer's memory stays that of one bundle. Then, from the fragments
 * Pagefind wrote — the very text the search page checks a result against —
 * each bundle gets its exact index in dist/pagefind/<key>/exact/
 * (src/site/search/exact-index.ts). The catalog bundle's exact index is
 * written even when no catalog page is searchable yet, so the search page
 * always finds it.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import * as pagefind from "pagefind";
import { declaresSearchBody, planSearchBundles, searchablePage, type SearchablePage, type SearchBundle } from "../src/site/search-bundles.ts";
import { buildExactIndex, type IndexedPage } from "../src/site/search/exact-index.ts";

const site = process.argv[2] ?? "dist";
const SIGNATURE = "pagefind_dcd";

function fail(message: string): never {
  console.error(`index-search: ${message}`);
  process.exit(1);
}

/** The searchable pages of the built site: candidates by path, kept when they declare a search body. */
function searchablePages(): SearchablePage[] {
  const pages: SearchablePage[] = [];
  for (const section of ["reports", "indicators", "concepts"]) {
    const dir = join(site, section);
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const page = searchablePage(`${section}/${entry.name}/index.html`);
      const file = page && join(site, page.file);
      if (page && existsSync(file!) && declaresSearchBody(readFileSync(file!, "utf8"))) pages.push(page);
    }
  }
  return pages;
}

function check(errors: string[], what: string): void {
  if (errors.length > 0) fail(`${what}: ${errors.join("; ")}`);
}

/** A Pagefind file: gzip around "pagefind_dcd" and JSON. */
function readPagefindJson(file: string): unknown {
  let bytes = readFileSync(file);
  if (bytes.subarray(0, SIGNATURE.length).toString("utf8") !== SIGNATURE) bytes = gunzipSync(bytes);
  if (bytes.subarray(0, SIGNATURE.length).toString("utf8") !== SIGNATURE) fail(`${file} is not a Pagefind file`);
  return JSON.parse(bytes.subarray(SIGNATURE.length).toString("utf8"));
}

interface Fragment {
  url: string;
  content: string;
  filters?: Record<string, string[]>;
  meta?: Record<string, string>;
}

function isFragment(value: unknown): value is Fragment {
  return typeof value === "object" && value !== null && typeof (value as Fragment).url === "string" && typeof (value as Fragment).content === "string";
}

/** Every page of a written bundle as its fragment holds it; a fragment file is one page, or a group keyed by page id. */
function fragmentsOf(bundleDir: string): IndexedPage[] {
  const dir = join(bundleDir, "fragment");
  if (!existsSync(dir)) return [];
  const pages: IndexedPage[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".pf_fragment")).sort()) {
    const json = readPagefindJson(join(dir, name));
    const entries: [string, unknown][] = isFragment(json) ? [[name.replace(/\.pf_fragment$/, ""), json]] : Object.entries(json as Record<string, unknown>);
    for (const [id, fragment] of entries) {
      if (!isFragment(fragment)) fail(`${join(dir, name)}: ${id} is not a page fragment`);
      pages.push({ id, url: fragment.url, content: fragment.content, filters: fragment.filters ?? {}, meta: fragment.meta ?? {} });
    }
  }
  return pages;
}

function writeGzip(file: string, text: string): number {
  const bytes = gzipSync(Buffer.from(text, "utf8"), { level: 9 });
  writeFileSync(file, bytes);
  return bytes.length;
}

async function indexBundle(bundle: SearchBundle): Promise<void> {
  const started = Date.now();
  const outputPath = join(site, bundle.outputSubdir);
  if (bundle.pages.length > 0) {
    const { errors, index } = await pagefind.createIndex({});
    check(errors, `${bundle.key}: could not start Pagefind`);
    for (const page of bundle.pages) {
      const added = await index!.addHTMLFile({ url: page.url, content: readFileSync(join(site, page.file), "utf8") });
      check(added.errors, `${bundle.key}: ${page.file}`);
    }
    check((await index!.writeFiles({ outputPath })).errors, `${bundle.key}: writing the bundle`);
    await index!.deleteIndex();
  }
  const fragments = fragmentsOf(outputPath);
  if (fragments.length !== bundle.pages.length) fail(`${bundle.key}: ${bundle.pages.length} pages indexed but ${fragments.length} fragments written`);
  const exact = buildExactIndex(fragments);
  const exactDir = join(outputPath, "exact");
  mkdirSync(exactDir, { recursive: true });
  let bytes = writeGzip(join(exactDir, "manifest.gz"), JSON.stringify(exact.manifest));
  exact.shards.forEach((shard, i) => {
    bytes += writeGzip(join(exactDir, `${i}.gz`), shard);
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `index-search: ${bundle.key}: ${bundle.pages.length} pages in ${seconds} s → ${site}/${bundle.outputSubdir}/ (exact index ${exact.shards.length} shards, ${(bytes / 1024).toFixed(0)} KB)`,
  );
}

async function main(): Promise<void> {
  const pages = searchablePages();
  const bundles = planSearchBundles(pages);
  rmSync(join(site, "pagefind"), { recursive: true, force: true });
  if (pages.length === 0) console.warn(`index-search: no searchable pages under ${site}; the search index is empty`);
  try {
    for (const bundle of bundles) await indexBundle(bundle);
  } finally {
    await pagefind.close();
  }
}

main().catch((error: unknown) => fail(error instanceof Error ? (error.stack ?? error.message) : String(error)));
