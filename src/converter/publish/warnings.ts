/**
 * Warnings of the publishing step. identical_copies, several_versions and
 * forms_disagree are stored on the published report (its `diagnostics`);
 * damaged_manifest and interrupted_commit concern a run and are printed by it.
 */
import { defineWarnings } from "../diagnostics.ts";

export const PUBLISH_WARNINGS = defineWarnings({
  identical_copies: { zh: "同一报告有字节相同的副本，只发布一份", en: "byte-identical copies of this report; it is published once" },
  several_versions: {
    zh: "同一报告有内容不同的多个版本（更正后重新发布），发布最新的一份，其余版本的数据保留",
    en: "several versions of this report (a corrected re-issue); the newest is published, the others' data is kept",
  },
  forms_disagree: {
    zh: "同一报告的两种形式（网页与文本、PDF与提取的文本）有数字不同，发布信息更完整的形式",
    en: "two forms of this report (page and text, PDF and its text) give a figure differently; the richer form is published",
  },
  damaged_manifest: { zh: "转换缓存已损坏，已丢弃，所有文件重新转换", en: "the conversion cache was damaged; it was discarded and every file converted again" },
  interrupted_commit: {
    zh: "上一次运行在发布过程中中断，已先完成其发布",
    en: "the previous run was interrupted while publishing; its publication was completed first",
  },
});
