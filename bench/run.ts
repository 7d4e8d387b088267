/**
 * `npm run bench`: screen-pop latency in headless Chromium across three cross-site origins, the
 * postMessage floor measured in the same run, and bundle sizes. `npm run bench -- --soak` runs the
 * 10,000-conversation soak instead (bench/soak.ts). Writes bench/results/latest.json.
 * Options: --conversations N (default 400), --soak.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Frame } from "playwright-core";
import { startServer } from "./server";
import { sizes } from "./sizes";
import { overlapsStall, startStallProbe } from "./stall-probe";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);

if (args.includes("--soak")) {
  const r = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", join(here, "soak.ts"), ...args.filter((a) => a !== "--soak")], { stdio: "inherit" });
  process.exit(r.status ?? 1);
}

const N = Number(args[args.indexOf("--conversations") + 1]) > 0 && args.includes("--conversations") ? Number(args[args.indexOf("--conversations") + 1]) : 400;
const WARMUP = 20;
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function stats(xs: number[]): { n: number; p50: number; p90: number; p99: number; min: number; max: number; mean: number } {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return { n: 0, p50: NaN, p90: NaN, p99: NaN, min: NaN, max: NaN, mean: NaN };
  const q = (p: number) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  return { n: s.length, p50: r3(q(50)), p90: r3(q(90)), p99: r3(q(99)), min: r3(s[0]!), max: r3(s[s.length - 1]!), mean: r3(s.reduce((a, b) => a + b, 0) / s.length) };
}

async function waitFor<T>(what: string, fn: () => Promise<T | undefined | null>, ms = 30000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`bench: timed out waiting for ${what}`);
    await sleep(20);
  }
}

async function main(): Promise<void> {
  const size = await sizes();
  const server = await startServer();
  const userDataDir = mkdtempSync(join(tmpdir(), "wxcc-sap-bench-"));
  const executablePath = process.env.CHROME_PATH ?? "/usr/bin/chromium";
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath, headless: true, args: CHROMIUM_ARGS });
  try {
    const browserVersion = context.browser()?.version() ?? (spawnSync(executablePath, ["--version"]).stdout?.toString().trim() || "unknown");
    const page = context.pages()[0] ?? (await context.newPage());
    page.on("console", (m) => {
      if (m.type() === "error") console.error(`[page] ${m.text()}`);
    });
    page.on("response", (r) => {
      if (r.status() >= 400) console.error(`[page] ${r.status()} ${r.url()}`);
    });
    await page.goto(`${server.origins.sap}/sap.html`);
    const frame = (pred: (f: Frame) => boolean, what: string) => waitFor(what, async () => page.frames().find(pred));
    const desk = await frame((f) => f.url().startsWith(`${server.origins.desktop}/desktop.html`), "desktop frame");
    const floorDesk = await frame((f) => f.url().startsWith(`${server.origins.desktop}/floor-desk.html`), "floor frame");
    await desk.waitForFunction(() => (window as unknown as { bench?: unknown }).bench !== undefined);
    await floorDesk.waitForFunction(() => typeof (window as unknown as { floorSend?: unknown }).floorSend === "function");

    const ani = (i: number) => `+1415555${String(i).padStart(4, "0")}`;
    const floorAni = (i: number) => `+1415556${String(i).padStart(4, "0")}`;
    // The link comes up asynchronously (SDK init, handshake): the first pop proves it is up.
    await desk.evaluate((a) => (window as any).bench.start(a), ani(9999));
    await waitFor("the first screen pop at the SAP page", () => page.evaluate((a) => (window as any).arrivals[a] !== undefined, ani(9999)));
    await desk.evaluate((a) => (window as any).bench.finish(a), ani(9999));
    const first = (await page.evaluate(() => (window as any).firstPayload)) as { payload: Record<string, string> };
    const messageBytes = JSON.stringify(first).length;

    // Interleaved, one at a time, with the pipeline idle in between: connector i, then floor i.
    const probe = startStallProbe();
    for (let i = 0; i < N + WARMUP; i++) {
      await desk.evaluate((a) => (window as any).bench.start(a), ani(i));
      await sleep(8);
      await desk.evaluate((a) => (window as any).bench.finish(a), ani(i));
      await sleep(8);
      const msg = { payload: { ...first.payload, ANI: floorAni(i) } };
      await floorDesk.evaluate((m) => (window as any).floorSend(m), msg);
      await sleep(8);
    }
    await sleep(200);
    const machine = await probe.stop();
    const t0 = (await desk.evaluate(() => (window as any).bench.t0s())) as Record<string, number>;
    const floorT0 = (await floorDesk.evaluate(() => (window as any).t0s)) as Record<string, number>;
    const arrivals = (await page.evaluate(() => (window as any).arrivals)) as Record<string, number>;
    const floorArrivals = (await page.evaluate(() => (window as any).floorArrivals)) as Record<string, number>;
    const connector: number[] = [];
    const floor: number[] = [];
    // The same samples without those the machine stood still during (stall-probe.ts).
    const connectorSteady: number[] = [];
    const floorSteady: number[] = [];
    let lost = 0;
    for (let i = WARMUP; i < N + WARMUP; i++) {
      const a = arrivals[ani(i)], f = floorArrivals[floorAni(i)];
      const s = t0[ani(i)], fs = floorT0[floorAni(i)];
      if (a === undefined || f === undefined || s === undefined || fs === undefined) lost++;
      else {
        connector.push(a - s);
        floor.push(f - fs);
        if (!overlapsStall(machine.stalls, s, a)) connectorSteady.push(a - s);
        if (!overlapsStall(machine.stalls, fs, f)) floorSteady.push(f - fs);
      }
    }
    if (process.env.BENCH_DUMP) console.log(JSON.stringify({ connector: connector.map((x) => +x.toFixed(3)), floor: floor.map((x) => +x.toFixed(3)) }));
    const isolated = await page.evaluate(() => crossOriginIsolated);
    const c = stats(connector), fl = stats(floor);
    const cs = stats(connectorSteady), fls = stats(floorSteady);
    const stallMs = machine.stalls.map((x) => x.to - x.from);
    const ratio = { p50: Math.round((c.p50 / fl.p50) * 100) / 100, p90: Math.round((c.p90 / fl.p90) * 100) / 100, p99: Math.round((c.p99 / fl.p99) * 100) / 100 };
    const targets = {
      p50: { limit: Math.round((2 * fl.p50 + 0.5) * 1000) / 1000, met: c.p50 <= 2 * fl.p50 + 0.5 },
      p99: { limit: 3, met: c.p99 < 3 },
      widgetOwnGzip: { limit: 10 * 1024, met: size.widgetOwn.gzip < 10 * 1024 },
      mashupPageGzip: { limit: 35 * 1024, met: size.mashupPage.gzip <= 35 * 1024 },
      languageGzip: { limit: 4 * 1024, met: Object.values(size.mashupLanguages.files).every((f) => f.gzip <= 4 * 1024) },
    };
    const result = {
      date: new Date().toISOString(),
      machine: { cpus: (await import("node:os")).cpus().length, cpuModel: (await import("node:os")).cpus()[0]?.model, node: process.version, browser: `Chromium ${browserVersion}` },
      crossOriginIsolated: isolated,
      conversations: N,
      warmup: WARMUP,
      lost,
      messageBytes,
      latencyMs: { connector: c, floor: fl, ratio },
      // Not a target figure: the samples no machine stall overlapped, to tell the code's tail from the VM's.
      steadyLatencyMs: { connector: cs, floor: fls },
      machineStalls: {
        probeThreads: machine.threads,
        thresholdMs: machine.thresholdMs,
        count: stallMs.length,
        longestMs: Math.round(Math.max(0, ...stallMs) * 10) / 10,
        over10ms: stallMs.filter((x) => x > 10).length,
        cpuPressure: machine.cpuPressure,
      },
      sizes: size,
      targets,
    };
    mkdirSync(join(here, "results"), { recursive: true });
    writeFileSync(join(here, "results/latest.json"), JSON.stringify(result, null, 2) + "\n");
    const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
    const ok = (m: boolean) => (m ? "met" : "NOT met");
    console.log(`Screen-pop latency, ${N} conversations (${WARMUP} warm-up dropped, ${lost} lost), ${result.machine.browser}, payload ${messageBytes} B`);
    console.log(`  connector  p50 ${c.p50.toFixed(3)} ms  p90 ${c.p90.toFixed(3)} ms  p99 ${c.p99.toFixed(3)} ms  (max ${c.max.toFixed(3)})`);
    console.log(`  floor      p50 ${fl.p50.toFixed(3)} ms  p90 ${fl.p90.toFixed(3)} ms  p99 ${fl.p99.toFixed(3)} ms  (max ${fl.max.toFixed(3)})`);
    console.log(`  ratio      p50 ${ratio.p50}×  p90 ${ratio.p90}×  p99 ${ratio.p99}×`);
    console.log(`  target p50 ≤ 2×floor+0.5 = ${targets.p50.limit} ms: ${ok(targets.p50.met)}; p99 < 3 ms: ${ok(targets.p99.met)}`);
    const m = result.machineStalls;
    const pressure = m.cpuPressure === null ? "n/a" : `${(m.cpuPressure * 100).toFixed(0)}% of the time`;
    console.log(`Machine during the run: ${m.count} stalls ≥ ${m.thresholdMs} ms seen by ${m.probeThreads} probe threads (${m.over10ms} over 10 ms, longest ${m.longestMs} ms); CPU pressure ${pressure}`);
    console.log(`  samples no stall overlapped (not the target figure; how much of the tail is the machine's):`);
    console.log(`  connector  n ${cs.n}  p50 ${cs.p50.toFixed(3)} ms  p90 ${cs.p90.toFixed(3)} ms  p99 ${cs.p99.toFixed(3)} ms  (max ${cs.max.toFixed(3)})`);
    console.log(`  floor      n ${fls.n}  p50 ${fls.p50.toFixed(3)} ms  p90 ${fls.p90.toFixed(3)} ms  p99 ${fls.p99.toFixed(3)} ms  (max ${fls.max.toFixed(3)})`);
    console.log(`Sizes (minified / gzip -9)`);
    console.log(`  dist/widget.js         ${kb(size.widget.min)} / ${kb(size.widget.gzip)}`);
    console.log(`  SDK alone              ${kb(size.sdk.min)} / ${kb(size.sdk.gzip)}`);
    console.log(`  widget beyond the SDK  ${kb(size.widgetOwn.min)} / ${kb(size.widgetOwn.gzip)}  (target < 10 KB gzip: ${ok(targets.widgetOwnGzip.met)})`);
    console.log(`  mashup page as loaded (${Object.keys(size.mashupPage.files).join(" + ")}) ${kb(size.mashupPage.min)} / ${kb(size.mashupPage.gzip)}  (target ≤ 35 KB gzip: ${ok(targets.mashupPageGzip.met)})`);
    const langs = Object.entries(size.mashupLanguages.files);
    const largest = Math.max(...langs.map(([, f]) => f.gzip));
    console.log(`  each further language, fetched when chosen (${langs.map(([n, f]) => `${n.replace(/^lang-|\.js$/g, "")} ${kb(f.gzip)}`).join(", ")}) largest ${kb(largest)} gzip  (target ≤ 4 KB gzip each: ${ok(targets.languageGzip.met)})`);
    console.log(`  fetched on demand (${Object.keys(size.mashupOnDemand.files).join(" + ")}, only when a number is not already "+" and digits) ${kb(size.mashupOnDemand.min)} / ${kb(size.mashupOnDemand.gzip)}`);
    console.log(`  "Webex in SAP" only, fetched with webexInSap=on (${Object.keys(size.webexInSap.files).join(" + ")}) ${kb(size.webexInSap.min)} / ${kb(size.webexInSap.gzip)}; its fonts and images ${kb(size.webexInSapAssets.min)} / ${kb(size.webexInSapAssets.gzip)}`);
    console.log(`Wrote bench/results/latest.json`);
    if (lost > 0) process.exitCode = 1;
  } finally {
    await context.close();
    await server.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
