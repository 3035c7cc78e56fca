/**
 * The glued-cells solver on the rows of real reports whose crawler text lost
 * the cell boundaries (平潭综合实验区 2016, 2018, 2020, 2022, 2025; 平潭县 2013).
 * The right splits are those read from the <td> cells of the original pages
 * (tests/fixtures/expected/*.json); every split the solver publishes must be
 * one of them, and every run it cannot settle must name its candidates.
 *
 * The rules are written inline as the template files will state them
 * (indicators-fujian-2008-variant.md, indicators-2019-template.md,
 * indicators-2021-template.md, "Consistency rules").
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { CellValue, ConcreteRule } from "../../../../src/catalog/index.ts";
import {
  describeSplit,
  splitRuns,
  splitWarnings,
  SPLIT_WARNINGS,
  type CellPiece,
  type Run,
  type RunOutcome,
  type SplitInput,
} from "../../../../src/converter/readers/split-cells.ts";

// ---------------------------------------------------------------- helpers

const term = (text: string) => ({ indicator: text.replace(/^-/, ""), sign: (text.startsWith("-") ? -1 : 1) as 1 | -1, previous: false });

function rule(family: string, id: string, left: string[], op: ConcreteRule["op"], right: string[], options: Partial<Pick<ConcreteRule, "splits" | "absentAsZero">> = {}): ConcreteRule {
  return { id, family, description: id, left: left.map(term), op, right: right.map(term), splits: options.splits ?? true, absentAsZero: options.absentAsZero ?? false };
}

/** A row's printed value text, cut at white space as the readers cut it. */
function run(id: string, printed: string, slots: [string, CellValue][]): Run {
  return { id, chunks: printed.split(/\s+/).filter(Boolean).map((text) => ({ text })), slots: slots.map(([slotId, value]) => ({ id: slotId, value })) };
}

const expected = (base: string): Record<string, number> => JSON.parse(readFileSync(`tests/fixtures/expected/${base}.json`, "utf8")).figures;

function decided(outcome: RunOutcome | undefined): { split: string; by: string; candidates: number } {
  if (outcome?.status !== "decided") throw new Error(`not decided: ${JSON.stringify(outcome)}`);
  return { split: describeSplit(outcome.cells), by: outcome.by, candidates: outcome.candidates };
}

/** Every decided cell must be the figure read from the original page. */
function expectDecidedCellsToMatch(outcomes: Map<string, RunOutcome>, figures: Record<string, number>) {
  for (const outcome of outcomes.values()) {
    if (outcome.status !== "decided") continue;
    for (const cell of outcome.cells) expect([cell.id, cell.value]).toEqual([cell.id, figures[cell.id]]);
  }
}

// ---------------------------------------------------------------- Fujian 2008 variant

/** Two columns: 本年度 (the row id) and 历年累计 (id + __cumulative). */
const fujianRow = (id: string, printed: string) => run(id, printed, [[id, "count"], [`${id}__cumulative`, "count"]]);

const FUJIAN_ROWS = [
  "proactive_total", "proactive_website", "proactive_gazette", "requests_received", "requests_in_person", "requests_fax", "requests_email",
  "requests_online", "requests_mail", "requests_other_form", "requests_mail_or_fax", "replies_total", "replies_granted", "replies_partially_granted",
  "replies_denied", "replies_other_type", "fee_waivers_yuan", "litigation_and_complaints", "reconsideration_total", "litigation_total", "complaints_appeals",
];
const CHANNELS = ["requests_in_person", "requests_fax", "requests_email", "requests_online", "requests_mail", "requests_other_form", "requests_mail_or_fax"];
const REPLY_TYPES = ["replies_granted", "replies_partially_granted", "replies_denied", "replies_other_type"];
const bothColumns = (make: (suffix: string) => ConcreteRule) => ["", "__cumulative"].map(make);

const FUJIAN_RULES: ConcreteRule[] = [
  ...FUJIAN_ROWS.map((r) => rule("cumulative_at_least_year", `cumulative_at_least_year__${r}`, [`${r}__cumulative`], ">=", [r])),
  ...bothColumns((c) => rule("channels_sum", `channels_sum${c}`, [`requests_received${c}`], "=", CHANNELS.map((x) => x + c), { absentAsZero: true })),
  ...bothColumns((c) => rule("reply_types_sum", `reply_types_sum${c}`, [`replies_total${c}`], "=", REPLY_TYPES.map((x) => x + c), { absentAsZero: true })),
  ...bothColumns((c) => rule("website_within_total", `website_within_total${c}`, [`proactive_website${c}`], "<=", [`proactive_total${c}`])),
  ...bothColumns((c) => rule("gazette_within_total", `gazette_within_total${c}`, [`proactive_gazette${c}`], "<=", [`proactive_total${c}`])),
];

/** Ids of the rows a report does not print (absent, so 0 in the sums). */
const absentRows = (printed: [string, string][]) => {
  const present = new Set(printed.map(([id]) => id));
  return new Set(FUJIAN_ROWS.filter((r) => !present.has(r)).flatMap((r) => [r, `${r}__cumulative`]));
};

