/**
 * What a journalist actually gets: click the download links in a real browser,
 * read the saved files, and compare every figure with the report's JSON.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { readFileSync } from "node:fs";
import { useBuiltSite } from "./built-site.ts";
import { parseCsv } from "../../src/site/datasets/csv.ts";
import type { Report } from "../../src/schema/report.ts";

const site = useBuiltSite();

/** Click a link on a page and return the downloaded file's bytes. */
async function download(page: Page, linkName: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: linkName }).click()]);
  const path = await file.path();
  return readFileSync(path);
}

function records(bytes: Buffer): Record<string, string>[] {
  const [header, ...rows] = parseCsv(bytes.toString("utf8"));
  return rows.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i] ?? ""])));
}

describe("downloads in the browser", () => {
  it("every report's CSV, clicked on its page, parses and equals its JSON figure by figure", async () => {
    const context = await site.browser.newContext({ acceptDownloads: true });
    for (const report of site.reports) {
      const page = await context.newPage();
      await page.goto(`${site.server.url}/reports/${report.id}/`);
      const bytes = await download(page, "统计数据 CSV");
      // UTF-8 with BOM, so Excel and WPS on a Chinese-locale PC read it correctly.
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows = records(bytes).filter((r) => r.value_status !== "not_in_report");
      expect(rows.length).toBe(report.statistics.length);
      for (const statistic of report.statistics) {
        const row = rows.find((r) => r.indicator_id === statistic.indicator && Number(r.source_line) === statistic.line);
        expect(row, `${report.id} ${statistic.indicator}`).toBeDefined();
        expect(row!.report_id).toBe(report.id);
        expect(row!.value).toBe(statistic.value === null ? "" : String(statistic.value));
        expect(row!.origin).toBe(statistic.origin);
      }
      await page.close();
    }
    await context.close();
  });

  it("the report's JSON download is the validated report itself", async () => {
    const context = await site.browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const report = site.reports[0]!;
    await page.goto(`${site.server.url}/reports/${report.id}/`);
    const downloaded = JSON.parse((await download(page, "完整 JSON")).toString("utf8")) as Report;
    expect(downloaded.id).toBe(report.id);
    expect(downloaded.statistics).toEqual(report.statistics);
    await context.close();
  });

  it("the long CSV from the downloads page holds every figure of every report", async () => {
    const response = await fetch(`${site.server.url}/downloads/reports-long.csv`);
    const rows = records(Buffer.from(await response.arrayBuffer()));
    for (const report of site.reports) {
      for (const statistic of report.statistics) {
        const row = rows.find(
          (r) => r.report_id === report.id && r.indicator_id === statistic.indicator && Number(r.source_line) === statistic.line,
        );
        expect(row?.value, `${report.id} ${statistic.indicator}`).toBe(statistic.value === null ? "" : String(statistic.value));
      }
    }
  });
});
