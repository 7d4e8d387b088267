/**
 * `npm run bench -- --soak`: a shift and more — 10,000 conversations (calls, chats, e-mails,
 * transfers, click-to-dials) through one widget and one mashup, in Node with jsdom, using the
 * test harness (real SDK, emulated host, in-memory cross-window bus). Reports heap after GC at
 * start and end, listener counts, and what is still held per conversation. Run with --expose-gc
 * (bench/run.ts does). Options: --conversations N (default 10000).
 */
import { JSDOM } from "jsdom";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const N = args.includes("--conversations") ? Number(args[args.indexOf("--conversations") + 1]) : 10_000;
const WARMUP = 200;

const dom = new JSDOM("<!doctype html><html><body></body></html>", { url: "https://desktop.wxcc-us1.cisco.com/" });
const g = globalThis as Record<string, unknown>;
// What jest's jsdom environment provides: the window's globals, wherever Node has none of its own.
for (const k of Object.getOwnPropertyNames(dom.window)) {
  if (!(k in g)) {
    try {
      g[k] = (dom.window as unknown as Record<string, unknown>)[k];
    } catch {
      // a getter jsdom refuses outside its window: not needed
    }
  }
}
g.self = g.window = dom.window;
// The harness loads the SDK through jest's module isolation; one plain load is what we need here.
g.jest = { isolateModules: (fn: () => void) => fn() };
// The SDK and the connector log to the console; a soak would drown in it. Count instead.
let consoleLines = 0;
for (const level of ["log", "info", "debug", "warn"] as const) console[level] = () => void consoleLines++;
const report = console.error.bind(console);
console.error = () => void consoleLines++;

function gc(): void {
  const f = (globalThis as { gc?: () => void }).gc;
  if (!f) throw new Error("soak: run node with --expose-gc (npm run bench -- --soak does)");
  for (let i = 0; i < 4; i++) f();
}

