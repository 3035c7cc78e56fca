/**
 * What the browser tests need to know about the built corpus, read from the
 * converter's output (src/content/data, src/content/reports) rather than
 * hard-coded, so the tests follow the real data.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseReport, type Report } from "../../src/schema/report.ts";

const DATA = "src/content/data";
const BODIES = "src/content/reports";

export function builtReports(): Report[] {
  return readdirSync(DATA)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => parseReport(JSON.parse(readFileSync(join(DATA, name), "utf8")), join(DATA, name)));
}

/** Ids of reports whose title or MDX body contains the term: what a full-text search must find. */
export function reportsMentioning(term: string): string[] {
  return builtReports()
    .filter((r) => r.title.includes(term) || readFileSync(join(BODIES, `${r.id}.mdx`), "utf8").replace(/\\/g, "").includes(term))
    .map((r) => r.id)
    .sort();
}
