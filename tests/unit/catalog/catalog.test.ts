/**
 * The catalog data: the four templates and the concepts, as the loader
 * expands them. The id lists below are copied by hand from the format
 * descriptions the catalog was written from (2008 national table, Fujian
 * variant, 2019 trial format, 2021 format), so a dropped row, a wrong unit or
 * a wrong parent in the JSON fails here. The real-report tests read the
 * hand-read values in tests/fixtures/expected and the texts in sources/.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  CONCEPTS,
  TEMPLATES,
  getTemplate,
  type BlocksTable,
  type ConcreteRule,
  type Template,
  type Term,
} from "../../../src/catalog/index.ts";

const ids = (template: Template) => template.indicators.map((i) => i.id);
const derivedIds = (template: Template) => template.derived.map((d) => d.id);
const indicator = (template: Template, id: string) => {
  const found = template.indicators.find((i) => i.id === id);
  if (!found) throw new Error(`${template.id} has no indicator ${id}`);
  return found;
};
const derived = (template: Template, id: string) => {
  const found = template.derived.find((d) => d.id === id);
  if (!found) throw new Error(`${template.id} has no derived ${id}`);
  return found;
};
const rule = (rules: readonly ConcreteRule[], id: string) => {
  const found = rules.find((r) => r.id === id);
  if (!found) throw new Error(`no rule ${id}`);
  return found;
};
/** A concrete rule in the notation of the template files: ["a", "-b", "prev:c"]. */
const terms = (list: Term[]) => list.map((t) => `${t.sign < 0 ? "-" : ""}${t.previous ? "prev:" : ""}${t.indicator}`);
const shape = (r: ConcreteRule) => ({ left: terms(r.left), op: r.op, right: terms(r.right), splits: r.splits, absentAsZero: r.absentAsZero });

const national2008 = getTemplate("national-2008");
const fujian = getTemplate("fujian-2008");
const national2019 = getTemplate("national-2019");
const national2021 = getTemplate("national-2021");

describe("loading", () => {
  it("loads the four templates, oldest format first", () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual(["national-2008", "fujian-2008", "national-2019", "national-2021"]);
    expect(TEMPLATES.map((t) => [t.id, t.years.from, t.years.to, t.notice])).toEqual([
      ["national-2008", 2008, 2018, null],
      ["fujian-2008", 2008, 2018, null],
      ["national-2019", 2019, 2020, "国办公开办函〔2019〕60号"],
      ["national-2021", 2021, 9999, "国办公开办函〔2021〕30号"],
    ]);
  });

  it("has the printed and derived counts of each format", () => {
    expect(TEMPLATES.map((t) => [t.id, t.indicators.length, t.derived.length])).toEqual([
      ["national-2008", 58, 0],
      ["fujian-2008", 42, 0],
      ["national-2019", 198, 52],
      ["national-2021", 200, 62],
    ]);
    // 2019: 22 (表二) + 161 (表三) + 15 (表四); 2021: 10 + 175 + 15.
    const perTable = (t: Template) => ["proactive", "requests", "appeals"].map((table) => t.indicators.filter((i) => i.table === table).length);
    expect(perTable(national2019)).toEqual([22, 161, 15]);
    expect(perTable(national2021)).toEqual([10, 175, 15]);
    // Derived: 法人或其他组织 of every printed row, the group rows × 8 columns, litigation__*.
    const derivedKinds = (t: Template) => {
      const printedRow = (row: string | null) => ids(t).includes(`${row}__total`);
      return [
        t.derived.filter((d) => d.column === "legal_persons" && printedRow(d.row)).length,
        t.derived.filter((d) => d.table === "requests" && !printedRow(d.row)).length,
        t.derived.filter((d) => d.row === "litigation").length,
      ];
    };
    expect(derivedKinds(national2019)).toEqual([23, 24, 5]);
    expect(derivedKinds(national2021)).toEqual([25, 32, 5]);
  });
});

// ---------------------------------------------------------------- national-2008

// [id, unit, parent], in table order.
const NATIONAL_2008: [string, string, string | null][] = [
  ["proactive_total", "条", null],
  ["proactive_normative_docs", "条", "proactive_total"],
  ["normative_docs_issued", "件", null],
  ["proactive_gazette", "条", "proactive_total"],
  ["proactive_website", "条", "proactive_total"],
  ["proactive_weibo", "条", "proactive_total"],
  ["proactive_wechat", "条", "proactive_total"],
  ["proactive_other", "条", "proactive_total"],
  ["response_hotspots", "次", null],
  ["response_press_conferences", "次", null],
  ["response_press_conferences_by_leaders", "次", "response_press_conferences"],
  ["response_online_interviews", "次", null],
  ["response_online_interviews_by_leaders", "次", "response_online_interviews"],
  ["response_policy_interpretations", "篇", null],
  ["response_weibo_wechat", "次", null],
  ["response_other", "次", null],
  ["requests_received", "件", null],
  ["requests_in_person", "件", "requests_received"],
  ["requests_fax", "件", "requests_received"],
  ["requests_online", "件", "requests_received"],
  ["requests_mail", "件", "requests_received"],
  ["requests_closed", "件", null],
  ["requests_closed_on_time", "件", "requests_closed"],
  ["requests_closed_extended", "件", "requests_closed"],
  ["replies_total", "件", null],
  ["replies_already_public", "件", "replies_total"],
  ["replies_granted", "件", "replies_total"],
  ["replies_partially_granted", "件", "replies_total"],
  ["replies_denied", "件", "replies_total"],
  ["denied_state_secret", "件", "replies_denied"],
  ["denied_commercial_secret", "件", "replies_denied"],
  ["denied_privacy", "件", "replies_denied"],
  ["denied_security_stability", "件", "replies_denied"],
  ["denied_not_government_info", "件", "replies_denied"],
  ["denied_other_legal", "件", "replies_denied"],
  ["replies_not_this_agency", "件", "replies_total"],
  ["replies_not_exist", "件", "replies_total"],
  ["replies_asked_to_amend", "件", "replies_total"],
  ["replies_other_channel", "件", "replies_total"],
  ["reconsideration_total", "件", null],
  ["reconsideration_upheld", "件", "reconsideration_total"],
  ["reconsideration_corrected", "件", "reconsideration_total"],
  ["reconsideration_other", "件", "reconsideration_total"],
  ["litigation_total", "件", null],
  ["litigation_upheld", "件", "litigation_total"],
  ["litigation_corrected", "件", "litigation_total"],
  ["litigation_other", "件", "litigation_total"],
  ["complaints_total", "件", null],
  ["fees_collected", "万元", null],
  ["offices_dedicated", "个", null],
  ["reading_points", "个", null],
  ["staff_total", "人", null],
  ["staff_full_time", "人", "staff_total"],
  ["staff_part_time", "人", "staff_total"],
  ["budget_special", "万元", null],
  ["meetings", "次", null],
  ["training_sessions", "次", null],
  ["trainees", "人次", null],
];

