/**
 * Reader of the `rows` layout: one row per indicator, one or more value
 * columns (the 2008 national table: 统计指标 | 单位 | 统计数; Fujian's
 * 本年度 | 历年累计).
 *
 * The section row above a row (一、… 九、) decides between rows that share a
 * label (（二）被依法纠错数 under 四 and 五); a section row whose words are
 * mangled still names its section by its numbering. The row's unit cell says
 * what units its cells may carry (see cellSpec). A label broken over two lines is
 * joined back; a label whose figures stand on the next line gets them; the
 * free text of （四）申请公开的主要内容 is not read as rows. Nothing is guessed:
 * a row that cannot be told apart, an unknown row, two rows for one indicator
 * that disagree — each is a warning, and no figure.
 */
import type { Row, RowsTable } from "../../catalog/index.ts";
import type { Section } from "../../catalog/schema.ts";
import { defineWarnings } from "../diagnostics.ts";
import { concat } from "../document/source-text.ts";
import type { SourceText } from "../document/types.ts";
import type { LabelRole } from "./labels.ts";
import { labelsOf, sectionOrdinal } from "./labels.ts";
import type { TableLine } from "./lines.ts";
import { assignRow, cellId, cellSpec, emptyReading, type CellTarget, type LayoutReader } from "./reading.ts";

export const ROWS_WARNINGS = defineWarnings({
  unknown_row: { zh: "统计表中有模板没有的行，已原样保留，不对应任何指标", en: "a table row the template does not have; kept as printed, mapped to no indicator" },
  ambiguous_label: { zh: "行名可属于多个指标，所在栏目无法区分，未读取", en: "a row label that fits several indicators and its section does not tell which; not read" },
});

type RowRole = Extract<LabelRole, { kind: "row" }>;

interface State {
  section: string | null;
  freeText: boolean;
  /** A label line still waiting for its figures or for the rest of its words. */
  pending: { line: TableLine; label: SourceText } | null;
}

