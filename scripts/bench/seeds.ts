/**
 * The real reports of sources/ as the synthesizer needs them, every form and
 * every template: the converter itself tells each one's year, template,
 * jurisdiction (name, parent, province, level) and where its statistics table
 * stands, so nothing about the reports is hard-coded.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { getTemplate } from "../../src/catalog/index.ts";
import { convertSource } from "../../src/converter/pipeline.ts";
import { isSourceName } from "../../src/converter/publish/run.ts";
import type { SeedReport } from "./synthesize.ts";

export async function loadSeeds(sourcesDir: string): Promise<SeedReport[]> {
  const seeds: SeedReport[] = [];
  for (const file of readdirSync(sourcesDir).filter(isSourceName).sort()) {
    const bytes = readFileSync(join(sourcesDir, file));
    const { report } = await convertSource({ file, bytes });
    const j = report.jurisdiction;
    const level = j.level === "province" ? null : j.level;
    const template = getTemplate(report.template);
    const tableLines = report.statistics.filter((s) => s.origin === "table").map((s) => s.line);
    seeds.push({
      file,
      form: report.source.form,
      template: report.template,
      bytes,
      text: report.source.form === "pdf" ? null : new TextDecoder().decode(bytes),
      year: report.year,
      years: { from: template.years.from, to: Math.min(template.years.to, 2025) },
      level,
      name: j.name,
      parentName: j.parent?.name ?? null,
      provinceName: j.province?.name ?? j.name,
      table: tableLines.length > 0 ? { from: Math.min(...tableLines), to: Math.max(...tableLines) } : null,
    });
  }
  if (!seeds.some((s) => s.level !== null && s.text !== null)) throw new Error(`${sourcesDir}: no report whose jurisdiction can be swapped`);
  return seeds;
}
