/**
 * The shape of the catalog's data files, strict: an unknown key is an error,
 * so a typo in a template file fails loudly instead of being dropped.
 *
 * A template (templates/*.json) declares its tables. Each table has a
 * `layout`, and the converter has one reader per layout (src/converter/readers/):
 *
 *   rows        one row per indicator, one or more value columns
 *               (2008 national table: 统计指标 | 单位 | 统计数; Fujian: 本年度 | 历年累计)
 *   blocks      captioned blocks, each with its own column headers
 *               (2019/2021 表二: 第二十条第（一）项 | 信息内容 本年新制作数量 …)
 *   matrix      rows × columns under a multi-level header (表三: 25 rows × 7 applicant columns)
 *   header_row  one row of value cells under grouped column headers (表四: 行政复议 × 5, 行政诉讼 × 10)
 *
 * Indicator ids: a row of a one-column table is its own id; the cell of row r
 * and column c is `r__c` (e.g. requests_received__total). The same id in two
 * templates means the same figure.
 */
import { z } from "zod";

const id = z.string().regex(/^[a-z][a-z0-9_]*$/);

/** A phrase after which prose states a figure, and the units accepted right after the number. */
export const TextCue = z.strictObject({
  before: z.string().min(1),
  units: z.array(z.string().min(1)).min(1),
});

/**
 * How the report's prose states a figure of this template. `zero` phrases say
 * there were none of exactly this quantity (未收到政府信息公开申请 → 0).
 * `alsoMeans` lists sums a stated figure is sometimes meant as (a report's
 * 收到申请75件 may count 本年新收 + 上年结转): a text figure equal to one of them
 * makes the text-against-table check uncertain, not failed.
 */
export const TextFigure = z.strictObject({
  indicator: id,
  cues: z.array(TextCue),
  zero: z.array(z.string().min(1)).default([]),
  alsoMeans: z.array(z.array(id).min(2)).default([]),
});

/** What a value cell may hold. count: a non-negative integer; signed: an integer that may be negative (本年增/减); amount: a decimal (money). */
export const CellValue = z.enum(["count", "signed", "amount"]);

export const Column = z.strictObject({
  /** Column id (the `c` of `r__c`); null: the table's single value column, whose cells take the row's own id. */
  id: id.nullable(),
  label: z.string().min(1).describe("header as the format prints it"),
  variants: z.array(z.string()).default([]).describe("other headers seen in real reports"),
  nameEn: z.string().min(1),
  /** Overrides the row's unit (本年收费金额（单位：万元）). */
  unit: z.string().optional(),
  value: CellValue.default("count"),
  /** Column this one is a breakdown of (商业企业 → legal_persons). */
  parent: id.nullable().default(null),
});

export const DerivedColumn = z.strictObject({
  id,
  label: z.string().min(1),
  nameEn: z.string().min(1),
  sumOf: z.array(id).min(2),
  parent: id.nullable().default(null),
});

/**
 * A table row. role value: it carries values; heading: a caption or section row
 * without values (三、本年度办理结果); group: a row whose values are the sum of its
 * children (（三）不予公开) — derived, unless the report prints values on it, which
 * are then recorded under the group's own id; free_text: a row of words, not figures.
 */
export const Row = z.strictObject({
  id: id.nullable(),
  label: z.string().min(1).describe("the label as the format prints it, numbering included (1.属于国家秘密)"),
  short: z.string().min(1).describe("short Chinese name without numbering and notes (属于国家秘密)"),
  nameEn: z.string().min(1),
  variants: z.array(z.string()).default([]).describe("other spellings seen in real reports (typos, OCR slips, older wording)"),
  unit: z.string().optional(),
  parent: id.nullable().default(null),
  role: z.enum(["value", "heading", "group", "free_text"]).default("value"),
  /** rows layout only: the section (一、… 九、) the row belongs to, which tells apart rows that share a label. */
  section: id.optional(),
});

/** One of the 2008-style section rows (一、主动公开情况); `indicator` when the section row is itself a figure (四、行政复议数量). */
export const Section = z.strictObject({
  id,
  label: z.string().min(1),
  nameEn: z.string().min(1),
  indicator: id.optional(),
});

export const Group = z.strictObject({
  label: z.string().min(1),
  section: id,
  freeText: z.boolean().default(false),
});

