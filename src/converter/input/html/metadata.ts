/**
 * What a page says about itself, outside the report: its title, publication
 * date, address and publisher, from the page's <meta> tags (TRS and similar
 * systems write ArticleTitle, PubDate, Url, Author, ContentSource), its
 * information table (名称 / 发布机构 / 公开日期), its title block, the
 * label：value lines around the article (来源：… 时间：…) and a capture
 * tool's header (标题 / 来源 / 采集时间).
 */
import { slice, trim } from "../../document/source-text.ts";
import type { PageMetadata, SourceText } from "../../document/types.ts";
import { attr, findElement, headingLevel, isElement, isText, nameWords, walk, type Document, type Element } from "./dom.ts";
import type { FlowBlock, TableField } from "./flow.ts";
import { mapAttribute, mapTextNode } from "./source-map.ts";

/** Labels of the page's own fields, longest first so 发布机构 is not read as 发布. */
const FIELD_LABELS = [
  "发布机构",
  "发布单位",
  "发文机关",
  "发文单位",
  "公开主体",
  "所属机构",
  "信息来源",
  "公开日期",
  "发布日期",
  "发布时间",
  "公开时间",
  "发文日期",
  "成文日期",
  "生成日期",
  "采集时间",
  "抓取时间",
  "保存时间",
  "原文链接",
  "原文地址",
  "文件名称",
  "信息名称",
  "文章标题",
  "索引号",
  "发文字号",
  "主题分类",
  "体裁分类",
  "组配分类",
  "浏览次数",
  "点击次数",
  "点击数",
  "访问量",
  "责任编辑",
  "关键词",
  "主题词",
  "有效性",
  "文号",
  "分类",
  "标题",
  "名称",
  "来源",
  "作者",
  "编辑",
  "单位",
  "网址",
  "链接",
  "日期",
  "时间",
  "字号",
  "字体",
  "URL",
];

const LABEL_PATTERN = new RegExp(`(?:^|[\\s\\u00a0\\u3000|｜【】\\[\\]]+)(${FIELD_LABELS.join("|")})[\\s\\u00a0\\u3000]*[：:]`, "g");

interface LineField {
  label: string;
  value: SourceText;
}

/** The label：value fields of one line ("来源：平潭县人民政府 时间：2014-02-25 00:00" is two). */
export function lineFields(text: SourceText): LineField[] {
  const found: { label: string; matchStart: number; valueStart: number }[] = [];
  for (const m of text.text.matchAll(LABEL_PATTERN)) found.push({ label: m[1]!, matchStart: m.index, valueStart: m.index + m[0].length });
  return found.map((f, i) => {
    // A value ends where the next label's separator starts; a bracket closing the field (【字体：大 中 小】) is not part of it.
    let end = found[i + 1]?.matchStart ?? text.text.length;
    while (end > f.valueStart && /[】\]\s\u00a0\u3000]/.test(text.text[end - 1]!)) end--;
    return { label: f.label, value: trim(slice(text, f.valueStart, end)) };
  });
}

/** Labels of what a page says about an article (not what a report says), for lines of nothing else. */
const ARTICLE_FIELD_LABELS = new Set([
  "发布机构", "发布单位", "信息来源", "公开日期", "发布日期", "发布时间", "公开时间", "发文日期", "成文日期", "生成日期", "索引号", "发文字号",
  "主题分类", "体裁分类", "组配分类", "浏览次数", "点击次数", "点击数", "访问量", "责任编辑", "关键词", "主题词", "有效性", "文号", "分类",
  "来源", "作者", "编辑", "日期", "时间", "字号", "字体",
]);

/** Longest line of article fields (发布日期：… 来源：… 点击数：…). */
const FIELD_LINE_CHARS = 120;

/**
 * A line made only of the page's article fields ("发布日期：2018年3月28日 点击数："),
 * the site's even where it stands inside the body.
 */
export function isFieldLine(text: SourceText): boolean {
  if (text.text.length > FIELD_LINE_CHARS || /[。；]/.test(text.text)) return false;
  const fields = lineFields(text);
  if (fields.length === 0 || !ARTICLE_FIELD_LABELS.has(fields[0]!.label)) return false;
  // The first label opens the line.
  if (!text.text.startsWith(fields[0]!.label)) return false;
  return fields.every((f) => ARTICLE_FIELD_LABELS.has(f.label));
}

