/**
 * Values passed between converter stages. Each stage is a pure function from
 * one of these to the next; none touches the file system.
 *
 *   decode → normalize → clean (noise) → structure (blocks, tables)
 *     → statistics (table → catalog) → text figures → metadata → checks → write (MDX, JSON)
 */
import type { Diagnostic, Removal } from "../schema/report.ts";

/** One line of the decoded source; `n` is its 1-based line number in the original file and never changes. */
export interface SourceLine {
  n: number;
  text: string;
}

export interface DecodedSource {
  file: string;
  bytes: number;
  sha256: string;
  encoding: string;
  lines: SourceLine[];
  /** Warnings about the bytes themselves (e.g. damaged UTF-8 replaced by U+FFFD). */
  diagnostics: Diagnostic[];
}

export type TableFormat = "tsv" | "pipe" | "html";

export interface TableRow {
  cells: string[];
  line: number;
}

export type Block =
  | { kind: "heading"; depth: 2 | 3 | 4; text: string; line: number }
  /** `lead`: a bold lead-in the source set in bold (e.g. "（一）完善工作机制。"); `text` starts with it. */
  | { kind: "paragraph"; text: string; lines: number[]; lead?: string }
  | { kind: "list"; items: { text: string; line: number }[] }
  | {
      kind: "table";
      format: TableFormat;
      rows: TableRow[];
      /** A list captured from a screenshot of a web page (索引号 / 发布日期 …), kept and marked as such. */
      screenshot: boolean;
    }
  /** Where the statistics table stood; the MDX renders it from the JSON. */
  | { kind: "statistics"; from: number; to: number };

/** What a stage reports besides its value. */
export interface StageLog {
  diagnostics: Diagnostic[];
  removals: Removal[];
}

export function emptyLog(): StageLog {
  return { diagnostics: [], removals: [] };
}