describe("Fujian 2008 variant (本年度 | 历年累计)", () => {
  // 平潭综合实验区 2016: 主动公开文件数条346085376其中：1、政府网站公开数条3460853762、政府公报公开数条00…
  const pingtan2016: [string, string][] = [
    ["proactive_total", "346085376"], ["proactive_website", "346085376"], ["proactive_gazette", "00"], ["requests_received", "00"],
    ["requests_in_person", "00"], ["requests_online", "00"], ["requests_mail_or_fax", "00"], ["replies_total", "00"], ["replies_granted", "00"],
    ["replies_partially_granted", "00"], ["replies_denied", "00"], ["replies_other_type", "00"], ["fee_waivers_yuan", "00"],
    ["litigation_and_complaints", "00"], ["reconsideration_total", "00"], ["litigation_total", "00"],
  ];
  const input2016 = (stated?: Map<string, number>): SplitInput => ({
    runs: pingtan2016.map(([id, printed]) => fujianRow(id, printed)),
    known: new Map(),
    rules: FUJIAN_RULES,
    absent: absentRows(pingtan2016),
    stated,
  });

  it("平潭 2016 without the prose: the rules leave three splits of 346085376, the same for both rows", () => {
    const output = splitRuns(input2016());
    const open = { status: "undecided", reason: "several_splits", candidates: ["3 | 46085376", "34 | 6085376", "3460 | 85376"], count: 3 };
    expect(output.runs.get("proactive_total")).toEqual(open);
    expect(output.runs.get("proactive_website")).toEqual(open);
    expect(decided(output.runs.get("proactive_gazette"))).toEqual({ split: "0 | 0", by: "shape", candidates: 1 });
    expect(output.distrusted).toEqual([]);
  });

  it("平潭 2016 with 2016年全区主动公开政府信息3460条: 3460 | 85376 for 主动公开文件数, and through website ≤ total for 政府网站公开数", () => {
    const output = splitRuns(input2016(new Map([["proactive_total", 3460]])));
    // Seven splits parse (346 | 085376 does not: no leading zero); the prose settles the first row, the rule website ≤ total the second.
    expect(decided(output.runs.get("proactive_total"))).toEqual({ split: "3460 | 85376", by: "prose", candidates: 7 });
    expect(decided(output.runs.get("proactive_website"))).toEqual({ split: "3460 | 85376", by: "prose", candidates: 7 });
    for (const [id] of pingtan2016.slice(2)) expect(decided(output.runs.get(id))).toEqual({ split: "0 | 0", by: "shape", candidates: 1 });
    expectDecidedCellsToMatch(output.runs, expected("fujian-pingtan-2016"));
    const cells = (output.runs.get("proactive_total") as { cells: CellPiece[] }).cells;
    expect(cells).toEqual([
      { id: "proactive_total", chunk: 0, from: 0, to: 4, raw: "3460", value: 3460 },
      { id: "proactive_total__cumulative", chunk: 0, from: 4, to: 9, raw: "85376", value: 85376 },
    ]);
  });

  it("a stated figure no candidate carries is ignored, never a constraint that empties the run", () => {
    const output = splitRuns(input2016(new Map([["proactive_total", 3640]])));
    expect(output.runs.get("proactive_total")).toMatchObject({ status: "undecided", reason: "several_splits", count: 3 });
    expect(output.runs.get("proactive_website")).toMatchObject({ status: "undecided", reason: "several_splits", count: 3 });
  });

  it("平潭 2018 (206912106) with 2018年全区主动公开政府信息2069条", () => {
    const printed: [string, string][] = [["proactive_total", "206912106"], ["proactive_website", "206912106"], ["proactive_gazette", "00"]];
    const runs = printed.map(([id, text]) => fujianRow(id, text));
    const withoutProse = splitRuns({ runs, known: new Map(), rules: FUJIAN_RULES });
    expect(withoutProse.runs.get("proactive_total")).toEqual({
      status: "undecided",
      reason: "several_splits",
      candidates: ["20 | 6912106", "206 | 912106", "2069 | 12106"],
      count: 3,
    });
    const output = splitRuns({ runs, known: new Map(), rules: FUJIAN_RULES, stated: new Map([["proactive_total", 2069]]) });
    expect(decided(output.runs.get("proactive_total"))).toEqual({ split: "2069 | 12106", by: "prose", candidates: 6 });
    expect(decided(output.runs.get("proactive_website"))).toEqual({ split: "2069 | 12106", by: "prose", candidates: 6 });
    expectDecidedCellsToMatch(output.runs, expected("fujian-pingtan-2018"));
  });

  // 平潭县 2013: 主动公开信息数条18535395其中：1.网站公开条171350172.政府公报公开条07受理依申请公开信息总数条728其中：1.当面申请数条0182.传真申请数条00…
  const county2013: [string, string][] = [
    ["proactive_total", "18535395"], ["proactive_website", "17135017"], ["proactive_gazette", "07"], ["requests_received", "728"],
    ["requests_in_person", "018"], ["requests_fax", "00"], ["requests_email", "36"], ["requests_online", "44"], ["requests_mail", "00"],
    ["requests_other_form", "00"], ["replies_total", "324"], ["replies_granted", "219"], ["replies_partially_granted", "13"],
    ["replies_denied", "02"], ["reconsideration_total", "00"], ["litigation_total", "00"], ["complaints_appeals", "00"],
  ];

  it("平潭县 2013, the worked example: only 7 | 28 with channels 0|18, 0|0, 3|6, 4|4, 0|0, 0|0", () => {
    const output = splitRuns({ runs: county2013.map(([id, text]) => fujianRow(id, text)), known: new Map(), rules: FUJIAN_RULES, absent: absentRows(county2013) });
    expect(decided(output.runs.get("requests_received"))).toEqual({ split: "7 | 28", by: "rules", candidates: 2 });
    const channels = ["requests_in_person", "requests_fax", "requests_email", "requests_online", "requests_mail", "requests_other_form"];
    expect(channels.map((id) => decided(output.runs.get(id)))).toEqual(
      ["0 | 18", "0 | 0", "3 | 6", "4 | 4", "0 | 0", "0 | 0"].map((split) => ({ split, by: "shape", candidates: 1 })),
    );
    expect(decided(output.runs.get("replies_total"))).toEqual({ split: "3 | 24", by: "rules", candidates: 2 });
    expect(decided(output.runs.get("replies_granted"))).toEqual({ split: "2 | 19", by: "rules", candidates: 2 });
    expect(decided(output.runs.get("proactive_gazette"))).toEqual({ split: "0 | 7", by: "shape", candidates: 1 });
    // Four splits of each 主动公开 row pair up under website ≤ total; nothing in the table tells them apart.
    expect(output.runs.get("proactive_total")).toEqual({
      status: "undecided",
      reason: "several_splits",
      candidates: ["1 | 8535395", "18 | 535395", "185 | 35395", "1853 | 5395"],
      count: 4,
    });
    expect(output.runs.get("proactive_website")).toEqual({
      status: "undecided",
      reason: "several_splits",
      candidates: ["1 | 7135017", "17 | 135017", "171 | 35017", "1713 | 5017"],
      count: 4,
    });
    expectDecidedCellsToMatch(output.runs, expected("fujian-pingtan-county-2013"));
  });

  it("平潭县 2013 with its prose: 主动公开政府信息1853条 settles both 主动公开 rows; the prose's wrong channel figures change nothing", () => {
    const stated = new Map([
      ["proactive_total", 1853],
      ["requests_received", 7],
      // Section 三 says 网上申请数3条，信函申请数4条; the table prints 4 and 0. Those rows split by shape, so the prose has no say.
      ["requests_online", 3],
      ["requests_mail", 4],
      ["replies_total", 3],
    ]);
    const output = splitRuns({ runs: county2013.map(([id, text]) => fujianRow(id, text)), known: new Map(), rules: FUJIAN_RULES, absent: absentRows(county2013), stated });
    expect(decided(output.runs.get("proactive_total"))).toEqual({ split: "1853 | 5395", by: "prose", candidates: 7 });
    expect(decided(output.runs.get("proactive_website"))).toEqual({ split: "1713 | 5017", by: "prose", candidates: 6 });
    expect(decided(output.runs.get("requests_online"))).toEqual({ split: "4 | 4", by: "shape", candidates: 1 });
    expect(decided(output.runs.get("requests_mail"))).toEqual({ split: "0 | 0", by: "shape", candidates: 1 });
    expect(decided(output.runs.get("requests_received"))).toEqual({ split: "7 | 28", by: "rules", candidates: 2 });
    expectDecidedCellsToMatch(output.runs, expected("fujian-pingtan-county-2013"));
  });

  it("a report whose 历年累计 column breaks its own rule: the family is distrusted and 728 stays open", () => {
    // The shape of 平潭县 2013, but 主动公开信息数 printed with spaces as 1853 1795 (累计 below the year):
    // the report's 历年累计 column cannot be relied on, so 72 | 8 is as possible as 7 | 28.
    const runs = [fujianRow("proactive_total", "1853 1795"), fujianRow("requests_received", "728")];
    const output = splitRuns({ runs, known: new Map(), rules: FUJIAN_RULES });
    expect(output.distrusted).toEqual(["cumulative_at_least_year"]);
    expect(decided(output.runs.get("proactive_total"))).toEqual({ split: "1853 | 1795", by: "shape", candidates: 1 });
    expect(output.runs.get("requests_received")).toEqual({ status: "undecided", reason: "several_splits", candidates: ["7 | 28", "72 | 8"], count: 2 });
    // The same row of a report that keeps the rule is settled by it.
    const trusted = splitRuns({ runs: [fujianRow("proactive_total", "1853 5395"), fujianRow("requests_received", "728")], known: new Map(), rules: FUJIAN_RULES });
    expect(trusted.distrusted).toEqual([]);
    expect(decided(trusted.runs.get("requests_received"))).toEqual({ split: "7 | 28", by: "rules", candidates: 2 });
  });
});

