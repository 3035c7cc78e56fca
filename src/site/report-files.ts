/** Where the converter writes each report, relative to the project root. */
export const DATA_DIR = "src/content/data";
export const BODY_DIR = "src/content/reports";
