/** The channel's message schemas (contract §7): what parses, what is refused, and why. */
import { PROTOCOL, PROTOCOL_VERSION, looksLikeOurs, message, parseMessage, type Leg } from "../../channel/protocol";
import { Log } from "../../channel/log";
import { post, receive } from "../../channel/receive";

const leg: Leg = {
  interactionId: "0ae913a4-c857-4705-8d49-000000000001",
  agentId: "agent-1",
  media: "telephony",
  channel: "telephony",
  direction: "INBOUND",
  role: "main",
  phase: "offered",
  held: false,
  customer: { ani: "+14155550100" },
  dnis: "+18005550100",
  cad: { Account: "42" },
  offeredAt: 1700000000000,
};
const agent = { agentId: "agent-1", status: "idle" as const, idleCode: { id: "b", name: "Break" }, idleCodes: [{ id: "b", name: "Break" }], outdialEnabled: true };

const valid = [
  message({ t: "hello", role: "widget", instance: "w1" }),
  message({ t: "hello", role: "mashup", instance: "m1" }),
  message({ t: "welcome", instance: "m1", widgetInstance: "w1" }),
  message({ t: "snapshot", instance: "w1", agent, legs: [{ leg, acked: "offered" }], complete: true, selectedInteractionId: leg.interactionId }),
  message({ t: "event", instance: "w1", seq: 1, body: { kind: "leg", leg } }),
  message({ t: "event", instance: "w1", seq: 2, body: { kind: "agent", agent } }),
  message({ t: "event", instance: "w1", seq: 3, body: { kind: "select", interactionId: leg.interactionId } }),
  message({ t: "event", instance: "w1", seq: 4, body: { kind: "outdial-failed", reason: "Invalid number (1008)" } }),
  message({ t: "ack", instance: "m1", seq: 4 }),
  message({ t: "command", instance: "m1", id: "c1", command: { kind: "dial", destination: "+16503054000" } }),
  message({ t: "command", instance: "m1", id: "c2", command: { kind: "set-state", state: "idle", idleCodeId: "b" } }),
  message({ t: "command", instance: "m1", id: "c3", command: { kind: "sign-out", reason: "end of shift" } }),
  message({ t: "result", instance: "w1", id: "c1", ok: false, error: "Outdial is not enabled" }),
  message({ t: "ping", instance: "w1" }),
];

test("message() stamps protocol and version", () => {
  expect(message({ t: "ping", instance: "x" })).toEqual({ p: PROTOCOL, v: PROTOCOL_VERSION, t: "ping", instance: "x" });
  expect(PROTOCOL).toBe("wxcc-sap");
  expect(PROTOCOL_VERSION).toBe(1);
});

test.each(valid.map((m) => [`${m.t}${"body" in m ? " " + m.body.kind : ""}${"command" in m ? " " + m.command.kind : ""}`, m]))("%s parses back to itself", (_n, m) => {
  // Through JSON, as a structured clone would carry it.
  expect(parseMessage(JSON.parse(JSON.stringify(m)))).toEqual({ ok: true, message: m });
});

test("unknown extra keys are stripped, not passed on", () => {
  const r = parseMessage({ ...message({ t: "ping", instance: "w1" }), extra: "x", __proto__: { evil: 1 } });
  expect(r).toEqual({ ok: true, message: { p: PROTOCOL, v: 1, t: "ping", instance: "w1" } });
});

test.each<[string, unknown, string]>([
  ["other version", { ...message({ t: "ping", instance: "w" }), v: 2 }, "v: "],
  ["unknown type", { p: PROTOCOL, v: 1, t: "bogus", instance: "w" }, "t: "],
  ["seq as string", { ...message({ t: "ack", instance: "m", seq: 1 }), seq: "1" }, "seq: "],
  ["seq 0", { ...message({ t: "ack", instance: "m", seq: 1 }), seq: 0 }, "seq: "],
  ["leg media", message({ t: "event", instance: "w", seq: 1, body: { kind: "leg", leg: { ...leg, media: "fax" as never } } }), "body.leg.media: "],
  ["dial not E.164", message({ t: "command", instance: "m", id: "c", command: { kind: "dial", destination: "06503054000" } }), "command.destination: "],
  ["dial with leading zero country", message({ t: "command", instance: "m", id: "c", command: { kind: "dial", destination: "+06503054000" } }), "command.destination: "],
  ["dial too long", message({ t: "command", instance: "m", id: "c", command: { kind: "dial", destination: "+1234567890123456" } }), "command.destination: "],
  ["too many idle codes", message({ t: "event", instance: "w", seq: 1, body: { kind: "agent", agent: { ...agent, idleCodes: Array(501).fill({ id: "x", name: "x" }) } } }), "body.agent.idleCodes: "],
  ["too many snapshot legs", message({ t: "snapshot", instance: "w", agent, legs: Array(1001).fill({ leg, acked: "none" }), complete: true }), "legs: "],
  ["negative time", message({ t: "event", instance: "w", seq: 1, body: { kind: "leg", leg: { ...leg, offeredAt: -1 } } }), "body.leg.offeredAt: "],
  ["infinite time", message({ t: "event", instance: "w", seq: 1, body: { kind: "leg", leg: { ...leg, offeredAt: Infinity } } }), "body.leg.offeredAt: "],
])("%s is refused with a reason naming the field", (_n, data, path) => {
  const r = parseMessage(data);
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.reason.startsWith(path)).toBe(true);
});