// ---------------------------------------------------------------- 2019 and 2021 formats, 表二

const cellsOf = (row: string, columns: [string, CellValue][]) => columns.map(([column, value]) => [`${row}__${column}`, value] as [string, CellValue]);
const DOCS_2019: [string, CellValue][] = [["new_made", "count"], ["new_published", "count"], ["published_total", "count"]];
const ITEMS_2019: [string, CellValue][] = [["prev_year_items", "count"], ["change", "signed"], ["decisions", "count"]];
const RULES_2019_TABLE_2: ConcreteRule[] = [
  ...["licensing", "other_services", "penalties", "coercion", "admin_fees"].map((r) => rule("prev_plus_change_not_negative", `prev_plus_change__${r}`, [`${r}__prev_year_items`, `${r}__change`], ">=", [])),
  ...["rules", "normative_docs"].map((r) => rule("published_within_total", `published_within_total__${r}`, [`${r}__new_published`], "<=", [`${r}__published_total`])),
];

describe("2019 format 表二 (平潭 2020)", () => {
  // 规章007规范性文件7777166…行政许可396442278其他对外管理服务事项107105…行政处罚2648-18538行政强制1262629…行政事业性收费35-15…政府集中采购39573802895.90元
  const runs = [
    run("rules", "007", cellsOf("rules", DOCS_2019)),
    run("normative_docs", "7777166", cellsOf("normative_docs", DOCS_2019)),
    run("licensing", "396442278", cellsOf("licensing", ITEMS_2019)),
    run("other_services", "107105", cellsOf("other_services", ITEMS_2019)),
    run("penalties", "2648-18538", cellsOf("penalties", ITEMS_2019)),
    run("coercion", "1262629", cellsOf("coercion", ITEMS_2019)),
    run("admin_fees", "35-15", cellsOf("admin_fees", ITEMS_2019.slice(0, 2))),
    run("central_procurement", "39573802895.90", [["central_procurement__projects", "count"], ["central_procurement__amount", "amount"]]),
  ];
  const output = splitRuns({ runs, known: new Map(), rules: RULES_2019_TABLE_2 });

  it("规章007 has one split only: 0 | 0 | 7", () => {
    expect(decided(output.runs.get("rules"))).toEqual({ split: "0 | 0 | 7", by: "shape", candidates: 1 });
  });

  it("规范性文件7777166: seven splits keep 本年新公开 ≤ 对外公开总数, so none is published", () => {
    expect(output.runs.get("normative_docs")).toEqual({
      status: "undecided",
      reason: "several_splits",
      candidates: ["7 | 7 | 77166", "7 | 77 | 7166", "77 | 7 | 7166", "77 | 77 | 166", "777 | 7 | 166", "7777 | 1 | 66", "77771 | 6 | 6"],
      count: 7,
    });
  });

  it("行政许可396442278: all 28 splits fit (no sign, so prev + change ≥ 0 always holds)", () => {
    const outcome = output.runs.get("licensing");
    expect(outcome).toMatchObject({ status: "undecided", reason: "several_splits", count: 28 });
    const listed = (outcome as { candidates: string[] }).candidates;
    expect(listed).toHaveLength(20);
    expect(listed.slice(0, 3)).toEqual(["3 | 9 | 6442278", "3 | 96 | 442278", "3 | 964 | 42278"]);
    expect(listed).toContain("396 | 442 | 278");
  });

  it("行政处罚2648-18538: the minus sign fixes 上一年项目数量 2648, but four splits of -18538 remain", () => {
    // Every candidate agrees on 2648; the run is still one unsettled run, so all three figures stay null.
    expect(output.runs.get("penalties")).toEqual({
      status: "undecided",
      reason: "several_splits",
      candidates: ["2648 | -1 | 8538", "2648 | -18 | 538", "2648 | -185 | 38", "2648 | -1853 | 8"],
      count: 4,
    });
  });

  it("行政事业性收费35-15 has one split: the sign can only begin 本年增/减", () => {
    const outcome = output.runs.get("admin_fees");
    expect(decided(outcome)).toEqual({ split: "35 | -15", by: "shape", candidates: 1 });
    expect((outcome as { cells: CellPiece[] }).cells.map((c) => c.value)).toEqual([35, -15]);
  });

  it("其他对外管理服务事项107105 and 行政强制1262629 stay open", () => {
    expect(output.runs.get("other_services")).toEqual({
      status: "undecided",
      reason: "several_splits",
      candidates: ["1 | 0 | 7105", "10 | 7 | 105", "10 | 710 | 5", "107 | 10 | 5", "1071 | 0 | 5"],
      count: 5,
    });
    expect(output.runs.get("coercion")).toMatchObject({ status: "undecided", reason: "several_splits", count: 15 });
  });

  it("政府集中采购39573802895.90: a count glued to a decimal amount, nine splits, no rule between them", () => {
    expect(output.runs.get("central_procurement")).toEqual({
      status: "undecided",
      reason: "several_splits",
      candidates: [
        "3 | 9573802895.90", "39 | 573802895.90", "395 | 73802895.90", "3957 | 3802895.90", "39573 | 802895.90",
        "3957380 | 2895.90", "39573802 | 895.90", "395738028 | 95.90", "3957380289 | 5.90",
      ],
      count: 9,
    });
  });

  it("a single decimal amount is one cell (行政事业性收费4166.241619, 2025)", () => {
    const out = splitRuns({ runs: [run("admin_fees", "4166.241619", [["admin_fees__amount", "amount"]])], known: new Map(), rules: [] });
    const outcome = out.runs.get("admin_fees");
    expect(decided(outcome)).toEqual({ split: "4166.241619", by: "shape", candidates: 1 });
    expect((outcome as { cells: CellPiece[] }).cells[0]!.value).toBe(4166.241619);
  });

  it("2021 表二 行政规范性文件8855698 (平潭 2022) and 5845546 (2025) have no rule within the year, so they stay open", () => {
    const columns: [string, CellValue][] = [["issued", "count"], ["repealed", "count"], ["in_force", "count"]];
    const out = splitRuns({
      runs: [run("rules", "000", cellsOf("rules", columns)), run("normative_docs", "8855698", cellsOf("normative_docs", columns))],
      known: new Map(),
      rules: [],
    });
    expect(decided(out.runs.get("rules"))).toEqual({ split: "0 | 0 | 0", by: "shape", candidates: 1 });
    expect(out.runs.get("normative_docs")).toMatchObject({ status: "undecided", reason: "several_splits", count: 15 });
    expect((out.runs.get("normative_docs") as { candidates: string[] }).candidates).toContain("88 | 55 | 698");
  });
});

