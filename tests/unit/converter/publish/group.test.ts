import { describe, expect, it } from "vitest";
import { composePublished, figureChanges, formDisagreements, groupById, isSingleSource, publishedVersion } from "../../../../src/converter/publish/group.ts";
import type { Report, SourceForm, Statistic } from "../../../../src/schema/report.ts";
import { convertSeed } from "../../../helpers/convert-seed.ts";

const sha = (c: string) => c.repeat(64);
const source = (id: string, shaChar: string, file: string, publishedOn: string | null = null, form: SourceForm = "text") => ({ id, sha256: sha(shaChar), publishedOn, file, form });

const statistic = (indicator: string, value: number | null, line: number): Statistic => ({
  indicator,
  value,
  status: value === null ? "not_reported" : "reported",
  origin: "table",
  table: "statistics",
  row: indicator,
  column: null,
  raw: value === null ? "—" : String(value),
  unit: null,
  label: indicator,
  line,
  span: { file: "003.txt", start: line * 100, end: line * 100 + 1, line, column: 1, endLine: line, endColumn: 2, page: null },
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

describe("groupById: one report in several forms", () => {
  it("reads the richest form (page, then PDF, then text), whatever the names; every file of the other forms is an alternative", () => {
    const [group] = groupById([
      source("321322-development-reform-2023", "a", "a-shuyang.txt", null, "text"),
      source("321322-development-reform-2023", "b", "z-shuyang.html", null, "html"),
      source("321322-development-reform-2023", "c", "m-shuyang.pdf", null, "pdf"),
      source("321322-development-reform-2023", "d", "b-shuyang.txt", null, "text"),
    ]);
    expect(group!.versions.map((v) => v.file)).toEqual(["z-shuyang.html"]);
    // Richest form first, oldest first within a form (undated: by name), as versions are ordered.
    expect(group!.alternatives.map((v) => v.file)).toEqual(["m-shuyang.pdf", "a-shuyang.txt", "b-shuyang.txt"]);
    expect(publishedVersion(group!).file).toBe("z-shuyang.html");
    expect(isSingleSource(group!)).toBe(false);
  });
});

describe("formDisagreements", () => {
  it("a figure another form gives differently; one it cannot settle (null there) is not a disagreement", () => {
    const page = [statistic("requests_received", 26, 10), statistic("complaints_total", 45, 20), statistic("fees", 0, 30)];
    const text = [statistic("requests_received", 26, 10), statistic("complaints_total", 46, 20), statistic("fees", null, 30)];
    expect(formDisagreements(page, text)).toEqual([{ indicator: "complaints_total", published: 45, version: 46 }]);
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

describe("composePublished", async () => {
  const { report } = await convertSeed("003");

  it("a single source is published exactly as converted", () => {
    const [group] = groupById([source(report.id, "e", report.source.file)]);
    expect(composePublished(group!, new Map([[sha("e"), report]]))).toEqual(report);
  });

  it("another form: recorded in source.alternatives, and a warning naming both files when a figure differs", () => {
    const text = { ...report, source: { ...report.source, file: "003.txt", form: "text" as const, bytes: 1234 }, statistics: report.statistics.map((s) => (s.indicator === "complaints_total" ? { ...s, value: 46 } : s)) };
    const page = { ...report, source: { ...report.source, file: "003.html", form: "html" as const } };
    const [group] = groupById([source(report.id, "e", "003.html", null, "html"), source(report.id, "f", "003.txt", null, "text")]);
    const published = composePublished(group!, new Map<string, Report>([[sha("e"), page], [sha("f"), text]]));
    expect(published.statistics).toEqual(page.statistics);
    expect(published.versions).toEqual([]);
    expect(published.source.alternatives).toEqual([{ file: "003.txt", form: "text", bytes: 1234, sha256: sha("f"), figuresAgree: false }]);
    expect(published.diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([
      [
        "forms_disagree",
        null,
        "003.html 与同一报告的另一形式 003.txt 有 1 项数字不同（complaints_total 45 / 46），发布的是 003.html 的 / 1 figure(s) differ between 003.html and 003.txt, another form of this report; 003.html is published",
      ],
    ]);
    // The same two forms agreeing: recorded, no warning.
    const agreeing = composePublished(group!, new Map<string, Report>([[sha("e"), page], [sha("f"), { ...text, statistics: page.statistics }]]));
    expect(agreeing.source.alternatives.map((a) => a.figuresAgree)).toEqual([true]);
    expect(agreeing.diagnostics).toEqual(report.diagnostics);
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
