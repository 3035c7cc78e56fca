/**
 * Every warning code the converter emits, with its meaning: the registry that
 * docs/input.md is checked against. The stages still write their codes as
 * string literals; they are listed here until each stage declares its own
 * with defineWarnings.
 */
import { defineWarnings, type WarningCodes } from "./diagnostics.ts";
import { PUBLISH_WARNINGS } from "./publish/warnings.ts";

export const STAGE_WARNINGS = defineWarnings({
  damaged_bytes: { zh: "部分字节不是有效的 UTF-8，已替换为 �", en: "some bytes were not valid UTF-8 and were replaced by U+FFFD" },
  unresolved_jurisdiction: { zh: "行政区不在区划代码数据中，使用占位代码", en: "jurisdiction not in the division dataset; placeholder code used" },
  ambiguous_jurisdiction: { zh: "行政区名称对应多个区划，取代码最小者", en: "the name matches several divisions; the lowest code is used" },
  no_template_for_year: { zh: "没有适用于该年度的统计表模板，按默认模板读取", en: "no statistics template covers the year; read with the default" },
  ambiguous_value: { zh: "单元格不是一个明确的数字，记为空", en: "the cell is not one clear number; recorded as null" },
  duplicate_row: { zh: "同一指标出现两次且数值不同，记为空", en: "the same indicator twice with different values; recorded as null" },
  unknown_row: { zh: "统计表中的栏目名不是已知指标", en: "a table row whose label the catalog does not know" },
  ambiguous_label: { zh: "栏目名可属于多个指标，无法区分", en: "a label several indicators share, with nothing to tell them apart" },
  missing_indicator: { zh: "统计表缺少模板中的指标", en: "indicators of the template missing from the table" },
});

export const WARNING_CODES: WarningCodes = { ...STAGE_WARNINGS.codes, ...PUBLISH_WARNINGS.codes };
