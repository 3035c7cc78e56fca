/**
 * The corpus converts to byte-identical output whatever the order in which its
 * files are named, and writes nothing of the machine or the moment. The
 * corpus holds every form a source may take (text, a saved page, a PDF) and
 * three reports in two forms each, so grouping forms is part of what must not
 * depend on the order.
 */
import { describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { convertSources, isSourceName } from "../../src/converter/publish/run.ts";
import { SOURCES_DIR } from "../helpers/source-lines.ts";

async function run(files: string[]): Promise<{ dir: string; summary: Awaited<ReturnType<typeof convertSources>> }> {
  const dir = mkdtempSync(join(tmpdir(), "convert-determinism-"));
  const summary = await convertSources({ sourcesDir: SOURCES_DIR, outDir: dir, files });
  return { dir, summary };
}

/** Every published file (data, versions, reports, texts), relative path → bytes. */
function snapshot(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (folder: string, prefix: string) => {
    if (!existsSync(folder)) return;
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.isDirectory()) walk(join(folder, entry.name), `${prefix}${entry.name}/`);
      else out.set(`${prefix}${entry.name}`, readFileSync(join(folder, entry.name)));
    }
  };
  for (const sub of ["data", "reports", "texts"]) walk(join(dir, sub), `${sub}/`);
  return out;
}

/** A fixed shuffle (no Math.random: the test itself must be deterministic). */
function interleave(files: string[]): string[] {
  const odd = files.filter((_, i) => i % 2 === 1).reverse();
  const even = files.filter((_, i) => i % 2 === 0);
  return odd.flatMap((f, i) => [f, even[i]!]).concat(even.slice(odd.length));
}

describe("determinism", () => {
  const sources = readdirSync(SOURCES_DIR)
    .filter(isSourceName)
    .sort()
    .map((name) => join(SOURCES_DIR, name));

  it("writes byte-identical output whatever the order of the files", async () => {
    expect(sources).toHaveLength(20);
    const first = await run(sources);
    const second = await run([...sources].reverse());
    const third = await run(interleave(sources));
    const a = snapshot(first.dir);
    // 20 files, 17 reports (three in two forms each): a JSON and an MDX each, and the PDF's text layer.
    expect(first.summary.failed).toEqual([]);
    expect(first.summary.converted).toHaveLength(17);
    expect(first.summary.superseded.map((s) => [s.file, s.as])).toEqual([
      ["fujian-pingtan-2013-dishui.txt", "alternative"],
      ["jiangsu-hongze-2023.txt", "alternative"],
      ["jiangsu-shuyang-2023-fagaiju.txt", "alternative"],
    ]);
    expect([...a.keys()].filter((p) => p.startsWith("texts/"))).toHaveLength(1);
    expect([...a.keys()]).toHaveLength(35);
    for (const other of [second, third]) {
      const b = snapshot(other.dir);
      expect([...b.keys()]).toEqual([...a.keys()]);
      for (const [path, bytes] of a) expect(b.get(path)!.equals(bytes), path).toBe(true);
      expect(other.summary).toEqual(first.summary);
    }
  }, 120_000);

  it("writes nothing that depends on the machine or the moment", async () => {
    const { dir } = await run(sources);
    for (const [path, bytes] of snapshot(dir)) {
      const text = bytes.toString("utf8");
      expect(text, path).not.toContain(SOURCES_DIR);
      expect(text, path).not.toContain(tmpdir());
      expect(text, path).not.toMatch(/20[2-9]\d-\d\d-\d\dT\d\d:/); // no ISO timestamps
    }
  }, 60_000);
});
