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
 * in one column would otherwise pick a wrong split in another). Leaving a
 * rule out can only leave more splits open, never settle a run differently.
 *
 * The order of the work: split each run by shape alone; evaluate the rules on
 * what is certain and set aside the families the report breaks; filter each
 * run by the rules over it alone; then, for each group of runs the remaining
 * rules tie together, find exactly which splits take part in some assignment
 * of the whole group that keeps every rule; last, for runs still open, let
 * the stated figures break ties within the group.
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
/**
 * decided: `candidates` is how many splits parse at all; `by` what settled it
 * (prose: a stated figure, directly or through the rules, when the rules alone
 * left several). undecided: `candidates` names at most MAX_LISTED_CANDIDATES
 * splits in order and `count` says how many there are (several_splits: those
 * consistent with the rules; no_consistent_split, too_many_splits: all that parse).
 */
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

/**
 * The splits of one run, stored compactly (a run may have tens of thousands):
 * for candidate c and slot k, the end of the cell in the run's joined text and
 * its value.
 */
class SplitList {
  readonly size: number;
  private readonly decimalsCache = new Map<number, number>();

  constructor(
    private readonly run: Run,
    private readonly layout: { chunkOf: number[]; chunkStart: number[]; flat: string },
    private readonly ends: Int32Array,
    private readonly values: Float64Array,
  ) {
    this.size = values.length / run.slots.length;
  }

  value(candidate: number, slot: number): number {
    return this.values[candidate * this.run.slots.length + slot]!;
  }

  pieces(candidate: number): CellPiece[] {
    const n = this.run.slots.length;
    const { chunkOf, chunkStart } = this.layout;
    return this.run.slots.map((slot, k) => {
      const start = k === 0 ? 0 : this.ends[candidate * n + k - 1]!;
      const end = this.ends[candidate * n + k]!;
      const chunk = chunkOf[start]!;
      const from = start - chunkStart[chunk]!;
      const to = end - chunkStart[chunk]!;
      return { id: slot.id, chunk, from, to, raw: this.run.chunks[chunk]!.text.slice(from, to), value: this.value(candidate, k) };
    });
  }

  describe(candidate: number): string {
    return describeSplit(this.pieces(candidate));
  }

  /** Most decimals the slot's cell has in any candidate (so sums can be compared in whole units). */
  decimals(slot: number): number {
    const cached = this.decimalsCache.get(slot);
    if (cached !== undefined) return cached;
    let most = 0;
    if (this.run.slots[slot]!.value === "amount") {
      const n = this.run.slots.length;
      for (let c = 0; c < this.size; c++) {
        const start = slot === 0 ? 0 : this.ends[c * n + slot - 1]!;
        const text = this.layout.flat.slice(start, this.ends[c * n + slot]!);
        const point = text.indexOf(".");
        if (point >= 0) most = Math.max(most, text.length - point - 1);
      }
    }
    this.decimalsCache.set(slot, most);
    return most;
  }
}

type Parse =
  | { status: "ok"; splits: SplitList; count: number }
  | { status: "too_many"; first: SplitList; count: number }
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
  // Value of the cell of slot k from g to g + length (NaN where no cell parses or nothing can follow it).
  const values = new Float64Array(slots.length * width * (MAX_CELL_CHARS + 1)).fill(NaN);
  const key = (k: number, from: number, to: number) => (k * width + from) * (MAX_CELL_CHARS + 1) + (to - from);
  for (let k = slots.length - 1; k >= 0; k--) {
    for (let g = total - 1; g >= 0; g--) {
      const end = Math.min(chunkEnd[chunkOf[g]!]!, g + MAX_CELL_CHARS);
      let sum = 0;
      for (let h = g + 1; h <= end; h++) {
        const rest = ways[(k + 1) * width + h]!;
        if (rest === 0) continue;
        const value = cellValue(flat.slice(g, h), slots[k]!.value);
        if (value === null) continue;
        values[key(k, g, h)] = value;
        sum = Math.min(SATURATED, sum + rest);
      }
      ways[k * width + g] = sum;
    }
  }
  const count = ways[0]!;
  if (count === 0) return { status: "no_split", reason: `the text does not fit ${slots.length} cells` };

  const kept = count > cap ? MAX_LISTED_CANDIDATES : count;
  const n = slots.length;
  const ends = new Int32Array(kept * n);
  const cellValues = new Float64Array(kept * n);
  const pathEnds = new Int32Array(n);
  const pathValues = new Float64Array(n);
  let found = 0;
  const walk = (k: number, g: number): void => {
    if (k === n) {
      ends.set(pathEnds, found * n);
      cellValues.set(pathValues, found * n);
      found++;
      return;
    }
    const end = Math.min(chunkEnd[chunkOf[g]!]!, g + MAX_CELL_CHARS);
    for (let h = g + 1; h <= end && found < kept; h++) {
      const value = values[key(k, g, h)]!;
      if (Number.isNaN(value)) continue;
      pathEnds[k] = h;
      pathValues[k] = value;
      walk(k + 1, h);
    }
  };
  walk(0, 0);
  const list = new SplitList(run, { chunkOf, chunkStart, flat }, ends, cellValues);
  return count > cap ? { status: "too_many", first: list, count } : { status: "ok", splits: list, count };
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
  contributions: Float64Array[];
}