describe("national-2008", () => {
  it("has every row of the 2008 table with its unit and parent, in table order", () => {
    expect(national2008.indicators.map((i) => [i.id, i.unit, i.parent])).toEqual(NATIONAL_2008);
  });

  it("keeps the official label, the short name, the section and the variants of the rows", () => {
    expect(indicator(national2008, "meetings")).toMatchObject({
      officialLabel: "（一）召开政府信息公开工作会议或专题会议数",
      label: "召开政府信息公开工作会议或专题会议数",
      section: "meetings_training",
      column: null,
    });
    const table = national2008.tables[0]!;
    expect(table.layout).toBe("rows");
    if (table.layout !== "rows") return;
    expect(table.rows.find((r) => r.id === "meetings")!.variants).toEqual(["召开政府信息与政务公开工作会议或专题会议数"]);
    // （二）被依法纠错数 sits under both 四 and 五; only the section tells them apart.
    expect(table.rows.filter((r) => r.label === "（二）被依法纠错数").map((r) => [r.id, r.section])).toEqual([
      ["reconsideration_corrected", "reconsideration"],
      ["litigation_corrected", "litigation"],
    ]);
    expect(table.sections.filter((s) => s.indicator).map((s) => [s.label, s.indicator])).toEqual([
      ["四、行政复议数量", "reconsideration_total"],
      ["五、行政诉讼数量", "litigation_total"],
      ["六、举报投诉数量", "complaints_total"],
      ["七、依申请公开信息收取的费用", "fees_collected"],
    ]);
    expect(table.groups.filter((g) => g.freeText).map((g) => g.label)).toEqual(["（四）申请公开的主要内容"]);
    expect(table.headerLabels).toEqual(["统计指标", "单位", "统计数"]);
  });

  it("writes the table's rules as left/op/right: sums, and the upper bound of the de-duplicated total", () => {
    expect(national2008.rules.map((r) => r.id)).toEqual([
      "proactive_channels_bound",
      "requests_received_sum",
      "requests_closed_sum",
      "replies_total_sum",
      "replies_denied_sum",
      "reconsideration_sum",
      "litigation_sum",
      "staff_sum",
    ]);
    expect(shape(rule(national2008.rules, "proactive_channels_bound"))).toEqual({
      left: ["proactive_total"],
      op: "<=",
      right: ["proactive_gazette", "proactive_website", "proactive_weibo", "proactive_wechat", "proactive_other"],
      splits: true,
      absentAsZero: false,
    });
    expect(shape(rule(national2008.rules, "requests_received_sum"))).toMatchObject({
      left: ["requests_received"],
      op: "=",
      right: ["requests_in_person", "requests_fax", "requests_online", "requests_mail"],
    });
    expect(rule(national2008.rules, "replies_total_sum").right).toHaveLength(8);
    expect(rule(national2008.rules, "replies_denied_sum").right).toHaveLength(6);
  });

  it("keeps every text cue of the indicators, now as template-level text figures", () => {
    const cues = Object.fromEntries(national2008.textFigures.map((f) => [f.indicator, f.cues.map((c) => c.before)]));
    expect(cues.proactive_website).toEqual(["政府网站公开政府信息", "政府信息网发布政府信息共", "政府网站公开", "政府门户网站主动公开政府信息"]);
    expect(cues.staff_total).toEqual(["从事政府信息工作人员共", "从事政府信息公开工作人员共"]);
    expect(cues.trainees).toEqual(["培训工作人员", "培训人数"]);
    // The 39 cues the indicators had, and 政府信息公开行政复议 (平潭地税局 2013: 收到以有关政府信息公开行政复议0件).
    expect(national2008.textFigures.reduce((n, f) => n + f.cues.length, 0)).toBe(40);
    expect(cues.reconsideration_total).toEqual(["行政复议案件", "政府信息公开行政复议"]);
  });
});

// ---------------------------------------------------------------- fujian-2008

const FUJIAN: [string, string, string | null][] = [
  ["proactive_total", "条", null],
  ["proactive_website", "条", "proactive_total"],
  ["proactive_gazette", "条", "proactive_total"],
  ["requests_received", "条", null],
  ["requests_in_person", "条", "requests_received"],
  ["requests_fax", "条", "requests_received"],
  ["requests_email", "条", "requests_received"],
  ["requests_online", "条", "requests_received"],
  ["requests_mail", "条", "requests_received"],
  ["requests_other_form", "条", "requests_received"],
  ["requests_mail_or_fax", "条", "requests_received"],
  ["replies_total", "条", null],
  ["replies_granted", "条", "replies_total"],
  ["replies_partially_granted", "条", "replies_total"],
  ["replies_denied", "条", "replies_total"],
  ["replies_other_type", "条", "replies_total"],
  ["fee_waivers_yuan", "元", null],
  ["litigation_and_complaints", "件", null],
  ["reconsideration_total", "件", null],
  ["litigation_total", "件", null],
  ["complaints_appeals", "件", null],
];

