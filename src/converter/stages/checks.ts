/**
 * Consistency checks (勾稽关系) over a report's figures. Nothing is corrected:
 * a failed rule is published beside the figures it concerns.
 *
 * From the catalog, in this order:
 * 1. the template's rules, Σ left op Σ right (received + carried over =
 *    results + carried forward, 总计 = the six applicant columns …);
 * 2. for tables of the `rows` layout, every child ≤ its parent;
 * 3. prose against table: a figure the prose states equals the table's;
 * 4. across years (`acrossYearChecks`, run once the corpus is known): the
 *    same body's report of the year before (结转 = 上年结转 …).
 * Status: pass / fail; uncertain when an operand is printed but null (blank,
 * unreadable); not_assessable when an operand is not in the report at all.
 */
import type { ConcreteRule, Template, Term } from "../../catalog/index.ts";
import { figureOf, type Figure } from "../../report/figures.ts";
import type { Check, DerivedFigure, Statistic } from "../../schema/report.ts";

type Figures = Pick<{ statistics: Statistic[]; derived: DerivedFigure[] }, "statistics" | "derived">;

/** Figures are whole numbers or money with a few decimals; compare without float noise. */
function same(a: number, b: number): boolean {
  return Math.abs(a - b) < 1e-6;
}

export function formatNumber(n: number): string {
  return String(Number(n.toFixed(6)));
}

const LABELS = new WeakMap<Template, Map<string, string>>();

function labelOf(template: Template, id: string): string {
  let labels = LABELS.get(template);
  if (!labels) {
    // Derived first, so a printed indicator's label wins where both have the id.
    labels = new Map([...template.derived.map((d) => [d.id, d.label] as const), ...template.indicators.map((i) => [i.id, i.label] as const)]);
    LABELS.set(template, labels);
  }
  return labels.get(id) ?? id;
}

interface Operand {
  term: Term;
  figure: Figure;
}

function judge(op: ConcreteRule["op"], left: number, right: number): boolean {
  if (op === "=") return same(left, right);
  if (op === "<=") return left <= right + 1e-6;
  return left + 1e-6 >= right;
}

const NOT = { "=": "≠", "<=": ">", ">=": "<" } as const;

function termText(template: Template, operand: Operand, value: number | null): string {
  const name = `${operand.term.previous ? "上年" : ""}${labelOf(template, operand.term.indicator)}`;
  return `${operand.term.sign < 0 ? "− " : ""}${name} ${value === null ? "?" : formatNumber(value)}`;
}

/** Evaluate one rule against this year's figures (and last year's, for rules across years). */
export function evaluateRule(
  template: Template,
  rule: ConcreteRule,
  current: Figures,
  previous: Figures | null,
  scope: Check["scope"],
): Check {
  const operands = [...rule.left, ...rule.right].map((term): Operand => ({
    term,
    figure: term.previous ? (previous ? figureOf(previous, term.indicator) : { kind: "absent" }) : figureOf(current, term.indicator),
  }));
  const indicators = [...new Set(operands.filter((o) => !o.term.previous).map((o) => o.term.indicator))];
  const base = { rule: rule.id, scope, description: rule.description, indicators };
  const absent = operands.filter((o) => o.figure.kind === "absent" && !(rule.absentAsZero && !o.term.previous));
  if (absent.length > 0) {
    const names = absent.map((o) => `${o.term.previous ? "上年" : ""}${labelOf(template, o.term.indicator)}`);
    return { ...base, status: "not_assessable", message: `报告中没有：${[...new Set(names)].join("、")}` };
  }
  const valueOfOperand = (o: Operand): number | null => (o.figure.kind === "absent" ? 0 : o.figure.value);
  const unread = operands.filter((o) => valueOfOperand(o) === null);
  if (unread.length > 0) {
    const names = unread.map((o) => `${o.term.previous ? "上年" : ""}${labelOf(template, o.term.indicator)}`);
    return { ...base, status: "uncertain", message: `未填报或无法确定：${[...new Set(names)].join("、")}` };
  }
  const side = (terms: readonly Term[]) => {
    const list = operands.filter((o) => terms.includes(o.term));
    return { list, total: list.reduce((sum, o) => sum + o.term.sign * valueOfOperand(o)!, 0) };
  };
  const left = side(rule.left);
  const right = side(rule.right);
  const ok = judge(rule.op, left.total, right.total);
  const describe = (s: ReturnType<typeof side>) =>
    s.list.length === 0 ? "0" : s.list.length === 1 ? termText(template, s.list[0]!, valueOfOperand(s.list[0]!)) : `${s.list.map((o) => termText(template, o, valueOfOperand(o))).join(" + ").replaceAll("+ − ", "− ")} = ${formatNumber(s.total)}`;
  return { ...base, status: ok ? "pass" : "fail", message: `${describe(left)} ${ok ? rule.op.replace("<=", "≤").replace(">=", "≥") : NOT[rule.op]} ${describe(right)}` };
}

