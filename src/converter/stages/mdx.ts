/**
 * The report's body → its MDX page. The body is built as an mdast tree and
 * serialised by mdast-util-to-markdown with the GFM and MDX extensions, which
 * escape every character of source text that Markdown, GFM or MDX would
 * otherwise read as syntax: no JSX, no {expressions}, no HTML, no links or
 * autolinks, no emphasis, no lists or headings the report did not have. Two
 * things the extensions leave to us (UNSAFE below): a paragraph that begins
 * with `import` or `export` would be read as ESM, so its first letter is
 * written as a character reference; and `www.` before a non-ASCII character
 * would start a literal autolink.
 *
 * The only JSX is ours: <StatisticsTable table="…" /> where a statistics table
 * stood (the page fills it from the JSON) and <ScreenshotTable>…</ScreenshotTable>
 * around a table transcribed from a screenshot of a web page.
 */
import type { Heading, List, Paragraph, Parents, PhrasingContent, Root, RootContent, Table, Text } from "mdast";
import { gfmToMarkdown } from "mdast-util-gfm";
import { mdxToMarkdown } from "mdast-util-mdx";
import { defaultHandlers, toMarkdown, type Info, type Options, type State, type Unsafe } from "mdast-util-to-markdown";
import type { Report } from "../../schema/report.ts";
import type { BodyBlock } from "./structure.ts";

/**
 * What the extensions leave unescaped:
 * - ESM statements start a line with these words; the first letter is escaped at the start of a block;
 * - a GFM literal autolink (www.…) takes a Unicode domain (www.二是…), but mdast-util-gfm escapes the
 *   dot only before an ASCII word character; the link would run on to the next space or `<`,
 *   swallowing the backslash of an escaped `<` and leaving that `<` to open JSX. Its dot is escaped
 *   before any non-ASCII character too, so no such link begins.
 */
const UNSAFE: Unsafe[] = [
  { character: "i", atBreak: true, after: "mport\\b" },
  { character: "e", atBreak: true, after: "xport\\b" },
  { character: ".", before: "[Ww]", after: "[^\\x00-\\x7f]", inConstruct: "phrasing", notInConstruct: ["autolink", "link", "image", "label"] },
];

function plain(text: string): string {
  const flat = text.includes("\t") || text.includes("\n") || text.includes("\r") ? text.replace(/[\t\r\n]+/g, " ") : text;
  return flat.trim();
}

function paragraph(text: string, lead?: string): Paragraph {
  const body = plain(text);
  if (lead) {
    const core = plain(lead).replace(/[\p{P}\s]+$/u, "");
    if (core !== "" && body.startsWith(core)) {
      const children: PhrasingContent[] = [{ type: "strong", children: [{ type: "text", value: core }] }];
      const rest = body.slice(core.length);
      if (rest) children.push({ type: "text", value: rest });
      return { type: "paragraph", children };
    }
  }
  return { type: "paragraph", children: [{ type: "text", value: body }] };
}

/** A first row is a header when it holds labels, not data (no long numbers or dates). */
function looksLikeHeader(cells: readonly string[]): boolean {
  return cells.every((c) => !/\d{4}/.test(c));
}

function table(rows: readonly (readonly string[])[]): Table {
  const width = Math.max(...rows.map((r) => r.length));
  const pad = (r: readonly string[]) => [...r.map(plain), ...Array<string>(width - r.length).fill("")];
  const [first, ...rest] = rows.map(pad);
  const header = looksLikeHeader(first!) ? first! : Array<string>(width).fill("");
  const body = header === first ? rest : [first!, ...rest];
  const row = (cells: string[]) => ({ type: "tableRow" as const, children: cells.map((value) => ({ type: "tableCell" as const, children: value ? [{ type: "text" as const, value }] : [] })) });
  return { type: "table", align: Array(width).fill(null), children: [row(header), ...body.map(row)] };
}

