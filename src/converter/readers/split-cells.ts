/**
 * Glued cells: text that lost the boundaries between a row's value cells
 * (crawler text prints 3460 | 85376 as `346085376`, 77 | 77 | 166 as
 * `7777166`). The table readers find each row's label and hand over the row's
 * printed value text cut into chunks at the separators that survived; this
 * module says which splits of those chunks into the row's cells are certain.
 *
 * A split is published only when it is the one split consistent with
 *   - the shape of the cells (no leading zeros, a sign only at the start of a
 *     signed cell, a decimal point only in an amount),
 *   - the template's consistency rules (those marked `splits`), solved jointly
 *     across the rows they tie together, and
 *   - as a tie-breaker only, the figures the report's prose states.
 * Otherwise every figure of the run is null and the outcome names the
 * candidate splits. Never a guess.
 *
 * A rule family that the report itself breaks is not trusted: one instance
 * broken by figures read with certainty, or broken whatever the split of its
 * runs, takes the whole family out of the choice (a report that breaks a rule
 * in one column would otherwise pick a wrong split in another).
 */
import type { CellValue, ConcreteRule } from "../../catalog/index.ts";
import type { Diagnostic } from "../../schema/report.ts";
import { defineWarnings } from "../diagnostics.ts";

/** A maximal printed run of a row's value text between separators (white space, a cell boundary): digits, perhaps a leading sign, perhaps a decimal point. It holds one or more cells. */
export interface Chunk {
  text: string;
}
/** A cell the run must fill, in order: its indicator id and what it may hold (count: non-negative integer; signed: integer, may carry + or -; amount: decimal). */
export interface Slot {
  id: string;
  value: CellValue;
}
export interface Run {
  id: string;
  chunks: Chunk[];
  slots: Slot[];
}
/** Where a cell's digits stand: chunk index and [from, to) within that chunk's text. */
export interface CellPiece {
  id: string;
  chunk: number;
  from: number;
  to: number;
  raw: string;
  value: number;
}
export type RunOutcome =
  | { status: "decided"; cells: CellPiece[]; by: "shape" | "rules" | "prose"; candidates: number }
  | {
      status: "undecided";
      reason: "several_splits" | "no_consistent_split" | "too_many_splits" | "no_split";
      candidates: string[];
      count: number;
    };
export interface SplitInput {
  runs: Run[];
  /** Figures read with certainty elsewhere (cells a grid delimits). */
  known: ReadonlyMap<string, number>;
  /** The template's rules; use only those with splits: true; ignore terms with previous: true (rules across years). */
  rules: readonly ConcreteRule[];
  /** Figures the report's prose states: a tie-breaker only, never a constraint that can empty a run. */
  stated?: ReadonlyMap<string, number>;
  /** Ids the report prints nowhere (for rules with absentAsZero). */
  absent?: ReadonlySet<string>;
}
export interface SplitOutput {
  runs: Map<string, RunOutcome>;
  /** Rule families (ConcreteRule.family) that figures read with certainty already break: not used to choose splits. */
  distrusted: string[];
}

/** Bounds of the search; beyond them the runs concerned are `too_many_splits`. */
export interface SplitLimits {
  /** Splits of one run that parse. */
  candidatesPerRun: number;
  /** Assignments tried in one group of runs linked by rules (each phase). */
  nodes: number;
}
export const DEFAULT_SPLIT_LIMITS: SplitLimits = { candidatesPerRun: 50_000, nodes: 500_000 };

/** At most this many candidate splits are named in an undecided outcome; `count` has the total. */
export const MAX_LISTED_CANDIDATES = 20;

/**
 * Most digits one cell may hold (plus a sign or a decimal point): a longer
 * number is not always held exactly, so it is not a figure this converter
 * could publish.
 */
const MAX_CELL_DIGITS = 15;
const MAX_CELL_CHARS = MAX_CELL_DIGITS + 1;

