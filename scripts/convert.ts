/**
 * npm run convert                 convert the sources folder and publish src/content
 * npm run convert -- FILE…        the same, converting these files again even if cached
 *
 * Options: see CONVERT_OPTIONS in src/converter/publish/cli.ts (`--help`).
 *
 * Exit status: 0 when the content was published; 1 when it was not (a write
 * failed, or no report converted: the previous content is left as it was),
 * when a write failed after publishing (the cache), or with --strict when any
 * file failed or any report carries a warning; 2 for a usage error.
 */
import { resolve } from "node:path";
import { usage, parseConvertArgs } from "../src/converter/publish/cli.ts";
import { WRITE_ERROR_CODES } from "../src/converter/publish/durable-write.ts";
import { failureCounts } from "../src/converter/publish/failure-counts.ts";
import { convertSources, type RunSummary } from "../src/converter/publish/run.ts";
import { terminalText } from "../src/converter/publish/terminal.ts";

/** Every line goes out through here: text from sources never reaches the terminal unfiltered. */
function say(text = ""): void {
  console.log(text.split("\n").map(terminalText).join("\n"));
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
  const clean = rows.map((r) => r.map(terminalText));
  const widths = clean[0]!.map((_, c) => Math.max(...clean.map((r) => width(r[c] ?? ""))));
  return clean.map((r) => r.map((cell, c) => pad(cell, widths[c]!)).join("  ").trimEnd()).join("\n");
}

/** The per-report table lists only the reports converted in this run; unchanged ones are counted. */
async function printSummary(summary: RunSummary, quiet: boolean): Promise<void> {
  const unchanged = new Set(summary.unchanged);
  const fresh = summary.converted.filter((c) => !unchanged.has(c.file));
  for (const notice of summary.notices) say(`! [${notice.code}] ${notice.message}`);
  if (summary.published && fresh.length > 0 && !quiet) {
    // The catalog, for each report's figures out of its template's; loaded only to print them.
    const { getTemplate } = await import("../src/catalog/index.ts");
    const catalogSize = (template: string) => getTemplate(template).indicators.length;
    const rows = [
      ["id", "title", "figures", "checks failed", "warnings", "removals"],
      ...fresh.map((c) => [c.id, c.title, `${c.figures}/${catalogSize(c.template)}`, String(c.checksFailed), String(c.warnings), String(c.removals)]),
    ];
    say(`\n${table(rows)}`);
  }
  for (const s of summary.superseded) {
    say(
      s.as === "copy"
        ? `= ${s.file}: byte-identical copy of ${s.of} (${s.id}), published once`
        : s.as === "alternative"
          ? `+ ${s.file}: another form of ${s.id}; ${s.of} is read, this one recorded beside it`
          : `↺ ${s.file}: earlier version of ${s.id}; ${s.of} is published, this version's data is kept`,
    );
  }
  for (const path of summary.deleted) say(`removed stale ${path}`);
  if (summary.failed.length > 0) {
    say(`\nerrors (${summary.failed.length}):`);
    for (const f of summary.failed) say(`  [${f.code}] ${f.message}`);
  }
  const why = summary.failed.length > 0 ? ` (${failureCounts(summary.failed)})` : "";
  if (summary.published) {
    say(`\n${fresh.length} converted, ${summary.unchanged.length} unchanged (cached), ${summary.failed.length} failed${why}`);
  } else if (summary.failed.length === 0) {
    say("\nno *.txt source found: nothing published, the content folder is as it was");
  } else {
    say(`\nnothing published: the content folder is as it was. ${summary.failed.length} failed${why}`);
  }
}

async function main(): Promise<void> {
  const args = parseConvertArgs(process.argv.slice(2));
  if ("error" in args) {
    console.error(`${terminalText(args.error)}\n${usage()}`);
    process.exit(2);
  }
  if (args.help) {
    console.log(usage());
    return;
  }
  say(`converting ${args.sources}/ → ${resolve(args.out)}`);
  const summary = await convertSources({
    sourcesDir: args.sources,
    outDir: args.out,
    files: args.files,
    onProgress: args.quiet ? undefined : (message) => say(`  ${message}`),
    cache: args.cache ? "reuse" : "refresh",
    jobs: args.jobs,
  });
  await printSummary(summary, args.quiet);
  const warnings = summary.converted.reduce((sum, c) => sum + c.warnings, 0);
  const writeFailed = summary.failed.some((f) => WRITE_ERROR_CODES.has(f.code));
  if (!summary.published || writeFailed || summary.converted.length === 0 || (args.strict && (warnings > 0 || summary.failed.length > 0))) {
    process.exitCode = 1;
  }
}

await main();
