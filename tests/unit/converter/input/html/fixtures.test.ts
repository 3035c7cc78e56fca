import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { htmlAdapter } from "../../../../../src/converter/input/html/index.ts";
import { ConversionError } from "../../../../../src/converter/errors.ts";
import { misplacedCharacters, summarise, textsOf } from "./summary.ts";

/**
 * Each folder holds a small page in the shape real government sites use
 * (page.*) and what the adapter reads from it (expected.json: the blocks,
 * tables as grids, metadata, removals, warning codes; or the error).
 */
const FIXTURES = join(import.meta.dirname, "fixtures");

describe("HTML adapter fixtures", () => {
  for (const name of readdirSync(FIXTURES).sort()) {
    const folder = join(FIXTURES, name);
    const page = readdirSync(folder).find((f) => f.startsWith("page."))!;
    const bytes = new Uint8Array(readFileSync(join(folder, page)));
    const expected = JSON.parse(readFileSync(join(folder, "expected.json"), "utf8"));

    it(`${name}: reads as expected.json`, async () => {
      expect(htmlAdapter.recognises(bytes, page)).toBe(true);
      if (expected.error) {
        const error = await htmlAdapter.read(page, bytes).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(ConversionError);
        expect({ code: (error as ConversionError).code, detail: (error as ConversionError).detail }).toEqual(expected.error);
        return;
      }
      const document = await htmlAdapter.read(page, bytes);
      expect(summarise(document)).toEqual(expected);
    });

    if (!expected.error) {
      it(`${name}: every character keeps its place in the page source`, async () => {
        const document = await htmlAdapter.read(page, bytes);
        expect(misplacedCharacters(document)).toEqual([]);
        for (const text of textsOf(document)) {
          for (let i = 1; i < text.offsets.length; i++) expect(text.offsets[i]).toBeGreaterThanOrEqual(text.offsets[i - 1]!);
        }
      });
    }
  }
});