export const SPLIT_WARNINGS = defineWarnings({
  glued_cells_ambiguous: {
    zh: "数字粘连，有多种拆分都符合表格的勾稽关系，该行数值置空",
    en: "glued digits allow several splits consistent with the table's rules; the row's figures are null",
  },
  glued_cells_inconsistent: {
    zh: "数字粘连，没有一种拆分符合表格的勾稽关系，该行数值置空",
    en: "glued digits: no split agrees with the table's rules; the row's figures are null",
  },
  glued_cells_too_many: {
    zh: "数字粘连，可能的拆分过多，无法逐一核对，该行数值置空",
    en: "glued digits allow too many splits to check; the row's figures are null",
  },
  glued_cells_unsplittable: {
    zh: "该行数字无法拆成本行的单元格（位数不足、含非数字字符等），该行数值置空",
    en: "the row's printed value text cannot be cut into its cells (too few digits, other characters); the row's figures are null",
  },
  glued_cells_by_prose: {
    zh: "数字粘连，拆分由正文所述数字确定（勾稽关系本身不能确定）",
    en: "glued digits: the split was settled by a figure the prose states, not by the table's rules alone",
  },
  glued_cells_rule_distrusted: {
    zh: "报告本身不符合这条勾稽关系，拆分粘连数字时不使用它",
    en: "the report itself breaks this consistency rule; it is not used to split glued digits",
  },
});

// ---------------------------------------------------------------- one run

const CELL_PATTERN: Record<CellValue, RegExp> = {
  count: /^(?:0|[1-9]\d*)$/,
  signed: /^[+-]?(?:0|[1-9]\d*)$/,
  amount: /^(?:0|[1-9]\d*)(?:\.\d+)?$/,
};

/** Full-width digits, signs and point as printed in Chinese text, one character for one, so offsets hold. */
const FULL_WIDTH: Record<string, string> = { "＋": "+", "－": "-", "−": "-", "．": "." };
function normalizeChunk(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code >= 0xff10 && code <= 0xff19) out += String.fromCharCode(code - 0xff10 + 48);
    else out += FULL_WIDTH[ch] ?? ch;
  }
  return out;
}

function cellValue(text: string, kind: CellValue): number | null {
  if (!CELL_PATTERN[kind].test(text) || text.replace(/[+\-.]/g, "").length > MAX_CELL_DIGITS) return null;
  const value = Number(text);
  return value === 0 ? 0 : value; // -0 prints as 0
}

type Parse =
  | { status: "ok"; candidates: CellPiece[][]; count: number }
  | { status: "too_many"; first: CellPiece[][]; count: number }
  | { status: "no_split"; reason: string };

const SATURATED = Number.MAX_SAFE_INTEGER;

/**
 * Every split of a run's chunks into its slots, in lexicographic order of the
 * cell boundaries. A table of completions counted from each (slot, position)
 * keeps the enumeration off dead ends and counts the splits without listing
 * them, so a run with millions of splits is refused at once.
 */
function parseRun(run: Run, cap: number): Parse {
  const slots = run.slots;
  if (slots.length === 0) return { status: "no_split", reason: "no cells to fill" };
  if (run.chunks.length === 0) return { status: "no_split", reason: "no printed value" };
  const texts = run.chunks.map((c) => normalizeChunk(c.text));
  if (texts.some((t) => t.length === 0)) return { status: "no_split", reason: "an empty chunk" };
  const stray = texts.join("").match(/[^0-9+\-.]/u);
  if (stray) return { status: "no_split", reason: `“${stray[0]}” is not part of a number` };
  const flat = texts.join("");
  const total = flat.length;
  if (total < slots.length) return { status: "no_split", reason: `${total} characters for ${slots.length} cells` };
  if (total > slots.length * MAX_CELL_CHARS) return { status: "no_split", reason: `${total} characters for ${slots.length} cells` };
  if (texts.length > slots.length) return { status: "no_split", reason: `${texts.length} printed pieces for ${slots.length} cells` };

  const chunkOf: number[] = [];
  const chunkStart: number[] = [];
  const chunkEnd: number[] = [];
  let offset = 0;
  texts.forEach((t, i) => {
    chunkStart.push(offset);
    for (let k = 0; k < t.length; k++) chunkOf.push(i);
    offset += t.length;
    chunkEnd.push(offset);
  });

  const width = total + 1;
  const ways = new Float64Array((slots.length + 1) * width);
  ways[slots.length * width + total] = 1;
  const values = new Map<number, number>(); // (slot, from, to) → value, for the cells that parse
  const key = (k: number, from: number, to: number) => (k * width + from) * width + to;
  for (let k = slots.length - 1; k >= 0; k--) {
    for (let g = total - 1; g >= 0; g--) {
      const end = Math.min(chunkEnd[chunkOf[g]!]!, g + MAX_CELL_CHARS);
      let sum = 0;
      for (let h = g + 1; h <= end; h++) {
        const rest = ways[(k + 1) * width + h]!;
        if (rest === 0) continue;
        const value = cellValue(flat.slice(g, h), slots[k]!.value);
        if (value === null) continue;
        values.set(key(k, g, h), value);
        sum = Math.min(SATURATED, sum + rest);
      }
      ways[k * width + g] = sum;
    }
  }
  const count = ways[0]!;
  if (count === 0) return { status: "no_split", reason: `the text does not fit ${slots.length} cells` };

  const limit = count > cap ? MAX_LISTED_CANDIDATES : cap;
  const found: CellPiece[][] = [];
  const cells: CellPiece[] = [];
  const walk = (k: number, g: number): void => {
    if (found.length >= limit) return;
    if (k === slots.length) {
      found.push([...cells]);
      return;
    }
    const chunk = chunkOf[g]!;
    const end = Math.min(chunkEnd[chunk]!, g + MAX_CELL_CHARS);
    for (let h = g + 1; h <= end && found.length < limit; h++) {
      const value = values.get(key(k, g, h));
      if (value === undefined || ways[(k + 1) * width + h] === 0) continue;
      const from = g - chunkStart[chunk]!;
      const to = h - chunkStart[chunk]!;
      cells.push({ id: slots[k]!.id, chunk, from, to, raw: run.chunks[chunk]!.text.slice(from, to), value });
      walk(k + 1, h);
      cells.pop();
    }
  };
  walk(0, 0);
  return count > cap ? { status: "too_many", first: found, count } : { status: "ok", candidates: found, count };
}

