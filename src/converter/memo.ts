/**
 * A memo for values computed from text that recurs within a report and across
 * the reports of a run (cells, labels): each text's value is computed once,
 * and the memo is emptied when it holds `limit` texts, so a worker converting
 * thousands of reports keeps bounded memory.
 */
export function remembered<T>(memo: Map<string, T>, text: string, limit: number, compute: (text: string) => T): T {
  let value = memo.get(text);
  if (value === undefined) {
    value = compute(text);
    if (memo.size >= limit) memo.clear();
    memo.set(text, value);
  }
  return value;
}
