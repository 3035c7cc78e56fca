/**
 * Golden test over the real corpus: for every `tests/fixtures/expected/<base>.json`
 * (hand-read values, see the README there), every form of that report in
 * sources/ (`<base>.txt`, `.html`, `.pdf`) is converted and compared value by
 * value. Adding a report is adding its source file(s) and its expected file.
 *
 * What must hold for every form:
 * - no published figure differs from an expected one (the worst failure);
 * - a cell printed blank is published as not reported, never as a number;
 * - an expected figure the form cannot settle is published as null with a
 *   warning on its line (cells glued together in text, columns lost);
 * - the metadata is the expected title, year, division, province,
 *   department and publication date.
 * How many figures each form settles is asserted exactly below, so a change
 * that reads fewer (or more) shows up here and is a decision, not an accident.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { convertSource, type ConvertOutput } from "../../src/converter/pipeline.ts";
import type { Report } from "../../src/schema/report.ts";

const EXPECTED_DIR = "tests/fixtures/expected";
const SOURCES_DIR = "sources";

interface Expected {
  template: string;
  meta: { title: string; year: number; jurisdiction: string; division_code: string | null; province_code: string; department: string | null; published_on: string | null };
  figures: Record<string, number>;
  not_reported: string[];
  uncertain: Record<string, string>;
  text_figures: Record<string, number>;
}

/** Figures each form settles (right), out of the expected ones; the rest are null with a warning. */
const SETTLED: Record<string, number> = {
  "fujian-pingtan-2011.txt": 34,
  "fujian-pingtan-2012.txt": 32,
  "fujian-pingtan-2013-dishui.txt": 6,
  "fujian-pingtan-2013-dishui.html": 6,
  "fujian-pingtan-2014.txt": 32,
  "fujian-pingtan-2016.txt": 32,
  "fujian-pingtan-2018.txt": 30,
  // 表二's glued rows (规范性文件7777166, 行政许可396442278 …) have several splits no rule can choose between.
  "fujian-pingtan-2020.txt": 181,
  "fujian-pingtan-2022.txt": 200,
  // 行政规范性文件5845546: fifteen splits, no rule within the year.
  "fujian-pingtan-2025.txt": 197,
  "fujian-pingtan-county-2013.txt": 34,
  "jiangsu-hongze-2023.pdf": 186,
  "jiangsu-hongze-2023.txt": 186,
  "jiangsu-shuyang-2023-fagaiju.html": 75,
  // One number per line and blank cells left out: two numbers for seven columns cannot be placed.
  "jiangsu-shuyang-2023-fagaiju.txt": 25,
};

const bases = readdirSync(EXPECTED_DIR)
  .filter((name) => name.endsWith(".json"))
  .map((name) => name.slice(0, -".json".length))
  .sort();
const forms = bases.flatMap((base) =>
  readdirSync(SOURCES_DIR)
    .filter((name) => name.slice(0, name.lastIndexOf(".")) === base)
    .sort()
    .map((file) => ({ base, file })),
);

const outputs = new Map<string, Promise<ConvertOutput>>();
function convert(file: string): Promise<ConvertOutput> {
  let output = outputs.get(file);
  if (!output) {
    output = convertSource({ file, bytes: readFileSync(join(SOURCES_DIR, file)) });
    outputs.set(file, output);
  }
  return output;
}

function figureValue(report: Report, id: string) {
  return report.statistics.find((s) => s.indicator === id);
}

it("has a settled count for every form of every expected report, and a form for every expected report", () => {
  expect(forms.map((f) => f.file)).toEqual(Object.keys(SETTLED).sort());
  expect(new Set(forms.map((f) => f.base))).toEqual(new Set(bases));
});

