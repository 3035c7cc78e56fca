/**
 * One source file → one Report (JSON) and its MDX page. Pure: bytes in,
 * values out; no file system, no clock. Every stage is called here in order:
 *
 *   decode → normalize → (template by year) → locate statistics table → noise
 *     → metadata → jurisdiction → structure → statistics + text figures → checks
 *     → validate against the schema → MDX
 */
import { DEFAULT_TEMPLATE_ID, getTemplate, templateForYear, type Template } from "../catalog/index.ts";
import { parseReport, SCHEMA_VERSION, type Diagnostic, type Heading, type Removal, type Report, type Statistic } from "../schema/report.ts";
import { ConversionError } from "./errors.ts";
import { createSlugger, headingAnchor } from "./stages/anchors.ts";
import { runChecks } from "./stages/checks.ts";
import { decodeSource } from "./stages/decode.ts";
import { reportMarks } from "./stages/evidence.ts";
import { resolveJurisdiction } from "./stages/jurisdiction.ts";
import { renderMdx } from "./stages/mdx.ts";
import { extractMetadata } from "./stages/metadata.ts";
import { removeNoise, type LineRange } from "./stages/noise.ts";
import { normalizeLines, type NormalizedLine } from "./stages/normalize.ts";
import { locateStatisticsTable, readStatisticsTable } from "./stages/statistics.ts";
import { buildBlocks } from "./stages/structure.ts";
import { splitRow } from "./stages/table-rows.ts";
import { extractTextFigures } from "./stages/text-figures.ts";
import type { Block, SourceLine } from "./types.ts";

export const REPORT_SCHEMA_URL = "/downloads/report.schema.json";

export interface ConvertInput {
  /** File name under sources/ (no directories: it is written into the JSON). */
  file: string;
  bytes: Uint8Array;
}

export interface ConvertOutput {
  report: Report;
  mdx: string;
}

function plain(lines: NormalizedLine[]): SourceLine[] {
  return lines.map(({ n, text }) => ({ n, text }));
}

function inRange(n: number, range: LineRange | null): boolean {
  return range !== null && n >= range.from && n <= range.to;
}

/** The template of the report's year; reports outside every template's years fall back to the default, with a warning. */
function chooseTemplate(year: number): { template: Template; diagnostics: Diagnostic[] } {
  const template = templateForYear(year);
  if (template) return { template, diagnostics: [] };
  return {
    template: getTemplate(DEFAULT_TEMPLATE_ID),
    diagnostics: [
      {
        severity: "warning",
        code: "no_template_for_year",
        message: `没有适用于 ${year} 年的统计表模板，按 ${DEFAULT_TEMPLATE_ID} 读取 / no statistics template covers ${year}; read with ${DEFAULT_TEMPLATE_ID}`,
        line: null,
      },
    ],
  };
}

/**
 * Table values first; a figure stated in the prose fills only an indicator the
 * table lacks (all of them when there is no table). One statistic per
 * indicator, in catalog order.
 */
function mergeStatistics(table: Statistic[], text: Statistic[], template: Template): Statistic[] {
  const order = new Map(template.indicators.map((i) => [i.id, i.order]));
  const byIndicator = new Map<string, Statistic>();
  for (const statistic of [...table, ...text]) {
    if (!byIndicator.has(statistic.indicator)) byIndicator.set(statistic.indicator, statistic);
  }
  return [...byIndicator.values()].sort(
    (a, b) => (order.get(a.indicator) ?? Number.MAX_SAFE_INTEGER) - (order.get(b.indicator) ?? Number.MAX_SAFE_INTEGER) || a.line - b.line,
  );
}

function headingsOf(blocks: Block[]): Heading[] {
  const slugger = createSlugger();
  return blocks.flatMap((block) =>
    block.kind === "heading" ? [{ depth: block.depth, text: block.text, anchor: headingAnchor(block.text, slugger), line: block.line }] : [],
  );
}

function sortRemovals(removals: Removal[]): Removal[] {
  return [...removals].sort((a, b) => a.from - b.from || a.to - b.to || a.kind.localeCompare(b.kind) || a.excerpt.localeCompare(b.excerpt));
}

export function convertSource(input: ConvertInput): ConvertOutput {
  const { file } = input;
  const decoded = decodeSource(file, input.bytes);
  const normalized = normalizeLines(decoded.lines);

  // The year picks the statistics template, which the table locator needs; the
  // title is found the same way before and after noise removal (scraps never look like one).
  const early = extractMetadata(file, removeNoise(normalized, null).lines, null);
  const { template, diagnostics: templateDiagnostics } = chooseTemplate(early.year);
  const statisticsRange = locateStatisticsTable(plain(normalized), template);

  const clean = removeNoise(normalized, statisticsRange);
  if (reportMarks(clean.lines.map((l) => l.text), statisticsRange).length === 0) {
    throw new ConversionError("not_a_report", file, early.title);
  }
  const metadata = extractMetadata(file, clean.lines, statisticsRange);
  const opening = clean.lines
    .filter((l) => !inRange(l.n, statisticsRange))
    .slice(0, 30)
    .map((l) => l.text)
    .join("\n");
  const { jurisdiction, diagnostics: jurisdictionDiagnostics } = resolveJurisdiction(metadata.jurisdictionName, `${metadata.title}\n${opening}`);
  const structure = buildBlocks({ lines: clean.lines, statistics: statisticsRange, titleLine: metadata.titleLine });

  const tableLines = statisticsRange ? plain(normalized.filter((l) => inRange(l.n, statisticsRange))) : [];
  const table = statisticsRange ? readStatisticsTable(tableLines, template) : { statistics: [], log: { diagnostics: [], removals: [] } };
  const prose = plain(clean.lines.filter((l) => !inRange(l.n, statisticsRange) && splitRow(l.text) === null));
  const textFigures = extractTextFigures(prose, template);
  const statistics = mergeStatistics(table.statistics, textFigures, template);
  const checks = runChecks({ statistics: table.statistics, textFigures, template });

  const report = {
    $schema: REPORT_SCHEMA_URL,
    schemaVersion: SCHEMA_VERSION,
    id: `${jurisdiction.code}-${metadata.year}`,
    title: metadata.title,
    year: metadata.year,
    jurisdiction,
    department: null,
    publisher: metadata.publisher,
    publishedOn: metadata.publishedOn,
    period: metadata.period,
    coverage: metadata.coverage,
    website: metadata.website,
    contact: metadata.contact,
    template: template.id,
    hasStatisticsTable: statisticsRange !== null,
    source: { file, bytes: decoded.bytes, sha256: decoded.sha256, encoding: decoded.encoding, lines: decoded.lines.length },
    statistics,
    checks,
    diagnostics: [...decoded.diagnostics, ...templateDiagnostics, ...jurisdictionDiagnostics, ...table.log.diagnostics],
    removals: sortRemovals([...clean.removals, ...structure.removals, ...table.log.removals]),
    headings: headingsOf(structure.blocks),
    versions: [],
  } satisfies Report;

  let validated: Report;
  try {
    validated = parseReport(report, file);
  } catch (error) {
    throw new ConversionError("invalid_report", file, error instanceof Error ? error.message : String(error));
  }
  return { report: validated, mdx: renderMdx(structure.blocks, validated) };
}
