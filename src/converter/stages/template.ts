/**
 * Which table format a report follows, from the report itself: the notice it
 * cites (国办公开办函〔2021〕30号), its tables' own headers (本年制发件数 vs
 * 本年新制作数量), the row labels only one format has, a 历年累计 column. Each
 * template lists that evidence with weights in the catalog; the year is only a
 * prior, for a report that shows none of it (a report without a table).
 */
import { TEMPLATES, getTemplate, templateForYear, DEFAULT_TEMPLATE_ID, type Template } from "../../catalog/index.ts";
import type { Block, SourceDocument } from "../document/types.ts";
import { foldText } from "../readers/labels.ts";
import { compareText } from "../../report/compare-text.ts";

/** What the year adds to a template whose years include it: enough to break a tie, never to outweigh a header. */
const YEAR_PRIOR = 1;

export interface TemplateChoice {
  template: Template;
  /** The evidence found for the chosen template, strongest first ("表头：本年制发件数"). */
  evidence: string[];
  scores: { template: string; score: number }[];
}

function blockText(block: Block): string {
  switch (block.kind) {
    case "table":
      return block.grid.flatMap((row, r) => row.filter((p) => p.origin.row === r).map((p) => p.cell.text.text)).join(" ");
    case "list":
      return block.items.map((item) => item.text).join(" ");
    default:
      return block.text.text;
  }
}

/** Each template's evidence folded the way the body is, once per process. */
const FOLDED_EVIDENCE = new Map(TEMPLATES.map((t) => [t.id, t.evidence.map((e) => foldText(e.text))]));

export function chooseTemplate(document: SourceDocument, year: number): TemplateChoice {
  const body = foldText(document.blocks.map(blockText).join(" "));
  const scored = TEMPLATES.map((template) => {
    const folded = FOLDED_EVIDENCE.get(template.id)!;
    const found = template.evidence.filter((_, i) => body.includes(folded[i]!));
    const prior = year >= template.years.from && year <= template.years.to ? YEAR_PRIOR : 0;
    return { template, found, score: found.reduce((sum, e) => sum + e.weight, 0) + (found.length > 0 ? prior : 0) };
  });
  const best = scored.reduce((a, b) => (b.score > a.score ? b : a));
  if (best.score === 0) {
    const byYear = templateForYear(year) ?? getTemplate(DEFAULT_TEMPLATE_ID);
    return { template: byYear, evidence: [`年度 ${year}（报告中没有可判断格式的表头或文号）`], scores: scored.map((s) => ({ template: s.template.id, score: s.score })) };
  }
  // A tie between two formats with evidence: the year decides, else the catalog order (older first).
  const tied = scored.filter((s) => s.score === best.score);
  const chosen = tied.find((s) => year >= s.template.years.from && year <= s.template.years.to) ?? tied[0]!;
  return {
    template: chosen.template,
    evidence: [...chosen.found].sort((a, b) => b.weight - a.weight || compareText(a.text, b.text)).map((e) => e.text),
    scores: scored.map((s) => ({ template: s.template.id, score: s.score })),
  };
}
