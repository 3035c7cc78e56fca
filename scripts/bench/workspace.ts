/**
 * A throw-away copy of the site for one benchmark size, so a build of 10,000
 * synthetic reports never touches the project's own src/content, dist/, .astro
 * or Astro's cache (node_modules/.astro), and runs the site code exactly as it
 * is in the working tree. node_modules is a real folder of symlinks to the
 * project's packages: shared code, but a cache folder of its own.
 */
import { cpSync, mkdirSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { join, relative } from "node:path";

/**
 * Project files the conversion and the build read (tests, notes, dist stay out).
 * The converter runs from the copy too, so an edit in the working tree during
 * a long benchmark cannot change its fingerprint between two measured runs.
 */
const SITE_FILES = ["src", "public", "scripts/convert.ts", "scripts/index-search.ts", "astro.config.mjs", "package.json", "tsconfig.json"];
/** Generated content and caches of the project: the copy gets its own. */
const SKIP = ["src/content/data", "src/content/reports", "src/content/texts", "src/content/.cache"];
/** Caches inside node_modules that must not be shared with the project's builds. */
const PRIVATE_CACHES = new Set([".astro", ".vite", ".cache"]);

export interface SiteCopy {
  root: string;
  sources: string;
  content: string;
  dist: string;
}

export function prepareSiteCopy(projectRoot: string, root: string): SiteCopy {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  for (const name of SITE_FILES) {
    cpSync(join(projectRoot, name), join(root, name), {
      recursive: true,
      filter: (source) => !SKIP.some((skip) => relative(join(projectRoot, skip), source) === "" || !relative(join(projectRoot, skip), source).startsWith("..")),
    });
  }
  const modules = join(root, "node_modules");
  mkdirSync(modules);
  for (const name of readdirSync(join(projectRoot, "node_modules"))) {
    if (PRIVATE_CACHES.has(name)) continue;
    symlinkSync(join(projectRoot, "node_modules", name), join(modules, name));
  }
  const sources = join(root, "sources");
  mkdirSync(sources);
  return { root, sources, content: join(root, "src", "content"), dist: join(root, "dist") };
}
