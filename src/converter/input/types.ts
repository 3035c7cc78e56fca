/**
 * An input adapter turns the bytes of one form of report (plain text, a saved
 * web page, a PDF) into the one SourceDocument the stages read. Adding a form
 * is adding one adapter and listing it in ./index.ts.
 */
import type { SourceForm } from "../../schema/report.ts";
import type { SourceDocument } from "../document/types.ts";

export interface InputAdapter {
  form: SourceForm;
  /** File extensions the form is usually saved with (lower case, with the dot). */
  extensions: readonly string[];
  /** Whether the bytes are of this form, judged by content (the extension is only a hint). */
  recognises(bytes: Uint8Array, file: string): boolean;
  read(file: string, bytes: Uint8Array): Promise<SourceDocument>;
}