/** "77 | 77 | 166" — a candidate as the warnings name it. */
export function describeSplit(cells: readonly CellPiece[]): string {
  return cells.map((c) => c.raw).join(" | ");
}

// ---------------------------------------------------------------- rules

function decimalsOf(value: number): number {
  const text = String(value);
  if (/e/i.test(text)) return 0; // not a printed figure; compared as is
  const point = text.indexOf(".");
  return point < 0 ? 0 : text.length - point - 1;
}

/**
 * A rule instance as a linear form over the runs still to split:
 * constant + Σ run contribution[candidate]  op  0 (left minus right), in
 * integer units of the finest decimal any of its figures carries, so sums
 * compare exactly.
 */
interface LinearRule {
  rule: ConcreteRule;
  constant: number;
  runs: number[];
  /** Per entry of `runs`, the contribution of each of the run's candidates. */
  contributions: number[][];
}

type Source =
  | { kind: "certain"; value: number }
  | { kind: "run"; run: number; slot: number }
  | { kind: "unavailable" };

function holds(op: ConcreteRule["op"], value: number): boolean {
  return op === "=" ? value === 0 : op === "<=" ? value <= 0 : value >= 0;
}

/** Is there any choice of one contribution per run that satisfies the rule? Unknown (true) when the sums grow too many. */
function satisfiable(linear: LinearRule, maxSums = 100_000): boolean {
  const { op } = linear.rule;
  if (op !== "=") {
    const all = (c: number[]) => c.map((_, i) => i);
    let bound = linear.constant;
    for (const c of linear.contributions) bound += extreme(all(c), c, op === "<=" ? Math.min : Math.max);
    return holds(op, bound);
  }
  let sums = new Set<number>([linear.constant]);
  for (const c of linear.contributions) {
    const distinct = [...new Set(c)];
    const next = new Set<number>();
    for (const s of sums) for (const v of distinct) next.add(s + v);
    if (next.size > maxSums) return true;
    sums = next;
  }
  return sums.has(0);
}

// ---------------------------------------------------------------- search

class BudgetExceeded extends Error {}

/** Smallest or largest contribution over a domain (Infinity for an empty one, which no bound then admits). */
function extreme(domain: readonly number[], contributions: readonly number[], pick: (a: number, b: number) => number): number {
  let result = pick === Math.min ? Infinity : -Infinity;
  for (const c of domain) result = pick(result, contributions[c]!);
  return result;
}

/**
 * For a group of runs linked by rules: which candidates of each run take part
 * in at least one assignment of all the group's runs that satisfies every
 * rule. Exact, so a run is decided only if all consistent assignments agree on
 * it. Each candidate not yet seen in a solution gets a search of its own
 * (depth-first, pruned by the bounds each rule's unassigned runs can still
 * reach). Null when the node budget runs out.
 */
