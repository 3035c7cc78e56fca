/**
 * Which part of a saved page is the report.
 *
 * A government page is a few KB of report inside up to hundreds of KB of
 * site: header, menus, breadcrumb, share bar, related links, footer. Every
 * element is weighed by the text a reader would take for content: visible,
 * not link text, and not inside an element that announces itself as site
 * chrome (a <nav> or <footer>, a class such as `breadcrumb` or `share`, a
 * line starting 当前位置) unless that element is itself full of prose. The
 * body is then the smallest element that still holds nearly all of that
 * weight, all the sentences and every numeric table cell; a known content
 * container of the common site systems (#zoomcon, .TRS_Editor, ucapcontent…)
 * may leave a little more outside.
 */
import { childrenOf, isElement, isInvisible, isText, nameWords, names, type Element, type Node } from "./dom.ts";
import { isLayoutTable } from "./table.ts";

export interface ElementStats {
  /** Visible non-space characters, link text included. */
  chars: number;
  /** Visible non-space characters inside links. */
  linkChars: number;
  /** Characters that count as content: not link text, not inside announced chrome. */
  weight: number;
  /** Sentence punctuation (。，；！？) in the content characters. */
  marks: number;
  /** Sentence punctuation in all text that is not link text, chrome included. */
  allMarks: number;
  /** Table cells holding only a number, in the content. */
  numericCells: number;
  /** Non-space characters other than digits and number punctuation (to tell a numeric cell). */
  nonNumeric: number;
  /** Nested tables below this element. */
  tables: number;
  /** The first visible characters, for lines such as 当前位置 and 分享到. */
  lead: string;
  /** A site footer's marks (版权所有, ICP备, 网站标识码 …) appear in the element's text. */
  footer: boolean;
  /** The element announces itself as chrome and holds no body of prose. */
  chrome: boolean;
}

const LEAD_LENGTH = 12;

/** Words of ids and classes that name site chrome. */
const CHROME_WORDS = new Set([
  "header",
  "head",
  "footer",
  "foot",
  "nav",
  "navbar",
  "menu",
  "breadcrumb",
  "breadcrumbs",
  "crumb",
  "crumbs",
  "position",
  "location",
  "share",
  "bdshare",
  "fenxiang",
  "sidebar",
  "copyright",
  "friendlink",
  "related",
  "xgwz",
  "xglj",
  "print",
  "toolbar",
  "tools",
  "search",
  "login",
  "qrcode",
  "ewm",
]);

const CHROME_TAGS = new Set(["nav", "aside", "footer", "header", "form"]);

/** What only a site's footer prints. */
const FOOTER_MARK = /版权所有|Copyright|©|ICP备|ICP证|网站标识码|公网安备|(?:主办|承办|技术支持)(?:单位)?[：:]/;

/** Lines that are the page's furniture, not the report's: breadcrumb, share bar, print and close buttons. */
export const CHROME_LEAD = /^(?:当前位置|您当前的位置|您的位置|你的位置|当前所在位置|所在位置|现在位置|分享到|分享：|分享:|打印本页|打印此页|关闭窗口|【打印|【关闭|字体[：:]|字号[：:]|【字体|上一篇|下一篇|扫一扫|返回顶部|相关链接|相关文章|相关阅读|相关信息|相关文件|相关稿件)/;

/** Ids, classes and tags of the content containers common Chinese government site systems use. */
const CONTENT_NAMES = new Set([
  "zoomcon",
  "zoom",
  "ucapcontent",
  "ucap-content",
  "trs_editor",
  "trs_ueditor",
  "trs_paper_default",
  "article-content",
  "article_content",
  "articlecontent",
  "art_content",
  "artcontent",
  "article_con",
  "article-con",
  "news_content",
  "newscontent",
  "news-content",
  "detail-content",
  "detail_content",
  "content",
  "contents",
  "con",
  "zw",
  "zwnr",
  "xxgk_content",
  "pages_content",
  "main-txt",
  "main_txt",
  "view",
  "txt",
  "text",
]);

