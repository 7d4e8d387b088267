/**
 * `npm run bench`: screen-pop latency in headless Chromium across three cross-site origins, the
 * postMessage floor measured in the same run, and bundle sizes. `npm run bench -- --soak` runs the
 * 10,000-conversation soak instead (bench/soak.ts). Writes bench/results/latest.json.
 * Latency is measured twice in the same run: fresh, and at the end of a shift (after --shift N
 * whole conversations through the same widget and mashup, default 10,000), each beside the floor
 * measured at the same time, split into the parts of its way (bench/latency.ts).
 * Options: --conversations N (default 400), --shift N (default 10000), --soak.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Frame } from "playwright-core";
import { measure, type BenchFrames } from "./latency";
import { printMeasurement, printSizes, summary } from "./report";
import { startServer } from "./server";
import { BEFORE_WEBEX_IN_SAP } from "./baseline";
import { sizes } from "./sizes";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);

if (args.includes("--soak")) {
  const r = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", join(here, "soak.ts"), ...args.filter((a) => a !== "--soak")], { stdio: "inherit" });
  process.exit(r.status ?? 1);
}

const N = Number(args[args.indexOf("--conversations") + 1]) > 0 && args.includes("--conversations") ? Number(args[args.indexOf("--conversations") + 1]) : 400;
const SHIFT = args.includes("--shift") ? Number(args[args.indexOf("--shift") + 1]) : 10_000;
const WARMUP = 20;
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor<T>(what: string, fn: () => Promise<T | undefined | null>, ms = 30000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`bench: timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** One pop all the way to the SAP page: proves the link is up, and that all before it went through. */
async function popThrough(f: BenchFrames, ani: string, ms = 30000): Promise<void> {
  await f.desk.evaluate((a) => (window as any).bench.start(a), ani);
  await waitFor(`the screen pop of ${ani} at the SAP page`, () => f.page.evaluate((a) => (window as any).arrivals[a] !== undefined, ani), ms);
  await f.desk.evaluate((a) => (window as any).bench.finish(a), ani);
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
    const f: BenchFrames = {
      page,
      desk: await frame((x) => x.url().startsWith(`${server.origins.desktop}/desktop.html`), "desktop frame"),
      mashup: await frame((x) => x.url().startsWith(`${server.origins.mashup}/dist/sap-mashup/index.html`), "mashup frame"),
      floorDesk: await frame((x) => x.url().startsWith(`${server.origins.desktop}/floor-desk.html`), "floor frame"),
      floorMid: await frame((x) => x.url().startsWith(`${server.origins.mashup}/floor-mid.html`), "floor relay frame"),
    };
    await f.desk.waitForFunction(() => (window as unknown as { bench?: unknown }).bench !== undefined);
    await f.floorDesk.waitForFunction(() => typeof (window as unknown as { floorSend?: unknown }).floorSend === "function");

    // The link comes up asynchronously (SDK init, handshake): the first pop proves it is up.
    await popThrough(f, "+14155549999");
    const first = (await page.evaluate(() => (window as any).firstPayload)) as { payload: Record<string, string> };
    const messageBytes = JSON.stringify(first).length;

    const fresh = await measure(f, N, WARMUP, { connector: "+1415555", floor: "+1415556" }, first.payload);
    // The end of a shift: SHIFT whole conversations through the same widget and mashup, then the
    // same measurement again. A last pop through proves the pipeline has drained.
    const soakStart = Date.now();
    await f.desk.evaluate((n) => (window as any).bench.soak(n), SHIFT);
    await popThrough(f, "+14155549998", 600_000);
    const soakSeconds = Math.round((Date.now() - soakStart) / 100) / 10;
    const sdkLogBytes = (await f.desk.evaluate(() => {
      try {
        return sessionStorage.getItem("uuip-client-logs")?.length ?? 0;
      } catch {
        return -1;
      }
    })) as number;
    await sleep(1000);
    const shiftEnd = await measure(f, N, WARMUP, { connector: "+1415558", floor: "+1415559" }, first.payload);

    const isolated = await page.evaluate(() => crossOriginIsolated);
    const sizeTargets = {
      widgetOwnGzip: { limit: 10 * 1024, met: size.widgetOwn.gzip < 10 * 1024 },
      mashupPageGzip: { limit: 35 * 1024, met: size.mashupPage.gzip <= 35 * 1024 },
      languageGzip: { limit: 4 * 1024, met: Object.values(size.mashupLanguages.files).every((x) => x.gzip <= 4 * 1024) },
      widgetNotGrown: { limit: BEFORE_WEBEX_IN_SAP.widgetGzip, met: size.widget.gzip <= BEFORE_WEBEX_IN_SAP.widgetGzip },
      mashupPageNotGrown: { limit: BEFORE_WEBEX_IN_SAP.mashupPageGzip, met: size.mashupPage.gzip <= BEFORE_WEBEX_IN_SAP.mashupPageGzip },
    };
    const os = await import("node:os");
    const result = {
      date: new Date().toISOString(),
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version, browser: `Chromium ${browserVersion}` },
      crossOriginIsolated: isolated,
      conversations: N,
      warmup: WARMUP,
      messageBytes,
      fresh: summary(fresh),
      endOfShift: { afterConversations: SHIFT, soakSeconds, sdkLogBytes, ...summary(shiftEnd) },
      sizes: size,
      sizeTargets,
    };
    mkdirSync(join(here, "results"), { recursive: true });
    writeFileSync(join(here, "results/latest.json"), JSON.stringify(result, null, 2) + "\n");
    console.log(`Screen-pop latency, ${N} conversations per measurement (${WARMUP} warm-up dropped), ${result.machine.browser}, payload ${messageBytes} B`);
    printMeasurement("Fresh", fresh);
    console.log(`End of shift: ${SHIFT} conversations soaked through the same widget and mashup in ${soakSeconds} s; the SDK's log in sessionStorage: ${sdkLogBytes < 0 ? "storage blocked in this cross-site frame, so the SDK keeps its log (up to 1 MiB) in memory only" : `${(sdkLogBytes / 1024).toFixed(0)} KB`}`);
    printMeasurement("End of shift", shiftEnd);
    printSizes(size, sizeTargets);
    console.log(`Wrote bench/results/latest.json`);
    if (fresh.lost > 0 || shiftEnd.lost > 0) process.exitCode = 1;
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
