/**
 * What "a page contains the query" means, in one place for the index builder
 * (scripts/index-search.ts, through ./exact-index.ts) and the search page
 * (src/site/client/search.ts): the same folding of text, the same reading of
 * the query, the same occurrences, so a page the index offers and the page
 * the client shows agree character for character.
 *
 * Folding keeps Chinese exactly as written and evens out only what a reader
 * does not see as a difference: full-width Latin letters, digits and
 * punctuation (２０１８, （一）) read as their ASCII forms, Latin letters in
 * lower case, any run of spaces, tabs or line ends as one space, and
 * zero-width characters (which Pagefind puts between the words it segments)
 * as nothing. Every folded character remembers where it came from, so a match
 * in the folded text marks the original characters.
 */
import { isWhiteSpace } from "../../converter/document/source-text.ts";

/** Zero-width space, non-joiner, joiner, word joiner, BOM: never part of a match. */
const IGNORED = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]);
const ZERO_WIDTH = /[\u200b\u200c\u200d\u2060\ufeff]/g;

export interface FoldedText {
  /** The folded text. */
  text: string;
  /** start[i]: offset in the original of folded UTF-16 unit i. */
  start: number[];
  /** end[i]: offset in the original just after folded unit i (a folded space covers a whole run of spaces). */
  end: number[];
}

/** White space as /\s/ reads it, U+FEFF aside (it is IGNORED). */
function isSpace(code: number): boolean {
  return code !== 0xfeff && isWhiteSpace(code);
}

/** One code point folded: full-width ASCII to ASCII, A–Z to a–z. */
export function foldCodePoint(codePoint: number): number {
  let cp = codePoint >= 0xff01 && codePoint <= 0xff5e ? codePoint - 0xfee0 : codePoint;
  if (cp >= 0x41 && cp <= 0x5a) cp += 0x20;
  return cp;
}

/** Folding works on UTF-16 units (every folded character is in the BMP; a surrogate pair is copied as it is). */
export function foldText(raw: string): FoldedText {
  const codes: number[] = [];
  const start: number[] = [];
  const end: number[] = [];
  let lastWasSpace = false;
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (IGNORED.has(code)) continue;
    if (isSpace(code)) {
      if (lastWasSpace) end[end.length - 1] = i + 1;
      else {
        codes.push(0x20);
        start.push(i);
        end.push(i + 1);
        lastWasSpace = true;
      }
      continue;
    }
    lastWasSpace = false;
    codes.push(foldCodePoint(code));
    start.push(i);
    end.push(i + 1);
  }
  let text = "";
  for (let i = 0; i < codes.length; i += 8192) text += String.fromCharCode(...codes.slice(i, i + 8192));
  return { text, start, end };
}

/** The folded form of a short string (a query term, a heading), without the offset maps. */
export function fold(raw: string): string {
  return foldText(raw).text;
}

/** The longest query the page reads; longer input is cut here (a search box, not a document). */
export const MAX_QUERY_LENGTH = 200;
/** Terms beyond this many are ignored. */
export const MAX_TERMS = 8;

/** Quotes that make a phrase with spaces one term, as typed on a Chinese or a Latin keyboard. */
const QUOTE_PAIRS: Readonly<Record<string, string>> = { '"': '"', "＂": "＂", "“": "”", "「": "」", "『": "』" };

export interface QueryTerm {
  /** The term as typed (spaces evened out), for the page to repeat. */
  text: string;
  /** The term folded: what a page's folded text must contain. */
  folded: string;
}

/**
 * The query as terms: each term must appear in a page exactly as written
 * (after folding), and a page must contain every term. Terms are separated by
 * spaces; text in quotes ("…", “…”, 「…」, 『…』) is one term, spaces included,
 * and a quoted term without spaces is just that term: 「行政复议」 = 行政复议.
 * A term that folds to the same text as an earlier one counts once.
 */
export function parseQuery(raw: string): QueryTerm[] {
  const text = raw.slice(0, MAX_QUERY_LENGTH).replace(ZERO_WIDTH, "").replace(/\s+/g, " ");
  const terms: QueryTerm[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (char === " ") {
      i += 1;
      continue;
    }
    const close = QUOTE_PAIRS[char];
    let term: string;
    const wordEnd = (from: number) => {
      const space = text.indexOf(" ", from);
      return space === -1 ? text.length : space;
    };
    if (close !== undefined) {
      const end = text.indexOf(close, i + 1);
      if (end === -1) {
        // An unclosed quote: the rest of the word, the quote left out.
        const stop = wordEnd(i + 1);
        term = text.slice(i + 1, stop);
        i = stop;
      } else {
        term = text.slice(i + 1, end);
        i = end + 1;
      }
    } else {
      const stop = wordEnd(i);
      term = text.slice(i, stop);
      i = stop;
    }
    term = term.trim();
    const folded = fold(term).trim();
    if (folded !== "" && !terms.some((t) => t.folded === folded)) terms.push({ text: term, folded });
  }
  return terms.slice(0, MAX_TERMS);
}

