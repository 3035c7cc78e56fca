/**
 * The options of `npm run convert`, parsed by Node's util.parseArgs. Each
 * option is described here once: the usage text is made from this list, and a
 * test checks that the README's command table or docs/input.md names each.
 */
import { parseArgs } from "node:util";
import { DEFAULT_CONTENT_DIR, DEFAULT_SOURCES_DIR } from "../../content-files.ts";

export const CONVERT_OPTIONS = {
  sources: { type: "string", value: "DIR", help: `read the sources in DIR: text, web pages, PDFs (default ${DEFAULT_SOURCES_DIR})` },
  out: { type: "string", value: "DIR", help: `write DIR/data, DIR/reports and DIR/texts (default ${DEFAULT_CONTENT_DIR})` },
  jobs: { type: "string", value: "N", help: "worker threads (default: available cores; 1 = no workers)" },
  "no-cache": { type: "boolean", help: "convert every file again and rewrite the cache" },
  strict: { type: "boolean", help: "exit non-zero on any warning or error" },
  quiet: { type: "boolean", help: "no per-file lines and no per-report table" },
  help: { type: "boolean", help: "print this help" },
} as const;

export interface ConvertArgs {
  files: string[];
  sources: string;
  out: string;
  jobs: number | undefined;
  cache: boolean;
  strict: boolean;
  quiet: boolean;
  help: boolean;
}

export function usage(): string {
  const lines = Object.entries(CONVERT_OPTIONS).map(([name, o]) => `  --${name}${"value" in o ? ` ${o.value}` : ""}`.padEnd(20) + o.help);
  return ["usage: npm run convert -- [options] [FILE…]", "  FILE…             convert these files of the sources folder again (the others come from the cache)", ...lines].join("\n");
}

/** The parsed arguments, or the reason they cannot be used. */
export function parseConvertArgs(argv: string[]): ConvertArgs | { error: string } {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof CONVERT_OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: argv, options: CONVERT_OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  const { values, positionals } = parsed;
  let jobs: number | undefined;
  if (values.jobs !== undefined) {
    jobs = Number(values.jobs);
    if (!/^\d+$/.test(values.jobs) || jobs < 1) return { error: "--jobs needs a whole number ≥ 1" };
  }
  return {
    files: positionals,
    sources: values.sources ?? DEFAULT_SOURCES_DIR,
    out: values.out ?? DEFAULT_CONTENT_DIR,
    jobs,
    cache: !values["no-cache"],
    strict: values.strict ?? false,
    quiet: values.quiet ?? false,
    help: values.help ?? false,
  };
}
