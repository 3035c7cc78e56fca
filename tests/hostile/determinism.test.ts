/**
 * A hostile mix — the five seeds beside empty, binary, oversized, foreign
 * encodings, a news item, a duplicate pair, an unknown jurisdiction, injected
 * markup and a mangled table — converts to byte-identical output whatever the
 * order of the files, and the seeds' own outputs are exactly what they are
 * without the mix.
 */
import { describe, expect, it } from "vitest";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getTemplate } from "../../src/catalog/index.ts";
import { convertFiles } from "../../src/converter/publish/run.ts";
import { MAX_SOURCE_BYTES } from "../../src/converter/stages/decode.ts";
import { SEEDS, seedFile } from "../helpers/convert-seed.ts";
import { SOURCES_DIR } from "../helpers/source-lines.ts";
import { FIXTURES, seedText } from "./helpers.ts";

function sourcesDir(): string {
  const dir = join(mkdtempSync(join(tmpdir(), "hostile-mix-")), "sources");
  mkdirSync(dir);
  for (const prefix of SEEDS) copyFileSync(join(SOURCES_DIR, seedFile(prefix)), join(dir, seedFile(prefix)));
  return dir;
}

/** The hostile files of the mix, written into `dir`. */
function addHostileFiles(dir: string): void {
  const seed001 = seedText("001").text;
  const seed003 = seedText("003").text;
  writeFileSync(join(dir, "a-empty.txt"), "");
  writeFileSync(join(dir, "b-blank.txt"), "\n \u3000\n");
  writeFileSync(join(dir, "c-binary.txt"), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]));
  writeFileSync(join(dir, "d-huge.txt"), Buffer.alloc(MAX_SOURCE_BYTES + 1, 0x41));
  writeFileSync(join(dir, "e-news.txt"), "我区发布2018年政府信息公开工作年度报告\n\n近日，红寺堡区人民政府发布年度报告。报告显示，全区主动公开政府信息15131条。\n");
  copyFileSync(join(FIXTURES, "000.gb18030.txt"), join(dir, "f-dawukou-gb18030.txt")); // same id as seed 000: a duplicate pair
  writeFileSync(join(dir, "g-zhongwei-utf16.txt"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seed001.replace(/\n/g, "\r\n"), "utf16le")])); // duplicate of 001
  writeFileSync(join(dir, "h-yunmeng.txt"), seed003.replaceAll("红寺堡区", "云梦泽区"));
  copyFileSync(join(FIXTURES, "hostile-injection.txt"), join(dir, "i-injection.txt")); // duplicate of 003
  writeFileSync(join(dir, "j-mangled-2020.txt"), seed003.replaceAll("2018", "2020").replace("\t15131", "\t约15131").replace("\t6572", ""));
}

function run(dir: string, order: (files: string[]) => string[]) {
  const out = mkdtempSync(join(tmpdir(), "hostile-mix-out-"));
  const files = order(readdirSync(dir).sort().map((f) => join(dir, f)));
  const summary = convertFiles(files, { outDir: out, complete: true, catalogSize: (id) => getTemplate(id).indicators.length });
  const bytes = new Map<string, Buffer>();
  for (const sub of ["data", "reports"]) for (const name of readdirSync(join(out, sub)).sort()) bytes.set(`${sub}/${name}`, readFileSync(join(out, sub, name)));
  return { summary, bytes };
}

/** A fixed shuffle (no Math.random: the test itself must be deterministic). */
function interleave(files: string[]): string[] {
  const odd = files.filter((_, i) => i % 2 === 1).reverse();
  const even = files.filter((_, i) => i % 2 === 0);
  return odd.flatMap((f, i) => [f, even[i]!]).concat(even.slice(odd.length));
}

describe("determinism with a hostile mix", () => {
  const dir = sourcesDir();
  const alone = run(dir, (f) => f);
  addHostileFiles(dir);
  const runs = [run(dir, (f) => f), run(dir, (f) => [...f].reverse()), run(dir, interleave)];

  it("refuses exactly the bad files, each with its reason", () => {
    expect(runs[0]!.summary.failed.map((f) => [f.file, f.code])).toEqual([
      ["000_76c4b6d22ff18d10.txt", "duplicate_id"],
      ["001_235b576e695992d0.txt", "duplicate_id"],
      ["003_2853f03aefee650d.txt", "duplicate_id"],
      ["a-empty.txt", "empty_file"],
      ["b-blank.txt", "empty_file"],
      ["c-binary.txt", "binary_file"],
      ["d-huge.txt", "file_too_large"],
      ["e-news.txt", "not_a_report"],
      ["f-dawukou-gb18030.txt", "duplicate_id"],
      ["g-zhongwei-utf16.txt", "duplicate_id"],
      ["i-injection.txt", "duplicate_id"],
    ]);
    expect(runs[0]!.summary.converted.map((c) => [c.file, c.id])).toEqual([
      ["002_0db27c3e21f320cb.txt", "640221-2016"],
      ["004_dda260feeadc045e.txt", "640104-2018"],
      ["h-yunmeng.txt", "911982-2018"],
      ["j-mangled-2020.txt", "640303-2020"],
    ]);
  });

  it("writes byte-identical output and the same summary in any file order", () => {
    const [first, ...others] = runs;
    for (const other of others) {
      expect([...other.bytes.keys()]).toEqual([...first!.bytes.keys()]);
      for (const [path, bytes] of first!.bytes) expect(other.bytes.get(path)!.equals(bytes), path).toBe(true);
      expect(other.summary).toEqual(first!.summary);
    }
  });

  it("leaves the reports the mix does not touch exactly as the seeds alone produce them", () => {
    for (const path of ["data/640221-2016.json", "reports/640221-2016.mdx", "data/640104-2018.json", "reports/640104-2018.mdx"]) {
      expect(runs[0]!.bytes.get(path)!.equals(alone.bytes.get(path)!), path).toBe(true);
    }
  });
});
