/**
 * Where each character of a text node stands in the page source.
 *
 * parse5 gives every text node the range of the source it came from, and the
 * node's value is that range decoded: character references (`&nbsp;` is one
 * character, whose offset is its `&`), CR LF and CR read as LF, and, in a
 * broken page, stray tags the parser ignored. Walking the value and the raw
 * range side by side maps every character to its offset exactly; the raw
 * text of a reference is matched against the characters that follow it, so
 * no table of entity names is needed (`&notit;` is `¬` then `it;`).
 */
import type { Element, TextNode } from "./dom.ts";

export interface MappedText {
  text: string;
  offsets: Int32Array;
  /** False when part of the value could not be found in the raw range (its characters carry the last offset found). */
  aligned: boolean;
}

const SPECIAL = new Set(["&", "<", "\r"]);
const NAME_CHAR = /[A-Za-z0-9]/;
const NUMERIC_REFERENCE = /&#(?:[xX][0-9a-fA-F]+|[0-9]+);?/y;
const NAMED_REFERENCE = /&[A-Za-z0-9]{1,40};?/y;
const AMP_REFERENCE = /&(?:amp|AMP);?/y;
/** How far past a reference its reading is checked against the raw text. */
const CHECK_AHEAD = 64;

function isHtmlSpace(c: string | undefined): boolean {
  return c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\f";
}

/**
 * Whether value[i…] continues as raw[j…] does, up to the next character
 * that is not read literally (a reference, a tag, a CR) or CHECK_AHEAD
 * characters. At the end of the range the value must end too.
 */
function continues(raw: string, j: number, end: number, value: string, i: number): boolean {
  for (let n = 0; n < CHECK_AHEAD; n++, i++, j++) {
    if (j >= end) return i >= value.length;
    const c = raw[j]!;
    if (SPECIAL.has(c)) {
      // A reference never decodes to a letter or digit (but &fjlig; to "fj"); a literal & is not one either.
      if (c === "&") return i < value.length && (!NAME_CHAR.test(value[i]!) || raw.startsWith("&fjlig;", j));
      if (c === "\r") return value[i] === "\n";
      return true;
    }
    if (value[i] !== c) return false;
  }
  return true;
}

/**
 * How many UTF-16 units a named reference at raw[j] may decode to: two for a
 * character outside the BMP (&Afr;), perhaps two when a combining mark
 * follows (&NotEqualTilde; is ≂ and U+0338) or for &fjlig; ("fj"), else one.
 */
function referenceWidths(value: string, i: number, raw: string, j: number): number[] {
  const code = value.charCodeAt(i);
  if (code >= 0xd800 && code <= 0xdbff) return [2];
  if (/^[\p{M}\u200a]/u.test(value[i + 1] ?? "") || raw.startsWith("&fjlig;", j)) return [2, 1];
  return [1];
}

/** End of the tag or comment starting at raw[j] === "<" (attribute values may hold ">"). */
function markupEnd(raw: string, j: number, end: number): number {
  if (raw.startsWith("<!--", j)) {
    const close = raw.indexOf("-->", j + 4);
    return close === -1 || close + 3 > end ? end : close + 3;
  }
  let quote: string | null = null;
  for (let k = j + 1; k < end; k++) {
    const c = raw[k]!;
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      // A quote opens a value only right after `=` (white space allowed).
      let b = k - 1;
      while (b > j && isHtmlSpace(raw[b])) b--;
      if (raw[b] === "=") quote = c;
    } else if (c === ">") {
      return k + 1;
    }
  }
  return end;
}

/**
 * Map `value`, the decoded text of raw[start, end), to offsets in `raw`.
 * `inAttribute`: a legacy reference without `;` followed by a letter, a
 * digit or `=` stays literal there (HTML's rule for attribute values).
 */