const TableBase = {
  id,
  label: z.string().min(1).describe("the table's heading as the format prints it"),
  nameEn: z.string().min(1),
  /** Phrases that introduce the table in a report (its heading and how outlines name it). */
  headings: z.array(z.string().min(1)).min(1),
  /** Header cells of the table (统计指标, 申请人情况 …): they mark the table, they are not rows. */
  headerLabels: z.array(z.string().min(1)).default([]),
  unit: z.string().min(1).describe("unit of the cells unless a row or column says otherwise"),
};

export const RowsTable = z.strictObject({
  ...TableBase,
  layout: z.literal("rows"),
  columns: z.array(Column).min(1),
  sections: z.array(Section).default([]),
  groups: z.array(Group).default([]),
  rows: z.array(Row).min(1),
});

export const Block = z.strictObject({
  id,
  caption: z.string().min(1).describe("the block's caption row, e.g. 第二十条第（一）项"),
  captionVariants: z.array(z.string()).default([]),
  columns: z.array(Column).min(1),
  rows: z.array(Row).min(1),
});

export const BlocksTable = z.strictObject({
  ...TableBase,
  layout: z.literal("blocks"),
  blocks: z.array(Block).min(1),
});

export const MatrixTable = z.strictObject({
  ...TableBase,
  layout: z.literal("matrix"),
  columns: z.array(Column).min(1),
  derivedColumns: z.array(DerivedColumn).default([]),
  /** Column group headers (法人或其他组织 over five columns), for reading and printing the header. */
  columnGroups: z.array(z.strictObject({ label: z.string().min(1), columns: z.array(id).min(1) })).default([]),
  rows: z.array(Row).min(1),
});

export const HeaderRowTable = z.strictObject({
  ...TableBase,
  layout: z.literal("header_row"),
  /** Column groups left to right; cell ids are `<group id>__<column id>`. */
  groups: z.array(
    z.strictObject({
      id,
      label: z.string().min(1),
      nameEn: z.string().min(1),
      /** A super-group header above this group (行政诉讼 over 未经复议直接起诉 and 复议后起诉). */
      over: z.string().optional(),
      variants: z.array(z.string()).default([]),
      columns: z.array(Column).min(1),
    }),
  ),
});

export const Table = z.discriminatedUnion("layout", [RowsTable, BlocksTable, MatrixTable, HeaderRowTable]);

/**
 * A consistency rule (勾稽关系): Σ left `op` Σ right. A term is an indicator id,
 * `-id` to subtract it, and, in rules across years, `prev:id` for the figure of
 * the same body's report of the year before. `forEach` repeats the rule for
 * every printed column (`columns:<table>`) of a matrix, every value row
 * (`rows:<table>`) of a matrix or rows table, or every column of a header-row
 * group (`group:<table>.<group>`), writing the column or row id for `{x}` in
 * ids and its label for `{x_label}`.
 */
export const Rule = z.strictObject({
  id,
  description: z.string().min(1),
  left: z.array(z.string().min(1)).min(1),
  op: z.enum(["=", "<=", ">="]),
  right: z.array(z.string().min(1)).default([]),
  forEach: z.string().regex(/^(?:columns|rows|group):[a-z0-9_.]+$/).optional(),
  /** May the converter use this rule to choose between the possible splits of glued cells? Rules reports often break should say false. */
  splits: z.boolean().default(true),
  /**
   * Terms whose rows the report does not print at all count as 0: for tables whose
   * row set varies between years (Fujian's request channels). A printed row left
   * blank still makes the rule uncertain.
   */
  absentAsZero: z.boolean().default(false),
});

/** A figure computed from printed ones, beyond the group rows and derived columns the layouts declare. */
export const Derived = z.strictObject({
  id,
  label: z.string().min(1),
  nameEn: z.string().min(1),
  sumOf: z.array(z.string().min(1)).min(2),
  forEach: z.string().regex(/^(?:columns|rows|group):[a-z0-9_.]+$/).optional(),
  unit: z.string().min(1),
  parent: z.string().nullable().default(null),
});

/** Something in a report that points at this template, and how strongly. */
export const Evidence = z.strictObject({
  text: z.string().min(1),
  weight: z.number().int().min(1).max(10),
});

export const Template = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  nameEn: z.string().min(1),
  /** A national format, or a province's own table that some reports used instead. */
  scope: z.enum(["national", "provincial"]),
  /** The years whose reports usually follow this format: a prior only, the report's own evidence decides. */
  years: z.strictObject({ from: z.number().int(), to: z.number().int() }),
  /** The notice that set the format, when there is one (国办公开办函〔2019〕60号). */
  notice: z.string().nullable(),
  evidence: z.array(Evidence).min(1),
  /** The report's own section titles in this format (一、总体情况 …), used to find headings in text that lost its line breaks. */
  outline: z.array(z.string().min(1)).default([]),
  tables: z.array(Table).min(1),
  derived: z.array(Derived).default([]),
  rules: z.array(Rule).default([]),
  acrossYears: z.array(Rule).default([]),
  textFigures: z.array(TextFigure).default([]),
  notes: z.string().optional(),
});

