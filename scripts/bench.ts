/**
 * npm run bench -- [--n 500,2000,10000] [--skip-build] [--out bench-results/] [--work DIR] [--keep] [--limit-mb 12000]
 *
 * For each corpus size N: synthesize N reports from the real reports of sources/ (every template and form)
 * (scripts/bench/synthesize.ts) into a throw-away copy of the site
 * (scripts/bench/workspace.ts), then measure with scripts/bench/measure.ts
 * (wall time and peak RSS of the whole process tree):
 *   1. full conversion (all cores), its throughput in reports/s; and the same
 *      for a corpus synthesized from the OCR text reports of the 2008 table
 *      alone, the corpus the converter was measured on before it read other
 *      formats and forms, so the two figures compare like with like;
 *   2. a re-run with nothing changed, and one with ONE source changed;
 *   3. `astro build` (default Node heap), Pagefind indexing and index size;
 *   4. gzip bytes of a report page and an indicator page (HTML + CSS + JS,
 *      chart code apart: scripts/bench/page-weight.ts);
 *   5. bytes a Pagefind search for 公开 and 申请 fetches in headless Chromium
 *      (scripts/bench/search-weight.ts).
 * Prints a table and writes <out>/bench-<N>.json and the build log. No
 * thresholds here: the figures are judged in docs/performance.md.
 */
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, freemem, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { measure, type Measurement } from "./bench/measure.ts";
import { pageWeight, type PageWeight } from "./bench/page-weight.ts";
import { searchWeights, type SearchWeight } from "./bench/search-weight.ts";
import { loadSeeds } from "./bench/seeds.ts";
import { synthesizeCorpus } from "./bench/synthesize.ts";
import { prepareSiteCopy } from "./bench/workspace.ts";

const PROJECT = resolve(".");
const QUERIES = ["公开", "申请"];

interface Args {
  sizes: number[];
  skipBuild: boolean;
  out: string;
  work: string;
  keep: boolean;
  /** Kill a measured step whose process tree goes over this many MB (protects a shared machine). */
  limitMB: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { sizes: [500, 2000], skipBuild: false, out: "bench-results", work: join("/tmp", "gov-reports-bench"), keep: false, limitMB: 12_000 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => argv[++i] ?? fail(`${arg} needs a value`);
    if (arg === "--n") args.sizes = value().split(",").map((s) => Number(s.trim()));
    else if (arg === "--skip-build") args.skipBuild = true;
    else if (arg === "--out") args.out = value();
    else if (arg === "--work") args.work = value();
    else if (arg === "--keep") args.keep = true;
    else if (arg === "--limit-mb") args.limitMB = Number(value());
    else fail(`unknown option ${arg}`);
  }
  if (args.sizes.some((n) => !Number.isInteger(n) || n < 1)) fail("--n takes whole numbers, e.g. --n 500,2000");
  return args;
}

function fail(message: string): never {
  console.error(`${message}\nusage: npm run bench -- [--n 500,2000,10000] [--skip-build] [--out DIR] [--work DIR] [--keep] [--limit-mb MB]`);
  process.exit(2);
}

interface Step {
  seconds: number;
  peakRssMB: number;
  exitCode: number;
}

function step(m: Measurement): Step {
  return { seconds: Math.round(m.seconds * 100) / 100, peakRssMB: m.peakRssMB, exitCode: m.exitCode };
}

function check(m: Measurement, what: string, log: string): void {
  appendFileSync(log, `\n===== ${what}: ${m.command}\n${m.stdout}\n${m.stderr}\n`);
  if (m.exitCode !== 0) throw new Error(`${what} failed (exit ${m.exitCode}); see ${log}\n${m.stderr.slice(-2000)}`);
}

function dirStats(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}

