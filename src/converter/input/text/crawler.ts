/**
 * Text a web crawler saved for a page (page.txt): a header block
 *
 *   标题: …  发布时间: 2017-01-18 15:57  文号:  发布机构: …  栏目: …
 *   原文链接: https://…  本地目录: …  页面链接与图片详见 links.tsv(同目录)
 *   ==================== 正文 ====================
 *
 * then the page's text, often ONE physical line holding the whole report with
 * the site around it: the breadcrumb and the page's own title block and share
 * bar before the report (当前位置： 首页政务公开… 来源：… 时间：… 微信 微博 QQ空间
 * 全真版 文字版 文件下载 相关链接： -->), an attachment link after it (附件下载).
 * The header becomes PageMetadata and is removed (`crawler_header`); the site
 * chrome is removed (`page_chrome`); the report text keeps its offsets.
 */
import { EMPTY_TEXT } from "../../document/source-text.ts";
import type { PageMetadata, SourceText } from "../../document/types.ts";
import type { Diagnostic, Removal } from "../../../schema/report.ts";
import { excerpt, removal } from "./noise.ts";
import { headerField, isoDate, urlOf } from "./page-header.ts";
import { TextBuilder, type PhysicalLine } from "./source-edit.ts";
import { textWarnings } from "./warnings.ts";

const BODY_RULE = /^\s*={3,}\s*正文\s*={3,}\s*$/;
const HEADER_KEYS = ["标题", "发布时间", "发布日期", "文号", "发布机构", "来源", "栏目", "原文链接", "本地目录", "索引号"];
/** How far down the header's rule may stand. */
const HEADER_LINES = 20;

function firstContentLine(lines: readonly PhysicalLine[]): PhysicalLine | undefined {
  return lines.find((l) => l.text.text.trim() !== "");
}

/** A crawler's page text: it opens with 标题: and has the 正文 rule within its first lines. */
export function isCrawlerPage(lines: readonly PhysicalLine[]): boolean {
  const first = firstContentLine(lines);
  if (!first || !/^\s*标题\s*[:：]/.test(first.text.text)) return false;
  return lines.slice(0, HEADER_LINES).some((l) => BODY_RULE.test(l.text.text));
}

export interface PageHeaderResult {
  metadata: PageMetadata;
  /** The lines after the header. */
  body: PhysicalLine[];
  removals: Removal[];
  diagnostics: Diagnostic[];
}

export function publicationDate(value: SourceText, line: number, diagnostics: Diagnostic[]): string | null {
  const date = isoDate(value.text);
  if (date === "invalid") {
    diagnostics.push(
      textWarnings.warn("unreadable_page_date", line, `第 ${line} 行的发布日期“${value.text}”不是有效日期 / line ${line}: publication date "${value.text}" is not a valid date`),
    );
    return null;
  }
  return date;
}

export function readCrawlerHeader(lines: readonly PhysicalLine[]): PageHeaderResult {
  const ruleIndex = lines.findIndex((l, i) => i < HEADER_LINES && BODY_RULE.test(l.text.text));
  const header = lines.slice(0, ruleIndex + 1);
  const metadata: PageMetadata = { title: null, publishedOn: null, url: null, publisher: null };
  const diagnostics: Diagnostic[] = [];
  for (const line of header) {
    const field = headerField(line.text, HEADER_KEYS);
    if (!field || field.value.text === "") continue;
    if (field.key === "标题") metadata.title ??= field.value;
    else if (field.key === "发布时间" || field.key === "发布日期") metadata.publishedOn ??= publicationDate(field.value, line.n, diagnostics);
    else if (field.key === "原文链接") metadata.url ??= urlOf(field.value);
    else if (field.key === "发布机构" || field.key === "来源") metadata.publisher ??= field.value.text;
  }
  const removals = [removal("crawler_header", header[0]!.n, header[header.length - 1]!.n, header[0]!.text.text)];
  return { metadata, body: lines.slice(ruleIndex + 1), removals, diagnostics };
}

// ---------------------------------------------------------------- site chrome inside the page text

const SENTENCE = /[，。；！？,;!?]/;
/** Words of a page's share bar and tool links, each a token of its own. */
const SHARE_WORDS = new Set([
  "微信", "微博", "QQ空间", "QQ", "空间", "全真版", "文字版", "文件下载", "打印", "关闭", "分享", "分享到", "分享到：", "收藏",
  "打印本页", "关闭窗口", "【打印】", "【关闭】", "【打印本页】", "【关闭窗口】", "返回顶部", "字号", "字号：", "大", "中", "小",
  "【大】", "【中】", "【小】", "【大中小】", "默认", "繁体", "简体", "相关链接", "相关链接：", "相关链接:", "-->", "扫一扫",
]);
/** Labels of the page's title block (来源：…, 时间：…); the value may follow in the same token or the next. */
const PAGE_LABEL = /^(?:来源|信息来源|发布时间|时间|日期|发布日期|作者|浏览次数|点击数|阅读次数|访问量|浏览量|发布者|发布机构|字号|字体)\s*[:：]/;
const TIME = /^\d{1,2}:\d{2}(?::\d{2})?$/;
const DATE = /^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?$/;
const CRUMB_SEPARATOR = /^[>＞»›/]+$/;
/** Links a page puts after the text: its attachments, print and close buttons. */
const TRAILER_WORDS = new Set([
  "附件下载", "附件：", "附件:", "相关附件", "打印本页", "关闭窗口", "【打印本页】", "【关闭窗口】", "【打印】", "【关闭】", "打印", "关闭",
  "返回顶部", "扫一扫在手机打开当前页", "分享到：", "上一篇", "下一篇",
]);
/** Words between chrome that belong to it (the crumb path, the page's repeated title), at most this many in a row. */
const MAX_WEAK_RUN = 3;

