/**
 * Bytes → text, for every input form that is text (plain text, HTML).
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
 * the input (see docs/input.md for the figures).
 */
import { Buffer } from "node:buffer";
import { createHash } from "node:crypto";
import { isWhiteSpace } from "../document/source-text.ts";
import { ConversionError } from "../errors.ts";
import type { Diagnostic } from "../../schema/report.ts";
import { defineWarnings } from "../diagnostics.ts";
import type { DecodedSource, SourceLine } from "../types.ts";

export const DECODE_WARNINGS = defineWarnings({
  damaged_bytes: { zh: "部分字节不是有效的 UTF-8，已替换为 �", en: "some bytes were not valid UTF-8 and were replaced by U+FFFD" },
});

export interface DecodedText {
  text: string;
  encoding: string;
  sha256: string;
  /** Warnings about the bytes themselves (e.g. damaged UTF-8 replaced by U+FFFD). */
  diagnostics: Diagnostic[];
}

/** 4 MiB: about 90 times the largest real report. */
export const MAX_SOURCE_BYTES = 4 * 1024 * 1024;
/** About 190 times the longest real report; memory grows with the number of lines. */
export const MAX_SOURCE_LINES = 100_000;

interface Decoded {
  encoding: string;
  text: string;
  /** Set when bytes had to be replaced (U+FFFD): how many, and on which lines. */
  damaged?: number;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function tryDecode(label: string, bytes: Uint8Array): string | null {
  let decoder = DECODERS.get(label);
  if (!decoder) DECODERS.set(label, (decoder = new TextDecoder(label, { fatal: true })));
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}

/** One strict decoder per encoding, made once (a decode call without `stream` starts afresh, also after an error). */
const DECODERS = new Map<string, TextDecoder>();

/** Characters plain report text is made of: CJK, full-width forms, ASCII printable, whitespace, general punctuation. */
const TEXT_CHAR = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef\u0020-\u007e\t\n\r\u00a0-\u00ff\u2000-\u206f\u2460-\u24ff\u25a0-\u25ff]/g;

function textShare(text: string): number {
  return text.length === 0 ? 0 : (text.match(TEXT_CHAR) ?? []).length / text.length;
}

/**
 * UTF-16 saved without a BOM: NUL bytes (the high byte of every ASCII
 * character) in a file that reads as text in one byte order. Chinese text
 * decoded in the wrong order turns into rare symbols, so the order whose
 * characters are almost all ordinary text wins.
 */
function bomlessUtf16(bytes: Uint8Array): Decoded | null {
  if (bytes.length % 2 !== 0) return null;
  for (const encoding of ["utf-16le", "utf-16be"]) {
    const text = tryDecode(encoding, bytes);
    if (text !== null && !text.includes("\u0000") && textShare(text) > 0.95) return { encoding, text };
  }
  return null;
}

/**
 * Bytes that are not valid UTF-8 are GB18030 — unless the file is UTF-8 text
 * with a few damaged bytes (a bad copy, a cut in the middle of a character).
 * GB18030 would decode such a file into nonsense throughout; reading it as
 * UTF-8 loses only the damaged characters (U+FFFD), and the report says where.
 * Real GB18030 Chinese text read as UTF-8 is mostly invalid, so a handful of
 * replacement characters among thousands of good ones tells the two apart.
 */
function damagedUtf8(bytes: Uint8Array): Decoded | null {
  const text = new TextDecoder("utf-8").decode(bytes);
  const replaced = (text.match(/\ufffd/g) ?? []).length;
  const nonAscii = (text.match(/[^\u0000-\u007f]/g) ?? []).length;
  if (replaced > 0 && replaced * 100 <= nonAscii) return { encoding: "utf-8", text, damaged: replaced };
  return null;
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
  // NUL never occurs in UTF-8 or GB18030 text; it means UTF-16 without a BOM, or binary data.
  if (bytes.includes(0)) {
    const utf16 = bomlessUtf16(bytes);
    if (utf16) return utf16;
    throw new ConversionError("binary_file", file, "contains NUL bytes");
  }
  const utf8 = tryDecode("utf-8", bytes);
  if (utf8 !== null) return { encoding: "utf-8", text: utf8 };
  const damaged = damagedUtf8(bytes);
  if (damaged) return damaged;
  const gb = tryDecode("gb18030", bytes);
  if (gb !== null) return { encoding: "gb18030", text: gb };
  throw new ConversionError("undecodable", file, "neither UTF-8 nor GB18030");
}

/** Control characters other than tab, LF, CR and form feed. */
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g;

