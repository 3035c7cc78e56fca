/**
 * Run a command and measure wall time and the peak resident memory of its
 * whole process tree (astro build, pagefind and tsx all spawn children).
 * Linux only: samples /proc every 50 ms, which is what a 2-core laptop user
 * would see in `top`; no dependency on GNU time.
 */
import { spawn } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";

export interface Measurement {
  command: string;
  exitCode: number;
  /** True when the tree was killed for going over `limitMB`. */
  overLimit: boolean;
  seconds: number;
  peakRssMB: number;
  stdout: string;
  stderr: string;
}

function childrenOf(pid: number): number[] {
  const out: number[] = [];
  let tasks: string[] = [];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const task of tasks) {
    try {
      const text = readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim();
      if (text) out.push(...text.split(/\s+/).map(Number));
    } catch {
      // the task ended between readdir and read
    }
  }
  return out;
}

function rssKB(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const match = /^VmRSS:\s+(\d+) kB/m.exec(status);
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

function treeRssKB(root: number): number {
  let total = 0;
  const stack = [root];
  const seen = new Set<number>();
  while (stack.length > 0) {
    const pid = stack.pop()!;
    if (seen.has(pid)) continue;
    seen.add(pid);
    total += rssKB(pid);
    stack.push(...childrenOf(pid));
  }
  return total;
}

export function measure(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; echo?: boolean; limitMB?: number } = {},
): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    // detached: the child leads its own process group, so a runaway tree can be killed as a whole.
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, detached: true });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      if (options.echo) process.stdout.write(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      if (options.echo) process.stderr.write(chunk);
    });
    let peakKB = 0;
    let overLimit = false;
    const timer = setInterval(() => {
      if (!child.pid) return;
      peakKB = Math.max(peakKB, treeRssKB(child.pid));
      // On a shared machine a runaway indexer must not wake the kernel's OOM killer.
      if (options.limitMB && peakKB > options.limitMB * 1024 && !overLimit) {
        overLimit = true;
        try {
          process.kill(-child.pid, "SIGKILL");
        } catch {
          // already gone
        }
      }
    }, 50);
    child.on("error", (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearInterval(timer);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      resolve({
        command: [command, ...args].join(" "),
        exitCode: code ?? -1,
        overLimit,
        seconds,
        peakRssMB: Math.round(peakKB / 1024),
        stdout,
        stderr,
      });
    });
  });
}
