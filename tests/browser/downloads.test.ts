/**
 * What a journalist or researcher actually gets: click the download links in
 * a real browser, parse the saved files as CSV, and compare every figure with
 * the reports' own JSON; the page's sizes, row counts and preview with the
 * files.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { CONCEPTS, getTemplate, TEMPLATES } from "../../src/catalog/index.ts";
import { figureOf } from "../../src/report/figures.ts";
import { parseCsv, plainNumber } from "../../src/site/datasets/csv.ts";
import { templateFigures } from "../../src/site/datasets/observations.ts";
import { formatBytes, formatNumber } from "../../src/site/format.ts";
import { useBuiltSite } from "./built-site.ts";
import type { Report } from "../../src/schema/report.ts";

const site = useBuiltSite();
const cell = (value: number | null) => (value === null ? "" : plainNumber(value));
const BOM = [0xef, 0xbb, 0xbf];

/** Click a link on a page and return the downloaded file's bytes. */
async function download(page: Page, link: ReturnType<Page["locator"]>): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent("download"), link.click()]);
  return readFileSync((await file.path())!);
}

function records(bytes: Buffer): { header: string[]; rows: Record<string, string>[] } {
  const [header, ...rows] = parseCsv(bytes.toString("utf8"));
  return { header: header!, rows: rows.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i] ?? ""]))) };
}

async function withDownloads<T>(run: (context: BrowserContext) => Promise<T>): Promise<T> {
  const context = await site.browser.newContext({ acceptDownloads: true });
  try {
    return await run(context);
  } finally {
    await context.close();
  }
}

/** Every bulk file of /downloads/, clicked on the page: name → bytes. */
async function bulkFiles(): Promise<Map<string, Buffer>> {
  return withDownloads(async (context) => {
    const list = await context.newPage();
    await list.goto(`${site.server.url}/downloads/`);
    const names = await list.locator(".download-card__name a").allTextContents();
    await list.close();
    const files = new Map<string, Buffer>();
    // A fresh page for each file: Chromium stops a page's downloads after its tenth.
    for (const name of names.map((n) => n.trim())) {
      const page = await context.newPage();
      await page.goto(`${site.server.url}/downloads/`);
      files.set(name, await download(page, page.locator(`.download-card__name a[href="/downloads/${name}"]`)));
      await page.close();
    }
    return files;
  });
}

let cached: Promise<Map<string, Buffer>> | null = null;
const files = () => (cached ??= bulkFiles());
const csv = async (name: string) => {
  const bytes = (await files()).get(name);
  if (!bytes) throw new Error(`the downloads page has no link to ${name}`);
  expect([...bytes.subarray(0, 3)], `${name} starts with a BOM`).toEqual(BOM);
  return records(bytes);
};

