/**
 * npm run convert                 convert every sources/*.txt
 * npm run convert -- FILE…        convert only these files
 *   --strict                      exit non-zero on any warning or error
 *   --sources DIR                 read DIR/*.txt (default sources)
 *   --out DIR                     write DIR/reports and DIR/data (default src/content)
 *   --jobs N                      worker threads (default: available cores; 1 = no workers)
 *   --no-cache                    convert every file again (the manifest in
 *                                 DIR/.cache/convert-manifest.json is rewritten)
 *   --quiet                       no per-file lines and no per-report table
 *
 * Unchanged sources (same size and mtime, or same sha256) whose outputs are
 * intact are not converted again while the converter code and catalog are the
 * same; they still count for duplicate ids and stale outputs.
 *
 * Exit status is non-zero when every file failed, or with --strict when any
 * file failed or any report carries a warning.
 */
import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { getTemplate } from "../src/catalog/index.ts";
import { failureCounts } from "../src/converter/publish/failure-counts.ts";
import { convertFilesParallel, type RunSummary } from "../src/converter/publish/run.ts";

const SOURCES = "sources";
const DEFAULT_OUT = join("src", "content");

interface Args {
  files: string[];
  strict: boolean;
  sources: string;
  out: string;
  jobs: number | undefined;
  cache: boolean;
  quiet: boolean;
}

function usage(message: string): never {
  console.error(`${message}\nusage: npm run convert -- [--strict] [--sources DIR] [--out DIR] [--jobs N] [--no-cache] [--quiet] [FILE…]`);
  process.exit(2);
}

function parseArgs(argv: string[]): Args {
  const args: Args = { files: [], strict: false, sources: SOURCES, out: DEFAULT_OUT, jobs: undefined, cache: true, quiet: false };
  const jobs = (value: string | undefined): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) usage("--jobs needs a whole number ≥ 1");
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--strict") args.strict = true;
    else if (arg === "--no-cache") args.cache = false;
    else if (arg === "--quiet") args.quiet = true;
    else if (arg === "--out") args.out = argv[++i] ?? usage("--out needs a directory");
    else if (arg.startsWith("--out=")) args.out = arg.slice("--out=".length);
    else if (arg === "--sources") args.sources = argv[++i] ?? usage("--sources needs a directory");
    else if (arg.startsWith("--sources=")) args.sources = arg.slice("--sources=".length);
    else if (arg === "--jobs") args.jobs = jobs(argv[++i]);
    else if (arg.startsWith("--jobs=")) args.jobs = jobs(arg.slice("--jobs=".length));
    else if (arg.startsWith("--")) usage(`unknown option ${arg}`);
    else args.files.push(arg);
  }
  return args;
}

/** Display width: CJK characters take two columns in a terminal. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

function pad(text: string, columns: number): string {
  return text + " ".repeat(Math.max(0, columns - width(text)));
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => width(r[c] ?? ""))));
  return rows.map((r) => r.map((cell, c) => pad(cell, widths[c]!)).join("  ").trimEnd()).join("\n");
}

/** The per-report table lists only the reports converted in this run; unchanged ones are counted. */
function printSummary(summary: RunSummary, quiet: boolean): void {
  const unchanged = new Set(summary.unchanged);
  const fresh = summary.converted.filter((c) => !unchanged.has(c.file));
  if (fresh.length > 0 && !quiet) {
    const rows = [
      ["id", "title", "figures", "checks failed", "warnings", "removals"],
      ...fresh.map((c) => [c.id, c.title, `${c.figures}/${c.catalogSize}`, String(c.checksFailed), String(c.warnings), String(c.removals)]),
    ];
    console.log(`\n${table(rows)}`);
  }
  for (const path of summary.deleted) console.log(`removed stale ${path}`);
  if (summary.failed.length > 0) {
    console.log(`\nerrors (${summary.failed.length}):`);
    for (const f of summary.failed) console.log(`  [${f.code}] ${f.message}`);
  }
  const why = summary.failed.length > 0 ? ` (${failureCounts(summary.failed)})` : "";
  console.log(`\n${fresh.length} converted, ${summary.unchanged.length} unchanged (cached), ${summary.failed.length} failed${why}`);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const complete = args.files.length === 0;
  const files = complete
    ? readdirSync(args.sources)
        .filter((name) => name.endsWith(".txt"))
        .sort()
        .map((name) => join(args.sources, name))
    : args.files;
  if (files.length === 0) usage(`no source files in ${args.sources}/`);
  console.log(`converting ${files.length} file(s) → ${resolve(args.out)}`);
  const summary = await convertFilesParallel(files, {
    outDir: args.out,
    complete,
    catalogSize: (id) => getTemplate(id).indicators.length,
    onProgress: args.quiet ? undefined : (message) => console.log(`  ${message}`),
    cache: args.cache ? "reuse" : "refresh",
    jobs: args.jobs,
  });
  printSummary(summary, args.quiet);
  const warnings = summary.converted.reduce((sum, c) => sum + c.warnings, 0);
  const allFailed = summary.converted.length === 0;
  if (allFailed || (args.strict && (warnings > 0 || summary.failed.length > 0))) process.exitCode = 1;
}

await main();
