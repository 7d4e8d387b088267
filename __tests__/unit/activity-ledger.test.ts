/** What SAP was told per agent leg, kept across reloads when storage allows. */
import { safeSessionStorage, type KeyValueStore } from "../../channel/safe-storage";
import { ActivityLedger, LEDGER_LIMIT, LEDGER_SAVE_DELAY_MS } from "../../sap-mashup/activity-ledger";
import type { LegRecord, SapAction } from "../../sap-mashup/sap-payload";

const KEY = "wxcc-sap:ledger:v1";

function memoryStore(initial?: string): KeyValueStore & { writes: number } {
  const m = new Map<string, string>(initial === undefined ? [] : [[KEY, initial]]);
  return {
    persistent: true,
    writes: 0,
    get: (k) => m.get(k) ?? null,
    set(k, v) {
      this.writes++;
      m.set(k, v);
    },
    remove: (k) => void m.delete(k),
  };
}

function rec(ref: string, posted: SapAction[], extra: Partial<LegRecord> = {}): LegRecord {
  return { ref, interactionId: `i-${ref}`, agentId: "a1", posted, at: 1, ...extra };
}

test("records survive a reload through the store, with their ActivityUUID", () => {
  const store = memoryStore();
  const a = new ActivityLedger(store);
  a.put(rec("R1", ["NOTIFY", "ACCEPT"], { activityUUID: "uuid-1" }));
  a.put(rec("R2", ["NOTIFY", "ACCEPT", "END"]));
  a.flush(); // the page going away
  const b = new ActivityLedger(store);
  expect(b.size).toBe(2);
  expect(b.get("R1")).toEqual(rec("R1", ["NOTIFY", "ACCEPT"], { activityUUID: "uuid-1" }));
  expect(b.open().map((r) => r.ref)).toEqual(["R1"]);
});

test("without a store it works in memory", () => {
  const l = new ActivityLedger();
  l.put(rec("R1", ["NOTIFY"]));
  expect(l.get("R1")?.posted).toEqual(["NOTIFY"]);
});

test("put replaces the record for the same ref", () => {
  const l = new ActivityLedger(memoryStore());
  l.put(rec("R1", ["NOTIFY"]));
  l.put(rec("R1", ["NOTIFY", "ACCEPT"]));
  expect(l.size).toBe(1);
  expect(l.get("R1")?.posted).toEqual(["NOTIFY", "ACCEPT"]);
});

test.each([
  ["not JSON", "{oops"],
  ["JSON but not a list", '{"R1":{}}'],
  ["null", "null"],
])("corrupt storage (%s) is ignored, not thrown", (_n, raw) => {
  let l: ActivityLedger | undefined;
  expect(() => (l = new ActivityLedger(memoryStore(raw)))).not.toThrow();
  expect(l?.size).toBe(0);
});

test("of a stored list only well-formed records are taken", () => {
  const good = rec("R1", ["NOTIFY"]);
  const raw = JSON.stringify([
    good,
    { ...good, ref: "R2", posted: ["BOGUS"] },
    { ...good, ref: "R3", at: "yesterday" },
    { ...good, ref: 4 },
    { ...good, ref: "R5", activityUUID: 5 },
    { ...good, ref: "R6", leg: { interactionId: "x" } },
    null,
    "R7",
  ]);
  const l = new ActivityLedger(memoryStore(raw));
  expect(l.size).toBe(1);
  expect(l.get("R1")).toEqual(good);
});

test("storage that throws is not the ledger's problem (safe-storage falls back to memory)", () => {
  const win = Object.defineProperty({}, "sessionStorage", {
    get() {
      throw new DOMException("blocked", "SecurityError");
    },
  }) as { sessionStorage?: Storage };
  const l = new ActivityLedger(safeSessionStorage(win));
  expect(() => l.put(rec("R1", ["NOTIFY"]))).not.toThrow();
  expect(l.get("R1")?.posted).toEqual(["NOTIFY"]);
});