// ---------------------------------------------------------------- 表三

const COLUMNS = ["natural_person", "commercial", "research", "public_interest", "legal_services", "other_org", "total"];
const RESULTS_COMMON = [
  "replies_granted", "replies_partially_granted", "denied_state_secret", "denied_law_prohibited", "denied_security_stability", "denied_third_party",
  "denied_internal_affairs", "denied_process_info", "denied_enforcement_file", "denied_inquiry", "unavailable_not_held", "unavailable_needs_creation",
  "unavailable_unclear", "not_processed_petition", "not_processed_repeat", "not_processed_publication", "not_processed_excessive", "not_processed_confirmation",
];
const RESULTS_2019 = [...RESULTS_COMMON, "replies_other"];
const RESULTS_2021 = [...RESULTS_COMMON, "other_no_amendment", "other_fee_unpaid", "other_misc"];

function table3Rules(results: string[]): ConcreteRule[] {
  const rows = ["requests_received", "requests_carried_over", ...results, "replies_total", "requests_carried_forward"];
  return [
    ...COLUMNS.map((c) => rule("received_plus_carried_over", `received_plus_carried_over__${c}`, [`requests_received__${c}`, `requests_carried_over__${c}`], "=", [`replies_total__${c}`, `requests_carried_forward__${c}`])),
    ...COLUMNS.map((c) => rule("results_add_up", `results_add_up__${c}`, [`replies_total__${c}`], "=", results.map((r) => `${r}__${c}`))),
    ...rows.map((r) => rule("row_total", `row_total__${r}`, [`${r}__total`], "=", COLUMNS.slice(0, 6).map((c) => `${r}__${c}`))),
  ];
}

function table3Runs(results: string[], printed: string[]): Run[] {
  const rows = ["requests_received", "requests_carried_over", ...results, "replies_total", "requests_carried_forward"];
  expect(printed).toHaveLength(rows.length);
  return rows.map((r, i) => run(r, printed[i]!, COLUMNS.map((c) => [`${r}__${c}`, "count"])));
}

/** Each row's outcome in a line: "shape 0|0|…" / "rules 71|3|…" / "several_splits (2)". */
function summary(outcomes: Map<string, RunOutcome>): Record<string, string> {
  return Object.fromEntries(
    [...outcomes].map(([id, o]) => [id, o.status === "decided" ? `${o.by} ${describeSplit(o.cells)}` : `${o.reason} (${o.count})`]),
  );
}

// 平潭 2025 表三 as its text prints each row after the label ('4910000502.没有…': the next row's number '2.' cut off by the reader).
const PRINTED_2025 = [
  "15130000154", "0000000", "330000033", "380000038", "0000000", "0000000", "0000000", "0000000", "3000003", "2000002", "3000003", "3000003",
  "491000050", "3000003", "0000000", "2000002", "0000000", "0000000", "0000000", "0000000", "8000008", "2000002", "1000001", "14710000148", "4200006",
];

