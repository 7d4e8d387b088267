/** One SAP tab owns the pops (issue 14): TabOwnership over an in-memory BroadcastChannel. */
import { Log } from "../../channel/log";
import type { LegRecord } from "../../sap-mashup/sap-payload";
import { CLAIM_WAIT_MS, HEARTBEAT_MS, OWNER_SILENT_MS, TabOwnership } from "../../sap-mashup/tab-ownership";
import { TabBus } from "../support/tab-bus";

interface Tab {
  own: TabOwnership;
  log: Log;
  changes: boolean[];
  records: Map<string, LegRecord>;
  dials: unknown[];
}

let bus: TabBus;
let tabs: Tab[];
beforeEach(() => {
  jest.useFakeTimers();
  bus = new TabBus();
  tabs = [];
});
afterEach(() => {
  for (const t of tabs) t.own.stop();
  jest.useRealTimers();
});

function open(id: string, channel = bus.channel()): Tab {
  const t: Tab = { own: undefined as unknown as TabOwnership, log: new Log(`tab ${id}`, false), changes: [], records: new Map(), dials: [] };
  t.own = new TabOwnership(
    channel,
    {
      ownerChanged: (o) => t.changes.push(o),
      record: (r) => t.records.set((r as LegRecord).ref, r as LegRecord),
      records: () => [...t.records.values()],
      dial: (d) => t.dials.push(d),
    },
    t.log,
    id,
  );
  t.own.start();
  tabs.push(t);
  return t;
}

/** Tab "a" opened first and owns; tab "b" opened after it and stands by. */
async function ownerAndStandby(): Promise<[Tab, Tab]> {
  const a = open("a");
  await settle(CLAIM_WAIT_MS);
  const b = open("b");
  await settle(CLAIM_WAIT_MS);
  return [a, b];
}

const rec = (ref: string, posted: LegRecord["posted"]): LegRecord => ({ ref, interactionId: `i-${ref}`, agentId: "a", posted, at: 1 });
const settle = async (ms = 0) => {
  await jest.advanceTimersByTimeAsync(ms);
  await jest.advanceTimersByTimeAsync(0);
};

test("the first tab owns; a tab opened later stands by and gets the owner's ledger", async () => {
  const a = open("a");
  await settle(CLAIM_WAIT_MS);
  expect(a.changes).toEqual([true]);
  a.records.set("R1", rec("R1", ["NOTIFY", "ACCEPT"]));
  const b = open("b");
  await settle(CLAIM_WAIT_MS);
  expect(b.changes).toEqual([false]);
  expect(b.records.get("R1")?.posted).toEqual(["NOTIFY", "ACCEPT"]);
  // Heartbeats keep the standby standing by without telling the page again.
  await settle(HEARTBEAT_MS * 5);
  expect(a.changes).toEqual([true]);
  expect(b.changes).toEqual([false]);
});

test("a lone owner broadcasts no record (nobody to tell); a tab that joins gets them all on asking", async () => {
  const a = open("a");
  await settle(CLAIM_WAIT_MS);
  a.own.shareRecord(rec("R0", ["NOTIFY"]));
  a.records.set("R0", rec("R0", ["NOTIFY"]));
  await settle();
  expect(bus.sent.filter((m) => (m as { t: string }).t === "record")).toEqual([]);
  const b = open("b");
  await settle(CLAIM_WAIT_MS);
  expect(b.records.get("R0")?.posted).toEqual(["NOTIFY"]);
  a.own.shareRecord(rec("R1", ["NOTIFY", "ACCEPT"]));
  await settle();
  expect(b.records.get("R1")?.posted).toEqual(["NOTIFY", "ACCEPT"]);
});

test("what the owner records reaches the standby at once; a standby shares nothing", async () => {
  const [a, b] = await ownerAndStandby();
  a.own.shareRecord(rec("R2", ["NOTIFY"]));
  b.own.shareRecord(rec("R3", ["NOTIFY"]));
  await settle();
  expect([...b.records.keys()]).toEqual(["R2"]);
  expect(a.records.has("R3")).toBe(false);
});

test("take over: the taker owns, the old owner stands by, and it stays so through heartbeats", async () => {
  const [a, b] = await ownerAndStandby();
  b.own.takeOver();
  await settle();
  expect(b.changes).toEqual([false, true]);
  expect(a.changes).toEqual([true, false]);
  await settle(HEARTBEAT_MS * 3);
  expect(b.own.owner).toBe(true);
  expect(a.own.owner).toBe(false);
});

test("a stale heartbeat from a replaced owner cannot win back ownership", async () => {
  const [a, b] = await ownerAndStandby();
  b.own.takeOver();
  await settle();
  // Replay an "owner" message of a's old term straight onto b's channel.
  const stale = bus.sent.find((m) => (m as { t: string; tab: string }).t === "owner" && (m as { tab: string }).tab === "a");
  const other = bus.channel();
  other.postMessage(stale);
  await settle();
  expect(b.own.owner).toBe(true);
  other.close();
});

