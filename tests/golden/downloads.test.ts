/**
 * Golden test of the downloads over the whole corpus: sources/ published as
 * `npm run convert` publishes it (one report per id, the richest form read,
 * checks across years), through the dataset builders, compared with the
 * figures read by hand (tests/fixtures/expected, see the README there) and
 * with the reports' own JSON.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CONCEPTS, getTemplate, TEMPLATES } from "../../src/catalog/index.ts";
import { convertSources } from "../../src/converter/publish/run.ts";
import { parseReport, type Report } from "../../src/schema/report.ts";
import { parseCsv, plainNumber } from "../../src/site/datasets/csv.ts";
import { buildDateFrom, buildDownloads, type DownloadBundle } from "../../src/site/datasets/index.ts";
import { templateFigures } from "../../src/site/datasets/observations.ts";
import { contentText } from "../../src/site/datasets/content.ts";

const ROOT = join(import.meta.dirname, "../..");
const BUILD = buildDateFrom(new Date(Date.UTC(2024, 0, 1)));
const work = mkdtempSync(join(tmpdir(), "downloads-golden-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function publish(name: string, jobs: number): Promise<Report[]> {
  const outDir = join(work, name);
  const summary = await convertSources({ sourcesDir: join(ROOT, "sources"), outDir, cache: "off", jobs });
  expect(summary.failed).toEqual([]);
  const data = join(outDir, "data");
  return readdirSync(data)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => parseReport(JSON.parse(readFileSync(join(data, name), "utf8")), name));
}

const reports = await publish("first", 1);
const bundle = buildDownloads(reports, BUILD);

function records(from: DownloadBundle, path: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(contentText(from.byPath.get(path)!.content()));
  return rows.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i]!])));
}

const long = records(bundle, "reports-long.csv");
const concepts = records(bundle, "reports-concepts.csv");
const cell = (value: number | null) => (value === null ? "" : plainNumber(value));

interface Expected {
  figures: Record<string, number>;
  not_reported: string[];
  text_figures: Record<string, number>;
}

/** The published report of each hand-read one: the report whose source (or one of its other forms) has that base name. */
const handRead = readdirSync(join(ROOT, "tests/fixtures/expected"))
  .filter((name) => name.endsWith(".json"))
  .sort()
  .map((name) => {
    const base = name.slice(0, -".json".length);
    const expected = JSON.parse(readFileSync(join(ROOT, "tests/fixtures/expected", name), "utf8")) as Expected;
    const baseOf = (file: string) => file.slice(0, file.lastIndexOf("."));
    const report = reports.find((r) => [r.source.file, ...r.source.alternatives.map((a) => a.file)].some((f) => baseOf(f) === base));
    return { base, expected, report };
  });

