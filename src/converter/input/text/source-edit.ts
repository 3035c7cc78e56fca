/**
 * Rewriting SourceText without losing where its characters came from: the
 * offset-keeping counterparts of String.replace, split and trim that the text
 * adapter cleans lines with. A character kept from the source keeps its
 * offset; a character the adapter writes in place of others (a tab for a run
 * of spaces, "<" for "&lt;") takes the offset of the first character it
 * replaces, or of the character before it when it replaces nothing.
 */
import { EMPTY_TEXT, isWhiteSpace, slice, sourceText } from "../../document/source-text.ts";
import type { SourceText } from "../../document/types.ts";

/**
 * What a match is replaced by: a capture group kept from the source (its
 * index), a range of the source text kept, literal text (offset of the first
 * replaced character), or literal text standing for the character at `at`.
 */
export type Piece = number | { from: number; to: number } | string | { write: string; at: number };

/** Builds a SourceText from kept ranges and written text, in order. */
export class TextBuilder {
  private parts: string[] = [];
  private offsets: Int32Array;
  private length = 0;

  /** `capacity`: how many characters the text will about have (the source's length for a rewrite), so the offsets are rarely copied to grow. */
  constructor(capacity = 16) {
    this.offsets = new Int32Array(Math.max(16, capacity));
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.offsets.length) return;
    let size = this.offsets.length * 2;
    while (size < this.length + extra) size *= 2;
    const grown = new Int32Array(size);
    grown.set(this.offsets.subarray(0, this.length));
    this.offsets = grown;
  }

  /** Keep `source.text[from, to)` with its offsets. */
  keep(source: SourceText, from = 0, to = source.text.length): void {
    if (to <= from) return;
    this.reserve(to - from);
    this.parts.push(from === 0 && to === source.text.length ? source.text : source.text.slice(from, to));
    this.offsets.set(source.offsets.subarray(from, to), this.length);
    this.length += to - from;
  }

  /** Write `text`, every character carrying `offset`. */
  write(text: string, offset: number): void {
    if (text === "") return;
    this.reserve(text.length);
    this.parts.push(text);
    this.offsets.fill(offset, this.length, this.length + text.length);
    this.length += text.length;
  }

  /** Offset of the last character so far, or `fallback`. */
  lastOffset(fallback: number): number {
    return this.length > 0 ? this.offsets[this.length - 1]! : fallback;
  }

  build(): SourceText {
    if (this.length === 0) return EMPTY_TEXT;
    return { text: this.parts.join(""), offsets: this.offsets.slice(0, this.length) };
  }
}

/** The global twins of each pattern — one to test, one that reports group indices — made once (lines are rewritten by the hundred thousand). */
type Twins = { scan: RegExp; indexed: RegExp; groups: number };
const TWINS_OF_OBJECT = new WeakMap<RegExp, Twins>();
/** By source and flags too: a regex literal inside a function is a new object at every call. */
const TWINS_OF_SOURCE = new Map<string, Twins>();

function twinsOf(pattern: RegExp): Twins {
  let twins = TWINS_OF_OBJECT.get(pattern);
  if (twins) return twins;
  const key = `${pattern.flags}/${pattern.source}`;
  twins = TWINS_OF_SOURCE.get(key);
  if (!twins) {
    const flags = pattern.flags.replace(/[gd]/g, "");
    // The number of capture groups: what an empty alternative added to the pattern reports for "".
    const groups = new RegExp(`${pattern.source}|`, flags).exec("")!.length - 1;
    twins = { scan: new RegExp(pattern.source, `${flags}g`), indexed: new RegExp(pattern.source, `${flags}gd`), groups };
    TWINS_OF_SOURCE.set(key, twins);
  }
  TWINS_OF_OBJECT.set(pattern, twins);
  return twins;
}

/** The global twin to run: with group indices (the `d` flag, which costs time on every match) only where the pattern has groups. */
function globalTwin(pattern: RegExp): RegExp {
  const twins = twinsOf(pattern);
  const regex = twins.groups > 0 ? twins.indexed : twins.scan;
  regex.lastIndex = 0;
  return regex;
}

/** Whether the pattern matches anywhere (the cheap test before a rewrite). */
function matches(pattern: RegExp, text: string): boolean {
  const { scan } = twinsOf(pattern);
  scan.lastIndex = 0;
  return scan.test(text);
}

