/**
 * Test helper: read the statistics tables of a small source the way the
 * pipeline does — the input adapter of its form, `locateTables`, `readTables`
 * with the template's rules — and, for the tests that need them, the derived
 * figures and checks after it.
 */
import { getTemplate, type Template } from "../../../../src/catalog/index.ts";
import { LineIndex } from "../../../../src/converter/document/source-text.ts";
import type { SourceDocument } from "../../../../src/converter/document/types.ts";
import { htmlAdapter } from "../../../../src/converter/input/html/index.ts";
import { textAdapter } from "../../../../src/converter/input/text/index.ts";
import { locateTables, type TableRegion } from "../../../../src/converter/readers/lines.ts";
import { readTables } from "../../../../src/converter/readers/read-tables.ts";
import { parentRules, runChecks } from "../../../../src/converter/stages/checks.ts";
import { deriveFigures } from "../../../../src/converter/stages/derived.ts";
import type { Check, Diagnostic, ExtraRow, Statistic } from "../../../../src/schema/report.ts";

export interface SourceReading {
  document: SourceDocument;
  template: Template;
  regions: TableRegion[];
  statistics: Statistic[];
  extraRows: ExtraRow[];
  /** Every diagnostic: the adapter's, then the readers'. */
  diagnostics: Diagnostic[];
  /** The readers' warnings except missing_indicator (a small table lacks most rows). */
  warnings: Diagnostic[];
  byId: (id: string) => Statistic | undefined;
  /** The template's checks on what was read. */
  checks: () => Check[];
}

export interface ReadOptions {
  /** Template id; national-2008 unless given. */
  template?: string;
  /** File name: .html is read by the HTML adapter, anything else by the text adapter. */
  file?: string;
  /** Figures the prose states, for the solver's tie-break. */
  stated?: ReadonlyMap<string, number>;
}

export async function readSource(text: string, options: ReadOptions = {}): Promise<SourceReading> {
  const file = options.file ?? "table.txt";
  const adapter = file.endsWith(".html") ? htmlAdapter : textAdapter;
  const document = await adapter.read(file, new TextEncoder().encode(text));
  const template = getTemplate(options.template ?? "national-2008");
  const regions = locateTables(document, template);
  const result = readTables({ document, template, regions, rules: [...template.rules, ...parentRules(template)], stated: options.stated ?? new Map() });
  const byId = (id: string) => result.statistics.find((s) => s.indicator === id);
  return {
    document,
    template,
    regions,
    statistics: result.statistics,
    extraRows: result.extraRows,
    diagnostics: [...document.diagnostics, ...result.diagnostics],
    warnings: result.diagnostics.filter((d) => d.code !== "missing_indicator"),
    byId,
    checks: () => {
      const report = { statistics: result.statistics, derived: deriveFigures(template, result.statistics) };
      return runChecks({ template, report, textFigures: [], hasTable: regions.length > 0 });
    },
  };
}

export interface ReaderFixture {
  about: string;
  template: string;
  /** Figures the report's prose states, as the pipeline hands them to the solver. */
  stated?: Record<string, number>;
  tables: { table: string; mode: "grid" | "stream"; from: number; to: number }[];
  /** [indicator, value, status, raw, unit, line], in the order readTables returns them. */
  statistics: [string, number | null, string, string, string | null, number][];
  /** The note of every statistic that has one. */
  notes: Record<string, string>;
  extraRows: { table: string; label: string; raw: string; line: number }[];
  /** [code, line] of every diagnostic, the adapter's and the readers'. */
  warnings: [string, number | null][];
}

/** What the readers made of a source, in the terms of a fixture's expected.json. */
export function describeReading(reading: SourceReading): Omit<ReaderFixture, "about" | "template" | "stated"> {
  const index = new LineIndex(reading.document.text);
  return {
    tables: reading.regions.map((region) => ({
      table: region.table.id,
      mode: region.mode,
      from: index.lineOf(Math.min(...region.ranges.map((r) => r.start))),
      to: index.lineOf(Math.max(...region.ranges.map((r) => r.end)) - 1),
    })),
    statistics: reading.statistics.map((s) => [s.indicator, s.value, s.status, s.raw, s.unit, s.line]),
    notes: Object.fromEntries(reading.statistics.filter((s) => s.note !== null).map((s) => [s.indicator, s.note!])),
    extraRows: reading.extraRows,
    warnings: reading.diagnostics.map((d) => [d.code, d.line]),
  };
}
