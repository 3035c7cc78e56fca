/**
 * Stage 8: Block[] + Report → the MDX page body (contract in docs/contributing.md).
 *
 * Every character that comes from the source is escaped so that Markdown,
 * GFM and MDX read it as text: no JSX, no {expressions}, no ESM, no HTML, no
 * links or autolinks, no emphasis, no lists or headings the report did not
 * have. The only markup is ours: headings, bold lead-ins, GFM tables, and the
 * two JSX elements <StatisticsTable /> and <ScreenshotTable>…</ScreenshotTable>.
 */
import type { Report } from "../../schema/report.ts";
import type { Block } from "../types.ts";

/** ASCII punctuation that Markdown, GFM or MDX may interpret anywhere in a line. */
const INLINE_SPECIAL = /[\\`*_{}[\]<>#|~&$!^]/g;

/**
 * Escape text from the source for use inside a paragraph, heading, list item
 * or table cell. Backslash escapes work for every ASCII punctuation mark in
 * CommonMark and MDX; autolink literals (www., http://, e-mail) are broken up
 * by escaping the character that would start them.
 */
export function escapeInline(text: string): string {
  return text
    .replace(/[\t\r\n]+/g, " ")
    .replace(INLINE_SPECIAL, (c) => `\\${c}`)
    .replace(/:\/\//g, "\\://")
    .replace(/\b(www)\./gi, "$1\\.")
    .replace(/@/g, "\\@");
}

/**
 * Escape text that starts a block: on top of escapeInline, nothing at the start
 * may open a list, a heading, a thematic break or an MDX ESM statement.
 */
export function escapeBlockStart(text: string): string {
  const escaped = escapeInline(text.trim());
  return escaped
    .replace(/^([-+=])/, "\\$1")
    .replace(/^(\d{1,9})([.)])/, "$1\\$2")
    .replace(/^(import|export)\b/, (word) => `&#${word.charCodeAt(0)};${word.slice(1)}`);
}

/** A bold lead-in as **…**; the closing ** must follow a letter, not punctuation, to close in CommonMark. */
function paragraphText(block: Extract<Block, { kind: "paragraph" }>): string {
  const lead = block.lead;
  if (lead && block.text.startsWith(lead)) {
    const core = lead.replace(/[\p{P}\s]+$/u, "");
    if (core !== "" && /[\p{L}\p{N}]$/u.test(core)) {
      const body = block.text.slice(core.length);
      return `**${escapeBlockStart(core)}**${escapeInline(body)}`;
    }
  }
  return escapeBlockStart(block.text);
}

/** A first row is a header when it holds labels, not data (no long numbers or dates). */
function looksLikeHeader(cells: string[]): boolean {
  return cells.every((c) => !/\d{4}/.test(c));
}

function tableRow(cells: string[]): string {
  return `| ${cells.map((c) => escapeInline(c)).join(" | ")} |`;
}

function gfmTable(block: Extract<Block, { kind: "table" }>): string {
  const width = block.rows[0]!.cells.length;
  const [first, ...rest] = block.rows.map((r) => r.cells);
  const header = looksLikeHeader(first!) ? first! : Array<string>(width).fill("");
  const body = header === first ? rest : [first!, ...rest];
  return [tableRow(header), `| ${Array<string>(width).fill("---").join(" | ")} |`, ...body.map(tableRow)].join("\n");
}

function renderBlock(block: Block): string {
  switch (block.kind) {
    case "heading":
      return `${"#".repeat(block.depth)} ${escapeInline(block.text)}`;
    case "paragraph":
      return paragraphText(block);
    case "list":
      return block.items.map((item) => `- ${escapeBlockStart(item.text)}`).join("\n");
    case "table":
      return block.screenshot ? `<ScreenshotTable>\n\n${gfmTable(block)}\n\n</ScreenshotTable>` : gfmTable(block);
    case "statistics":
      return "<StatisticsTable />";
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
    `code: ${JSON.stringify(report.jurisdiction.code)}`,
    `template: ${JSON.stringify(report.template)}`,
    "---",
  ].join("\n");
}

export function renderMdx(blocks: Block[], report: Report): string {
  const body = blocks.map(renderBlock).filter((text) => text !== "");
  return `${frontmatter(report)}\n\n${body.join("\n\n")}\n`;
}