export const Concept = z.strictObject({
  id,
  label: z.string().min(1),
  nameEn: z.string().min(1),
  unit: z.string().min(1),
  /** Per template: the indicators whose sum is the concept's figure, and the caveat of that mapping. */
  templates: z.record(z.string(), z.strictObject({ sumOf: z.array(z.string().min(1)).min(1), caveat: z.string().min(1) })),
});

export const ConceptsFile = z.strictObject({
  description: z.string(),
  concepts: z.array(Concept),
});

/**
 * A rate the comparison view computes from concepts: `ratio` is numerator ÷
 * denominator × scale, `per_report` is the numerator per report (in a
 * summary, the sum over the reports that give it ÷ their number). Computed
 * only where every operand is a number and a denominator is not 0.
 */
export const Rate = z.discriminatedUnion("kind", [
  z.strictObject({
    id,
    label: z.string().min(1),
    nameEn: z.string().min(1),
    kind: z.literal("ratio"),
    /** Concept ids. */
    numerator: id,
    denominator: id,
    unit: z.string().min(1),
    /** 100 for a percentage. */
    scale: z.number().positive(),
    /** Decimal places the rate is published with (table, chart and downloads alike). */
    digits: z.number().int().min(0).max(6),
    /** A featured rate and its operands are in the comparison view's default selection. */
    featured: z.boolean().default(false),
    note: z.string().min(1),
  }),
  z.strictObject({
    id,
    label: z.string().min(1),
    nameEn: z.string().min(1),
    kind: z.literal("per_report"),
    numerator: id,
    unit: z.string().min(1),
    digits: z.number().int().min(0).max(6),
    featured: z.boolean().default(false),
    note: z.string().min(1),
  }),
]);

export const RatesFile = z.strictObject({ description: z.string(), rates: z.array(Rate) });

/** A body outside GB/T 2260 that publishes its own reports. */
export const SpecialArea = z.strictObject({
  name: z.string().min(1),
  aliases: z.array(z.string()).default([]),
  nameEn: z.string().min(1),
  province: z.string().regex(/^\d{6}$/),
  /** The prefecture it sits in, when it is below prefecture level. */
  parent: z.string().regex(/^\d{6}$/).nullable().default(null),
  level: z.enum(["province", "prefecture", "county"]),
  note: z.string().optional(),
});

export const SpecialAreasFile = z.strictObject({ description: z.string(), areas: z.array(SpecialArea) });

/** A kind of government department, with the names reports give it and the slug in report ids. */
export const DepartmentKind = z.strictObject({
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  names: z.array(z.string().min(1)).min(1),
  nameEn: z.string().min(1),
});

export const DepartmentsFile = z.strictObject({ description: z.string(), departments: z.array(DepartmentKind) });

/** Pairs of characters OCR confuses (沐/沭), to tell apart two divisions one character off a written name. */
export const OcrConfusionsFile = z.strictObject({
  description: z.string(),
  pairs: z.array(z.tuple([z.string().length(1), z.string().length(1)])),
});

export type TextCue = z.infer<typeof TextCue>;
export type TextFigure = z.infer<typeof TextFigure>;
export type CellValue = z.infer<typeof CellValue>;
export type Column = z.infer<typeof Column>;
export type DerivedColumn = z.infer<typeof DerivedColumn>;
export type Row = z.infer<typeof Row>;
export type Section = z.infer<typeof Section>;
export type Group = z.infer<typeof Group>;
export type RowsTable = z.infer<typeof RowsTable>;
export type Block = z.infer<typeof Block>;
export type BlocksTable = z.infer<typeof BlocksTable>;
export type MatrixTable = z.infer<typeof MatrixTable>;
export type HeaderRowTable = z.infer<typeof HeaderRowTable>;
export type Table = z.infer<typeof Table>;
export type Rule = z.infer<typeof Rule>;
export type Derived = z.infer<typeof Derived>;
export type Evidence = z.infer<typeof Evidence>;
export type TemplateFile = z.infer<typeof Template>;
export type Concept = z.infer<typeof Concept>;
export type Rate = z.infer<typeof Rate>;
export type SpecialArea = z.infer<typeof SpecialArea>;
export type DepartmentKind = z.infer<typeof DepartmentKind>;
