/**
 * A SourceDocument as plain JSON for fixture files, and the check that every
 * character of it stands where it says in the page source.
 */
import { parseFragment } from "parse5";
import type { Block, SourceDocument, SourceText, TableBlock } from "../../../../../src/converter/document/types.ts";

export type BlockSummary =
  | { heading: string; level: number; boldLead?: string }
  | { paragraph: string; boldLead?: string }
  | { list: string[] }
  | { table: string[][]; header?: string[] };

export interface DocumentSummary {
  encoding: string;
  metadata: { title: string | null; publishedOn: string | null; url: string | null; publisher: string | null };
  blocks: BlockSummary[];
  removals: { kind: string; from: number; to: number; excerpt: string }[];
  diagnostics: string[];
}

/**
 * A table as rows of strings: a cell's text where it starts, "<" where the
 * cell to the left spans into the position, "^" where a cell from a row
 * above does. `header` marks th positions with "h".
 */
export function tableSummary(table: TableBlock): { table: string[][]; header?: string[] } {
  const rows = table.grid.map((row, r) =>
    row.map((at, c) => (at.origin.row === r && at.origin.column === c ? at.cell.text.text : at.origin.row === r ? "<" : "^")),
  );
  const header = table.grid.map((row) => row.map((at) => (at.cell.header ? "h" : ".")).join(""));
  return header.some((h) => h.includes("h")) ? { table: rows, header } : { table: rows };
}

export function blockSummary(block: Block): BlockSummary {
  const lead = block.hints.boldLead !== undefined ? { boldLead: block.hints.boldLead } : {};
  switch (block.kind) {
    case "heading":
      return { heading: block.text.text, level: block.hints.headingLevel ?? 0, ...lead };
    case "paragraph":
      return { paragraph: block.text.text, ...lead };
    case "list":
      return { list: block.items.map((i) => i.text) };
    case "table":
      return tableSummary(block);
  }
}

export function summarise(document: SourceDocument): DocumentSummary {
  return {
    encoding: document.encoding,
    metadata: { ...document.metadata, title: document.metadata.title?.text ?? null },
    blocks: document.blocks.map(blockSummary),
    removals: document.removals.map((r) => ({ ...r })),
    diagnostics: document.diagnostics.map((d) => d.code),
  };
}

export function textsOf(document: SourceDocument): SourceText[] {
  const texts: SourceText[] = document.metadata.title ? [document.metadata.title] : [];
  for (const block of document.blocks) {
    if (block.kind === "table") for (const row of block.grid) for (const at of row) texts.push(at.cell.text);
    else if (block.kind === "list") texts.push(...block.items);
    else texts.push(block.text);
  }
  return texts;
}

const REFERENCE = /^&(?:#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z0-9]+);?/;

/**
 * Characters whose offset does not point at them in the page source. A
 * space may stand for folded white space or a break the adapter inserted; a
 * character from a reference points at its `&`, and the reference there
 * must decode to it.
 */
export function misplacedCharacters(document: SourceDocument): string[] {
  const wrong: string[] = [];
  const decoded = new Map<string, string>();
  for (const text of textsOf(document)) {
    for (let i = 0; i < text.text.length; i++) {
      const c = text.text[i]!;
      const at = text.offsets[i]!;
      if (c === " " || document.text[at] === c) continue;
      if (document.text[at] === "&") {
        const reference = REFERENCE.exec(document.text.slice(at, at + 42))?.[0] ?? "&";
        if (!decoded.has(reference)) {
          const fragment = parseFragment(reference);
          decoded.set(reference, fragment.childNodes.map((n) => ("value" in n ? n.value : "")).join(""));
        }
        const value = decoded.get(reference)!;
        // A surrogate pair points twice at the same reference.
        if (value.includes(c)) continue;
      }
      wrong.push(`${JSON.stringify(c)} at ${at} (${JSON.stringify(document.text.slice(at, at + 8))}) in ${JSON.stringify(text.text.slice(0, 30))}`);
    }
  }
  return wrong;
}
