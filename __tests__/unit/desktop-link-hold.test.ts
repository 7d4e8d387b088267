/**
 * The mashup's channel holding messages (sap-mashup/desktop-link.ts): when the host cannot handle
 * a message yet (the phone parser chunk is loading), that message and every later one wait, in
 * order; none is acknowledged before it was handled; a replay of one already waiting is not
 * handled twice; the END acknowledgement grace and the page going away work as without a hold.
 */
import { Log } from "../../channel/log";
import { message, type EventBody, type Leg } from "../../channel/protocol";
import { DesktopLink, SEEN_WINDOW, type Inbound } from "../../sap-mashup/desktop-link";

const DESKTOP = "https://desktop.wxcc-us1.cisco.com";

class Win {
  readonly listeners = new Map<string, Set<(e: unknown) => void>>();
  readonly posts: { t: string; seq?: number }[] = [];
  addEventListener(type: string, fn: (e: unknown) => void): void {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)!.add(fn);
  }
  removeEventListener(type: string, fn: (e: unknown) => void): void {
    this.listeners.get(type)?.delete(fn);
  }
  postMessage(data: { t: string; seq?: number }): void {
    this.posts.push(data);
  }
  fire(type: string, e: unknown = {}): void {
    for (const fn of this.listeners.get(type) ?? []) fn(e);
  }
}

function leg(interactionId: string, phase: Leg["phase"]): Leg {
  return { interactionId, agentId: "a1", media: "telephony", channel: "telephony", direction: "INBOUND", role: "main", phase, held: false, customer: { ani: "+1 415 555 0100" }, cad: {}, offeredAt: 1 };
}