describe("表三 of the 2021 format, whole tables", () => {
  // 平潭 2022 as its text prints each row after the label (the next row's number, e.g. '2.', cut off by the reader).
  const printed2022 = [
    "713000074", "1000001", "210000021", "8100009", "0000000", "0000000", "0000000", "0000000", "1000001", "2000002", "1000001", "0000000",
    "370000037", "0000000", "0000000", "0000000", "0000000", "0000000", "0000000", "0000000", "2000002", "0000000", "0200002", "723000075", "0000000",
  ];

  it("平潭 2022: the four glued rows of more than seven digits are settled by the rules, the rest by shape", () => {
    const output = splitRuns({ runs: table3Runs(RESULTS_2021, printed2022), known: new Map(), rules: table3Rules(RESULTS_2021) });
    expect(output.distrusted).toEqual([]);
    expect(summary(output.runs)).toEqual({
      requests_received: "rules 71 | 3 | 0 | 0 | 0 | 0 | 74",
      requests_carried_over: "shape 1 | 0 | 0 | 0 | 0 | 0 | 1",
      replies_granted: "rules 21 | 0 | 0 | 0 | 0 | 0 | 21",
      replies_partially_granted: "shape 8 | 1 | 0 | 0 | 0 | 0 | 9",
      denied_state_secret: "shape 0 | 0 | 0 | 0 | 0 | 0 | 0",
      denied_law_prohibited: "shape 0 | 0 | 0 | 0 | 0 | 0 | 0",
      denied_security_stability: "shape 0 | 0 | 0 | 0 | 0 | 0 | 0",
      denied_third_party: "shape 0 | 0 | 0 | 0 | 0 | 0 | 0",
      denied_internal_affairs: "shape 1 | 0 | 0 | 0 | 0 | 0 | 1",
      denied_process_info: "shape 2 | 0 | 0 | 0 | 0 | 0 | 2",
      denied_enforcement_file: "shape 1 | 0 | 0 | 0 | 0 | 0 | 1",
      denied_inquiry: "shape 0 | 0 | 0 | 0 | 0 | 0 | 0",
      unavailable_not_held: "rules 37 | 0 | 0 | 0 | 0 | 0 | 37",
      unavailable_needs_creation: "shape 0 | 0 | 0 | 0 | 0 | 0 | 0",
      unavailable_unclear: "shape 0 | 0 | 0 | 0 | 0 | 0 | 0",
      not_processed_petition: "shape 0 | 0 | 0 | 0 | 0 | 0 | 0",
      not_processed_repeat: "shape 0 | 0 | 0 | 0 | 0 | 0 | 0",
      not_processed_publication: "shape 0 | 0 | 0 | 0 | 0 | 0 | 0",
      not_processed_excessive: "shape 0 | 0 | 0 | 0 | 0 | 0 | 0",
      not_processed_confirmation: "shape 0 | 0 | 0 | 0 | 0 | 0 | 0",
      other_no_amendment: "shape 2 | 0 | 0 | 0 | 0 | 0 | 2",
      other_fee_unpaid: "shape 0 | 0 | 0 | 0 | 0 | 0 | 0",
      other_misc: "shape 0 | 2 | 0 | 0 | 0 | 0 | 2",
      replies_total: "rules 72 | 3 | 0 | 0 | 0 | 0 | 75",
      requests_carried_forward: "shape 0 | 0 | 0 | 0 | 0 | 0 | 0",
    });
    expect(decided(output.runs.get("requests_received")).candidates).toBe(7);
    expectDecidedCellsToMatch(output.runs, expected("fujian-pingtan-2022"));
  });

  it("平潭 2025: every row settled; 予以公开 330000033 needs the column sums, its row total alone leaves 3 | 30 | … open", () => {
    const output = splitRuns({ runs: table3Runs(RESULTS_2021, PRINTED_2025), known: new Map(), rules: table3Rules(RESULTS_2021) });
    expect(output.distrusted).toEqual([]);
    const rows = summary(output.runs);
    expect(Object.fromEntries(Object.entries(rows).filter(([, s]) => !s.startsWith("shape")))).toEqual({
      requests_received: "rules 151 | 3 | 0 | 0 | 0 | 0 | 154",
      replies_granted: "rules 33 | 0 | 0 | 0 | 0 | 0 | 33",
      replies_partially_granted: "rules 38 | 0 | 0 | 0 | 0 | 0 | 38",
      unavailable_not_held: "rules 49 | 1 | 0 | 0 | 0 | 0 | 50",
      replies_total: "rules 147 | 1 | 0 | 0 | 0 | 0 | 148",
    });
    expect(rows.requests_carried_forward).toBe("shape 4 | 2 | 0 | 0 | 0 | 0 | 6");
    expect(Object.values(rows).filter((s) => s.startsWith("shape"))).toHaveLength(20);
    expect(decided(output.runs.get("requests_received")).candidates).toBe(31);
    expectDecidedCellsToMatch(output.runs, expected("fujian-pingtan-2025"));

    const rowTotalsOnly = splitRuns({ runs: table3Runs(RESULTS_2021, PRINTED_2025), known: new Map(), rules: table3Rules(RESULTS_2021).filter((r) => r.family === "row_total") });
    expect(rowTotalsOnly.runs.get("replies_granted")).toEqual({
      status: "undecided",
      reason: "several_splits",
      candidates: ["3 | 30 | 0 | 0 | 0 | 0 | 33", "33 | 0 | 0 | 0 | 0 | 0 | 33"],
      count: 2,
    });
    expect(decided(rowTotalsOnly.runs.get("requests_received"))).toEqual({ split: "151 | 3 | 0 | 0 | 0 | 0 | 154", by: "rules", candidates: 31 });
  });

  it("gives the same outcome as trying every joint assignment by brute force (平潭 2022 and 2025)", () => {
    for (const printed of [printed2022, PRINTED_2025]) {
      const runs = table3Runs(RESULTS_2021, printed);
      const rules = table3Rules(RESULTS_2021);
      const output = splitRuns({ runs, known: new Map(), rules });
      expect(bruteForce(runs, rules)).toEqual(
        new Map([...output.runs].map(([id, o]) => [id, o.status === "decided" ? [describeSplit(o.cells)] : (o as { candidates: string[] }).candidates])),
      );
    }
  });
});