describe("downloads of the published corpus", () => {
  it("publishes the 17 reports of the corpus", () => {
    expect(reports.map((r) => r.id)).toEqual([
      "320813-2023",
      "321322-development-reform-2023",
      "350128-2013",
      "640104-2018",
      "640202-2017",
      "640221-2016",
      "640303-2018",
      "640500-2017",
      "x659039f5dea5-2011",
      "x659039f5dea5-2012",
      "x659039f5dea5-2014",
      "x659039f5dea5-2016",
      "x659039f5dea5-2018",
      "x659039f5dea5-2020",
      "x659039f5dea5-2022",
      "x659039f5dea5-2025",
      "x659039f5dea5-local-taxation-2013",
    ]);
  });

  it("has exactly one long row for every figure of every report's JSON, and no figure the JSON lacks", () => {
    const key = (report: string, id: string, origin: string, line: string, column: string) => [report, id, origin, line, column].join(" ");
    const fromJson = reports.flatMap((r) => [
      ...r.statistics.map((s) => ({ key: key(r.id, s.indicator, s.origin, String(s.span.line), String(s.span.column)), value: cell(s.value), status: s.status })),
      ...r.derived.map((d) => ({ key: key(r.id, d.indicator, "derived", "", ""), value: cell(d.value), status: d.status })),
    ]);
    const fromCsv = long.filter((r) => r.value_status !== "not_in_report").map((r) => ({ key: key(r.report_id!, r.indicator_id!, r.origin!, r.source_line!, r.source_column!), value: r.value, status: r.value_status }));
    const order = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
    expect(fromCsv.sort(order)).toEqual(fromJson.sort(order));
  });

  it("gives every id of each report's format a row, not_in_report where the report gives nothing", () => {
    for (const report of reports) {
      const ids = templateFigures(getTemplate(report.template)).map((f) => f.id);
      const own = long.filter((r) => r.report_id === report.id);
      expect([...new Set(own.map((r) => r.indicator_id))], report.id).toEqual(ids);
      const given = new Set([...report.statistics, ...report.derived].map((f) => f.indicator));
      expect(own.filter((r) => r.value_status === "not_in_report").map((r) => r.indicator_id), report.id).toEqual(ids.filter((id) => !given.has(id)));
    }
  });

  it("publishes no hand-read figure differently, and every hand-read blank cell as not reported", () => {
    for (const { base, expected, report } of handRead) {
      expect(report, base).toBeDefined();
      const wanted = Object.keys(expected.figures).length > 0 ? expected.figures : expected.text_figures;
      const own = long.filter((r) => r.report_id === report!.id && r.is_primary === "true" && r.origin !== "derived");
      const wrong = Object.entries(wanted).flatMap(([id, value]) => {
        const found = own.find((r) => r.indicator_id === id);
        return found && found.value_status === "reported" && found.value !== plainNumber(value) ? [`${base} ${id}: ${found.value} ≠ ${value}`] : [];
      });
      expect(wrong).toEqual([]);
      for (const id of expected.not_reported) expect(own.find((r) => r.indicator_id === id)?.value_status, `${base} ${id}`).toBe("not_reported");
    }
  });

  it("reads the hand-read figures of 洪泽 2023, 沭阳 2023 and 平潭 2020 exactly", () => {
    const at = (report: string, id: string) => long.find((r) => r.report_id === report && r.indicator_id === id && r.is_primary === "true")!;
    // 洪泽 2023 is read from its PDF: the page and the place in the text layer.
    expect(at("320813-2023", "requests_received__total")).toMatchObject({ value: "21", origin: "table", source_file: "jiangsu-hongze-2023.pdf", source_page: "3" });
    expect(at("321322-development-reform-2023", "requests_received__natural_person")).toMatchObject({ value: "26", source_line: "418" });
    expect(at("321322-development-reform-2023", "requests_received__commercial")).toMatchObject({ value: "", value_status: "not_reported" });
    expect(at("x659039f5dea5-2020", "replies_total__total")).toMatchObject({ value: "21", check_status: "fail" });
  });

  it("gives each format's wide CSV the primary figure of the long CSV for every id", () => {
    for (const template of TEMPLATES) {
      const wide = records(bundle, `reports-wide-${template.id}.csv`);
      expect(wide.map((r) => r.report_id)).toEqual(reports.filter((r) => r.template === template.id).map((r) => r.id));
      for (const row of wide) {
        for (const figure of templateFigures(template)) {
          const primary = long.find((r) => r.report_id === row.report_id && r.indicator_id === figure.id && r.is_primary === "true")!;
          expect(row[figure.id], `${row.report_id} ${figure.id}`).toBe(primary.value);
        }
      }
    }
  });

  it("gives every report × concept, equal to the report's concepts where it has them", () => {
    expect(concepts).toHaveLength(reports.length * CONCEPTS.length);
    for (const report of reports) {
      for (const concept of CONCEPTS) {
        const row = concepts.find((r) => r.report_id === report.id && r.concept_id === concept.id)!;
        const given = report.concepts.find((c) => c.concept === concept.id);
        const status = given?.status ?? (concept.templates[report.template] ? "not_in_report" : "not_in_template");
        expect([row.value, row.value_status], `${report.id} ${concept.id}`).toEqual([cell(given?.value ?? null), status]);
      }
    }
    // Across formats: 平潭's requests received, 2011 (Fujian's table) to 2025 (2021 format).
    const series = concepts.filter((r) => r.jurisdiction_id === "x659039f5dea5" && r.department === "" && r.concept_id === "requests_received");
    expect(series.map((r) => [r.year, r.template])).toEqual([
      ["2011", "fujian-2008"],
      ["2012", "fujian-2008"],
      ["2014", "fujian-2008"],
      ["2016", "fujian-2008"],
      ["2018", "fujian-2008"],
      ["2020", "national-2019"],
      ["2022", "national-2021"],
      ["2025", "national-2021"],
    ]);
    // Hand-read: 21, 74 and 154 (tests/fixtures/expected).
    expect(series.filter((r) => r.template !== "fujian-2008").map((r) => r.value)).toEqual(["21", "74", "154"]);
  });

  it("writes byte-identical files from a second conversion with two workers", async () => {
    const second = buildDownloads(await publish("second", 2), BUILD);
    expect([...second.byPath.keys()]).toEqual([...bundle.byPath.keys()]);
    for (const [path, file] of bundle.byPath) expect(contentText(second.byPath.get(path)!.content()), path).toBe(contentText(file.content()));
  });
});
