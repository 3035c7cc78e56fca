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

/** One report of each format in the corpus: 2008 table, Fujian's table, 2019 and 2021 formats (a web page and a PDF). */
const REPORT_FORMATS: [string, string][] = [
  ["2008", "640202-2017"],
  ["fujian", "x659039f5dea5-2016"],
  ["2019", "x659039f5dea5-2020"],
  ["2021-html", "321322-development-reform-2023"],
  ["2021-pdf", "320813-2023"],
];
/** 平潭 2016's crawler text holds the whole report on one line: its 主动公开信息数 (3460). */
const SOURCE_SPAN = "/reports/x659039f5dea5-2016/source/#S5271-5275";

async function firstDir(path: string): Promise<string> {
  const names = (await readdir(path, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  if (!names[0]) throw new Error(`${path} is empty: build the site first`);
  return names[0];
}

async function main() {
  const report = process.env.REPORT ?? (await firstDir("dist/reports"));
  const code = report.slice(0, 6);
  const only = process.env.ONLY?.split(",");
  const all: [string, string][] = [
    ["home", "/"],
    ["reports", "/reports/"],
    ["report", `/reports/${report}/`],
    ["source", `/reports/${report}/source/#L161`],
    // A report page of each table format, and a source page opened at one figure's exact place.
    ...REPORT_FORMATS.map(([name, id]): [string, string] => [`report-${name}`, `/reports/${id}/`]),
    ["source-span", SOURCE_SPAN],
    ["indicators", "/indicators/"],
    ["indicator", "/indicators/requests_received/"],
    ["indicator-view", `/indicators/proactive_total/?j=${code}`],
    ["indicator-shared", "/indicators/requests_received__total/"],
    ["indicator-zero-blank", "/indicators/requests_received__research/?y=2023"],
    ["indicator-unknown", "/indicators/requests_received/?j=999999"],
    ["indicator-derived", "/indicators/replies_denied__total/"],
    ["concepts", "/concepts/"],
    ["concept", "/concepts/requests_received/"],
    ["concept-refused", "/concepts/replies_denied/"],
    ["jurisdiction-pingtan", "/jurisdictions/x659039f5dea5/"],
    ["compare", "/compare/"],
    ["compare-view", "/compare/?j=640500,x659039f5dea5&y=2014,2017,2020,2022,2025&m=c.requests_received,c.replies_denied,r.share_denied,i.proactive_total&sort=-r.share_denied"],
    ["jurisdictions", "/jurisdictions/"],
    ["jurisdiction", `/jurisdictions/${code}/`],
    ["search", "/search/?q=行政复议"],
    ["search-title-first", "/search/?q=平潭综合实验区"],
    ["search-none", "/search/?q=不存在的词汇"],
    ["search-filtered", "/search/?q=大武口 行政复议&year=2017"],
    ["search-empty", "/search/"],
    ["about", "/about/"],
    ["downloads", "/downloads/"],
    ["404", "/no-such-page/"],
  ];
  // ONLY=home,concept npx tsx scripts/screenshots.ts takes just those.
  const pages = only ? all.filter(([name]) => only.includes(name)) : all;
  // What a reader without JavaScript gets: no filters, no sort buttons, the plain tables.
  const withoutScripts: [string, string][] = [
    ["reports-nojs", "/reports/"],
    ["downloads-nojs", "/downloads/"],
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
      const context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1, javaScriptEnabled: false });
      const plain = await context.newPage();
      for (const [name, path] of withoutScripts.filter(([name]) => !only || only.includes(name))) {
        await plain.goto(server.url + path, { waitUntil: "networkidle" });
        await plain.screenshot({ path: `screenshots/${name}-${width}.png`, clip: { x: 0, y: 0, width, height: SLICE } });
        console.log(`screenshots/${name}-${width}.png`);
      }
      await context.close();
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
