import { describe, expect, it } from "vitest";
import { parse } from "parse5";
import { alignDecoded, mapAttribute, mapTextNode } from "../../../../../src/converter/input/html/source-map.ts";
import { findElement, isText, walk, type TextNode } from "../../../../../src/converter/input/html/dom.ts";

function textNodes(html: string): TextNode[] {
  const nodes: TextNode[] = [];
  walk(parse(html, { sourceCodeLocationInfo: true }), (node) => {
    if (isText(node)) nodes.push(node);
    return true;
  });
  return nodes;
}

/** Each character of the first text node with its offset. */
function mapped(html: string): [string, number][] {
  const node = textNodes(html)[0]!;
  const { text, offsets, aligned } = mapTextNode(html, node);
  expect(aligned).toBe(true);
  return [...text].length === text.length ? [...text].map((c, i) => [c, offsets[i]!]) : Array.from(text, (c, i) => [c, offsets[i]!]);
}

describe("mapTextNode", () => {
  it("gives a reference one character at the offset of its &", () => {
    expect(mapped("<p>a&nbsp;b&amp;c</p>")).toEqual([
      ["a", 3],
      ["\u00a0", 4],
      ["b", 10],
      ["&", 11],
      ["c", 16],
    ]);
  });

  it("reads CR LF and a lone CR as one line break at the CR", () => {
    expect(mapped("<p>x\r\ny\rz</p>")).toEqual([
      ["x", 3],
      ["\n", 4],
      ["y", 6],
      ["\n", 7],
      ["z", 8],
    ]);
  });

  it("finds where a legacy reference without ; ends from the text after it", () => {
    // &not is an entity, &notit is not: HTML reads ¬ then "it;".
    expect(mapped("<p>&notit; x</p>")).toEqual([
      ["¬", 3],
      ["i", 7],
      ["t", 8],
      [";", 9],
      [" ", 10],
      ["x", 11],
    ]);
    expect(mapped("<p>&ampx &lt;</p>")).toEqual([
      ["&", 3],
      ["x", 7],
      [" ", 8],
      ["<", 9],
    ]);
  });

  it("gives every unit of a reference that decodes to two at its &", () => {
    // ≂ + U+0338, a surrogate pair, "fj"; then é followed by a combining acute written out literally.
    const html = "<p>&NotEqualTilde;&Afr;&fjlig;&eacute;\u0301.</p>";
    const [node] = textNodes(html);
    const { text, offsets, aligned } = mapTextNode(html, node!);
    expect(aligned).toBe(true);
    expect(text).toBe("\u2242\u0338\ud835\udd04fj\u00e9\u0301.");
    expect(Array.from(offsets)).toEqual([3, 3, 18, 18, 23, 23, 30, 38, 39]);
  });

  it("points both halves of a character outside the BMP at its numeric reference", () => {
    const [node] = textNodes("<p>&#x1F600;9</p>");
    const { text, offsets } = mapTextNode("<p>&#x1F600;9</p>", node!);
    expect(text).toBe("😀9");
    expect(Array.from(offsets)).toEqual([3, 3, 12]);
  });

  it("skips a stray tag the parser dropped from the middle of a text", () => {
    expect(mapped("<p>a</span>b</p>")).toEqual([
      ["a", 3],
      ["b", 11],
    ]);
  });

  it("follows text the parser moved out of a broken table back to where it was written", () => {
    const html = "<table>xx<tr><td>1</td></tr>yy</table>";
    expect(mapped(html)).toEqual([
      ["x", 7],
      ["x", 8],
      ["y", 28],
      ["y", 29],
    ]);
  });

  it("says so when the value is not in the range at all", () => {
    const result = alignDecoded("<p>abc</p>", 3, 6, "xyz");
    expect(result.aligned).toBe(false);
  });
});

describe("mapAttribute", () => {
  it("maps an attribute value inside its quotes, where a legacy reference before a letter stays literal", () => {
    const html = '<meta name="ArticleTitle" content = "某县&amp;报告&ampx">';
    const meta = findElement(parse(html, { sourceCodeLocationInfo: true }), (e) => e.tagName === "meta")!;
    const { text, offsets, aligned } = mapAttribute(html, meta, "content")!;
    expect(aligned).toBe(true);
    expect(text).toBe("某县&报告&ampx");
    const start = html.indexOf("某");
    expect(Array.from(offsets)).toEqual([start, start + 1, start + 2, start + 7, start + 8, start + 9, start + 10, start + 11, start + 12, start + 13]);
  });
});
