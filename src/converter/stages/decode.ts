/**
 * Stage 1: raw bytes → text lines.
 *
 * Sources arrive as OCR output saved by many hands: UTF-8 with or without a
 * BOM, UTF-16 from Windows tools, GB18030 from older Chinese software, with
 * CRLF or old-Mac CR line ends. Anything that is not text is refused here,
 * with the file named, so later stages only ever see lines.
 *
 * Size limits. The real reports are 27–46 KB and 215–537 lines. A source over
 * MAX_SOURCE_BYTES or MAX_SOURCE_LINES is refused (file_too_large): it is not
 * one annual report but a concatenation or a dump, and its page would be too
 * heavy for the site. Measured (2 cores): the slowest hostile shapes at the
 * limits convert in ≤ 4 s with ≤ 0.8 GB of memory; every stage is linear in
 * the input (see README-INPUT.md for the figures).
 */
import { createHash } from "node:crypto";
import { ConversionError } from "../errors.ts";
import type { DecodedSource, SourceLine } from "../types.ts";

/** 4 MiB: about 90 times the largest real report. */
export const MAX_SOURCE_BYTES = 4 * 1024 * 1024;
/** About 190 times the longest real report; memory grows with the number of lines. */
export const MAX_SOURCE_LINES = 100_000;

interface Decoded {
  encoding: string;
  text: string;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function tryDecode(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Pick the encoding: a BOM decides; otherwise valid UTF-8 is UTF-8, and anything else is read as GB18030. */
function detectAndDecode(file: string, bytes: Uint8Array): Decoded {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const text = tryDecode("utf-8", bytes.subarray(3));
    if (text === null) throw new ConversionError("undecodable", file, "UTF-8 BOM but invalid UTF-8");
    return { encoding: "utf-8-bom", text };
  }
  if (startsWith(bytes, [0xff, 0xfe])) {
    const text = tryDecode("utf-16le", bytes.subarray(2));
    if (text === null) throw new ConversionError("undecodable", file, "UTF-16LE BOM but invalid UTF-16");
    return { encoding: "utf-16le", text };
  }
  if (startsWith(bytes, [0xfe, 0xff])) {
    const text = tryDecode("utf-16be", bytes.subarray(2));
    if (text === null) throw new ConversionError("undecodable", file, "UTF-16BE BOM but invalid UTF-16");
    return { encoding: "utf-16be", text };
  }
  // NUL never occurs in UTF-8 or GB18030 text; without a UTF-16 BOM it means binary data.
  if (bytes.includes(0)) throw new ConversionError("binary_file", file, "contains NUL bytes");
  const utf8 = tryDecode("utf-8", bytes);
  if (utf8 !== null) return { encoding: "utf-8", text: utf8 };
  const gb = tryDecode("gb18030", bytes);
  if (gb !== null) return { encoding: "gb18030", text: gb };
  throw new ConversionError("undecodable", file, "neither UTF-8 nor GB18030");
}

/** Control characters other than tab, LF, CR and form feed. */
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g;

/** Text whose visible characters are mostly control codes is a binary file that happened to decode. */
function assertText(file: string, text: string): void {
  if (text.includes("\u0000")) throw new ConversionError("binary_file", file, "contains NUL characters");
  const visible = text.replace(/\s/g, "").length;
  const control = (text.match(CONTROL) ?? []).length;
  if (visible > 0 && control / visible > 0.1) {
    throw new ConversionError("binary_file", file, `${control} control characters in ${visible} visible ones`);
  }
}

/** CRLF and lone CR become LF; a final line end does not start another line. */
export function splitLines(text: string): SourceLine[] {
  const unified = text.replace(/\r\n?/g, "\n");
  const parts = unified.split("\n");
  if (parts.length > 1 && parts[parts.length - 1] === "") parts.pop();
  return parts.map((line, i) => ({ n: i + 1, text: line }));
}

export function decodeSource(file: string, bytes: Uint8Array): DecodedSource {
  if (bytes.length === 0) throw new ConversionError("empty_file", file, "0 bytes");
  if (bytes.length > MAX_SOURCE_BYTES) {
    throw new ConversionError("file_too_large", file, `${bytes.length} bytes > ${MAX_SOURCE_BYTES}`);
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const { encoding, text } = detectAndDecode(file, bytes);
  // A stray BOM left after transcoding is not content.
  const body = text.replace(/^\ufeff/, "");
  assertText(file, body);
  if (body.replace(/[\s\u3000\u200b-\u200d\u2060\ufeff]/g, "") === "") {
    throw new ConversionError("empty_file", file, "only whitespace");
  }
  const lines = splitLines(body);
  if (lines.length > MAX_SOURCE_LINES) {
    throw new ConversionError("file_too_large", file, `${lines.length} lines > ${MAX_SOURCE_LINES}`);
  }
  return { file, bytes: bytes.length, sha256, encoding, lines };
}
