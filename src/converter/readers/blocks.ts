/**
 * Reader of the `blocks` layout: captioned blocks, each with its own column
 * headers (表二 of the 2019 and 2021 formats: 第二十条第（一）项 | 信息内容 ·
 * 本年新制作数量 · 本年新公开数量 · 对外公开总数量 | 规章 … ).
 *
 * A row label names its block (行政许可 is only in 第二十条第（五）项), so rows
 * are read even where a caption is lost; the block's columns say how many
 * figures the row holds. Reports draw a one-column block as a cell spanning
 * three grid columns, so cells are taken in order, not by grid position.
 */
import type { Block, BlocksTable, Row } from "../../catalog/index.ts";
import { defineWarnings } from "../diagnostics.ts";
import type { SourceText } from "../document/types.ts";
import type { LineValue } from "./lines.ts";
import { assignRow, cellId, cellSpec, emptyReading, type CellTarget, type LayoutReader } from "./reading.ts";

export const BLOCKS_WARNINGS = defineWarnings({
  unknown_block_row: { zh: "主动公开表中有模板没有的行，已原样保留", en: "a row of the proactive-disclosure table the template does not have; kept as printed" },
});

export const readBlocks: LayoutReader<BlocksTable> = (table, lines) => {
  const reading = emptyReading();
  const blockOf = new Map(table.blocks.map((b) => [b.id, b]));
  let runs = 0;
  let pending: { block: Block; row: Row; label: SourceText } | null = null;

  const targetsOf = (block: Block, row: Row, label: SourceText): CellTarget[] =>
    block.columns.map((column) => ({ id: cellId(row.id!, column.id), table: table.id, row: row.id!, column: column.id, label, spec: cellSpec(table, row, column) }));

  const record = (block: Block, row: Row, label: SourceText, values: readonly LineValue[]): void => {
    // Blank filler cells of a merged grid are not figures when the row has as many filled cells as columns.
    const filled = values.filter((v) => v.kind !== "blank");
    const usable = values.every((v) => v.wholeCell) && values.length > block.columns.length && filled.length === block.columns.length ? filled : values;
    assignRow(reading, targetsOf(block, row, label), usable, null, `${table.id}/${row.id}#${runs++}`);
  };

  for (const line of lines) {
    if (line.header) continue;
    const role = line.roles.find((r) => r.kind === "row");
    if (!line.label) {
      if (pending && line.values.length > 0) {
        record(pending.block, pending.row, pending.label, line.values);
        pending = null;
      }
      continue;
    }
    if (role && role.kind === "row" && role.row.id && role.block) {
      const block = blockOf.get(role.block)!;
      pending = null;
      if (line.values.length === 0) {
        pending = { block, row: role.row, label: line.label };
        continue;
      }
      record(block, role.row, line.label, line.values);
      continue;
    }
    if (line.roles.length > 0 || line.values.length === 0) continue;
    reading.extra.push({ table: table.id, label: line.label, values: line.values });
    reading.warnings.push({ diagnostic: BLOCKS_WARNINGS.warn("unknown_block_row", null, `${table.label}中的“${line.label.text}”不是模板中的行，已原样保留`), at: line.label });
  }
  return reading;
};
