/**
 * One source file → one Report (JSON) and its MDX page. Pure: bytes in,
 * values out; no file system, no clock.
 *
 * The input adapter of the file's form turns the bytes into one
 * SourceDocument; after it, no stage knows what form the report came in. The
 * stages run once each, in the order of STAGES (docs/contributing.md shows
 * the same list, and a test checks the two agree).
 */
import { createSlugger, headingAnchor } from "../report/anchors.ts";
import { parseReport, SCHEMA_VERSION, type Heading, type Removal, type Report, type Statistic } from "../schema/report.ts";
import { lineIndexOf, trim } from "./document/source-text.ts";
import type { SourceText } from "./document/types.ts";
import { ConversionError } from "./errors.ts";
import { readDocument } from "./input/index.ts";
import { locateTables } from "./readers/lines.ts";
import { readTables } from "./readers/read-tables.ts";
import { parentRules, runChecks } from "./stages/checks.ts";
import { conceptValues } from "./stages/concepts.ts";
import { deriveFigures } from "./stages/derived.ts";
import { reportMarks } from "./stages/evidence.ts";
import { renderMdx } from "./stages/mdx.ts";
import { extractMetadata } from "./stages/metadata.ts";
import { buildStructure, type BodyBlock } from "./stages/structure.ts";
import { chooseTemplate } from "./stages/template.ts";
import { extractTextFigures } from "./stages/text-figures.ts";
import { compareText } from "../report/compare-text.ts";

export const REPORT_SCHEMA_URL = "/downloads/report.schema.json";

/** The stages after the input adapter, in the order convertSource runs them. */
export const STAGES = [
  { name: "metadata", does: "title, year, dates, contact; the owner resolved to a division or special area and a department (stages/metadata.ts, jurisdiction.ts, department.ts)" },
  { name: "template", does: "which table format the report follows (stages/template.ts)" },
  { name: "locate tables", does: "where each table of the format stands, as labelled lines (readers/lines.ts)" },
  { name: "structure", does: "headings and paragraphs of the body, tables in their place (stages/structure.ts)" },
  { name: "text figures", does: "figures the prose states (stages/text-figures.ts)" },
  { name: "read tables", does: "each table through the reader of its layout, glued cells through the solver (readers/)" },
  { name: "derived", does: "sums the catalog defines (stages/derived.ts)" },
  { name: "concepts", does: "figures comparable across formats (stages/concepts.ts)" },
  { name: "checks", does: "consistency rules, prose against table (stages/checks.ts)" },
  { name: "mdx", does: "the page body (stages/mdx.ts)" },
] as const;

export interface ConvertInput {
  /** File name under sources/ (no directories: it is written into the JSON). */
  file: string;
  bytes: Uint8Array;
}

export interface ConvertOutput {
  report: Report;
  mdx: string;
  /** The text the report's spans refer to when it is not the file's own (a PDF's text layer); null otherwise. */
  text: string | null;
}

/** The body's own text, for the not-a-report test and the prose figures. */
function proseOf(blocks: readonly BodyBlock[]): SourceText[] {
  return blocks.flatMap((block): SourceText[] => {
    switch (block.kind) {
      case "heading":
      case "paragraph":
        return [block.text];
      case "list":
        return block.items;
      default:
        return [];
    }
  });
}

function sortRemovals(removals: readonly Removal[]): Removal[] {
  return [...removals].sort((a, b) => a.from - b.from || a.to - b.to || compareText(a.kind, b.kind) || compareText(a.excerpt, b.excerpt));
}

/** Table figures first; a figure the prose states stands only for an indicator the tables do not print. */
function mergeStatistics(table: readonly Statistic[], text: readonly Statistic[], order: Map<string, number>): Statistic[] {
  const printed = new Set(table.map((s) => s.indicator));
  return [...table, ...text.filter((s) => !printed.has(s.indicator))].sort(
    (a, b) => (order.get(a.indicator) ?? Number.MAX_SAFE_INTEGER) - (order.get(b.indicator) ?? Number.MAX_SAFE_INTEGER) || a.span.start - b.span.start,
  );
}

