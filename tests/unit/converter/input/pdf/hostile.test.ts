import { describe, expect, it } from "vitest";
import { pdfAdapter } from "../../../../../src/converter/input/pdf/index.ts";
import { ConversionError } from "../../../../../src/converter/errors.ts";
import { Page, pdf } from "../../../../fixtures/pdf/pdf-writer.ts";

/** PDFs no report is, in shapes that could make a reader take too long or too much memory. */
describe("PDF adapter on hostile shapes", () => {
  it("refuses a page with more glyphs than any report before laying it out", async () => {
    const bytes = pdf([new Page().text(58, 100, 10, "0".repeat(210_000))]);
    const error = await pdfAdapter.read("dense.pdf", new Uint8Array(bytes)).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConversionError);
    expect({ code: (error as ConversionError).code, detail: (error as ConversionError).detail }).toEqual({
      code: "file_too_large",
      detail: "more than 200000 glyphs on page 1",
    });
  });

  it("reads the text of a page that draws thousands of lines, without looking for tables in them", async () => {
    const page = new Page().text(58, 60, 16, "附图：政务公开工作流程");
    for (let i = 0; i < 3000; i++) page.line(58 + (i % 480), 100, 58 + (i % 480), 700).line(58, 100 + (i % 600), 538, 100 + (i % 600));
    const document = await pdfAdapter.read("drawing.pdf", new Uint8Array(pdf([page])));
    expect(document.blocks.map((b) => b.kind)).toEqual(["paragraph"]);
    expect(document.diagnostics.map((d) => [d.code, d.message])).toEqual([["pdf_lines_not_read", "第 1 页 / page(s) 1"]]);
  });

  it("does not take a mesh of more cells than any table for a table", async () => {
    const page = new Page();
    for (let i = 0; i <= 120; i++) page.line(58 + i * 4, 100, 58 + i * 4, 580).line(58, 100 + i * 4, 538, 100 + i * 4);
    page.text(60, 103, 2, "网格");
    const document = await pdfAdapter.read("mesh.pdf", new Uint8Array(pdf([page])));
    expect(document.blocks.map((b) => b.kind)).toEqual(["paragraph"]);
  });
});