describe("fujian-2008", () => {
  it("has every row for the year and for 历年累计, with units and parents", () => {
    const expected = FUJIAN.flatMap(([id, unit, parent]) => [
      [id, unit, parent],
      [`${id}__cumulative`, unit, parent && `${parent}__cumulative`],
    ]);
    expect(fujian.indicators.map((i) => [i.id, i.unit, i.parent])).toEqual(expected);
  });

  it("lists the labels the 平潭 tables print", () => {
    const table = fujian.tables[0]!;
    if (table.layout !== "rows") throw new Error("rows layout expected");
    const labels = (id: string) => {
      const row = table.rows.find((r) => r.id === id)!;
      return [row.label, ...row.variants];
    };
    // 2011: 其中：1.网站公开; 2012: 其中：1、网站公开; 2014/2016: 其中：1、政府网站公开数; 2018: 其中：1.政府网站公开数
    expect(labels("proactive_website")).toEqual(expect.arrayContaining(["其中：1.网站公开", "其中：1、网站公开", "其中：1、政府网站公开数", "其中：1.政府网站公开数"]));
    expect(labels("proactive_total")).toEqual(["主动公开信息数", "主动公开文件数"]);
    expect(labels("requests_online")).toEqual(expect.arrayContaining(["4.网上申请数", "4、网上申请数", "2、网上申请数", "2.网上申请数"]));
    expect(labels("replies_denied")).toEqual(expect.arrayContaining(["3.否决公开答复数", "3、否决公开答复数", "3、不予公开答复数", "3.不予公开答复数"]));
    expect(labels("complaints_appeals")).toEqual(["行政申诉数", "行政申诉、举报数"]);
    expect(table.columns.map((c) => [c.id, c.label, c.variants])).toEqual([
      [null, "本年度", ["年度"]],
      ["cumulative", "历年累计", []],
    ]);
  });

  it("checks 历年累计 ≥ the year for every row, and the sums per column over the rows a year prints", () => {
    const cumulative = fujian.rules.filter((r) => r.family === "cumulative_at_least_year");
    expect(cumulative).toHaveLength(21);
    expect(shape(rule(fujian.rules, "cumulative_at_least_year__requests_received"))).toEqual({
      left: ["requests_received__cumulative"],
      op: ">=",
      right: ["requests_received"],
      splits: true,
      absentAsZero: false,
    });
    expect(rule(fujian.rules, "cumulative_at_least_year__requests_received").description).toBe("受理依申请公开信息总数：历年累计 ≥ 本年度（累计数含本年）");
    expect(shape(rule(fujian.rules, "requests_channels_sum_cumulative"))).toEqual({
      left: ["requests_received__cumulative"],
      op: "=",
      right: [
        "requests_in_person__cumulative",
        "requests_fax__cumulative",
        "requests_email__cumulative",
        "requests_online__cumulative",
        "requests_mail__cumulative",
        "requests_other_form__cumulative",
        "requests_mail_or_fax__cumulative",
      ],
      splits: true,
      absentAsZero: true,
    });
    expect(shape(rule(fujian.rules, "replies_types_sum"))).toMatchObject({
      left: ["replies_total"],
      right: ["replies_granted", "replies_partially_granted", "replies_denied", "replies_other_type"],
      absentAsZero: true,
    });
    expect(fujian.rules.filter((r) => r.family.includes("within_proactive")).map((r) => [r.id, ...terms(r.left), r.op, ...terms(r.right)])).toEqual([
      ["website_within_proactive", "proactive_website", "<=", "proactive_total"],
      ["website_within_proactive_cumulative", "proactive_website__cumulative", "<=", "proactive_total__cumulative"],
      ["gazette_within_proactive", "proactive_gazette", "<=", "proactive_total"],
      ["gazette_within_proactive_cumulative", "proactive_gazette__cumulative", "<=", "proactive_total__cumulative"],
    ]);
  });
});

// ---------------------------------------------------------------- national-2019 and national-2021

const COLUMNS = ["natural_person", "commercial", "research", "public_interest", "legal_services", "other_org", "total"];
const LEGAL = ["commercial", "research", "public_interest", "legal_services", "other_org"];

// 表三 rows [stem, parent row], in table order.
const REQUEST_ROWS_HEAD: [string, string | null][] = [
  ["requests_received", null],
  ["requests_carried_over", null],
  ["replies_granted", "replies_total"],
  ["replies_partially_granted", "replies_total"],
  ["denied_state_secret", "replies_denied"],
  ["denied_law_prohibited", "replies_denied"],
  ["denied_security_stability", "replies_denied"],
  ["denied_third_party", "replies_denied"],
  ["denied_internal_affairs", "replies_denied"],
  ["denied_process_info", "replies_denied"],
  ["denied_enforcement_file", "replies_denied"],
  ["denied_inquiry", "replies_denied"],
  ["unavailable_not_held", "replies_unavailable"],
  ["unavailable_needs_creation", "replies_unavailable"],
  ["unavailable_unclear", "replies_unavailable"],
  ["not_processed_petition", "replies_not_processed"],
  ["not_processed_repeat", "replies_not_processed"],
  ["not_processed_publication", "replies_not_processed"],
  ["not_processed_excessive", "replies_not_processed"],
  ["not_processed_confirmation", "replies_not_processed"],
];
const REQUEST_ROWS_TAIL: [string, string | null][] = [
  ["replies_total", null],
  ["requests_carried_forward", null],
];
const REQUEST_ROWS_2019 = [...REQUEST_ROWS_HEAD, ["replies_other", "replies_total"], ...REQUEST_ROWS_TAIL] as [string, string | null][];
const REQUEST_ROWS_2021 = [
  ...REQUEST_ROWS_HEAD,
  ["other_no_amendment", "replies_other"],
  ["other_fee_unpaid", "replies_other"],
  ["other_misc", "replies_other"],
  ...REQUEST_ROWS_TAIL,
] as [string, string | null][];

