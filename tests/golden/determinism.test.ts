import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getTemplate } from "../../src/catalog/index.ts";
import { convertSources } from "../../src/converter/publish/run.ts";
import { SOURCES_DIR } from "../helpers/source-lines.ts";

async function run(files: string[]): Promise<{ dir: string; summary: Awaited<ReturnType<typeof convertSources>> }> {
  const dir = mkdtempSync(join(tmpdir(), "convert-determinism-"));
  const summary = await convertSources({ sourcesDir: SOURCES_DIR, outDir: dir, files, catalogSize: (id) => getTemplate(id).indicators.length });
  return { dir, summary };
}

/** Every output file, relative path → bytes. */
function snapshot(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const sub of ["reports", "data"]) {
    for (const name of readdirSync(join(dir, sub)).sort()) out.set(`${sub}/${name}`, readFileSync(join(dir, sub, name)));
  }
  return out;
}

describe("determinism", () => {
  const sources = readdirSync(SOURCES_DIR)
    .filter((name) => name.endsWith(".txt"))
    .sort()
    .map((name) => join(SOURCES_DIR, name));

  it("writes byte-identical output whatever the order of the files", async () => {
    const first = await run(sources);
    const second = await run([...sources].reverse());
    const third = await run([sources[2]!, sources[0]!, sources[4]!, sources[1]!, sources[3]!]);
    const a = snapshot(first.dir);
    expect([...a.keys()]).toHaveLength(10);
    for (const other of [second, third]) {
      const b = snapshot(other.dir);
      expect([...b.keys()]).toEqual([...a.keys()]);
      for (const [path, bytes] of a) expect(b.get(path)!.equals(bytes), path).toBe(true);
      expect(other.summary).toEqual(first.summary);
    }
  });

  it("writes nothing that depends on the machine or the moment", async () => {
    const { dir } = await run(sources);
    for (const [path, bytes] of snapshot(dir)) {
      const text = bytes.toString("utf8");
      expect(text, path).not.toContain(SOURCES_DIR);
      expect(text, path).not.toContain(tmpdir());
      expect(text, path).not.toMatch(/20[2-9]\d-\d\d-\d\dT\d\d:/); // no ISO timestamps
    }
  });
});
