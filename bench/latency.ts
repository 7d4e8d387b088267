/**
 * One latency measurement of the benchmark: `n` screen pops through the connector interleaved
 * with `n` messages over the bare two-hop floor, one at a time with the pipeline idle in between,
 * on the same three cross-site origins. Each connector sample is split by the probes
 * (bench/desktop-entry.ts, bench/mashup-probe.ts) into the parts of its way, and each floor sample
 * into its two hops, so the connector's parts stand beside the floor's.
 */
import type { Frame, Page } from "playwright-core";
import { stats, type Stats } from "./stats";
import { overlapsStall, startStallProbe, type StallReport } from "./stall-probe";

export interface BenchFrames {
  page: Page;
  desk: Frame;
  mashup: Frame;
  floorDesk: Frame;
  floorMid: Frame;
}

/** The parts of a connector sample, in order; they add up to the whole. */
export const PARTS = {
  hostToSdk: "host event → the SDK's listener",
  sdkToWidget: "inside the SDK → the widget's listener",
  widget: "widget processing",
  hop1: "first hop (desktop → mashup)",
  mashup: "mashup processing",
  hop2: "second hop (mashup → SAP)",
} as const;
export type Part = keyof typeof PARTS;

export interface Measurement {
  lost: number;
  connector: Stats;
  floor: Stats;
  /** The samples no machine stall overlapped (stall-probe.ts decides): the p99 target is on these. */
  connectorSteady: Stats;
  floorSteady: Stats;
  parts: Record<Part, Stats>;
  floorHops: { hop1: Stats; hop2: Stats };
  machine: StallReport;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
type Marks = { t0?: number; sdkIn?: number; widgetIn?: number; widgetOut?: number };

/**
 * `prefix` keeps the numbers of this measurement apart from any other in the run (7 characters
 * after "+1", the last 4 digits count): the SAP page files arrivals by number.
 */
export async function measure(f: BenchFrames, n: number, warmup: number, prefixes: { connector: string; floor: string }, firstPayload: Record<string, string>): Promise<Measurement> {
  const ani = (i: number) => `${prefixes.connector}${String(i).padStart(4, "0")}`;
  const floorAni = (i: number) => `${prefixes.floor}${String(i).padStart(4, "0")}`;
  const ids: string[] = [];
  const probe = startStallProbe();
  for (let i = 0; i < n + warmup; i++) {
    ids[i] = (await f.desk.evaluate((a) => (window as any).bench.start(a), ani(i))) as string;
    await sleep(8);
    await f.desk.evaluate((a) => (window as any).bench.finish(a), ani(i));
    await sleep(8);
    const msg = { payload: { ...firstPayload, ANI: floorAni(i) } };
    await f.floorDesk.evaluate((m) => (window as any).floorSend(m), msg);
    await sleep(8);
  }
  await sleep(200);
  const machine = await probe.stop();
  const marks = (await f.desk.evaluate(() => (window as any).bench.marks())) as Record<string, Marks>;
  const mashup = (await f.mashup.evaluate(() => (window as any).benchMarks())) as Record<string, { in: number; out?: number }>;
  const floorT0 = (await f.floorDesk.evaluate(() => (window as any).t0s)) as Record<string, number>;
  const mid = (await f.floorMid.evaluate(() => (window as any).midArrivals)) as Record<string, number>;
  const arrivals = (await f.page.evaluate(() => (window as any).arrivals)) as Record<string, number>;
  const floorArrivals = (await f.page.evaluate(() => (window as any).floorArrivals)) as Record<string, number>;

  const connector: number[] = [], floor: number[] = [], connectorSteady: number[] = [], floorSteady: number[] = [];
  const parts: Record<Part, number[]> = { hostToSdk: [], sdkToWidget: [], widget: [], hop1: [], mashup: [], hop2: [] };
  const floorHops = { hop1: [] as number[], hop2: [] as number[] };
  let lost = 0;
  for (let i = warmup; i < n + warmup; i++) {
    const m = marks[ids[i] ?? ""], mm = mashup[ids[i] ?? ""];
    const a = arrivals[ani(i)], fa = floorArrivals[floorAni(i)], fs = floorT0[floorAni(i)], fm = mid[floorAni(i)];
    if (m?.t0 === undefined || a === undefined || fa === undefined || fs === undefined) {
      lost++;
      continue;
    }
    connector.push(a - m.t0);
    floor.push(fa - fs);
    if (!overlapsStall(machine.stalls, m.t0, a)) connectorSteady.push(a - m.t0);
    if (!overlapsStall(machine.stalls, fs, fa)) floorSteady.push(fa - fs);
    if (m.sdkIn !== undefined && m.widgetIn !== undefined && m.widgetOut !== undefined && mm?.out !== undefined) {
      parts.hostToSdk.push(m.sdkIn - m.t0);
      parts.sdkToWidget.push(m.widgetIn - m.sdkIn);
      parts.widget.push(m.widgetOut - m.widgetIn);
      parts.hop1.push(mm.in - m.widgetOut);
      parts.mashup.push(mm.out - mm.in);
      parts.hop2.push(a - mm.out);
    }
    if (fm !== undefined) {
      floorHops.hop1.push(fm - fs);
      floorHops.hop2.push(fa - fm);
    }
  }
  const partStats = Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, stats(v)])) as Record<Part, Stats>;
  return {
    lost,
    connector: stats(connector),
    floor: stats(floor),
    connectorSteady: stats(connectorSteady),
    floorSteady: stats(floorSteady),
    parts: partStats,
    floorHops: { hop1: stats(floorHops.hop1), hop2: stats(floorHops.hop2) },
    machine,
  };
}

/** The targets, both as a ratio to the floor measured in the same run. */
export function targets(m: Measurement): { p50: { limit: number; met: boolean }; p99: { limit: number; met: boolean } } {
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  const p50 = r3(1.5 * m.floor.p50 + 0.3);
  const p99 = r3(2 * m.floorSteady.p99);
  return { p50: { limit: p50, met: m.connector.p50 <= p50 }, p99: { limit: p99, met: m.connectorSteady.p99 <= p99 } };
}
