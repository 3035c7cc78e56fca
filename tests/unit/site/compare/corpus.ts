/**
 * The corpus the comparison view's tests run on: every report in sources/,
 * converted through the pipeline (for a report published in several forms,
 * the form the build reads), once per test file.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { convertSource, type ConvertOutput } from "../../../../src/converter/pipeline.ts";
import type { Report } from "../../../../src/schema/report.ts";
import { SOURCES_DIR } from "../../../helpers/source-lines.ts";

export const CORPUS_FILES = [
  "000_76c4b6d22ff18d10.txt", // 大武口区 2017, 2008 format
  "001_235b576e695992d0.txt", // 中卫市 2017, 2008 format
  "002_0db27c3e21f320cb.txt", // 平罗县 2016, no table: figures from the prose
  "003_2853f03aefee650d.txt", // 红寺堡区 2018
  "004_dda260feeadc045e.txt", // 兴庆区 2018
  "fujian-pingtan-2011.txt", // 平潭综合实验区, Fujian's own table
  "fujian-pingtan-2012.txt",
  "fujian-pingtan-2013-dishui.html", // its 地方税务局, 2013
  "fujian-pingtan-2014.txt",
  "fujian-pingtan-2016.txt",
  "fujian-pingtan-2018.txt",
  "fujian-pingtan-2020.txt", // 2019 format
  "fujian-pingtan-2022.txt", // 2021 format
  "fujian-pingtan-2025.txt",
  "fujian-pingtan-county-2013.txt", // 平潭县 2013
  "jiangsu-hongze-2023.pdf", // 洪泽区 2023, a PDF
  "jiangsu-shuyang-2023-fagaiju.html", // 沭阳县发展和改革局 2023
] as const;

const outputs = new Map<string, Promise<ConvertOutput>>();

function convert(file: (typeof CORPUS_FILES)[number]): Promise<ConvertOutput> {
  let output = outputs.get(file);
  if (!output) {
    output = convertSource({ file, bytes: readFileSync(join(SOURCES_DIR, file)) });
    outputs.set(file, output);
  }
  return output;
}

export async function corpusReports(): Promise<Report[]> {
  return Promise.all(CORPUS_FILES.map(async (file) => (await convert(file)).report));
}

/** The text a span points into: the file's own text, or a PDF's published text layer. */
export async function sourceTextOf(file: (typeof CORPUS_FILES)[number]): Promise<string> {
  const output = await convert(file);
  return output.text ?? new TextDecoder().decode(readFileSync(join(SOURCES_DIR, file)));
}
