import { describe, expect, it } from "vitest";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getTemplate } from "../../../../src/catalog/index.ts";
import { converterFingerprint, loadManifest, manifestPath, type Manifest } from "../../../../src/converter/publish/cache.ts";
import { convertFiles, convertFilesParallel, type RunOptions } from "../../../../src/converter/publish/run.ts";
import { loadSeeds } from "../../../../scripts/bench/seeds.ts";
import { synthesizeCorpus } from "../../../../scripts/bench/synthesize.ts";

const SOURCES = "sources";
const SEED_003 = "003_2853f03aefee650d.txt";
const SEED_004 = "004_dda260feeadc045e.txt";

function workspace() {
  const root = mkdtempSync(join(tmpdir(), "convert-cache-"));
  const src = join(root, "sources");
  const out = join(root, "content");
  mkdirSync(src);
  return { src, out };
}

const options = (outDir: string, extra: Partial<RunOptions> = {}): RunOptions => ({
  outDir,
  complete: true,
  catalogSize: (id: string) => getTemplate(id).indicators.length,
  cache: "reuse",
  ...extra,
});

function sourcesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => n.endsWith(".txt"))
    .sort()
    .map((n) => join(dir, n));
}

/** Every output file, relative path → bytes. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const sub of ["reports", "data"]) {
    for (const name of readdirSync(join(dir, sub)).sort()) out.set(`${sub}/${name}`, readFileSync(join(dir, sub, name), "utf8"));
  }
  return out;
}

function twoSeeds() {
  const { src, out } = workspace();
  copyFileSync(join(SOURCES, SEED_003), join(src, SEED_003));
  copyFileSync(join(SOURCES, SEED_004), join(src, SEED_004));
  return { src, out };
}

describe("conversion cache", () => {
  it("converts nothing again when no source changed, and reports the same summary", () => {
    const { src, out } = twoSeeds();
    const first = convertFiles(sourcesIn(src), options(out));
    expect(first.unchanged).toEqual([]);
    const before = snapshot(out);
    const second = convertFiles(sourcesIn(src), options(out));
    expect(second.unchanged).toEqual([SEED_003, SEED_004]);
    expect(second.converted).toEqual(first.converted);
    expect(second.failed).toEqual([]);
    expect(snapshot(out)).toEqual(before);
  });

  it("converts only the changed file; a touched file with the same bytes is recognised by its sha256", () => {
    const { src, out } = twoSeeds();
    convertFiles(sourcesIn(src), options(out));
    // Same bytes, new mtime: not converted again.
    utimesSync(join(src, SEED_003), new Date(2030, 0, 1), new Date(2030, 0, 1));
    expect(convertFiles(sourcesIn(src), options(out)).unchanged).toEqual([SEED_003, SEED_004]);
    // Changed bytes: converted again, the other one is not.
    const text = readFileSync(join(src, SEED_004), "utf8");
    writeFileSync(join(src, SEED_004), text.replace("兴庆区", "金凤区"));
    const run = convertFiles(sourcesIn(src), options(out));
    expect(run.unchanged).toEqual([SEED_003]);
    expect(run.converted.map((c) => c.id)).toEqual(["640303-2018", "640106-2018"]);
    // The report's id changed with its jurisdiction: the old output is stale and goes.
    expect(run.deleted).toEqual(["data/640104-2018.json", "reports/640104-2018.mdx"]);
    expect(readdirSync(join(out, "data"))).toEqual(["640106-2018.json", "640303-2018.json"]);
  });

  it("drops a deleted source's outputs and its manifest entry", () => {
    const { src, out } = twoSeeds();
    convertFiles(sourcesIn(src), options(out));
    rmSync(join(src, SEED_004));
    const run = convertFiles(sourcesIn(src), options(out));
    expect(run.unchanged).toEqual([SEED_003]);
    expect(run.deleted).toEqual(["data/640104-2018.json", "reports/640104-2018.mdx"]);
    const manifest = JSON.parse(readFileSync(manifestPath(out), "utf8")) as Manifest;
    expect(Object.keys(manifest.entries).map((k) => k.split("/").pop())).toEqual([SEED_003]);
  });

  it("rebuilds an output that was deleted or edited by hand even though its source is unchanged", () => {
    const { src, out } = twoSeeds();
    convertFiles(sourcesIn(src), options(out));
    const json = join(out, "data", "640303-2018.json");
    const original = readFileSync(json, "utf8");
    writeFileSync(json, "{}\n");
    rmSync(join(out, "reports", "640104-2018.mdx"));
    const run = convertFiles(sourcesIn(src), options(out));
    expect(run.unchanged).toEqual([]);
    expect(readFileSync(json, "utf8")).toBe(original);
    expect(existsSync(join(out, "reports", "640104-2018.mdx"))).toBe(true);
  });

  it("still refuses a new file whose id an unchanged, cached file already has", () => {
    const { src, out } = twoSeeds();
    convertFiles(sourcesIn(src), options(out));
    copyFileSync(join(SOURCES, SEED_003), join(src, "zz_copy.txt"));
    const run = convertFiles(sourcesIn(src), options(out));
    expect(run.unchanged).toEqual([SEED_003, SEED_004]);
    expect(run.failed.map((f) => [f.file, f.code])).toEqual([
      [SEED_003, "duplicate_id"],
      ["zz_copy.txt", "duplicate_id"],
    ]);
    expect(readdirSync(join(out, "data"))).toEqual(["640104-2018.json"]);
    // Once the copy is gone, the cached file's output is written again.
    rmSync(join(src, "zz_copy.txt"));
    const fixed = convertFiles(sourcesIn(src), options(out));
    expect(fixed.failed).toEqual([]);
    expect(readdirSync(join(out, "data"))).toEqual(["640104-2018.json", "640303-2018.json"]);
  });

  it("keeps reporting a cached failure without converting the file again", () => {
    const { src, out } = twoSeeds();
    writeFileSync(join(src, "empty.txt"), "\u3000\n \n");
    const first = convertFiles(sourcesIn(src), options(out));
    const second = convertFiles(sourcesIn(src), options(out));
    expect(second.unchanged).toEqual([SEED_003, SEED_004, "empty.txt"]);
    expect(second.failed).toEqual(first.failed);
    expect(second.failed.map((f) => f.code)).toEqual(["empty_file"]);
  });

  it("invalidates every entry when the converter fingerprint differs", () => {
    const { src, out } = twoSeeds();
    convertFiles(sourcesIn(src), options(out));
    expect(loadManifest(out, converterFingerprint()).entries).not.toEqual({});
    expect(loadManifest(out, "another converter version").entries).toEqual({});
    // A manifest written by other converter code is ignored as a whole.
    const path = manifestPath(out);
    const manifest = JSON.parse(readFileSync(path, "utf8")) as Manifest;
    writeFileSync(path, JSON.stringify({ ...manifest, fingerprint: "0".repeat(64) }));
    expect(convertFiles(sourcesIn(src), options(out)).unchanged).toEqual([]);
  });

  it("converts everything again in refresh mode and writes a manifest the next run can use", () => {
    const { src, out } = twoSeeds();
    convertFiles(sourcesIn(src), options(out));
    expect(convertFiles(sourcesIn(src), options(out, { cache: "refresh" })).unchanged).toEqual([]);
    expect(convertFiles(sourcesIn(src), options(out)).unchanged).toEqual([SEED_003, SEED_004]);
  });

  it("fingerprints the converter's own code, schema and catalog", () => {
    expect(converterFingerprint()).toMatch(/^[0-9a-f]{64}$/);
    expect(converterFingerprint()).toBe(converterFingerprint());
  });
});

describe("parallel conversion", () => {
  it("writes byte-identical output and the same summary with 1 and 2 worker threads", async () => {
    const { src } = workspace();
    for (const report of synthesizeCorpus(loadSeeds(SOURCES), 40)) writeFileSync(join(src, report.file), report.text);
    const one = mkdtempSync(join(tmpdir(), "convert-jobs1-"));
    const two = mkdtempSync(join(tmpdir(), "convert-jobs2-"));
    const single = await convertFilesParallel(sourcesIn(src), options(one, { cache: "off", jobs: 1 }));
    const parallel = await convertFilesParallel([...sourcesIn(src)].reverse(), options(two, { cache: "off", jobs: 2 }));
    expect(single.workers).toBe(0);
    expect(parallel.workers).toBe(2);
    expect(single.converted).toHaveLength(40);
    expect({ ...parallel, workers: 0 }).toEqual(single);
    const a = snapshot(one);
    const b = snapshot(two);
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [path, text] of a) expect(b.get(path) === text, path).toBe(true);
  }, 60_000);
});
