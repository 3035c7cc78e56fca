/**
 * Consistency checks on figures from real reports: seed 001 (收到申请数 43 =
 * 当面 33 + 传真 0 + 网络 6 + 信函 4), 洪泽 2023 (its 行政复议 总计 0 against
 * 10 + 1), 平潭 2020 (its result rows 27 against （七）总计 21), 沭阳县发改局 2023
 * (blank 法人 columns), 平潭 2022 prose (收到申请75件 = 新收 74 + 结转 1).
 */
import { describe, expect, it } from "vitest";
import { getTemplate } from "../../../../src/catalog/index.ts";
import { acrossYearChecks, runChecks } from "../../../../src/converter/stages/checks.ts";
import { deriveFigures } from "../../../../src/converter/stages/derived.ts";
import type { Check, Statistic } from "../../../../src/schema/report.ts";

let nextLine = 1;
function figure(indicator: string, value: number | null, origin: "table" | "text" = "table", raw = value === null ? "" : String(value)): Statistic {
  const line = nextLine++;
  return {
    indicator,
    value,
    status: value === null ? "not_reported" : "reported",
    origin,
    table: origin === "table" ? "t" : null,
    row: null,
    column: null,
    raw,
    unit: null,
    label: indicator,
    line,
    span: { file: "x.txt", start: 0, end: 1, line, column: 1, endLine: line, endColumn: 2, page: null },
    note: null,
  };
}
function figures(values: Record<string, number | null>): Statistic[] {
  return Object.entries(values).map(([id, value]) => figure(id, value));
}
const find = (checks: Check[], rule: string) => checks.find((c) => c.rule === rule);

describe("national-2008 rules", () => {
  const template = getTemplate("national-2008");
  const requests = { requests_received: 43, requests_in_person: 33, requests_fax: 0, requests_online: 6, requests_mail: 4 };

  it("passes a sum and shows every term", () => {
    const checks = runChecks({ template, report: { statistics: figures(requests), derived: [] }, textFigures: [], hasTable: true });
    expect(find(checks, "requests_received_sum")).toEqual({
      rule: "requests_received_sum",
      scope: "table",
      description: "收到申请数 = 当面 + 传真 + 网络 + 信函",
      status: "pass",
      indicators: ["requests_received", "requests_in_person", "requests_fax", "requests_online", "requests_mail"],
      message: "收到申请数 43 = 当面申请数 33 + 传真申请数 0 + 网络申请数 6 + 信函申请数 4 = 43",
    });
  });

  it("fails a sum that does not add up, without correcting anything", () => {
    const statistics = figures({ ...requests, requests_received: 44 });
    const before = structuredClone(statistics);
    const check = find(runChecks({ template, report: { statistics, derived: [] }, textFigures: [], hasTable: true }), "requests_received_sum");
    expect(check).toMatchObject({ status: "fail", message: "收到申请数 44 ≠ 当面申请数 33 + 传真申请数 0 + 网络申请数 6 + 信函申请数 4 = 43" });
    expect(statistics).toEqual(before);
  });

  it("is uncertain when a row is printed blank, not assessable when a row is not printed at all", () => {
    const blank = runChecks({ template, report: { statistics: figures({ ...requests, requests_fax: null }), derived: [] }, textFigures: [], hasTable: true });
    expect(find(blank, "requests_received_sum")).toMatchObject({ status: "uncertain", message: "未填报或无法确定：传真申请数" });
    const { requests_mail: _printedNowhere, ...withoutMail } = requests;
    const absent = runChecks({ template, report: { statistics: figures(withoutMail), derived: [] }, textFigures: [], hasTable: true });
    expect(find(absent, "requests_received_sum")).toMatchObject({ status: "not_assessable", message: "报告中没有：信函申请数" });
  });

  it("checks each child against its parent", () => {
    const checks = runChecks({ template, report: { statistics: figures({ ...requests, requests_online: 60 }), derived: [] }, textFigures: [], hasTable: true });
    expect(find(checks, "requests_online_within_requests_received")).toMatchObject({ status: "fail", message: "网络申请数 60 > 收到申请数 43" });
  });

  it("compares the prose with the table: agreement, disagreement, and a table cell left blank", () => {
    const statistics = figures({ proactive_total: 8573, requests_received: null });
    const prose = [figure("proactive_total", 8573, "text", "主动公开政府信息8573条"), figure("requests_received", 5, "text", "受理政府信息公开申请5件")];
    const checks = runChecks({ template, report: { statistics, derived: [] }, textFigures: prose, hasTable: true });
    expect(find(checks, "proactive_total_text_matches_table")).toMatchObject({ scope: "text", status: "pass" });
    expect(find(checks, "requests_received_text_matches_table")).toMatchObject({ status: "uncertain" });
    const disagreeing = runChecks({ template, report: { statistics: figures({ proactive_total: 739 }), derived: [] }, textFigures: [figure("proactive_total", 1913, "text", "主动公开政府信息1913条")], hasTable: true });
    expect(find(disagreeing, "proactive_total_text_matches_table")?.status).toBe("fail");
  });

  it("says every table rule is not assessable in a report without a table", () => {
    const checks = runChecks({ template, report: { statistics: [], derived: [] }, textFigures: [], hasTable: false });
    expect(new Set(checks.map((c) => c.status))).toEqual(new Set(["not_assessable"]));
    expect(new Set(checks.map((c) => c.message))).toEqual(new Set(["报告没有统计表，无法核对"]));
  });
});

