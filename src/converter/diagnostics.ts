/**
 * Warnings a conversion records in the report's `diagnostics`. Every module
 * that warns declares its codes with `defineWarnings` (what the code means
 * and what a reader can do about it); docs/input.md must describe every
 * registered code, and a test checks that it does.
 */
import type { Diagnostic } from "../schema/report.ts";

export interface WarningCode {
  /** What happened, in Chinese and English. */
  zh: string;
  en: string;
}

export type WarningCodes = Record<string, WarningCode>;

/** Declare a module's warning codes; returns a `warn` bound to them. */
export function defineWarnings<const T extends WarningCodes>(codes: T): {
  codes: T;
  warn: (code: keyof T & string, line: number | null, message: string) => Diagnostic;
} {
  return {
    codes,
    warn: (code, line, message) => ({ severity: "warning", code, line, message }),
  };
}
