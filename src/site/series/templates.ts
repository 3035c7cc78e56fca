/**
 * How a statistics-table format is named and marked wherever a series shows
 * which format each point comes from: a short name (2019年全国格式, 福建省表),
 * its years, and a point shape with a text symbol that the chart, its table
 * and the legend share. Derived from the catalog's order and names, so a new
 * template brings its own mark without code here. Read from the template files
 * as they are (this module runs in the browser, where zod is not loaded).
 */
import { TEMPLATE_FILES, type TemplateHeader } from "../../catalog/template-files.ts";
import type { PointShape } from "../chart-spec.ts";

export interface TemplateMark {
  id: string;
  /** e.g. 2008年全国格式, 福建省表, 2021年全国格式 */
  short: string;
  /** the format's full name as the catalog gives it */
  name: string;
  nameEn: string;
  /** 2008—2018, or 2021年起 for the format in force */
  years: string;
  shape: PointShape;
  /** the shape as a character, for tables and legends */
  symbol: string;
}

/** Shapes in catalog order (oldest format first); Chart.js draws each, the symbol prints it. */
const SHAPES: readonly [PointShape, string][] = [
  ["circle", "●"],
  ["rectRot", "◆"],
  ["triangle", "▲"],
  ["rect", "■"],
  ["star", "★"],
  ["crossRot", "✕"],
];

/** Years with no end (the format in force) are stored as 9999. */
const OPEN_END = 9999;

function shortName(template: TemplateHeader): string {
  if (template.scope === "national") return `${template.years.from}年全国格式`;
  // A province's own table: its name starts with the province (福建省政府信息公开情况统计表…).
  const cut = template.name.indexOf("政府信息公开");
  return cut > 0 ? `${template.name.slice(0, cut)}表` : template.name;
}

function yearsOf(template: TemplateHeader): string {
  return template.years.to >= OPEN_END ? `${template.years.from}年起` : `${template.years.from}—${template.years.to}`;
}

const MARKS: ReadonlyMap<string, TemplateMark> = new Map(
  TEMPLATE_FILES.map((template, index) => {
    const [shape, symbol] = SHAPES[index % SHAPES.length]!;
    return [
      template.id,
      { id: template.id, short: shortName(template), name: template.name, nameEn: template.nameEn, years: yearsOf(template), shape, symbol },
    ];
  }),
);

export function templateMark(id: string): TemplateMark {
  const mark = MARKS.get(id);
  if (!mark) throw new Error(`unknown statistics template: ${id}`);
  return mark;
}

/** Every template's mark, oldest format first. */
export function templateMarks(): TemplateMark[] {
  return [...MARKS.values()];
}
