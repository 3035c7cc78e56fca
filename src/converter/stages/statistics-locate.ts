/**
 * Find the statistics table (统计表) in a report: the run of table rows that
 * starts at its header row (统计指标 | 单位 | 统计数) or its first row the
 * catalog knows, continues across page breaks (blank lines, repeated headers,
 * empty Markdown continuation headers, a label broken over two lines) and ends
 * at its last row the catalog knows. Running text ends a run. Nothing here is
 * keyed to a particular report: only the catalog's labels are used.
 */
import type { Template } from "../../catalog/index.ts";
import type { SourceLine } from "../types.ts";
import { classifyLines, type ClassifiedLine } from "./statistics-rows.ts";

/** Fewer known rows than this is a passing mention, not the statistics table. */
const MIN_KNOWN_ROWS = 3;
/** More unknown rows or fragments than this in a row means another table or text has begun. */
const MAX_UNKNOWN_BETWEEN = 8;
/** Two runs separated by no more than this many lines of text are one table with a stray line (a page footer, a web scrap). */
const MAX_STRAY_PROSE_LINES = 2;
const MAX_STRAY_SPAN = 12;

interface Run {
  from: number;
  to: number;
  known: number;
}

/** Group classified lines into candidate runs (indices into `lines`). */
function runs(lines: ClassifiedLine[]): Run[] {
  const found: Run[] = [];
  let current: Run | null = null;
  let unknownSinceAnchor = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const anchor = line.kind === "known" || line.kind === "header";
    if (current && !anchor && line.kind !== "gap") unknownSinceAnchor++;
    if (current && (line.kind === "prose" || unknownSinceAnchor > MAX_UNKNOWN_BETWEEN)) {
      found.push(current);
      current = null;
    }
    if (!anchor) continue;
    unknownSinceAnchor = 0;
    if (!current) current = { from: i, to: i, known: 0 };
    current.to = i;
    if (line.kind === "known") current.known++;
  }
  if (current) found.push(current);
  return mergeAcrossStrayLines(found, lines);
}

/** Join runs that only a line or two of stray text separates. */
function mergeAcrossStrayLines(found: Run[], lines: ClassifiedLine[]): Run[] {
  const merged: Run[] = [];
  for (const run of found) {
    const previous = merged[merged.length - 1];
    const between = previous ? lines.slice(previous.to + 1, run.from) : [];
    const prose = between.filter((l) => l.kind === "prose").length;
    if (previous && prose <= MAX_STRAY_PROSE_LINES && between.length <= MAX_STRAY_SPAN) {
      previous.to = run.to;
      previous.known += run.known;
    } else {
      merged.push({ ...run });
    }
  }
  return merged;
}

/**
 * Original line numbers (inclusive) of the statistics table, or null when the
 * report has none. The table's title line (…统计表, (2018 年度)) is not part of it.
 */
export function locateStatisticsTable(lines: SourceLine[], template: Template): { from: number; to: number } | null {
  const classified = classifyLines(lines, template);
  let best: Run | null = null;
  for (const run of runs(classified)) {
    if (run.known >= MIN_KNOWN_ROWS && (!best || run.known > best.known)) best = run;
  }
  if (!best) return null;
  return { from: classified[best.from]!.n, to: classified[best.to]!.n };
}
