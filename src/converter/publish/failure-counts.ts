/**
 * The CLI's one-line account of what a run skipped and why: failures counted
 * by error code, most frequent first, e.g. "2 empty_file, 1 binary_file".
 */
import { compareText } from "../../report/compare-text.ts";
import type { FailedFile } from "./run.ts";

export function failureCounts(failed: FailedFile[]): string {
  const counts = new Map<string, number>();
  for (const f of failed) counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
  return [...counts]
    .sort(([a, m], [b, n]) => n - m || compareText(a, b))
    .map(([code, n]) => `${n} ${code}`)
    .join(", ");
}
