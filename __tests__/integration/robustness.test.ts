/**
 * Contract §7 robustness, both directions (issue 2 "Done when"): whatever reaches the widget's or
 * the mashup's window from a wrong origin, malformed, unknown, from a peer that was not welcomed,
 * or replayed, is dropped or refused and counted, and no exception ever escapes a message listener
 * into the host page. The real SDK and the real chain run underneath.
 */
import { Harness, DESKTOP_ORIGIN, MASHUP_ORIGIN, SAP_ORIGIN, type AgentChain, actions } from "../support/harness";
import { BusWindow } from "../support/window-bus";
import { PROTOCOL, PROTOCOL_VERSION, type Leg } from "../../channel/protocol";

const act = actions;

let h: Harness;
beforeEach(() => (h = Harness.quiet(["info", "warn", "error"])));
afterEach(() => h.close());

const head = { p: PROTOCOL, v: PROTOCOL_VERSION };

function leg(over: Partial<Leg> = {}): Leg {
  return {
    interactionId: "0ae913a4-c857-4705-8d49-00000000abcd",
    agentId: "agent-1-0000-4000-8000-000000000000",
    media: "telephony",
    channel: "telephony",
    direction: "INBOUND",
    role: "main",
    phase: "offered",
    held: false,
    customer: { ani: "+14155550100" },
    cad: {},
    offeredAt: 1,
    ...over,
  };
}

/**
 * Calls every message listener of `target` synchronously, as the browser would, with an event
 * from `from`; returns what they threw (nothing, if the code under test is right).
 */
function dispatch(target: BusWindow, from: BusWindow | null, event: Partial<MessageEvent> | Record<string, unknown>): unknown[] {
  const thrown: unknown[] = [];
  // Descriptors, not values: an event whose `data` getter throws must reach the listeners as is.
  const e = Object.defineProperties({ origin: from?.origin ?? "null", source: from ? from.ref(target) : null }, Object.getOwnPropertyDescriptors(event)) as unknown as MessageEvent;
  for (const fn of [...target.listeners]) {
    try {
      fn(e);
    } catch (err) {
      thrown.push(err);
    }
  }
  return thrown;
}

function send(target: BusWindow, from: BusWindow, data: unknown): unknown[] {
  return dispatch(target, from, { data });
}

/** Liveness pings run on timers and may fall into any test's window. */
function notPings(received: { data: unknown }[]): unknown[] {
  return received.filter((r) => (r.data as { t?: unknown }).t !== "ping");
}

function startOutdials(a: AgentChain): number {
  return a.host.requests.filter((r) => r.method === "aqm.dialer.startOutdial").length;
}

/** Messages that are "ours" (right protocol tag) but must not parse. */
function malformed(instance: string, legOk: Leg): [string, unknown][] {
  const ev = (body: unknown, extra: Record<string, unknown> = {}) => ({ ...head, t: "event", instance, seq: 9001, body, ...extra });
  const idle = { id: "x", name: "x" };
  const agent = { status: "available", idleCodes: [], outdialEnabled: true };
  return [
    ["wrong protocol version", { ...ev({ kind: "leg", leg: legOk }), v: 2 }],
    ["version as a string", { ...ev({ kind: "leg", leg: legOk }), v: "1" }],
    ["unknown message type", { ...head, t: "bogus", instance }],
    ["no type", { ...head, instance }],
    ["missing instance", { ...head, t: "event", seq: 9001, body: { kind: "leg", leg: legOk } }],
    ["missing seq", { ...head, t: "event", instance, body: { kind: "leg", leg: legOk } }],
    ["seq as a string", ev({ kind: "leg", leg: legOk }, { seq: "9001" })],
    ["seq zero", ev({ kind: "leg", leg: legOk }, { seq: 0 })],
    ["fractional seq", ev({ kind: "leg", leg: legOk }, { seq: 1.5 })],
    ["seq NaN", ev({ kind: "leg", leg: legOk }, { seq: Number.NaN })],
    ["empty instance", ev({ kind: "leg", leg: legOk }, { instance: "" })],
    ["overlong instance", ev({ kind: "leg", leg: legOk }, { instance: "x".repeat(201) })],
    ["unknown body kind", ev({ kind: "teleport" })],
    ["leg with unknown media", ev({ kind: "leg", leg: { ...legOk, media: "fax" } })],
    ["leg with phase as a number", ev({ kind: "leg", leg: { ...legOk, phase: 2 } })],
    ["leg without customer", ev({ kind: "leg", leg: { ...legOk, customer: undefined } })],
    ["leg with an object as ANI", ev({ kind: "leg", leg: { ...legOk, customer: { ani: { toString: "+1" } } } })],
    ["cad value not a string", ev({ kind: "leg", leg: { ...legOk, cad: { a: 1 } } })],
    ["overlong cad value", ev({ kind: "leg", leg: { ...legOk, cad: { a: "x".repeat(1025) } } })],
    ["body is an array", ev([{ kind: "leg", leg: legOk }])],
    ["huge snapshot (legs)", { ...head, t: "snapshot", instance, agent, complete: true, legs: Array.from({ length: 1001 }, () => ({ leg: legOk, acked: "none" })) }],
    ["huge idle code list", ev({ kind: "agent", agent: { ...agent, idleCodes: Array.from({ length: 501 }, () => idle) } })],
    ["dial command with a non-E.164 number", { ...head, t: "command", instance, id: "c1", command: { kind: "dial", destination: "650 305 4000" } }],
    ["dial command with a huge destination", { ...head, t: "command", instance, id: "c1", command: { kind: "dial", destination: "+1".padEnd(100_000, "0") } }],
    ["ack with a negative seq", { ...head, t: "ack", instance, seq: -1 }],
    ["null body", ev(null)],
  ];
}

