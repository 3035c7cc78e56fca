/**
 * The page's text as blocks, in document order: a heading per <h1>–<h6>, a
 * paragraph per <p> or other block element (and per <br>-separated line in
 * one), a list per <ul>/<ol>, a table per data <table>. Every block is
 * marked as the report's (inside the content root) or the site's (outside
 * it, or furniture inside it): the site's blocks are logged as removals and
 * read for the page's metadata, never passed on as the report.
 */
import type { Block, SourceText } from "../../document/types.ts";
import { isFurniture, type ElementStats } from "./analysis.ts";
import {
  boldness,
  headingLevel,
  isBlock,
  isElement,
  isInvisible,
  isText,
  rowCells,
  tableRows,
  walk,
  type Element,
} from "./dom.ts";
import { InlineBuilder } from "./inline.ts";
import { isFieldLine } from "./metadata.ts";
import { mapTextNode } from "./source-map.ts";
import { buildGrid, infoLabel, isInfoTable, isLayoutTable, type SourceCell } from "./table.ts";

export type Region = "content" | "chrome";

export interface FlowBlock {
  block: Block;
  region: Region;
  /** The block-level element the block's text came from (the table for a table). */
  element: Element | null;
}

/** A label and its value from the page's information table (发布机构 | 沭阳县发展和改革局). */
export interface TableField {
  label: string;
  value: SourceText;
}

export interface Flow {
  blocks: FlowBlock[];
  fields: TableField[];
  /** Offsets of text nodes that could not be mapped character by character. */
  unaligned: number[];
  /** Offsets of tables with gaps in their grid, and of tables whose spans were cut. */
  gaps: number[];
  clamped: number[];
}

/** Furniture is dropped as whole blocks; never a cell or row out of a table. */
function isFurnitureBlock(element: Element, stats: ElementStats | undefined): boolean {
  return isBlock(element) && element.tagName !== "td" && element.tagName !== "th" && element.tagName !== "tr" && isFurniture(element, stats);
}

function startOf(element: Element): number {
  return element.sourceCodeLocation?.startOffset ?? 0;
}

