/**
 * npm run convert                 convert every sources/*.txt
 * npm run convert -- FILE…        convert only these files
 *   --strict                      exit non-zero on any warning or error
 *   --out DIR                     write DIR/reports and DIR/data (default src/content)
 *
 * Exit status is non-zero when every file failed, or with --strict when any
 * file failed or any report carries a warning.
 */
import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { getTemplate } from "../src/catalog/index.ts";
import { convertFiles, type RunSummary } from "../src/converter/run.ts";

const SOURCES = "sources";
const DEFAULT_OUT = join("src", "content");

interface Args {
  files: string[];
  strict: boolean;
  out: string;
}

function usage(message: string): never {
  console.error(`${message}\nusage: npm run convert -- [--strict] [--out DIR] [FILE…]`);
  process.exit(2);
}

function parseArgs(argv: string[]): Args {
  const args: Args = { files: [], strict: false, out: DEFAULT_OUT };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--strict") args.strict = true;
    else if (arg === "--out") args.out = argv[++i] ?? usage("--out needs a directory");
    else if (arg.startsWith("--out=")) args.out = arg.slice("--out=".length);
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

function printSummary(summary: RunSummary): void {
  if (summary.converted.length > 0) {
    const rows = [
      ["id", "title", "figures", "checks failed", "warnings", "removals"],
      ...summary.converted.map((c) => [
        c.id,
        c.title,
        `${c.figures}/${c.catalogSize}`,
        String(c.checksFailed),
        String(c.warnings),
        String(c.removals),
      ]),
    ];
    console.log(`\n${table(rows)}`);
  }
  for (const path of summary.deleted) console.log(`removed stale ${path}`);
  if (summary.failed.length > 0) {
    console.log(`\nerrors (${summary.failed.length}):`);
    for (const f of summary.failed) console.log(`  [${f.code}] ${f.message}`);
  }
  console.log(`\n${summary.converted.length} converted, ${summary.failed.length} failed`);
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const complete = args.files.length === 0;
  const files = complete
    ? readdirSync(SOURCES)
        .filter((name) => name.endsWith(".txt"))
        .sort()
        .map((name) => join(SOURCES, name))
    : args.files;
  if (files.length === 0) usage(`no source files in ${SOURCES}/`);
  console.log(`converting ${files.length} file(s) → ${resolve(args.out)}`);
  const summary = convertFiles(files, {
    outDir: args.out,
    complete,
    catalogSize: (id) => getTemplate(id).indicators.length,
    onProgress: (message) => console.log(`  ${message}`),
  });
  printSummary(summary);
  const warnings = summary.converted.reduce((sum, c) => sum + c.warnings, 0);
  const allFailed = summary.converted.length === 0;
  if (allFailed || (args.strict && (warnings > 0 || summary.failed.length > 0))) process.exitCode = 1;
}

main();
