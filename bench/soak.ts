/**
 * `npm run bench -- --soak`: a shift and more — 10,000 conversations through one widget and one
 * mashup, in Node with jsdom: the contact-center simulation and the emulated Agent Desktop host
 * (`AGENTX_SERVICE`, sandbox/desktop-host), the real, unmodified `@wxcc-desktop/sdk` bound to it,
 * the real widget connector (widget/), the real mashup app (sap-mashup/ MashupApp), the real
 * channel protocol over an in-memory cross-window bus (bench/soak-bus.ts), and the SAP test
 * double (sandbox/sap-host SapRecorder), which checks every payload against the contract.
 *
 * Mix (cycle of 10): inbound calls (hold/resume on every other one; agent or customer hangs up),
 * chats, e-mails, WhatsApp messages, click-to-dials from SAP, RONAs, transfers away to a queue,
 * transfers away to another agent (blind or after a consult), and transfers in from another agent
 * (as an offer or as an owner change). The second agent is a desktop host without a widget, acting
 * through the simulation's host back end. Several conversations are in flight at once, each its
 * own interaction; nothing sleeps: every step waits for its condition (SAP has the NOTIFY, the
 * END; the widget holds nothing more for the leg), re-checked after each batch of bus deliveries.
 *
 * Reports heap after forced GC (system idle) after the warm-up, every --sample-every
 * conversations and at the end; listener counts; what is still held; dropped messages; contract
 * violations and payloads that differ from what each conversation should give SAP. Exits non-zero
 * if heap growth ≥ 2 MB, any violation or mismatch, or anything held that should not be.
 *
 * Options: --conversations N (10000), --warmup N (2000), --concurrency N (8), --sample-every N
 * (2000), --end-ack-grace-ms N (20; production waits END_ACK_GRACE_MS = 600 ms before it
 * acknowledges an END, which changes only when the widget forgets the leg, not what SAP gets),
 * --heap-snapshots DIR (writes a .heapsnapshot at every sample; compare two with
 * bench/soak-heapdiff.ts).
 * Run with --expose-gc (bench/run.ts does). Needs no build: it runs the TypeScript sources.
 */
import { JSDOM } from "jsdom";
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { setFlagsFromString, writeHeapSnapshot } from "node:v8";
import { SoakBus } from "./soak-bus";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
function option(name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const n = Number(args[i + 1]);
  if (!Number.isInteger(n) || n < 0) throw new Error(`soak: --${name} needs a whole number`);
  return n;
}
const N = option("conversations", 10_000);
/**
 * Long enough that the connector's bounded memories are full before the first sample: activity
 * ledger (LEDGER_LIMIT = 400 legs), the mashup's window of handled event numbers (10,000 events,
 * ~1,600 conversations at this mix), log rings (500 lines), the tracker's ended legs (64). What
 * grows after that grows with the number of conversations.
 */
const WARMUP = option("warmup", 2000);
const CONCURRENCY = Math.max(1, option("concurrency", 8));
const SAMPLE_EVERY = Math.max(1, option("sample-every", 2000));
const GRACE_MS = option("end-ack-grace-ms", 20);
const SNAPSHOT_DIR = args.includes("--heap-snapshots") ? resolve(args[args.indexOf("--heap-snapshots") + 1] ?? ".") : undefined;
/** Conversations between two idle points; the SAP double's per-leg sequence memory is renewed at each. */
const EPOCH = 500;
const STEP_TIMEOUT_MS = Number(process.env.SOAK_STEP_TIMEOUT_MS ?? 60_000);
const MB = 1024 * 1024;
const TARGET_BYTES = 2 * MB;

// V8 discards the bytecode of functions that have not run for a while (here: start-up and
// warm-up code, ~1 MB), which would hide up to that much real growth between two samples. Kept,
// the samples measure data: code compiled later can only add to the growth, never mask it.
setFlagsFromString("--no-flush-bytecode");

// ---- the page the SDK expects: what jest's jsdom environment provides ----
const dom = new JSDOM("<!doctype html><html><body></body></html>", { url: "https://desktop.wxcc-us1.cisco.com/" });
const g = globalThis as Record<string, unknown>;
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

// The SDK and the connector log every step to the console; a soak would drown in it. Count instead.
const out = (line: string) => void process.stdout.write(line + "\n");
const consoleLines: Record<string, number> = {};
const connectorProblems: string[] = [];
/** The first console.error lines (whoever wrote them), for the report. */
const consoleErrors: string[] = [];
for (const level of ["log", "info", "debug", "warn", "error"] as const) {
  console[level] = (...a: unknown[]) => {
    consoleLines[level] = (consoleLines[level] ?? 0) + 1;
    // The connector's own warnings and errors mean something went wrong in a run that should be clean.
    const first = a[0];
    if (level === "error" && consoleErrors.length < 10) consoleErrors.push(a.map((x) => (x instanceof Error ? x.message : typeof x === "string" ? x : JSON.stringify(x))).join(" ").slice(0, 300));
    if ((level === "warn" || level === "error") && typeof first === "string" && first.startsWith("[wxcc-sap") && connectorProblems.length < 20) connectorProblems.push(first);
  };
}