function isoDate(text: string): string | null {
  const m = /((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${m[1]}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function url(text: string): string | null {
  const m = /^https?:\/\/[^\s"'<>]+$/i.exec(text.trim());
  return m ? m[0] : null;
}

/** Account names a site system writes as Author (超级管理员, admin), which name no publisher. */
const ACCOUNT_NAME = /^(?:超级管理员|系统管理员|管理员|网站管理员|admin|administrator|system|root|editor|编辑|系统|佚名|未知|无)$/i;

/**
 * A title with the site's name cut off: the segment of
 * "XX年度报告_政府信息公开年报_平潭综合实验区党工委管委会" or
 * "XX年度报告-沭阳县发改局" that names a report (else the first).
 * Hyphens between digits (2019-2020年) do not separate.
 */
export function withoutSiteName(title: SourceText): SourceText {
  const separator = /\s*(?:[_|｜]|(?<![0-9０-９])[-–](?![0-9０-９]))\s*/g;
  const segments: { from: number; to: number }[] = [];
  let from = 0;
  for (const m of title.text.matchAll(separator)) {
    segments.push({ from, to: m.index });
    from = m.index + m[0].length;
  }
  segments.push({ from, to: title.text.length });
  const named = segments.filter((s) => s.to > s.from);
  const pick = named.find((s) => /报告|年报/.test(title.text.slice(s.from, s.to))) ?? named[0];
  return pick ? trim(slice(title, pick.from, pick.to)) : title;
}

function compact(text: string): string {
  return text.replace(/[\s\u00a0\u3000]/g, "");
}

interface MetaTags {
  get(name: string): Element | undefined;
}

function metaTags(document: Document): MetaTags {
  const byName = new Map<string, Element>();
  walk(document, (node) => {
    if (!isElement(node)) return true;
    if (node.tagName === "meta") {
      const name = (attr(node, "name") ?? attr(node, "property") ?? "").toLowerCase();
      const content = attr(node, "content");
      if (name && content && content.trim() && !byName.has(name)) byName.set(name, node);
      return false;
    }
    return true;
  });
  return { get: (name) => byName.get(name.toLowerCase()) };
}

function elementText(source: string, element: Element): SourceText | null {
  const parts: { text: string; offsets: Int32Array }[] = [];
  walk(element, (node) => {
    if (isText(node)) parts.push(mapTextNode(source, node));
    return true;
  });
  const text = parts.map((p) => p.text).join("");
  const offsets = new Int32Array(text.length);
  let at = 0;
  for (const p of parts) {
    offsets.set(p.offsets, at);
    at += p.text.length;
  }
  const folded = foldSpaces({ text, offsets });
  return folded.text.length > 0 ? folded : null;
}

/** Runs of white space as one space, none at the ends. */
function foldSpaces(text: SourceText): SourceText {
  const chars: string[] = [];
  const offsets: number[] = [];
  for (let i = 0; i < text.text.length; i++) {
    const c = text.text[i]!;
    if (/[\s\u00a0\u3000]/.test(c)) {
      if (chars.length > 0 && chars[chars.length - 1] !== " ") {
        chars.push(" ");
        offsets.push(text.offsets[i]!);
      }
      continue;
    }
    chars.push(c);
    offsets.push(text.offsets[i]!);
  }
  if (chars[chars.length - 1] === " ") {
    chars.pop();
    offsets.pop();
  }
  return { text: chars.join(""), offsets: Int32Array.from(offsets) };
}

export type TextFlowBlock = FlowBlock & { block: { kind: "heading" | "paragraph"; text: SourceText } };

function isTextBlock(b: FlowBlock): b is TextFlowBlock {
  return b.block.kind === "heading" || b.block.kind === "paragraph";
}

/** A block that may be the page's title block: a heading, or an element whose id or class says title. */
function isTitleCandidate(block: FlowBlock): boolean {
  if (block.block.kind !== "heading" && block.block.kind !== "paragraph") return false;
  const text = block.block.text.text;
  if (text.length < 6 || text.length > 120) return false;
  for (let element: Element | null = block.element, up = 0; element && up < 3; up++) {
    if (headingLevel(element) !== null) return true;
    if (element.tagName === "ucaptitle" || nameWords(element).some((w) => w === "title" || w === "tit" || w === "bt" || w === "biaoti")) return true;
    element = element.parentNode && isElement(element.parentNode) ? element.parentNode : null;
  }
  return false;
}

export interface PageReading {
  metadata: PageMetadata;
  /** The flow block that is the page's title block, if one was found. */
  titleBlock: TextFlowBlock | null;
}

export function readMetadata(source: string, document: Document, blocks: FlowBlock[], tableFields: TableField[]): PageReading {
  const metas = metaTags(document);
  const metaText = (name: string): string | null => {
    const element = metas.get(name);
    return element ? (attr(element, "content") ?? "").trim() || null : null;
  };

  // Fields in the order the page gives them: the information table first, then label：value lines of the site's blocks.
  const fields: LineField[] = [...tableFields];
  const chrome = blocks.filter((b) => b.region === "chrome");
  chrome.forEach((b, i) => {
    // An info box written as a list (<li><span>发布机构：</span>…</li>) gives a field per item.
    if (b.block.kind === "list") for (const item of b.block.items) fields.push(...lineFields(item));
    if (b.block.kind !== "paragraph" && b.block.kind !== "heading") return;
    const text = b.block.text;
    const bare = compact(text.text).replace(/[：:]$/, "");
    const next = chrome[i + 1]?.block;
    if (FIELD_LABELS.includes(bare) && next && (next.kind === "paragraph" || next.kind === "heading")) {
      // A label and its value in two elements (<dt>发布机构</dt><dd>…</dd>).
      fields.push({ label: bare, value: next.text });
      return;
    }
    fields.push(...lineFields(text));
  });
  const field = (labels: readonly string[], accept: (value: SourceText) => boolean = (v) => v.text.length > 0): SourceText | null => {
    for (const label of labels) {
      const found = fields.find((f) => f.label === label && accept(f.value));
      if (found) return found.value;
    }
    return null;
  };

  // Title.
  const titleTag = findElement(document, (e) => e.tagName === "title");
  const pageTitle = titleTag ? elementText(source, titleTag) : null;
  const articleTitle = metas.get("ArticleTitle");
  const metaTitle = articleTitle ? mapAttribute(source, articleTitle, "content") : null;
  const labelledTitle = field(["名称", "标题", "文件名称", "信息名称", "文章标题"]);
  const references = [metaTitle, labelledTitle, pageTitle]
    .filter((t): t is NonNullable<typeof t> => t !== null && t.text.trim().length > 0)
    .map((t) => compact(withoutSiteName(trim(t)).text));
  // The title block prints the title the page names itself by, however it is marked up; failing that, a heading or
  // title element that names a year's report (not a column heading such as 政府信息公开年报).
  const textBlocks = blocks.filter(isTextBlock);
  const titleBlock =
    textBlocks.find((b) => b.block.text.text.length >= 6 && references.includes(compact(b.block.text.text))) ??
    textBlocks.find((b) => isTitleCandidate(b) && /年度报告|年报/.test(b.block.text.text) && /(?:19|20)\d{2}/.test(b.block.text.text)) ??
    null;
  let title: SourceText | null = null;
  if (metaTitle && metaTitle.text.trim()) title = foldSpaces(metaTitle);
  else if (titleBlock) title = titleBlock.block.text;
  else if (labelledTitle) title = withoutSiteName(labelledTitle);
  else if (pageTitle) title = withoutSiteName(pageTitle);

  // Publication date.
  let publishedOn: string | null = null;
  for (const name of ["PubDate", "pubdate", "publishdate", "firstpublishedtime", "article:published_time", "dc.date"]) {
    const value = metaText(name);
    publishedOn = value ? isoDate(value) : null;
    if (publishedOn) break;
  }
  const dated = (labels: string[]) => {
    const value = field(labels, (v) => isoDate(v.text) !== null);
    return value ? isoDate(value.text) : null;
  };
  publishedOn ??= dated(["公开日期", "发布日期", "发布时间", "公开时间", "发文日期"]);
  if (!publishedOn) {
    const element = findElement(document, (e) => e.tagName === "publishtime");
    const text = element ? elementText(source, element) : null;
    publishedOn = text ? isoDate(text.text) : null;
  }
  publishedOn ??= dated(["生成日期", "日期", "时间"]);

  // The page's own address.
  let address = url(metaText("Url") ?? "");
  address ??= (() => {
    const value = field(["原文链接", "原文地址", "网址", "链接", "URL", "来源"], (v) => url(v.text) !== null);
    return value ? url(value.text) : null;
  })();
  if (!address) {
    const canonical = findElement(document, (e) => e.tagName === "link" && (attr(e, "rel") ?? "").toLowerCase().split(/\s+/).includes("canonical"));
    address = canonical ? url(attr(canonical, "href") ?? "") : null;
  }
  address ??= url(metaText("og:url") ?? "");

  // Publisher.
  const named = (v: SourceText) => v.text.length > 0 && url(v.text) === null && !ACCOUNT_NAME.test(v.text.trim());
  let publisher = field(["发布机构", "发布单位", "发文机关", "发文单位", "公开主体", "所属机构"], named)?.text ?? null;
  for (const name of ["Author", "ContentSource"]) {
    const value = metaText(name);
    if (!publisher && value && !ACCOUNT_NAME.test(value)) publisher = value;
  }
  publisher ??= field(["信息来源", "来源", "单位"], named)?.text ?? null;

  return { metadata: { title, publishedOn, url: address, publisher }, titleBlock };
}