type Source =
  | { kind: "certain"; value: number }
  | { kind: "run"; run: number; slot: number }
  | { kind: "unavailable" };

function holds(op: ConcreteRule["op"], value: number): boolean {
  return op === "=" ? value === 0 : op === "<=" ? value <= 0 : value >= 0;
}

/** Is there any choice of one contribution per run that satisfies the rule? Unknown (true) when the sums grow too many. */
function satisfiable(linear: LinearRule, maxWork = 200_000): boolean {
  const { op } = linear.rule;
  const lows: number[] = [];
  const highs: number[] = [];
  for (const c of linear.contributions) {
    let min = Infinity;
    let max = -Infinity;
    for (const v of c) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
    lows.push(min);
    highs.push(max);
  }
  const low = linear.constant + lows.reduce((a, b) => a + b, 0);
  const high = linear.constant + highs.reduce((a, b) => a + b, 0);
  if (op === "<=") return low <= 0;
  if (op === ">=") return high >= 0;
  if (low > 0 || high < 0) return false;
  if (linear.contributions.length === 1) return linear.contributions[0]!.some((v) => linear.constant + v === 0);
  // Equality: the sums reachable with one contribution per run, keeping only those the
  // remaining runs can still bring to 0, while that stays cheap.
  let restLow = low - linear.constant;
  let restHigh = high - linear.constant;
  let sums = new Set<number>([linear.constant]);
  let work = 0;
  for (let i = 0; i < linear.contributions.length; i++) {
    restLow -= lows[i]!;
    restHigh -= highs[i]!;
    const distinct = [...new Set(linear.contributions[i]!)];
    work += sums.size * distinct.length;
    if (work > maxWork) return true; // unknown: not a proof that the report breaks the rule
    const next = new Set<number>();
    for (const s of sums) {
      for (const v of distinct) {
        const reached = s + v;
        if (reached + restLow <= 0 && reached + restHigh >= 0) next.add(reached);
      }
    }
    sums = next;
  }
  return sums.has(0);
}

// ---------------------------------------------------------------- search

class BudgetExceeded extends Error {}

