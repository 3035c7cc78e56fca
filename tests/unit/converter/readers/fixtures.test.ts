/**
 * Fixture folders: a source (input.txt or input.html, in the shapes real
 * reports print) and what the readers make of it (expected.json): the tables
 * located and the lines they cover, every statistic (indicator, value, status,
 * raw, unit, line), every note, the extra rows and the warnings with their lines.
 * Each fixture says in its `about` what it shows and where its text comes from.
 *
 * Every figure published must also stand exactly where its span says: the
 * source's characters there are the raw cell.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { printedText, sourceText } from "../../../../src/converter/document/source-text.ts";
import { describeReading, readSource, type ReaderFixture } from "./read-source.ts";

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "fixtures");

function inputOf(folder: string): { file: string; text: string } {
  for (const file of ["input.txt", "input.html"]) {
    const path = join(FIXTURES, folder, file);
    if (existsSync(path)) return { file, text: readFileSync(path, "utf8") };
  }
  throw new Error(`${folder}: no input.txt or input.html`);
}

describe("reader fixtures", () => {
  const folders = readdirSync(FIXTURES).sort();

  it("has fixtures", () => {
    expect(folders.length).toBeGreaterThanOrEqual(8);
  });

  for (const folder of folders) {
    it(folder, async () => {
      const { file, text } = inputOf(folder);
      const expected = JSON.parse(readFileSync(join(FIXTURES, folder, "expected.json"), "utf8")) as ReaderFixture;
      const reading = await readSource(text, { file, template: expected.template, stated: new Map(Object.entries(expected.stated ?? {})) });
      const { about: _about, template: _template, stated: _stated, ...rest } = expected;
      expect(describeReading(reading)).toEqual(rest);
      for (const s of reading.statistics.filter((s) => s.status === "reported")) {
        const at = printedText(reading.document.text, sourceText(reading.document.text.slice(s.span.start, s.span.end), s.span.start));
        expect(at.replace(/\s/g, ""), s.indicator).toBe(s.raw.replace(/\s/g, ""));
      }
    });
  }
});
