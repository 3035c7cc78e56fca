/**
 * The fuzz harness: random mutations of the real seed texts (deleted,
 * duplicated, swapped and truncated lines; injected characters, markup and
 * control codes), converted through the whole pipeline. A case passes when
 * the converter either refuses the file with a ConversionError that names a
 * fault of the input (not internal_error or invalid_report) or returns a
 * report that validates against the schema and an MDX that compiles with
 * @mdx-js/mdx and contains no JSX but our two elements, no ESM, no
 * expressions, no HTML. Everything is derived from a fixed PRNG seed, so a
 * failing case is reproduced by its seed and index alone.
 */
import { createProcessor } from "@mdx-js/mdx";
import remarkGfm from "remark-gfm";
import { ConversionError } from "../../src/converter/errors.ts";
import { convertSource } from "../../src/converter/pipeline.ts";
import { parseReport } from "../../src/schema/report.ts";
import { SEEDS } from "../helpers/convert-seed.ts";
import { seedText } from "./helpers.ts";
import { prng } from "../helpers/prng.ts";
import { describe, expect, it } from "vitest";

const INJECTIONS = [
  "{", "}", "{}", "{alert(1)}", "{/* x */}", "<", ">", "<>", "</>", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
  "<Foo bar={1} />", "<StatisticsTable />", "<ScreenshotTable>", "</ScreenshotTable>", "import x from 'y'\n", "export const a = 1\n",
  "[x](javascript:alert(1))", "<!--", "-->", "`", "```", "$$", "$", "|", "\t", "\\", "#", "## ", "**", "_", "~", "&", "&amp;", "&#123;",
  "\u0000", "\u0001", "\u0007", "\u000b", "\u000c", "\u001b", "\u007f", "\r", "\r\n", "\ufeff", "\u200b", "\u2028", "\ud800", "\ufffd",
  "一、", "（一）", "1.", "- ", "> ", "其中：", "统计指标\t单位\t统计数", "\t件\t", "约", "十二", "-3", "1,234", "１２３", "。", "，", "《", "》",
  "http://", "www.", "@", "2018年", "本报告", "统计表",
];

export interface FuzzCase {
  index: number;
  seed: string;
  file: string;
  text: string;
  mutations: string[];
}

