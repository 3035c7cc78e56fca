/** The catalog's rates (src/catalog/rates.json) and the comparison view's measures built from the catalog. */
import { describe, expect, it } from "vitest";
import { CONCEPTS, RATES } from "../../../../src/catalog/index.ts";
import { RatesFile } from "../../../../src/catalog/schema.ts";
import { compareMeasures, defaultMeasures, indicatorGroups, templateShortName } from "../../../../src/site/compare/measures.ts";
import { TEMPLATES } from "../../../../src/catalog/index.ts";

describe("rates.json", () => {
  it("defines ratios of concepts and a rate per report", () => {
    expect(RATES.map((r) => `${r.id}=${r.numerator}${r.kind === "ratio" ? `/${r.denominator}` : "/report"}`)).toEqual([
      "share_granted=replies_granted/requests_received",
      "share_partially_granted=replies_partially_granted/requests_received",
      "share_denied=replies_denied/requests_received",
      "share_denied_of_replies=replies_denied/replies_total",
      "reconsideration_per_request=reconsideration_total/requests_received",
      "requests_per_report=requests_received/report",
    ]);
    for (const rate of RATES) {
      expect(CONCEPTS.some((c) => c.id === rate.numerator)).toBe(true);
      expect(rate.note).toMatch(/ \/ [A-Z]/);
    }
  });

  it("rejects a ratio without a denominator and an unknown key", () => {
    const base = { id: "x", label: "x", nameEn: "x", unit: "%", digits: 1, note: "x" };
    expect(RatesFile.safeParse({ description: "", rates: [{ ...base, kind: "ratio", numerator: "a", scale: 100 }] }).success).toBe(false);
    expect(RatesFile.safeParse({ description: "", rates: [{ ...base, kind: "per_report", numerator: "a", extra: 1 }] }).success).toBe(false);
    expect(RatesFile.safeParse({ description: "", rates: [{ ...base, kind: "per_report", numerator: "a" }] }).success).toBe(true);
  });
});

describe("the view's measures", () => {
  it("keys concepts c., rates r. and indicators i., each once", () => {
    const measures = compareMeasures();
    const keys = measures.map((m) => m.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(measures.filter((m) => m.kind === "c")).toHaveLength(CONCEPTS.length);
    expect(measures.filter((m) => m.kind === "r")).toHaveLength(RATES.length);
    expect(measures.filter((m) => m.kind === "i")).toHaveLength(312);
    // The concept 收到申请数 and the 2008 indicator of the same id are two measures.
    expect(keys.filter((k) => k.endsWith(".requests_received"))).toEqual(["c.requests_received", "i.requests_received"]);
  });

  it("gives a rate the formats where every operand exists", () => {
    const byKey = new Map(compareMeasures().map((m) => [m.key, m]));
    expect(byKey.get("r.share_denied")!.templates).toEqual(["national-2008", "fujian-2008", "national-2019", "national-2021"]);
    expect(byKey.get("r.share_denied")!.rate).toEqual({ kind: "ratio", numerator: "c.replies_denied", denominator: "c.requests_received", scale: 100, digits: 1 });
    expect(byKey.get("r.requests_per_report")!.rate).toEqual({ kind: "per_report", numerator: "c.requests_received", denominator: null, scale: 1, digits: 1 });
    expect(byKey.get("c.requests_carried_over")!.templates).toEqual(["national-2019", "national-2021"]);
    expect(Object.keys(byKey.get("c.replies_granted")!.caveats)).toEqual(["national-2008", "fujian-2008", "national-2019", "national-2021"]);
  });

  it("opens with the featured rates and their operands", () => {
    expect(defaultMeasures()).toEqual(["c.requests_received", "c.replies_granted", "c.replies_denied", "r.share_granted", "r.share_denied"]);
  });

  it("names the formats short and groups the indicators by the formats that print them", () => {
    expect(TEMPLATES.map(templateShortName)).toEqual(["2008年全国格式", "福建省格式", "2019年全国格式", "2021年全国格式"]);
    const groups = indicatorGroups();
    expect(groups.map((g) => g.label)).toEqual([
      "2008年全国格式",
      "2008年全国格式、福建省格式",
      "福建省格式",
      "2019年全国格式",
      "2019年全国格式、2021年全国格式",
      "2021年全国格式",
    ]);
    expect(groups.reduce((n, g) => n + g.sections.reduce((m, s) => m + s.measures.length, 0), 0)).toBe(312);
    const shared = groups[1]!;
    expect(shared.sections.map((s) => `${s.label}:${s.measures.map((m) => m.id).join(",")}`)[0]).toBe(
      "一、主动公开情况:proactive_total,proactive_gazette,proactive_website",
    );
  });
});
