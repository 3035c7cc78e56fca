import { describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { contentFiles, publishedSourcesDir, reportBodyPath, reportDataPath, reportTextPath, versionDataPath } from "../../src/content-files.ts";
import { BODY_DIR, DATA_DIR } from "../../src/site/report-files.ts";

describe("content files", () => {
  it("defines every path the converter writes and the site reads", () => {
    expect(contentFiles()).toEqual({
      dir: "src/content",
      dataDir: "src/content/data",
      reportsDir: "src/content/reports",
      versionsDir: "src/content/data/versions",
      textsDir: "src/content/texts",
      cacheDir: "src/content/.cache",
      manifest: "src/content/.cache/convert-manifest.json",
      sourcesRecord: "src/content/.cache/published-from.json",
      staging: "src/content/.cache/staging",
      journal: "src/content/.cache/commit.json",
      previous: "src/content/.cache/previous",
    });
    expect([
      reportDataPath("out", "640303-2018"),
      reportBodyPath("out", "640303-2018"),
      versionDataPath("out", "640303-2018", "ab"),
      // A PDF report's text layer, which its spans refer to.
      reportTextPath("out", "320829-2023"),
    ]).toEqual(["out/data/640303-2018.json", "out/reports/640303-2018.mdx", "out/data/versions/640303-2018/ab.json", "out/texts/320829-2023.txt"]);
    // The site reads the same folders.
    expect([DATA_DIR, BODY_DIR]).toEqual(["src/content/data", "src/content/reports"]);
  });

  it("the site's sources folder is the one the published content was converted from, else sources/", () => {
    const root = mkdtempSync(join(tmpdir(), "content-files-"));
    expect(publishedSourcesDir(root)).toBe(join(root, "sources"));
    mkdirSync(join(root, "src", "content", ".cache"), { recursive: true });
    writeFileSync(join(root, "src", "content", ".cache", "published-from.json"), '{"sources":"corpus/ningxia"}\n');
    expect(publishedSourcesDir(root)).toBe(join(root, "corpus", "ningxia"));
    writeFileSync(join(root, "src", "content", ".cache", "published-from.json"), '{"sources":"/srv/reports"}\n');
    expect(publishedSourcesDir(root)).toBe("/srv/reports");
    writeFileSync(join(root, "src", "content", ".cache", "published-from.json"), "{not json");
    expect(publishedSourcesDir(root)).toBe(join(root, "sources"));
  });
});
