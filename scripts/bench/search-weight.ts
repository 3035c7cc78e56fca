/**
 * Bytes a visitor downloads from /pagefind/ to search for one query, measured
 * in headless Chromium: open /search/?q=<query> (the page triggers the search
 * from the URL), wait until the results (or the no-result message) are shown
 * and the network is quiet, and sum the body sizes of every /pagefind/ response
 * — UI script and styles, WebAssembly, entry, metadata, index chunks,
 * filters and result fragments. The server sends no HTTP compression, and
 * Pagefind's index files are gzipped by Pagefind itself, so body size is what
 * moves over the wire for them; the UI script/CSS would shrink further behind
 * a gzipping host, which is why their gzip size is reported too.
 */
import { gzipSync } from "node:zlib";
import { launchChromium } from "../../tests/browser/chromium.ts";
import { serveDist } from "../../tests/browser/serve.ts";

export interface SearchWeight {
  query: string;
  results: number | null;
  requests: number;
  bytes: number;
  /** Same, with text responses (js/css/json) counted gzipped as a static host would send them. */
  bytesGzipText: number;
  byKind: Record<string, { requests: number; bytes: number }>;
}

function kindOf(path: string): string {
  if (/\/fragment\//.test(path)) return "fragment";
  if (/\/index\//.test(path)) return "index";
  if (/\/filter\//.test(path)) return "filter";
  if (/\.pf_meta$/.test(path)) return "meta";
  if (/wasm/.test(path)) return "wasm";
  if (/pagefind-entry\.json$/.test(path)) return "entry";
  return "ui";
}

export async function searchWeights(dist: string, queries: string[]): Promise<SearchWeight[]> {
  const server = await serveDist(dist);
  const browser = await launchChromium();
  const out: SearchWeight[] = [];
  try {
    for (const query of queries) {
      const context = await browser.newContext(); // a fresh cache per query: a first-time visitor
      const page = await context.newPage();
      const pending: Promise<{ path: string; bytes: number; gzip: number }>[] = [];
      page.on("response", (response) => {
        const { pathname } = new URL(response.url());
        if (!pathname.startsWith("/pagefind/")) return;
        pending.push(
          response.body().then((body) => {
            const text = /\.(js|css|json)$/.test(pathname);
            return { path: pathname, bytes: body.length, gzip: text ? gzipSync(body).length : body.length };
          }),
        );
      });
      await page.goto(`${server.url}/search/?q=${encodeURIComponent(query)}`, { waitUntil: "load" });
      await page
        .waitForFunction(() => document.querySelector("[data-search-status]")?.textContent?.match(/\d|没有/) != null, null, { timeout: 60_000 })
        .catch(() => undefined);
      await page.waitForLoadState("networkidle");
      const message = (await page.locator("[data-search-status]").first().textContent().catch(() => null)) ?? "";
      const count = /(\d[\d,]*)/.exec(message);
      const responses = await Promise.all(pending);
      const byKind: SearchWeight["byKind"] = {};
      for (const r of responses) {
        const k = kindOf(r.path);
        byKind[k] = { requests: (byKind[k]?.requests ?? 0) + 1, bytes: (byKind[k]?.bytes ?? 0) + r.bytes };
      }
      out.push({
        query,
        results: count ? Number(count[1]!.replace(/,/g, "")) : null,
        requests: responses.length,
        bytes: responses.reduce((s, r) => s + r.bytes, 0),
        bytesGzipText: responses.reduce((s, r) => s + r.gzip, 0),
        byKind,
      });
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return out;
}
