import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ConversionError } from "../../../src/converter/errors.ts";
import { convertSource, STAGES } from "../../../src/converter/pipeline.ts";
import { convertSeed, seedFile } from "../../helpers/convert-seed.ts";
import { SOURCES_DIR } from "../../helpers/source-lines.ts";

const encode = (text: string) => new TextEncoder().encode(text);
const source = (file: string) => readFileSync(join(SOURCES_DIR, file));

describe("convertSource", () => {
  it("uses table values when there is a table and prose figures only for indicators it lacks", async () => {
    const withTable = (await convertSeed("000")).report;
    expect(withTable.statistics.every((s) => s.origin === "table")).toBe(true);
    expect(withTable.statistics.find((s) => s.indicator === "proactive_total")).toMatchObject({ value: 8573, line: 148 });
    const noTable = (await convertSeed("002")).report;
    expect(noTable.hasStatisticsTable).toBe(false);
    expect(noTable.statistics.every((s) => s.origin === "text")).toBe(true);
    expect(noTable.statistics.find((s) => s.indicator === "proactive_total")).toMatchObject({ value: 42704, line: 76 });
  });

  it("logs the removals of the adapter and of the structure stage, in line order", async () => {
    const { removals } = (await convertSeed("001")).report;
    expect(removals.map((r) => r.from)).toEqual([...removals.map((r) => r.from)].sort((a, b) => a - b));
    expect(removals.filter((r) => r.kind === "repeated_passage").map((r) => r.from)).toEqual([37, 132]);
    expect(removals.filter((r) => r.kind === "page_break_join").length).toBe(42);
  });

  it("takes the template from the report's own table, not from its year", async () => {
    // 红寺堡区 2018 with every 2018 made 2020: still the 2008 table, as its headers say.
    const text = readFileSync(join(SOURCES_DIR, seedFile("003")), "utf8").replace(/2018/g, "2020");
    const { report } = await convertSource({ file: "red-2020.txt", bytes: encode(text) });
    expect(report.id).toBe("640303-2020");
    expect(report.template).toBe("national-2008");
    expect(report.templateEvidence.slice(0, 3)).toEqual(["不同渠道和方式公开相同信息计1条", "回应解读情况", "政务微信公开政府信息数"]);
    // 平潭 2022 (2021 format) and 2020 (2019 format) by their headers.
    expect((await convertSource({ file: "fujian-pingtan-2022.txt", bytes: source("fujian-pingtan-2022.txt") })).report.template).toBe("national-2021");
    expect((await convertSource({ file: "fujian-pingtan-2020.txt", bytes: source("fujian-pingtan-2020.txt") })).report.template).toBe("national-2019");
  });

  it("publishes an unknown jurisdiction under a placeholder id with a warning", async () => {
    const text = "火星县2017年政府信息公开工作年度报告\n\n一、概述\n\n2017年，火星县主动公开政府信息120条。\n";
    const { report, mdx } = await convertSource({ file: "mars.txt", bytes: encode(text) });
    expect(report.id).toMatch(/^x[0-9a-f]{12}-2017$/);
    expect(report.jurisdiction).toMatchObject({ code: null, resolved: false, match: "unresolved" });
    expect(report.diagnostics.map((d) => d.code)).toContain("unresolved_jurisdiction");
    expect(report.headings).toEqual([{ depth: 2, text: "一、概述", anchor: "一-概述", line: 3 }]);
    expect(mdx).toContain("\n## 一、概述\n\n2017年，火星县主动公开政府信息120条。\n");
  });

  it("refuses a file without a report title, naming it", async () => {
    const run = () => convertSource({ file: "notice.txt", bytes: encode("关于做好政务公开工作的通知\n各单位：请按要求办理。\n") });
    await expect(run()).rejects.toThrow(ConversionError);
    await expect(run()).rejects.toThrow("notice.txt: 找不到报告标题 / no report title found");
  });

  it("lists its stages once, in the order docs/contributing.md gives", () => {
    const doc = readFileSync("docs/contributing.md", "utf8");
    const listed = [...doc.matchAll(/^\d+\. \*\*([^*]+)\*\*/gm)].map((m) => m[1]);
    expect(listed).toEqual(STAGES.map((s) => s.name));
  });
});
