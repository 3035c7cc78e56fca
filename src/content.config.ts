/**
 * Content collections.
 *
 * `reports` validates every converted report (src/content/data/<id>.json with
 * the one zod schema, plus its src/content/reports/<id>.mdx) and stores only a
 * small index entry per report. A report that fails is logged with its file
 * name and the reason and left out; it never stops the other reports.
 *
 * Why only an index: at build time Astro turns the whole data store into ONE
 * JavaScript module (dataToEsm) that Rollup parses. With full report data and
 * rendered bodies in the store that module is ~30 KB per report — 300 MB at
 * 10,000 reports — and the build ran out of memory on the default heap. So the
 * pages read the validated JSON from disk (src/site/reports.ts) and each report
 * page renders its own MDX body (src/site/render-report-body.ts).
 *
 * Entries carry a digest of the JSON and MDX, so a rebuild re-validates only
 * reports that changed.
 */
import { defineCollection } from "astro:content";
import type { Loader } from "astro/loaders";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseReport } from "./schema/report.ts";
import { BODY_DIR, DATA_DIR } from "./site/report-files.ts";

function reportsLoader(): Loader {
  return {
    name: "validated-report-index",
    load: async ({ store, logger, generateDigest, config }) => {
      const root = new URL(".", config.root).pathname;
      let files: string[] = [];
      try {
        files = (await readdir(join(root, DATA_DIR))).filter((name) => name.endsWith(".json")).sort();
      } catch {
        logger.warn(`${DATA_DIR} does not exist; run \`npm run convert\` first. The site builds with no reports.`);
      }
      const seen = new Set<string>();
      for (const name of files) {
        const jsonPath = join(DATA_DIR, name);
        try {
          const id = name.replace(/\.json$/, "");
          const bodyPath = join(BODY_DIR, `${id}.mdx`);
          const mdx = await readFile(join(root, bodyPath), "utf8").catch(() => {
            throw new Error(`${bodyPath} is missing (every report needs its JSON and its MDX)`);
          });
          const jsonText = await readFile(join(root, jsonPath), "utf8");
          const digest = generateDigest(`${jsonText}\u0000${mdx}`);
          if (store.get(id)?.digest !== digest) {
            const report = parseReport(JSON.parse(jsonText), jsonPath);
            if (report.id !== id) throw new Error(`${jsonPath}: file name says ${id} but the report id is ${report.id}`);
            store.set({ id, data: { title: report.title, year: report.year, code: report.jurisdiction.code }, digest });
          }
          seen.add(id);
        } catch (error) {
          logger.error(`skipped ${jsonPath}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
    },
  };
}

export const collections = {
  reports: defineCollection({ loader: reportsLoader() }),
};
