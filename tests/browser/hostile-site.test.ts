/**
 * The whole path, in a real browser: a throw-away copy of the site is built
 * from the five seeds plus the hostile-injection fixture (script tags, JSX,
 * ESM, expressions, javascript: links …) exactly as `npm run build` would, and
 * every page that shows the hostile report is opened in Chromium. No dialog may
 * open and no script error may fire; the hostile text must be on the page as
 * text; the seed reports must come out exactly as without it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { execFileSync } from "node:child_process";
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { tmpdir } from "node:os";
import { prepareSiteCopy, type SiteCopy } from "../../scripts/bench/workspace.ts";
import { serveDist, type StaticServer } from "./serve.ts";
import { launchChromium } from "./chromium.ts";
import { INJECTION_FILE, VISIBLE_IN_BODY } from "../hostile/injection-cases.ts";
import { FIXTURES } from "../hostile/helpers.ts";

const PROJECT = resolve(".");
let copy: SiteCopy;
let server: StaticServer;
let browser: Browser;
let hostileId: string;

function run(command: string, args: string[]): void {
  execFileSync(command, args, { cwd: copy.root, stdio: "pipe", env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1" } });
}

beforeAll(async () => {
  copy = prepareSiteCopy(PROJECT, join(tmpdir(), "gov-reports-hostile-site"));
  for (const name of readdirSync("sources")) copyFileSync(join("sources", name), join(copy.sources, name));
  // The fixture is seed 003 (红寺堡区 2018) with injections; moved to another
  // district so it is a sixth report rather than a duplicate of the seed.
  const hostile = readFileSync(join(FIXTURES, INJECTION_FILE), "utf8").replaceAll("红寺堡", "利通");
  writeFileSync(join(copy.sources, INJECTION_FILE), hostile);
  run("node", ["node_modules/tsx/dist/cli.mjs", "scripts/convert.ts", "--no-cache"]);
  run("node", ["node_modules/astro/astro.js", "build"]);
  run("node", ["node_modules/tsx/dist/cli.mjs", "scripts/index-search.ts", "dist"]); // as in `npm run build`
  const ids = readdirSync(join(copy.content, "data")).map((name) => name.replace(/\.json$/, ""));
  const seedIds = readdirSync("src/content/data").map((name) => name.replace(/\.json$/, ""));
  hostileId = ids.find((id) => !seedIds.includes(id))!;
  server = await serveDist(copy.dist);
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Opened {
  page: Page;
  dialogs: string[];
  errors: string[];
}

async function open(path: string): Promise<Opened> {
  const page = await browser.newPage();
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.goto(server.url + path, { waitUntil: "networkidle" });
  return { page, dialogs, errors };
}

describe("a site built with a hostile report", () => {
  it("converted the hostile report next to the five seeds", () => {
    expect(hostileId).toBe("640302-2018");
    expect(readdirSync(join(copy.content, "data")).length).toBe(readdirSync("src/content/data").length + 1);
  });

  it("leaves every seed report's data byte-identical", () => {
    for (const name of readdirSync("src/content/data")) {
      expect(readFileSync(join(copy.content, "data", name), "utf8"), name).toBe(readFileSync(join("src/content/data", name), "utf8"));
    }
  });

  it("shows the hostile text as text on the report page, and runs none of it", async () => {
    const { page, dialogs, errors } = await open(`/reports/${hostileId}/`);
    const text = await page.locator("main").innerText();
    for (const visible of VISIBLE_IN_BODY) expect(text, visible).toContain(visible);
    const scripts = await page.locator("script").evaluateAll((nodes) => nodes.map((node) => node.textContent ?? ""));
    expect(scripts.filter((code) => code.includes("alert("))).toEqual([]);
    expect(await page.locator("[onerror], [onload], [onclick], iframe, svg[onload]").count()).toBe(0);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    // Give any injected timer or handler a moment to fire.
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("runs nothing on the other pages that show the report", async () => {
    for (const path of [`/reports/${hostileId}/source/`, "/reports/", "/", "/indicators/complaints_total/", `/search/?q=${encodeURIComponent("脚本")}`]) {
      const { page, dialogs, errors } = await open(path);
      await page.waitForTimeout(300);
      expect(dialogs, path).toEqual([]);
      expect(errors, path).toEqual([]);
      await page.close();
    }
  });
});