/**
 * Site furniture standing inside the content root: announced chrome that is
 * mostly links, a navigation or footer element, a footer's text, or a
 * furniture line (当前位置…, 分享到…, 【打印本页】) however it is marked up.
 */
export function isFurniture(element: Element, stats: ElementStats | undefined): boolean {
  if (!stats) return false;
  if (stats.chrome) {
    return (
      stats.linkChars >= 0.5 * stats.chars ||
      CHROME_LEAD.test(stats.lead) ||
      stats.footer ||
      element.tagName === "nav" ||
      element.tagName === "aside" ||
      element.tagName === "header" ||
      element.tagName === "footer"
    );
  }
  return stats.chars <= FURNITURE_LINE_CHARS && stats.allMarks === 0 && CHROME_LEAD.test(stats.lead);
}

export function isContentContainer(element: Element): boolean {
  return CONTENT_NAMES.has(element.tagName) || names(element).some((n) => CONTENT_NAMES.has(n));
}

/** Longest furniture line: a breadcrumb, a share bar, a footer. An element that starts with one and goes on is more than that. */
const FURNITURE_LINE_CHARS = 150;
const FOOTER_CHARS = 400;

function announcesChrome(element: Element, stats: ElementStats): boolean {
  if (element.tagName === "body" || element.tagName === "html") return false;
  if (CHROME_TAGS.has(element.tagName)) return true;
  if (nameWords(element).some((w) => CHROME_WORDS.has(w))) return true;
  if (stats.allMarks > 0) return false;
  // A footer starts with its marks (版权所有…, 主办单位：…); an element that only ends with one holds more than the footer.
  const links = stats.linkChars >= 0.5 * stats.chars;
  return (
    (stats.footer && FOOTER_MARK.test(stats.lead) && stats.chars <= FOOTER_CHARS) ||
    (CHROME_LEAD.test(stats.lead) && (stats.chars <= FURNITURE_LINE_CHARS || links))
  );
}

/** Prose enough that no tag or class name makes it chrome (a report inside `<div class="main-foot">` or an ASP.NET <form>). */
function holdsProse(stats: ElementStats): boolean {
  return stats.allMarks >= 3 && stats.chars - stats.linkChars >= 100 && stats.linkChars <= 0.3 * stats.chars;
}

const SENTENCE_MARK = /[。，；！？]/g;
const NUMBER_CHAR = /[0-9０-９.,%．，]/g;

function emptyStats(): ElementStats {
  return { chars: 0, linkChars: 0, weight: 0, marks: 0, numericCells: 0, nonNumeric: 0, tables: 0, lead: "", footer: false, chrome: false, allMarks: 0 };
}

/**
 * Stats of every visible element under `root`, in one pass (post-order,
 * without recursion). Invisible elements have none.
 */