/** Start offsets (in folded text) of a term's non-overlapping occurrences, left to right. */
export function occurrences(folded: string, term: string): number[] {
  const found: number[] = [];
  if (term === "") return found;
  let from = 0;
  for (;;) {
    const at = folded.indexOf(term, from);
    if (at === -1) return found;
    found.push(at);
    from = at + term.length;
  }
}

/** True when the folded text contains every term. */
export function containsAll(folded: string, terms: readonly string[]): boolean {
  return terms.length > 0 && terms.every((term) => folded.includes(term));
}

export interface TextPart {
  text: string;
  /** An occurrence of a query term. */
  marked: boolean;
}

/** A heading of the page, where its section starts in the page text. */
export interface PageSection {
  /** The heading's id (the page's anchor), or null for the text before the first heading (the title and what follows it). */
  id: string | null;
  title: string;
  /** Offset in the page text where the heading's text (or the page title) starts. */
  start: number;
  /** Offset just after the heading's text (or the page title; equal to start when the page text does not open with it). */
  headingEnd: number;
  /** Offset where the section's own text starts, after the heading and Pagefind's ". ". */
  bodyStart: number;
}

/** A heading as Pagefind's fragment lists it (`anchors`). */
export interface FragmentAnchor {
  element: string;
  id: string;
  text: string;
}

/** Headings below the page title that open the sections a match is shown under. */
const SECTION_ELEMENTS = new Set(["h2", "h3", "h4", "h5", "h6"]);

/** Pagefind ends a heading's text with ". ": the section's own text starts after it. */
function skipHeadingEnd(content: string, at: number): number {
  let offset = at;
  while (offset < content.length && /[.\s]/.test(content[offset]!)) offset += 1;
  return offset;
}

/**
 * The page's sections: the opening (the title, when the page text starts with
 * it, and what follows up to the first heading), then each h2–h6 anchor found
 * in the page text in order (the text Pagefind keeps holds the heading text at
 * its place). An anchor whose text is not found after the previous one is left
 * out rather than guessed.
 */
export function pageSections(content: string, anchors: readonly FragmentAnchor[], pageTitle = ""): PageSection[] {
  const folded = foldText(content);
  const title = fold(pageTitle).trim();
  const opensWithTitle = title !== "" && folded.text.startsWith(title);
  const titleEnd = opensWithTitle ? folded.end[title.length - 1]! : 0;
  const sections: PageSection[] = [{ id: null, title: pageTitle.trim(), start: 0, headingEnd: titleEnd, bodyStart: opensWithTitle ? skipHeadingEnd(content, titleEnd) : 0 }];
  let cursor = opensWithTitle ? title.length : 0;
  for (const anchor of anchors) {
    if (!SECTION_ELEMENTS.has(anchor.element) || anchor.id === "") continue;
    const heading = fold(anchor.text).trim();
    if (heading === "") continue;
    const at = folded.text.indexOf(heading, cursor);
    if (at === -1) continue;
    const headingEnd = folded.end[at + heading.length - 1]!;
    sections.push({ id: anchor.id, title: anchor.text.trim(), start: folded.start[at]!, headingEnd, bodyStart: skipHeadingEnd(content, headingEnd) });
    cursor = at + heading.length;
  }
  return sections;
}

export interface Snippet {
  /** The section the occurrences stand in; its id is null for the opening of the page. */
  section: PageSection;
  /** The section's heading with its occurrences marked; null for the opening (the result's title stands for it). */
  heading: TextPart[] | null;
  /** Text around the first occurrence in the section's own text; empty when the terms occur in the heading only. */
  parts: TextPart[];
}

export interface PageMatches {
  /** Occurrences of each term, in the order of the terms. */
  counts: number[];
  /** The page title with its occurrences marked (the opening section's title). */
  title: TextPart[];
  /** One snippet per section with an occurrence, in page order, at most `limit`. */
  snippets: Snippet[];
  /** Sections with an occurrence that a snippet shows or could show, including those beyond `limit`. */
  sections: number;
}

export interface SnippetOptions {
  /** Snippets at most. */
  limit: number;
  /** Characters of context before and after the first occurrence in a section. */
  before: number;
  after: number;
}

export const SNIPPETS: SnippetOptions = { limit: 3, before: 30, after: 60 };