describe("表三 of the 2019 format (平潭 2020, which breaks rule 2)", () => {
  // 一、…200 000121 二、…0000000 … （六）其他处理4 0 0 0 0 0 4（七）总计20 0 00 0 121四、结转下年度继续办理 0 0 00 00 0
  const printed2020 = [
    "200 000121", "0000000", "6000017", "6000006", "0000000", "0000000", "0000000", "0000000", "0000000", "0000000", "0000000", "0000000",
    "4000004", "0000000", "3000003", "0000000", "3000003", "0000000", "0000000", "0000000", "4 0 0 0 0 0 4", "20 0 00 0 121", "0 0 00 00 0",
  ];

  it("row 一 '200 000121' and （七） '20 0 00 0 121' with the row rule alone: 20 | 0 | 0 | 0 | 0 | 1 | 21", () => {
    const rows = [
      run("requests_received", "200 000121", COLUMNS.map((c) => [`requests_received__${c}`, "count"])),
      run("replies_total", "20 0 00 0 121", COLUMNS.map((c) => [`replies_total__${c}`, "count"])),
    ];
    const rules = ["requests_received", "replies_total"].map((r) => rule("row_total", `row_total__${r}`, [`${r}__total`], "=", COLUMNS.slice(0, 6).map((c) => `${r}__${c}`)));
    const output = splitRuns({ runs: rows, known: new Map(), rules });
    expect(decided(output.runs.get("requests_received"))).toEqual({ split: "20 | 0 | 0 | 0 | 0 | 1 | 21", by: "rules", candidates: 4 });
    expect(decided(output.runs.get("replies_total"))).toEqual({ split: "20 | 0 | 0 | 0 | 0 | 1 | 21", by: "rules", candidates: 3 });
    const cells = (output.runs.get("requests_received") as { cells: CellPiece[] }).cells;
    expect(cells.map((c) => [c.chunk, c.from, c.to])).toEqual([[0, 0, 2], [0, 2, 3], [1, 0, 1], [1, 1, 2], [1, 2, 3], [1, 3, 4], [1, 4, 6]]);
    const without = splitRuns({ runs: rows, known: new Map(), rules: [] });
    expect(without.runs.get("requests_received")).toEqual({
      status: "undecided",
      reason: "several_splits",
      candidates: ["2 | 0 | 0 | 0 | 0 | 0 | 121", "20 | 0 | 0 | 0 | 0 | 1 | 21", "20 | 0 | 0 | 0 | 0 | 12 | 1", "200 | 0 | 0 | 0 | 1 | 2 | 1"],
      count: 4,
    });
    expect(without.runs.get("replies_total")).toEqual({
      status: "undecided",
      reason: "several_splits",
      candidates: ["2 | 0 | 0 | 0 | 0 | 0 | 121", "20 | 0 | 0 | 0 | 0 | 1 | 21", "20 | 0 | 0 | 0 | 0 | 12 | 1"],
      count: 3,
    });
  });

  it("the whole table: rule 2 is broken whatever the split (results add up to 26 against 20 or 2), so it is distrusted; the other rules settle both rows", () => {
    const output = splitRuns({ runs: table3Runs(RESULTS_2019, printed2020), known: new Map(), rules: table3Rules(RESULTS_2019) });
    expect(output.distrusted).toEqual(["results_add_up"]);
    const rows = summary(output.runs);
    expect(Object.fromEntries(Object.entries(rows).filter(([, s]) => !s.startsWith("shape")))).toEqual({
      requests_received: "rules 20 | 0 | 0 | 0 | 0 | 1 | 21",
      replies_total: "rules 20 | 0 | 0 | 0 | 0 | 1 | 21",
    });
    expect(rows.replies_other).toBe("shape 4 | 0 | 0 | 0 | 0 | 0 | 4");
    expect(rows.requests_carried_forward).toBe("shape 0 | 0 | 0 | 0 | 0 | 0 | 0");
    expectDecidedCellsToMatch(output.runs, expected("fujian-pingtan-2020"));
  });

  it("rule 2 broken by figures read with certainty (a grid gives （七）): distrusted before any choice", () => {
    const known = new Map(COLUMNS.map((c, i) => [`replies_total__${c}`, [20, 0, 0, 0, 0, 1, 21][i]!]));
    const runs = table3Runs(RESULTS_2019, printed2020).filter((r) => r.id !== "replies_total");
    const output = splitRuns({ runs, known, rules: table3Rules(RESULTS_2019) });
    expect(output.distrusted).toEqual(["results_add_up"]);
    expect(decided(output.runs.get("requests_received"))).toEqual({ split: "20 | 0 | 0 | 0 | 0 | 1 | 21", by: "rules", candidates: 4 });
  });

  it("rules with splits: false are never used, and rules across years are left out", () => {
    const rows = [run("requests_received", "200 000121", COLUMNS.map((c) => [`requests_received__${c}`, "count"]))];
    const notForSplitting = [rule("row_total", "row_total__requests_received", ["requests_received__total"], "=", COLUMNS.slice(0, 6).map((c) => `requests_received__${c}`), { splits: false })];
    expect(splitRuns({ runs: rows, known: new Map(), rules: notForSplitting }).runs.get("requests_received")).toMatchObject({ reason: "several_splits", count: 4 });
    // carried_over of this year = carried_forward of last year: a term of another report, not a constraint here.
    const acrossYears: ConcreteRule = {
      ...rule("carried_over_matches_last_year", "x", ["requests_received__natural_person"], "=", ["requests_carried_forward__natural_person"]),
      right: [{ indicator: "requests_carried_forward__natural_person", sign: 1, previous: true }],
    };
    const known = new Map([["requests_carried_forward__natural_person", 200]]);
    expect(splitRuns({ runs: rows, known, rules: [acrossYears] }).runs.get("requests_received")).toMatchObject({ reason: "several_splits", count: 4 });
  });
});

// ---------------------------------------------------------------- 表四

const GROUPS = ["reconsideration", "litigation_direct", "litigation_after_reconsideration"];
const RESULTS_4 = ["upheld", "corrected", "other", "pending", "total"];
const TABLE_4_SLOTS = GROUPS.flatMap((g) => RESULTS_4.map((r) => [`${g}__${r}`, "count"] as [string, CellValue]));
const table4Rules = (splits = true) => GROUPS.map((g) => rule("review_totals", `review_totals__${g}`, [`${g}__total`], "=", RESULTS_4.slice(0, 4).map((r) => `${g}__${r}`), { splits }));

describe("表四 (平潭 2025: 25380363300630003, 17 digits for 15 cells)", () => {
  const review = run("review", "25380363300630003", TABLE_4_SLOTS);

  it("with rule 4 (each total = its four results) exactly one of the 48 splits fits", () => {
    const output = splitRuns({ runs: [review], known: new Map(), rules: table4Rules() });
    expect(decided(output.runs.get("review"))).toEqual({ split: "25 | 3 | 8 | 0 | 36 | 3 | 3 | 0 | 0 | 6 | 3 | 0 | 0 | 0 | 3", by: "rules", candidates: 48 });
    expectDecidedCellsToMatch(output.runs, expected("fujian-pingtan-2025"));
  });

  it("the two 行政诉讼 rules alone fix the ten 诉讼 cells but not the 复议 ones, so the run stays open", () => {
    const litigationOnly = splitRuns({ runs: [review], known: new Map(), rules: table4Rules().slice(1) });
    const outcome = litigationOnly.runs.get("review");
    expect(outcome).toMatchObject({ status: "undecided", reason: "several_splits", count: 11 });
    const candidates = (outcome as { candidates: string[] }).candidates;
    expect(candidates.every((c) => c.endsWith(" | 3 | 3 | 0 | 0 | 6 | 3 | 0 | 0 | 0 | 3"))).toBe(true);
    expect(candidates.slice(0, 3)).toEqual([
      "2 | 5 | 3 | 80 | 36 | 3 | 3 | 0 | 0 | 6 | 3 | 0 | 0 | 0 | 3",
      "2 | 5 | 3 | 803 | 6 | 3 | 3 | 0 | 0 | 6 | 3 | 0 | 0 | 0 | 3",
      "2 | 5 | 38 | 0 | 36 | 3 | 3 | 0 | 0 | 6 | 3 | 0 | 0 | 0 | 3",
    ]);
    const reconsiderationOnly = splitRuns({ runs: [review], known: new Map(), rules: table4Rules().slice(0, 1) });
    expect(decided(reconsiderationOnly.runs.get("review")).split).toBe("25 | 3 | 8 | 0 | 36 | 3 | 3 | 0 | 0 | 6 | 3 | 0 | 0 | 0 | 3");
  });

  it("if the catalog marks rule 4 splits: false, all 48 splits stay open", () => {
    const output = splitRuns({ runs: [review], known: new Map(), rules: table4Rules(false) });
    expect(output.runs.get("review")).toMatchObject({ status: "undecided", reason: "several_splits", count: 48 });
  });

  it("平潭 2022's space-separated 表四 is fifteen cells by shape", () => {
    const output = splitRuns({ runs: [run("review", "0 1 1 0 2 1 0 0 0 1 0 0 0 0 0", TABLE_4_SLOTS)], known: new Map(), rules: table4Rules() });
    expect(decided(output.runs.get("review"))).toEqual({ split: "0 | 1 | 1 | 0 | 2 | 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0", by: "shape", candidates: 1 });
    expectDecidedCellsToMatch(output.runs, expected("fujian-pingtan-2022"));
  });
});

