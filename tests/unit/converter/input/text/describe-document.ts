/**
 * Test helper: a SourceDocument as plain JSON for fixture comparison — the
 * blocks as {kind, text, hints} / {kind, cells, rows}, the page metadata with
 * its title as a string, the removals and diagnostics as they are.
 */
import type { Block, SourceDocument } from "../../../../../src/converter/document/types.ts";

function withHints<T extends object>(value: T, hints: object): T & { hints?: object } {
  return Object.keys(hints).length > 0 ? { ...value, hints } : value;
}

export function describeBlock(block: Block): object {
  switch (block.kind) {
    case "heading":
    case "paragraph":
      return withHints({ kind: block.kind, text: block.text.text }, block.hints);
    case "list":
      return withHints({ kind: block.kind, items: block.items.map((i) => i.text) }, block.hints);
    case "table": {
      const rows = block.grid.map((row) => row.map((position) => position.cell.text.text));
      const headerRows = block.grid.filter((row) => row.length > 0 && row.every((p) => p.cell.header)).length;
      return withHints({ kind: block.kind, cells: block.cells, rows, ...(headerRows > 0 ? { headerRows } : {}) }, block.hints);
    }
  }
}

export function describeDocument(document: SourceDocument): object {
  return {
    metadata: { ...document.metadata, title: document.metadata.title?.text ?? null },
    blocks: document.blocks.map(describeBlock),
    removals: document.removals,
    diagnostics: document.diagnostics,
  };
}
