/**
 * pdf.js in a worker thread (./pdfjs-worker.mjs), one page at a time.
 *
 * The worker is started on the first PDF and kept for the next ones; it does
 * not keep the process alive while idle. Every request has a time limit: a
 * PDF that keeps pdf.js busy longer is given up (the worker is ended and the
 * next PDF gets a fresh one), so one hostile file cannot stall a run.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Worker } from "node:worker_threads";
import type { FontInfo, OperatorList, Ops } from "./content.ts";

export interface RawPage {
  operatorList: OperatorList;
  fonts: Record<string, FontInfo | null>;
  viewport: { transform: number[]; width: number; height: number };
}

export interface OpenPdf {
  numPages: number;
  ops: Ops;
  page(number: number): Promise<RawPage>;
  close(): Promise<void>;
}

/** pdf.js failed on the file (the error's name and message as pdf.js gives them). */
export class PdfJsError extends Error {
  constructor(
    readonly pdfjsName: string,
    message: string,
  ) {
    super(message);
    this.name = "PdfJsError";
  }
}

/** The worker stopped (out of memory, crashed) before answering. */
export class PdfJsStopped extends Error {
  constructor(reason: string) {
    super(`the pdf.js worker stopped: ${reason}`);
    this.name = "PdfJsStopped";
  }
}

/** pdf.js did not answer within the time limit. */
export class PdfJsTimeout extends Error {
  constructor(readonly seconds: number) {
    super(`pdf.js did not finish within ${seconds} s`);
    this.name = "PdfJsTimeout";
  }
}

/** Opening a document (parsing its structure) and reading one page each get this long. */
export const REQUEST_SECONDS = 30;
/** Heap of the pdf.js worker (it drops its caches at a quarter of this; see pdfjs-worker.mjs). */
const WORKER_HEAP_MB = 1024;

interface Pending {
  resolve: (value: Record<string, unknown>) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

let worker: Worker | null = null;
const pending = new Map<number, Pending>();
let nextSeq = 1;
let nextDoc = 1;

function failAll(error: Error): void {
  for (const p of pending.values()) {
    clearTimeout(p.timer);
    p.reject(error);
  }
  pending.clear();
}

function startWorker(): Worker {
  const started = new Worker(new URL("./pdfjs-worker.mjs", import.meta.url), {
    execArgv: [],
    // A PDF that makes pdf.js use more than this ends the worker, not the process.
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });
  started.on("message", (message: { seq: number; ok: boolean; name?: string; message?: string }) => {
    const p = pending.get(message.seq);
    if (!p) return;
    pending.delete(message.seq);
    clearTimeout(p.timer);
    if (pending.size === 0) started.unref();
    if (message.ok) p.resolve(message as unknown as Record<string, unknown>);
    else p.reject(new PdfJsError(message.name ?? "Error", message.message ?? "unknown error"));
  });
  started.on("error", (error) => {
    if (worker === started) worker = null;
    failAll(new PdfJsStopped(error instanceof Error ? error.message : String(error)));
  });
  started.on("exit", (code) => {
    if (worker === started) worker = null;
    failAll(new PdfJsStopped(`exit code ${code}`));
  });
  started.unref();
  return started;
}

function request(message: Record<string, unknown>, transfer: ArrayBuffer[] = []): Promise<Record<string, unknown>> {
  worker ??= startWorker();
  const current = worker;
  const seq = nextSeq++;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      pending.delete(seq);
      // The worker may be stuck in pdf.js: end it; requests of other documents fail with it.
      if (worker === current) worker = null;
      void current.terminate();
      reject(new PdfJsTimeout(REQUEST_SECONDS));
    }, REQUEST_SECONDS * 1000);
    pending.set(seq, { resolve, reject, timer });
    current.ref();
    current.postMessage({ ...message, seq }, transfer);
  });
}

/** pdf.js's character maps and standard font metrics, shipped with the package (for PDFs whose fonts are not embedded). */
function pdfjsData(): { cMapUrl: string; standardFontDataUrl: string } {
  const root = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
  return { cMapUrl: `${join(root, "cmaps")}/`, standardFontDataUrl: `${join(root, "standard_fonts")}/` };
}

export async function openPdf(bytes: Uint8Array): Promise<OpenPdf> {
  const doc = nextDoc++;
  // A copy, transferred: the caller keeps its bytes. (Buffer's slice() is a view, not a copy.)
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  const data = copy.buffer;
  const opened = await request({ type: "open", doc, data, ...pdfjsData() }, [data]);
  return {
    numPages: opened.numPages as number,
    ops: opened.ops as Ops,
    page: async (number) => {
      const page = await request({ type: "page", doc, number });
      return {
        operatorList: { fnArray: page.fnArray as number[], argsArray: page.argsArray as unknown[] },
        fonts: page.fonts as Record<string, FontInfo | null>,
        viewport: page.viewport as RawPage["viewport"],
      };
    },
    close: async () => {
      await request({ type: "close", doc }).catch(() => undefined);
    },
  };
}