// 表二 [id, unit, block caption].
const PROACTIVE_2019: [string, string, string][] = [
  ["rules__new_made", "件", "第二十条第（一）项"],
  ["rules__new_published", "件", "第二十条第（一）项"],
  ["rules__published_total", "件", "第二十条第（一）项"],
  ["normative_docs__new_made", "件", "第二十条第（一）项"],
  ["normative_docs__new_published", "件", "第二十条第（一）项"],
  ["normative_docs__published_total", "件", "第二十条第（一）项"],
  ["licensing__prev_year_items", "项", "第二十条第（五）项"],
  ["licensing__change", "项", "第二十条第（五）项"],
  ["licensing__decisions", "件", "第二十条第（五）项"],
  ["other_services__prev_year_items", "项", "第二十条第（五）项"],
  ["other_services__change", "项", "第二十条第（五）项"],
  ["other_services__decisions", "件", "第二十条第（五）项"],
  ["penalties__prev_year_items", "项", "第二十条第（六）项"],
  ["penalties__change", "项", "第二十条第（六）项"],
  ["penalties__decisions", "件", "第二十条第（六）项"],
  ["coercion__prev_year_items", "项", "第二十条第（六）项"],
  ["coercion__change", "项", "第二十条第（六）项"],
  ["coercion__decisions", "件", "第二十条第（六）项"],
  ["admin_fees__prev_year_items", "项", "第二十条第（八）项"],
  ["admin_fees__change", "项", "第二十条第（八）项"],
  ["central_procurement__projects", "项", "第二十条第（九）项"],
  ["central_procurement__amount", "万元", "第二十条第（九）项"],
];
const PROACTIVE_2021: [string, string, string][] = [
  ["rules__issued", "件", "第二十条第（一）项"],
  ["rules__repealed", "件", "第二十条第（一）项"],
  ["rules__in_force", "件", "第二十条第（一）项"],
  ["normative_docs__issued", "件", "第二十条第（一）项"],
  ["normative_docs__repealed", "件", "第二十条第（一）项"],
  ["normative_docs__in_force", "件", "第二十条第（一）项"],
  ["licensing__decisions", "件", "第二十条第（五）项"],
  ["penalties__decisions", "件", "第二十条第（六）项"],
  ["coercion__decisions", "件", "第二十条第（六）项"],
  ["admin_fees__amount", "万元", "第二十条第（八）项"],
];

// 表四 [id, parent]; the group totals' parent, litigation__total, is a derived figure (see below).
const APPEALS: [string, string | null][] = ["reconsideration", "litigation_direct", "litigation_after_reconsideration"].flatMap((group) => [
  ...["upheld", "corrected", "other", "pending"].map((c) => [`${group}__${c}`, `${group}__total`] as [string, string]),
  [`${group}__total`, null] as [string, null],
]);

function blockCaptionOf(template: Template, id: string): string {
  const table = template.tables.find((t) => t.id === "proactive") as BlocksTable;
  const i = indicator(template, id);
  const block = table.blocks.find((b) => b.rows.some((r) => r.id === i.row) && b.columns.some((c) => c.id === i.column));
  return block!.caption;
}

describe.each([
  { template: national2019, proactive: PROACTIVE_2019, requestRows: REQUEST_ROWS_2019, groups: ["replies_denied", "replies_unavailable", "replies_not_processed"] },
  { template: national2021, proactive: PROACTIVE_2021, requestRows: REQUEST_ROWS_2021, groups: ["replies_denied", "replies_unavailable", "replies_not_processed", "replies_other"] },
])("$template.id", ({ template, proactive, requestRows, groups }) => {
  it("has every 表二 figure with its unit, in the block of its 第二十条 item", () => {
    expect(template.indicators.filter((i) => i.table === "proactive").map((i) => [i.id, i.unit, blockCaptionOf(template, i.id)])).toEqual(proactive);
  });

  it("has every 表三 cell (row × seven columns), each 件 with its parent row in the same column", () => {
    const expected = requestRows.flatMap(([row, parent]) => COLUMNS.map((c) => [`${row}__${c}`, "件", parent && `${parent}__${c}`]));
    expect(template.indicators.filter((i) => i.table === "requests").map((i) => [i.id, i.unit, i.parent])).toEqual(expected);
  });

  it("has every 表四 cell, each 件, results under their group's 总计", () => {
    expect(template.indicators.filter((i) => i.table === "appeals").map((i) => [i.id, i.unit, i.parent])).toEqual(APPEALS.map(([id, parent]) => [id, "件", parent]));
    expect(indicator(template, "litigation_direct__upheld").officialLabel).toBe("行政诉讼 / 未经复议直接起诉 / 结果维持");
  });

  it("derives 法人或其他组织, the group rows and litigation__*", () => {
    expect(derived(template, "requests_received__legal_persons")).toMatchObject({
      sumOf: LEGAL.map((c) => `requests_received__${c}`),
      parent: "requests_received__total",
      unit: "件",
    });
    expect(template.derived.filter((d) => d.column === "total" && d.table === "requests").map((d) => [d.id, d.parent])).toEqual(
      groups.map((g) => [`${g}__total`, "replies_total__total"]),
    );
    const members = Object.fromEntries(groups.map((g) => [g, requestRows.filter(([, parent]) => parent === g).map(([row]) => `${row}__natural_person`)]));
    for (const g of groups) expect(derived(template, `${g}__natural_person`).sumOf).toEqual(members[g]);
    expect(derived(template, "replies_denied__legal_persons").sumOf).toEqual(requestRows.filter(([, p]) => p === "replies_denied").map(([r]) => `${r}__legal_persons`));
    expect(template.derived.filter((d) => d.row === "litigation").map((d) => [d.id, d.sumOf, d.parent])).toEqual([
      ["litigation__upheld", ["litigation_direct__upheld", "litigation_after_reconsideration__upheld"], "litigation__total"],
      ["litigation__corrected", ["litigation_direct__corrected", "litigation_after_reconsideration__corrected"], "litigation__total"],
      ["litigation__other", ["litigation_direct__other", "litigation_after_reconsideration__other"], "litigation__total"],
      ["litigation__pending", ["litigation_direct__pending", "litigation_after_reconsideration__pending"], "litigation__total"],
      ["litigation__total", ["litigation_direct__total", "litigation_after_reconsideration__total"], null],
    ]);
  });

  it("gives each cell its value kind: signed for 本年增/减, amount for money, count for the rest", () => {
    const notCount = template.indicators.filter((i) => i.value !== "count").map((i) => [i.id, i.value, i.unit]);
    expect(notCount).toEqual(
      template === national2019
        ? [
            ["licensing__change", "signed", "项"],
            ["other_services__change", "signed", "项"],
            ["penalties__change", "signed", "项"],
            ["coercion__change", "signed", "项"],
            ["admin_fees__change", "signed", "项"],
            ["central_procurement__amount", "amount", "万元"],
          ]
        : [["admin_fees__amount", "amount", "万元"]],
    );
  });

  it("expands rule 1 per column: received + carried over = handled + carried forward", () => {
    expect(shape(rule(template.rules, "requests_balance__total"))).toEqual({
      left: ["requests_received__total", "requests_carried_over__total"],
      op: "=",
      right: ["replies_total__total", "requests_carried_forward__total"],
      splits: true,
      absentAsZero: false,
    });
    expect(template.rules.filter((r) => r.family === "requests_balance").map((r) => r.id)).toEqual(COLUMNS.map((c) => `requests_balance__${c}`));
    expect(rule(template.rules, "requests_balance__commercial").description).toMatch(/^商业企业：本年新收/);
  });

  it("expands rule 3 over every printed row of 表三 (total = the six applicant columns)", () => {
    const rowTotals = template.rules.filter((r) => r.family === "applicant_columns_sum");
    expect(rowTotals.map((r) => r.id)).toEqual(requestRows.map(([row]) => `applicant_columns_sum__${row}`));
    expect(shape(rule(template.rules, "applicant_columns_sum__replies_granted"))).toMatchObject({
      left: ["replies_granted__total"],
      right: ["natural_person", ...LEGAL].map((c) => `replies_granted__${c}`),
    });
  });

  it("states rule 4 for the three groups of 表四", () => {
    expect(shape(rule(template.rules, "litigation_direct_sum"))).toMatchObject({
      left: ["litigation_direct__total"],
      right: ["litigation_direct__upheld", "litigation_direct__corrected", "litigation_direct__other", "litigation_direct__pending"],
    });
    expect(template.rules.filter((r) => r.family.endsWith("_sum") && !r.family.startsWith("replies") && !r.family.startsWith("applicant")).map((r) => r.id)).toEqual([
      "reconsideration_sum",
      "litigation_direct_sum",
      "litigation_after_reconsideration_sum",
    ]);
  });

  it("lets every rule choose between splits of glued digits (a family the report breaks is left out by the solver)", () => {
    expect(template.rules.filter((r) => !r.splits)).toEqual([]);
  });

  it("carries the requests over from the year before, per column", () => {
    expect(shape(rule(template.acrossYears, "carried_over_continuity__total"))).toMatchObject({
      left: ["requests_carried_over__total"],
      op: "=",
      right: ["prev:requests_carried_forward__total"],
    });
  });

  it("reads the 表三 column headers with their spaced and noted forms", () => {
    const table = template.tables.find((t) => t.id === "requests")!;
    if (table.layout !== "matrix") throw new Error("matrix expected");
    expect(table.columns.map((c) => [c.id, c.label, c.parent])).toEqual([
      ["natural_person", "自然人", "total"],
      ["commercial", "商业企业", "legal_persons"],
      ["research", "科研机构", "legal_persons"],
      ["public_interest", "社会公益组织", "legal_persons"],
      ["legal_services", "法律服务机构", "legal_persons"],
      ["other_org", "其他", "legal_persons"],
      ["total", "总计", null],
    ]);
    expect(table.columns.find((c) => c.id === "commercial")!.variants).toContain("商业 企业");
    expect(table.columnGroups).toEqual([{ label: "法人或其他组织", columns: LEGAL }]);
    const row = (id: string) => table.rows.find((r) => r.id === id)!;
    expect(row("denied_law_prohibited").variants).toContain("2.其他法律行政止公开");
    expect(row("replies_partially_granted").variants).toContain("(二)部分公开(区分处理的,只计这一情形,不计其他情形)");
    expect(table.rows.filter((r) => r.role === "heading").map((r) => r.label)).toEqual(["三、本年度办理结果"]);
    expect(table.rows.filter((r) => r.role === "group").map((r) => r.id)).toEqual(groups);
  });
});

