/**
 * Test helper: a SourceDocument made of text the simplest way an adapter
 * could — one paragraph block per non-blank line, every character at its
 * offset in the text — for stage tests that must not depend on an adapter.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sourceText } from "../../src/converter/document/source-text.ts";
import type { Block, PageMetadata, SourceDocument, SourceText } from "../../src/converter/document/types.ts";
import { SOURCES_DIR } from "./source-lines.ts";

export interface LineDocumentOptions {
  file?: string;
  metadata?: Partial<PageMetadata>;
  /** Mark every line as one physical line of a page (PDF, pdftotext), whose paragraphs run on. */
  wrapped?: boolean;
  /** Offset in the text where the body starts (after a crawler header the adapter took away). */
  bodyStart?: number;
}

export function lineDocument(text: string, options: LineDocumentOptions = {}): SourceDocument {
  const blocks: Block[] = [];
  const start = options.bodyStart ?? 0;
  const pattern = /[^\r\n]+/g;
  pattern.lastIndex = start;
  for (const m of text.matchAll(pattern)) {
    if (m.index < start || m[0].trim() === "") continue;
    blocks.push({ kind: "paragraph", text: sourceText(m[0], m.index), hints: options.wrapped ? { wrapped: true } : {} });
  }
  return {
    file: options.file ?? "test.txt",
    form: "text",
    text,
    bytes: Buffer.byteLength(text),
    sha256: "0".repeat(64),
    encoding: "utf-8",
    pageStarts: null,
    metadata: { title: null, publishedOn: null, url: null, publisher: null, ...options.metadata },
    blocks,
    removals: [],
    diagnostics: [],
  };
}

/** The document of lines given one by one. */
export function documentOfLines(lines: readonly string[], options: LineDocumentOptions = {}): SourceDocument {
  return lineDocument(lines.join("\n"), options);
}

/** The value after `label` on its line (标题: …), as SourceText at its place in the text. */
export function fieldValue(text: string, label: string): SourceText {
  const m = new RegExp(`^${label}\\s*[:：]?[ \\t]*([^\\r\\n]*)`, "m").exec(text);
  if (!m) throw new Error(`no ${label} line`);
  return sourceText(m[1]!, m.index + m[0].length - m[1]!.length);
}

export function sourceFile(name: string): string {
  return readFileSync(join(SOURCES_DIR, name), "utf8");
}