describe("national-2021 rules", () => {
  const template = getTemplate("national-2021");
  const zeros = (stem: string) => Object.fromEntries(["natural_person", "commercial", "research", "public_interest", "legal_services", "other_org", "total"].map((c) => [`${stem}__${c}`, 0]));

  it("fails 洪泽 2023's 行政复议 total (0 against 10 + 1) and passes its untouched blocks", () => {
    const statistics = figures({
      reconsideration__upheld: 10, reconsideration__corrected: 1, reconsideration__other: 0, reconsideration__pending: 0, reconsideration__total: 0,
      litigation_direct__upheld: 0, litigation_direct__corrected: 0, litigation_direct__other: 0, litigation_direct__pending: 0, litigation_direct__total: 0,
    });
    const checks = runChecks({ template, report: { statistics, derived: [] }, textFigures: [], hasTable: true });
    expect(find(checks, "reconsideration_sum")).toMatchObject({ status: "fail" });
    expect(find(checks, "reconsideration_sum")!.message).toContain("10");
    expect(find(checks, "litigation_direct_sum")?.status).toBe("pass");
    expect(find(checks, "litigation_after_reconsideration_sum")?.status).toBe("not_assessable");
  });

  it("is uncertain for a row whose 法人 columns are blank (沭阳县发改局 2023), and passes the 总计 balance", () => {
    const statistics = figures({
      requests_received__natural_person: 26, requests_received__commercial: null, requests_received__research: null, requests_received__public_interest: null,
      requests_received__legal_services: null, requests_received__other_org: null, requests_received__total: 26,
      requests_carried_over__total: 0, replies_total__total: 26, requests_carried_forward__total: 0,
    });
    const checks = runChecks({ template, report: { statistics, derived: [] }, textFigures: [], hasTable: true });
    expect(find(checks, "applicant_columns_sum__requests_received")).toMatchObject({ status: "uncertain" });
    expect(find(checks, "requests_balance__total")).toMatchObject({ status: "pass" });
  });

  it("takes a prose figure equal to 新收 + 上年结转 as uncertain, not as a failure (平潭 2022: 收到申请75件, 新收 74, 结转 1)", () => {
    const statistics = figures({ requests_received__total: 74, requests_carried_over__total: 1 });
    const prose = [figure("requests_received__total", 75, "text", "收到政府信息公开申请75件")];
    const checks = runChecks({ template, report: { statistics, derived: [] }, textFigures: prose, hasTable: true });
    expect(find(checks, "requests_received__total_text_matches_table")).toMatchObject({ status: "uncertain" });
    expect(find(checks, "requests_received__total_text_matches_table")!.message).toContain("74");
  });

  it("sums （六）其他处理 through its derived figure in rule 2, and fails a table whose results do not reach （七）总计", () => {
    const rows = ["replies_granted", "replies_partially_granted", "denied_state_secret", "denied_law_prohibited", "denied_security_stability", "denied_third_party", "denied_internal_affairs", "denied_process_info", "denied_enforcement_file", "denied_inquiry", "unavailable_not_held", "unavailable_needs_creation", "unavailable_unclear", "not_processed_petition", "not_processed_repeat", "not_processed_publication", "not_processed_excessive", "not_processed_confirmation", "other_no_amendment", "other_fee_unpaid", "other_misc"];
    const values: Record<string, number> = {};
    for (const row of rows) Object.assign(values, zeros(row));
    values["replies_granted__total"] = 7;
    values["other_misc__total"] = 4;
    values["replies_total__total"] = 11;
    const statistics = figures(values);
    const derived = deriveFigures(template, statistics);
    const pass = runChecks({ template, report: { statistics, derived }, textFigures: [], hasTable: true });
    expect(find(pass, "replies_total_sum__total")).toMatchObject({ status: "pass" });
    const failing = figures({ ...values, replies_total__total: 10 });
    const fail = runChecks({ template, report: { statistics: failing, derived: deriveFigures(template, failing) }, textFigures: [], hasTable: true });
    expect(find(fail, "replies_total_sum__total")).toMatchObject({ status: "fail" });
  });
});

describe("across years", () => {
  const template = getTemplate("national-2021");

  it("compares this year's 上年结转 with last year's 结转下年度, and the rules in force with last year's plus this year's changes", () => {
    const previous = { statistics: figures({ requests_carried_forward__total: 6, normative_docs__in_force: 546 }), derived: [] };
    const current = { statistics: figures({ requests_carried_over__total: 6, normative_docs__in_force: 600, normative_docs__issued: 58, normative_docs__repealed: 4 }), derived: [] };
    const checks = acrossYearChecks(template, current, previous);
    expect(checks.every((c) => c.scope === "across_years")).toBe(true);
    const carried = checks.find((c) => c.rule.endsWith("__total") && c.indicators.includes("requests_carried_over__total"));
    expect(carried?.status).toBe("pass");
    const inForce = checks.find((c) => c.indicators.includes("normative_docs__in_force"));
    expect(inForce).toMatchObject({ status: "pass" });
    const broken = acrossYearChecks(template, { statistics: figures({ normative_docs__in_force: 610, normative_docs__issued: 58, normative_docs__repealed: 4 }), derived: [] }, previous);
    expect(broken.find((c) => c.indicators.includes("normative_docs__in_force"))?.status).toBe("fail");
  });
});
