import type { Diagnostic } from "../schema/report.ts";
export interface WarningCode { zh: string; en: string }
export type WarningCodes = Record<string, WarningCode>;
export function defineWarnings<const T extends WarningCodes>(codes: T): { codes: T; warn: (code: keyof T & string, line: number | null, message: string) => Diagnostic } {
  return { codes, warn: (code, line, message) => ({ severity: "warning", code, line, message }) };
}
