/**
 * The worker threads' code as one plain JavaScript module.
 *
 * Run through tsx, every module a worker imports goes through tsx's loader
 * hooks (resolved, compiled, passed between threads): about a second and a
 * half of CPU per worker before its first file, a large part of what a run of
 * a thousand reports costs on two cores. So a run compiles the worker's code
 * once with esbuild (the TypeScript compiler tsx itself uses, with the
 * project's tsconfig) into one module, and its workers import that: no tsx, no
 * hooks. Packages stay where they are and Node loads them as before; each
 * source file keeps its own import.meta.url, so what a module finds beside
 * itself (the pdf.js worker, the division data) it finds in the same place.
 *
 * The module is written under the package's node_modules/.cache (Node finds
 * the packages from there), named by its content: a run with the same code
 * finds it written, a run with other code writes its own. When it cannot be
 * built or written, the run's workers load the sources through tsx as before.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const WORKER = fileURLToPath(new URL("./convert-worker.ts", import.meta.url));
/** Bundles of other code are removed once no run has used them for this long. */
const KEEP_DAYS = 7;

/** The folder of the package this file belongs to (the one with package.json and node_modules). */
function packageRoot(): string {
  let dir = dirname(WORKER);
  while (!existsSync(join(dir, "package.json"))) {
    const up = dirname(dir);
    if (up === dir) throw new Error("no package.json above the converter");
    dir = up;
  }
  return dir;
}

/** esbuild (a dependency), loaded only when a run uses workers. */
async function esbuild(): Promise<typeof import("esbuild")> {
  return import("esbuild");
}

/** The worker module's code: the sources compiled and joined, import.meta.url of each replaced by its own file's URL. */
async function compile(root: string): Promise<string> {
  const { build } = await esbuild();
  const result = await build({
    entryPoints: [WORKER],
    absWorkingDir: root,
    bundle: true,
    write: false,
    packages: "external",
    format: "esm",
    platform: "node",
    target: `node${process.versions.node}`,
    logLevel: "silent",
    plugins: [
      {
        name: "own-import-meta-url",
        setup(plugin) {
          plugin.onLoad({ filter: /\.[cm]?ts$/ }, (file) => ({
            contents: readFileSync(file.path, "utf8").replaceAll("import.meta.url", JSON.stringify(pathToFileURL(file.path).href)),
            loader: "ts",
          }));
        },
      },
    ],
  });
  return result.outputFiles[0]!.text;
}

function pruneOld(folder: string, current: string): void {
  const cutoff = Date.now() - KEEP_DAYS * 24 * 3600 * 1000;
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (path === current || !name.startsWith("convert-worker-")) continue;
    try {
      if (statSync(path).mtimeMs < cutoff) rmSync(path, { force: true });
    } catch {
      // removed by another run meanwhile
    }
  }
}

/** The file URL of the worker module for the current code, written if need be; null when it cannot be had. */
export async function workerBundle(): Promise<string | null> {
  try {
    const root = packageRoot();
    const code = await compile(root);
    const folder = join(root, "node_modules", ".cache", "gov-reports-converter");
    const path = join(folder, `convert-worker-${createHash("sha256").update(code).digest("hex").slice(0, 16)}.mjs`);
    if (!existsSync(path)) {
      mkdirSync(folder, { recursive: true });
      // Written under another name and renamed: a run starting meanwhile never loads half a file.
      const partial = `${path}.${process.pid}.tmp`;
      writeFileSync(partial, code);
      renameSync(partial, path);
    } else {
      // Used now: not one of the old ones another run prunes.
      const now = new Date();
      utimesSync(path, now, now);
    }
    pruneOld(folder, path);
    return pathToFileURL(path).href;
  } catch {
    return null;
  }
}
