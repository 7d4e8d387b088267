/** The channel's message schemas (contract §7): what parses, what is refused, and why. */
import fc from "fast-check";
import * as v from "valibot";
import {
  PROTOCOL,
  PROTOCOL_VERSION,
  ToWidgetSchema,
  looksLikeOurs,
  message,
  parseMessage,
  parseToMashup,
  parseToWidget,
  type Leg,
  type Message,
  type Parse,
} from "../../channel/protocol";
import { Log } from "../../channel/log";
import { post, receive } from "../../channel/receive";
import { RUNS, hostileValue, protocolish } from "../fuzz/support";

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

/** Each side parses only what its peer sends: the widget what the mashup sends, the mashup what the widget sends. */
const SENT_BY_MASHUP = ["welcome", "ack", "command"];
const gateFor = (t: string): Parse<Message> => (SENT_BY_MASHUP.includes(t) ? parseToWidget : parseToMashup);
const gateOf = (m: Message): Parse<Message> => (m.t === "hello" ? (m.role === "mashup" ? parseToWidget : parseToMashup) : gateFor(m.t));

test.each(valid.map((m) => [`${m.t}${"body" in m ? " " + m.body.kind : ""}${"command" in m ? " " + m.command.kind : ""}`, m]))("%s parses back to itself", (_n, m) => {
  // Through JSON, as a structured clone would carry it.
  expect(gateOf(m)(JSON.parse(JSON.stringify(m)))).toEqual({ ok: true, message: m });
});

test.each<[string, Parse<Message>]>([
  ["widget", parseToWidget],
  ["mashup", parseToMashup],
])("the %s parses hello (either role, so a wrong-side hello is counted as unexpected) and ping", (_side, parse) => {
  for (const m of [message({ t: "hello", role: "widget", instance: "w1" }), message({ t: "hello", role: "mashup", instance: "m1" }), message({ t: "ping", instance: "x" })]) {
    expect(parse(m)).toEqual({ ok: true, message: m });
  }
});

test.each(valid.filter((m) => m.t !== "hello" && m.t !== "ping").map((m) => [m.t, m]))("%s does not parse on the side that sends it", (_n, m) => {
  const r = (SENT_BY_MASHUP.includes(m.t) ? parseToMashup : parseToWidget)(m);
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.reason.startsWith("t: ")).toBe(true);
});

test.each<[string, Parse<Message>]>([
  ["widget", parseToWidget],
  ["mashup", parseToMashup],
])("unknown extra keys are stripped, not passed on (%s)", (_side, parse) => {
  const r = parse({ ...message({ t: "ping", instance: "w1" }), extra: "x", __proto__: { evil: 1 } });
  expect(r).toEqual({ ok: true, message: { p: PROTOCOL, v: 1, t: "ping", instance: "w1" } });
  const c = parse({ ...message({ t: "command", instance: "m1", id: "c1", command: { kind: "sign-out", reason: "x" } }), command: { kind: "sign-out", reason: "x", extra: 1 } });
  if (parse === parseToWidget) expect(c).toEqual({ ok: true, message: message({ t: "command", instance: "m1", id: "c1", command: { kind: "sign-out", reason: "x" } }) });
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
  const r = gateFor((data as { t: string }).t)(data);
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.reason.startsWith(path)).toBe(true);
});

