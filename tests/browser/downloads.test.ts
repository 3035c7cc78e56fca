/**
 * What a journalist actually gets: click the download links in a real browser,
 * read the saved files, and compare every figure with the report's JSON.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { existsSync, readFileSync } from "node:fs";
import { serveDist, type StaticServer } from "./serve.ts";
import { launchChromium } from "./chromium.ts";
import { builtReports } from "./fixtures.ts";
import { parseCsv } from "../../src/site/datasets/csv.ts";
import type { Report } from "../../src/schema/report.ts";

let server: StaticServer;
let browser: Browser;
let reports: Report[];

beforeAll(async () => {
  if (!existsSync("dist/index.html")) throw new Error("dist/ is missing: run `npm run build` before the browser tests");
  reports = builtReports();
  server = await serveDist();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

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
    const context = await browser.newContext({ acceptDownloads: true });
    for (const report of reports) {
      const page = await context.newPage();
      await page.goto(`${server.url}/reports/${report.id}/`);
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
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const report = reports[0]!;
    await page.goto(`${server.url}/reports/${report.id}/`);
    const downloaded = JSON.parse((await download(page, "完整 JSON")).toString("utf8")) as Report;
    expect(downloaded.id).toBe(report.id);
    expect(downloaded.statistics).toEqual(report.statistics);
    await context.close();
  });

  it("the long CSV from the downloads page holds every figure of every report", async () => {
    const response = await fetch(`${server.url}/downloads/reports-long.csv`);
    const rows = records(Buffer.from(await response.arrayBuffer()));
    for (const report of reports) {
      for (const statistic of report.statistics) {
        const row = rows.find(
          (r) => r.report_id === report.id && r.indicator_id === statistic.indicator && Number(r.source_line) === statistic.line,
        );
        expect(row?.value, `${report.id} ${statistic.indicator}`).toBe(statistic.value === null ? "" : String(statistic.value));
      }
    }
  });
});
