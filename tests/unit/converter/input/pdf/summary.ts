/**
 * A SourceDocument read from a PDF as plain JSON for fixture files, and the
 * checks that every character of it stands where it says in the text layer.
 */
import type { Block, GridCell, SourceDocument, SourceText, TableBlock } from "../../../../../src/converter/document/types.ts";

export type BlockSummary =
  | { heading: string; level: number }
  | { paragraph: string; boldLead?: string }
  | { list: string[] }
  | { table: string[][]; header: string[] };

export interface DocumentSummary {
  title: string | null;
  pages: number;
  blocks: BlockSummary[];
  removals: { kind: string; from: number; to: number; excerpt: string }[];
  diagnostics: string[];
}

/**
 * A table as rows of strings: a cell's text where it starts, "<" where the
 * cell to the left spans into the position, "^" where a cell from a row
 * above does. `header` marks header positions with "h".
 */
export function tableSummary(table: TableBlock): { table: string[][]; header: string[] } {
  const rows = table.grid.map((row, r) =>
    row.map((at, c) => (at.origin.row === r && at.origin.column === c ? at.cell.text.text : at.origin.row === r ? "<" : "^")),
  );
  return { table: rows, header: table.grid.map((row) => row.map((at) => (at.cell.header ? "h" : ".")).join("")) };
}

export function blockSummary(block: Block): BlockSummary {
  switch (block.kind) {
    case "heading":
      return { heading: block.text.text, level: block.hints.headingLevel ?? 0 };
    case "paragraph":
      return { paragraph: block.text.text, ...(block.hints.boldLead ? { boldLead: block.hints.boldLead } : {}) };
    case "list":
      return { list: block.items.map((i) => i.text) };
    case "table":
      return tableSummary(block);
  }
}

export function summarise(document: SourceDocument): DocumentSummary {
  return {
    title: document.metadata.title?.text ?? null,
    pages: document.pageStarts?.length ?? 0,
    blocks: document.blocks.map(blockSummary),
    removals: document.removals.map((r) => ({ ...r })),
    diagnostics: document.diagnostics.map((d) => d.code),
  };
}

/** The cells of a table, once each (a spanning cell is one cell). */
export function cellsOf(table: TableBlock): GridCell[] {
  const seen = new Set<unknown>();
  return table.grid.flat().filter((at) => !seen.has(at.cell) && seen.add(at.cell));
}

export function textsOf(document: SourceDocument): SourceText[] {
  const texts: SourceText[] = document.metadata.title ? [document.metadata.title] : [];
  for (const block of document.blocks) {
    if (block.kind === "table") texts.push(...cellsOf(block).map((at) => at.cell.text));
    else if (block.kind === "list") texts.push(...block.items);
    else texts.push(block.text);
  }
  return texts;
}

/**
 * Characters of the document's texts that are not the character of the
 * document text at their offset. A space joining two runs of one line
 * carries the offset of the character before it; nothing else may differ.
 */
export function misplacedCharacters(document: SourceDocument): string[] {
  const problems: string[] = [];
  for (const t of textsOf(document)) {
    for (let i = 0; i < t.text.length; i++) {
      const offset = t.offsets[i]!;
      const joining = t.text[i] === " " && i > 0 && offset === t.offsets[i - 1];
      if (!joining && document.text[offset] !== t.text[i]) problems.push(`${JSON.stringify(t.text)}[${i}] at ${offset}`);
    }
  }
  return problems;
}