// ---------------------------------------------------------------- cells, limits, warnings

describe("cells and limits", () => {
  const one = (printed: string, slots: [string, CellValue][], rules: ConcreteRule[] = []) => splitRuns({ runs: [run("row", printed, slots)], known: new Map(), rules }).runs.get("row");

  it("no leading zeros: 00 is two cells of 0, never one", () => {
    expect(one("00", [["a", "count"]])).toEqual({ status: "undecided", reason: "no_split", candidates: [], count: 0 });
    expect(decided(one("00", [["a", "count"], ["b", "count"]]))).toEqual({ split: "0 | 0", by: "shape", candidates: 1 });
  });

  it("no_split: too few digits, letters, two decimal points", () => {
    expect(one("7", [["a", "count"], ["b", "count"]])).toMatchObject({ reason: "no_split" });
    expect(one("12a4", [["a", "count"], ["b", "count"]])).toMatchObject({ reason: "no_split" });
    expect(one("12.3.4", [["a", "count"], ["b", "amount"]])).toMatchObject({ reason: "no_split" });
    expect(one("12.5", [["a", "count"], ["b", "count"]])).toMatchObject({ reason: "no_split" });
    expect(one("1 2 3", [["a", "count"], ["b", "count"]])).toMatchObject({ reason: "no_split" });
  });

  it("a sign only begins a signed cell; + is kept in raw", () => {
    expect(decided(one("+1036", [["change", "signed"]]))).toEqual({ split: "+1036", by: "shape", candidates: 1 });
    expect(one("-18", [["decisions", "count"]])).toMatchObject({ reason: "no_split" });
    expect(one("3-5", [["a", "count"], ["b", "count"]])).toMatchObject({ reason: "no_split" });
  });

  it("full-width digits are read, offsets unchanged", () => {
    const outcome = one("３５－１５", [["prev", "count"], ["change", "signed"]]);
    expect((outcome as { cells: CellPiece[] }).cells).toEqual([
      { id: "prev", chunk: 0, from: 0, to: 2, raw: "３５", value: 35 },
      { id: "change", chunk: 0, from: 2, to: 5, raw: "－１５", value: -15 },
    ]);
  });

  it("decimal sums compare exactly (0.1 + 0.2 = 0.3 in a rule)", () => {
    const rules = [rule("sum", "sum", ["total"], "=", ["a", "b"])];
    const output = splitRuns({ runs: [run("parts", "0.10.2", [["a", "amount"], ["b", "amount"]])], known: new Map([["total", 0.3]]), rules });
    expect(decided(output.runs.get("parts"))).toEqual({ split: "0.1 | 0.2", by: "shape", candidates: 1 });
    // 5.125.5 is 5.1 | 25.5 or 5.12 | 5.5; in floating point 5.12 + 5.5 is 10.620000000000001.
    const glued = splitRuns({ runs: [run("parts", "5.125.5", [["a", "amount"], ["b", "amount"]])], known: new Map([["total", 10.62]]), rules });
    expect(decided(glued.runs.get("parts"))).toEqual({ split: "5.12 | 5.5", by: "rules", candidates: 2 });
  });

  it("no_consistent_split: two rules each kept by some split, by none together", () => {
    const row = run("r", "330000033", COLUMNS.map((c) => [`r__${c}`, "count"]));
    const rules = [rule("natural_person_at_most", "np", ["r__natural_person"], "<=", ["n"]), rule("commercial_at_most", "co", ["r__commercial"], "<=", ["z"])];
    const output = splitRuns({ runs: [row], known: new Map([["n", 3], ["z", 0]]), rules });
    expect(output.distrusted).toEqual([]);
    expect(output.runs.get("r")).toEqual({
      status: "undecided",
      reason: "no_consistent_split",
      candidates: ["3 | 30 | 0 | 0 | 0 | 0 | 33", "3 | 300 | 0 | 0 | 0 | 3 | 3", "33 | 0 | 0 | 0 | 0 | 0 | 33", "330 | 0 | 0 | 0 | 0 | 3 | 3"],
      count: 4,
    });
    // Either rule alone settles nothing: two splits keep it.
    expect(splitRuns({ runs: [row], known: new Map([["n", 3]]), rules: rules.slice(0, 1) }).runs.get("r")).toMatchObject({ reason: "several_splits", count: 2 });
    // A rule that no split can keep is the report's own break: distrusted, not a conflict.
    const broken = splitRuns({ runs: [row], known: new Map([["n", 2], ["z", 0]]), rules });
    expect(broken.distrusted).toEqual(["natural_person_at_most"]);
    expect(broken.runs.get("r")).toMatchObject({ reason: "several_splits", count: 2 });
  });

  it("too_many_splits: a run of 30 non-zero digits for 7 cells has 453,999 splits, beyond the 50,000 cap", () => {
    // Compositions of 30 into 7 parts of at most 15 digits: C(29,6) − 7·C(14,6) = 475,020 − 21,021.
    const outcome = one("123456789123456789123456789123", COLUMNS.map((c) => [c, "count"]));
    expect(outcome).toMatchObject({ status: "undecided", reason: "too_many_splits", count: 453_999 });
    expect((outcome as { candidates: string[] }).candidates).toHaveLength(20);
    // The first in order: five one-digit cells, then the shortest sixth that leaves the last at most 15 digits.
    expect((outcome as { candidates: string[] }).candidates[0]).toBe("1 | 2 | 3 | 4 | 5 | 6789123456 | 789123456789123");
  });

  it("a cell of more than 15 digits is no figure", () => {
    expect(one("1234567891234567", [["a", "count"]])).toMatchObject({ reason: "no_split" });
    expect(decided(one("123456789123456", [["a", "count"]])).split).toBe("123456789123456");
  });

  it("the node budget: beyond it, the runs of the group are too_many_splits (runs split by shape keep their split)", () => {
    const runs = table3Runs(RESULTS_2021, PRINTED_2025);
    const output = splitRuns({ runs, known: new Map(), rules: table3Rules(RESULTS_2021) }, { candidatesPerRun: 50_000, nodes: 3 });
    expect(output.runs.get("requests_received")).toMatchObject({ status: "undecided", reason: "too_many_splits", count: 31 });
    expect(output.runs.get("replies_total")).toMatchObject({ status: "undecided", reason: "too_many_splits" });
    expect(decided(output.runs.get("requests_carried_over")).by).toBe("shape");
  });

  it("is deterministic: rules and runs in another order give the same outcomes", () => {
    const runs = table3Runs(RESULTS_2021, PRINTED_2025);
    const rules = table3Rules(RESULTS_2021);
    const a = splitRuns({ runs, known: new Map(), rules });
    const b = splitRuns({ runs: [...runs].reverse(), known: new Map(), rules: [...rules].reverse() });
    expect(new Map([...b.runs].sort(([x], [y]) => runs.findIndex((r) => r.id === x) - runs.findIndex((r) => r.id === y)))).toEqual(a.runs);
  });

  it("rejects a cell claimed by two runs, or by a run and a known figure", () => {
    expect(() => splitRuns({ runs: [run("a", "12", [["x", "count"], ["y", "count"]]), run("b", "3", [["x", "count"]])], known: new Map(), rules: [] })).toThrow(/x is a cell of both a and b/);
    expect(() => splitRuns({ runs: [run("a", "12", [["x", "count"], ["y", "count"]])], known: new Map([["y", 2]]), rules: [] })).toThrow(/y is a cell of a and also a known figure/);
  });
});