function supportedCandidates(group: number[], domains: Map<number, number[]>, rules: LinearRule[], budget: { left: number }): Map<number, Set<number>> | null {
  const n = group.length;
  const position = new Map(group.map((run, i) => [run, i]));
  const touching: { rule: number; member: number }[][] = group.map(() => []);
  rules.forEach((linear, r) => linear.runs.forEach((run, member) => touching[position.get(run)!]!.push({ rule: r, member })));

  // Order: smallest domain first, then the run most tied to those already placed.
  const order: number[] = [];
  const placed = new Set<number>();
  const size = (i: number) => domains.get(group[i]!)!.length;
  while (order.length < n) {
    let best = -1;
    let bestTies = -1;
    for (let i = 0; i < n; i++) {
      if (placed.has(i)) continue;
      const ties = touching[i]!.filter(({ rule }) => rules[rule]!.runs.some((run) => placed.has(position.get(run)!))).length;
      if (best < 0 || ties > bestTies || (ties === bestTies && size(i) < size(best))) {
        best = i;
        bestTies = ties;
      }
    }
    order.push(best);
    placed.add(best);
  }

  const supported = new Map<number, Set<number>>(group.map((run) => [run, new Set<number>()]));
  // A run no candidate of which survives leaves the whole group without a consistent assignment.
  if (group.some((run) => domains.get(run)!.length === 0)) return supported;
  const chosen = new Array<number>(n).fill(-1);
  const partial = new Float64Array(rules.length);
  const remainingMin = new Float64Array(rules.length);
  const remainingMax = new Float64Array(rules.length);
  let domainsNow: number[][] = [];
  let minOf: number[][] = [];
  let maxOf: number[][] = [];

  const feasible = (r: number): boolean => {
    const op = rules[r]!.rule.op;
    const low = partial[r]! + remainingMin[r]!;
    const high = partial[r]! + remainingMax[r]!;
    return op === "=" ? low <= 0 && high >= 0 : op === "<=" ? low <= 0 : high >= 0;
  };
  const dfs = (depth: number): boolean => {
    if (depth === n) return true;
    const i = order[depth]!;
    const seen = supported.get(group[i]!)!;
    // Candidates not yet part of a solution first: each solution found then settles more of them.
    const domain = [...domainsNow[i]!.filter((c) => !seen.has(c)), ...domainsNow[i]!.filter((c) => seen.has(c))];
    for (const c of domain) {
      if (--budget.left < 0) throw new BudgetExceeded();
      const ties = touching[i]!;
      for (let t = 0; t < ties.length; t++) {
        const { rule, member } = ties[t]!;
        partial[rule]! += rules[rule]!.contributions[member]![c]!;
        remainingMin[rule]! -= minOf[i]![t]!;
        remainingMax[rule]! -= maxOf[i]![t]!;
      }
      if (ties.every(({ rule }) => feasible(rule)) && dfs(depth + 1)) {
        chosen[i] = c;
        return true;
      }
      for (let t = 0; t < ties.length; t++) {
        const { rule, member } = ties[t]!;
        partial[rule]! -= rules[rule]!.contributions[member]![c]!;
        remainingMin[rule]! += minOf[i]![t]!;
        remainingMax[rule]! += maxOf[i]![t]!;
      }
    }
    return false;
  };
  const solve = (fixed: number, candidate: number): boolean => {
    domainsNow = group.map((run, i) => (i === fixed ? [candidate] : domains.get(run)!));
    minOf = touching.map((list, i) => list.map(({ rule, member }) => extreme(domainsNow[i]!, rules[rule]!.contributions[member]!, Math.min)));
    maxOf = touching.map((list, i) => list.map(({ rule, member }) => extreme(domainsNow[i]!, rules[rule]!.contributions[member]!, Math.max)));
    partial.set(rules.map((r) => r.constant));
    remainingMin.fill(0);
    remainingMax.fill(0);
    touching.forEach((list, i) =>
      list.forEach(({ rule }, t) => {
        remainingMin[rule]! += minOf[i]![t]!;
        remainingMax[rule]! += maxOf[i]![t]!;
      }),
    );
    chosen.fill(-1);
    return dfs(0);
  };

  try {
    for (const i of order) {
      const run = group[i]!;
      for (const candidate of domains.get(run)!) {
        if (supported.get(run)!.has(candidate)) continue;
        if (solve(i, candidate)) group.forEach((r, j) => supported.get(r)!.add(chosen[j]!));
      }
    }
  } catch (error) {
    if (error instanceof BudgetExceeded) return null;
    throw error;
  }
  return supported;
}