describe("national-2019 only", () => {
  it("adds up the 19 result rows, （六）其他处理 one row among them", () => {
    const sum = rule(national2019.rules, "replies_total_sum__natural_person");
    expect(terms(sum.left)).toEqual(["replies_total__natural_person"]);
    expect(terms(sum.right)).toEqual([...REQUEST_ROWS_HEAD.slice(2).map(([r]) => `${r}__natural_person`), "replies_other__natural_person"]);
  });

  it("bounds the new items and checks the catalogued matters within and across years", () => {
    expect(shape(rule(national2019.rules, "penalties_items_not_negative"))).toMatchObject({
      left: ["penalties__prev_year_items", "penalties__change"],
      op: ">=",
      right: [],
    });
    expect(shape(rule(national2019.rules, "normative_docs_published_within_total"))).toMatchObject({
      left: ["normative_docs__new_published"],
      op: "<=",
      right: ["normative_docs__published_total"],
    });
    expect(shape(rule(national2019.acrossYears, "admin_fees_items_continuity"))).toMatchObject({
      left: ["admin_fees__prev_year_items"],
      right: ["prev:admin_fees__prev_year_items", "prev:admin_fees__change"],
    });
    expect(national2019.acrossYears.map((r) => r.family).filter((f, i, all) => all.indexOf(f) === i)).toEqual([
      "carried_over_continuity",
      "licensing_items_continuity",
      "other_services_items_continuity",
      "penalties_items_continuity",
      "coercion_items_continuity",
      "admin_fees_items_continuity",
    ]);
  });
});

describe("national-2021 only", () => {
  it("keeps replies_other as the group of the three （六） rows", () => {
    expect(ids(national2021).some((id) => id.startsWith("replies_other__"))).toBe(false);
    expect(derived(national2021, "replies_other__total").sumOf).toEqual(["other_no_amendment__total", "other_fee_unpaid__total", "other_misc__total"]);
    expect(ids(national2019)).toContain("replies_other__total");
  });

  it("adds up the 21 result rows, the three （六） rows through their group", () => {
    const sum = rule(national2021.rules, "replies_total_sum__total");
    expect(terms(sum.right)).toEqual([...REQUEST_ROWS_HEAD.slice(2).map(([r]) => `${r}__total`), "replies_other__total"]);
  });

  it("checks the documents in force across years: in force = previous in force + issued − repealed", () => {
    expect(shape(rule(national2021.acrossYears, "normative_docs_in_force_continuity"))).toEqual({
      left: ["normative_docs__in_force"],
      op: "=",
      right: ["prev:normative_docs__in_force", "normative_docs__issued", "-normative_docs__repealed"],
      splits: false,
      absentAsZero: false,
    });
    expect(national2021.acrossYears.map((r) => r.family).filter((f, i, all) => all.indexOf(f) === i)).toEqual([
      "carried_over_continuity",
      "rules_in_force_continuity",
      "normative_docs_in_force_continuity",
    ]);
  });
});

