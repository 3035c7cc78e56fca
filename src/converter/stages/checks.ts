/**
 * Consistency checks (勾稽关系) over a report's figures. Nothing is corrected:
 * a failed rule is published beside the figures it concerns.
 *
 * The checks come from data, in this order:
 * 1. the template's `rules`: `sum` (total = Σ parts) and `dedup_total`
 *    (each part ≤ total ≤ Σ parts, for totals that count an item once however
 *    many channels carried it);
 * 2. from the catalog's `parent` field: every child ≤ its parent;
 * 3. narrative against table: each figure the prose states must equal the
 *    table's figure for the same indicator, when the table has that row.
 * A check whose figures are missing or null is `not_assessable`. Rules are
 * judged on table figures only; prose figures are not mixed in.
 */
import type { Indicator, Rule, Template } from "../../catalog/index.ts";
import type { Check, Statistic } from "../../schema/report.ts";

type Values = Map<string, Statistic>;

/** Figures are whole numbers or money with a few decimals; compare without float noise. */
function same(a: number, b: number): boolean {
  return Math.abs(a - b) < 1e-6;
}
function format(n: number): string {
  return String(Number(n.toFixed(6)));
}

/** The values of `ids`, or the labels of those missing or null. */
function valuesOf(ids: string[], values: Values, labels: Map<string, string>): { numbers: number[] } | { missing: string[] } {
  const missing = ids.filter((id) => values.get(id)?.value == null);
  if (missing.length > 0) {
    return { missing: missing.map((id) => `${labels.get(id) ?? id}${values.has(id) ? "（未填报或无法识别）" : "（表中没有此行）"}`) };
  }
  return { numbers: ids.map((id) => values.get(id)!.value!) };
}

function notAssessable(base: Omit<Check, "status" | "message">, missing: string[]): Check {
  return { ...base, status: "not_assessable", message: `缺少数值：${missing.join("、")}` };
}

/** Every table check of a report without a statistics table says just that. */
const NO_TABLE = "报告没有统计表，无法核对";

function ruleCheck(rule: Rule, values: Values, labels: Map<string, string>): Check {
  const base = { rule: rule.id, description: rule.description, indicators: [rule.total, ...rule.parts] };
  const read = valuesOf([rule.total, ...rule.parts], values, labels);
  if ("missing" in read) return notAssessable(base, read.missing);
  const [total, ...parts] = read.numbers as [number, ...number[]];
  const sum = parts.reduce((a, b) => a + b, 0);
  const name = labels.get(rule.total) ?? rule.total;
  const terms = parts.map(format).join(" + ");
  if (rule.kind === "sum") {
    const ok = same(total, sum);
    return { ...base, status: ok ? "pass" : "fail", message: `${name} ${format(total)} ${ok ? "=" : "≠"} ${terms} = ${format(sum)}` };
  }
  const largest = Math.max(...parts);
  const lowerOk = largest <= total + 1e-6;
  const upperOk = total <= sum + 1e-6;
  const message =
    `${name} ${format(total)}：最大的一项 ${format(largest)} ${lowerOk ? "≤" : ">"} ${format(total)}，` +
    `${format(total)} ${upperOk ? "≤" : ">"} ${terms} = ${format(sum)}`;
  return { ...base, status: lowerOk && upperOk ? "pass" : "fail", message };
}

function parentCheck(child: Indicator, parentId: string, values: Values, labels: Map<string, string>): Check {
  const childName = labels.get(child.id) ?? child.id;
  const parentName = labels.get(parentId) ?? parentId;
  const base = { rule: `${child.id}_within_${parentId}`, description: `${childName} ≤ ${parentName}`, indicators: [child.id, parentId] };
  const read = valuesOf([child.id, parentId], values, labels);
  if ("missing" in read) return notAssessable(base, read.missing);
  const [c, p] = read.numbers as [number, number];
  const ok = c <= p + 1e-6;
  return { ...base, status: ok ? "pass" : "fail", message: `${childName} ${format(c)} ${ok ? "≤" : ">"} ${parentName} ${format(p)}` };
}

function narrativeCheck(text: Statistic, table: Statistic, name: string): Check {
  const base = {
    rule: `${text.indicator}_text_matches_table`,
    description: `正文所述${name}与统计表一致`,
    indicators: [text.indicator],
  };
  if (table.value == null) {
    return { ...base, status: "not_assessable", message: `正文第 ${text.line} 行为 ${format(text.value!)}，统计表第 ${table.line} 行未填报或无法识别` };
  }
  const ok = same(text.value!, table.value);
  return {
    ...base,
    status: ok ? "pass" : "fail",
    message: `正文第 ${text.line} 行“${text.raw}” ${format(text.value!)} ${ok ? "=" : "≠"} 统计表第 ${table.line} 行 ${format(table.value)}`,
  };
}

export function runChecks(input: { statistics: Statistic[]; textFigures: Statistic[]; template: Template }): Check[] {
  const { statistics, textFigures, template } = input;
  const labels = new Map(template.indicators.map((i) => [i.id, i.label]));
  const values: Values = new Map();
  // Rules judge the table; prose figures are only compared with it (a caller may pass both in one list).
  for (const statistic of statistics) {
    if (statistic.origin === "table" && !values.has(statistic.indicator)) values.set(statistic.indicator, statistic);
  }
  const indicators = [...template.indicators].sort((a, b) => a.order - b.order);

  const checks: Check[] = template.rules.map((rule) => ruleCheck(rule, values, labels));
  for (const child of indicators) {
    if (child.parent) checks.push(parentCheck(child, child.parent, values, labels));
  }
  if (values.size === 0) {
    for (const check of checks) check.message = NO_TABLE;
  }
  const order = new Map(indicators.map((i, index) => [i.id, index]));
  const stated = textFigures
    .filter((t) => t.value != null && values.has(t.indicator))
    .sort((a, b) => (order.get(a.indicator) ?? 0) - (order.get(b.indicator) ?? 0) || a.line - b.line);
  const seen = new Set<string>();
  for (const text of stated) {
    if (seen.has(text.indicator)) continue;
    seen.add(text.indicator);
    checks.push(narrativeCheck(text, values.get(text.indicator)!, labels.get(text.indicator) ?? text.indicator));
  }
  return checks;
}