/** Runs tied together by rules over two or more of them, in run order. */
function groupsOf(runs: number[], rules: LinearRule[]): number[][] {
  const parent = new Map(runs.map((r) => [r, r]));
  const find = (r: number): number => {
    while (parent.get(r) !== r) r = parent.get(r)!;
    return r;
  };
  for (const linear of rules) {
    const [first, ...rest] = linear.runs;
    for (const other of rest) {
      const a = find(first!);
      const b = find(other);
      if (a !== b) parent.set(Math.max(a, b), Math.min(a, b));
    }
  }
  const groups = new Map<number, number[]>();
  for (const r of runs) groups.set(find(r), [...(groups.get(find(r)) ?? []), r]);
  return [...groups.values()];
}

// ---------------------------------------------------------------- solver

export function splitRuns(input: SplitInput, limits: SplitLimits = DEFAULT_SPLIT_LIMITS): SplitOutput {
  const { runs, known } = input;
  const stated = input.stated ?? new Map<string, number>();
  const absent = input.absent ?? new Set<string>();

  const slotOf = new Map<string, { run: number; slot: number }>();
  const runIds = new Set<string>();
  runs.forEach((run, r) => {
    if (runIds.has(run.id)) throw new Error(`splitRuns: two runs have the id ${run.id}`);
    runIds.add(run.id);
    run.slots.forEach((slot, s) => {
      const other = slotOf.get(slot.id);
      if (other) throw new Error(`splitRuns: ${slot.id} is a cell of both ${runs[other.run]!.id} and ${run.id}`);
      if (known.has(slot.id)) throw new Error(`splitRuns: ${slot.id} is a cell of ${run.id} and also a known figure`);
      slotOf.set(slot.id, { run: r, slot: s });
    });
  });

  const parses = runs.map((run) => parseRun(run, limits.candidatesPerRun));
  const outcomes = new Map<string, RunOutcome>();
  const undecided = (reason: Exclude<RunOutcome, { status: "decided" }>["reason"], splits: CellPiece[][], count: number): RunOutcome => ({
    status: "undecided",
    reason,
    candidates: splits.slice(0, MAX_LISTED_CANDIDATES).map(describeSplit),
    count,
  });

  // Figures certain before any choice: known cells and runs with one split only.
  const searchRuns: number[] = [];
  parses.forEach((parse, r) => {
    if (parse.status === "ok" && parse.count === 1) outcomes.set(runs[r]!.id, { status: "decided", cells: parse.candidates[0]!, by: "shape", candidates: 1 });
    else if (parse.status === "ok") searchRuns.push(r);
  });
  const sourceOf = (id: string, rule: ConcreteRule): Source => {
    const known_ = known.get(id);
    if (known_ !== undefined) return { kind: "certain", value: known_ };
    const at = slotOf.get(id);
    if (at) {
      const parse = parses[at.run]!;
      if (parse.status !== "ok") return { kind: "unavailable" };
      if (parse.count === 1) return { kind: "certain", value: parse.candidates[0]![at.slot]!.value };
      return { kind: "run", run: at.run, slot: at.slot };
    }
    if (rule.absentAsZero && absent.has(id)) return { kind: "certain", value: 0 };
    return { kind: "unavailable" };
  };

  const linearize = (rule: ConcreteRule): LinearRule | null => {
    const terms = [...rule.left.map((t) => ({ ...t, side: 1 })), ...rule.right.map((t) => ({ ...t, side: -1 }))];
    const sources = terms.map((t) => sourceOf(t.indicator, rule));
    if (sources.some((s) => s.kind === "unavailable")) return null;
    let decimals = 0;
    sources.forEach((s) => {
      if (s.kind === "certain") decimals = Math.max(decimals, decimalsOf(s.value));
      if (s.kind === "run") {
        for (const cells of (parses[s.run] as { candidates: CellPiece[][] }).candidates) decimals = Math.max(decimals, decimalsOf(cells[s.slot]!.value));
      }
    });
    const scale = 10 ** Math.min(decimals, 12);
    const units = (value: number) => Math.round(value * scale);
    let constant = 0;
    const byRun = new Map<number, number[]>();
    const inRange = (x: number) => Math.abs(x) <= 2 ** 50;
    let exact = true;
    terms.forEach((term, i) => {
      const source = sources[i]!;
      const coefficient = term.sign * term.side;
      if (source.kind === "certain") constant += coefficient * units(source.value);
      else if (source.kind === "run") {
        const candidates = (parses[source.run] as { candidates: CellPiece[][] }).candidates;
        const sums = byRun.get(source.run) ?? new Array<number>(candidates.length).fill(0);
        candidates.forEach((cells, c) => {
          sums[c]! += coefficient * units(cells[source.slot]!.value);
          if (!inRange(sums[c]!)) exact = false;
        });
        byRun.set(source.run, sums);
      }
    });
    // Beyond 2^50 sums are no longer exact in floating point: such a rule cannot choose anything safely.
    if (!exact || !inRange(constant)) return null;
    const order = [...byRun.keys()].sort((a, b) => a - b);
    return { rule, constant, runs: order, contributions: order.map((r) => byRun.get(r)!) };
  };

  const usable = input.rules.filter((rule) => rule.splits && ![...rule.left, ...rule.right].some((t) => t.previous));
  const linear = usable.map((rule) => ({ rule, linear: linearize(rule) })).filter((x): x is { rule: ConcreteRule; linear: LinearRule } => x.linear !== null);

  // A family broken by certain figures, or broken whatever the splits, is not trusted.
  const distrustedSet = new Set<string>();
  for (const { rule, linear: l } of linear) {
    const broken = l.runs.length === 0 ? !holds(rule.op, l.constant) : !satisfiable(l);
    if (broken) distrustedSet.add(rule.family);
  }
  const distrusted = [...new Set(input.rules.map((r) => r.family))].filter((f) => distrustedSet.has(f));
  const trusted = linear.map((x) => x.linear).filter((l) => l.runs.length > 0 && !distrustedSet.has(l.rule.family));

  // Rules over one run filter it alone; the others are solved jointly, group by group.
  const domains = new Map<number, number[]>();
  for (const r of searchRuns) {
    const parse = parses[r] as { candidates: CellPiece[][] };
    domains.set(r, parse.candidates.map((_, c) => c));
  }
  for (const l of trusted) {
    if (l.runs.length !== 1) continue;
    const run = l.runs[0]!;
    domains.set(run, domains.get(run)!.filter((c) => holds(l.rule.op, l.constant + l.contributions[0]![c]!)));
  }
  const joint = trusted.filter((l) => l.runs.length > 1);
  const groups = groupsOf(searchRuns, joint);
  const rulesOf = (group: number[]) => joint.filter((l) => group.includes(l.runs[0]!));

  const supported = new Map<number, Set<number>>();
  const exhausted = new Set<number>();
  for (const group of groups) {
    const result = supportedCandidates(group, domains, rulesOf(group), { left: limits.nodes });
    if (result === null) group.forEach((r) => exhausted.add(r));
    else result.forEach((set, r) => supported.set(r, set));
  }

  // Prose breaks ties: stated figures restrict the runs still open, group by group, unless that empties a group.
  const byProse = new Map<number, number>();
  for (const group of groups) {
    if (group.some((r) => exhausted.has(r))) continue;
    const restricted = new Map<number, number[]>();
    let changed = false;
    for (const r of group) {
      const open = [...supported.get(r)!].sort((a, b) => a - b);
      restricted.set(r, open);
      if (open.length < 2) continue;
      const candidates = (parses[r] as { candidates: CellPiece[][] }).candidates;
      const agreeing = open.filter((c) =>
        candidates[c]!.every((cell) => {
          const figure = stated.get(cell.id);
          return figure === undefined || Math.abs(figure - cell.value) < 0.5 * 10 ** -Math.max(decimalsOf(figure), decimalsOf(cell.value));
        }),
      );
      if (agreeing.length > 0 && agreeing.length < open.length) {
        restricted.set(r, agreeing);
        changed = true;
      }
    }
    if (!changed) continue;
    if (group.some((r) => supported.get(r)!.size === 0)) continue;
    const result = supportedCandidates(group, restricted, rulesOf(group), { left: limits.nodes });
    if (result === null || [...result.values()].some((set) => set.size === 0)) continue;
    result.forEach((set, r) => {
      if (set.size === 1 && supported.get(r)!.size > 1) byProse.set(r, [...set][0]!);
    });
  }

  parses.forEach((parse, r) => {
    const id = runs[r]!.id;
    if (outcomes.has(id)) return;
    if (parse.status === "no_split") outcomes.set(id, undecided("no_split", [], 0));
    else if (parse.status === "too_many") outcomes.set(id, undecided("too_many_splits", parse.first, parse.count));
    else if (exhausted.has(r)) outcomes.set(id, undecided("too_many_splits", parse.candidates, parse.count));
    else {
      const open = [...supported.get(r)!].sort((a, b) => a - b);
      const prose = byProse.get(r);
      if (open.length === 0) outcomes.set(id, undecided("no_consistent_split", parse.candidates, parse.count));
      else if (open.length === 1) outcomes.set(id, { status: "decided", cells: parse.candidates[open[0]!]!, by: "rules", candidates: parse.count });
      else if (prose !== undefined) outcomes.set(id, { status: "decided", cells: parse.candidates[prose]!, by: "prose", candidates: parse.count });
      else outcomes.set(id, undecided("several_splits", open.map((c) => parse.candidates[c]!), open.length));
    }
  });

  return { runs: new Map(runs.map((run) => [run.id, outcomes.get(run.id)!])), distrusted };
}

