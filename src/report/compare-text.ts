/**
 * The one order of text in every output: by code point, so files sort the
 * same whatever the machine's locale (localeCompare would sort Chinese by the
 * ICU collation of whatever LANG is set).
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
