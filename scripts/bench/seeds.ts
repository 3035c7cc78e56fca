/**
 * The real seed reports as the synthesizer needs them: the converter itself
 * tells each seed's year, jurisdiction (name, parent, province, level) and the
 * line range of its statistics table, so nothing about the seeds is hard-coded.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { convertSource } from "../../src/converter/pipeline.ts";
import type { SeedReport } from "./synthesize.ts";

export function loadSeeds(sourcesDir: string): SeedReport[] {
  const seeds: SeedReport[] = [];
  for (const file of readdirSync(sourcesDir).filter((n) => n.endsWith(".txt")).sort()) {
    const bytes = readFileSync(join(sourcesDir, file));
    const { report } = convertSource({ file, bytes });
    const j = report.jurisdiction;
    if (!j.resolved || (j.level !== "county" && j.level !== "prefecture")) continue; // nothing to swap reliably
    const tableLines = report.statistics.filter((s) => s.origin === "table").map((s) => s.line);
    seeds.push({
      file,
      text: new TextDecoder().decode(bytes),
      year: report.year,
      level: j.level,
      name: j.name,
      parentName: j.parent?.name ?? null,
      provinceName: j.province?.name ?? j.name,
      table: tableLines.length > 0 ? { from: Math.min(...tableLines), to: Math.max(...tableLines) } : null,
    });
  }
  if (seeds.length === 0) throw new Error(`${sourcesDir}: no seed report with a resolved county or prefecture`);
  return seeds;
}