async function main(): Promise<void> {
  const { Harness } = await import("../__tests__/support/harness");
  const h = new Harness();
  const a = await h.agent({ query: "&defaultCountry=US" });
  const act = a.desktop.agentContact as unknown as {
    accept(p: { interactionId: string }): Promise<unknown>;
    end(p: { interactionId: string }): Promise<unknown>;
    wrapup(p: { interactionId: string; data: Record<string, string> }): Promise<unknown>;
  };
  const WRAP = { wrapUpReason: "Resolved", auxCodeId: "wrap-resolved", isAutoWrapup: "false" };
  const counts: Record<string, number> = { call: 0, chat: 0, email: 0, transfer: 0, dial: 0, rona: 0 };

  /** The test doubles record everything; a soak must not measure their memory. */
  const trimDoubles = () => {
    for (const w of [a.sapWin, a.mashupWin, a.desktopWin]) w.received.length = 0;
    a.sap.payloads.length = 0;
    a.host.requests.length = 0;
    a.notices.length = 0;
    a.linked.length = 0;
  };

  const conversation = async (i: number): Promise<void> => {
    const kind = ["call", "chat", "email", "transfer", "call", "dial", "rona"][i % 7]!;
    counts[kind]!++;
    const ani = `+1415${String(5000000 + (i % 4000000)).padStart(7, "0")}`;
    if (kind === "dial") {
      a.mashupWin.receiveFrom(a.sapWin, { PhoneNumber: ani, ActivityUUID: `00163e2a-1234-1eda-b895-${String(i).padStart(12, "0")}` });
      await h.settle();
      const id = [...h.cc.live.keys()].pop()!;
      h.cc.customerAnswers(id);
      await act.end({ interactionId: id });
      await act.wrapup({ interactionId: id, data: WRAP });
      await h.settle();
      return;
    }
    const media = kind === "chat" ? "chat" : kind === "email" ? "email" : "telephony";
    const from = media === "telephony" ? ani : `customer${i}@example.com`;
    const id = h.cc.inbound({ media, from, name: `Customer ${i}`, to: a.agentId, cad: { account: String(i) } });
    await h.settle();
    if (kind === "rona") {
      h.cc.rona(id, a.agentId);
      h.cc.live.delete(id);
      await h.settle();
      return;
    }
    await act.accept({ interactionId: id });
    await h.settle();
    if (kind === "transfer") {
      h.cc.transferToQueue(id, a.agentId, "Billing");
      await act.wrapup({ interactionId: id, data: WRAP });
      h.cc.live.delete(id); // the simulated queue keeps it; the connector must not
    } else {
      h.cc.customerEnds(id);
      await act.wrapup({ interactionId: id, data: WRAP });
    }
    await h.settle();
  };

  const held = () => {
    const w = a.widget as unknown as Record<string, unknown>;
    const sizeOf = (x: unknown) => (x instanceof Map || x instanceof Set ? x.size : Array.isArray(x) ? x.length : undefined);
    const widgetMaps = Object.fromEntries(Object.entries(w).filter(([, v]) => sizeOf(v) !== undefined).map(([k, v]) => [k, sizeOf(v)]));
    const sync = a.mashup.sync as unknown as { legs: Map<string, unknown>; dials: { pending?: unknown[] } };
    const ledger = (a.mashup.sync as unknown as { ledger?: { size: number } }).ledger;
    return {
      trackerLegs: a.widget.tracker.allLegs().length,
      trackerOpenLegs: a.widget.tracker.openLegs().length,
      widgetOutbox: a.widget.link.pending,
      widgetMaps,
      mashupLegs: sync.legs.size,
      ledger: ledger?.size,
      dialBook: sync.dials.pending?.length,
      signalListeners: Object.fromEntries(Object.entries(a.host.aqm.contact).filter(([, s]) => typeof (s as { listenerCount?: unknown }).listenerCount === "number").map(([k, s]) => [k, (s as { listenerCount: number }).listenerCount]).filter(([, n]) => (n as number) > 0)),
      windowListeners: { sap: a.sapWin.listeners.size, mashup: a.mashupWin.listeners.size, desktop: a.desktopWin.listeners.size },
      droppedMessages: { widget: a.widget.log.droppedTotal(), mashup: a.mashup.log.droppedTotal() },
      violations: a.sap.violations.length,
    };
  };

  for (let i = 0; i < WARMUP; i++) await conversation(i);
  trimDoubles();
  gc();
  const start = { heapUsed: process.memoryUsage().heapUsed, held: held() };
  const t0 = Date.now();
  for (let i = WARMUP; i < WARMUP + N; i++) {
    await conversation(i);
    if (i % 500 === 0) trimDoubles();
  }
  trimDoubles();
  await h.settle();
  gc();
  const end = { heapUsed: process.memoryUsage().heapUsed, held: held() };
  h.close();
  const growth = end.heapUsed - start.heapUsed;
  const result = {
    date: new Date().toISOString(),
    node: process.version,
    conversations: N,
    warmup: WARMUP,
    mix: counts,
    seconds: Math.round((Date.now() - t0) / 100) / 10,
    heapAfterGc: { start: start.heapUsed, end: end.heapUsed, growth },
    start: start.held,
    end: end.held,
    consoleLines,
    target: { heapGrowthBytes: 2 * 1024 * 1024, met: growth < 2 * 1024 * 1024 },
  };
  mkdirSync(join(here, "results"), { recursive: true });
  writeFileSync(join(here, "results/soak.json"), JSON.stringify(result, null, 2) + "\n");
  const mb = (b: number) => `${(b / 1024 / 1024).toFixed(2)} MB`;
  report(`Soak: ${N} conversations after ${WARMUP} warm-up (${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(", ")}) in ${result.seconds} s, ${process.version}`);
  report(`  heap after GC: start ${mb(start.heapUsed)}, end ${mb(end.heapUsed)}, growth ${mb(growth)} (target < 2 MB: ${result.target.met ? "met" : "NOT met"})`);
  report(`  held at start: ${JSON.stringify(start.held)}`);
  report(`  held at end:   ${JSON.stringify(end.held)}`);
  report(`Wrote bench/results/soak.json`);
  if (!result.target.met) process.exitCode = 1;
}

main().catch((e: unknown) => {
  report(e);
  process.exit(1);
});
