/**
 * Every warning code the converter emits, with its meaning: the registry that
 * docs/input.md is checked against. Each module declares its own codes with
 * defineWarnings; this module only gathers them.
 */
import type { WarningCodes } from "./diagnostics.ts";
import { DECODE_WARNINGS } from "./input/decode.ts";
import { htmlWarnings } from "./input/html/warnings.ts";
import { pdfWarnings } from "./input/pdf/warnings.ts";
import { textWarnings } from "./input/text/warnings.ts";
import { PUBLISH_WARNINGS } from "./publish/warnings.ts";
import { BLOCKS_WARNINGS } from "./readers/blocks.ts";
import { HEADER_ROW_WARNINGS } from "./readers/header-row.ts";
import { MATRIX_WARNINGS } from "./readers/matrix.ts";
import { TABLE_WARNINGS } from "./readers/read-tables.ts";
import { ROWS_WARNINGS } from "./readers/rows.ts";
import { SPLIT_WARNINGS } from "./readers/split-cells.ts";
import { DEPARTMENT_WARNINGS } from "./stages/department.ts";
import { JURISDICTION_WARNINGS } from "./stages/jurisdiction.ts";

const ALL = [
  DECODE_WARNINGS,
  textWarnings,
  htmlWarnings,
  pdfWarnings,
  JURISDICTION_WARNINGS,
  DEPARTMENT_WARNINGS,
  ROWS_WARNINGS,
  BLOCKS_WARNINGS,
  MATRIX_WARNINGS,
  HEADER_ROW_WARNINGS,
  TABLE_WARNINGS,
  SPLIT_WARNINGS,
  PUBLISH_WARNINGS,
];

export const WARNING_CODES: WarningCodes = Object.assign({}, ...ALL.map((w) => w.codes));