// ---------------------------------------------------------------- real reports

interface Expected {
  template: string;
  figures: Record<string, number>;
  not_reported: string[];
  text_figures: Record<string, number>;
}
const expectedOf = (base: string): Expected => JSON.parse(readFileSync(`tests/fixtures/expected/${base}.json`, "utf8"));
const templateOf = (e: Expected) => getTemplate(e.template === "fujian-2008-variant" ? "fujian-2008" : e.template);
const TABLE_REPORTS = [
  "fujian-pingtan-2011",
  "fujian-pingtan-2012",
  "fujian-pingtan-county-2013",
  "fujian-pingtan-2014",
  "fujian-pingtan-2016",
  "fujian-pingtan-2018",
  "fujian-pingtan-2020",
  "fujian-pingtan-2022",
  "fujian-pingtan-2025",
  "jiangsu-hongze-2023",
  "jiangsu-shuyang-2023-fagaiju",
];

/**
 * Σ left op Σ right on a report's hand-read figures: a derived id is the sum of
 * its parts unless the report prints it (洪泽's （六）其他处理); a blank cell, or a
 * row the report does not print (unless the rule counts it as 0), leaves the
 * rule uncertain.
 */
function evaluate(r: ConcreteRule, template: Template, e: Expected): "pass" | "fail" | "uncertain" {
  const blank = new Set(e.not_reported);
  const value = (id: string): number | "blank" | "absent" => {
    if (id in e.figures) return e.figures[id]!;
    if (blank.has(id)) return "blank";
    const d = template.derived.find((x) => x.id === id);
    if (!d) return "absent";
    const parts = d.sumOf.map(value);
    const missing = parts.find((p) => typeof p !== "number");
    return missing ?? (parts as number[]).reduce((a, b) => a + b, 0);
  };
  let uncertain = false;
  const side = (list: Term[]) =>
    list.reduce((sum, t) => {
      const v = value(t.indicator);
      if (typeof v === "number") return sum + t.sign * v;
      if (!(v === "absent" && r.absentAsZero)) uncertain = true;
      return sum;
    }, 0);
  const left = side(r.left);
  const right = side(r.right);
  if (uncertain) return "uncertain";
  return (r.op === "=" ? left === right : r.op === "<=" ? left <= right : left >= right) ? "pass" : "fail";
}

describe("the corpus reports against the catalog", () => {
  it.each(TABLE_REPORTS)("%s: every hand-read figure is a printed cell of its template (or a group row the report prints)", (base) => {
    const e = expectedOf(base);
    const template = templateOf(e);
    const printed = new Set(ids(template));
    const groupCells = new Set(template.derived.filter((d) => d.table !== null && d.column !== "legal_persons").map((d) => d.id));
    const unknown = [...Object.keys(e.figures), ...e.not_reported].filter((id) => !printed.has(id) && !groupCells.has(id));
    expect(unknown).toEqual([]);
  });

  it("洪泽 2023 prints （六）其他处理 as one row: its cells are those of the group replies_other", () => {
    const e = expectedOf("jiangsu-hongze-2023");
    expect(Object.keys(e.figures).filter((id) => !ids(national2021).includes(id))).toEqual(COLUMNS.map((c) => `replies_other__${c}`));
  });

  it("the rules fail exactly where the reports break them, and nowhere else", () => {
    const outcome = Object.fromEntries(
      TABLE_REPORTS.map((base) => {
        const e = expectedOf(base);
        const template = templateOf(e);
        const results = template.rules.map((r) => [r.id, evaluate(r, template, e)] as const);
        return [base, { failed: results.filter(([, s]) => s === "fail").map(([id]) => id), uncertain: results.filter(([, s]) => s === "uncertain").length }];
      }),
    );
    expect(outcome).toEqual({
      // Rows the year does not print leave their 历年累计 ≥ 本年度 rule unassessed; the sums count them as 0.
      "fujian-pingtan-2011": { failed: [], uncertain: 4 },
      "fujian-pingtan-2012": { failed: [], uncertain: 5 },
      "fujian-pingtan-county-2013": { failed: [], uncertain: 4 },
      "fujian-pingtan-2014": { failed: [], uncertain: 5 },
      "fujian-pingtan-2016": { failed: [], uncertain: 5 },
      "fujian-pingtan-2018": { failed: [], uncertain: 6 },
      // Result rows add up to 26 / 27 against （七）总计 20 / 21.
      "fujian-pingtan-2020": { failed: ["replies_total_sum__natural_person", "replies_total_sum__total"], uncertain: 0 },
      "fujian-pingtan-2022": { failed: [], uncertain: 0 },
      "fujian-pingtan-2025": { failed: [], uncertain: 0 },
      // 行政复议 总计 0 against 10 + 1; 复议后起诉 总计 0 against 5. The three （六） rows are not printed.
      "jiangsu-hongze-2023": { failed: ["reconsideration_sum", "litigation_after_reconsideration_sum"], uncertain: 3 },
      // The five 法人或其他组织 columns are blank: rules 1 and 2 in those columns and rule 3 in every row.
      "jiangsu-shuyang-2023-fagaiju": { failed: [], uncertain: 5 + 5 + 25 },
    });
  });

  it("pick out the format of every report by its evidence alone", () => {
    const fold = (text: string) => text.normalize("NFKC").replace(/\s+/g, "");
    const scores = (base: string) => {
      const body = fold(readFileSync(`sources/${base}.txt`, "utf8"));
      return Object.fromEntries(TEMPLATES.map((t) => [t.id, t.evidence.filter((e) => body.includes(fold(e.text))).reduce((s, e) => s + e.weight, 0)]));
    };
    const winner = (base: string) => {
      const s = scores(base);
      const best = Math.max(...Object.values(s));
      return Object.keys(s).filter((id) => s[id] === best);
    };
    const cases: [string, string][] = [
      ["000_76c4b6d22ff18d10", "national-2008"],
      ["001_235b576e695992d0", "national-2008"],
      ["003_2853f03aefee650d", "national-2008"],
      ["004_dda260feeadc045e", "national-2008"],
      ...TABLE_REPORTS.map((base) => [base, templateOf(expectedOf(base)).id] as [string, string]),
    ];
    expect(cases.map(([base]) => [base, winner(base)])).toEqual(cases.map(([base, id]) => [base, [id]]));
    // Reports without a table show none of it: the year decides.
    expect(Object.values(scores("002_0db27c3e21f320cb"))).toEqual([0, 0, 0, 0]);
    expect(Object.values(scores("fujian-pingtan-2013-dishui"))).toEqual([0, 0, 0, 0]);
  });

  it("find the six section titles of the 2019 and 2021 formats in their reports", () => {
    for (const [base, template] of [["fujian-pingtan-2020", national2019], ["fujian-pingtan-2022", national2021], ["fujian-pingtan-2025", national2021]] as const) {
      const text = readFileSync(`sources/${base}.txt`, "utf8");
      const found = template.outline.filter((title) => text.includes(title)).map((title) => title.slice(0, 2));
      expect([...new Set(found)]).toEqual(["一、", "二、", "三、", "四、", "五、", "六、"]);
    }
  });
});

