/** Warnings the PDF adapter records about a PDF's text layer. */
import { defineWarnings } from "../../diagnostics.ts";

export const pdfWarnings = defineWarnings({
  pdf_page_without_text: {
    zh: "该页没有文字（空白页，或扫描图像、图片），其内容未读取；请对照原件",
    en: "the page has no text (a blank page, or a scanned image or a picture): whatever it shows was not read; compare with the original",
  },
  pdf_ocr_text_layer: {
    zh: "文字层不可见（扫描件上的识别文字），其中的数字来自文字识别，可能有误",
    en: "the text layer is invisible (recognised text over a scan): its figures come from character recognition and may be wrong",
  },
  pdf_hidden_text: {
    zh: "白底上的白色文字打印时看不见，未读取",
    en: "text painted white on a white page is not visible in print and was left out",
  },
  pdf_unmapped_glyphs: {
    zh: "部分字符的字体没有 Unicode 对应，无法识别，文字可能残缺",
    en: "some glyphs have no Unicode mapping in their font: they could not be read and the text may be incomplete",
  },
  pdf_unreadable_page: {
    zh: "该页无法解析，其内容未读取",
    en: "the page could not be parsed: its content was not read",
  },
  pdf_lines_not_read: {
    zh: "该页线条过多（图表或矢量图），未据此识别表格，表格按文字位置读取",
    en: "the page draws too many lines (a chart or a vector drawing) to read tables from them: its tables were read from text positions",
  },
});