/** child ≤ parent for the rows of a `rows` table (the channels of 主动公开, the reasons of 不同意公开 …). */
export function parentRules(template: Template): ConcreteRule[] {
  const rowsTables = new Set(template.tables.filter((t) => t.layout === "rows").map((t) => t.id));
  const ids = new Set(template.indicators.map((i) => i.id));
  return template.indicators
    .filter((i) => i.parent !== null && rowsTables.has(i.table) && ids.has(i.parent))
    .map((child) => ({
      id: `${child.id}_within_${child.parent}`,
      family: "parent",
      description: `${child.label} ≤ ${labelOf(template, child.parent!)}`,
      left: [{ indicator: child.id, sign: 1 as const, previous: false }],
      op: "<=" as const,
      right: [{ indicator: child.parent!, sign: 1 as const, previous: false }],
      splits: true,
      absentAsZero: false,
    }));
}

/** A figure the prose states against the table's figure for the same indicator. */
function textCheck(template: Template, text: Statistic, report: Figures): Check | null {
  const table = figureOf(report, text.indicator);
  if (table.kind === "absent" || (table.kind === "statistic" && table.statistic.origin !== "table") || text.value === null) return null;
  const name = labelOf(template, text.indicator);
  const base = { rule: `${text.indicator}_text_matches_table`, scope: "text" as const, description: `正文所述${name}与统计表一致`, indicators: [text.indicator] };
  if (table.value === null) {
    return { ...base, status: "uncertain", message: `正文第 ${text.line} 行为 ${formatNumber(text.value)}，统计表中未填报或无法确定` };
  }
  if (same(text.value, table.value)) {
    return { ...base, status: "pass", message: `正文第 ${text.line} 行“${text.raw}” ${formatNumber(text.value)} = 统计表 ${formatNumber(table.value)}` };
  }
  const figure = template.textFigures.find((f) => f.indicator === text.indicator);
  for (const sum of figure?.alsoMeans ?? []) {
    const parts = sum.map((id) => figureOf(report, id));
    if (parts.some((p) => p.kind === "absent" || p.value === null)) continue;
    const total = parts.reduce((s, p) => s + (p.kind === "absent" ? 0 : p.value!), 0);
    if (same(total, text.value)) {
      const shown = sum.map((id, i) => `${labelOf(template, id)} ${formatNumber((parts[i] as { value: number }).value)}`).join(" + ");
      return {
        ...base,
        status: "uncertain",
        message: `正文第 ${text.line} 行“${text.raw}” ${formatNumber(text.value)} ≠ 统计表 ${formatNumber(table.value)}，但等于 ${shown}：正文所说的可能包括后者`,
      };
    }
  }
  return { ...base, status: "fail", message: `正文第 ${text.line} 行“${text.raw}” ${formatNumber(text.value)} ≠ 统计表 ${formatNumber(table.value)}` };
}

export interface ChecksInput {
  template: Template;
  report: Figures;
  /** Figures the prose states, including those the table also holds (they are not published twice). */
  textFigures: readonly Statistic[];
  hasTable: boolean;
}

export function runChecks(input: ChecksInput): Check[] {
  const { template, report } = input;
  const tableOnly: Figures = { statistics: report.statistics.filter((s) => s.origin === "table"), derived: report.derived };
  const checks = [...template.rules, ...parentRules(template)].map((rule) => {
    const check = evaluateRule(template, rule, tableOnly, null, "table");
    return input.hasTable ? check : { ...check, status: "not_assessable" as const, message: "报告没有统计表，无法核对" };
  });
  const order = new Map(template.indicators.map((i, n) => [i.id, n]));
  const seen = new Set<string>();
  const stated = [...input.textFigures].sort((a, b) => (order.get(a.indicator) ?? 1e9) - (order.get(b.indicator) ?? 1e9) || a.span.start - b.span.start);
  for (const text of stated) {
    if (seen.has(text.indicator)) continue;
    const check = textCheck(template, text, tableOnly);
    if (!check) continue;
    seen.add(text.indicator);
    checks.push(check);
  }
  return checks;
}

/** Checks of a report against the same body's report of the year before (template rules `acrossYears`). */
export function acrossYearChecks(template: Template, current: Figures, previous: Figures): Check[] {
  const tableOnly = (f: Figures): Figures => ({ statistics: f.statistics.filter((s) => s.origin === "table"), derived: f.derived });
  return template.acrossYears.map((rule) => evaluateRule(template, rule, tableOnly(current), tableOnly(previous), "across_years"));
}