function node(block: BodyBlock): RootContent[] {
  switch (block.kind) {
    case "heading":
      return [{ type: "heading", depth: block.depth, children: [{ type: "text", value: plain(block.text.text) }] } satisfies Heading];
    case "paragraph":
      return plain(block.text.text) === "" ? [] : [paragraph(block.text.text, block.lead)];
    case "list":
      return [
        {
          type: "list",
          ordered: false,
          spread: false,
          children: block.items.map((item) => ({ type: "listItem", spread: false, children: [paragraph(item.text)] })),
        } satisfies List,
      ];
    case "table": {
      const rows = block.rows.map((r) => r.map((c) => c.text));
      if (rows.length === 0) return [];
      // One row is not a table: its words are a paragraph.
      if (rows.length === 1) return [paragraph(rows[0]!.filter((c) => c.trim() !== "").join(" "))];
      const gfm = table(rows);
      if (!block.screenshot) return [gfm];
      return [{ type: "mdxJsxFlowElement", name: "ScreenshotTable", attributes: [], children: [gfm] }];
    }
    case "statistics":
      return [
        {
          type: "mdxJsxFlowElement",
          name: "StatisticsTable",
          attributes: block.table ? [{ type: "mdxJsxAttribute", name: "table", value: block.table }] : [],
          children: [],
        },
      ];
  }
}

/** YAML frontmatter whose strings are JSON-quoted (valid YAML, no escaping surprises). */
function frontmatter(report: Report): string {
  return [
    "---",
    `id: ${JSON.stringify(report.id)}`,
    `title: ${JSON.stringify(report.title)}`,
    `year: ${report.year}`,
    `jurisdiction: ${JSON.stringify(report.jurisdiction.name)}`,
    `code: ${JSON.stringify(report.jurisdiction.id)}`,
    `template: ${JSON.stringify(report.template)}`,
    "---",
  ].join("\n");
}

/**
 * The library's escaping runs each of its ~40 unsafe patterns over every
 * text, but a pattern can only escape its own character, and only inside the
 * text: matches on the characters around it (info.before/after, which it adds
 * for context) are skipped. So it is given only the patterns whose character
 * the text holds, and a text that holds none is returned as it is: the output
 * is the same, and most of a Chinese report's text needs no pattern at all.
 * One exception: the rule for an underscore inside a word looks at whether the
 * characters around it were matched, so a text with "_" keeps the patterns of
 * its surrounding characters too.
 */
function text(node: Text, parent: Parents | undefined, state: State, info: Info): string {
  const all = state.unsafe;
  const value = node.value;
  if (needsNoEscape(value, all)) return value;
  const relevant = patternsFor(value.includes("_") ? `${info.before}${value}${info.after}` : value, all);
  if (!value.includes("\\") && !anyMatches(relevant, `${info.before}${value}${info.after}`, state)) return value;
  state.unsafe = relevant;
  try {
    return defaultHandlers.text(node, parent, state, info);
  } finally {
    state.unsafe = all;
  }
}

/**
 * Whether any of the patterns that apply here matches the text with its
 * surroundings. The library escapes only at a match of one of them (and
 * backslashes, which the caller checks), so where none matches it writes the
 * text as it is. A pattern read on a neighbouring node's side only
 * (beforeNode/afterNode) counts as a match: it is read on part of the text,
 * which this test does not do.
 */
function anyMatches(patterns: Unsafe[], text: string, state: State): boolean {
  for (const pattern of patterns) {
    if (!inScope(state.stack, pattern)) continue;
    if (pattern.beforeNode || pattern.afterNode) return true;
    const expression = state.compilePattern(pattern);
    expression.lastIndex = 0;
    const found = expression.test(text);
    expression.lastIndex = 0;
    if (found) return true;
  }
  return false;
}

/**
 * Whether a pattern applies in the constructs the serialiser is in: one of
 * its inConstruct (or it has none) and none of its notInConstruct, as the
 * library decides it (mdast-util-to-markdown's patternInScope).
 */
function inScope(stack: readonly string[], pattern: Unsafe): boolean {
  const any = (list: Unsafe["inConstruct"], none: boolean) => {
    const names = typeof list === "string" ? [list] : list;
    return !names || names.length === 0 ? none : names.some((name) => stack.includes(name));
  };
  return any(pattern.inConstruct, true) && !any(pattern.notInConstruct, false);
}