export function alignDecoded(raw: string, start: number, end: number, value: string, inAttribute = false): MappedText {
  const offsets = new Int32Array(value.length);
  let i = 0;
  let j = start;
  let last = start;
  let aligned = true;
  const put = (count: number, offset: number) => {
    for (let n = 0; n < count && i < value.length; n++) offsets[i++] = offset;
    last = offset;
  };
  while (i < value.length) {
    if (j >= end) {
      aligned = false;
      put(value.length - i, last);
      break;
    }
    const c = raw[j]!;
    const v = value[i]!;
    if (c === "\r" && v === "\n") {
      put(1, j);
      j += raw[j + 1] === "\n" ? 2 : 1;
      continue;
    }
    if (c === "&") {
      NUMERIC_REFERENCE.lastIndex = j;
      const numeric = NUMERIC_REFERENCE.exec(raw);
      if (numeric && j + numeric[0].length <= end) {
        const width = v.charCodeAt(0) >= 0xd800 && v.charCodeAt(0) <= 0xdbff ? 2 : 1;
        put(width, j);
        j += numeric[0].length;
        continue;
      }
      if (v === "&") {
        AMP_REFERENCE.lastIndex = j;
        const amp = AMP_REFERENCE.exec(raw);
        const literal =
          !amp ||
          j + amp[0].length > end ||
          (inAttribute && !amp[0].endsWith(";") && /[A-Za-z0-9=]/.test(raw[j + amp[0].length] ?? ""));
        put(1, j);
        j += literal ? 1 : amp![0].length;
        continue;
      }
      NAMED_REFERENCE.lastIndex = j;
      const named = NAMED_REFERENCE.exec(raw);
      if (named && j + named[0].length <= end) {
        const whole = named[0].length;
        let taken = false;
        for (const width of referenceWidths(value, i, raw, j)) {
          // The longest reading wins, as HTML takes the longest entity name; what the name leaves is literal text.
          for (let consumed = whole; consumed >= 2 && !taken; consumed--) {
            const rest = raw.slice(j + consumed, j + whole);
            if (value.startsWith(rest, i + width) && continues(raw, j + whole, end, value, i + width + rest.length)) {
              put(width, j);
              j += consumed;
              taken = true;
            }
          }
          if (taken) break;
        }
        if (taken) continue;
      }
    }
    if (c === v) {
      put(1, j);
      j++;
      continue;
    }
    if (c === "<" && /[A-Za-z/!?]/.test(raw[j + 1] ?? "")) {
      // A tag the parser dropped from the text (a stray end tag, a duplicate <body>).
      j = markupEnd(raw, j, end);
      continue;
    }
    if (isHtmlSpace(c)) {
      // White space the parser did not keep (the line break after <pre>).
      j++;
      continue;
    }
    // Text the parser moved here from elsewhere (out of a broken table): find where it goes on.
    const next = raw.indexOf(v, j + 1);
    if (next === -1 || next >= end) {
      aligned = false;
      put(value.length - i, last);
      break;
    }
    j = next;
  }
  return { text: value, offsets, aligned };
}

/** The text of a text node, every character with its offset in the page source. */
export function mapTextNode(source: string, node: TextNode): MappedText {
  const location = node.sourceCodeLocation;
  if (!location) return { text: node.value, offsets: new Int32Array(node.value.length), aligned: false };
  return alignDecoded(source, location.startOffset, location.endOffset, node.value);
}

/** The value of an attribute, every character with its offset in the page source. */
export function mapAttribute(source: string, element: Element, name: string): MappedText | null {
  const value = element.attrs.find((a) => a.name === name)?.value;
  const location = element.sourceCodeLocation?.attrs?.[name];
  if (value === undefined) return null;
  if (!location) return { text: value, offsets: new Int32Array(value.length), aligned: false };
  // The range covers `name = "value"`: the value starts after `=`, white space and an opening quote.
  let j = location.startOffset + name.length;
  while (j < location.endOffset && isHtmlSpace(source[j])) j++;
  if (source[j] === "=") j++;
  while (j < location.endOffset && isHtmlSpace(source[j])) j++;
  let end = location.endOffset;
  if (source[j] === '"' || source[j] === "'") {
    j++;
    end--;
  }
  return alignDecoded(source, j, end, value, true);
}