describe.each(forms)("$file", ({ base, file }) => {
  const expected = JSON.parse(readFileSync(join(EXPECTED_DIR, `${base}.json`), "utf8")) as Expected;
  const wanted = Object.keys(expected.figures).length > 0 ? expected.figures : expected.text_figures;

  it("publishes no figure that differs from the hand-read value", async () => {
    const { report } = await convert(file);
    const wrong = Object.entries(wanted).flatMap(([id, value]) => {
      const published = figureValue(report, id);
      return published && published.value !== null && published.value !== value ? [`${id}: expected ${value}, published ${published.value} (line ${published.line})`] : [];
    });
    expect(wrong).toEqual([]);
  });

  it("settles exactly the expected number of figures; each one it cannot settle is null with a warning on its line", async () => {
    const { report } = await convert(file);
    const settled = Object.entries(wanted).filter(([id, value]) => figureValue(report, id)?.value === value);
    expect(settled.length).toBe(SETTLED[file]);
    const unsettled = Object.keys(wanted).filter((id) => figureValue(report, id)?.value !== wanted[id]);
    for (const id of unsettled) {
      const published = figureValue(report, id);
      expect(published, `${id} is printed, so it is published (as null)`).toBeDefined();
      expect(published!.value).toBeNull();
      expect(published!.status).toBe("uncertain");
      expect(published!.note).not.toBeNull();
      expect(report.diagnostics.some((d) => d.line === published!.line), `${id}: a warning on line ${published!.line}`).toBe(true);
    }
  });

  it("publishes a blank cell as not reported, never as a number", async () => {
    const { report } = await convert(file);
    for (const id of expected.not_reported) {
      const published = figureValue(report, id);
      expect(published?.value ?? null, id).toBeNull();
      if (file.endsWith(".html") || file.endsWith(".pdf")) expect(published?.status, id).toBe("not_reported");
    }
  });

  it("reads the report's title, year, jurisdiction, department and publication date", async () => {
    const { report } = await convert(file);
    const squeeze = (s: string) => s.replace(/\s+/g, "");
    expect(squeeze(report.title)).toBe(squeeze(expected.meta.title));
    expect(report.year).toBe(expected.meta.year);
    expect(report.jurisdiction.code).toBe(expected.meta.division_code);
    expect(report.jurisdiction.province?.code).toBe(expected.meta.province_code);
    expect(report.department?.fullName ?? null).toBe(expected.meta.department);
    expect(report.publishedOn).toBe(expected.meta.published_on);
    expect(report.template).toBe(expected.template === "none" ? "national-2008" : expected.template.replace("fujian-2008-variant", "fujian-2008"));
  });
});

describe("one report in two forms", () => {
  it("gives the same figures from the saved page and from its text, where the text keeps the cells", async () => {
    const [html, text] = await Promise.all([convert("jiangsu-shuyang-2023-fagaiju.html"), convert("jiangsu-shuyang-2023-fagaiju.txt")]);
    const fromText = new Map(text.report.statistics.filter((s) => s.value !== null).map((s) => [s.indicator, s.value]));
    const fromHtml = new Map(html.report.statistics.map((s) => [s.indicator, s.value]));
    expect(fromText.size).toBe(25);
    for (const [id, value] of fromText) expect(fromHtml.get(id), id).toBe(value);
  });

  it("gives identical figures from a PDF and from its pdftotext text", async () => {
    const [pdf, text] = await Promise.all([convert("jiangsu-hongze-2023.pdf"), convert("jiangsu-hongze-2023.txt")]);
    const values = (r: Report) => r.statistics.map((s) => [s.indicator, s.value, s.status]);
    expect(values(text.report)).toEqual(values(pdf.report));
  });

  it("gives identical figures from the crawled page and from its text (prose only)", async () => {
    const [html, text] = await Promise.all([convert("fujian-pingtan-2013-dishui.html"), convert("fujian-pingtan-2013-dishui.txt")]);
    const values = (r: Report) => r.statistics.map((s) => [s.indicator, s.value]);
    expect(values(text.report)).toEqual(values(html.report));
  });
});

describe("exact places", () => {
  it("points a figure's span at exactly its digits: in a page's table cell, and in a crawler text that holds the report on one line", async () => {
    const cases: [string, string, string][] = [
      ["jiangsu-shuyang-2023-fagaiju.html", "requests_received__total", "26"],
      ["jiangsu-shuyang-2023-fagaiju.html", "normative_docs__in_force", "18"],
      ["fujian-pingtan-2016.txt", "proactive_total__cumulative", "85376"],
      ["fujian-pingtan-2022.txt", "requests_received__natural_person", "71"],
      ["jiangsu-hongze-2023.pdf", "penalties__decisions", "4119"],
    ];
    for (const [file, id, digits] of cases) {
      const { report } = await convert(file);
      const statistic = figureValue(report, id)!;
      const bytes = readFileSync(join(SOURCES_DIR, file));
      const text = file.endsWith(".pdf") ? null : new TextDecoder().decode(bytes);
      if (text !== null) expect(text.slice(statistic.span.start, statistic.span.end), `${file} ${id}`).toBe(digits);
      expect(statistic.raw, `${file} ${id}`).toBe(digits);
      expect(statistic.span.file).toBe(file);
    }
  });

  it("gives a crawler page's figures columns on its one long line", async () => {
    const { report } = await convert("fujian-pingtan-2016.txt");
    const spans = report.statistics.filter((s) => s.origin === "table").map((s) => s.span);
    expect(new Set(spans.map((s) => s.line))).toEqual(new Set([10]));
    expect(spans.every((s) => s.column > 100 && s.endColumn > s.column)).toBe(true);
  });
});