export function measure(root: Element): Map<Element, ElementStats> {
  const stats = new Map<Element, ElementStats>();
  interface Frame {
    element: Element;
    stats: ElementStats;
    next: number;
    inLink: boolean;
  }
  const stack: Frame[] = [{ element: root, stats: emptyStats(), next: 0, inLink: false }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const children = childrenOf(frame.element);
    if (frame.next < children.length) {
      const child: Node = children[frame.next++]!;
      if (isText(child)) {
        const visible = child.value.replace(/[\s\u00a0\u3000\ufeff]+/g, "");
        if (visible.length === 0) continue;
        const s = frame.stats;
        s.chars += visible.length;
        if (s.lead.length < LEAD_LENGTH) s.lead = (s.lead + visible).slice(0, LEAD_LENGTH);
        s.nonNumeric += visible.replace(NUMBER_CHAR, "").length;
        if (!s.footer && FOOTER_MARK.test(visible)) s.footer = true;
        if (frame.inLink) s.linkChars += visible.length;
        else {
          s.weight += visible.length;
          const marks = (visible.match(SENTENCE_MARK) ?? []).length;
          s.marks += marks;
          s.allMarks += marks;
        }
      } else if (isElement(child) && !isInvisible(child)) {
        const inLink = frame.inLink || (child.tagName === "a" && child.attrs.some((a) => a.name === "href"));
        stack.push({ element: child, stats: emptyStats(), next: 0, inLink });
      }
      continue;
    }
    stack.pop();
    const s = frame.stats;
    const { element } = frame;
    if ((element.tagName === "td" || element.tagName === "th") && s.chars > 0 && s.nonNumeric === 0) s.numericCells++;
    s.chrome = announcesChrome(element, s) && !holdsProse(s);
    if (s.chrome) {
      s.weight = 0;
      s.marks = 0;
      s.numericCells = 0;
    }
    stats.set(element, s);
    const parent = stack[stack.length - 1];
    if (parent) {
      const p = parent.stats;
      if (p.lead.length < LEAD_LENGTH && s.lead) p.lead = (p.lead + s.lead).slice(0, LEAD_LENGTH);
      p.chars += s.chars;
      p.linkChars += s.linkChars;
      p.weight += s.weight;
      p.marks += s.marks;
      p.allMarks += s.allMarks;
      p.numericCells += s.numericCells;
      p.nonNumeric += s.nonNumeric;
      p.tables += s.tables + (element.tagName === "table" ? 1 : 0);
      p.footer ||= s.footer;
    }
  }
  return stats;
}

const TABLE_PARTS = new Set(["table", "thead", "tbody", "tfoot", "tr"]);

function insideLayoutTable(part: Element, stats: Map<Element, ElementStats>): boolean {
  let table: Element | null = part;
  while (table && table.tagName !== "table") table = table.parentNode && isElement(table.parentNode) ? table.parentNode : null;
  return table !== null && isLayoutTable(table, stats);
}

/** Elements that hold a paragraph's text rather than a page's parts. */
const TEXT_ELEMENTS = new Set([
  "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "pre", "caption", "a", "abbr", "b", "big", "cite", "code", "em",
  "font", "i", "label", "q", "s", "small", "span", "strike", "strong", "sub", "sup", "u", "o:p",
]);

/**
 * The element that holds the report: from the body down, into the child
 * that holds nearly everything, as long as what its siblings hold is little
 * text, no sentences to speak of and no numeric cells.
 */
export function contentRoot(body: Element, stats: Map<Element, ElementStats>): Element {
  let node = body;
  for (;;) {
    const total = stats.get(node);
    if (!total || total.weight === 0) return node;
    let best: Element | null = null;
    let bestWeight = -1;
    for (const child of node.childNodes) {
      if (!isElement(child)) continue;
      const s = stats.get(child);
      if (s && s.weight > bestWeight) {
        best = child;
        bestWeight = s.weight;
      }
    }
    if (!best) return node;
    // A table of figures is read whole; only a table that lays the page out is gone into.
    if (TABLE_PARTS.has(best.tagName) && !insideLayoutTable(best, stats)) return node;
    const inner = stats.get(best)!;
    const restWeight = total.weight - inner.weight;
    const restMarks = total.marks - inner.marks;
    const restCells = total.numericCells - inner.numericCells;
    const restTables = total.tables - inner.tables - (best.tagName === "table" ? 1 : 0);
    // Into a paragraph (the whole report in one <p>) only when nearly nothing and no table is left beside it: short
    // lines without sentences beside a long paragraph are the report's headings, not chrome.
    const container = !TEXT_ELEMENTS.has(best.tagName) || isContentContainer(best);
    const descend = container
      ? restCells < 3 &&
        (restWeight <= 0.1 * total.weight ||
          (restMarks <= 0.05 * total.marks && restWeight <= 0.5 * total.weight) ||
          (isContentContainer(best) && restMarks <= 0.15 * total.marks && restWeight <= 0.4 * total.weight))
      : restTables === 0 && restWeight <= 0.1 * total.weight;
    if (!descend) return node;
    node = best;
  }
}
