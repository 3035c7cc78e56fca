import { describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pdfAdapter } from "../../../../../src/converter/input/pdf/index.ts";
import { ConversionError } from "../../../../../src/converter/errors.ts";
import { misplacedCharacters, summarise } from "./summary.ts";

/**
 * Each PDF of tests/fixtures/pdf (written by make-fixtures.ts there) and the
 * real 洪泽 2023 report, with what the adapter reads from it: <name>.expected.json
 * (blocks, tables as grids, title, removals, warning codes; or the error) and
 * <name>.text.txt (the text layer as laid out, which every offset refers to).
 */
const ROOT = join(import.meta.dirname, "../../../../..");
const FIXTURES = join(ROOT, "tests/fixtures/pdf");
const pdfs = [
  join(ROOT, "sources/jiangsu-hongze-2023.pdf"),
  ...readdirSync(FIXTURES)
    .filter((f) => f.endsWith(".pdf"))
    .sort()
    .map((f) => join(FIXTURES, f)),
];

describe("PDF adapter fixtures", () => {
  for (const path of pdfs) {
    const file = path.split("/").pop()!;
    const name = file.replace(/\.pdf$/, "");
    const bytes = new Uint8Array(readFileSync(path));
    const expected = JSON.parse(readFileSync(join(FIXTURES, `${name}.expected.json`), "utf8"));

    it(`${name}: reads as ${name}.expected.json`, async () => {
      expect(pdfAdapter.recognises(bytes, file)).toBe(true);
      if (expected.error) {
        const error = await pdfAdapter.read(file, bytes).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(ConversionError);
        expect({ code: (error as ConversionError).code, detail: (error as ConversionError).detail }).toEqual(expected.error);
        return;
      }
      const document = await pdfAdapter.read(file, bytes);
      expect(summarise(document)).toEqual(expected);
    });

    const textFile = join(FIXTURES, `${name}.text.txt`);
    if (existsSync(textFile)) {
      it(`${name}: the text layer is laid out as ${name}.text.txt, every character where its offsets say`, async () => {
        const document = await pdfAdapter.read(file, bytes);
        expect(document.text).toBe(readFileSync(textFile, "utf8"));
        expect(misplacedCharacters(document)).toEqual([]);
      });
    }
  }
});