test("the owner closes: a standby owns at once (no waiting for silence)", async () => {
  const [a, b] = await ownerAndStandby();
  a.own.stop();
  await settle();
  expect(b.changes).toEqual([false, true]);
});

test("two standbys inherit at once: exactly one owns", async () => {
  const a = open("a");
  await settle(CLAIM_WAIT_MS);
  const b = open("b");
  const c = open("c");
  await settle(CLAIM_WAIT_MS);
  a.own.stop();
  await settle(10);
  expect([b.own.owner, c.own.owner].filter(Boolean)).toHaveLength(1);
  await settle(HEARTBEAT_MS * 3);
  expect([b.own.owner, c.own.owner].filter(Boolean)).toHaveLength(1);
});

test("an owner that crashed (no goodbye) is replaced after it went silent", async () => {
  const [a, b] = await ownerAndStandby();
  // A crash: no "bye", the channel just goes quiet.
  const channel = [...bus.channels][0]!;
  channel.close();
  await settle(OWNER_SILENT_MS + HEARTBEAT_MS * 2);
  expect(b.own.owner).toBe(true);
  expect(a.own.owner).toBe(true); // it never learnt otherwise; it is gone anyway
});

test("without a BroadcastChannel every tab owns its own pops", () => {
  const t: boolean[] = [];
  const own = new TabOwnership(undefined, { ownerChanged: (o) => t.push(o), record: () => undefined, records: () => [], dial: () => undefined }, new Log("x", false), "solo");
  own.start();
  expect(t).toEqual([true]);
  expect(own.shared).toBe(false);
  own.stop();
});

test("malformed messages are dropped and counted", async () => {
  const a = open("a");
  await settle(CLAIM_WAIT_MS);
  const other = bus.channel();
  for (const m of [null, 3, { t: "owner", tab: "x" }, { t: "nope", tab: "x" }, { t: "records", tab: "x", to: "a" }]) other.postMessage(m);
  await settle();
  expect(a.own.owner).toBe(true);
  expect(a.log.dropped.get("malformed")).toBe(5);
  other.close();
});

test("a click-to-dial in a standby tab is dialled by the owner, once", async () => {
  const [a, b] = await ownerAndStandby();
  b.own.forwardDial({ PhoneNumber: "+14155550132", ActivityUUID: "uuid-1" });
  a.own.forwardDial({ PhoneNumber: "+1" }); // an owner forwards nothing: it dials itself
  await settle();
  expect(a.dials).toEqual([{ PhoneNumber: "+14155550132", ActivityUUID: "uuid-1" }]);
  expect(b.dials).toEqual([]);
});

test("a new tab that did not hear the owner in time (a busy machine) yields to it: the older claim stands", async () => {
  const b = open("b");
  await settle(CLAIM_WAIT_MS);
  expect(b.own.owner).toBe(true);
  const other = bus.channel();
  // The real owner's heartbeat: same term, but it has owned for a minute.
  other.postMessage({ t: "owner", tab: "z", term: 1, since: Date.now() - 60_000 });
  await settle();
  expect(b.changes).toEqual([true, false]);
  // A younger claim in the same term does not take it from the older owner (b now follows z).
  other.postMessage({ t: "owner", tab: "a", term: 1, since: Date.now() + 60_000 });
  await settle();
  expect(b.own.owner).toBe(false);
  other.close();
});

test("an owner re-asserts against a younger claim in the same term, and keeps the pops", async () => {
  const a = open("a");
  await settle(CLAIM_WAIT_MS);
  const other = bus.channel();
  other.postMessage({ t: "owner", tab: "0-lower-id", term: 1, since: Date.now() + 5_000 });
  await settle();
  expect(a.own.owner).toBe(true);
  expect(bus.sent[bus.sent.length - 1]).toMatchObject({ t: "owner", tab: "a", term: 1 });
  other.close();
});

test("an owner that can no longer deliver releases: a standby owns at once, the releaser stands by through heartbeats and takes over when asked", async () => {
  const [a, b] = await ownerAndStandby();
  a.own.release();
  await settle();
  expect(a.changes).toEqual([true, false]);
  expect(b.changes).toEqual([false, true]);
  await settle(OWNER_SILENT_MS * 2);
  expect([a.own.owner, a.own.standingBy, b.own.owner]).toEqual([false, true, true]);
  a.own.takeOver();
  await settle();
  expect(a.changes).toEqual([true, false, true]);
  expect(b.changes).toEqual([false, true, false]);
});

test("release is nothing for a tab that stands by", async () => {
  const [a, b] = await ownerAndStandby();
  b.own.release();
  await settle(HEARTBEAT_MS * 2);
  expect([a.changes, b.changes]).toEqual([[true], [false]]);
});