// ---------------------------------------------------------------- warnings

/**
 * The warnings a split owes the report: one per run whose figures are null
 * (naming its printed text and candidate splits), one per run settled only by
 * the prose, one per rule family not trusted. `lineOf` gives a run's source line.
 */
export function splitWarnings(input: SplitInput, output: SplitOutput, lineOf: (runId: string) => number | null = () => null): Diagnostic[] {
  const { warn } = SPLIT_WARNINGS;
  const diagnostics: Diagnostic[] = [];
  for (const run of input.runs) {
    const outcome = output.runs.get(run.id);
    if (!outcome) continue;
    const printed = `“${run.chunks.map((c) => c.text).join(" ")}”`;
    const cells = run.slots.map((s) => s.id).join(", ");
    const line = lineOf(run.id);
    const listed = (o: { candidates: string[]; count: number }) =>
      `${o.candidates.join("；")}${o.count > o.candidates.length ? `；…（共 ${o.count} 种 / ${o.count} in all）` : ""}`;
    if (outcome.status === "decided") {
      if (outcome.by === "prose") {
        diagnostics.push(
          warn("glued_cells_by_prose", line, `${run.id} ${printed} 按正文所述数字拆为 / split by the figures the prose states into ${describeSplit(outcome.cells)} (${cells})`),
        );
      }
      continue;
    }
    switch (outcome.reason) {
      case "several_splits":
        diagnostics.push(
          warn("glued_cells_ambiguous", line, `${run.id} ${printed}：${outcome.count} 种拆分均符合勾稽关系 / ${outcome.count} splits fit the rules: ${listed(outcome)} (${cells})`),
        );
        break;
      case "no_consistent_split":
        diagnostics.push(
          warn("glued_cells_inconsistent", line, `${run.id} ${printed}：可能的拆分 / possible splits ${listed(outcome)} 均不符合勾稽关系 / none fits the rules (${cells})`),
        );
        break;
      case "too_many_splits":
        diagnostics.push(warn("glued_cells_too_many", line, `${run.id} ${printed}：${outcome.count} 种可能的拆分 / possible splits, e.g. ${listed(outcome)} (${cells})`));
        break;
      case "no_split":
        {
          const parse = parseRun(run, 1);
          const reason = parse.status === "no_split" ? `: ${parse.reason}` : "";
          diagnostics.push(
            warn("glued_cells_unsplittable", line, `${run.id} ${printed} 不能拆成 ${run.slots.length} 个单元格 / cannot fill ${run.slots.length} cells${reason} (${cells})`),
          );
        }
        break;
    }
  }
  for (const family of output.distrusted) {
    const rule = input.rules.find((r) => r.family === family);
    diagnostics.push(SPLIT_WARNINGS.warn("glued_cells_rule_distrusted", null, `${family}${rule ? `（${rule.description}）` : ""}`));
  }
  return diagnostics;
}
