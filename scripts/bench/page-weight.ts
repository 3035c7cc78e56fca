/**
 * What a browser downloads to show one built page, from the files in dist/:
 * the HTML, every stylesheet it links, every script it loads (script src and
 * modulepreload) and, transitively, every module those import statically
 * (`import … from "./x.js"`, `import "./x.js"`). Dynamic import() is not
 * followed: that code loads only when asked for. Each file is gzipped
 * (zlib level 6, what most static hosts serve) and counted once.
 *
 * Chart code is reported apart: a chunk that bundles Chart.js (its banner
 * "Chart.js v") is loaded by a deferred module script, so it never blocks the
 * first paint of the text and tables — the "before any chart" figure leaves it out.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, posix } from "node:path";
import { gzipSync } from "node:zlib";

export interface AssetWeight {
  path: string;
  kind: "html" | "css" | "js";
  bytes: number;
  gzip: number;
  chart: boolean;
}

export interface PageWeight {
  page: string;
  assets: AssetWeight[];
  /** gzip bytes of HTML + CSS + JS without chart chunks. */
  beforeChartsGzip: number;
  /** gzip bytes of the chart chunks. */
  chartsGzip: number;
  totalGzip: number;
  htmlBytes: number;
}

function attr(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(tag);
  return match ? (match[2] ?? match[3] ?? match[4] ?? "") : null;
}

/** URL → file under dist (site-relative URLs only; external ones are not ours to count). */
function fileOf(dist: string, url: string, from: string): string | null {
  if (/^[a-z]+:\/\//i.test(url) || url.startsWith("//") || url.startsWith("data:")) return null;
  const clean = url.split(/[?#]/)[0]!;
  const sitePath = clean.startsWith("/") ? clean : posix.join(posix.dirname(from), clean);
  const path = join(dist, sitePath);
  return existsSync(path) ? sitePath : null;
}

const STATIC_IMPORT = /(?:^|[;\s})])import\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+\.m?js)["']/g;

export function pageWeight(dist: string, page: string): PageWeight {
  const htmlPath = join(dist, page, "index.html");
  const html = readFileSync(htmlPath);
  const assets: AssetWeight[] = [{ path: `${page}index.html`, kind: "html", bytes: html.length, gzip: gzipSync(html).length, chart: false }];
  const seen = new Set<string>();
  const queue: { sitePath: string; kind: "css" | "js" }[] = [];
  const text = html.toString("utf8");
  const from = `/${page}index.html`;
  for (const tag of text.match(/<link\b[^>]*>/gi) ?? []) {
    const rel = (attr(tag, "rel") ?? "").toLowerCase();
    const href = attr(tag, "href");
    if (!href) continue;
    const file = fileOf(dist, href, from);
    if (!file) continue;
    if (rel.split(/\s+/).includes("stylesheet")) queue.push({ sitePath: file, kind: "css" });
    else if (rel.split(/\s+/).includes("modulepreload")) queue.push({ sitePath: file, kind: "js" });
  }
  for (const tag of text.match(/<script\b[^>]*>/gi) ?? []) {
    const src = attr(tag, "src");
    const file = src ? fileOf(dist, src, from) : null;
    if (file) queue.push({ sitePath: file, kind: "js" });
  }
  // Inline module scripts import chunks too.
  for (const block of text.match(/<script\b[^>]*type=["']?module["']?[^>]*>[\s\S]*?<\/script>/gi) ?? []) {
    for (const m of block.matchAll(STATIC_IMPORT)) {
      const file = fileOf(dist, m[1]!, from);
      if (file) queue.push({ sitePath: file, kind: "js" });
    }
  }
  while (queue.length > 0) {
    const { sitePath, kind } = queue.shift()!;
    if (seen.has(sitePath)) continue;
    seen.add(sitePath);
    const bytes = readFileSync(join(dist, sitePath));
    const content = bytes.toString("utf8");
    assets.push({ path: sitePath, kind, bytes: bytes.length, gzip: gzipSync(bytes).length, chart: kind === "js" && content.includes("Chart.js v") });
    if (kind === "js") {
      for (const m of content.matchAll(STATIC_IMPORT)) {
        const file = fileOf(dist, m[1]!, sitePath);
        if (file) queue.push({ sitePath: file, kind: "js" });
      }
    }
  }
  const sum = (list: AssetWeight[]) => list.reduce((s, a) => s + a.gzip, 0);
  return {
    page,
    assets,
    beforeChartsGzip: sum(assets.filter((a) => !a.chart)),
    chartsGzip: sum(assets.filter((a) => a.chart)),
    totalGzip: sum(assets),
    htmlBytes: html.length,
  };
}

