/**
 * Machine-stall probe for `npm run bench`. This machine is a small VM: its vCPUs are sometimes
 * not running at all for tens or hundreds of milliseconds (visible as CPU pressure in
 * /proc/pressure/cpu and as "steal" in vmstat), and every process on it stops with them, the
 * browser's renderers included. A latency sample taken across such a pause measures the pause,
 * not the code. The probe makes those pauses visible so the figures can be read honestly: a few
 * threads each sleep 1 ms in a loop and record every wake-up that came much later than asked.
 * It does not change what is measured; it only says when the machine itself stood still.
 */
import { readFileSync } from "node:fs";
import { Worker } from "node:worker_threads";

export interface Stall {
  /** Epoch ms (timeOrigin + now), the time base the browser pages use for t0 and t1. */
  from: number;
  to: number;
}

export interface StallReport {
  threads: number;
  thresholdMs: number;
  stalls: Stall[];
  /** Share of wall time during which some runnable task waited for a CPU (PSI "some"), or null where the kernel has no PSI. */
  cpuPressure: number | null;
}

// Runs inside each worker: sleeps 1 ms at a time with Atomics.wait (no event loop, so nothing
// but the machine can make it late) and posts each late wake-up back.
const PROBE = `
const { parentPort, workerData } = require("node:worker_threads");
const { performance } = require("node:perf_hooks");
const cell = new Int32Array(new SharedArrayBuffer(4));
const stop = new Int32Array(workerData.stop);
const base = performance.timeOrigin;
let last = performance.now();
while (Atomics.load(stop, 0) === 0) {
  Atomics.wait(cell, 0, 0, 1);
  const now = performance.now();
  if (now - last > 1 + workerData.threshold) parentPort.postMessage({ from: base + last + 1, to: base + now });
  last = now;
}
`;

function pressureMicros(): number | null {
  try {
    const m = /some avg10=\S+ avg60=\S+ avg300=\S+ total=(\d+)/.exec(readFileSync("/proc/pressure/cpu", "utf8"));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** Starts the probe; `stop()` ends it and returns what it saw. */
export function startStallProbe(threads = 2, thresholdMs = 2): { stop(): Promise<StallReport> } {
  const stopFlag = new SharedArrayBuffer(4);
  const stalls: Stall[] = [];
  const started = performance.now();
  const pressure0 = pressureMicros();
  const workers = Array.from({ length: threads }, () => {
    const w = new Worker(PROBE, { eval: true, workerData: { stop: stopFlag, threshold: thresholdMs } });
    w.on("message", (s: Stall) => stalls.push(s));
    return w;
  });
  return {
    async stop() {
      Atomics.store(new Int32Array(stopFlag), 0, 1);
      await Promise.all(workers.map((w) => new Promise((r) => w.once("exit", r))));
      const pressure1 = pressureMicros();
      const wallMicros = (performance.now() - started) * 1000;
      return {
        threads,
        thresholdMs,
        stalls: mergeStalls(stalls),
        cpuPressure: pressure0 === null || pressure1 === null ? null : Math.min(1, (pressure1 - pressure0) / wallMicros),
      };
    },
  };
}

/** Overlapping stalls seen by several probe threads are one stall. */
export function mergeStalls(stalls: readonly Stall[]): Stall[] {
  const sorted = [...stalls].sort((a, b) => a.from - b.from);
  const out: Stall[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.from <= last.to) last.to = Math.max(last.to, s.to);
    else out.push({ ...s });
  }
  return out;
}

/** Whether [from, to] overlaps any stall (stalls sorted and merged). */
export function overlapsStall(stalls: readonly Stall[], from: number, to: number): boolean {
  let lo = 0;
  let hi = stalls.length;
  // First stall ending at or after `from`.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (stalls[mid]!.to < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < stalls.length && stalls[lo]!.from <= to;
}
