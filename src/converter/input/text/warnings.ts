/** Warnings of the text input adapter. */
import { defineWarnings } from "../../diagnostics.ts";

export const textWarnings = defineWarnings({
  unclosed_comment: {
    zh: "网页文字里有未闭合的 HTML 注释（<!-- 没有对应的 -->）：只删去了注释标记，其后的文字作为正文保留",
    en: "an HTML comment in page text is never closed (<!-- without -->): only the marker was removed, the text after it is kept as body text",
  },
  unreadable_page_date: {
    zh: "页面信息里的发布日期无法读成有效日期，发布日期留空",
    en: "the publication date in the page's header or information table is not a valid date; publishedOn is left null",
  },
});