describe("to the mashup's window (widget → mashup)", () => {
  test("a valid-looking event from a wrong origin is dropped and counted; SAP gets nothing", async () => {
    const a = await h.agent();
    const evil = h.bus.window("https://evil.example.com");
    const before = a.mashup.log.dropped.get("origin") ?? 0;
    const msg = { ...head, t: "event", instance: a.widget.link.instance, seq: 9001, body: { kind: "leg", leg: leg({ agentId: a.agentId }) } };
    expect(send(a.mashupWin, evil, msg)).toEqual([]);
    // The same through the bus, as a browser would deliver it.
    a.mashupWin.receiveFrom(evil, msg);
    await h.settle();
    expect(a.mashup.log.dropped.get("origin")).toBe(before + 2);
    expect(a.sap.payloads).toEqual([]);
    // Nothing was acknowledged to anyone.
    expect(evil.received).toEqual([]);
  });

  describe("malformed messages from the linked widget's window", () => {
    // One chain for all cases: each case must leave it untouched anyway.
    const shared = new Harness();
    let a: AgentChain;
    beforeAll(async () => {
      a = await shared.agent();
    });
    afterAll(() => shared.close());
    test.each(malformed("WIDGET", leg()))("%s → dropped as malformed, nothing posted to SAP", async (_name, data) => {
    const instance = a.widget.link.instance;
    const fix = (d: unknown) => JSON.parse(JSON.stringify(d).split('"WIDGET"').join(JSON.stringify(instance)).split("agent-1-0000-4000-8000-000000000000").join(a.agentId)) as unknown;
    const before = a.mashup.log.dropped.get("malformed") ?? 0;
    const acksBefore = a.desktopWin.received.length;
    expect(send(a.mashupWin, a.desktopWin, fix(data))).toEqual([]);
    await shared.settle();
    expect(a.mashup.log.dropped.get("malformed")).toBe(before + 1);
    expect(a.sap.payloads).toEqual([]);
    expect(notPings(a.desktopWin.received.slice(acksBefore))).toEqual([]);
    expect(a.mashup.link.linked).toBe(true);
    });
  });

  test("prototype-pollution keys neither pollute nor get through", async () => {
    const a = await h.agent();
    const instance = a.widget.link.instance;
    const raw = `{"p":"wxcc-sap","v":1,"t":"event","instance":${JSON.stringify(instance)},"seq":9001,"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},
      "body":{"kind":"leg","leg":${JSON.stringify(leg({ agentId: a.agentId }))
        .replace('"cad":{}', '"cad":{"__proto__":{"polluted":"yes"},"constructor":"x","prototype":"y","Account":"42"}')}}}`;
    expect(send(a.mashupWin, a.desktopWin, JSON.parse(raw))).toEqual([]);
    await h.settle();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    // The leg itself was fine: it is handled once, with only the harmless CAD key kept.
    const seen = a.mashup.sync.legs.get(leg().interactionId);
    expect(seen?.cad).toEqual({ Account: "42" });
    expect(Object.getPrototypeOf(seen?.cad)).toBe(Object.prototype);
    expect(a.sap.summary).toEqual(["CALL INBOUND NOTIFY"]);
    // A message whose own prototype is replaced is refused outright.
    const proto = JSON.parse(`{"__proto__":{"p":"wxcc-sap","v":1,"t":"ping","instance":${JSON.stringify(instance)}}}`) as unknown;
    const before = a.mashup.log.droppedTotal();
    expect(send(a.mashupWin, a.desktopWin, proto)).toEqual([]);
    expect(a.mashup.log.droppedTotal()).toBe(before);
  });

  test("events from a widget instance that was never welcomed are dropped, counted, and answered with a hello", async () => {
    const a = await h.agent();
    // Same origin as the desktop, but another window (another tab's widget) and another instance.
    const stranger = h.bus.window(DESKTOP_ORIGIN);
    const before = a.mashup.log.dropped.get("unlinked") ?? 0;
    const ev = { ...head, t: "event", instance: "stranger-instance", seq: 1, body: { kind: "leg", leg: leg({ agentId: a.agentId }) } };
    expect(send(a.mashupWin, stranger, ev)).toEqual([]);
    // The linked widget's window with a wrong instance id, and the right instance id from the wrong window.
    expect(send(a.mashupWin, a.desktopWin, { ...ev, instance: "old-widget-instance" })).toEqual([]);
    expect(send(a.mashupWin, stranger, { ...ev, instance: a.widget.link.instance })).toEqual([]);
    await h.settle();
    expect(a.mashup.log.dropped.get("unlinked")).toBe(before + 3);
    expect(a.sap.payloads).toEqual([]);
    expect(stranger.received.map((r) => (r.data as { t: string }).t)).toEqual(["hello", "hello"]);
    expect(a.mashup.link.linked).toBe(true);
  });

  test("a replayed event is handled once and acknowledged every time", async () => {
    const a = await h.agent();
    const instance = a.widget.link.instance;
    const ev = { ...head, t: "event", instance, seq: 9001, body: { kind: "leg", leg: leg({ agentId: a.agentId }) } };
    const acksBefore = a.desktopWin.received.filter((r) => (r.data as { t: string }).t === "ack").length;
    for (let i = 0; i < 3; i++) expect(send(a.mashupWin, a.desktopWin, ev)).toEqual([]);
    await h.settle();
    expect(a.sap.summary).toEqual(["CALL INBOUND NOTIFY"]);
    const acks = a.desktopWin.received.filter((r) => (r.data as { t: string }).t === "ack").slice(acksBefore);
    expect(acks.map((r) => r.data)).toEqual([1, 2, 3].map(() => ({ ...head, t: "ack", instance: a.mashup.link.instance, seq: 9001 })));
    expect(acks.every((r) => r.origin === MASHUP_ORIGIN)).toBe(true);
  });

  test("a result for a command never sent is dropped as stale", async () => {
    const a = await h.agent();
    const before = a.mashup.log.dropped.get("stale") ?? 0;
    expect(send(a.mashupWin, a.desktopWin, { ...head, t: "result", instance: a.widget.link.instance, id: "c999", ok: true })).toEqual([]);
    expect(a.mashup.log.dropped.get("stale")).toBe(before + 1);
  });

  test("hostile events (unreadable data, null source, non-objects) never throw out of any listener", async () => {
    const a = await h.agent();
    const unreadable = Object.defineProperty({ origin: DESKTOP_ORIGIN, source: a.desktopWin.ref(a.mashupWin) }, "data", {
      get() {
        throw new Error("SecurityError");
      },
    });
    const unreadableBefore = a.mashup.log.dropped.get("unreadable") ?? 0;
    expect(dispatch(a.mashupWin, a.desktopWin, unreadable)).toEqual([]);
    expect(a.mashup.log.dropped.get("unreadable")).toBe(unreadableBefore + 1);
    for (const data of [null, undefined, 0, "", "wxcc-sap", [], [head], Symbol.iterator, () => 1, new Proxy({}, { get: () => { throw new Error("trap"); }, has: () => { throw new Error("trap"); } })]) {
      expect(dispatch(a.mashupWin, a.desktopWin, { data })).toEqual([]);
      expect(dispatch(a.mashupWin, null, { data, origin: DESKTOP_ORIGIN, source: null })).toEqual([]);
    }
    // A valid message without a source window (cannot be answered) is ignored.
    expect(dispatch(a.mashupWin, null, { data: { ...head, t: "hello", role: "widget", instance: "x" }, origin: DESKTOP_ORIGIN, source: null })).toEqual([]);
    await h.settle();
    expect(a.sap.payloads).toEqual([]);
    expect(a.mashup.link.linked).toBe(true);
  });

  test("SAP-side noise (click-to-dial look-alikes from SAP's origin with wrong shapes) is refused visibly, never thrown", async () => {
    const a = await h.agent();
    const trap = new Proxy({}, { get: () => { throw new Error("trap"); }, has: () => { throw new Error("trap"); } });
    for (const data of [{ PhoneNumber: null }, { PhoneNumber: ["+16503054000"] }, { PhoneNumber: "+16503054000", ActivityUUID: 7 }, trap, "PhoneNumber=+16503054000"]) {
      expect(send(a.mashupWin, a.sapWin, data)).toEqual([]);
    }
    await h.settle();
    expect(startOutdials(a)).toBe(0);
    const unreadable = "SAP sent a click-to-dial request that cannot be read, so nothing was dialled. Click the number again; if this keeps happening, tell your SAP administrator.";
    expect(a.notices.map((n) => n.text)).toEqual([unreadable, unreadable, unreadable]);
    // The same refusal three times is one notice in the stack, not three.
    expect(a.mashup.notices.items.map((r) => r.notice.text)).toEqual([unreadable]);
    // A __proto__ key beside a valid number is harmless: the number is dialled, nothing is polluted.
    expect(send(a.mashupWin, a.sapWin, JSON.parse('{"PhoneNumber":"+16503054000","__proto__":{"polluted":1}}'))).toEqual([]);
    await h.settle();
    expect(startOutdials(a)).toBe(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("to the widget's window (mashup → widget)", () => {
  test("a dial command from a wrong origin is dropped and counted; nothing is dialled", async () => {
    const a = await h.agent();
    const evil = h.bus.window("https://evil.example.com");
    const before = a.widget.log.dropped.get("origin") ?? 0;
    const cmd = { ...head, t: "command", instance: a.mashup.link.instance, id: "c1", command: { kind: "dial", destination: "+16503054000" } };
    expect(send(a.desktopWin, evil, cmd)).toEqual([]);
    // SAP's own origin is not the mashup's either.
    expect(send(a.desktopWin, a.sapWin, cmd)).toEqual([]);
    await h.settle();
    expect(a.widget.log.dropped.get("origin")).toBe(before + 2);
    expect(startOutdials(a)).toBe(0);
    expect(evil.received).toEqual([]);
  });

  describe("malformed messages from the linked mashup's window", () => {
    const shared = new Harness();
    let a: AgentChain;
    beforeAll(async () => {
      a = await shared.agent();
    });
    afterAll(() => shared.close());
    test.each(malformed("MASHUP", leg()))("%s → dropped as malformed, nothing done", async (_name, data) => {
    const fix = (d: unknown) => JSON.parse(JSON.stringify(d).split('"MASHUP"').join(JSON.stringify(a.mashup.link.instance))) as unknown;
    const before = a.widget.log.dropped.get("malformed") ?? 0;
    const sent = a.mashupWin.received.length;
    expect(send(a.desktopWin, a.mashupWin, fix(data))).toEqual([]);
    await shared.settle();
    expect(a.widget.log.dropped.get("malformed")).toBe(before + 1);
    expect(startOutdials(a)).toBe(0);
    expect(notPings(a.mashupWin.received.slice(sent))).toEqual([]);
    expect(a.widget.link.linked).toBe(true);
    });
  });

  test("a command from a mashup instance that was never welcomed is not run; the widget says hello instead", async () => {
    const a = await h.agent();
    const stranger = h.bus.window(MASHUP_ORIGIN);
    const before = a.widget.log.dropped.get("unlinked") ?? 0;
    const cmd = { ...head, t: "command", instance: "stranger", id: "c1", command: { kind: "dial", destination: "+16503054000" } };
    expect(send(a.desktopWin, stranger, cmd)).toEqual([]);
    expect(send(a.desktopWin, a.mashupWin, cmd)).toEqual([]);
    await h.settle();
    expect(startOutdials(a)).toBe(0);
    expect(a.widget.log.dropped.get("unlinked")).toBe(before + 2);
    expect(stranger.received.map((r) => (r.data as { t: string; role: string }).t)).toEqual(["hello"]);
  });

  test("a welcome meant for another widget instance is dropped as stale", async () => {
    const a = await h.agent();
    const before = a.widget.log.dropped.get("stale") ?? 0;
    expect(send(a.desktopWin, a.mashupWin, { ...head, t: "welcome", instance: "other-mashup", widgetInstance: "someone-else" })).toEqual([]);
    expect(a.widget.log.dropped.get("stale")).toBe(before + 1);
    expect(a.widget.link.linked).toBe(true);
  });

  test("acks for unknown or already acknowledged seqs change nothing and are counted", async () => {
    const a = await h.agent();
    expect(a.widget.link.pending).toBe(0);
    const before = a.widget.log.dropped.get("stale") ?? 0;
    const ack = (seq: number) => ({ ...head, t: "ack", instance: a.mashup.link.instance, seq });
    // 1 was acknowledged during the handshake already; 424242 was never sent.
    expect(send(a.desktopWin, a.mashupWin, ack(1))).toEqual([]);
    expect(send(a.desktopWin, a.mashupWin, ack(424242))).toEqual([]);
    expect(a.widget.log.dropped.get("stale")).toBe(before + 2);
    expect(a.widget.link.pending).toBe(0);
    // The link still works: a call afterwards reaches SAP normally.
    h.cc.inbound({ from: "+14155550100", to: a.agentId });
    await h.settle();
    expect(a.sap.summary).toEqual(["CALL INBOUND NOTIFY"]);
  });

  test("hostile events never throw out of the widget's listener", async () => {
    const a = await h.agent();
    const unreadable = Object.defineProperty({ origin: MASHUP_ORIGIN, source: a.mashupWin.ref(a.desktopWin) }, "data", {
      get() {
        throw new Error("SecurityError");
      },
    });
    expect(dispatch(a.desktopWin, a.mashupWin, unreadable)).toEqual([]);
    for (const data of [null, undefined, 0, "x", [], () => 1, new Proxy({}, { get: () => { throw new Error("trap"); } })]) {
      expect(dispatch(a.desktopWin, a.mashupWin, { data })).toEqual([]);
      expect(dispatch(a.desktopWin, null, { data, origin: MASHUP_ORIGIN, source: null })).toEqual([]);
    }
    expect(a.widget.link.linked).toBe(true);
    expect(a.widget.log.dropped.get("unreadable")).toBe(1);
  });
});

describe("exact target origins", () => {
  test("every message the widget and the mashup post names an exact, configured origin, never '*'", async () => {
    const targets: string[] = [];
    const deliver = BusWindow.prototype.deliver;
    jest.spyOn(BusWindow.prototype, "deliver").mockImplementation(function (this: BusWindow, data, targetOrigin, from) {
      targets.push(`${from.origin} → ${targetOrigin}`);
      return deliver.call(this, data, targetOrigin, from);
    });
    const a = await h.agent();
    const id = h.cc.inbound({ from: "+14155550100", to: a.agentId });
    await h.settle();
    await act(a).accept({ interactionId: id });
    await h.settle();
    await act(a).end({ interactionId: id });
    await h.settle();
    h.startMashup(a); // a mashup reload: new handshake, snapshot, replay
    await h.settle();
    const sentBySap = targets.length;
    a.mashupWin.receiveFrom(a.sapWin, { PhoneNumber: "+1 650 305 4000" });
    await h.settle();
    expect(targets.length).toBeGreaterThan(sentBySap);
    expect(startOutdials(a)).toBe(1);

    const ours = targets.filter((t) => !t.startsWith(SAP_ORIGIN));
    expect(ours.length).toBeGreaterThan(10);
    expect(new Set(ours)).toEqual(
      new Set([
        // The widget says hello to every candidate window, always with the mashup's exact origin.
        `${DESKTOP_ORIGIN} → ${MASHUP_ORIGIN}`,
        `${MASHUP_ORIGIN} → ${DESKTOP_ORIGIN}`,
        `${MASHUP_ORIGIN} → ${SAP_ORIGIN}`,
      ]),
    );
    expect(targets.some((t) => t.endsWith("*"))).toBe(false);
    expect(a.sap.payloads.length).toBeGreaterThan(0);
  });

  test("the bus itself refuses '*', so a regression cannot pass silently", () => {
    const bus = h.bus;
    const w = bus.window(MASHUP_ORIGIN);
    const other = bus.window(SAP_ORIGIN);
    expect(() => w.ref(other).postMessage({}, "*")).toThrow(/forbidden/);
  });
});