/** Smallest or largest contribution over a domain (Infinity for an empty one, which no bound then admits). */
function extreme(domain: readonly number[], contributions: ArrayLike<number>, pick: (a: number, b: number) => number): number {
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

  const size = (i: number) => domains.get(group[i]!)!.length;
  const supported = new Map<number, Set<number>>(group.map((run) => [run, new Set<number>()]));
  // A run no candidate of which survives leaves the whole group without a consistent assignment.
  if (group.some((run) => domains.get(run)!.length === 0)) return supported;
  // A run that no rule ties to another keeps every candidate its own rules left.
  if (rules.length === 0) return new Map(group.map((run) => [run, new Set(domains.get(run)!)]));

  // Order: smallest domain first, then the run touching most rules that already have a run placed (so bounds bite early).
  const order: number[] = [];
  const placed = new Array<boolean>(n).fill(false);
  const ruleStarted = new Array<boolean>(rules.length).fill(false);
  const ties = new Array<number>(n).fill(0);
  while (order.length < n) {
    let best = -1;
    for (let i = 0; i < n; i++) {
      if (placed[i]) continue;
      if (best < 0 || ties[i]! > ties[best]! || (ties[i] === ties[best] && size(i) < size(best))) best = i;
    }
    order.push(best);
    placed[best] = true;
    for (const { rule } of touching[best]!) {
      if (ruleStarted[rule]) continue;
      ruleStarted[rule] = true;
      for (const run of rules[rule]!.runs) ties[position.get(run)!]! += 1;
    }
  }

  // Bounds of each run's contribution to each rule over its whole domain; the run fixed in a search overrides its own.
  const baseMin = touching.map((list, i) => list.map(({ rule, member }) => extreme(domains.get(group[i]!)!, rules[rule]!.contributions[member]!, Math.min)));
  const baseMax = touching.map((list, i) => list.map(({ rule, member }) => extreme(domains.get(group[i]!)!, rules[rule]!.contributions[member]!, Math.max)));
  const chosen = new Array<number>(n).fill(-1);
  const partial = new Float64Array(rules.length);
  const remainingMin = new Float64Array(rules.length);
  const remainingMax = new Float64Array(rules.length);
  let fixed = -1;
  let fixedCandidate = -1;
  let minOf = baseMin;
  let maxOf = baseMax;

  const feasible = (r: number): boolean => {
    const op = rules[r]!.rule.op;
    const low = partial[r]! + remainingMin[r]!;
    const high = partial[r]! + remainingMax[r]!;
    return op === "=" ? low <= 0 && high >= 0 : op === "<=" ? low <= 0 : high >= 0;
  };
  const dfs = (depth: number): boolean => {
    if (depth === n) return true;
    const i = order[depth]!;
    const links = touching[i]!;
    const domain = i === fixed ? [fixedCandidate] : domains.get(group[i]!)!;
    for (const c of domain) {
      if (--budget.left < 0) throw new BudgetExceeded();
      for (let t = 0; t < links.length; t++) {
        const { rule, member } = links[t]!;
        partial[rule]! += rules[rule]!.contributions[member]![c]!;
        remainingMin[rule]! -= minOf[i]![t]!;
        remainingMax[rule]! -= maxOf[i]![t]!;
      }
      if (links.every(({ rule }) => feasible(rule)) && dfs(depth + 1)) {
        chosen[i] = c;
        return true;
      }
      for (let t = 0; t < links.length; t++) {
        const { rule, member } = links[t]!;
        partial[rule]! -= rules[rule]!.contributions[member]![c]!;
        remainingMin[rule]! += minOf[i]![t]!;
        remainingMax[rule]! += maxOf[i]![t]!;
      }
    }
    return false;
  };
  const solve = (run: number, candidate: number): boolean => {
    fixed = run;
    fixedCandidate = candidate;
    const own = touching[run]!.map(({ rule, member }) => rules[rule]!.contributions[member]![candidate]!);
    minOf = baseMin.map((list, i) => (i === run ? own : list));
    maxOf = baseMax.map((list, i) => (i === run ? own : list));
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

/**
 * The outcome of every run (see the module comment for the order of the work).
 * Throws when two runs share an id or a cell, or a cell is also a known figure:
 * that is a reader's mistake, not something a report can cause.
 */
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
  const splitsOf = (r: number) => (parses[r] as { splits: SplitList }).splits;
  const outcomes = new Map<string, RunOutcome>();
  const undecided = (reason: Exclude<RunOutcome, { status: "decided" }>["reason"], list: SplitList | null, which: number[], count: number): RunOutcome => ({
    status: "undecided",
    reason,
    candidates: list ? which.slice(0, MAX_LISTED_CANDIDATES).map((c) => list.describe(c)) : [],
    count,
  });
  const firstListed = (list: SplitList) => Array.from({ length: Math.min(list.size, MAX_LISTED_CANDIDATES) }, (_, c) => c);

  // Figures certain before any choice: known cells and runs with one split only.
  const searchRuns: number[] = [];
  parses.forEach((parse, r) => {
    if (parse.status === "ok" && parse.count === 1) outcomes.set(runs[r]!.id, { status: "decided", cells: parse.splits.pieces(0), by: "shape", candidates: 1 });
    else if (parse.status === "ok") searchRuns.push(r);
  });
  const sourceOf = (id: string, rule: ConcreteRule): Source => {
    const figure = known.get(id);
    if (figure !== undefined) return { kind: "certain", value: figure };
    const at = slotOf.get(id);
    if (at) {
      const parse = parses[at.run]!;
      if (parse.status !== "ok") return { kind: "unavailable" };
      if (parse.count === 1) return { kind: "certain", value: parse.splits.value(0, at.slot) };
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
    for (const source of sources) {
      if (source.kind === "certain") decimals = Math.max(decimals, decimalsOf(source.value));
      if (source.kind === "run") decimals = Math.max(decimals, splitsOf(source.run).decimals(source.slot));
    }
    const scale = 10 ** Math.min(decimals, 12);
    const units = (value: number) => Math.round(value * scale);
    // Beyond 2^50 sums are no longer exact in floating point: such a rule cannot choose anything safely.
    const inRange = (x: number) => Math.abs(x) <= 2 ** 50;
    let constant = 0;
    let exact = true;
    const byRun = new Map<number, Float64Array>();
    terms.forEach((term, i) => {
      const source = sources[i]!;
      const coefficient = term.sign * term.side;
      if (source.kind === "certain") constant += coefficient * units(source.value);
      else if (source.kind === "run") {
        const list = splitsOf(source.run);
        const sums = byRun.get(source.run) ?? new Float64Array(list.size);
        for (let c = 0; c < list.size; c++) {
          sums[c]! += coefficient * units(list.value(c, source.slot));
          if (!inRange(sums[c]!)) exact = false;
        }
        byRun.set(source.run, sums);
      }
    });
    if (!exact || !inRange(constant)) return null;
    const order = [...byRun.keys()].sort((a, b) => a - b);
    return { rule, constant, runs: order, contributions: order.map((r) => byRun.get(r)!) };
  };

  const usable = input.rules.filter((rule) => rule.splits && ![...rule.left, ...rule.right].some((t) => t.previous));
  const linear = usable.map(linearize).filter((l): l is LinearRule => l !== null);

  // A family broken by certain figures, or broken whatever the splits, is not trusted.
  const distrustedSet = new Set<string>();
  for (const l of linear) {
    const broken = l.runs.length === 0 ? !holds(l.rule.op, l.constant) : !satisfiable(l);
    if (broken) distrustedSet.add(l.rule.family);
  }
  const distrusted = [...new Set(input.rules.map((r) => r.family))].filter((f) => distrustedSet.has(f));
  const trusted = linear.filter((l) => l.runs.length > 0 && !distrustedSet.has(l.rule.family));

  // Rules over one run filter it alone; the others are solved jointly, group by group.
  const domains = new Map<number, number[]>();
  for (const r of searchRuns) domains.set(r, Array.from({ length: splitsOf(r).size }, (_, c) => c));
  for (const l of trusted) {
    if (l.runs.length !== 1) continue;
    const run = l.runs[0]!;
    domains.set(run, domains.get(run)!.filter((c) => holds(l.rule.op, l.constant + l.contributions[0]![c]!)));
  }
  const joint = trusted.filter((l) => l.runs.length > 1);
  const groups = groupsOf(searchRuns, joint);
  const groupOf = new Map(groups.flatMap((group, g) => group.map((r) => [r, g] as [number, number])));
  const rulesByGroup = groups.map(() => [] as LinearRule[]);
  for (const l of joint) rulesByGroup[groupOf.get(l.runs[0]!)!]!.push(l);

  const supported = new Map<number, Set<number>>();
  const exhausted = new Set<number>();
  groups.forEach((group, g) => {
    const result = supportedCandidates(group, domains, rulesByGroup[g]!, { left: limits.nodes });
    if (result === null) group.forEach((r) => exhausted.add(r));
    else result.forEach((set, r) => supported.set(r, set));
  });

  // Prose breaks ties: stated figures restrict the runs still open, group by group, unless that empties the group.
  const agreesWithProse = (list: SplitList, slots: Slot[], c: number) =>
    slots.every((slot, k) => {
      const figure = stated.get(slot.id);
      if (figure === undefined) return true;
      const value = list.value(c, k);
      return Math.abs(figure - value) < 0.5 * 10 ** -Math.max(decimalsOf(figure), decimalsOf(value));
    });
  const byProse = new Map<number, number>();
  groups.forEach((group, g) => {
    if (group.some((r) => exhausted.has(r) || supported.get(r)!.size === 0)) return;
    const restricted = new Map<number, number[]>();
    let changed = false;
    for (const r of group) {
      const open = [...supported.get(r)!].sort((a, b) => a - b);
      restricted.set(r, open);
      if (open.length < 2) continue;
      const agreeing = open.filter((c) => agreesWithProse(splitsOf(r), runs[r]!.slots, c));
      if (agreeing.length > 0 && agreeing.length < open.length) {
        restricted.set(r, agreeing);
        changed = true;
      }
    }
    if (!changed) return;
    const result = supportedCandidates(group, restricted, rulesByGroup[g]!, { left: limits.nodes });
    if (result === null || [...result.values()].some((set) => set.size === 0)) return;
    result.forEach((set, r) => {
      if (set.size === 1 && supported.get(r)!.size > 1) byProse.set(r, [...set][0]!);
    });
  });

  parses.forEach((parse, r) => {
    const id = runs[r]!.id;
    if (outcomes.has(id)) return;
    if (parse.status === "no_split") outcomes.set(id, undecided("no_split", null, [], 0));
    else if (parse.status === "too_many") outcomes.set(id, undecided("too_many_splits", parse.first, firstListed(parse.first), parse.count));
    else if (exhausted.has(r)) outcomes.set(id, undecided("too_many_splits", parse.splits, firstListed(parse.splits), parse.count));
    else {
      const open = [...supported.get(r)!].sort((a, b) => a - b);
      const prose = byProse.get(r);
      if (open.length === 0) outcomes.set(id, undecided("no_consistent_split", parse.splits, firstListed(parse.splits), parse.count));
      else if (open.length === 1) outcomes.set(id, { status: "decided", cells: parse.splits.pieces(open[0]!), by: "rules", candidates: parse.count });
      else if (prose !== undefined) outcomes.set(id, { status: "decided", cells: parse.splits.pieces(prose), by: "prose", candidates: parse.count });
      else outcomes.set(id, undecided("several_splits", parse.splits, open, open.length));
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