export const readRows: LayoutReader<RowsTable> = (table, lines) => {
  const reading = emptyReading();
  const labels = labelsOf(table);
  const state: State = { section: null, freeText: false, pending: null };
  const sectionIndicators = new Map(table.sections.filter((s) => s.indicator).map((s) => [s.id, s.indicator!]));
  const rowById = new Map(table.rows.filter((r) => r.id).map((r) => [r.id!, r]));
  let runCount = 0;

  const choose = (roles: readonly LabelRole[]): LabelRole | "ambiguous" | null => {
    if (roles.length === 0) return null;
    if (roles.length === 1) return roles[0]!;
    const rows = roles.filter((r): r is RowRole => r.kind === "row");
    const inSection = rows.filter((r) => r.section === state.section);
    if (inSection.length === 1) return inSection[0]!;
    const distinct = new Set(rows.map((r) => r.row.id));
    if (rows.length > 0 && distinct.size === 1) return rows[0]!;
    const context = roles.find((r) => r.kind !== "row");
    return rows.length === 0 && context ? context : "ambiguous";
  };

  const targetsOf = (row: Row, label: SourceText, line: TableLine): CellTarget[] =>
    table.columns.map((column) => ({ id: cellId(row.id!, column.id), table: table.id, row: row.id!, column: column.id, label, spec: cellSpec(table, row, column, line.unit?.text ?? null) }));

  const record = (row: Row, label: SourceText, line: TableLine): void => {
    state.section = row.section ?? state.section;
    state.freeText = false;
    const targets = targetsOf(row, label, line);
    if (line.values.length === 0) {
      // The row is printed without any figure: not reported, never 0.
      const end = label.offsets[label.offsets.length - 1] ?? 0;
      const blank = { text: { text: "", offsets: Int32Array.of() }, kind: "blank" as const, unit: null, column: null, colSpan: 1, wholeCell: true, unsure: false };
      for (const target of targets) reading.cells.push({ target, value: { ...blank, text: { text: "", offsets: Int32Array.of(end) } } });
      return;
    }
    assignRow(reading, targets, line.values, null, `${table.id}/${row.id}#${runCount++}`);
  };

  /** Apply a role that only sets the context; true when it did. */
  const applyContext = (role: LabelRole, label: SourceText, line: TableLine): boolean => {
    switch (role.kind) {
      case "section": {
        state.section = role.section;
        state.freeText = false;
        const indicator = sectionIndicators.get(role.section);
        const row = indicator ? rowById.get(indicator) : undefined;
        if (row && line.values.length > 0) assignRow(reading, targetsOf(row, label, line), line.values, null, `${table.id}/${row.id}#${runCount++}`);
        return true;
      }
      case "group":
        state.section = role.section;
        state.freeText = role.freeText;
        return true;
      case "header":
      case "heading":
      case "column":
      case "column_group":
      case "caption":
        return true;
      default:
        return false;
    }
  };

  const sectionOrder = table.sections.map((s) => sectionOrdinal(s.label));
  /**
   * A section row whose words are mangled (五、行政诉讼数) still says by its numbering which section
   * follows; only a section after the current one, so a numbered line of free text is not one.
   */
  const numberedSection = (label: SourceText): Section | null => {
    const ordinal = sectionOrdinal(label.text);
    if (ordinal === null) return null;
    const index = sectionOrder.indexOf(ordinal);
    const current = table.sections.findIndex((s) => s.id === state.section);
    return index >= 0 && index > current ? table.sections[index]! : null;
  };

  const unknown = (label: SourceText, line: TableLine): void => {
    const section = numberedSection(label);
    if (section) {
      // Its figure is kept as printed, not put on the section's indicator: the label that would say so is unreadable.
      state.section = section.id;
      state.freeText = false;
      if (line.values.length > 0) reading.extra.push({ table: table.id, label, values: line.values });
      reading.warnings.push({ diagnostic: ROWS_WARNINGS.warn("unknown_row", null, `统计表中的“${label.text}”不是已知的栏目名，按序号视为“${section.label}”`), at: label });
      return;
    }
    if (state.freeText) return;
    if (line.values.length === 0) return;
    reading.extra.push({ table: table.id, label, values: line.values });
    reading.warnings.push({ diagnostic: ROWS_WARNINGS.warn("unknown_row", null, `统计表中的“${label.text}”不是模板中的行，已原样保留`), at: label });
  };

  /** The pending label, resolved alone: a row printed without figures, a context row, or words that were not a row. */
  const flush = (): void => {
    const pending = state.pending;
    state.pending = null;
    if (!pending) return;
    const role = choose(labels.lookup(pending.label.text));
    if (role === null) unknown(pending.label, { ...pending.line, values: [] });
    if (role === null || role === "ambiguous") return;
    if (role.kind === "row") record(role.row, pending.label, { ...pending.line, values: [] });
    else applyContext(role, pending.label, pending.line);
  };

  for (const line of lines) {
    if (line.header) continue;
    if (!line.label) {
      // Figures on a line of their own belong to the label before them.
      if (state.pending && line.values.length > 0) {
        const pending = state.pending;
        state.pending = null;
        const role = choose(labels.lookup(pending.label.text));
        if (role && role !== "ambiguous" && role.kind === "row") record(role.row, pending.label, line);
        else if (role && role !== "ambiguous") applyContext(role, pending.label, line);
        else unknown(pending.label, line);
      }
      continue;
    }
    let label = line.label;
    let roles = line.roles;
    if (state.pending) {
      const joined = concat([state.pending.label, label]);
      const joinedRoles = labels.lookup(joined.text);
      if (joinedRoles.length > 0) {
        label = joined;
        roles = joinedRoles;
        state.pending = null;
      } else if (roles.length > 0 || labels.lookup(state.pending.label.text).length > 0) {
        flush();
      } else {
        // Two halves of words that are no row yet: keep collecting.
        state.pending = { line, label: joined };
        if (line.values.length === 0) continue;
        const role = choose(labels.lookup(joined.text));
        state.pending = null;
        if (role && role !== "ambiguous" && role.kind === "row") record(role.row, joined, line);
        else unknown(joined, line);
        continue;
      }
    }
    const role = choose(roles);
    if (role === "ambiguous") {
      reading.warnings.push({ diagnostic: ROWS_WARNINGS.warn("ambiguous_label", null, `“${label.text}”可属于多个指标，所在栏目无法区分，未读取`), at: label });
      continue;
    }
    if (role === null) {
      if (line.values.length === 0) {
        if (!/^[（(].*[)）]$/.test(label.text.trim())) state.pending = { line, label };
        continue;
      }
      unknown(label, line);
      continue;
    }
    if (role.kind !== "row") {
      applyContext(role, label, line);
      continue;
    }
    if (line.values.length === 0) {
      state.pending = { line, label };
      continue;
    }
    record(role.row, label, line);
  }
  flush();
  return reading;
};
