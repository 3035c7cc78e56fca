import { describe, expect, it } from "vitest";
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getTemplate } from "../../../src/catalog/index.ts";
import { convertSources } from "../../../src/converter/publish/run.ts";
import { readSourceLines } from "../../../src/site/source-text.ts";
import { SOURCES_DIR } from "../../helpers/source-lines.ts";

const SEED = "003_2853f03aefee650d.txt";

describe("readSourceLines", () => {
  it("reads the original from the folder the content was converted from (--sources), checked against its sha256", async () => {
    const root = mkdtempSync(join(tmpdir(), "source-text-"));
    const corpus = join(root, "corpus");
    mkdirSync(corpus);
    copyFileSync(join(SOURCES_DIR, SEED), join(corpus, SEED));
    const summary = await convertSources({ sourcesDir: corpus, outDir: join(root, "src", "content"), catalogSize: (id) => getTemplate(id).indicators.length });
    expect(summary.published).toBe(true);
    const { source } = (await import(join(root, "src", "content", "data", "640303-2018.json"), { with: { type: "json" } })).default;
    const lines = await readSourceLines(source, "640303-2018", root);
    expect(lines).toHaveLength(238);
    expect(lines[2]).toEqual({ n: 3, text: "# 红寺堡区 2018 年政府信息公开工作年度报告" });
    // Another file under that name: refused, naming it.
    writeFileSync(join(corpus, SEED), "changed\n");
    await expect(readSourceLines(source, "640303-2018", root)).rejects.toThrow(`corpus/${SEED}: SHA-256 `);
  });
});
