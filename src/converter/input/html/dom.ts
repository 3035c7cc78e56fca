/**
 * The few facts about parse5's tree the HTML adapter needs: what kind of
 * node a node is, an element's attributes, which elements a reader never
 * sees, which ones start a new block. Every walk over the tree is iterative:
 * a hostile page nests elements ten thousand deep.
 */
import type { DefaultTreeAdapterTypes } from "parse5";

export type Node = DefaultTreeAdapterTypes.Node;
export type ChildNode = DefaultTreeAdapterTypes.ChildNode;
export type Element = DefaultTreeAdapterTypes.Element;
export type TextNode = DefaultTreeAdapterTypes.TextNode;
export type Document = DefaultTreeAdapterTypes.Document;

export function isElement(node: Node): node is Element {
  return "tagName" in node;
}

export function isText(node: Node): node is TextNode {
  return node.nodeName === "#text";
}

export function childrenOf(node: Node): ChildNode[] {
  return "childNodes" in node ? node.childNodes : [];
}

export function attr(element: Element, name: string): string | null {
  for (const a of element.attrs) if (a.name === name) return a.value;
  return null;
}

/**
 * The words of an element's id and class names, lower case: `article-content`,
 * `xxgkHead` and `TRS_Editor` give article, content, xxgk, head, trs, editor.
 */
export function nameWords(element: Element): string[] {
  const names = `${attr(element, "id") ?? ""} ${attr(element, "class") ?? ""}`;
  return names
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/** The id and each class name, lower case and whole (`article_content`, `zoomcon`). */
export function names(element: Element): string[] {
  const id = attr(element, "id");
  const classes = (attr(element, "class") ?? "").split(/\s+/);
  return [...(id ? [id] : []), ...classes].map((n) => n.toLowerCase()).filter((n) => n.length > 0);
}

/** Elements whose content a reader of the page never sees as text. */
const INVISIBLE = new Set([
  "head",
  "script",
  "style",
  "noscript",
  "template",
  "iframe",
  "frame",
  "frameset",
  "object",
  "embed",
  "applet",
  "video",
  "audio",
  "canvas",
  "svg",
  "math",
  "map",
  "input",
  "select",
  "option",
  "optgroup",
  "datalist",
  "textarea",
  "button",
  "title",
  "meta",
  "link",
  "base",
  "img",
  "picture",
  "source",
  "track",
  "wbr",
]);

/** Hidden by the page itself: the `hidden` attribute or an inline display:none / visibility:hidden. */
export function isHidden(element: Element): boolean {
  if (attr(element, "hidden") !== null) return true;
  const style = attr(element, "style");
  if (!style) return false;
  const compact = style.toLowerCase().replace(/\s+/g, "");
  return /(?:^|;)display:none(?:!important)?(?:;|$)/.test(compact) || /(?:^|;)visibility:hidden(?:!important)?(?:;|$)/.test(compact);
}

export function isInvisible(element: Element): boolean {
  return INVISIBLE.has(element.tagName) || element.namespaceURI !== "http://www.w3.org/1999/xhtml" || isHidden(element);
}

/** Elements that start and end a block of text (a browser lays them out on lines of their own). */
const BLOCK = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "body",
  "caption",
  "center",
  "dd",
  "details",
  "dialog",
  "dir",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hgroup",
  "hr",
  "html",
  "legend",
  "li",
  "listing",
  "main",
  "menu",
  "nav",
  "ol",
  "p",
  "plaintext",
  "pre",
  "section",
  "summary",
  "table",
  "tbody",
  "td",
  "tfoot",
  "th",
  "thead",
  "tr",
  "ul",
  "xmp",
]);

export function isBlock(element: Element): boolean {
  return BLOCK.has(element.tagName);
}

export function headingLevel(element: Element): number | null {
  const m = /^h([1-6])$/.exec(element.tagName);
  return m ? Number(m[1]) : null;
}

/** Bold by its tag or its inline style; `null` when the element does not change the weight. */
export function boldness(element: Element): boolean | null {
  const style = attr(element, "style");
  if (style) {
    const m = /font-weight\s*:\s*([a-z0-9]+)/i.exec(style);
    if (m) {
      const weight = m[1]!.toLowerCase();
      if (weight === "bold" || weight === "bolder" || /^[6-9]00$/.test(weight)) return true;
      if (weight === "normal" || weight === "lighter" || /^[1-5]00$/.test(weight)) return false;
    }
  }
  if (element.tagName === "b" || element.tagName === "strong") return true;
  return null;
}

/** Rows of a table in order (through thead/tbody/tfoot), not those of tables nested in its cells. */
export function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of table.childNodes) {
    if (!isElement(child)) continue;
    if (child.tagName === "tr") rows.push(child);
    else if (child.tagName === "thead" || child.tagName === "tbody" || child.tagName === "tfoot") {
      for (const row of child.childNodes) if (isElement(row) && row.tagName === "tr") rows.push(row);
    }
  }
  return rows;
}

export function rowCells(row: Element): Element[] {
  return row.childNodes.filter((c): c is Element => isElement(c) && (c.tagName === "td" || c.tagName === "th"));
}

/** Pre-order walk without recursion; `visit` returns false to skip an element's subtree. */
export function walk(root: Node, visit: (node: Node) => boolean | void, leave?: (element: Element) => void): void {
  const stack: { node: Node; next: number }[] = [{ node: root, next: -1 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.next === -1) {
      top.next = 0;
      if (visit(top.node) === false) {
        stack.pop();
        continue;
      }
    }
    const children = childrenOf(top.node);
    if (top.next < children.length) {
      stack.push({ node: children[top.next++]!, next: -1 });
    } else {
      stack.pop();
      if (leave && isElement(top.node)) leave(top.node);
    }
  }
}

/** The first element in document order that passes `test`. */
export function findElement(root: Node, test: (element: Element) => boolean): Element | null {
  let found: Element | null = null;
  walk(root, (node) => {
    if (found) return false;
    if (isElement(node) && test(node)) {
      found = node;
      return false;
    }
    return true;
  });
  return found;
}
