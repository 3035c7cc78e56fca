import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseConvertArgs, usage } from "../../../../src/converter/publish/cli.ts";
import { terminalText } from "../../../../src/converter/publish/terminal.ts";
import { SEED_003, workspace } from "./helpers.ts";

describe("parseConvertArgs", () => {
  it("reads options and files with util.parseArgs", () => {
    expect(parseConvertArgs(["--strict", "--sources", "in", "--out=o", "--jobs", "3", "--no-cache", "--quiet", "in/a.txt"])).toEqual({
      files: ["in/a.txt"],
      sources: "in",
      out: "o",
      jobs: 3,
      cache: false,
      strict: true,
      quiet: true,
      help: false,
    });
    expect(parseConvertArgs([])).toEqual({ files: [], sources: "sources", out: join("src", "content"), jobs: undefined, cache: true, strict: false, quiet: false, help: false });
  });

  it("says what is wrong with unusable arguments", () => {
    expect(parseConvertArgs(["--bogus"])).toEqual({ error: "Unknown option '--bogus'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- \"--bogus\"" });
    expect(parseConvertArgs(["--jobs"])).toEqual({ error: "Option '--jobs <value>' argument missing" });
    expect(parseConvertArgs(["--jobs", "0"])).toEqual({ error: "--jobs needs a whole number ≥ 1" });
    expect(parseConvertArgs(["--jobs", "1.5"])).toEqual({ error: "--jobs needs a whole number ≥ 1" });
    expect(usage().split("\n")[0]).toBe("usage: npm run convert -- [options] [FILE…]");
  });
});

describe("terminal output", () => {
  it("strips escape sequences and control characters", () => {
    expect(terminalText("\u001b[31m红寺堡区\u001b[0m年报\u0007\u001b]0;title\u0007\u009b2J\r\n第二行\ttab\u202e反向")).toBe("红寺堡区年报 第二行 tab反向");
  });

  it("a title with ANSI escapes reaches the terminal without them (the CLI, end to end)", () => {
    const ws = workspace([SEED_003]);
    const path = join(ws.src, SEED_003);
    writeFileSync(path, readFileSync(path, "utf8").replace("# 红寺堡区 2018 年政府信息公开工作年度报告", "# 红寺堡区 2018 年政府信息公开工作年度报告\u001b[2J\u001b[31m\u001b]0;pwned\u0007"));
    const cli = spawnSync(process.execPath, ["--import", "tsx", "scripts/convert.ts", "--sources", ws.src, "--out", ws.out], { encoding: "utf8" });
    expect(cli.status).toBe(0);
    expect(cli.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    // The escapes are in the title as converted (the JSON keeps the text as it is); the screen never gets them.
    expect(JSON.parse(readFileSync(join(ws.out, "data", "640303-2018.json"), "utf8")).title).toBe("红寺堡区2018年政府信息公开工作年度报告\u001b[2J\u001b[31m\u001b]0;pwned\u0007");
    expect(cli.stdout).toContain("\n640303-2018  红寺堡区2018年政府信息公开工作年度报告  58/58");
  }, 60_000);

  it("a refusal quoting a title with ANSI escapes, and a file name holding them, reach the terminal without them", () => {
    const ws = workspace([SEED_003]);
    const headline = "我区发布2018年政府信息公开工作年度报告\u001b[2J\u001b[1;1H\u001b]0;pwned\u0007";
    writeFileSync(join(ws.src, "news.txt"), `${headline}\n\n近日，红寺堡区人民政府发布年度报告。\n`);
    writeFileSync(join(ws.src, "\u001b[31mred.txt"), "");
    const cli = spawnSync(process.execPath, ["--import", "tsx", "scripts/convert.ts", "--sources", ws.src, "--out", ws.out], { encoding: "utf8" });
    expect(cli.status).toBe(0);
    expect(cli.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    const lines = cli.stdout.split("\n");
    expect(lines).toContain(
      "  [not_a_report] news.txt: 不像政府信息公开工作年度报告（没有“本报告…”“统计期限”等说明、统计表或年报章节） / does not read as an annual report (no self-description, statistics table or report sections) (我区发布2018年政府信息公开工作年度报告)",
    );
    // The escape sequence goes whole, in the progress line and in the error list alike.
    expect(lines).toContain("  ✗ red.txt: 文件为空或只有空白 / file is empty or whitespace only (0 bytes)");
    expect(lines).toContain("  [empty_file] red.txt: 文件为空或只有空白 / file is empty or whitespace only (0 bytes)");
  }, 60_000);
});