interface Token {
  text: string;
  start: number;
  end: number;
}

/** The space-separated tokens of a text from `from` on, read as they are asked for. */
function* tokens(text: string, from = 0): Generator<Token> {
  const regex = /\S+/g;
  regex.lastIndex = from;
  for (let m = regex.exec(text); m; m = regex.exec(text)) yield { text: m[0], start: m.index, end: m.index + m[0].length };
}

function isChromeToken(token: string): boolean {
  return SHARE_WORDS.has(token) || PAGE_LABEL.test(token) || TIME.test(token) || DATE.test(token) || CRUMB_SEPARATOR.test(token);
}

function isWeakToken(token: string): boolean {
  return token.length <= 60 && !SENTENCE.test(token);
}

interface Cut {
  start: number;
  end: number;
}

/** From 当前位置： through the page's title block and share bar. */
function breadcrumbCuts(text: string): Cut[] {
  const cuts: Cut[] = [];
  let covered = 0;
  for (const m of text.matchAll(/当前位置\s*[:：]/g)) {
    if (m.index < covered) continue;
    let end = m.index + m[0].length;
    let weak = 0;
    let valueAllowed = true; // the crumb path right after 当前位置：
    for (const token of tokens(text, end)) {
      if (isChromeToken(token.text) || (valueAllowed && isWeakToken(token.text))) {
        end = token.end;
        weak = 0;
        valueAllowed = /[:：]$/.test(token.text) || CRUMB_SEPARATOR.test(token.text);
        continue;
      }
      valueAllowed = false;
      if (isWeakToken(token.text) && weak < MAX_WEAK_RUN) {
        weak++;
        continue;
      }
      break;
    }
    cuts.push({ start: m.index, end });
    covered = end;
  }
  return cuts;
}

/** A share bar without a breadcrumb: a run of chrome tokens holding at least three share words. */
function shareBarCuts(text: string): Cut[] {
  const cuts: Cut[] = [];
  let run: Token[] = [];
  const flush = () => {
    if (run.filter((t) => SHARE_WORDS.has(t.text)).length >= 3) cuts.push({ start: run[0]!.start, end: run[run.length - 1]!.end });
    run = [];
  };
  for (const token of tokens(text)) {
    if (isChromeToken(token.text)) run.push(token);
    else flush();
  }
  flush();
  return cuts;
}

function trailerCut(text: string): Cut | null {
  let start = -1;
  let end = -1;
  // Walk back over the last tokens while they are the page's trailing links.
  let at = text.length;
  for (;;) {
    while (at > 0 && /\s/.test(text[at - 1]!)) at--;
    let from = at;
    while (from > 0 && !/\s/.test(text[from - 1]!)) from--;
    if (from === at || !TRAILER_WORDS.has(text.slice(from, at))) break;
    if (end < 0) end = at;
    start = from;
    at = from;
  }
  return end >= 0 ? { start, end } : null;
}

function merge(cuts: Cut[]): Cut[] {
  const sorted = [...cuts].sort((a, b) => a.start - b.start);
  const out: Cut[] = [];
  for (const cut of sorted) {
    const last = out[out.length - 1];
    if (last && cut.start <= last.end) last.end = Math.max(last.end, cut.end);
    else out.push({ ...cut });
  }
  return out;
}

/** The page text of one line without the site's breadcrumb, share bar and trailing links; each cut logged as page_chrome. */
export function removeSiteChrome(line: PhysicalLine): { text: SourceText; removals: Removal[] } {
  const text = line.text.text;
  const trailer = trailerCut(text);
  const cuts = merge([...breadcrumbCuts(text), ...shareBarCuts(text), ...(trailer ? [trailer] : [])]);
  if (cuts.length === 0) return { text: line.text, removals: [] };
  const out = new TextBuilder();
  let last = 0;
  for (const cut of cuts) {
    out.keep(line.text, last, cut.start);
    last = cut.end;
  }
  out.keep(line.text, last);
  const removals = cuts.map((cut) => removal("page_chrome", line.n, line.n, excerpt(text.slice(cut.start, cut.end))));
  const built = out.build();
  return { text: built.text.trim() === "" ? EMPTY_TEXT : built, removals };
}