/**
 * Convert one source. Every failure is a ConversionError naming the file: a
 * refusal of the input with its reason, or — for anything a stage throws
 * that is not one — internal_error with the stage's message, a converter bug
 * the fuzz test looks for.
 */
export async function convertSource(input: ConvertInput): Promise<ConvertOutput> {
  try {
    return await convertOrThrow(input);
  } catch (error) {
    if (error instanceof ConversionError) throw error;
    throw new ConversionError("internal_error", input.file, error instanceof Error ? error.message : String(error), { cause: error });
  }
}

async function convertOrThrow(input: ConvertInput): Promise<ConvertOutput> {
  const { file } = input;
  const document = await readDocument(file, input.bytes);
  const lines = lineIndexOf(document.text);

  const metadata = extractMetadata(document, { statisticsRanges: [] });

  const choice = chooseTemplate(document, metadata.year);
  const template = choice.template;
  const regions = locateTables(document, template);
  const structure = buildStructure({
    document,
    // One place per table: a page break inside it (footers, a label's other half) is part of the table.
    statistics: regions.map((r) => ({ start: Math.min(...r.ranges.map((x) => x.start)), end: Math.max(...r.ranges.map((x) => x.end)), table: r.table.id })),
    title: metadata.titleRange,
    outline: template.outline,
  });
  const prose = proseOf(structure.blocks).map(trim);
  if (reportMarks(prose.map((t) => t.text), regions.length > 0).length === 0) {
    throw new ConversionError("not_a_report", file, metadata.title);
  }

  const textFigures = extractTextFigures(document, prose, template);
  const tables = readTables({
    document,
    template,
    regions,
    rules: [...template.rules, ...parentRules(template)],
    stated: new Map(textFigures.flatMap((f) => (f.value === null ? [] : [[f.indicator, f.value] as const]))),
  });
  const order = new Map(template.indicators.map((i, n) => [i.id, n]));
  const statistics = mergeStatistics(tables.statistics, textFigures, order);
  const derived = deriveFigures(template, statistics);
  const concepts = conceptValues(template, { statistics, derived });
  const checks = runChecks({ template, report: { statistics, derived }, textFigures, hasTable: regions.length > 0 });

  const slugger = createSlugger();
  const headings: Heading[] = structure.headings.map((h) => ({ depth: h.depth, text: h.text, anchor: headingAnchor(h.text, slugger), line: lines.lineOf(h.offset) }));

  const report = {
    $schema: REPORT_SCHEMA_URL,
    schemaVersion: SCHEMA_VERSION,
    id: metadata.id,
    title: metadata.title,
    year: metadata.year,
    jurisdiction: metadata.jurisdiction,
    department: metadata.department,
    publisher: metadata.publisher,
    publishedOn: metadata.publishedOn,
    period: metadata.period,
    coverage: metadata.coverage,
    website: metadata.website,
    contact: metadata.contact,
    template: template.id,
    templateEvidence: choice.evidence,
    hasStatisticsTable: regions.length > 0,
    source: {
      file,
      form: document.form,
      bytes: document.bytes,
      sha256: document.sha256,
      encoding: document.encoding,
      lines: lines.lineCount,
      pages: document.pageStarts ? document.pageStarts.length : null,
      url: metadata.url,
      alternatives: [],
    },
    statistics,
    derived,
    concepts,
    extraRows: tables.extraRows,
    checks,
    versions: [],
    diagnostics: [...document.diagnostics, ...metadata.diagnostics, ...tables.diagnostics],
    removals: sortRemovals([...document.removals, ...structure.removals]),
    headings,
  } satisfies Report;

  let validated: Report;
  try {
    validated = parseReport(report, file);
  } catch (error) {
    throw new ConversionError("invalid_report", file, error instanceof Error ? error.message : String(error));
  }
  return { report: validated, mdx: renderMdx(structure.blocks, validated), text: document.form === "pdf" ? document.text : null };
}
