/**
 * Golden test of the downloads on the five real seeds: the converter's output
 * (in memory, as `npm run convert` would write it) through the dataset
 * builders, compared with the hand-built fixtures in tests/fixtures/reports/
 * whose figures were copied from the sources by hand.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { allIndicators } from "../../src/catalog/index.ts";
import { convertSource } from "../../src/converter/pipeline.ts";
import { parseReport } from "../../src/schema/report.ts";
import { parseCsv, plainNumber } from "../../src/site/datasets/csv.ts";
import { buildDateFrom, buildDownloads } from "../../src/site/datasets/index.ts";

const ROOT = join(import.meta.dirname, "../..");
const BUILD = buildDateFrom(new Date(Date.UTC(2024, 0, 1)));

const converted = readdirSync(join(ROOT, "sources"))
  .filter((name) => name.endsWith(".txt"))
  .sort()
  .map((file) => convertSource({ file, bytes: readFileSync(join(ROOT, "sources", file)) }).report);
const fixtures = readdirSync(join(ROOT, "tests/fixtures/reports"))
  .sort()
  .map((name) => parseReport(JSON.parse(readFileSync(join(ROOT, "tests/fixtures/reports", name), "utf8")), name));

function records(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  return rows.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i]!])));
}

describe("downloads from the converted seeds", () => {
  const bundle = buildDownloads(converted, BUILD);
  const long = records(bundle.byPath.get("reports-long.csv")!.body());
  const wide = records(bundle.byPath.get("reports-wide.csv")!.body());

  it("has a long row for every statistic the converter read, with its value and source line", () => {
    let checked = 0;
    for (const report of converted) {
      for (const s of report.statistics) {
        const [row] = long.filter(
          (r) => r.report_id === report.id && r.indicator_id === s.indicator && r.origin === s.origin && r.source_line === String(s.line),
        );
        expect(row, `${report.id} ${s.indicator}`).toBeDefined();
        expect(row!.value).toBe(s.value === null ? "" : plainNumber(s.value));
        checked++;
      }
    }
    expect(checked).toBe(converted.reduce((n, r) => n + r.statistics.length, 0));
    expect(long.find((r) => r.report_id === "640202-2017" && r.indicator_id === "proactive_total" && r.origin === "table")).toMatchObject({
      value: "8573",
      source_line: "148",
      is_primary: "true",
    });
  });

  it("gives the same figure per report and indicator as the hand-built fixtures", () => {
    const fromFixtures = records(buildDownloads(fixtures, BUILD).byPath.get("reports-wide.csv")!.body());
    const ids = allIndicators().map((e) => e.indicator.id);
    expect(wide.map((r) => r.report_id)).toEqual(fromFixtures.map((r) => r.report_id));
    for (const [i, row] of wide.entries()) {
      for (const id of ids) expect(row[id], `${row.report_id} ${id}`).toBe(fromFixtures[i]![id]);
    }
    expect(wide.find((r) => r.report_id === "640500-2017")).toMatchObject({ proactive_total: "73659", requests_received: "43", trainees: "414" });
  });

  it("writes byte-identical files from a second conversion", () => {
    const again = readdirSync(join(ROOT, "sources"))
      .filter((name) => name.endsWith(".txt"))
      .sort()
      .reverse()
      .map((file) => convertSource({ file, bytes: readFileSync(join(ROOT, "sources", file)) }).report);
    const second = buildDownloads(again, BUILD);
    for (const [path, file] of bundle.byPath) expect(second.byPath.get(path)!.body(), path).toBe(file.body());
  });
});
