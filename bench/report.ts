/** What `npm run bench` prints and writes: one measurement's figures, targets and breakdown; the sizes. */
import { PARTS, targets, type Measurement, type Part } from "./latency";
import type { sizes as measureSizes } from "./sizes";
import type { Stats } from "./stats";

type Sizes = Awaited<ReturnType<typeof measureSizes>>;
const ms = (x: number) => `${x.toFixed(3)} ms`;
const ok = (m: boolean) => (m ? "met" : "NOT met");
const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;

/** The JSON record of one measurement. */
export function summary(m: Measurement) {
  const stallMs = m.machine.stalls.map((x) => x.to - x.from);
  return {
    lost: m.lost,
    latencyMs: { connector: m.connector, floor: m.floor, ratio: { p50: ratio(m.connector.p50, m.floor.p50), p99: ratio(m.connector.p99, m.floor.p99) } },
    // The samples no machine stall overlapped: the p99 target is judged on these.
    steadyLatencyMs: { connector: m.connectorSteady, floor: m.floorSteady, ratio: { p50: ratio(m.connectorSteady.p50, m.floorSteady.p50), p99: ratio(m.connectorSteady.p99, m.floorSteady.p99) } },
    breakdownMs: { connector: m.parts, floor: m.floorHops },
    targets: targets(m),
    machineStalls: {
      probeThreads: m.machine.threads,
      thresholdMs: m.machine.thresholdMs,
      count: stallMs.length,
      longestMs: Math.round(Math.max(0, ...stallMs) * 10) / 10,
      over10ms: stallMs.filter((x) => x > 10).length,
      cpuPressure: m.machine.cpuPressure,
    },
  };
}

const row = (label: string, s: Stats) => `  ${label.padEnd(44)} p50 ${ms(s.p50).padStart(9)}  p99 ${ms(s.p99).padStart(9)}`;

export function printMeasurement(title: string, m: Measurement): void {
  const t = targets(m);
  console.log(`${title}${m.lost ? ` (${m.lost} lost)` : ""}`);
  console.log(`  connector  p50 ${ms(m.connector.p50)}  p90 ${ms(m.connector.p90)}  p99 ${ms(m.connector.p99)}  (max ${ms(m.connector.max)})`);
  console.log(`  floor      p50 ${ms(m.floor.p50)}  p90 ${ms(m.floor.p90)}  p99 ${ms(m.floor.p99)}  (max ${ms(m.floor.max)})`);
  console.log(`  ratio      p50 ${ratio(m.connector.p50, m.floor.p50)}×  p99 ${ratio(m.connector.p99, m.floor.p99)}×`);
  console.log(`  stall-free connector n ${m.connectorSteady.n} p50 ${ms(m.connectorSteady.p50)} p99 ${ms(m.connectorSteady.p99)}; floor n ${m.floorSteady.n} p50 ${ms(m.floorSteady.p50)} p99 ${ms(m.floorSteady.p99)}`);
  console.log(`  target p50 ≤ 1.5 × floor p50 + 0.3 ms = ${ms(t.p50.limit)}: ${ok(t.p50.met)}`);
  console.log(`  target stall-free p99 ≤ 2 × floor p99 = ${ms(t.p99.limit)}: ${ok(t.p99.met)}`);
  console.log(`  where the time goes (connector parts add up to the whole; the floor has only its two hops):`);
  for (const [k, label] of Object.entries(PARTS)) console.log(row(label, m.parts[k as Part]));
  console.log(row("floor: first hop", m.floorHops.hop1));
  console.log(row("floor: second hop", m.floorHops.hop2));
  const stall = m.machine.stalls.map((x) => x.to - x.from);
  const pressure = m.machine.cpuPressure === null ? "n/a" : `${(m.machine.cpuPressure * 100).toFixed(0)}% of the time`;
  console.log(`  machine: ${stall.length} stalls ≥ ${m.machine.thresholdMs} ms (${stall.filter((x) => x > 10).length} over 10 ms, longest ${Math.max(0, ...stall).toFixed(1)} ms); CPU pressure ${pressure}`);
}

type SizeTarget = { limit: number; met: boolean };

export function printSizes(size: Sizes, t: Record<"widgetOwnGzip" | "mashupPageGzip" | "languageGzip" | "widgetNotGrown" | "mashupPageNotGrown", SizeTarget>): void {
  const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
  // Bytes, where the target is not to grow by a single one.
  const notGrown = (gzip: number, target: SizeTarget) => `${gzip.toLocaleString("en")} B gzip, before the "Webex in SAP" topology ${target.limit.toLocaleString("en")} B (target: not grown: ${ok(target.met)})`;
  console.log(`Sizes (minified / gzip -9)`);
  console.log(`  dist/widget.js         ${kb(size.widget.min)} / ${kb(size.widget.gzip)}  (${notGrown(size.widget.gzip, t.widgetNotGrown)})`);
  console.log(`  SDK alone              ${kb(size.sdk.min)} / ${kb(size.sdk.gzip)}`);
  console.log(`  widget beyond the SDK  ${kb(size.widgetOwn.min)} / ${kb(size.widgetOwn.gzip)}  (target < 10 KB gzip: ${ok(t.widgetOwnGzip.met)})`);
  console.log(`  mashup page as loaded (${Object.keys(size.mashupPage.files).join(" + ")}) ${kb(size.mashupPage.min)} / ${kb(size.mashupPage.gzip)}  (target ≤ 35 KB gzip: ${ok(t.mashupPageGzip.met)}; ${notGrown(size.mashupPage.gzip, t.mashupPageNotGrown)})`);
  const langs = Object.entries(size.mashupLanguages.files);
  const largest = Math.max(...langs.map(([, f]) => f.gzip));
  console.log(`  each further language, fetched when chosen (${langs.map(([n, f]) => `${n.replace(/^lang-|\.js$/g, "")} ${kb(f.gzip)}`).join(", ")}) largest ${kb(largest)} gzip  (target ≤ 4 KB gzip each: ${ok(t.languageGzip.met)})`);
  console.log(`  fetched on demand (${Object.keys(size.mashupOnDemand.files).join(" + ")}, only when a number is not already "+" and digits) ${kb(size.mashupOnDemand.min)} / ${kb(size.mashupOnDemand.gzip)}`);
  console.log(`  "Webex in SAP" only, fetched with webexInSap=on (${Object.keys(size.webexInSap.files).join(" + ")}) ${kb(size.webexInSap.min)} / ${kb(size.webexInSap.gzip)}; its fonts and images ${kb(size.webexInSapAssets.min)} / ${kb(size.webexInSapAssets.gzip)}`);
}
