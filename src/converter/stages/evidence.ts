/**
 * Is this text an annual report at all? A news item about a report ("我区发布
 * 2018年政府信息公开工作年度报告…报告显示…") carries a title-like line and
 * even the quoted title, so the title alone does not decide. An annual report
 * speaks about itself in fixed formulas and has the sections the regulation
 * prescribes; a text with none of the marks below is refused (not_a_report)
 * rather than published as a report with made-up metadata.
 */
export type ReportMark = "formula" | "statistics_table" | "section_heading";

/** 本报告由…编制, 统计期限为…, 现予发布 — the self-description every report opens with. */
const FORMULA = /本报告|本年度报告|统计期限|统计时限|现予发布|现予公布|特此报告/;
/** A numbered section of the prescribed outline (概述, 主动公开, 依申请公开, 复议/诉讼, 收费, 问题与改进). */
const SECTION_HEADING = /^\s*(?:#+\s*)?[一二三四五六七八九十]{1,2}\s*[、.．]\s*.{0,12}(?:概述|概况|主动公开|依申请|复议|诉讼|收费|存在的?(?:主要)?问题|改进)/;

/** The marks of an annual report found in the text, in a fixed order; empty = not a report. */
export function reportMarks(texts: readonly string[], hasStatisticsTable: boolean): ReportMark[] {
  const marks: ReportMark[] = [];
  if (texts.some((t) => FORMULA.test(t))) marks.push("formula");
  if (hasStatisticsTable) marks.push("statistics_table");
  if (texts.some((t) => SECTION_HEADING.test(t))) marks.push("section_heading");
  return marks;
}