/** Astro prints one line per generated page with its time: sum them per kind of route. */
function buildProfile(stdout: string): Record<string, { pages: number; ms: number }> {
  const profile: Record<string, { pages: number; ms: number }> = {};
  for (const line of stdout.split("\n")) {
    const match = /(?:├─|└─)\s+(\/\S+)\s+\(\+(\d+)ms\)/.exec(line.replace(/\x1b\[[0-9;]*m/g, ""));
    if (!match) continue;
    const path = match[1]!;
    const kind = path
      .replace(/^\/(reports|indicators|jurisdictions)\/[^/]+\//, "/$1/[x]/")
      .replace(/^\/downloads\/(reports|indicators)\/[^/]+\.(csv|json)\/?$/, "/downloads/$1/[x].$2")
      .replace(/\/\d+\/index\.html$/, "/[page]/index.html");
    const entry = (profile[kind] ??= { pages: 0, ms: 0 });
    entry.pages++;
    entry.ms += Number(match[2]);
  }
  return Object.fromEntries(Object.entries(profile).sort(([, a], [, b]) => b.ms - a.ms));
}

/** Pages indexed, summed over the per-year bundles scripts/index-search.ts reports ("2017: 912 reports in …"). */
function pagesIndexed(stdout: string): number | null {
  const counts = [...stdout.matchAll(/: (\d+) reports in /g)].map((m) => Number(m[1]));
  return counts.length > 0 ? counts.reduce((a, b) => a + b, 0) : null;
}

interface Result {
  n: number;
  machine: { cpus: number; cpu: string; memoryGB: number; node: string };
  synthesizeSeconds: number;
  sourcesMB: number;
  convert: Step & { reportsPerSecond: number; converted: number; failed: number };
  convertOneThread?: Step & { reportsPerSecond: number };
  /** The same conversion of N reports synthesized from the OCR text reports of the 2008 table only. */
  convertOcr2008?: Step & { reportsPerSecond: number; seeds: string[] };
  rerunUnchanged: Step & { converted: number };
  rerunOneChanged: Step & { converted: number };
  build?: Step & { pages: number; distMB: number; profile: Record<string, { pages: number; ms: number }>; error?: string };
  pagefind?: Step & { indexFiles: number; indexMB: number; pagesIndexed: number | null; error?: string };
  reportPage?: PageWeight;
  indicatorPage?: PageWeight;
  search?: SearchWeight[];
}

function summaryCounts(stdout: string): { converted: number; unchanged: number; failed: number } {
  const match = /(\d+) converted, (\d+) unchanged \(cached\), (\d+) failed/.exec(stdout);
  if (!match) throw new Error(`cannot read the convert summary:\n${stdout.slice(-500)}`);
  return { converted: Number(match[1]), unchanged: Number(match[2]), failed: Number(match[3]) };
}

async function benchOne(n: number, args: Args): Promise<Result> {
  const workRoot = join(args.work, `n${n}`);
  console.log(`\n## N = ${n}  (work: ${workRoot})`);
  const site = prepareSiteCopy(PROJECT, workRoot);
  const log = resolve(args.out, `bench-${n}.log`);
  writeFileSync(log, "");

  const t0 = performance.now();
  const seeds = await loadSeeds(join(PROJECT, "sources"));
  const corpus = synthesizeCorpus(seeds, n);
  let sourceBytes = 0;
  for (const report of corpus) {
    writeFileSync(join(site.sources, report.file), report.bytes);
    sourceBytes += report.bytes.length;
  }
  const synthesizeSeconds = (performance.now() - t0) / 1000;
  console.log(`synthesized ${n} sources (${(sourceBytes / 1e6).toFixed(1)} MB) in ${synthesizeSeconds.toFixed(1)} s`);

  const node = process.execPath;
  const convert = (...extra: string[]) =>
    measure(node, ["--import", "tsx", join(site.root, "scripts", "convert.ts"), "--quiet", "--sources", site.sources, "--out", site.content, ...extra], {
      cwd: site.root,
    });

  const result: Result = {
    n,
    machine: { cpus: availableParallelism(), cpu: cpus()[0]?.model ?? "?", memoryGB: Math.round(totalmem() / 2 ** 30), node: process.version },
    synthesizeSeconds: Math.round(synthesizeSeconds * 10) / 10,
    sourcesMB: Math.round(sourceBytes / 1e5) / 10,
  } as Result;

  if (n <= 2000) {
    const single = await convert("--jobs", "1", "--no-cache");
    check(single, "convert --jobs 1", log);
    result.convertOneThread = { ...step(single), reportsPerSecond: Math.round(n / single.seconds) };
    console.log(`convert, 1 thread: ${single.seconds.toFixed(1)} s, ${result.convertOneThread.reportsPerSecond} reports/s`);
  }
  const ocr2008 = seeds.filter((s) => s.form === "text" && s.template === "national-2008");
  if (ocr2008.length > 0) {
    const sources = join(site.root, "sources-ocr-2008");
    mkdirSync(sources);
    for (const report of synthesizeCorpus(ocr2008, n)) writeFileSync(join(sources, report.file), report.bytes);
    const run = await measure(node, ["--import", "tsx", join(site.root, "scripts", "convert.ts"), "--quiet", "--no-cache", "--sources", sources, "--out", join(site.root, "content-ocr-2008")], {
      cwd: site.root,
    });
    check(run, "convert, 2008 OCR corpus", log);
    result.convertOcr2008 = { ...step(run), reportsPerSecond: Math.round(n / run.seconds), seeds: ocr2008.map((s) => s.file) };
    console.log(`convert, all cores, ${n} reports from the ${ocr2008.length} OCR text reports of the 2008 table: ${run.seconds.toFixed(1)} s, ${result.convertOcr2008.reportsPerSecond} reports/s`);
  }
  const full = await convert("--no-cache");
  check(full, "convert", log);
  const counts = summaryCounts(full.stdout);
  result.convert = { ...step(full), reportsPerSecond: Math.round(n / full.seconds), converted: counts.converted, failed: counts.failed };
  console.log(`convert, all cores: ${full.seconds.toFixed(1)} s, ${result.convert.reportsPerSecond} reports/s, peak ${full.peakRssMB} MB, ${counts.failed} failed`);

  const unchanged = await convert();
  check(unchanged, "convert unchanged", log);
  result.rerunUnchanged = { ...step(unchanged), converted: summaryCounts(unchanged.stdout).converted };

  const first = join(site.sources, corpus[0]!.file);
  writeFileSync(first, `${readFileSync(first, "utf8")}\n本报告如有更新，以门户网站发布的版本为准。\n`);
  const changed = await convert();
  check(changed, "convert one changed", log);
  result.rerunOneChanged = { ...step(changed), converted: summaryCounts(changed.stdout).converted };
  console.log(
    `re-run: unchanged ${unchanged.seconds.toFixed(2)} s (${result.rerunUnchanged.converted} converted); one changed ${changed.seconds.toFixed(2)} s (${result.rerunOneChanged.converted} converted)`,
  );

  if (!args.skipBuild) {
    const astro = join(site.root, "node_modules", "astro", "astro.js");
    const build = await measure(node, [astro, "build"], {
      cwd: site.root,
      env: { ...process.env, NODE_OPTIONS: "", FORCE_COLOR: "0" },
      limitMB: args.limitMB,
    });
    if (build.exitCode !== 0) {
      // A failed build (out of memory, most likely) is a result too: record it and stop this size here.
      appendFileSync(log, `\n===== astro build FAILED: ${build.command}\n${build.stdout}\n${build.stderr}\n`);
      result.build = { ...step(build), pages: 0, distMB: 0, profile: buildProfile(build.stdout), error: build.stderr.slice(-3000) };
      const why = build.overLimit ? `killed at ${args.limitMB} MB (--limit-mb)` : `exit ${build.exitCode}`;
      console.log(`astro build FAILED after ${build.seconds.toFixed(1)} s, peak ${build.peakRssMB} MB (${why}); see ${log}`);
      writeFileSync(resolve(args.out, `bench-${n}.json`), `${JSON.stringify(result, null, 2)}\n`);
      return result;
    }
    check(build, "astro build", log);
    const dist = dirStats(site.dist);
    const pages = readdirSync(site.dist, { recursive: true }).filter((p) => String(p).endsWith(".html")).length;
    result.build = { ...step(build), pages, distMB: Math.round(dist.bytes / 1e5) / 10, profile: buildProfile(build.stdout) };
    console.log(`astro build: ${build.seconds.toFixed(1)} s, peak ${build.peakRssMB} MB, ${pages} HTML pages, dist ${result.build.distMB} MB`);

    // The same step as `npm run build`: one Pagefind bundle per year, one after another.
    const pagefind = await measure("node", ["node_modules/tsx/dist/cli.mjs", "scripts/index-search.ts", "dist"], {
      cwd: site.root,
      limitMB: args.limitMB,
    });
    if (pagefind.exitCode !== 0) {
      appendFileSync(log, `\n===== pagefind FAILED: ${pagefind.command}\n${pagefind.stdout}\n${pagefind.stderr}\n`);
      const why = pagefind.overLimit ? `killed at ${args.limitMB} MB (--limit-mb)` : `exit ${pagefind.exitCode}`;
      result.pagefind = { ...step(pagefind), indexFiles: 0, indexMB: 0, pagesIndexed: null, error: why };
      console.log(`pagefind FAILED after ${pagefind.seconds.toFixed(1)} s, peak ${pagefind.peakRssMB} MB: ${why}`);
      writeFileSync(resolve(args.out, `bench-${n}.json`), `${JSON.stringify(result, null, 2)}\n`);
      return result;
    }
    check(pagefind, "pagefind", log);
    const index = dirStats(join(site.dist, "pagefind"));
    result.pagefind = { ...step(pagefind), indexFiles: index.files, indexMB: Math.round(index.bytes / 1e5) / 10, pagesIndexed: pagesIndexed(pagefind.stdout) };
    console.log(`pagefind: ${pagefind.seconds.toFixed(1)} s, peak ${pagefind.peakRssMB} MB, ${index.files} files, ${result.pagefind.indexMB} MB`);

    const reportId = readdirSync(join(site.dist, "reports"))
      .filter((name) => existsSync(join(site.dist, "reports", name, "index.html")))
      .sort()[0]!;
    result.reportPage = pageWeight(site.dist, `reports/${reportId}/`);
    const indicatorId = readdirSync(join(site.dist, "indicators"))
      .filter((name) => existsSync(join(site.dist, "indicators", name, "index.html")))
      .sort()[0]!;
    result.indicatorPage = pageWeight(site.dist, `indicators/${indicatorId}/`);
    console.log(
      `report page ${reportId}: ${(result.reportPage.beforeChartsGzip / 1024).toFixed(1)} KB gzip before charts (+${(result.reportPage.chartsGzip / 1024).toFixed(1)} KB chart code); indicator page ${indicatorId}: ${(result.indicatorPage.beforeChartsGzip / 1024).toFixed(1)} KB (+${(result.indicatorPage.chartsGzip / 1024).toFixed(1)} KB), HTML ${(result.indicatorPage.htmlBytes / 1024).toFixed(0)} KB raw`,
    );

    result.search = await searchWeights(site.dist, QUERIES);
    for (const s of result.search) console.log(`search 「${s.query}」: ${s.results ?? "?"} results, ${s.requests} requests, ${(s.bytes / 1024).toFixed(0)} KB as served (${(s.bytesGzipText / 1024).toFixed(0)} KB with gzip on js/css)`);
  }

  writeFileSync(resolve(args.out, `bench-${n}.json`), `${JSON.stringify(result, null, 2)}\n`);
  if (!args.keep) rmSync(workRoot, { recursive: true, force: true });
  return result;
}

function kb(bytes: number | undefined): string {
  return bytes === undefined ? "–" : `${(bytes / 1024).toFixed(0)} KB`;
}

function printTable(results: Result[]): void {
  const rows: string[][] = [
    ["N", "convert r/s", "2008 OCR r/s", "convert peak", "re-run 1 changed", "build", "build peak", "pagefind", "index", "report page", "indicator page", "search 公开", "search 申请"],
  ];
  for (const r of results) {
    rows.push([
      String(r.n),
      String(r.convert.reportsPerSecond),
      r.convertOcr2008 ? String(r.convertOcr2008.reportsPerSecond) : "–",
      `${r.convert.peakRssMB} MB`,
      `${r.rerunOneChanged.seconds} s`,
      r.build ? `${r.build.seconds} s` : "–",
      r.build ? `${r.build.peakRssMB} MB` : "–",
      r.pagefind ? `${r.pagefind.seconds} s` : "–",
      r.pagefind ? `${r.pagefind.indexMB} MB` : "–",
      r.reportPage ? `${kb(r.reportPage.beforeChartsGzip)} (+${kb(r.reportPage.chartsGzip)})` : "–",
      r.indicatorPage ? `${kb(r.indicatorPage.beforeChartsGzip)} (+${kb(r.indicatorPage.chartsGzip)})` : "–",
      kb(r.search?.[0]?.bytes),
      kb(r.search?.[1]?.bytes),
    ]);
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  console.log(`\n${rows.map((row) => row.map((cell, c) => cell.padEnd(widths[c]!)).join("  ")).join("\n")}`);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  mkdirSync(args.out, { recursive: true });
  console.log(`machine: ${availableParallelism()} cores, ${Math.round(totalmem() / 2 ** 30)} GB RAM (${Math.round(freemem() / 2 ** 30)} GB free), Node ${process.version}`);
  const results: Result[] = [];
  for (const n of args.sizes) results.push(await benchOne(n, args));
  printTable(results);
}

await main();