/** How many characters of a text are not white space (counted, not copied: files are up to 4 MiB). */
function visibleLength(text: string): number {
  let visible = 0;
  for (let i = 0; i < text.length; i++) if (!isWhiteSpace(text.charCodeAt(i))) visible++;
  return visible;
}

/** Text whose visible characters are mostly control codes is a binary file that happened to decode. */
function assertText(file: string, text: string): void {
  if (text.includes("\u0000")) throw new ConversionError("binary_file", file, "contains NUL characters");
  const control = (text.match(CONTROL) ?? []).length;
  // Without control characters there is nothing to weigh (and most texts have none).
  const visible = control > 0 ? visibleLength(text) : 0;
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

/** WHATWG labels of the encodings a page may declare and TextDecoder knows (gb2312 and gbk decode as gb18030). */
function declaredDecoder(declared: string | undefined): string | null {
  if (!declared) return null;
  const label = declared.trim().toLowerCase();
  if (/^(?:gb2312|gbk|gb18030|x-gbk|cp936)$/.test(label)) return "gb18030";
  if (/^utf-?8$/.test(label)) return "utf-8";
  if (/^big5/.test(label)) return "big5";
  return null;
}

/**
 * The bytes as text. `declared` is the charset a web page declares for
 * itself (<meta charset>); it is tried first, then the usual detection.
 */
export function decodeText(file: string, bytes: Uint8Array, declared?: string): DecodedText {
  if (bytes.length === 0) throw new ConversionError("empty_file", file, "0 bytes");
  if (bytes.length > MAX_SOURCE_BYTES) {
    throw new ConversionError("file_too_large", file, `${bytes.length} bytes > ${MAX_SOURCE_BYTES}`);
  }
  const last = lastDecoding;
  if (last && last.file === file && last.declared === declared && Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).equals(last.bytes)) {
    return { ...last.decoded, diagnostics: [...last.decoded.diagnostics] };
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const decoded = decodeTextOnce(file, bytes, declared, sha256);
  lastDecoding = { bytes: Buffer.from(bytes), file, declared, decoded };
  return { ...decoded, diagnostics: [...decoded.diagnostics] };
}

/**
 * The last text decodeText made, with a copy of its bytes: the text adapter
 * decodes a file to recognise it and again to read it. Reused only for the
 * same bytes (compared, not trusted: a buffer may be changed in between).
 */
let lastDecoding: { bytes: Buffer; file: string; declared: string | undefined; decoded: DecodedText } | null = null;

/** A character that is not white space or zero-width: the file has content. */
const SOME_CONTENT = /[^\s\u3000\u200b-\u200d\u2060\ufeff]/;

function decodeTextOnce(file: string, bytes: Uint8Array, declared: string | undefined, sha256: string): DecodedText {
  const label = declaredDecoder(declared);
  const fromDeclared = label && !startsWith(bytes, [0xef, 0xbb, 0xbf]) ? tryDecode(label, bytes) : null;
  const decoded = fromDeclared !== null && label ? { encoding: label, text: fromDeclared } : detectAndDecode(file, bytes);
  // A stray BOM left after transcoding is not content.
  const body = decoded.text.replace(/^\ufeff/, "");
  assertText(file, body);
  if (!SOME_CONTENT.test(body)) {
    throw new ConversionError("empty_file", file, "only whitespace");
  }
  const diagnostics: Diagnostic[] = [];
  if (decoded.damaged) {
    const lines = splitLines(body);
    const where = lines.filter((l) => l.text.includes("\ufffd")).map((l) => l.n);
    const shown = where.slice(0, 10).join("、") + (where.length > 10 ? " …" : "");
    diagnostics.push(
      DECODE_WARNINGS.warn(
        "damaged_bytes",
        where[0] ?? null,
        `${decoded.damaged} 处字节不是有效的 UTF-8，已替换为 �（第 ${shown} 行） / ${decoded.damaged} invalid UTF-8 byte sequence(s) replaced by U+FFFD (lines ${shown})`,
      ),
    );
  }
  return { text: body, encoding: decoded.encoding, sha256, diagnostics };
}

export function decodeSource(file: string, bytes: Uint8Array): DecodedSource {
  const decoded = decodeText(file, bytes);
  const lines = splitLines(decoded.text);
  if (lines.length > MAX_SOURCE_LINES) {
    throw new ConversionError("file_too_large", file, `${lines.length} lines > ${MAX_SOURCE_LINES}`);
  }
  return { file, bytes: bytes.length, sha256: decoded.sha256, encoding: decoded.encoding, lines, diagnostics: decoded.diagnostics };
}