/** Case `index` of the run with PRNG seed `seed`: independent of every other case, so any one can be replayed. */
export function fuzzCase(runSeed: number, index: number): FuzzCase {
  const random = prng(runSeed ^ Math.imul(index + 1, 0x9e3779b1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const seed = pick(SEEDS);
  const { file, text } = seedText(seed);
  const lines = text.split("\n");
  const mutations: string[] = [];
  const count = 1 + Math.floor(random() * 8);
  for (let m = 0; m < count && lines.length > 0; m++) {
    const at = Math.floor(random() * lines.length);
    const kind = Math.floor(random() * 7);
    if (kind === 0) {
      lines.splice(at, 1);
      mutations.push(`delete ${at + 1}`);
    } else if (kind === 1) {
      const run = 1 + Math.floor(random() * 5);
      lines.splice(at, 0, ...lines.slice(at, at + run));
      mutations.push(`duplicate ${at + 1}+${run}`);
    } else if (kind === 2) {
      const other = Math.floor(random() * lines.length);
      [lines[at], lines[other]] = [lines[other]!, lines[at]!];
      mutations.push(`swap ${at + 1} ${other + 1}`);
    } else if (kind === 3) {
      const cut = Math.floor(random() * (lines[at]!.length + 1));
      lines[at] = lines[at]!.slice(0, cut);
      mutations.push(`truncate ${at + 1} at ${cut}`);
    } else if (kind === 4) {
      lines.length = at + 1; // the file ends early
      mutations.push(`end after ${at + 1}`);
    } else {
      const injection = pick(INJECTIONS);
      const line = lines[at]!;
      const where = kind === 5 ? 0 : Math.floor(random() * (line.length + 1));
      lines[at] = line.slice(0, where) + injection + line.slice(where);
      mutations.push(`inject ${JSON.stringify(injection)} at ${at + 1}:${where}`);
    }
  }
  return { index, seed, file, text: lines.join("\n"), mutations };
}

const mdxProcessor = createProcessor({ remarkPlugins: [remarkGfm, remarkUnsafeNodes] });
let unsafe: string[] = [];

/** Record, during compilation, every node that is not text or our own markup. */
function remarkUnsafeNodes() {
  return (tree: { type: string; name?: string | null; children?: unknown[] }) => {
    const walk = (node: { type: string; name?: string | null; children?: unknown[] }) => {
      if (node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") {
        if (node.type === "mdxJsxTextElement" || (node.name !== "StatisticsTable" && node.name !== "ScreenshotTable")) unsafe.push(`jsx:${node.name}`);
      } else if (["mdxjsEsm", "mdxFlowExpression", "mdxTextExpression", "html", "image", "definition"].includes(node.type)) {
        unsafe.push(node.type);
      }
      for (const child of (node.children ?? []) as (typeof node)[]) walk(child);
    };
    walk(tree);
  };
}

/** Error codes that are the converter's own failure, never an acceptable answer to any input. */
const CONVERTER_FAULTS: ReadonlySet<string> = new Set(["internal_error", "invalid_report"]);

export type FuzzOutcome = { kind: "converted"; id: string } | { kind: "refused"; code: string };

/** Run one case; throws (with the case named) on anything but a refusal or a sound report. */
export async function runCase(c: FuzzCase): Promise<FuzzOutcome> {
  const where = `fuzz case ${c.index} (seed ${c.seed}: ${c.mutations.join("; ")})`;
  let output;
  try {
    output = await convertSource({ file: c.file, bytes: new TextEncoder().encode(c.text) });
  } catch (error) {
    // A refusal names a fault of the input; internal_error and invalid_report name a fault of the converter.
    if (error instanceof ConversionError && !CONVERTER_FAULTS.has(error.code)) return { kind: "refused", code: error.code };
    const shown = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    throw new Error(`${where}: threw ${shown instanceof Error ? `${shown.name}: ${shown.message}\n${shown.stack}` : String(shown)}`);
  }
  parseReport(JSON.parse(JSON.stringify(output.report)), where);
  unsafe = [];
  try {
    await mdxProcessor.process(output.mdx.replace(/^---\n[\s\S]*?\n---\n/, ""));
  } catch (error) {
    throw new Error(`${where}: MDX does not compile: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (unsafe.length > 0) throw new Error(`${where}: MDX has unsafe nodes: ${unsafe.join(", ")}`);
  return { kind: "converted", id: output.report.id };
}

/** Fixed run parameters; FUZZ_SEED / FUZZ_COUNT explore further (e.g. FUZZ_COUNT=20000). */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20240611);
export const FUZZ_COUNT = Number(process.env.FUZZ_COUNT ?? 2000);

/**
 * Cases of shard `shard` (1-based) of `shards`: the cases are split into test
 * files so that vitest runs them on both cores (compiling MDX is most of the cost).
 */
export function shardCases(shard: number, shards: number): number[] {
  const indexes: number[] = [];
  for (let i = shard - 1; i < FUZZ_COUNT; i += shards) indexes.push(i);
  return indexes;
}

/** Run a shard; returns the tally of outcomes and the time taken, for the test's log line. */
export async function runShard(indexes: number[]): Promise<{ outcomes: Map<string, number>; seconds: number }> {
  const started = performance.now();
  const outcomes = new Map<string, number>();
  for (const i of indexes) {
    const outcome = await runCase(fuzzCase(FUZZ_SEED, i));
    const key = outcome.kind === "converted" ? "converted" : `refused:${outcome.code}`;
    outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
  }
  return { outcomes, seconds: (performance.now() - started) / 1000 };
}

export function tally(outcomes: Map<string, number>): string {
  return [...outcomes].sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${k} ${n}`).join(", ");
}

/**
 * The fuzz test of one shard: only ConversionErrors, schema-valid JSON and
 * compiling MDX (asserted in runCase), and mostly conversions, not refusals.
 */
/** 30–45 ms a case on the 2-core machine alone, 285 ms while a dozen other jobs share it: the limit only catches a hang. */
const MS_PER_CASE = 500;

export function fuzzShardSuite(shard: number, shards: number): void {
  describe("fuzz", () => {
    const cases = shardCases(shard, shards);
    it(`${cases.length} of ${FUZZ_COUNT} mutated seeds (PRNG seed ${FUZZ_SEED}): only ConversionErrors, valid JSON, compiling MDX`, async () => {
      const { outcomes, seconds } = await runShard(cases);
      console.log(`fuzz shard ${shard}/${shards}: ${cases.length} cases, PRNG seed ${FUZZ_SEED}, ${seconds.toFixed(1)} s — ${tally(outcomes)}`);
      // Most mutations leave a report: the fuzz must exercise conversion, not only refusals.
      expect(outcomes.get("converted") ?? 0).toBeGreaterThan(cases.length * 0.8);
    }, Math.max(120_000, cases.length * MS_PER_CASE));
  });
}