/** No pattern's character and no backslash (which the library escapes before punctuation): the text is written as it is. */
function needsNoEscape(value: string, patterns: Unsafe[]): boolean {
  return !holdsAny(value, patternCharacters(patterns)) && !value.includes("\\");
}

/**
 * The phrasing of a paragraph, heading or table cell whose only child is a
 * text is what the text handler makes of that text (the text itself, when it
 * needs no escaping): the library's phrasing pass (trackers, peeking at
 * neighbours, pairing emphasis markers) would join the one string to itself.
 * Most blocks and cells of a report are such, so they skip the pass; anything
 * else (a bold lead-in, an empty cell) goes through the library as before.
 */
function root(node: Root, parent: Parents | undefined, state: State, info: Info): string {
  const phrasing = state.containerPhrasing;
  state.containerPhrasing = (container, containerInfo) => {
    const only = container.children.length === 1 ? container.children[0]! : null;
    if (only?.type !== "text" || only.value === "") return phrasing.call(state, container, containerInfo);
    if (needsNoEscape(only.value, state.unsafe)) return only.value;
    // What the pass returns for one text: the text handler's answer, given the characters around the container
    // (and, as the pass does, no `encode`), with the index stack saying the text has no siblings.
    state.indexStack.push(0);
    try {
      return text(only, container, state, { before: containerInfo.before, after: containerInfo.after, now: containerInfo.now, lineShift: containerInfo.lineShift });
    } finally {
      state.indexStack.pop();
    }
  };
  try {
    return defaultHandlers.root(node, parent, state, info);
  } finally {
    state.containerPhrasing = phrasing;
  }
}

/** The ASCII characters some pattern of `patterns` is about, one flag per code; null when a pattern is about another character (then every text takes the slow path). */
const PATTERN_CHARACTERS = new WeakMap<Unsafe[], Uint8Array | null>();

function patternCharacters(patterns: Unsafe[]): Uint8Array | null {
  let flags = PATTERN_CHARACTERS.get(patterns);
  if (flags === undefined) {
    flags = new Uint8Array(0x80);
    for (const pattern of patterns) {
      const code = pattern.character.charCodeAt(0);
      if (code >= 0x80) {
        flags = null;
        break;
      }
      flags[code] = 1;
    }
    PATTERN_CHARACTERS.set(patterns, flags);
  }
  return flags;
}

function holdsAny(value: string, characters: Uint8Array | null): boolean {
  if (characters === null) return true;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x80 && characters[code] === 1) return true;
  }
  return false;
}

/**
 * The patterns of `patterns` whose character `value` holds (any pattern about a
 * character that is not ASCII is kept, to be safe), remembered by those
 * characters: the texts of a report hold few distinct ones.
 */
const PATTERNS_FOR = new WeakMap<Unsafe[], Map<string, Unsafe[]>>();

function patternsFor(value: string, patterns: Unsafe[]): Unsafe[] {
  const characters = patternCharacters(patterns);
  // The pattern characters the value holds, in the order they first occur.
  let key = "";
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x80 && (characters === null || characters[code] === 1) && !key.includes(value[i]!)) key += value[i]!;
  }
  let byKey = PATTERNS_FOR.get(patterns);
  if (!byKey) PATTERNS_FOR.set(patterns, (byKey = new Map()));
  let relevant = byKey.get(key);
  if (!relevant) {
    relevant = patterns.filter((pattern) => {
      const code = pattern.character.charCodeAt(0);
      return code >= 0x80 || (code >= 0 && key.includes(pattern.character));
    });
    byKey.set(key, relevant);
  }
  return relevant;
}

/** Made once: mdast-util-to-markdown compiles each unsafe pattern into a regex on the pattern object itself, so fresh extensions per report would compile them all again. */
const MARKDOWN_OPTIONS: Options = { extensions: [gfmToMarkdown({ tablePipeAlign: false }), mdxToMarkdown()], unsafe: UNSAFE, bullet: "-", rule: "-", handlers: { root, text } };

export function renderMdx(blocks: readonly BodyBlock[], report: Report): string {
  const tree: Root = { type: "root", children: blocks.flatMap(node) };
  const body = toMarkdown(tree, MARKDOWN_OPTIONS);
  return `${frontmatter(report)}\n\n${body}`;
}
