/**
 * The real corpus for the site's series tests: every report in sources/,
 * converted through the whole pipeline from the form the publisher reads (the
 * richest one when a report has several: a page or a PDF before its text),
 * once per test file.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { convertSource } from "../../../../src/converter/pipeline.ts";
import { FORM_RANK } from "../../../../src/converter/publish/group.ts";
import { compareReports } from "../../../../src/site/corpus.ts";
import type { Report, SourceForm } from "../../../../src/schema/report.ts";

const SOURCES = "sources";

function formOf(file: string): SourceForm {
  if (file.endsWith(".html") || file.endsWith(".htm")) return "html";
  if (file.endsWith(".pdf")) return "pdf";
  return "text";
}

let corpus: Promise<Report[]> | null = null;

export function convertedCorpus(): Promise<Report[]> {
  corpus ??= (async () => {
    const chosen = new Map<string, string>();
    for (const file of readdirSync(SOURCES).sort()) {
      const base = file.slice(0, file.lastIndexOf("."));
      const held = chosen.get(base);
      if (!held || FORM_RANK[formOf(file)] > FORM_RANK[formOf(held)]) chosen.set(base, file);
    }
    const reports = await Promise.all([...chosen.values()].map(async (file) => (await convertSource({ file, bytes: readFileSync(join(SOURCES, file)) })).report));
    return reports.sort(compareReports);
  })();
  return corpus;
}

/** The hand-read values of a report (tests/fixtures/expected/<base>.json, see the README there). */
export function expectedFigures(base: string): Record<string, number> {
  return (JSON.parse(readFileSync(join("tests/fixtures/expected", `${base}.json`), "utf8")) as { figures: Record<string, number> }).figures;
}
