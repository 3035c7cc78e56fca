import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ConversionError } from "../../../src/converter/errors.ts";
import { convertSource } from "../../../src/converter/pipeline.ts";
import { convertSeed, seedFile } from "../../helpers/convert-seed.ts";
import { SOURCES_DIR } from "../../helpers/source-lines.ts";

const encode = (text: string) => new TextEncoder().encode(text);

describe("convertSource", () => {
  it("uses table values when there is a table and prose figures only for indicators it lacks", () => {
    const withTable = convertSeed("000").report;
    expect(withTable.statistics.every((s) => s.origin === "table")).toBe(true);
    expect(withTable.statistics.find((s) => s.indicator === "proactive_total")).toMatchObject({ value: 8573, line: 148 });
    const noTable = convertSeed("002").report;
    expect(noTable.hasStatisticsTable).toBe(false);
    expect(noTable.statistics.every((s) => s.origin === "text")).toBe(true);
    expect(noTable.statistics.find((s) => s.indicator === "proactive_total")).toMatchObject({ value: 42704, line: 76 });
  });

  it("logs the removals of every stage, in line order", () => {
    const { removals } = convertSeed("001").report;
    expect(removals.map((r) => r.from)).toEqual([...removals.map((r) => r.from)].sort((a, b) => a - b));
    expect(removals.filter((r) => r.kind === "repeated_passage").map((r) => r.from)).toEqual([37, 132]);
    expect(removals.filter((r) => r.kind === "page_break_join").length).toBeGreaterThan(30);
  });

  it("falls back to the default template with a warning for a year no template covers", () => {
    const text = readFileSync(join(SOURCES_DIR, seedFile("003")), "utf8").replace(/2018/g, "2020");
    const { report } = convertSource({ file: "red-2020.txt", bytes: encode(text) });
    expect(report.id).toBe("640303-2020");
    expect(report.template).toBe("national-2008");
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ severity: "warning", code: "no_template_for_year" }));
  });

  it("publishes an unknown jurisdiction under a placeholder code with a warning", () => {
    const text = "火星县2017年政府信息公开工作年度报告\n\n一、概述\n\n2017年，火星县主动公开政府信息120条。\n";
    const { report, mdx } = convertSource({ file: "mars.txt", bytes: encode(text) });
    expect(report.id).toMatch(/^9\d{5}-2017$/);
    expect(report.jurisdiction.resolved).toBe(false);
    expect(report.diagnostics.map((d) => d.code)).toContain("unresolved_jurisdiction");
    expect(report.headings).toEqual([{ depth: 2, text: "一、概述", anchor: "一-概述", line: 3 }]);
    expect(mdx).toContain("\n## 一、概述\n\n2017年，火星县主动公开政府信息120条。\n");
  });

  it("refuses a file without a report title, naming it", () => {
    const run = () => convertSource({ file: "notice.txt", bytes: encode("关于做好政务公开工作的通知\n各单位：请按要求办理。\n") });
    expect(run).toThrow(ConversionError);
    expect(run).toThrow("notice.txt: 找不到报告标题 / no report title found");
  });
});