describe("splitWarnings", () => {
  it("names the printed text and the candidates of every run left null, and each distrusted family", () => {
    const input: SplitInput = {
      runs: [
        run("normative_docs", "7777166", cellsOf("normative_docs", DOCS_2019)),
        run("rules", "007", cellsOf("rules", DOCS_2019)),
        run("row", "12a", [["a", "count"], ["b", "count"]]),
        fujianRow("proactive_total", "1853 1795"),
      ],
      known: new Map(),
      rules: [...RULES_2019_TABLE_2, ...FUJIAN_RULES],
    };
    const warnings = splitWarnings(input, splitRuns(input), (id) => (id === "normative_docs" ? 40 : null));
    expect(warnings.map((w) => [w.code, w.line])).toEqual([
      ["glued_cells_ambiguous", 40],
      ["glued_cells_unsplittable", null],
      ["glued_cells_rule_distrusted", null],
    ]);
    expect(warnings[0]!.message).toBe(
      "normative_docs “7777166”：7 种拆分均符合勾稽关系 / 7 splits fit the rules: 7 | 7 | 77166；7 | 77 | 7166；77 | 7 | 7166；77 | 77 | 166；777 | 7 | 166；7777 | 1 | 66；77771 | 6 | 6 (normative_docs__new_made, normative_docs__new_published, normative_docs__published_total)",
    );
    expect(warnings[1]!.message).toContain("“a” is not part of a number");
    expect(warnings[2]!.message).toBe("cumulative_at_least_year（cumulative_at_least_year__proactive_total）");
    for (const w of warnings) expect(Object.keys(SPLIT_WARNINGS.codes)).toContain(w.code);
  });

  it("says when a split rests on the prose, and when a run has too many splits to check", () => {
    const input: SplitInput = {
      runs: [fujianRow("proactive_total", "346085376"), fujianRow("proactive_website", "346085376"), run("long", "123456789123456789123456789123", COLUMNS.map((c) => [c, "count"]))],
      known: new Map(),
      rules: FUJIAN_RULES,
      stated: new Map([["proactive_total", 3460]]),
    };
    const warnings = splitWarnings(input, splitRuns(input));
    expect(warnings.map((w) => w.code)).toEqual(["glued_cells_by_prose", "glued_cells_by_prose", "glued_cells_too_many"]);
    expect(warnings[0]!.message).toBe("proactive_total “346085376” 按正文所述数字拆为 / split by the figures the prose states into 3460 | 85376 (proactive_total, proactive_total__cumulative)");
    expect(warnings[2]!.message).toMatch(/^long “123456789123456789123456789123”：453999 种可能的拆分 .*；…（共 453999 种 \/ 453999 in all）/);
  });
});

// ---------------------------------------------------------------- brute force

/** Every split of a run, by plain recursion (independent of the solver's counting table). */
function allSplits(r: Run): { raw: string; value: number }[][] {
  const patterns: Record<CellValue, RegExp> = { count: /^(0|[1-9]\d*)$/, signed: /^[+-]?(0|[1-9]\d*)$/, amount: /^(0|[1-9]\d*)(\.\d+)?$/ };
  const out: { raw: string; value: number }[][] = [];
  const walk = (chunk: number, pos: number, cells: { raw: string; value: number }[]) => {
    const text = r.chunks[chunk]?.text;
    if (text === undefined) {
      if (cells.length === r.slots.length) out.push(cells);
      return;
    }
    if (pos === text.length) return walk(chunk + 1, 0, cells);
    if (cells.length === r.slots.length) return;
    for (let end = pos + 1; end <= text.length; end++) {
      const raw = text.slice(pos, end);
      if (patterns[r.slots[cells.length]!.value].test(raw)) walk(chunk, end, [...cells, { raw, value: Number(raw) }]);
    }
  };
  walk(0, 0, []);
  return out;
}

/** For each run, the splits that take part in some assignment of all runs satisfying every rule (tables of at most a few hundred thousand combinations). */
function bruteForce(runs: Run[], rules: ConcreteRule[]): Map<string, string[]> {
  const splits = runs.map(allSplits);
  const open = runs.map((_, i) => i).filter((i) => splits[i]!.length > 1);
  const valueOf = new Map<string, number>();
  runs.forEach((r, i) => {
    if (splits[i]!.length === 1) r.slots.forEach((s, k) => valueOf.set(s.id, splits[i]![0]![k]!.value));
  });
  const seen = open.map(() => new Set<number>());
  const choice = open.map(() => 0);
  const check = () => rules.every((rl) => {
    const side = (terms: ConcreteRule["left"]) => terms.reduce((sum, t) => sum + t.sign * valueOf.get(t.indicator)!, 0);
    const [l, rt] = [side(rl.left), side(rl.right)];
    return rl.op === "=" ? l === rt : rl.op === "<=" ? l <= rt : l >= rt;
  });
  const walk = (k: number) => {
    if (k === open.length) {
      if (check()) choice.forEach((c, j) => seen[j]!.add(c));
      return;
    }
    const i = open[k]!;
    splits[i]!.forEach((cells, c) => {
      runs[i]!.slots.forEach((s, n) => valueOf.set(s.id, cells[n]!.value));
      choice[k] = c;
      walk(k + 1);
    });
  };
  walk(0);
  return new Map(
    runs.map((r, i) => {
      const j = open.indexOf(i);
      const kept = j < 0 ? [0] : [...seen[j]!].sort((a, b) => a - b);
      return [r.id, kept.map((c) => splits[i]![c]!.map((x) => x.raw).join(" | "))];
    }),
  );
}
