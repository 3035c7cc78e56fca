/**
 * Screenshots of every page type at 390 px (phone) and 1280 px (desktop),
 * written to screenshots/ (gitignored), for looking at the site as a reader
 * would. Run after `npm run build`: npx tsx scripts/screenshots.ts
 */
import { mkdir, readdir } from "node:fs/promises";
import { serveDist } from "../tests/browser/serve.ts";
import { launchChromium } from "../tests/browser/chromium.ts";

const WIDTHS = [390, 1280] as const;
const SLICE = 1400;
const MAX_SLICES = 12;

async function firstDir(path: string): Promise<string> {
  const names = (await readdir(path, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  if (!names[0]) throw new Error(`${path} is empty: build the site first`);
  return names[0];
}

async function main() {
  const report = process.env.REPORT ?? (await firstDir("dist/reports"));
  const code = report.slice(0, 6);
  const pages: [string, string][] = [
    ["home", "/"],
    ["reports", "/reports/"],
    ["report", `/reports/${report}/`],
    ["source", `/reports/${report}/source/#L161`],
    ["indicators", "/indicators/"],
    ["indicator", "/indicators/requests_received/"],
    ["indicator-view", `/indicators/proactive_total/?j=${code}`],
    ["jurisdictions", "/jurisdictions/"],
    ["jurisdiction", `/jurisdictions/${code}/`],
    ["search", "/search/?q=行政复议"],
    ["search-none", "/search/?q=不存在的词汇"],
    ["search-filtered", "/search/?q=大武口 行政复议&year=2017"],
    ["search-empty", "/search/"],
    ["about", "/about/"],
    ["downloads", "/downloads/"],
    ["404", "/no-such-page/"],
  ];
  await mkdir("screenshots", { recursive: true });
  const server = await serveDist();
  const browser = await launchChromium();
  try {
    for (const width of WIDTHS) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
      for (const [name, path] of pages) {
        await page.goto(server.url + path, { waitUntil: "networkidle" });
        if (name.startsWith("search")) {
          await page
            .waitForFunction(() => !/正在/.test(document.querySelector("[data-search-status]")?.textContent ?? "正在"), null, { timeout: 10_000 })
            .catch(() => undefined);
        }
        const full = !path.includes("#");
        await page.screenshot({ path: `screenshots/${name}-${width}.png`, fullPage: full });
        console.log(`screenshots/${name}-${width}.png`);
        // Long pages also in readable slices (a full-page image is shrunk too much to judge).
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        if (full && height > SLICE * 1.5) {
          for (let part = 0; part * SLICE < height && part < MAX_SLICES; part += 1) {
            const clip = { x: 0, y: part * SLICE, width, height: Math.min(SLICE, height - part * SLICE) };
            await page.screenshot({ path: `screenshots/${name}-${width}-part${part + 1}.png`, fullPage: true, clip });
          }
        }
      }
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