type Kind = "call" | "chat" | "email" | "message" | "dial" | "rona" | "transfer-queue" | "transfer-agent" | "transfer-in";
const CYCLE: Kind[] = ["call", "chat", "email", "transfer-queue", "call", "dial", "rona", "message", "transfer-agent", "transfer-in"];

function gcNow(): void {
  const f = (globalThis as { gc?: () => void }).gc;
  if (!f) throw new Error("soak: run node with --expose-gc (npm run bench -- --soak does)");
  f();
}

async function main(): Promise<void> {
  const { ContactCenter } = await import("../sandbox/desktop-host/contact-center");
  const { SapRecorder } = await import("../sandbox/sap-host/sap-recorder");
  const { parseConfig } = await import("../sap-mashup/config");
  const { MashupApp } = await import("../sap-mashup/mashup-app");
  const { LEDGER_LIMIT } = await import("../sap-mashup/activity-ledger");
  const { legReferenceId, originalReferenceId } = await import("../sap-mashup/reference-ids");
  const { WidgetConnector } = await import("../widget/connector");
  const { sdkDesktopPort } = await import("../widget/desktop-port");
  const { safeSessionStorage } = await import("../channel/safe-storage");
  const { PING_INTERVAL_MS } = await import("../channel/receive");
  type DesktopApi = import("../widget/desktop-port").DesktopApi;
  type Fields = Record<string, string>;

  const SAP_ORIGIN = "https://my123456.crm.ondemand.com";
  const MASHUP_ORIGIN = "https://connector.example.com";
  const DESKTOP_ORIGIN = "https://desktop.wxcc-us1.cisco.com";
  const A = "agent-1-0000-4000-8000-000000000000"; // the agent with the widget and the mashup
  const B = "agent-2-0000-4000-8000-000000000000"; // a colleague: transfers go to and come from here
  const OUTDIAL_EP = "3f2b7c1e-8d4a-4e6b-9c2d-5a7e1f0b3c9d"; // an entry point id is a UUID (the SDK asserts it)

  // ---- the system ----
  const cc = new ContactCenter();
  // Both Available (routing offers only to Available agents), with room for the soak's
  // concurrent conversations beyond Webex's default per-channel limits.
  const roomy = { telephony: 50, chat: 50, email: 50, social: 50 };
  const hostA = cc.addAgent({ agentId: A, agentName: "Alice Martin", initialState: "Available", capacity: roomy });
  const hostB = cc.addAgent({ agentId: B, agentName: "Bruno Keller", initialState: "Available", capacity: roomy });
  hostB.ready();
  const bus = new SoakBus();
  const sapWin = bus.window(SAP_ORIGIN);
  const mashupWin = bus.window(MASHUP_ORIGIN, sapWin);
  const desktopWin = bus.window(DESKTOP_ORIGIN, mashupWin);
  let sap = new SapRecorder(sapWin.self, [MASHUP_ORIGIN]);
  const query =
    `?sapOrigin=${encodeURIComponent(SAP_ORIGIN)}&desktopUrl=${encodeURIComponent(DESKTOP_ORIGIN + "/")}` +
    `&defaultCountry=US&channels=whatsapp:Sinch_WhatsApp&cad=account:Custom_1`;
  const parsed = parseConfig(query);
  if (!parsed.ok) throw new Error(parsed.errors.join("; "));
  // The mashup's storage as in a frame whose browser blocks sessionStorage (memory only), passed
  // through unchanged; the soak only counts what the activity ledger writes to it.
  const storeStats = { writes: 0, chars: 0, lastChars: 0 };
  const memory = safeSessionStorage(undefined);
  const store: import("../channel/safe-storage").KeyValueStore = {
    get persistent() {
      return memory.persistent;
    },
    get: (k) => memory.get(k),
    set: (k, v) => {
      storeStats.writes++;
      storeStats.chars += v.length;
      storeStats.lastChars = v.length;
      memory.set(k, v);
    },
    remove: (k) => memory.remove(k),
  };
  const notices: Record<string, number> = {};
  const noticeTexts: string[] = [];
  const mashup = new MashupApp(
    mashupWin.self,
    parsed.config,
    {
      linkChanged: () => undefined,
      notice: (n) => {
        notices[n.level] = (notices[n.level] ?? 0) + 1;
        if (noticeTexts.length < 20) noticeTexts.push(`${n.level}: ${n.text}`);
      },
      render: () => undefined,
    },
    store,
    Date.now,
    GRACE_MS,
  );
  mashup.start();
  mashup.attachDesktop(desktopWin.ref(mashupWin) as unknown as Window);
  // The real SDK binds to the host it finds as AGENTX_SERVICE when it loads.
  g.AGENTX_SERVICE = hostA;
  const { Desktop } = createRequire(import.meta.url)("@wxcc-desktop/sdk") as { Desktop: typeof import("@wxcc-desktop/sdk").Desktop };
  hostA.ready();
  const widget = new WidgetConnector(sdkDesktopPort(Desktop as unknown as DesktopApi), desktopWin.self, { mashupOrigins: [MASHUP_ORIGIN], outdialEp: OUTDIAL_EP });
  const contact = Desktop.agentContact as unknown as Record<"accept" | "end" | "wrapup" | "hold" | "unHold", (p: unknown) => Promise<unknown>>;
  const WRAP = { wrapUpReason: "Resolved", auxCodeId: "wrap-resolved", isAutoWrapup: "false" };
  // Fields that are not public API, read for the report and the per-leg check; reported as "n/a"
  // when a refactoring made them unreadable (#private).
  const peek = (o: object, field: string): unknown => (o as Record<string, unknown>)[field];
  const widgetAcked = () => peek(widget, "acked") as Map<string, unknown> | undefined;
  const widgetUnsettled = () => peek(widget, "unsettled") as Map<string, unknown> | undefined;
  const mashupHeld = () => peek(mashup.link, "heldMessages") as number | undefined;

  // ---- waiting for conditions, re-checked after each batch of bus deliveries ----
  interface Waiter {
    test(): boolean;
    resolve(): void;
    reject(e: Error): void;
    what: string;
    since: number;
  }
  const waiters = new Set<Waiter>();
  let failed: unknown;
  const until = (what: string, test: () => boolean): Promise<void> => {
    if (test()) return Promise.resolve();
    return new Promise((resolve, reject) => waiters.add({ test, resolve, reject, what, since: Date.now() }));
  };

  // What SAP received, per ExternalReferenceID, taken from the recorder as it records.
  const byRef = new Map<string, Fields[]>();
  const sapStats = { payloads: 0, violations: 0, formats: {} as Record<string, number>, withoutRef: 0 };
  const violationSamples: string[] = [];
  const drainSap = () => {
    if (sap.payloads.length === 0) return;
    for (const r of sap.payloads) {
      sapStats.payloads++;
      sapStats.formats[r.format] = (sapStats.formats[r.format] ?? 0) + 1;
      sapStats.violations += r.violations.length;
      for (const v of r.violations) if (violationSamples.length < 20) violationSamples.push(v);
      const ref = r.fields.ExternalReferenceID;
      if (!ref) {
        sapStats.withoutRef++;
        continue;
      }
      let list = byRef.get(ref);
      if (!list) byRef.set(ref, (list = []));
      list.push(r.fields);
    }
    sap.payloads.length = 0; // the double records everything; the soak must not measure that
  };
  const poke = () => {
    drainSap();
    for (const w of [...waiters]) {
      let ok = false;
      try {
        ok = w.test();
      } catch (e) {
        waiters.delete(w);
        w.reject(e as Error);
        continue;
      }
      if (ok) {
        waiters.delete(w);
        w.resolve();
      }
    }
  };
  bus.observer = poke;
  const watchdog = setInterval(() => {
    const now = Date.now();
    for (const w of waiters) {
      if (now - w.since < STEP_TIMEOUT_MS) continue;
      waiters.delete(w);
      const state = {
        listenerErrors: bus.listenerErrors,
        lastListenerError: bus.lastListenerError instanceof Error ? bus.lastListenerError.stack : bus.lastListenerError,
        notices: noticeTexts,
        connectorProblems,
        linked: { widget: widget.link.linked, mashup: mashup.link.linked },
        outbox: widget.link.pending,
        trackerOpen: widget.tracker.openLegs().map((l) => `${l.interactionId} ${l.media} ${l.phase}`),
      };
      w.reject(new Error(`soak: timed out after ${STEP_TIMEOUT_MS / 1000} s waiting for ${w.what}; ${JSON.stringify(state)}`));
    }
    // One failure ends the run: nothing else is waited for.
    if (failed !== undefined) for (const x of [...waiters]) {
      waiters.delete(x);
      x.reject(new Error(`soak: abandoned (${x.what}) after an earlier failure`));
    }
  }, 1000);

  await widget.start();
  await until("the widget and the mashup to link", () => widget.link.linked && mashup.link.linked && widget.link.pending === 0);

  // ---- one conversation, as the customer, the agent (through the SDK) and the colleague do it ----
  const counts: Record<string, number> = {};
  const mismatches = { count: 0, samples: [] as string[] };
  const mismatch = (text: string) => {
    mismatches.count++;
    if (mismatches.samples.length < 20) mismatches.samples.push(text);
  };
  const sapHas = (ref: string, action: string) => byRef.get(ref)?.some((f) => f.Action === action) ?? false;
  /** The widget owes the mashup nothing more for this leg: forgotten, END acknowledged. */
  const widgetDone = (id: string) => widget.tracker.get(id) === undefined && !widgetAcked()?.has(id) && !widgetUnsettled()?.has(id);
  let dialLock: Promise<void> = Promise.resolve();

  interface Expect {
    type: "CALL" | "CHAT" | "MESSAGE";
    direction: "INBOUND" | "OUTBOUND";
    actions: string[];
    ani?: string;
    email?: string;
    activityUUID?: string;
    channelId?: string;
    custom1?: string;
  }
  /** The leg is over for SAP and for the widget; then what SAP got must be exactly what the conversation should give. */
  const finish = async (i: number, kind: Kind, id: string, e: Expect) => {
    const ref = legReferenceId(id, A);
    await until(`${kind} #${i} to end in SAP and in the widget`, () => sapHas(ref, "END") && widgetDone(id));
    const got = byRef.get(ref) ?? [];
    byRef.delete(ref);
    const where = `${kind} #${i}`;
    const actions = got.map((f) => f.Action).join(",");
    if (actions !== e.actions.join(",")) mismatch(`${where}: SAP got ${actions || "nothing"}, expected ${e.actions.join(",")}`);
    const original = originalReferenceId(id);
    for (const f of got) {
      const want: Record<string, string | undefined> = {
        Type: e.type,
        EventType: f.Action === "END" ? "UPDATEACTIVITY" : e.direction,
        ANI: e.ani,
        Email: e.email,
        ExternalOriginalReferenceID: original,
        ActivityUUID: e.activityUUID,
        ChannelId: e.channelId,
        Custom_1: e.custom1,
      };
      for (const [k, v] of Object.entries(want)) if (f[k] !== v) mismatch(`${where} ${f.Action}: ${k} is ${f[k] ?? "absent"}, expected ${v ?? "absent"}`);
    }
  };

  const conversation = async (i: number): Promise<void> => {
    const kind = CYCLE[i % CYCLE.length] as Kind;
    counts[kind] = (counts[kind] ?? 0) + 1;
    const turn = Math.floor(i / CYCLE.length); // alternates the variants of a kind
    const ani = `+1415${String(5000000 + (i % 4000000)).padStart(7, "0")}`;
    const email = `customer${i}@example.com`;
    const account = String(100000 + i);
    const refs = new Map<string, string>(); // conditions are re-checked after every bus batch: hash once
    const ref = (id: string) => {
      let r = refs.get(id);
      if (r === undefined) refs.set(id, (r = legReferenceId(id, A)));
      return r;
    };

    if (kind === "dial") {
      // The agent clicks a number in SAP; one click-to-dial is placed at a time (the widget refuses a second).
      const activityUUID = `00163e2a-1234-1eda-b895-${String(i).padStart(12, "0")}`;
      const local = ani.slice(2);
      const phone = turn % 2 === 0 ? `(${local.slice(0, 3)}) ${local.slice(3, 6)}-${local.slice(6)}` : `+1 ${local.slice(0, 3)} ${local.slice(3, 6)} ${local.slice(6)}`;
      let release!: () => void;
      const previous = dialLock;
      dialLock = new Promise((r) => (release = r));
      await previous;
      let id = "";
      try {
        mashupWin.receiveFrom(sapWin, { PhoneNumber: phone, ActivityUUID: activityUUID });
        const find = () => {
          for (const [key, l] of cc.live) {
            const d = l.interaction.callProcessingDetails as { dnis?: string };
            if (l.interaction.contactDirection.type === "OUTBOUND" && d.dnis === ani && l.agents.has(A)) return key;
          }
          return "";
        };
        await until(`dial #${i} to reach SAP as NOTIFY`, () => (id = find()) !== "" && sapHas(ref(id), "NOTIFY"));
      } finally {
        release();
      }
      cc.customerAnswers(id);
      await until(`dial #${i} ACCEPT`, () => sapHas(ref(id), "ACCEPT"));
      if (turn % 2 === 0) await contact.end({ interactionId: id });
      else cc.customerEnds(id);
      await contact.wrapup({ interactionId: id, data: WRAP });
      return finish(i, kind, id, { type: "CALL", direction: "OUTBOUND", actions: ["NOTIFY", "ACCEPT", "END"], ani, activityUUID });
    }

    if (kind === "transfer-in") {
      // A colleague had the customer and hands over: as a fresh offer, or by making us the owner.
      const id = cc.inbound({ media: "telephony", from: ani, name: `Customer ${i}`, to: B, cad: { account } });
      await cc.accept(B, id);
      const asOffer = turn % 2 === 0;
      cc.transfer(id, B, A, asOffer ? "offer" : "owner-change");
      await cc.wrapup(B, id);
      await until(`transfer-in #${i} NOTIFY`, () => sapHas(ref(id), "NOTIFY"));
      if (asOffer) await contact.accept({ interactionId: id });
      await until(`transfer-in #${i} ACCEPT`, () => sapHas(ref(id), "ACCEPT"));
      cc.customerEnds(id);
      await contact.wrapup({ interactionId: id, data: WRAP });
      return finish(i, kind, id, { type: "CALL", direction: "INBOUND", actions: ["NOTIFY", "ACCEPT", "END"], ani, custom1: account });
    }

    const media = kind === "chat" ? "chat" : kind === "email" ? "email" : kind === "message" ? "social" : "telephony";
    const channel = kind === "message" ? "whatsapp" : undefined;
    const from = media === "chat" || media === "email" ? email : ani;
    const id = cc.inbound({ media, ...(channel ? { channel } : {}), from, name: `Customer ${i}`, to: A, cad: { account } });
    const expect: Expect =
      media === "chat" || media === "email"
        ? { type: "CHAT", direction: "INBOUND", actions: ["NOTIFY", "ACCEPT", "END"], email, custom1: account }
        : { type: media === "social" ? "MESSAGE" : "CALL", direction: "INBOUND", actions: ["NOTIFY", "ACCEPT", "END"], ani, custom1: account };
    if (channel) expect.channelId = "Sinch_WhatsApp";
    await until(`${kind} #${i} NOTIFY`, () => sapHas(ref(id), "NOTIFY"));

    if (kind === "rona") {
      // Not answered in time: the offer goes back to the queue, which gives it to the colleague.
      cc.rona(id, A);
      // RONA put A in the RONA idle state, and routing may already have given the call to B.
      await cc.stateChange(A, "Available", "0");
      if (!cc.live.get(id)?.agents.has(B)) cc.offerFromQueue(id, B);
      await cc.accept(B, id);
      cc.customerEnds(id);
      await cc.wrapup(B, id);
      return finish(i, kind, id, { ...expect, actions: ["NOTIFY", "END"] });
    }

    await contact.accept({ interactionId: id });
    await until(`${kind} #${i} ACCEPT`, () => sapHas(ref(id), "ACCEPT"));

    if (kind === "transfer-queue") {
      cc.transferToQueue(id, A, "Billing");
      await contact.wrapup({ interactionId: id, data: WRAP });
      // The queue offers it to the colleague, who finishes it.
      cc.offerFromQueue(id, B);
      await cc.accept(B, id);
      cc.customerEnds(id);
      await cc.wrapup(B, id);
      return finish(i, kind, id, expect);
    }
    if (kind === "transfer-agent") {
      if (turn % 2 === 0) {
        cc.transfer(id, A, B, "offer"); // blind
        await contact.wrapup({ interactionId: id, data: WRAP });
        await cc.accept(B, id);
        await cc.end(B, id);
      } else {
        cc.consult(id, A, B); // consult first, then hand over
        await cc.accept(B, id);
        cc.consultTransfer(id, A, B, "offer");
        await contact.wrapup({ interactionId: id, data: WRAP });
        cc.customerEnds(id);
      }
      await cc.wrapup(B, id);
      return finish(i, kind, id, expect);
    }
    if (kind === "call" && turn % 2 === 0) {
      const hold = { interactionId: id, isPostCallConsult: false, data: { mediaResourceId: id } };
      await contact.hold(hold);
      await contact.unHold(hold);
    }
    if (turn % 2 === 1) await contact.end({ interactionId: id });
    else cc.customerEnds(id);
    await contact.wrapup({ interactionId: id, data: WRAP });
    return finish(i, kind, id, expect);
  };

  // ---- running, idling, measuring ----
  /** Runs conversations [from, to) with CONCURRENCY in flight, then waits until nothing is in flight. */
  const run = async (from: number, to: number) => {
    let next = from;
    const worker = async () => {
      while (next < to && failed === undefined) {
        const i = next++;
        try {
          await conversation(i);
        } catch (e) {
          failed ??= e;
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    if (failed !== undefined) throw failed;
    await until("the system to be idle", () => bus.inFlight === 0 && mashup.link.deferredAcks === 0 && (mashupHeld() ?? 0) === 0 && widget.link.pending === 0);
    // Renew the SAP double (it keeps a sequence record per leg for ever); no leg spans two of them.
    drainSap();
    sap.stop();
    sap = new SapRecorder(sapWin.self, [MASHUP_ORIGIN]);
    hostA.requests.length = 0; // the emulated host records every SDK request for the tests
    hostB.requests.length = 0;
  };

  const sdkListeners = () => {
    const outMap: Record<string, number> = {};
    for (const [group, signals] of Object.entries({ contact: hostA.aqm.contact, agent: hostA.aqm.agent, dialer: hostA.aqm.dialer, screenpop: hostA.aqm.screenpop })) {
      for (const [name, s] of Object.entries(signals)) {
        const n = (s as { listenerCount?: unknown }).listenerCount;
        if (typeof n === "number" && n > 0) outMap[`${group}.${name}`] = n;
      }
    }
    return outMap;
  };
  const sizeOf = (x: unknown) => (x instanceof Map || x instanceof Set ? x.size : Array.isArray(x) ? x.length : undefined);
  const mapsOf = (o: object) => Object.fromEntries(Object.entries(o).filter(([, v]) => sizeOf(v) !== undefined).map(([k, v]) => [k, sizeOf(v) as number]));
  /** The SDK's own logger keeps its log in the page's sessionStorage (capped by the SDK at 1 MiB). */
  const sdkLogKB = () => {
    let n = 0;
    const st = dom.window.sessionStorage;
    for (let k = 0; k < st.length; k++) n += st.getItem(st.key(k) ?? "")?.length ?? 0;
    return Math.round(n / 102.4) / 10;
  };
  const ledgerOf = () => peek(mashup.sync, "ledger") as { size: number } | undefined;
  const held = () => ({
    trackerLegs: widget.tracker.allLegs().length,
    trackerOpenLegs: widget.tracker.openLegs().length,
    widgetOutbox: widget.link.pending,
    widgetMaps: mapsOf(widget),
    mashupLegs: mashup.sync.legs.size,
    mashupDeferredAcks: mashup.link.deferredAcks,
    mashupHeldMessages: mashupHeld() ?? "n/a",
    mashupSyncMaps: mapsOf(mashup.sync),
    ledger: ledgerOf()?.size ?? -1,
    ledgerLimit: LEDGER_LIMIT,
    dialBook: mashup.sync.dials.size,
    contactCenterLive: cc.live.size,
    hostTasks: { [A]: hostA.tasks.size, [B]: hostB.tasks.size },
    sapLegsNotVerified: byRef.size,
    logRingLines: { widget: widget.log.recent().length, mashup: mashup.log.recent().length },
    sdkLogStorageKB: sdkLogKB(),
    sdkListeners: sdkListeners(),
    windowListeners: { sap: sapWin.listenerCounts(), mashup: mashupWin.listenerCounts(), desktop: desktopWin.listenerCounts() },
    droppedMessages: { widget: Object.fromEntries(widget.log.dropped), mashup: Object.fromEntries(mashup.log.dropped) },
  });
  type Held = ReturnType<typeof held>;

  const samples: { conversations: number; seconds: number; heapUsed: number; growth: number; ledger: number; sdkLogStorageKB: number }[] = [];
  let t0 = 0;
  let startHeap = 0;
  let snapshotPauses = 0;
  const measure = async (label: string): Promise<{ heapUsed: number; held: Held }> => {
    // Idle: nothing in flight, no deferred acknowledgement; then let pending turns run and collect.
    for (let k = 0; k < 5; k++) {
      await new Promise((r) => setImmediate(r));
      gcNow();
    }
    const heapUsed = process.memoryUsage().heapUsed;
    const h = held();
    if (SNAPSHOT_DIR) {
      mkdirSync(SNAPSHOT_DIR, { recursive: true });
      writeHeapSnapshot(join(SNAPSHOT_DIR, `soak-${label}.heapsnapshot`));
      // Writing the snapshot can freeze the process for longer than LINK_TIMEOUT_MS: both sides
      // then rightly declare the link lost at their next tick and link again. Let that happen
      // before the next conversation (diagnostic mode only: a fixed wait of one ping interval).
      snapshotPauses++;
      await new Promise((r) => setTimeout(r, PING_INTERVAL_MS + 500));
      await until("the link after the heap snapshot", () => widget.link.linked && mashup.link.linked && widget.link.pending === 0);
    }
    return { heapUsed, held: h };
  };

  const mb = (b: number) => `${(b / MB).toFixed(2)} MB`;
  const tw = Date.now();
  out(`Soak: warm-up of ${WARMUP} conversations, ${CONCURRENCY} in flight, END-ack grace ${GRACE_MS} ms (production: 600 ms)…`);
  await run(0, WARMUP);
  const warmupSeconds = (Date.now() - tw) / 1000;
  const start = await measure("start");
  startHeap = start.heapUsed;
  const countsAtStart = { ...counts };
  for (const k of Object.keys(counts)) counts[k] = 0;
  out(`  warm-up done in ${warmupSeconds.toFixed(1)} s; heap after GC ${mb(startHeap)}; SDK log ${start.held.sdkLogStorageKB} KB. Running ${N}…`);
  t0 = Date.now();
  let done = 0;
  while (done < N) {
    const segment = Math.min(EPOCH, N - done, SAMPLE_EVERY - (done % SAMPLE_EVERY));
    await run(WARMUP + done, WARMUP + done + segment);
    done += segment;
    if (done % SAMPLE_EVERY === 0 && done < N) {
      const s = await measure(`at-${done}`);
      const seconds = (Date.now() - t0) / 1000;
      samples.push({ conversations: done, seconds: Math.round(seconds * 10) / 10, heapUsed: s.heapUsed, growth: s.heapUsed - startHeap, ledger: s.held.ledger, sdkLogStorageKB: s.held.sdkLogStorageKB });
      out(`  ${String(done).padStart(6)} conversations, ${seconds.toFixed(1)} s: heap after GC ${mb(s.heapUsed)} (growth ${mb(s.heapUsed - startHeap)}); SDK log ${s.held.sdkLogStorageKB} KB`);
    }
  }
  const seconds = (Date.now() - t0) / 1000;
  const end = await measure("end");
  samples.push({ conversations: N, seconds: Math.round(seconds * 10) / 10, heapUsed: end.heapUsed, growth: end.heapUsed - startHeap, ledger: end.held.ledger, sdkLogStorageKB: end.held.sdkLogStorageKB });
  clearInterval(watchdog);
  widget.stop();
  mashup.stop();
  sap.stop();

  // ---- verdict ----
  const growth = end.heapUsed - startHeap;
  const e = end.held;
  const problems: string[] = [];
  if (growth >= TARGET_BYTES) problems.push(`heap grew by ${mb(growth)} (target < 2 MB)`);
  if (sapStats.violations > 0) problems.push(`${sapStats.violations} SAP contract violations`);
  if (mismatches.count > 0) problems.push(`${mismatches.count} payloads differ from what the conversation should give SAP`);
  if (sapStats.withoutRef > 0) problems.push(`${sapStats.withoutRef} SAP payloads without ExternalReferenceID`);
  const heldProblems: [string, number][] = [
    ["tracker legs", e.trackerLegs],
    ["widget outbox", e.widgetOutbox],
    ["widget acked", e.widgetMaps.acked ?? 0],
    ["widget unsettled", e.widgetMaps.unsettled ?? 0],
    ["mashup legs", e.mashupLegs],
    ["mashup deferred acks", e.mashupDeferredAcks],
    ["mashup messages waiting to be handled", typeof e.mashupHeldMessages === "number" ? e.mashupHeldMessages : 0],
    ["DialBook", e.dialBook],
    ["live interactions in the simulation", e.contactCenterLive],
    ["host tasks", e.hostTasks[A]! + e.hostTasks[B]!],
    ["SAP payloads of no finished conversation", e.sapLegsNotVerified],
  ];
  for (const [what, n] of heldProblems) if (n > 0) problems.push(`${what} still held at the end: ${n}`);
  if (e.ledger > LEDGER_LIMIT) problems.push(`ledger ${e.ledger} over its cap ${LEDGER_LIMIT}`);
  const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);
  if (!same(e.sdkListeners, start.held.sdkListeners)) problems.push("SDK listener counts changed between start and end");
  if (!same(e.windowListeners, start.held.windowListeners)) problems.push("window listener counts changed between start and end");
  const dropped = Object.values(e.droppedMessages.widget).concat(Object.values(e.droppedMessages.mashup)).reduce((a, b) => a + b, 0);
  if (dropped > 0) problems.push(`${dropped} dropped channel messages`);
  if (bus.listenerErrors > 0) problems.push(`${bus.listenerErrors} listeners threw (last: ${String(bus.lastListenerError)})`);
  if ((notices.error ?? 0) + (notices.warn ?? 0) > 0) problems.push(`mashup notices: ${JSON.stringify(notices)}`);
  // With --heap-snapshots, a link lost while the snapshot froze the process is expected (see measure).
  const linkLoss = (t: string) => snapshotPauses > 0 && /link lost/.test(t);
  const realProblems = connectorProblems.filter((t) => !linkLoss(t));
  if (realProblems.length > 0) problems.push(`connector warnings/errors in the console: ${realProblems.length}`);

  const result = {
    date: new Date().toISOString(),
    node: process.version,
    command: `node --expose-gc --import tsx bench/soak.ts ${args.join(" ")}`.trim(),
    conversations: N,
    warmup: { conversations: WARMUP, seconds: Math.round(warmupSeconds * 10) / 10, mix: countsAtStart },
    concurrency: CONCURRENCY,
    endAckGraceMs: GRACE_MS,
    mix: counts,
    seconds: Math.round(seconds * 10) / 10,
    totalSeconds: Math.round((Date.now() - tw) / 100) / 10,
    conversationsPerSecond: Math.round((N / seconds) * 10) / 10,
    heapAfterGc: { start: startHeap, end: end.heapUsed, growth, growthMB: Math.round((growth / MB) * 100) / 100 },
    samples,
    start: start.held,
    end: end.held,
    sap: { ...sapStats, violationSamples, mismatches: mismatches.count, mismatchSamples: mismatches.samples },
    bus: { messages: bus.messages, batches: bus.batches, originMismatches: sapWin.originMismatches + mashupWin.originMismatches + desktopWin.originMismatches, listenerErrors: bus.listenerErrors },
    notices,
    noticeTexts,
    ledgerStore: { ...storeStats, writesPerConversation: Math.round((storeStats.writes / (N + WARMUP)) * 10) / 10, lastKB: Math.round(storeStats.lastChars / 102.4) / 10 },
    consoleLines,
    consoleErrors,
    connectorProblems,
    target: { heapGrowthBytes: TARGET_BYTES, met: growth < TARGET_BYTES },
    problems,
    passed: problems.length === 0,
  };
  mkdirSync(join(here, "results"), { recursive: true });
  writeFileSync(join(here, "results/soak.json"), JSON.stringify(result, null, 2) + "\n");

  const mix = (c: Record<string, number>) => Object.entries(c).map(([k, v]) => `${v} ${k}`).join(", ");
  out(`Soak: ${N} conversations after ${WARMUP} warm-up in ${result.seconds} s (${result.conversationsPerSecond}/s; ${result.totalSeconds} s with warm-up and samples), ${CONCURRENCY} in flight, END-ack grace ${GRACE_MS} ms, ${process.version}`);
  out(`  mix: ${mix(counts)}`);
  out(`  heap after GC: start ${mb(startHeap)}, end ${mb(end.heapUsed)}, growth ${mb(growth)} (target < 2 MB: ${result.target.met ? "met" : "NOT met"})`);
  out(`  heap after GC by conversations: ${samples.map((s) => `${s.conversations}: ${mb(s.heapUsed)} (${s.growth >= 0 ? "+" : ""}${(s.growth / MB).toFixed(2)})`).join(", ")}`);
  out(`  SAP: ${sapStats.payloads} payloads ${JSON.stringify(sapStats.formats)}, ${sapStats.violations} contract violations, ${mismatches.count} differing from the expected payloads`);
  out(`  channel: ${bus.messages} messages in ${bus.batches} batches; dropped ${JSON.stringify(e.droppedMessages)}`);
  const sdkL = Object.values(e.sdkListeners);
  out(`  listeners at end (start): windows ${JSON.stringify(e.windowListeners)} (${same(e.windowListeners, start.held.windowListeners) ? "same" : JSON.stringify(start.held.windowListeners)}); SDK ${sdkL.length} signals with ${Math.min(...sdkL)}–${Math.max(...sdkL)} listener each (${same(e.sdkListeners, start.held.sdkListeners) ? "same" : "CHANGED"})`);
  out(`  held at end: tracker legs ${e.trackerLegs} (open ${e.trackerOpenLegs}), widget outbox ${e.widgetOutbox}, widget maps ${JSON.stringify(e.widgetMaps)}, mashup legs ${e.mashupLegs}, deferred acks ${e.mashupDeferredAcks}, waiting messages ${e.mashupHeldMessages}, ledger ${e.ledger}/${LEDGER_LIMIT}, DialBook ${e.dialBook}, simulation live ${e.contactCenterLive}, host tasks ${e.hostTasks[A]! + e.hostTasks[B]!}, log rings ${JSON.stringify(e.logRingLines)}`);
  out(`  SDK's own log buffer (sessionStorage, capped by the SDK at 1024 KB): ${start.held.sdkLogStorageKB} KB → ${e.sdkLogStorageKB} KB`);
  out(`  held at start: ${JSON.stringify(start.held)}`);
  out(`  held at end:   ${JSON.stringify(e)}`);
  out(`  activity ledger: ${storeStats.writes} writes to the mashup's storage (${(storeStats.writes / (N + WARMUP)).toFixed(1)} per conversation), each the whole ledger as JSON: last ${(storeStats.lastChars / 1024).toFixed(0)} KB`);
  out(`  console lines (SDK and connector, silenced): ${JSON.stringify(consoleLines)}`);
  for (const s of violationSamples.slice(0, 5)) out(`  violation: ${s}`);
  for (const s of mismatches.samples.slice(0, 5)) out(`  mismatch: ${s}`);
  for (const s of noticeTexts.slice(0, 5)) out(`  notice: ${s}`);
  for (const s of connectorProblems.slice(0, 5)) out(`  console: ${s}`);
  for (const s of consoleErrors.slice(0, 3)) out(`  console.error: ${s}`);
  out(problems.length === 0 ? "PASS" : `FAIL: ${problems.join("; ")}`);
  out("Wrote bench/results/soak.json");
  process.exitCode = problems.length === 0 ? 0 : 1;
  // The SDK keeps timers of its own; the verdict is in.
  setImmediate(() => process.exit(process.exitCode ?? 0));
}

main().catch((e: unknown) => {
  process.stderr.write(`soak failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exit(1);
});
