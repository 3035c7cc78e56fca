/**
 * Shared tools of the browser tests: open a page collecting its errors, run
 * axe-core on it, count what a chart drew.
 */
import { readFileSync } from "node:fs";
import { expect } from "vitest";
import type { Page } from "playwright-core";
import type { BuiltSite } from "./built-site.ts";

export interface Visit {
  page: Page;
  errors: string[];
}

/** Open a path, collecting console errors and uncaught exceptions. */
export async function visit(site: BuiltSite, path: string, options: { width?: number; allow404?: boolean } = {}): Promise<Visit> {
  const page = await site.browser.newPage({ viewport: { width: options.width ?? 1280, height: 900 } });
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    if (options.allow404 && message.text().includes("404")) return;
    errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  const response = await page.goto(site.server.url + path, { waitUntil: "networkidle" });
  if (!options.allow404) expect(response?.status(), path).toBe(200);
  return { page, errors };
}

/** axe-core's source, evaluated through the DevTools protocol: the pages' CSP forbids the inline script tag addScriptTag would add. */
const AXE_SOURCE = readFileSync("node_modules/axe-core/axe.min.js", "utf8");

export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(" | ")}`);
  });
  return violations;
}

/** Pixels of a canvas that are not fully transparent: > 0 means Chart.js drew something. */
export async function drawnPixels(page: Page, selector: string): Promise<number> {
  await page.waitForFunction((sel) => {
    const canvas = document.querySelector<HTMLCanvasElement>(sel);
    return canvas !== null && canvas.width > 0 && canvas.height > 0;
  }, selector);
  return page.evaluate((sel) => {
    const canvas = document.querySelector<HTMLCanvasElement>(sel)!;
    const data = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data;
    let count = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) count += 1;
    return count;
  }, selector);
}