describe("the widget's gate accepts exactly what ToWidgetSchema accepts", () => {
  /** What valibot makes of `data`: the output, or the field its first issue names ("" for none). */
  function bySchema(data: unknown): { ok: true; message: unknown } | { ok: false; path: string } {
    const r = v.safeParse(ToWidgetSchema, data);
    if (r.success) return { ok: true, message: r.output };
    return { ok: false, path: r.issues[0].path?.map((p) => String((p as { key?: unknown }).key)).join(".") ?? "" };
  }
  function byGate(data: unknown): { ok: true; message: unknown } | { ok: false; path: string } {
    const r = parseToWidget(data);
    if (r.ok) return r;
    return { ok: false, path: r.reason === "not an object" ? "" : r.reason.slice(0, r.reason.indexOf(": ")) };
  }
  const same = (data: unknown) => expect(byGate(data)).toStrictEqual(bySchema(data));

  const head = { p: PROTOCOL, v: PROTOCOL_VERSION };
  test.each<[string, unknown]>([
    ["hello from a mashup", { ...head, t: "hello", role: "mashup", instance: "m1" }],
    ["hello from a widget", { ...head, t: "hello", role: "widget", instance: "w1" }],
    ["hello with a bad role and instance", { ...head, t: "hello", role: "admin", instance: "" }],
    ["welcome", { ...head, t: "welcome", instance: "m1", widgetInstance: "w1" }],
    ["welcome without widgetInstance", { ...head, t: "welcome", instance: "m1" }],
    ["ack", { ...head, t: "ack", instance: "m1", seq: 7 }],
    ["ack seq NaN", { ...head, t: "ack", instance: "m1", seq: NaN }],
    ["ack seq Infinity", { ...head, t: "ack", instance: "m1", seq: Infinity }],
    ["ack seq 1.5", { ...head, t: "ack", instance: "m1", seq: 1.5 }],
    ["ping with an overlong instance", { ...head, t: "ping", instance: "x".repeat(201) }],
    ["ping with a 200-character instance", { ...head, t: "ping", instance: "x".repeat(200) }],
    ["wrong protocol, right type", { p: "other", v: 1, t: "ping", instance: "x" }],
    ["no version", { p: PROTOCOL, t: "ping", instance: "x" }],
    ["version 1 as a string", { ...head, v: "1", t: "ping", instance: "x" }],
    ["an array", [head]],
    ["null", null],
    ["a string", "wxcc-sap"],
    ["a message of the other direction", { ...head, t: "result", instance: "w1", id: "c1", ok: true }],
    ["type inherited, not own", Object.assign(Object.create({ t: "ping" }), { ...head, instance: "x" })],
    ["dial", { ...head, t: "command", instance: "m1", id: "c1", command: { kind: "dial", destination: "+16503054000" } }],
    ["dial, 36 characters", { ...head, t: "command", instance: "m1", id: "c1", command: { kind: "dial", destination: "+1".padEnd(37, "0") } }],
    ["dial, huge", { ...head, t: "command", instance: "m1", id: "c1", command: { kind: "dial", destination: "+1".padEnd(100_000, "0") } }],
    ["dial, destination a number", { ...head, t: "command", instance: "m1", id: "c1", command: { kind: "dial", destination: 16503054000 } }],
    ["set-state, no idle code", { ...head, t: "command", instance: "m1", id: "c1", command: { kind: "set-state", state: "available" } }],
    ["set-state, idle code undefined", { ...head, t: "command", instance: "m1", id: "c1", command: { kind: "set-state", state: "available", idleCodeId: undefined } }],
    ["set-state, idle code a number", { ...head, t: "command", instance: "m1", id: "c1", command: { kind: "set-state", state: "idle", idleCodeId: 5 } }],
    ["set-state, idle code 129 characters", { ...head, t: "command", instance: "m1", id: "c1", command: { kind: "set-state", state: "idle", idleCodeId: "x".repeat(129) } }],
    ["set-state, bad state and idle code", { ...head, t: "command", instance: "m1", id: "c1", command: { kind: "set-state", state: "busy", idleCodeId: 5 } }],
    ["sign-out, 256 characters", { ...head, t: "command", instance: "m1", id: "c1", command: { kind: "sign-out", reason: "r".repeat(256) } }],
    ["sign-out, 257 characters", { ...head, t: "command", instance: "m1", id: "c1", command: { kind: "sign-out", reason: "r".repeat(257) } }],
    ["unknown command", { ...head, t: "command", instance: "m1", id: "c1", command: { kind: "teleport" } }],
    ["command not an object", { ...head, t: "command", instance: "m1", id: "c1", command: "dial" }],
    ["command as an array", { ...head, t: "command", instance: "m1", id: "c1", command: [] }],
    ["command without id, bad instance", { ...head, t: "command", instance: 5, command: { kind: "sign-out", reason: "x" } }],
  ])("%s", (_n, data) => same(data));

  test("on random and hostile input", () => {
    const command = fc.oneof(
      fc.record({ kind: fc.constant("dial"), destination: fc.oneof(fc.constantFrom("+16503054000", "+06503054000", "+1".padEnd(37, "0")), fc.string({ maxLength: 40 })) }, { requiredKeys: ["kind"] }),
      fc.record({ kind: fc.constant("set-state"), state: fc.constantFrom("available", "idle", "busy"), idleCodeId: fc.oneof(fc.string({ maxLength: 130 }), hostileValue) }, { requiredKeys: ["kind"] }),
      fc.record({ kind: fc.constant("sign-out"), reason: fc.oneof(fc.string({ maxLength: 260 }), hostileValue) }, { requiredKeys: ["kind"] }),
      hostileValue,
    );
    const toWidget = fc.record(
      {
        p: fc.oneof({ weight: 9, arbitrary: fc.constant(PROTOCOL) }, { weight: 1, arbitrary: hostileValue }),
        v: fc.oneof({ weight: 9, arbitrary: fc.constant(PROTOCOL_VERSION) }, { weight: 1, arbitrary: hostileValue }),
        t: fc.oneof({ weight: 3, arbitrary: fc.constant("command") }, fc.constantFrom("hello", "welcome", "ack", "ping"), hostileValue),
        role: fc.constantFrom("widget", "mashup", "admin"),
        instance: fc.oneof({ weight: 4, arbitrary: fc.constant("m1") }, fc.string({ maxLength: 3 }), fc.constant("x".repeat(201)), hostileValue),
        widgetInstance: fc.oneof(fc.string({ maxLength: 3 }), hostileValue),
        seq: fc.oneof(fc.integer({ min: -2, max: 5 }), fc.double(), hostileValue),
        id: fc.oneof({ weight: 4, arbitrary: fc.constant("c1") }, fc.string({ maxLength: 3 }), hostileValue),
        command,
      },
      { requiredKeys: ["p", "v"] },
    );
    fc.assert(fc.property(fc.oneof(toWidget, protocolish(["m1", "w1"]), hostileValue), same), { numRuns: RUNS });
  });
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
    expect(receive(ok, ["https://a.example.com"], log, parseToWidget)?.message).toEqual(ok.data);
    expect(receive({ ...ok, data: { PhoneNumber: "+1" } }, ["https://a.example.com"], log, parseToWidget)).toBeUndefined();
    expect(log.droppedTotal()).toBe(0);
  });
  test("wrong origin (even a look-alike) and malformed are dropped and counted by reason", () => {
    const log = new Log("t", false);
    expect(receive({ ...ok, origin: "https://a.example.com.evil.com" }, ["https://a.example.com"], log, parseToWidget)).toBeUndefined();
    expect(receive({ ...ok, origin: "https://A.example.com" }, ["https://a.example.com"], log, parseToWidget)).toBeUndefined();
    expect(receive({ ...ok, origin: "null" }, ["https://a.example.com"], log, parseToWidget)).toBeUndefined();
    expect(receive({ ...ok, data: { ...ok.data, v: 2 } }, ["https://a.example.com"], log, parseToWidget)).toBeUndefined();
    // A message for the other side is malformed here.
    expect(receive({ ...ok, data: message({ t: "result", instance: "w1", id: "c1", ok: true }) }, ["https://a.example.com"], log, parseToWidget)).toBeUndefined();
    expect(Object.fromEntries(log.dropped)).toEqual({ origin: 3, malformed: 2 });
  });
  test("events whose data cannot be read or inspected are dropped, never thrown", () => {
    const log = new Log("t", false);
    const unreadable = Object.defineProperty({ origin: "https://a.example.com", source: null }, "data", {
      get() {
        throw new Error("SecurityError");
      },
    }) as unknown as MessageEvent;
    expect(receive(unreadable, ["https://a.example.com"], log, parseToWidget)).toBeUndefined();
    const trap = new Proxy({}, { get: () => { throw new Error("trap"); } });
    expect(receive({ ...ok, data: trap }, ["https://a.example.com"], log, parseToWidget)).toBeUndefined();
    const half = new Proxy({ p: PROTOCOL }, { get: (t, k) => { if (k === "p") return PROTOCOL; throw new Error("trap"); } });
    expect(receive({ ...ok, data: half }, ["https://a.example.com"], log, parseToWidget)).toBeUndefined();
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