test("eviction keeps open legs and drops finished ones, oldest first", () => {
  const store = memoryStore();
  const l = new ActivityLedger(store);
  l.put(rec("OPEN-OLD", ["NOTIFY", "ACCEPT"]));
  for (let i = 0; i < LEDGER_LIMIT; i++) l.put(rec(`DONE-${i}`, ["NOTIFY", "ACCEPT", "END"]));
  l.put(rec("OPEN-NEW", ["NOTIFY"]));
  expect(l.size).toBe(LEDGER_LIMIT);
  expect(l.get("OPEN-OLD")).toBeDefined();
  expect(l.get("OPEN-NEW")).toBeDefined();
  expect(l.get("DONE-0")).toBeUndefined();
  expect(l.get("DONE-1")).toBeUndefined();
  expect(l.get(`DONE-${LEDGER_LIMIT - 1}`)).toBeDefined();
  expect(l.open().map((r) => r.ref)).toEqual(["OPEN-OLD", "OPEN-NEW"]);
  // And what was stored is what a reload sees.
  l.flush();
  expect(new ActivityLedger(store).size).toBe(LEDGER_LIMIT);
});

test("records with nothing posted are evicted like finished ones", () => {
  const l = new ActivityLedger();
  l.put(rec("EMPTY", []));
  l.put(rec("OPEN", ["NOTIFY"]));
  for (let i = 0; i < LEDGER_LIMIT - 1; i++) l.put(rec(`DONE-${i}`, ["NOTIFY", "END"]));
  expect(l.get("EMPTY")).toBeUndefined();
  expect(l.get("OPEN")).toBeDefined();
});

test("only when nothing but open legs is left are the oldest open ones dropped", () => {
  const l = new ActivityLedger();
  for (let i = 0; i < LEDGER_LIMIT + 2; i++) l.put(rec(`OPEN-${i}`, ["NOTIFY"]));
  expect(l.size).toBe(LEDGER_LIMIT);
  expect(l.get("OPEN-0")).toBeUndefined();
  expect(l.get("OPEN-1")).toBeUndefined();
  expect(l.get("OPEN-2")).toBeDefined();
});

test("a re-put moves a record to the newest position", () => {
  const l = new ActivityLedger();
  l.put(rec("A", ["NOTIFY", "END"]));
  for (let i = 0; i < LEDGER_LIMIT - 1; i++) l.put(rec(`D-${i}`, ["NOTIFY", "END"]));
  l.put(rec("A", ["NOTIFY", "END"], { at: 2 }));
  l.put(rec("NEW", ["NOTIFY", "END"]));
  expect(l.get("A")).toBeDefined();
  expect(l.get("D-0")).toBeUndefined();
});

describe("writes to storage are coalesced", () => {
  afterEach(() => jest.useRealTimers());

  test("many changes in a burst are one write, made after the delay", () => {
    jest.useFakeTimers();
    const store = memoryStore();
    const l = new ActivityLedger(store);
    for (let i = 0; i < 10; i++) l.put(rec(`R${i}`, ["NOTIFY"]));
    expect(store.writes).toBe(0);
    jest.advanceTimersByTime(LEDGER_SAVE_DELAY_MS - 1);
    expect(store.writes).toBe(0);
    jest.advanceTimersByTime(1);
    expect(store.writes).toBe(1);
    expect(new ActivityLedger(store).size).toBe(10);
    jest.advanceTimersByTime(10 * LEDGER_SAVE_DELAY_MS);
    expect(store.writes).toBe(1);
  });

  test("flush writes pending changes at once, and nothing when there are none", () => {
    jest.useFakeTimers();
    const store = memoryStore();
    const l = new ActivityLedger(store);
    l.flush();
    expect(store.writes).toBe(0);
    l.put(rec("R1", ["NOTIFY", "ACCEPT"]));
    l.flush();
    expect(store.writes).toBe(1);
    expect(new ActivityLedger(store).get("R1")?.posted).toEqual(["NOTIFY", "ACCEPT"]);
    jest.advanceTimersByTime(LEDGER_SAVE_DELAY_MS);
    expect(store.writes).toBe(1);
  });

  test("without a store nothing is scheduled", () => {
    jest.useFakeTimers();
    const l = new ActivityLedger();
    l.put(rec("R1", ["NOTIFY"]));
    expect(jest.getTimerCount()).toBe(0);
  });
});
