/**
 * Test helper: real reports of every format in the corpus, converted and
 * published by the converter's own run (forms grouped, a PDF's text layer
 * written, versions kept) into a temporary project, once per test file.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { convertSources } from "../../../../src/converter/publish/run.ts";
import { parseReport, type Report } from "../../../../src/schema/report.ts";
import { SOURCES_DIR } from "../../../helpers/source-lines.ts";

/** One report of each format: 2008 (seed 000, 大武口区 2017), Fujian's table, 2019, 2021 from a page (with its text) and from a PDF (with its text). */
export const CORPUS_FILES = [
  "000_76c4b6d22ff18d10.txt",
  "fujian-pingtan-2016.txt",
  "fujian-pingtan-2020.txt",
  "jiangsu-shuyang-2023-fagaiju.html",
  "jiangsu-shuyang-2023-fagaiju.txt",
  "jiangsu-hongze-2023.pdf",
  "jiangsu-hongze-2023.txt",
] as const;

export const IDS = {
  dawukou2017: "640202-2017",
  pingtan2016: "x659039f5dea5-2016",
  pingtan2020: "x659039f5dea5-2020",
  shuyang2023: "321322-development-reform-2023",
  hongze2023: "320813-2023",
} as const;

export interface Published {
  /** The temporary project root: sources in `corpus/`, content in `src/content/`. */
  root: string;
  report(id: string): Report;
  mdx(id: string): string;
}

/**
 * `extra`: more source files, written into the corpus as given (a corrected
 * re-issue of a real report, made from its text).
 */
export async function publish(files: readonly string[] = CORPUS_FILES, extra: Record<string, string> = {}): Promise<Published> {
  const root = mkdtempSync(join(tmpdir(), "report-page-"));
  const corpus = join(root, "corpus");
  mkdirSync(corpus);
  for (const file of files) copyFileSync(join(SOURCES_DIR, file), join(corpus, file));
  for (const [file, text] of Object.entries(extra)) writeFileSync(join(corpus, file), text);
  const content = join(root, "src", "content");
  const summary = await convertSources({ sourcesDir: corpus, outDir: content, jobs: 1 });
  if (!summary.published) throw new Error("the test corpus was not published");
  return {
    root,
    report: (id) => parseReport(JSON.parse(readFileSync(join(content, "data", `${id}.json`), "utf8")), id),
    mdx: (id) => readFileSync(join(content, "reports", `${id}.mdx`), "utf8"),
  };
}

let shared: Promise<Published> | null = null;

/** The corpus above, published once per test file. */
export function corpus(): Promise<Published> {
  shared ??= publish();
  return shared;
}

export function sourceText(file: string): string {
  return readFileSync(join(SOURCES_DIR, file), "utf8");
}
