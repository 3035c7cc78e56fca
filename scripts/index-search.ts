/**
 * Build the search index: one Pagefind bundle per report year, written to
 * dist/pagefind/<year>/ (see src/site/search-bundles.ts for why). Run after
 * `astro build`; `npm run build` does. Years run one after another so the
 * indexer's memory stays that of one year.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { planSearchBundles } from "../src/site/search-bundles.ts";

const site = process.argv[2] ?? "dist";
const ids = readdirSync(join(site, "reports"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const bundles = planSearchBundles(ids);
rmSync(join(site, "pagefind"), { recursive: true, force: true });
if (bundles.length === 0) console.warn(`index-search: no report pages under ${site}/reports; no search index written`);
for (const bundle of bundles) {
  const started = Date.now();
  const result = spawnSync(
    "pagefind",
    ["--site", site, "--glob", bundle.glob, "--output-subdir", bundle.outputSubdir, "--silent"],
    { stdio: "inherit", shell: false, env: { ...process.env, PATH: `${join("node_modules", ".bin")}:${process.env.PATH}` } },
  );
  if (result.status !== 0) {
    console.error(`index-search: pagefind failed for ${bundle.year} (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
  console.log(`index-search: ${bundle.year}: ${bundle.reports} reports in ${((Date.now() - started) / 1000).toFixed(1)} s → ${site}/${bundle.outputSubdir}/`);
}