// ---------------------------------------------------------------- text figures

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A plain reading of the catalog's text figures (not the converter's stage,
 * which also skips approximations and parts after 其中): for each figure the
 * earliest cue followed by a number and one of its units, or zero phrase.
 */
function statedFigures(text: string, template: Template): Record<string, number> {
  const out: Record<string, number> = {};
  for (const figure of template.textFigures) {
    let first: { at: number; value: number } | null = null;
    for (const cue of figure.cues) {
      const pattern = new RegExp(`${escape(cue.before)}\\s*(?:共|为)?\\s*(\\d+(?:\\.\\d+)?)\\s*(?:${cue.units.map(escape).join("|")})`, "g");
      for (const m of text.matchAll(pattern)) if (!first || m.index < first.at) first = { at: m.index, value: Number(m[1]) };
    }
    for (const phrase of figure.zero) {
      const at = text.indexOf(phrase);
      if (at >= 0 && (!first || at < first.at)) first = { at, value: 0 };
    }
    if (first) out[figure.indicator] = first.value;
  }
  return out;
}
const sourceText = (base: string) => readFileSync(`sources/${base}.txt`, "utf8");

describe("text figures on real prose", () => {
  it("平潭地税局 2013 (no table): its cues and zero phrases give exactly the hand-read text figures", () => {
    expect(statedFigures(sourceText("fujian-pingtan-2013-dishui"), national2008)).toEqual(expectedOf("fujian-pingtan-2013-dishui").text_figures);
  });

  it("seed 002 (no table): the twelve figures its prose states, and no zero phrase fires", () => {
    expect(statedFigures(sourceText("002_0db27c3e21f320cb"), national2008)).toEqual({
      proactive_total: 42704,
      proactive_website: 21080,
      proactive_weibo: 3646,
      proactive_wechat: 2631,
      response_policy_interpretations: 260,
      requests_received: 5,
      staff_total: 69,
      staff_full_time: 15,
      staff_part_time: 54,
      meetings: 43,
      training_sessions: 72,
      trainees: 1014,
    });
  });

  it("平潭 2011–2018 (Fujian table): the prose figures and the 未收到… sentences", () => {
    const stated = (base: string) => statedFigures(sourceText(base), fujian);
    expect(stated("fujian-pingtan-2011")).toEqual({ proactive_total: 425, requests_received: 0, reconsideration_total: 0 });
    // 1913 against the table's 739: the report's own disagreement.
    expect(stated("fujian-pingtan-2012")).toEqual({ proactive_total: 1913, requests_received: 0, reconsideration_total: 0 });
    // 网上申请数3条，信函申请数4条 against the table's 4 and 0: the report's own disagreement.
    expect(stated("fujian-pingtan-county-2013")).toEqual({
      proactive_total: 1853,
      requests_received: 7,
      requests_online: 3,
      requests_mail: 4,
      replies_total: 3,
      replies_granted: 2,
      reconsideration_total: 0,
    });
    expect(stated("fujian-pingtan-2014")).toEqual({ proactive_total: 2543, reconsideration_total: 0 });
    expect(stated("fujian-pingtan-2016")).toEqual({ proactive_total: 3460, requests_received: 0, reconsideration_total: 0, litigation_total: 0 });
    expect(stated("fujian-pingtan-2018")).toEqual({ proactive_total: 2069, requests_received: 0, reconsideration_total: 0, litigation_total: 0 });
  });

  it("2019 and 2021 reports: requests, results, carry-over, appeals and normative documents as their prose states them", () => {
    expect(statedFigures(sourceText("fujian-pingtan-2020"), national2019)).toEqual({ requests_received__total: 21 });
    // 收到政府信息公开申请75件 is 新收 74 + 上年结转 1: alsoMeans makes the check uncertain, not failed.
    expect(statedFigures(sourceText("fujian-pingtan-2022"), national2021)).toEqual({
      requests_received__total: 75,
      reconsideration__total: 2,
      litigation__total: 1,
      normative_docs__in_force: 698,
      normative_docs__issued: 88,
    });
    expect(statedFigures(sourceText("fujian-pingtan-2025"), national2021)).toEqual({
      requests_received__total: 154,
      replies_total__total: 148,
      requests_carried_forward__total: 6,
      reconsideration__total: 36,
      litigation__total: 9,
    });
    expect(statedFigures(sourceText("jiangsu-hongze-2023"), national2021)).toEqual({ requests_received__total: 21 });
    expect(statedFigures(sourceText("jiangsu-shuyang-2023-fagaiju"), national2021)).toEqual({ requests_received__total: 26 });
    const received = national2021.textFigures.find((f) => f.indicator === "requests_received__total")!;
    expect(received.alsoMeans).toEqual([["requests_received__total", "requests_carried_over__total"]]);
    const e = expectedOf("fujian-pingtan-2022").figures;
    expect(e.requests_received__total! + e.requests_carried_over__total!).toBe(75);
  });
});

// ---------------------------------------------------------------- concepts

