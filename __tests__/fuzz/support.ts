/**
 * Pieces shared by the property-based tests: a fake window that records what is posted through
 * it and hands out its message listeners, and arbitraries for hostile input.
 */
import fc from "fast-check";
import { PROTOCOL, PROTOCOL_VERSION } from "../../channel/protocol";

export class FakeWindow {
  readonly listeners = new Set<(e: MessageEvent) => void>();
  readonly posts: { data: unknown; origin: string }[] = [];
  parent: FakeWindow = this;
  top: FakeWindow = this;
  opener: FakeWindow | null = null;
  closed = false;
  constructor(readonly name: string) {}
  addEventListener(type: string, fn: (e: MessageEvent) => void): void {
    if (type === "message") this.listeners.add(fn);
  }
  removeEventListener(type: string, fn: (e: MessageEvent) => void): void {
    if (type === "message") this.listeners.delete(fn);
  }
  postMessage(data: unknown, origin: string): void {
    if (origin === "*") throw new Error(`${this.name}: postMessage with "*"`);
    this.posts.push({ data, origin });
  }
  /** Delivers synchronously to every listener, as the browser would deliver one message event. */
  dispatch(data: unknown, origin: string, source: unknown): void {
    const event = { data, origin, source } as unknown as MessageEvent;
    for (const fn of [...this.listeners]) fn(event);
  }
  get asWindow(): Window {
    return this as unknown as Window;
  }
}

/** Keys that would pollute prototypes if anything copied them naively. */
export const POLLUTING = ["__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty"];

/** JSON-ish values with polluting keys mixed in, huge strings and odd types. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.anything({ maxDepth: 3, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true, withObjectString: true, withBoxedValues: true, withSparseArray: true }),
    fc.string({ unit: "binary", maxLength: 80 }),
    fc.constantFrom("", " ", "+", "00", "tel:", "+1", "\u0000", "\uD800", "A".repeat(100_000), "9".repeat(5_000), "<x>&</x>", "javascript:alert(1)"),
    fc.constantFrom(NaN, Infinity, -0, Number.MAX_SAFE_INTEGER + 2, -1, 0, 1.5),
    fc.dictionary(fc.constantFrom(...POLLUTING, "p", "t", "v", "PhoneNumber", "instance"), tie("value"), { maxKeys: 4 }).map(withRawKeys),
  ),
})).value;

/** `fc.dictionary` with "__proto__" sets the prototype instead of a key; this makes it an own key, as JSON.parse would. */
function withRawKeys(o: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(o, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v)) ?? "null") as Record<string, unknown>;
}

/** Protocol-shaped messages: right envelope, any mixture of real and bogus fields. */
export function protocolish(instances: readonly string[]): fc.Arbitrary<unknown> {
  const instance = fc.oneof(fc.constantFrom(...instances), fc.string({ maxLength: 8 }), hostileValue);
  const leg = fc.record({
    interactionId: fc.oneof(fc.constantFrom("i-1", "i-2"), fc.string({ maxLength: 5 })),
    agentId: fc.constant("agent-1"),
    media: fc.constantFrom("telephony", "chat", "email", "social", "other", "fax"),
    channel: fc.constantFrom("telephony", "chat", "email", "whatsapp"),
    direction: fc.constantFrom("inbound", "outbound", "sideways"),
    role: fc.constantFrom("main", "consult"),
    phase: fc.constantFrom("offered", "connected", "ended"),
    held: fc.boolean(),
    customer: fc.record({ ani: fc.oneof(fc.constant("+14155550100"), fc.string({ maxLength: 20 })), email: fc.constant("jane.doe@example.com"), name: fc.string({ maxLength: 10 }) }, { requiredKeys: [] }),
    cad: fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 10 }), { maxKeys: 3 }),
    offeredAt: fc.oneof(fc.nat(), hostileValue),
  });
  const body = fc.oneof(
    fc.record({ kind: fc.constant("leg"), leg }),
    fc.record({ kind: fc.constant("select"), interactionId: fc.string({ maxLength: 5 }) }),
    fc.record({ kind: fc.constant("outdial-failed"), reason: fc.string({ maxLength: 20 }) }),
    hostileValue,
  );
  const command = fc.oneof(
    fc.record({ kind: fc.constant("dial"), destination: fc.constantFrom("+14155550100", "+4915112345678", "12", "") }),
    fc.record({ kind: fc.constant("set-state"), state: fc.constantFrom("available", "idle", "busy"), idleCodeId: fc.string({ maxLength: 5 }) }),
    fc.record({ kind: fc.constant("sign-out"), reason: fc.string({ maxLength: 10 }) }),
    hostileValue,
  );
  return fc
    .record(
      {
        p: fc.oneof({ weight: 9, arbitrary: fc.constant(PROTOCOL) }, { weight: 1, arbitrary: hostileValue }),
        v: fc.oneof({ weight: 9, arbitrary: fc.constant(PROTOCOL_VERSION) }, { weight: 1, arbitrary: hostileValue }),
        t: fc.oneof(fc.constantFrom("hello", "welcome", "snapshot", "event", "ack", "command", "result", "ping"), hostileValue),
        role: fc.constantFrom("widget", "mashup", "admin"),
        instance,
        widgetInstance: instance,
        seq: fc.oneof(fc.integer({ min: 1, max: 5 }), hostileValue),
        id: fc.oneof(fc.constantFrom("c1", "c2"), hostileValue),
        ok: fc.oneof(fc.boolean(), hostileValue),
        body,
        command,
        agent: hostileValue,
        legs: fc.oneof(fc.array(fc.record({ leg, acked: fc.constantFrom("none", "offered", "ended") }), { maxLength: 2 }), hostileValue),
        complete: fc.boolean(),
        [POLLUTING[0]!]: hostileValue,
      },
      { requiredKeys: ["p", "v", "t"] },
    )
    .map(withRawKeys);
}

export function prototypesIntact(): boolean {
  const probe = {} as Record<string, unknown>;
  return Object.keys(Object.prototype).length === 0 && probe.polluted === undefined && probe.p === undefined && probe.t === undefined && probe.PhoneNumber === undefined && probe.instance === undefined;
}

export const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
