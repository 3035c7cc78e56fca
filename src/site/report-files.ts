/** Where the converter writes each report, relative to the project root (defined once in src/content-files.ts). */
import { contentFiles } from "../content-files.ts";

const published = contentFiles();

export const DATA_DIR = published.dataDir;
export const BODY_DIR = published.reportsDir;
