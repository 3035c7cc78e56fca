/**
 * A hostile mix — the five seeds beside empty, binary, oversized, foreign
 * encodings, a news item, other versions and a byte-identical copy of seeds,
 * an unknown jurisdiction, injected markup, a mangled table, a named pipe —
 * converts to byte-identical output whatever the order of the files, and the
 * seeds' own outputs are exactly what they are without the mix.
 */
import { describe, expect, it } from "vitest";
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { convertSources, type RunSummary } from "../../src/converter/publish/run.ts";
import { MAX_SOURCE_BYTES } from "../../src/converter/input/decode.ts";
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
  copyFileSync(join(SOURCES_DIR, seedFile("004")), join(dir, "k-xingqing-copy.txt")); // byte-identical to 004
  execFileSync("mkfifo", [join(dir, "l-pipe.txt")]);
}

async function run(dir: string, order: (files: string[]) => string[]): Promise<{ summary: RunSummary; bytes: Map<string, Buffer> }> {
  const out = mkdtempSync(join(tmpdir(), "hostile-mix-out-"));
  const files = order(readdirSync(dir).sort().map((f) => join(dir, f)));
  const summary = await convertSources({ sourcesDir: dir, outDir: out, files });
  const bytes = new Map<string, Buffer>();
  const walk = (folder: string, prefix: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.isDirectory()) walk(join(folder, entry.name), `${prefix}${entry.name}/`);
      else bytes.set(`${prefix}${entry.name}`, readFileSync(join(folder, entry.name)));
    }
  };
  for (const sub of ["data", "reports"]) walk(join(out, sub), `${sub}/`);
  return { summary, bytes };
}

/** A fixed shuffle (no Math.random: the test itself must be deterministic). */
function interleave(files: string[]): string[] {
  const odd = files.filter((_, i) => i % 2 === 1).reverse();
  const even = files.filter((_, i) => i % 2 === 0);
  return odd.flatMap((f, i) => [f, even[i]!]).concat(even.slice(odd.length));
}

describe("determinism with a hostile mix", async () => {
  const dir = sourcesDir();
  const alone = await run(dir, (f) => f);
  addHostileFiles(dir);
  const runs = [await run(dir, (f) => f), await run(dir, (f) => [...f].reverse()), await run(dir, interleave)];

  it("refuses exactly the bad files, each with its reason", () => {
    expect(runs[0]!.summary.failed.map((f) => [f.file, f.code])).toEqual([
      ["a-empty.txt", "empty_file"],
      ["b-blank.txt", "empty_file"],
      ["c-binary.txt", "binary_file"],
      ["d-huge.txt", "file_too_large"],
      ["e-news.txt", "not_a_report"],
      ["l-pipe.txt", "not_a_regular_file"],
    ]);
    expect(runs[0]!.summary.converted.map((c) => [c.file, c.id])).toEqual([
      ["002_0db27c3e21f320cb.txt", "640221-2016"],
      ["004_dda260feeadc045e.txt", "640104-2018"],
      ["f-dawukou-gb18030.txt", "640202-2017"],
      ["g-zhongwei-utf16.txt", "640500-2017"],
      ["h-yunmeng.txt", "x43a6b15910a9-2018"], // schema 2.0 placeholder: x + 12 hex digits of the full name's SHA-256
      ["i-injection.txt", "640303-2018"],
      ["j-mangled-2020.txt", "640303-2020"],
    ]);
  });

  it("keeps every other version and the copy as part of its report: nothing the seeds published disappears", () => {
    expect(runs[0]!.summary.superseded).toEqual([
      { file: "000_76c4b6d22ff18d10.txt", id: "640202-2017", as: "version", of: "f-dawukou-gb18030.txt" },
      { file: "001_235b576e695992d0.txt", id: "640500-2017", as: "version", of: "g-zhongwei-utf16.txt" },
      { file: "003_2853f03aefee650d.txt", id: "640303-2018", as: "version", of: "i-injection.txt" },
      { file: "k-xingqing-copy.txt", id: "640104-2018", as: "copy", of: "004_dda260feeadc045e.txt" },
    ]);
    for (const path of alone.bytes.keys()) expect(runs[0]!.bytes.has(path), path).toBe(true);
    expect([...runs[0]!.bytes.keys()].filter((p) => p.startsWith("data/versions/"))).toHaveLength(3);
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
    for (const path of ["data/640221-2016.json", "reports/640221-2016.mdx", "reports/640104-2018.mdx"]) {
      expect(runs[0]!.bytes.get(path)!.equals(alone.bytes.get(path)!), path).toBe(true);
    }
  });
});

describe("determinism whatever the machine's locale and time zone", () => {
  it("the CLI writes byte-identical output under LC_ALL=C, TZ=UTC and LC_ALL=zh_CN.UTF-8, TZ=Asia/Shanghai", () => {
    const dir = sourcesDir();
    for (const file of ["fujian-pingtan-2013-dishui.html", "jiangsu-shuyang-2023-fagaiju.html", "jiangsu-shuyang-2023-fagaiju.txt"]) copyFileSync(join(SOURCES_DIR, file), join(dir, file));
    copyFileSync(join(FIXTURES, "hostile-injection.txt"), join(dir, "i-injection.txt"));
    const outputs = [
      { LC_ALL: "C", LANG: "C", TZ: "UTC" },
      { LC_ALL: "zh_CN.UTF-8", LANG: "zh_CN.UTF-8", TZ: "Asia/Shanghai" },
    ].map((locale) => {
      const out = mkdtempSync(join(tmpdir(), "hostile-locale-"));
      const cli = spawnSync(process.execPath, ["--import", "tsx", "scripts/convert.ts", "--sources", dir, "--out", out, "--jobs", "1"], {
        encoding: "utf8",
        env: { ...process.env, ...locale },
      });
      expect(cli.status, cli.stderr).toBe(0);
      const bytes = new Map<string, Buffer>();
      const walk = (folder: string, prefix: string) => {
        for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
          if (entry.isDirectory()) walk(join(folder, entry.name), `${prefix}${entry.name}/`);
          else bytes.set(`${prefix}${entry.name}`, readFileSync(join(folder, entry.name)));
        }
      };
      for (const sub of ["data", "reports"]) walk(join(out, sub), `${sub}/`);
      return bytes;
    });
    const [c, zh] = outputs;
    // 7 reports (the shuyang page read, its text an alternative), a JSON and an MDX each, and seed 003's other version.
    expect([...c!.keys()]).toHaveLength(15);
    expect([...zh!.keys()]).toEqual([...c!.keys()]);
    for (const [path, bytes] of c!) expect(zh!.get(path)!.equals(bytes), path).toBe(true);
  }, 120_000);
});
