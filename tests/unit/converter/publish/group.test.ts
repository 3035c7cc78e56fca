import { describe, expect, it } from "vitest";
import { composePublished, figureChanges, groupById, isSingleSource, publishedVersion } from "../../../../src/converter/publish/group.ts";
import type { Statistic } from "../../../../src/schema/report.ts";
import { convertSeed } from "../../../helpers/convert-seed.ts";

const sha = (c: string) => c.repeat(64);
const source = (id: string, shaChar: string, file: string, publishedOn: string | null = null) => ({ id, sha256: sha(shaChar), publishedOn, file });

const statistic = (indicator: string, value: number | null, line: number): Statistic => ({
  indicator,
  value,
  origin: "table",
  line,
  raw: value === null ? "—" : String(value),
  label: indicator,
  note: null,
});

describe("groupById", () => {
  it("one group per id, identical bytes as one version under the first name, versions oldest first", () => {
    const groups = groupById([
      source("640303-2018", "b", "zz-copy.txt"),
      source("640104-2018", "c", "004.txt"),
      source("640303-2018", "b", "003.txt"),
      source("640303-2018", "d", "003-corrected.txt"),
    ]);
    expect(groups.map((g) => [g.id, g.versions.map((v) => [v.file, v.sources.map((s) => s.file)])])).toEqual([
      ["640104-2018", [["004.txt", ["004.txt"]]]],
      [
        "640303-2018",
        [
          ["003-corrected.txt", ["003-corrected.txt"]],
          ["003.txt", ["003.txt", "zz-copy.txt"]],
        ],
      ],
    ]);
    expect(groups.map(isSingleSource)).toEqual([true, false]);
    // Neither version has a date: the later file name is the newer one.
    expect(publishedVersion(groups[1]!).file).toBe("003.txt");
  });

  it("the later publication date wins over the file name; an undated version is older than a dated one", () => {
    const [group] = groupById([
      source("640202-2017", "a", "a-reissue.txt", "2018-02-05"),
      source("640202-2017", "b", "b-original.txt", "2018-01-22"),
      source("640202-2017", "c", "c-undated.txt", null),
    ]);
    expect(group!.versions.map((v) => v.file)).toEqual(["c-undated.txt", "b-original.txt", "a-reissue.txt"]);
    expect(publishedVersion(group!).file).toBe("a-reissue.txt");
  });

  it("does not depend on the order of its input", () => {
    const input = [source("x-2018", "a", "1.txt", "2018-03-01"), source("x-2018", "b", "2.txt"), source("x-2018", "a", "0.txt", "2018-03-01")];
    expect(groupById([...input].reverse())).toEqual(groupById(input));
  });
});

describe("figureChanges", () => {
  it("lists the figures given differently, in the published order, an indicator one side lacks counting as null", () => {
    const published = [statistic("requests_received", 5, 10), statistic("complaints_total", 45, 20), statistic("fees", null, 30)];
    const version = [statistic("requests_received", 5, 10), statistic("complaints_total", 46, 20), statistic("staff", 3, 40)];
    expect(figureChanges(published, version)).toEqual([
      { indicator: "complaints_total", published: 45, version: 46 },
      { indicator: "staff", published: null, version: 3 },
    ]);
    expect(figureChanges(published, published)).toEqual([]);
  });
});

describe("composePublished", () => {
  const { report } = convertSeed("003");

  it("a single source is published exactly as converted", () => {
    const [group] = groupById([source(report.id, "e", report.source.file)]);
    expect(composePublished(group!, new Map([[sha("e"), report]]))).toEqual(report);
  });

  it("several versions: the newest's figures, every version listed with its changes, and a warning", () => {
    const corrected = { ...report, source: { ...report.source, file: "z-corrected.txt" }, statistics: report.statistics.map((s) => (s.indicator === "complaints_total" ? { ...s, value: 46 } : s)) };
    const [group] = groupById([source(report.id, "e", report.source.file), source(report.id, "f", "z-corrected.txt"), source(report.id, "f", "zz-copy.txt")]);
    const published = composePublished(group!, new Map([[sha("e"), report], [sha("f"), corrected]]));
    expect(published.statistics).toEqual(corrected.statistics);
    expect(published.versions).toEqual([
      { file: report.source.file, sha256: sha("e"), publishedOn: null, current: false, changes: [{ indicator: "complaints_total", published: 46, version: 45 }] },
      { file: "z-corrected.txt", sha256: sha("f"), publishedOn: null, current: true, changes: [] },
    ]);
    expect(published.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ["identical_copies", "z-corrected.txt 有字节相同的副本：zz-copy.txt，只发布一份 / byte-identical copies of z-corrected.txt: zz-copy.txt; published once"],
      [
        "several_versions",
        `本报告有 2 个版本，发布最新的 z-corrected.txt；较早的版本：${report.source.file}（1 项数字不同） / 2 versions of this report; the newest, z-corrected.txt, is published; earlier: ${report.source.file} (1 figure differs)`,
      ],
    ]);
  });
});