describe("the downloads page", () => {
  it("links every bulk file, one wide CSV per format", async () => {
    expect([...(await files()).keys()]).toEqual([
      "reports-long.csv",
      "reports-concepts.csv",
      "reports.csv",
      ...TEMPLATES.map((t) => `reports-wide-${t.id}.csv`),
      "reports-wide.csv",
      "reports.json",
      "codebook.csv",
      "datapackage.json",
      "report.schema.json",
    ]);
  });

  it("states each file's true size and row count", async () => {
    const page = await site.browser.newPage();
    try {
      await page.goto(`${site.server.url}/downloads/`);
      const cards = await page.locator(".download-card").evaluateAll((list) =>
        list.map((li) => ({ name: li.querySelector(".download-card__name")!.textContent!.trim(), meta: li.querySelector(".download-card__meta")!.textContent!.replace(/\s+/g, " ").trim() })),
      );
      for (const { name, meta } of cards) {
        const bytes = (await files()).get(name)!;
        const rows = name.endsWith(".csv") ? records(bytes).rows.length : name === "reports.json" ? JSON.parse(bytes.toString("utf8")).reports.length : null;
        const unit = name.endsWith(".csv") ? "行" : "份报告";
        expect(meta, name).toBe(`${name.endsWith(".csv") ? "CSV" : "JSON"} · ${formatBytes(bytes.length)}${rows === null ? "" : ` · ${formatNumber(rows)} ${unit}`}`);
      }
    } finally {
      await page.close();
    }
  });

  it("previews rows of the long CSV as they are in the file, with the codes glossed in Chinese", async () => {
    const { rows } = await csv("reports-long.csv");
    const page = await site.browser.newPage();
    try {
      await page.goto(`${site.server.url}/downloads/`);
      const shown = await page.locator("#preview ~ .table-scroll tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent!.trim())));
      const statuses = shown.map((r) => r[4]);
      expect(new Set(statuses)).toEqual(new Set(["reported（已报告）", "not_reported（未报告）", "uncertain（无法确定）", "not_in_report（报告未载）"]));
      for (const [report, indicator, , value, status] of shown) {
        const code = status!.replace(/（.*）$/, "");
        expect(rows.some((r) => r.report_id === report && r.indicator_id === indicator && r.value === value && r.value_status === code), `${report} ${indicator}`).toBe(true);
      }
    } finally {
      await page.close();
    }
  });

  it("lists hashes and sizes in datapackage.json that match the downloaded files, and fields that match their headers", async () => {
    const pkg = JSON.parse((await files()).get("datapackage.json")!.toString("utf8"));
    for (const resource of pkg.resources) {
      const bytes = (await files()).get(resource.path)!;
      expect(resource.bytes, resource.path).toBe(bytes.length);
      expect(resource.hash, resource.path).toBe(`sha256:${createHash("sha256").update(bytes).digest("hex")}`);
      if (resource.schema) expect(resource.schema.fields.map((f: { name: string }) => f.name), resource.path).toEqual(records(bytes).header);
    }
  });
});

describe("the downloaded files agree with the reports' JSON", () => {
  it("the long CSV holds every printed and derived figure, in its place, and a row for every id a report does not give", async () => {
    const { rows } = await csv("reports-long.csv");
    for (const report of site.reports) {
      const own = rows.filter((r) => r.report_id === report.id);
      for (const s of report.statistics) {
        const found = own.filter((r) => r.indicator_id === s.indicator && r.origin === s.origin && r.source_line === String(s.span.line) && r.source_column === String(s.span.column));
        expect(found.map((r) => [r.value, r.value_status]), `${report.id} ${s.indicator}`).toEqual([[cell(s.value), s.status]]);
      }
      for (const d of report.derived) {
        const found = own.filter((r) => r.indicator_id === d.indicator && r.origin === "derived");
        expect(found.map((r) => [r.value, r.value_status, r.indicator_kind]), `${report.id} ${d.indicator}`).toEqual([[cell(d.value), d.status, "derived"]]);
      }
      const given = new Set([...report.statistics, ...report.derived].map((f) => f.indicator));
      const absent = templateFigures(getTemplate(report.template)).filter((f) => !given.has(f.id)).map((f) => f.id);
      expect(own.filter((r) => r.value_status === "not_in_report").map((r) => r.indicator_id), report.id).toEqual(absent);
      expect(own, report.id).toHaveLength(report.statistics.length + report.derived.length + absent.length);
    }
  });

  it("each format's wide CSV holds, per report of the format, the figure its page shows for every id", async () => {
    for (const template of TEMPLATES) {
      const { header, rows } = await csv(`reports-wide-${template.id}.csv`);
      const ids = templateFigures(template).map((f) => f.id);
      expect(header.slice(-ids.length)).toEqual(ids);
      expect(rows.map((r) => r.report_id)).toEqual(site.reports.filter((r) => r.template === template.id).map((r) => r.id));
      for (const row of rows) {
        const report = site.reports.find((r) => r.id === row.report_id)!;
        for (const id of ids) {
          const figure = figureOf(report, id);
          expect(row[id], `${report.id} ${id}`).toBe(figure.kind === "absent" ? "" : cell(figure.value));
        }
      }
    }
  });

  it("the concepts CSV holds every report × concept, equal to the report's concepts", async () => {
    const { rows } = await csv("reports-concepts.csv");
    expect(rows).toHaveLength(site.reports.length * CONCEPTS.length);
    for (const report of site.reports) {
      for (const concept of CONCEPTS) {
        const row = rows.find((r) => r.report_id === report.id && r.concept_id === concept.id)!;
        const given = report.concepts.find((c) => c.concept === concept.id);
        const status = given ? given.status : concept.templates[report.template] ? "not_in_report" : "not_in_template";
        expect([row.value, row.value_status, row.indicators], `${report.id} ${concept.id}`).toEqual([cell(given?.value ?? null), status, given ? given.indicators.join(";") : (concept.templates[report.template]?.sumOf.join(";") ?? "")]);
      }
    }
  });

  it("the report list and reports.json hold every report", async () => {
    const ids = site.reports.map((r) => r.id);
    expect((await csv("reports.csv")).rows.map((r) => [r.report_id, r.template, r.source_sha256])).toEqual(site.reports.map((r) => [r.id, r.template, r.source.sha256]));
    const all = JSON.parse((await files()).get("reports.json")!.toString("utf8")) as { reports: Report[] };
    expect(all.reports.map((r) => r.id)).toEqual(ids);
    for (const report of all.reports) expect(report.statistics, report.id).toEqual(site.reports.find((r) => r.id === report.id)!.statistics);
  });
});

describe("downloads from the report page", () => {
  it("every report's CSV, clicked on its page, is its long rows", async () => {
    const { rows: long } = await csv("reports-long.csv");
    await withDownloads(async (context) => {
      for (const report of site.reports) {
        const page = await context.newPage();
        await page.goto(`${site.server.url}/reports/${report.id}/`);
        const bytes = await download(page, page.getByRole("link", { name: "统计数据 CSV" }));
        expect([...bytes.subarray(0, 3)]).toEqual(BOM);
        expect(records(bytes).rows, report.id).toEqual(long.filter((r) => r.report_id === report.id));
        await page.close();
      }
    });
  });

  it("the report's JSON download is the validated report itself", async () => {
    await withDownloads(async (context) => {
      const page = await context.newPage();
      const report = site.reports[0]!;
      await page.goto(`${site.server.url}/reports/${report.id}/`);
      const downloaded = JSON.parse((await download(page, page.getByRole("link", { name: "完整 JSON" }))).toString("utf8")) as Report;
      expect(downloaded).toEqual(report);
    });
  });
});