describe("concepts", () => {
  it("name, per template, ids that the template has", () => {
    for (const concept of CONCEPTS) {
      for (const [templateId, mapping] of Object.entries(concept.templates)) {
        const template = getTemplate(templateId);
        const missing = mapping.sumOf.filter((id) => !ids(template).includes(id) && !derivedIds(template).includes(id));
        expect([concept.id, templateId, missing]).toEqual([concept.id, templateId, []]);
      }
    }
  });

  it("map every row of the comparison across formats", () => {
    const mapping = Object.fromEntries(CONCEPTS.map((c) => [c.id, Object.fromEntries(Object.entries(c.templates).map(([t, m]) => [t, m.sumOf.join(" + ")]))]));
    expect(mapping).toEqual({
      requests_received: { "national-2008": "requests_received", "fujian-2008": "requests_received", "national-2019": "requests_received__total", "national-2021": "requests_received__total" },
      requests_carried_over: { "national-2019": "requests_carried_over__total", "national-2021": "requests_carried_over__total" },
      requests_carried_forward: { "national-2019": "requests_carried_forward__total", "national-2021": "requests_carried_forward__total" },
      requests_closed: { "national-2008": "requests_closed", "national-2019": "replies_total__total", "national-2021": "replies_total__total" },
      replies_total: { "national-2008": "replies_total", "fujian-2008": "replies_total", "national-2019": "replies_total__total", "national-2021": "replies_total__total" },
      replies_granted: {
        "national-2008": "replies_granted + replies_already_public",
        "fujian-2008": "replies_granted",
        "national-2019": "replies_granted__total",
        "national-2021": "replies_granted__total",
      },
      replies_partially_granted: {
        "national-2008": "replies_partially_granted",
        "fujian-2008": "replies_partially_granted",
        "national-2019": "replies_partially_granted__total",
        "national-2021": "replies_partially_granted__total",
      },
      replies_denied: { "national-2008": "replies_denied", "fujian-2008": "replies_denied", "national-2019": "replies_denied__total", "national-2021": "replies_denied__total" },
      denied_state_secret: { "national-2008": "denied_state_secret", "national-2019": "denied_state_secret__total", "national-2021": "denied_state_secret__total" },
      denied_security_stability: {
        "national-2008": "denied_security_stability",
        "national-2019": "denied_security_stability__total",
        "national-2021": "denied_security_stability__total",
      },
      denied_third_party: { "national-2008": "denied_commercial_secret + denied_privacy", "national-2019": "denied_third_party__total", "national-2021": "denied_third_party__total" },
      information_not_held: { "national-2008": "replies_not_this_agency + replies_not_exist", "national-2019": "unavailable_not_held__total", "national-2021": "unavailable_not_held__total" },
      asked_to_amend: { "national-2008": "replies_asked_to_amend", "national-2019": "unavailable_unclear__total", "national-2021": "unavailable_unclear__total + other_no_amendment__total" },
      reconsideration_total: { "national-2008": "reconsideration_total", "fujian-2008": "reconsideration_total", "national-2019": "reconsideration__total", "national-2021": "reconsideration__total" },
      reconsideration_upheld: { "national-2008": "reconsideration_upheld", "national-2019": "reconsideration__upheld", "national-2021": "reconsideration__upheld" },
      reconsideration_corrected: { "national-2008": "reconsideration_corrected", "national-2019": "reconsideration__corrected", "national-2021": "reconsideration__corrected" },
      litigation_total: { "national-2008": "litigation_total", "fujian-2008": "litigation_total", "national-2019": "litigation__total", "national-2021": "litigation__total" },
      litigation_upheld: { "national-2008": "litigation_upheld", "national-2019": "litigation__upheld", "national-2021": "litigation__upheld" },
      litigation_corrected: { "national-2008": "litigation_corrected", "national-2019": "litigation__corrected", "national-2021": "litigation__corrected" },
      normative_docs_issued: { "national-2008": "normative_docs_issued", "national-2019": "normative_docs__new_made", "national-2021": "normative_docs__issued" },
      normative_docs_published: { "national-2008": "proactive_normative_docs", "national-2019": "normative_docs__new_published" },
      rules_issued: { "national-2019": "rules__new_made", "national-2021": "rules__issued" },
      licensing_decisions: { "national-2019": "licensing__decisions", "national-2021": "licensing__decisions" },
      penalties_decisions: { "national-2019": "penalties__decisions", "national-2021": "penalties__decisions" },
      coercion_decisions: { "national-2019": "coercion__decisions", "national-2021": "coercion__decisions" },
      proactive_total: { "national-2008": "proactive_total", "fujian-2008": "proactive_total" },
      fees_collected: { "national-2008": "fees_collected" },
    });
  });

  it("write each caveat in Chinese, then the English after one ' / '", () => {
    for (const concept of CONCEPTS) {
      for (const [templateId, { caveat }] of Object.entries(concept.templates)) {
        const parts = caveat.split(" / ");
        expect([concept.id, templateId, parts.length]).toEqual([concept.id, templateId, 2]);
        expect(parts[0]).toMatch(/^[\p{Script=Han}\d（]/u);
        expect(parts[1]).toMatch(/^[A-Z\d]/);
      }
    }
  });

  it("have the unit of the indicators they sum, or a caveat naming the other unit", () => {
    const otherUnits: string[] = [];
    for (const concept of CONCEPTS) {
      for (const [templateId, mapping] of Object.entries(concept.templates)) {
        const template = getTemplate(templateId);
        for (const id of mapping.sumOf) {
          const unit = template.indicators.find((i) => i.id === id)?.unit ?? derived(template, id).unit;
          if (unit === concept.unit) continue;
          expect([concept.id, templateId, mapping.caveat.includes(`单位为${unit}`)]).toEqual([concept.id, templateId, true]);
          otherUnits.push(`${concept.id} ${templateId} ${unit}`);
        }
      }
    }
    expect(otherUnits).toEqual([
      "requests_received fujian-2008 条",
      "replies_total fujian-2008 条",
      "replies_granted fujian-2008 条",
      "replies_partially_granted fujian-2008 条",
      "replies_denied fujian-2008 条",
      "normative_docs_published national-2008 条",
    ]);
  });
});