/** Where the terms occur in a text: [start, end) offsets, overlapping occurrences of different terms joined. */
export function markRanges(content: string, terms: readonly string[]): { counts: number[]; ranges: [number, number][] } {
  const folded = foldText(content);
  const ranges: [number, number][] = [];
  const counts = terms.map((term) => {
    const found = occurrences(folded.text, term);
    for (const at of found) ranges.push([folded.start[at]!, folded.end[at + term.length - 1]!]);
    return found.length;
  });
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return { counts, ranges: merged };
}

/**
 * Where the terms stand in a page's text: how often each occurs; the title and
 * each heading with their occurrences marked; and for each section with an
 * occurrence in its own text, a snippet of the original text around the first
 * one, every occurrence inside it marked, "…" where the section's text is cut.
 */
export function pageMatches(content: string, terms: readonly string[], sections: readonly PageSection[], options: SnippetOptions = SNIPPETS): PageMatches {
  const { counts, ranges } = markRanges(content, terms);
  const ordered = [...sections].sort((a, b) => a.start - b.start);
  const opening = ordered[0]!;
  const title = opening.headingEnd > opening.start ? markedParts(content, ranges, opening.start, opening.headingEnd, { start: false, end: false }) : [];
  const sectionAt = (offset: number) => {
    let found = 0;
    ordered.forEach((section, i) => {
      if (section.start <= offset) found = i;
    });
    return found;
  };
  // Per section: whether its heading has an occurrence, and its first occurrence in its own text.
  const hits = new Map<number, { inHeading: boolean; body: [number, number] | null }>();
  for (const range of ranges) {
    const index = sectionAt(range[0]);
    const section = ordered[index]!;
    const hit = hits.get(index) ?? { inHeading: false, body: null };
    if (range[0] < section.headingEnd) hit.inHeading = true;
    else if (range[0] >= section.bodyStart && hit.body === null) hit.body = range;
    hits.set(index, hit);
  }
  const shown = [...hits.entries()].filter(([index, hit]) => hit.body !== null || ordered[index]!.id !== null);
  const snippets = shown.slice(0, options.limit).map(([index, hit]) => {
    const section = ordered[index]!;
    const heading = section.id === null ? null : markedParts(content, ranges, section.start, section.headingEnd, { start: false, end: false });
    if (hit.body === null) return { section, heading, parts: [] };
    const [from, to] = hit.body;
    // Within the section's own text, up to the next heading.
    const upper = ordered[index + 1]?.start ?? content.length;
    const windowStart = Math.max(section.bodyStart, from - options.before);
    const windowEnd = Math.max(to, Math.min(upper, to + options.after));
    const cut = { start: windowStart > section.bodyStart, end: windowEnd < upper };
    return { section, heading, parts: markedParts(content, ranges, safeStart(content, windowStart), safeEnd(content, windowEnd), cut) };
  });
  return { counts, title, snippets, sections: shown.length };
}

/** Do not cut a surrogate pair in two. */
function safeStart(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff ? at + 1 : at;
}
function safeEnd(text: string, at: number): number {
  const code = text.charCodeAt(at - 1);
  return code >= 0xd800 && code <= 0xdbff ? at - 1 : at;
}

/** The text between two offsets as plain and marked parts, spaces evened out, "…" where the text is cut (by default: where it does not reach the start or end of the content). */
export function markedParts(
  content: string,
  marks: readonly [number, number][],
  from: number,
  to: number,
  cut: { start: boolean; end: boolean } = { start: from > 0, end: to < content.length },
): TextPart[] {
  const parts: TextPart[] = [];
  const push = (text: string, marked: boolean) => {
    const clean = text.replace(ZERO_WIDTH, "").replace(/\s+/g, " ");
    if (clean === "") return;
    const last = parts.at(-1);
    if (last && last.marked === marked) last.text += clean;
    else parts.push({ text: clean, marked });
  };
  if (cut.start) push("…", false);
  let cursor = from;
  for (const [start, end] of marks) {
    if (end <= from || start >= to) continue;
    const a = Math.max(start, from);
    const b = Math.min(end, to);
    if (a > cursor) push(content.slice(cursor, a), false);
    push(content.slice(a, b), true);
    cursor = b;
  }
  if (cursor < to) push(content.slice(cursor, to), false);
  if (cut.end) push("…", false);
  if (parts[0] && !parts[0].marked) parts[0].text = parts[0].text.trimStart();
  const last = parts.at(-1);
  if (last && !last.marked) last.text = last.text.trimEnd();
  return parts.filter((part) => part.text !== "");
}

/** The first characters of a page's text, for a result found by its filters alone. */
export function openingParts(content: string, length: number): TextPart[] {
  return markedParts(content, [], 0, safeEnd(content, Math.min(content.length, length)));
}
