import { defineWarnings } from "../../diagnostics.ts";

export const htmlWarnings = defineWarnings({
  html_charset_mismatch: {
    zh: "页面声明的字符编码与内容不符，已按检测到的编码读取",
    en: "the page declares a charset its bytes do not match; read with the detected encoding",
  },
  html_table_gap: {
    zh: "表格某行的单元格少于上方跨行单元格所需，空缺位置按空白单元格处理",
    en: "a table row has fewer cells than the row-spanning cells above it leave room for; the uncovered positions are read as blank cells",
  },
  html_span_clamped: {
    zh: "表格的 rowspan/colspan 过大，已按单个单元格读取",
    en: "a table cell spans too many rows or columns; it is read as a single cell",
  },
  html_text_unaligned: {
    zh: "部分文字无法对应到页面源代码中的确切位置（页面结构损坏），其位置只是近似",
    en: "some text could not be traced to its exact place in the page source (broken markup); its position is approximate",
  },
});
