/**
 * Shared setup of the browser tests: the built dist/ served on loopback, one
 * Chromium, and the converted reports the pages were built from. Call
 * `useBuiltSite()` at the top of a test file; read its fields inside tests.
 */
import { afterAll, beforeAll } from "vitest";
import type { Browser } from "playwright-core";
import { existsSync } from "node:fs";
import { serveDist, type StaticServer } from "./serve.ts";
import { launchChromium } from "./chromium.ts";
import { builtReports } from "./fixtures.ts";
import type { Report } from "../../src/schema/report.ts";

export interface BuiltSite {
  server: StaticServer;
  browser: Browser;
  reports: Report[];
}

export function useBuiltSite(): BuiltSite {
  const site = {} as BuiltSite;
  beforeAll(async () => {
    if (!existsSync("dist/index.html")) throw new Error("dist/ is missing: run `npm run build` before the browser tests");
    site.reports = builtReports();
    if (site.reports.length === 0) throw new Error("no converted reports in src/content/data");
    site.server = await serveDist();
    site.browser = await launchChromium();
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}