test.each([null, undefined, 0, "wxcc-sap", [], {}, { p: "other" }, { t: "hello" }])("looksLikeOurs(%j) is false", (x) => {
  expect(looksLikeOurs(x)).toBe(false);
});
test("looksLikeOurs is true for any version of ours", () => {
  expect(looksLikeOurs({ p: PROTOCOL })).toBe(true);
  expect(looksLikeOurs({ p: PROTOCOL, v: 99 })).toBe(true);
});

describe("receive (the gate) and post", () => {
  const ok = { data: message({ t: "ping", instance: "w1" }), origin: "https://a.example.com", source: null };
  test("our message from an allowed origin passes; others' traffic is ignored without counting", () => {
    const log = new Log("t", false);
    expect(receive(ok, ["https://a.example.com"], log)?.message).toEqual(ok.data);
    expect(receive({ ...ok, data: { PhoneNumber: "+1" } }, ["https://a.example.com"], log)).toBeUndefined();
    expect(log.droppedTotal()).toBe(0);
  });
  test("wrong origin (even a look-alike) and malformed are dropped and counted by reason", () => {
    const log = new Log("t", false);
    expect(receive({ ...ok, origin: "https://a.example.com.evil.com" }, ["https://a.example.com"], log)).toBeUndefined();
    expect(receive({ ...ok, origin: "https://A.example.com" }, ["https://a.example.com"], log)).toBeUndefined();
    expect(receive({ ...ok, origin: "null" }, ["https://a.example.com"], log)).toBeUndefined();
    expect(receive({ ...ok, data: { ...ok.data, v: 2 } }, ["https://a.example.com"], log)).toBeUndefined();
    expect(Object.fromEntries(log.dropped)).toEqual({ origin: 3, malformed: 1 });
  });
  test("events whose data cannot be read or inspected are dropped, never thrown", () => {
    const log = new Log("t", false);
    const unreadable = Object.defineProperty({ origin: "https://a.example.com", source: null }, "data", {
      get() {
        throw new Error("SecurityError");
      },
    }) as unknown as MessageEvent;
    expect(receive(unreadable, ["https://a.example.com"], log)).toBeUndefined();
    const trap = new Proxy({}, { get: () => { throw new Error("trap"); } });
    expect(receive({ ...ok, data: trap }, ["https://a.example.com"], log)).toBeUndefined();
    const half = new Proxy({ p: PROTOCOL }, { get: (t, k) => { if (k === "p") return PROTOCOL; throw new Error("trap"); } });
    expect(receive({ ...ok, data: half }, ["https://a.example.com"], log)).toBeUndefined();
    expect(Object.fromEntries(log.dropped)).toEqual({ unreadable: 1, malformed: 1 });
  });
  test("post refuses '*' and missing targets, and swallows a closed window's error", () => {
    const log = new Log("t", false);
    const calls: string[] = [];
    const target = { postMessage: (_m: unknown, o: string) => void calls.push(o) } as unknown as Window;
    expect(post(target, ok.data, "*", log)).toBe(false);
    expect(post(null, ok.data, "https://a.example.com", log)).toBe(false);
    expect(post(target, ok.data, "https://a.example.com", log)).toBe(true);
    expect(calls).toEqual(["https://a.example.com"]);
    const closed = { postMessage: () => { throw new Error("closed"); } } as unknown as Window;
    expect(post(closed, ok.data, "https://a.example.com", log)).toBe(false);
  });
});
