/**
 * Content collections.
 *
 * `reports` uses a custom loader instead of glob() + @astrojs/mdx: at 10,000
 * reports the MDX runtime would cost gigabytes (≈3.6 GB per 500 pages). The
 * loader reads every src/content/data/<id>.json, validates it with the one zod
 * schema (parseReport), renders src/content/reports/<id>.mdx with our small
 * unified pipeline (src/site/render-report-body.ts) and stores the HTML as
 * `rendered.html`. Each entry carries a digest of both files and of the
 * renderer's source, so a rebuild re-renders only reports whose JSON or MDX
 * (or the renderer) changed. A report that fails
 * validation is logged with its file name and the reason and left out; it
 * never stops the other reports from building.
 */
import { defineCollection } from "astro:content";
import type { Loader } from "astro/loaders";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseReport } from "./schema/report.ts";
import { renderReportBody } from "./site/render-report-body.ts";

const DATA_DIR = "src/content/data";
/** The renderer's own source is part of every digest, so changing it re-renders every report. */
const RENDERER_FILES = ["src/site/render-report-body.ts", "src/converter/stages/anchors.ts"];
const BODY_DIR = "src/content/reports";

async function readOptional(path: string): Promise<string | null> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

function reportsLoader(): Loader {
  return {
    name: "report-json-and-mdx",
    load: async ({ store, logger, generateDigest, config }) => {
      const root = new URL(".", config.root).pathname;
      const dataDir = join(root, DATA_DIR);
      const rendererSource = (await Promise.all(RENDERER_FILES.map((f) => readFile(join(root, f), "utf8")))).join("\u0000");
      let files: string[] = [];
      try {
        files = (await readdir(dataDir)).filter((name) => name.endsWith(".json")).sort();
      } catch {
        logger.warn(`${DATA_DIR} does not exist; run \`npm run convert\` first. The site builds with no reports.`);
      }
      const seen = new Set<string>();
      for (const name of files) {
        const jsonPath = join(DATA_DIR, name);
        try {
          const jsonText = await readFile(join(root, jsonPath), "utf8");
          const id = name.replace(/\.json$/, "");
          const bodyPath = join(BODY_DIR, `${id}.mdx`);
          const mdx = await readOptional(join(root, bodyPath));
          if (mdx === null) throw new Error(`${bodyPath} is missing (every report needs its JSON and its MDX)`);
          const digest = generateDigest(`${rendererSource}\u0000${jsonText}\u0000${mdx}`);
          if (store.get(id)?.digest === digest) {
            seen.add(id); // unchanged since the last build: keep the cached render
            continue;
          }
          const report = parseReport(JSON.parse(jsonText), jsonPath);
          if (report.id !== id) throw new Error(`${jsonPath}: file name says ${id} but the report id is ${report.id}`);
          const html = renderReportBody(mdx, bodyPath);
          store.set({ id, data: report as unknown as Record<string, unknown>, digest, rendered: { html } });
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
