/** The words the statistics tables use, in one place (Chinese first; English where a page shows it as secondary text). */
import type { CellStatus } from "./types.ts";

/** What a cell says when it has no figure. Never 0: a null is not a zero. */
export const STATUS_TEXT: Record<Exclude<CellStatus, "reported">, string> = {
  not_reported: "未填报",
  uncertain: "无法确定",
  absent: "报告中没有此项",
};

/** What each status means, for the legend and for screen readers. */
export const STATUS_MEANING: Record<CellStatus, { zh: string; en: string }> = {
  reported: { zh: "报告印出的数字，点击可在原文中看到它所在的位置", en: "the figure as printed; follow it to its exact place in the original" },
  not_reported: { zh: "报告列出了这一项，但印为空白、「—」或「/」", en: "the report lists the item but prints it blank, — or /" },
  uncertain: { zh: "报告印了内容，但无法确定是哪个数字（例如几栏数字连在一起，有多种拆分），原因见注", en: "something is printed but cannot be settled (e.g. cells glued together with several possible splits); see the note" },
  absent: { zh: "报告的表格和正文都没有这一项", en: "neither the table nor the text of the report has this item" },
};

/** A figure the catalog defines as a sum, computed by this site where the report prints the group but not its figure. */
export const COMPUTED = {
  badge: "计算",
  meaning: "报告未印这个数字，由本站按格式规定把下列各项相加得出",
  /** A sum some of whose parts are not reported or not settled. */
  missing: "无法计算",
} as const;

/** A figure read from the report's prose, not from its table. */
export const FROM_TEXT = { badge: "据正文", meaning: "数字不在统计表中，是从报告正文的句子中读出的" } as const;

export const CHECK_TEXT = {
  fail: { badge: "勾稽不符", meaning: "报告自己的数字之间这条关系不成立；本站照原样发布，不作更正" },
  uncertain: { badge: "未能核对", meaning: "这条关系涉及的其他数字未填报或无法确定，无法判断是否成立" },
} as const;

/** A row printed only with words (（四）申请公开的主要内容). */
export const FREE_TEXT = "文字说明，不是数字（见原文）";

/** Rows the report prints that the format does not have. */
export const EXTRA_ROWS = { heading: "报告中另有的行（格式中没有，照原样列出）", raw: "原文", line: (n: number) => `原文第 ${n} 行` } as const;

export const SCROLL_HINT = "表格较宽，可左右滑动查看";