/**
 * Every match of `pattern` replaced by the pieces `replace` returns for it.
 * Returns `source` itself when nothing matches.
 */
export function rewrite(source: SourceText, pattern: RegExp, replace: (match: RegExpExecArray) => readonly Piece[]): SourceText {
  if (!matches(pattern, source.text)) return source;
  const regex = globalTwin(pattern);
  let match = regex.exec(source.text);
  if (!match) return source;
  const out = new TextBuilder(source.text.length);
  let last = 0;
  while (match) {
    const start = match.index;
    const end = start + match[0].length;
    out.keep(source, last, start);
    const written = start < end ? source.offsets[start]! : out.lastOffset(source.offsets[start] ?? 0);
    for (const piece of replace(match)) {
      if (typeof piece === "string") out.write(piece, written);
      else if (typeof piece === "number") {
        const range = match.indices ? match.indices[piece] : piece === 0 ? [start, end] : undefined;
        if (range) out.keep(source, range[0], range[1]);
      } else if ("write" in piece) out.write(piece.write, source.offsets[piece.at] ?? written);
      else out.keep(source, piece.from, piece.to);
    }
    last = end;
    if (start === end) regex.lastIndex++;
    match = regex.exec(source.text);
  }
  out.keep(source, last);
  return out.build();
}

/** Shorthand: every match replaced by one of its capture groups (0 = drop the match). */
export function keepGroup(source: SourceText, pattern: RegExp, group: number): SourceText {
  return rewrite(source, pattern, () => (group === 0 ? [] : [group]));
}

/** Split at every match of `separator` (no capture groups), like String.split. */
export function splitText(source: SourceText, separator: RegExp): SourceText[] {
  const regex = globalTwin(separator);
  const pieces: SourceText[] = [];
  let last = 0;
  // An exec loop, not matchAll: matchAll copies the regex at every call.
  for (let match = regex.exec(source.text); match; match = regex.exec(source.text)) {
    if (match[0].length === 0) {
      regex.lastIndex = advance(source.text, regex.lastIndex, regex.unicode || regex.flags.includes("v"));
      continue;
    }
    pieces.push(slice(source, last, match.index));
    last = match.index + match[0].length;
  }
  pieces.push(slice(source, last));
  return pieces;
}

/** The index after `index` for a global regex after an empty match: one code unit, or a whole surrogate pair in unicode mode (as matchAll and replace step). */
function advance(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const code = text.charCodeAt(index);
  const next = text.charCodeAt(index + 1);
  return code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? index + 2 : index + 1;
}

/** Without leading and trailing characters of `chars` (a character class body, e.g. " " or "\\s"). */
const CHAR_SETS = new Map<string, RegExp>();

export function trimWith(source: SourceText, chars: string): SourceText {
  const text = source.text;
  let start = 0;
  let end = text.length;
  // The two sets every caller uses, by code; any other through its regex.
  if (chars === " ") {
    while (start < end && text.charCodeAt(start) === 0x20) start++;
    while (end > start && text.charCodeAt(end - 1) === 0x20) end--;
  } else if (chars === "\\s") {
    while (start < end && isWhiteSpace(text.charCodeAt(start))) start++;
    while (end > start && isWhiteSpace(text.charCodeAt(end - 1))) end--;
  } else {
    let set = CHAR_SETS.get(chars);
    if (!set) CHAR_SETS.set(chars, (set = new RegExp(`[${chars}]`)));
    while (start < end && set.test(text[start]!)) start++;
    while (end > start && set.test(text[end - 1]!)) end--;
  }
  return start === 0 && end === text.length ? source : slice(source, start, end);
}

/** One physical line of the decoded text: its 1-based number and its characters (line end excluded). */
export interface PhysicalLine {
  n: number;
  text: SourceText;
}

/** The lines of a text, split at LF, CRLF and CR like LineIndex; a final line end does not start another line. */
export function physicalLines(text: string): PhysicalLine[] {
  const lines: PhysicalLine[] = [];
  let start = 0;
  let n = 1;
  // Every line's offsets are a view of one array of the whole text's (offset i is i): one allocation, not one per line.
  const offsets = sourceText(text, 0).offsets;
  const push = (from: number, to: number) => lines.push({ n: n++, text: { text: text.slice(from, to), offsets: offsets.subarray(from, to) } });
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      push(start, i);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  if (start < text.length) push(start, text.length);
  return lines;
}