function setUp() {
  const mashup = new Win();
  const desktop = new Win();
  const handled: string[] = [];
  const retracted: string[] = [];
  let gate: { promise: Promise<void>; open(): void } | undefined;
  const hold = () => {
    let open = () => undefined as void;
    const promise = new Promise<void>((r) => (open = r));
    gate = { promise, open: () => { gate = undefined; open(); } };
  };
  const asked: string[] = [];
  const describe = (m: Inbound) => (m.t === "snapshot" ? "snapshot" : `${m.seq}:${m.body.kind === "leg" ? `${m.body.leg.interactionId} ${m.body.leg.phase}` : m.body.kind}`);
  const link = new DesktopLink(
    mashup as unknown as Window,
    [DESKTOP],
    {
      snapshot: () => void handled.push("snapshot"),
      event: (b: EventBody) => void handled.push(b.kind === "leg" ? `${b.leg.interactionId} ${b.leg.phase}` : b.kind),
      linkChanged: () => undefined,
      retract: (b) => void retracted.push(b.kind === "leg" ? b.leg.interactionId : b.kind),
      ready: (m) => {
        asked.push(describe(m));
        return gate?.promise;
      },
    },
    new Log("test mashup", false),
    Date.now,
    20,
  );
  link.start();
  const send = (data: object) => mashup.fire("message", { data: { p: "wxcc-sap", v: 1, ...data }, origin: DESKTOP, source: desktop });
  send({ t: "hello", role: "widget", instance: "w1" });
  const event = (seq: number, body: EventBody) => send({ t: "event", instance: "w1", seq, body });
  const acked = () => desktop.posts.filter((p) => p.t === "ack").map((p) => p.seq);
  return { link, mashup, desktop, handled, retracted, asked, hold, open: () => gate?.open(), event, send, acked };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

test("held in order, unacknowledged, behind the first message that has to wait; then handled and acknowledged in order", async () => {
  const t = setUp();
  t.hold();
  t.event(1, { kind: "leg", leg: leg("call", "offered") });
  t.event(2, { kind: "leg", leg: leg("chat", "offered") });
  t.send({ ...message({ t: "snapshot", instance: "w1", agent: { status: "available", idleCodes: [], outdialEnabled: true }, legs: [], complete: true }) });
  t.event(3, { kind: "agent", agent: { status: "available", idleCodes: [], outdialEnabled: true } });
  expect(t.handled).toEqual([]);
  expect(t.acked()).toEqual([]);
  expect(t.link.heldMessages).toBe(4);
  // Each arrival asks again about the first one (a chance to retry), never about those behind it.
  expect(t.asked).toEqual(["1:call offered", "1:call offered", "1:call offered", "1:call offered"]);

  t.open();
  await tick();
  expect(t.handled).toEqual(["call offered", "chat offered", "snapshot", "agent"]);
  expect(t.acked()).toEqual([1, 2, 3]);
  expect(t.link.heldMessages).toBe(0);
});

test("a replay of a message already waiting (the widget linked again) is handled once", async () => {
  const t = setUp();
  t.hold();
  t.event(1, { kind: "leg", leg: leg("call", "offered") });
  t.event(2, { kind: "leg", leg: leg("call", "connected") });
  t.event(1, { kind: "leg", leg: leg("call", "offered") });
  t.event(2, { kind: "leg", leg: leg("call", "connected") });
  expect(t.link.heldMessages).toBe(2);
  t.open();
  await tick();
  expect(t.handled).toEqual(["call offered", "call connected"]);
  expect(t.acked()).toEqual([1, 2]);
});

test("an END that waited still has its acknowledgement held back for the grace period", async () => {
  const t = setUp();
  t.hold();
  t.event(1, { kind: "leg", leg: leg("call", "ended") });
  t.open();
  await tick();
  expect(t.handled).toEqual(["call ended"]);
  expect(t.acked()).toEqual([]);
  expect(t.link.deferredAcks).toBe(1);
  await new Promise((r) => setTimeout(r, 40));
  expect(t.acked()).toEqual([1]);
});

test("the page going away while messages wait: none is handled or acknowledged, so the widget replays them all", async () => {
  const t = setUp();
  t.hold();
  t.event(1, { kind: "leg", leg: leg("call", "offered") });
  t.event(2, { kind: "leg", leg: leg("call", "ended") });
  t.mashup.fire("pagehide");
  t.link.stop();
  t.open();
  await tick();
  expect(t.handled).toEqual([]);
  expect(t.acked()).toEqual([]);
  expect(t.retracted).toEqual([]);
  expect(t.link.heldMessages).toBe(0);
});

test("frozen in the back-forward cache while messages wait: nothing is handled while hidden, all of it on pageshow", async () => {
  const t = setUp();
  t.hold();
  t.event(1, { kind: "leg", leg: leg("call", "offered") });
  t.mashup.fire("pagehide");
  t.open();
  await tick();
  expect(t.handled).toEqual([]);
  expect(t.acked()).toEqual([]);
  expect(t.link.heldMessages).toBe(1);
  t.mashup.fire("pageshow");
  expect(t.handled).toEqual(["call offered"]);
  expect(t.acked()).toEqual([1]);
});

test("with nothing to wait for, messages are handled at once, as before", () => {
  const t = setUp();
  t.event(1, { kind: "leg", leg: leg("call", "offered") });
  expect(t.handled).toEqual(["call offered"]);
  expect(t.acked()).toEqual([1]);
});

test("past SEEN_WINDOW events, a replay inside the window is still recognised, and one below it is acknowledged unhandled", () => {
  const t = setUp();
  const agent: EventBody = { kind: "agent", agent: { status: "available", idleCodes: [], outdialEnabled: true } };
  const last = SEEN_WINDOW + 50;
  for (let seq = 1; seq <= last; seq++) t.event(seq, agent);
  expect(t.handled).toHaveLength(last);
  t.event(last - SEEN_WINDOW + 1, agent); // the oldest still inside the window
  t.event(last - 1, agent);
  t.event(40, agent); // long gone from the window
  expect(t.handled).toHaveLength(last);
  expect(t.acked().slice(last)).toEqual([last - SEEN_WINDOW + 1, last - 1, 40]);
});
