/**
 * The forms a source comes in, as data: the extensions each is saved with
 * (lower case, with the dot) and the most bytes read of one file. Apart from
 * the adapters, so a run can list and read its sources without loading the
 * readers (its worker threads do the reading).
 */
import { MAX_SOURCE_BYTES } from "./decode.ts";

export const PDF_EXTENSIONS: readonly string[] = [".pdf"];
export const HTML_EXTENSIONS: readonly string[] = [".html", ".htm", ".shtml", ".xhtml", ".jhtml", ".jsp", ".asp", ".aspx", ".php"];
export const TEXT_EXTENSIONS: readonly string[] = [".txt", ".text", ".md", ".markdown"];

/** A report's PDF is a few hundred KB; scans run to tens of MB. Beyond this it is not one report. */
export const MAX_PDF_BYTES = 64 * 1024 * 1024;

/** Extensions of the files `npm run convert` picks up in sources/. */
export const SOURCE_EXTENSIONS: readonly string[] = [...new Set([...PDF_EXTENSIONS, ...HTML_EXTENSIONS, ...TEXT_EXTENSIONS])].sort();

/** The most bytes read of a source named `file`: a PDF carries fonts and images beside its text. */
export function maxBytesOf(extension: string): number {
  return PDF_EXTENSIONS.includes(extension.toLowerCase()) ? MAX_PDF_BYTES : MAX_SOURCE_BYTES;
}