export function readFlow(source: string, body: Element, root: Element, stats: Map<Element, ElementStats>): Flow {
  const blocks: FlowBlock[] = [];
  const fields: TableField[] = [];
  const unaligned: number[] = [];
  const gaps: number[] = [];
  const clamped: number[] = [];

  let inRoot = false;
  let chromeDepth = 0;
  const dropped = new Set<Element>();
  const region = (): Region => (inRoot && chromeDepth === 0 ? "content" : "chrome");

  const builder = new InlineBuilder();
  let blockElement: Element | null = null;
  const openBlocks: Element[] = [];
  const boldStack: { element: Element; bold: boolean }[] = [];
  const bold = () => boldStack[boldStack.length - 1]?.bold ?? false;

  let heading: { element: Element; level: number } | null = null;
  let listDepth = 0;
  let listElement: Element | null = null;
  let items: SourceText[] = [];
  let inItem = false;
  let preDepth = 0;

  /** Inside a heading or a list item, a nested block only separates words; elsewhere it ends the block. */
  const joining = () => heading !== null || (listDepth > 0 && inItem);

  const endBlock = () => {
    if (builder.isEmpty) {
      builder.take();
      return;
    }
    const { text, boldLead } = builder.take();
    const element = blockElement;
    blockElement = null;
    if (text.text.length === 0) return;
    const hints = boldLead ? { boldLead } : {};
    if (heading) {
      blocks.push({ block: { kind: "heading", text, hints: { headingLevel: heading.level, ...hints } }, region: region(), element: heading.element });
    } else if (listDepth > 0) {
      items.push(text);
    } else {
      // 发布日期：… 点击数：… inside the body is the site's, like the info table.
      const where: Region = isFieldLine(text) ? "chrome" : region();
      blocks.push({ block: { kind: "paragraph", text, hints }, region: where, element });
    }
  };

  const endList = () => {
    if (items.length > 0) blocks.push({ block: { kind: "list", items, hints: {} }, region: region(), element: listElement });
    items = [];
  };

  const append = (text: string, offsets: ArrayLike<number>) => {
    if (builder.isEmpty) blockElement = openBlocks[openBlocks.length - 1] ?? null;
    builder.append(text, offsets, bold());
  };

  const readTable = (table: Element) => {
    const caption = table.childNodes.find((c): c is Element => isElement(c) && c.tagName === "caption");
    if (caption) {
      const text = cellText(source, caption, unaligned);
      if (text.text.length > 0) blocks.push({ block: { kind: "paragraph", text, hints: {} }, region: region(), element: caption });
    }
    const rows = tableRows(table).map((row) => ({
      cells: rowCells(row)
        .filter((cell) => !isInvisible(cell))
        .map(
          (cell): SourceCell => ({
            element: cell,
            text: cellText(source, cell, unaligned),
            header: cell.tagName === "th" || (row.parentNode !== null && isElement(row.parentNode) && row.parentNode.tagName === "thead"),
          }),
        ),
    }));
    const info = isInfoTable(rows);
    if (info) {
      for (const row of rows) {
        for (let c = 0; c + 1 < row.cells.length; c++) {
          const label = infoLabel(row.cells[c]!.text.text);
          if (label && !infoLabel(row.cells[c + 1]!.text.text)) {
            fields.push({ label, value: row.cells[c + 1]!.text });
            c++;
          }
        }
      }
    }
    const result = buildGrid(rows);
    if (result.gaps.length > 0) gaps.push(startOf(table));
    if (result.clamped > 0) clamped.push(startOf(table));
    if (result.grid.length === 0) return;
    // The information table is the page's, wherever it stands.
    const where: Region = info ? "chrome" : region();
    blocks.push({ block: { kind: "table", grid: result.grid, cells: "grid", hints: {} }, region: where, element: table });
  };

  const leave = (element: Element) => {
    const tag = element.tagName;
    if (boldStack[boldStack.length - 1]?.element === element) boldStack.pop();
    if (isBlock(element) && openBlocks[openBlocks.length - 1] === element) openBlocks.pop();
    if (heading?.element === element) {
      endBlock();
      heading = null;
    } else if (tag === "li" && listDepth > 0) {
      endBlock();
      inItem = false;
    } else if (tag === "ul" || tag === "ol") {
      endBlock();
      listDepth--;
      if (listDepth === 0) endList();
    } else if (tag === "pre" || tag === "listing" || tag === "xmp" || tag === "plaintext") {
      endBlock();
      preDepth--;
      builder.preserve = preDepth > 0;
    } else if (isBlock(element)) {
      if (joining()) builder.separate();
      else endBlock();
    }
    if (dropped.has(element)) {
      endBlock();
      endList();
      chromeDepth--;
    }
    if (element === root) {
      endBlock();
      endList();
      inRoot = false;
    }
  };

  walk(
    body,
    (node) => {
      if (isText(node)) {
        const mapped = mapTextNode(source, node);
        if (!mapped.aligned) unaligned.push(node.sourceCodeLocation?.startOffset ?? 0);
        if (preDepth > 0) {
          // In <pre> every line is a line of its own.
          let from = 0;
          for (let i = 0; i <= mapped.text.length; i++) {
            if (i === mapped.text.length || mapped.text[i] === "\n") {
              append(mapped.text.slice(from, i), mapped.offsets.subarray(from, i));
              if (i < mapped.text.length) endBlock();
              from = i + 1;
            }
          }
        } else {
          append(mapped.text, mapped.offsets);
        }
        return false;
      }
      if (!isElement(node)) return true;
      const element = node;
      if (element !== body && isInvisible(element)) return false;
      if (element === root) {
        endBlock();
        endList();
        inRoot = true;
      } else if (inRoot && chromeDepth === 0 && isFurnitureBlock(element, stats.get(element))) {
        endBlock();
        endList();
        chromeDepth++;
        dropped.add(element);
      }
      const tag = element.tagName;
      const b = boldness(element);
      if (b !== null) boldStack.push({ element, bold: b });
      if (tag === "table" && !isLayoutTable(element, stats)) {
        endBlock();
        if (listDepth > 0) endList();
        readTable(element);
        // The walk does not enter the table, so it does not leave it either.
        leave(element);
        return false;
      }
      if (tag === "br") {
        if (joining()) builder.separate();
        else endBlock();
        leave(element);
        return false;
      }
      const level = headingLevel(element);
      if (level !== null && !heading && !(listDepth > 0 && inItem)) {
        endBlock();
        heading = { element, level };
      } else if (tag === "ul" || tag === "ol") {
        endBlock();
        if (listDepth === 0) {
          endList();
          listElement = element;
        }
        listDepth++;
      } else if (tag === "li" && listDepth > 0) {
        endBlock();
        inItem = true;
      } else if (tag === "pre" || tag === "listing" || tag === "xmp" || tag === "plaintext") {
        endBlock();
        preDepth++;
        builder.preserve = true;
      } else if (isBlock(element)) {
        if (joining()) builder.separate();
        else endBlock();
      }
      if (isBlock(element)) openBlocks.push(element);
      return true;
    },
    leave,
  );
  endBlock();
  endList();
  return { blocks, fields, unaligned, gaps, clamped };
}

/** All the text of a cell (or caption) as one run: its paragraphs and lines joined by a space, so "3<br>5" never reads 35. */
export function cellText(source: string, cell: Element, unaligned: number[]): SourceText {
  const builder = new InlineBuilder();
  walk(
    cell,
    (node) => {
      if (isText(node)) {
        const mapped = mapTextNode(source, node);
        if (!mapped.aligned) unaligned.push(node.sourceCodeLocation?.startOffset ?? 0);
        builder.append(mapped.text, mapped.offsets, false);
        return false;
      }
      if (!isElement(node)) return true;
      if (node !== cell && isInvisible(node)) return false;
      if (node.tagName === "br" || (node !== cell && isBlock(node))) builder.separate();
      return true;
    },
    (element) => {
      if (element !== cell && isBlock(element)) builder.separate();
    },
  );
  return builder.take().text;
}
