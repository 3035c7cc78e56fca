/**
 * Text a page-capture tool saved: a header (标题：…, 单位：…, 来源：http…,
 * 采集时间：…), then the site's header menu one item a line (繁體版, 无障碍,
 * 首页, 走进沭阳 …), the page's information table (名称 / 索引号 / 发布机构 /
 * 公开日期 …, cells separated by tabs), and then the report, one line per block.
 *
 * The header and the information table become PageMetadata (the title from
 * 名称, which has no site suffix, else from 标题 without it; the date from
 * 公开日期; the address from 来源; the publisher from 发布机构). The header is
 * removed as `crawler_header`, the menu and the table as `page_chrome`.
 */
import type { PageMetadata, SourceText } from "../../document/types.ts";
import type { Diagnostic, Removal } from "../../../schema/report.ts";
import { publicationDate, type PageHeaderResult } from "./crawler.ts";
import { removal } from "./noise.ts";
import { headerField, urlOf, withoutSiteSuffix } from "./page-header.ts";
import { splitText, trimWith, type PhysicalLine } from "./source-edit.ts";

const HEADER_KEYS = ["标题", "单位", "来源", "网址", "链接", "采集时间", "抓取时间", "保存时间"];
/** Labels of a government page's information table (信息公开目录 metadata). */
const INFO_LABELS = new Set([
  "名称", "标题", "索引号", "分类", "主题分类", "组配分类", "发布机构", "发文机关", "公开日期", "发布日期", "成文日期", "生成日期",
  "文号", "发文字号", "关键词", "主题词", "时效", "有效性", "文件下载", "公开方式", "公开范围", "信息来源", "体裁分类",
]);
const PAGE_DATE = /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:星期|周)[一二三四五六日天]$/;
/** Punctuation no menu item carries. */
const NOT_MENU = /[\d，。；：、！？（）《》“”,.;:!?()]/;
const MAX_MENU_ITEM = 12;
/** How far down the capture header's 来源 or 采集时间 may stand. */
const HEADER_LINES = 8;

function content(lines: readonly PhysicalLine[]): PhysicalLine[] {
  return lines.filter((l) => l.text.text.trim() !== "");
}

/** A capture tool's text: it opens with 标题： and names its 来源 address or 采集时间 right below. */
export function isCapturePage(lines: readonly PhysicalLine[]): boolean {
  const head = content(lines.slice(0, HEADER_LINES * 2)).slice(0, HEADER_LINES);
  if (head.length === 0 || !/^\s*标题\s*[:：]/.test(head[0]!.text.text)) return false;
  return head.some((l) => /^\s*(?:来源|网址|链接)\s*[:：]\s*https?:\/\//.test(l.text.text) || /^\s*采集时间\s*[:：]/.test(l.text.text));
}

function infoCells(line: SourceText): SourceText[] {
  return splitText(line, /\t| {2,}/).map((c) => trimWith(c, "\\s"));
}

function isInfoLine(line: SourceText): boolean {
  const first = infoCells(line).find((c) => c.text !== "");
  return first !== undefined && INFO_LABELS.has(first.text);
}

function isMenuItem(text: string): boolean {
  const item = text.trim();
  return item.length <= MAX_MENU_ITEM && !NOT_MENU.test(item) && !item.endsWith("报告");
}

/** label → value pairs of an information-table line ("发布机构 \t…\t公开日期 \t2024-01-17"). */
function infoFields(line: SourceText): Map<string, SourceText> {
  const fields = new Map<string, SourceText>();
  const cells = infoCells(line).filter((c) => c.text !== "");
  for (let i = 0; i < cells.length; i++) {
    const label = cells[i]!.text;
    const value = cells[i + 1];
    if (INFO_LABELS.has(label) && value && !INFO_LABELS.has(value.text)) {
      fields.set(label, value);
      i++;
    }
  }
  return fields;
}

export function readCapturePage(lines: readonly PhysicalLine[]): PageHeaderResult {
  const diagnostics: Diagnostic[] = [];
  const removals: Removal[] = [];
  const header: Record<string, { value: SourceText; line: number }> = {};
  let i = 0;
  while (i < lines.length && lines[i]!.text.text.trim() === "") i++;
  const headerStart = i;
  for (; i < lines.length; i++) {
    const field = headerField(lines[i]!.text, HEADER_KEYS);
    if (!field) break;
    header[field.key] ??= { value: field.value, line: lines[i]!.n };
  }
  removals.push(removal("crawler_header", lines[headerStart]!.n, lines[i - 1]!.n, lines[headerStart]!.text.text));

  const info = new Map<string, { value: SourceText; line: number }>();
  const chromeStart = i;
  let chromeEnd = i; // exclusive: the first line of the report
  for (; i < lines.length; i++) {
    const text = lines[i]!.text;
    if (text.text.trim() === "") continue;
    if (isInfoLine(text)) {
      for (const [label, value] of infoFields(text)) if (!info.has(label)) info.set(label, { value, line: lines[i]!.n });
    } else if (!PAGE_DATE.test(text.text.trim()) && !isMenuItem(text.text)) break;
    chromeEnd = i + 1;
  }
  if (chromeEnd > chromeStart) {
    const first = lines.slice(chromeStart, chromeEnd).find((l) => l.text.text.trim() !== "")!;
    removals.push(removal("page_chrome", first.n, lines[chromeEnd - 1]!.n, first.text.text));
  }

  const site = header["单位"]?.value.text ?? null;
  const named = info.get("名称") ?? info.get("标题");
  const metadata: PageMetadata = {
    title: named ? named.value : header["标题"] ? withoutSiteSuffix(header["标题"].value, site) : null,
    publishedOn: null,
    url: header["来源"] ? urlOf(header["来源"].value) : header["网址"] ? urlOf(header["网址"].value) : header["链接"] ? urlOf(header["链接"].value) : null,
    publisher: info.get("发布机构")?.value.text ?? info.get("发文机关")?.value.text ?? null,
  };
  const dated = info.get("公开日期") ?? info.get("发布日期");
  if (dated) metadata.publishedOn = publicationDate(dated.value, dated.line, diagnostics);
  return { metadata, body: lines.slice(chromeEnd), removals, diagnostics };
}
