/**
 * The documentation names everything a user can meet: every option of
 * `npm run convert`, every error code and every warning code, each in a table
 * row of its own in docs/input.md (the way Datasette tests its docs against
 * its code). Adding a code or an option without documenting it fails here.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { CONVERSION_ERRORS } from "../../../../src/converter/errors.ts";
import { CONVERT_OPTIONS } from "../../../../src/converter/publish/cli.ts";
import { WARNING_CODES } from "../../../../src/converter/warning-codes.ts";

const inputDoc = readFileSync("docs/input.md", "utf8");
/** The first cell of every table row, unquoted: what the row documents. */
const documented = new Set(
  inputDoc
    .split("\n")
    .filter((line) => line.startsWith("| `"))
    .map((line) => /^\| `([^`]+)`/.exec(line)![1]!.split(" ")[0]!),
);

describe("docs/input.md", () => {
  it("has a row for every option of npm run convert", () => {
    const missing = Object.keys(CONVERT_OPTIONS).filter((name) => !documented.has(`--${name}`));
    expect(missing).toEqual([]);
    expect(Object.keys(CONVERT_OPTIONS)).toEqual(["sources", "out", "jobs", "no-cache", "strict", "quiet", "help"]);
  });

  it("has a row for every error code", () => {
    const codes = Object.keys(CONVERSION_ERRORS);
    expect(codes.filter((code) => !documented.has(code))).toEqual([]);
    expect(codes).toContain("disk_full");
  });

  it("has a row for every warning code", () => {
    const codes = Object.keys(WARNING_CODES);
    expect(codes.filter((code) => !documented.has(code))).toEqual([]);
    expect(codes).toContain("several_versions");
  });

  it("documents no code that the converter does not have", () => {
    const known = new Set([...Object.keys(CONVERSION_ERRORS), ...Object.keys(WARNING_CODES), ...Object.keys(CONVERT_OPTIONS).map((o) => `--${o}`), "FILE…"]);
    expect([...documented].filter((name) => !known.has(name))).toEqual([]);
  });
});
