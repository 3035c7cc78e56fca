/**
 * The input forms the converter reads, and which one a file is. A file is
 * recognised by its content (a PDF starts with %PDF-, a web page looks like
 * markup); the extension only breaks a tie. Adding a form is adding its
 * adapter here.
 */
import type { SourceDocument } from "../document/types.ts";
import { ConversionError } from "../errors.ts";
import { htmlAdapter } from "./html/index.ts";
import { pdfAdapter } from "./pdf/index.ts";
import { textAdapter } from "./text/index.ts";
import type { InputAdapter } from "./types.ts";

/** Most specific first: a PDF, then a web page, then text. */
export const ADAPTERS: readonly InputAdapter[] = [pdfAdapter, htmlAdapter, textAdapter];

export { SOURCE_EXTENSIONS } from "./forms.ts";

export function adapterFor(file: string, bytes: Uint8Array): InputAdapter {
  const adapter = ADAPTERS.find((a) => a.recognises(bytes, file));
  if (!adapter) throw new ConversionError("binary_file", file, "neither a PDF, a web page nor text");
  return adapter;
}

export async function readDocument(file: string, bytes: Uint8Array): Promise<SourceDocument> {
  return adapterFor(file, bytes).read(file, bytes);
}
