/**
 * A download's bytes: UTF-8 chunks with their size and SHA-256.
 *
 * The bulk files of a large corpus do not fit in one JavaScript string (V8's
 * longest is about 512 million characters; reports.json of 10,000 reports is
 * about 1 GB). So they are written piece by piece, each piece encoded into a
 * buffer at once: buffers live outside the JavaScript heap, and no string
 * longer than a piece ever exists. A piece is never split, so every chunk is
 * valid UTF-8 and whole CSV records on its own.
 */
import { createHash } from "node:crypto";

export interface FileContent {
  readonly chunks: readonly Buffer<ArrayBuffer>[];
  readonly bytes: number;
  /** Hex digest of the whole file. */
  readonly sha256: string;
}

/** Pieces are gathered until a chunk holds about this many characters: a few large buffers, not one per piece. */
const CHUNK_CHARACTERS = 1 << 20;

export function contentOf(pieces: Iterable<string>): FileContent {
  const hash = createHash("sha256");
  const chunks: Buffer<ArrayBuffer>[] = [];
  let bytes = 0;
  let pending: string[] = [];
  let pendingLength = 0;
  const flush = () => {
    if (pendingLength === 0) return;
    const chunk = Buffer.from(pending.join(""), "utf8");
    hash.update(chunk);
    chunks.push(chunk);
    bytes += chunk.length;
    pending = [];
    pendingLength = 0;
  };
  for (const piece of pieces) {
    pending.push(piece);
    pendingLength += piece.length;
    if (pendingLength >= CHUNK_CHARACTERS) flush();
  }
  flush();
  return { chunks, bytes, sha256: hash.digest("hex") };
}

/** The content of a file that is one string already (a report's or an indicator's file). */
export function contentOfText(text: string): FileContent {
  return contentOf([text]);
}

/** The whole file as text: for files known to be small (one report's, the tests' corpora), never a bulk file of a large corpus. */
export function contentText(content: FileContent): string {
  return Buffer.concat(content.chunks).toString("utf8");
}
