import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pdfAdapter } from "../../../../../src/converter/input/pdf/index.ts";
import { pdfWarnings } from "../../../../../src/converter/input/pdf/warnings.ts";
import { ConversionError } from "../../../../../src/converter/errors.ts";

const ROOT = join(import.meta.dirname, "../../../../..");
const hongze = new Uint8Array(readFileSync(join(ROOT, "sources/jiangsu-hongze-2023.pdf")));
const encoder = new TextEncoder();

async function failure(file: string, bytes: Uint8Array): Promise<{ code: string; detail: string | null; message: string }> {
  const error = await pdfAdapter.read(file, bytes).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConversionError);
  const { code, detail, message } = error as ConversionError;
  return { code, detail, message };
}

describe("PDF adapter", () => {
  it("leaves the caller's bytes as they were: a Buffer read from disk reads twice the same", async () => {
    const buffer = readFileSync(join(ROOT, "sources/jiangsu-hongze-2023.pdf"));
    const first = await pdfAdapter.read("a.pdf", buffer);
    expect(buffer.byteLength).toBe(293525);
    const second = await pdfAdapter.read("b.pdf", buffer);
    expect(second.text).toBe(first.text);
  });

  it("recognises a PDF by its first bytes, whatever the file is called", () => {
    expect(pdfAdapter.form).toBe("pdf");
    expect(pdfAdapter.extensions).toEqual([".pdf"]);
    expect(pdfAdapter.recognises(hongze, "report.txt")).toBe(true);
    expect(pdfAdapter.recognises(encoder.encode("<!DOCTYPE html><html>"), "report.pdf")).toBe(false);
    expect(pdfAdapter.recognises(encoder.encode("洪泽区人民政府\n2023 年政府信息公开工作年度报告"), "report.pdf")).toBe(false);
    expect(pdfAdapter.recognises(new Uint8Array(0), "report.pdf")).toBe(false);
  });

  it("refuses what is not a PDF, an empty file, and a damaged one, naming the file and the reason", async () => {
    expect(await failure("empty.pdf", new Uint8Array(0))).toMatchObject({ code: "empty_file", detail: "0 bytes" });
    const html = await failure("page.pdf", encoder.encode("<html><body>洪泽区</body></html>"));
    expect(html).toMatchObject({ code: "unreadable_pdf", detail: "not a PDF: no %PDF- header / 不是 PDF 文件" });
    expect(html.message.startsWith("page.pdf: ")).toBe(true);
    const truncated = await failure("truncated.pdf", hongze.subarray(0, 20_000));
    expect(truncated.code).toBe("unreadable_pdf");
    expect(truncated.detail).toMatch(/^damaged or not a PDF \/ 文件损坏: /);
    const garbage = await failure("garbage.pdf", encoder.encode("%PDF-1.7\nthis is not a PDF at all\n"));
    expect(garbage.detail).toMatch(/^damaged or not a PDF \/ 文件损坏: /);
  });

  it("leaves the caller's bytes as they were", async () => {
    const copy = hongze.slice();
    await pdfAdapter.read("jiangsu-hongze-2023.pdf", copy);
    expect(copy.byteLength).toBe(hongze.byteLength);
    expect(Buffer.from(copy).equals(Buffer.from(hongze))).toBe(true);
  });

  it("declares its warnings in Chinese and English", () => {
    expect(Object.keys(pdfWarnings.codes).sort()).toEqual([
      "pdf_hidden_text",
      "pdf_lines_not_read",
      "pdf_ocr_text_layer",
      "pdf_page_without_text",
      "pdf_unmapped_glyphs",
      "pdf_unreadable_page",
    ]);
    for (const meaning of Object.values(pdfWarnings.codes)) {
      expect(meaning.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(meaning.en).toMatch(/^[\x20-\x7e]+$/);
    }
  });
});
