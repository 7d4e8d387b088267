/**
 * Reloads without loss or duplicates (issue 4), through the real @wxcc-desktop/sdk: the mashup
 * reloaded mid-call and mid-chat (with sessionStorage working, and blocked so only memory of the
 * new page is left), the desktop reloaded mid-call, and a conversation that ends while the mashup
 * is gone. Each leg gets exactly one ACCEPT and exactly one END in SAP.
 */
import { Harness, type AgentChain, actions, wrapupRequest } from "../support/harness";
import { safeSessionStorage } from "../../channel/safe-storage";
import { legReferenceId } from "../../sap-mashup/reference-ids";
import { MashupApp } from "../../sap-mashup/mashup-app";
import { ActivityLedger } from "../../sap-mashup/activity-ledger";
import { tabStorage } from "../support/tab-storage";

let h: Harness;
beforeEach(() => (h = Harness.quiet(["warn", "error"])));
afterEach(() => h.close());

const contact = actions;
const wrapup = wrapupRequest;

type StoreMode = "storage" | "blocked";

/**
 * Reloads the mashup page: a new MashupApp on the same windows, whose ledger starts from the tab's
 * sessionStorage, or from nothing when the browser blocks storage (memory dies with the page).
 */
function reloadMashup(a: AgentChain, mode: StoreMode, tab: Storage): MashupApp {
  a.store = mode === "storage" ? safeSessionStorage({ sessionStorage: tab }) : safeSessionStorage(undefined);
  return h.startMashup(a);
}

async function agent(mode: StoreMode, tab: Storage): Promise<AgentChain> {
  return h.agent({ store: mode === "storage" ? safeSessionStorage({ sessionStorage: tab }) : safeSessionStorage(undefined) });
}

const CALL = ["CALL INBOUND NOTIFY", "CALL INBOUND ACCEPT", "CALL UPDATEACTIVITY END"];
const CHAT = ["CHAT INBOUND NOTIFY", "CHAT INBOUND ACCEPT", "CHAT UPDATEACTIVITY END"];

test("what SAP was told reaches the tab's storage when the page goes away, before the ledger's save delay", async () => {
  const tab = tabStorage();
  const a = await agent("storage", tab);
  const id = h.cc.inbound({ from: "+14155550100", to: a.agentId });
  await h.settle();
  await contact(a).accept({ interactionId: id });
  await h.settle();
  expect(a.sap.summary).toEqual(CALL.slice(0, 2));
  a.mashupWin.hide();
  const stored = new ActivityLedger(safeSessionStorage({ sessionStorage: tab })).open();
  expect(stored.map((r) => [r.interactionId, r.posted])).toEqual([[id, ["NOTIFY", "ACCEPT"]]]);
});

describe.each<StoreMode>(["storage", "blocked"])("mashup reload with sessionStorage %s", (mode) => {
  test("mid-call: the call is listed again, no second ACCEPT, one END", async () => {
    const tab = tabStorage();
    const a = await agent(mode, tab);
    const id = h.cc.inbound({ from: "+14155550100", to: a.agentId });
    await h.settle();
    await contact(a).accept({ interactionId: id });
    await h.settle();
    expect(a.sap.summary).toEqual(CALL.slice(0, 2));

    const reloaded = reloadMashup(a, mode, tab);
    await h.settle();
    expect(a.mashup).toBe(reloaded);
    expect(reloaded.link.linked).toBe(true);
    expect([...reloaded.sync.legs.keys()]).toEqual([id]);
    expect(reloaded.sync.legs.get(id)?.phase).toBe("connected");
    expect(a.sap.summary).toEqual(CALL.slice(0, 2));

    await contact(a).end({ interactionId: id });
    await h.settle();
    await contact(a).wrapup(wrapup(id));
    await h.settle();
    expect(a.sap.summary).toEqual(CALL);
    expect(a.sap.forLeg(legReferenceId(id, a.agentId))).toHaveLength(3);
    expect(a.sap.violations).toEqual([]);
    expect(reloaded.sync.legs.size).toBe(0);
    expect(a.widget.link.pending).toBe(0);
  });

  test("mid-chat: the chat is listed again, no second ACCEPT, one END", async () => {
    const tab = tabStorage();
    const a = await agent(mode, tab);
    const id = h.cc.inbound({ media: "chat", from: "jane.doe@example.com", name: "Jane Doe", to: a.agentId });
    await h.settle();
    await contact(a).accept({ interactionId: id });
    await h.settle();

    const reloaded = reloadMashup(a, mode, tab);
    await h.settle();
    expect([...reloaded.sync.legs.keys()]).toEqual([id]);
    expect(a.sap.summary).toEqual(CHAT.slice(0, 2));

    h.cc.customerEnds(id);
    await h.settle();
    await contact(a).wrapup(wrapup(id));
    await h.settle();
    expect(a.sap.summary).toEqual(CHAT);
    expect(a.sap.payloads.every((p) => p.fields.Email === "jane.doe@example.com")).toBe(true);
    expect(a.sap.violations).toEqual([]);
  });

  test("while ringing: the offer is listed again, no second NOTIFY; accept and end follow once", async () => {
    const tab = tabStorage();
    const a = await agent(mode, tab);
    const id = h.cc.inbound({ from: "+14155550100", to: a.agentId });
    await h.settle();
    reloadMashup(a, mode, tab);
    await h.settle();
    expect(a.mashup.sync.legs.get(id)?.phase).toBe("offered");
    expect(a.sap.summary).toEqual(CALL.slice(0, 1));
    await contact(a).accept({ interactionId: id });
    await h.settle();
    await contact(a).end({ interactionId: id });
    await h.settle();
    expect(a.sap.summary).toEqual(CALL);
  });

  test("a call that ends (and is wrapped up) while the mashup is reloading gets exactly one END", async () => {
    const tab = tabStorage();
    const a = await agent(mode, tab);
    const id = h.cc.inbound({ from: "+14155550100", to: a.agentId });
    await h.settle();
    await contact(a).accept({ interactionId: id });
    await h.settle();

    a.mashup.stop(); // the page is gone: nothing listens, nothing is acknowledged
    h.cc.customerEnds(id);
    await h.settle();
    await contact(a).wrapup(wrapup(id));
    await h.settle();
    expect(a.widget.link.pending).toBeGreaterThan(0);
    expect(a.sap.summary).toEqual(CALL.slice(0, 2));

    const reloaded = reloadMashup(a, mode, tab);
    await h.settle();
    expect(a.sap.summary).toEqual(CALL);
    expect(reloaded.sync.legs.size).toBe(0);
    expect(a.widget.link.pending).toBe(0);
    expect(a.sap.violations).toEqual([]);

    // Once more, for good measure: nothing is owed any more.
    reloadMashup(a, mode, tab);
    await h.settle();
    expect(a.sap.summary).toEqual(CALL);
  });

  test("a call that ends (not yet wrapped up) while the mashup is reloading gets exactly one END", async () => {
    const tab = tabStorage();
    const a = await agent(mode, tab);
    const id = h.cc.inbound({ from: "+14155550100", to: a.agentId });
    await h.settle();
    await contact(a).accept({ interactionId: id });
    await h.settle();
    a.mashup.stop();
    await contact(a).end({ interactionId: id });
    await h.settle();
    reloadMashup(a, mode, tab);
    await h.settle();
    expect(a.sap.summary).toEqual(CALL);
    await contact(a).wrapup(wrapup(id));
    await h.settle();
    expect(a.sap.summary).toEqual(CALL);
  });

  test("a whole call that happens while the mashup is reloading is reported once, in order", async () => {
    const tab = tabStorage();
    const a = await agent(mode, tab);
    a.mashup.stop();
    const id = h.cc.inbound({ from: "+14155550100", to: a.agentId });
    await h.settle();
    await contact(a).accept({ interactionId: id });
    await contact(a).end({ interactionId: id });
    await h.settle();
    await contact(a).wrapup(wrapup(id));
    await h.settle();
    expect(a.sap.summary).toEqual([]);
    reloadMashup(a, mode, tab);
    await h.settle();
    expect(a.sap.summary).toEqual(CALL);
    expect(a.sap.violations).toEqual([]);
  });
});

describe("desktop reload", () => {
  test("mid-call: the new widget rehydrates from the host, derives the same IDs, no second ACCEPT, one END", async () => {
    const a = await h.agent();
    const id = h.cc.inbound({ from: "+14155550100", to: a.agentId, dnis: "+18005550100" });
    await h.settle();
    await contact(a).accept({ interactionId: id });
    await h.settle();
    const before = a.sap.payloads.map((p) => p.fields);

    const old = a.widget;
    const widget = await h.reloadDesktop(a);
    expect(widget).not.toBe(old);
    expect(widget.link.linked).toBe(true);
    expect(widget.tracker.get(id)).toMatchObject({ phase: "connected", rehydrated: true, agentId: a.agentId });
    expect([...a.mashup.sync.legs.keys()]).toEqual([id]);
    expect(a.sap.summary).toEqual(CALL.slice(0, 2));

    await contact(a).end({ interactionId: id });
    await h.settle();
    await contact(a).wrapup(wrapup(id));
    await h.settle();
    expect(a.sap.summary).toEqual(CALL);
    const end = a.sap.payloads[2]!.fields;
    expect(end.ExternalReferenceID).toBe(before[1]!.ExternalReferenceID);
    expect(end.ExternalOriginalReferenceID).toBe(before[1]!.ExternalOriginalReferenceID);
    expect(a.sap.violations).toEqual([]);
  });

  test("mid-call, and the mashup reloaded too with storage blocked: assumed already in SAP, one END", async () => {
    const a = await h.agent();
    const id = h.cc.inbound({ from: "+14155550100", to: a.agentId });
    await h.settle();
    await contact(a).accept({ interactionId: id });
    await h.settle();

    a.mashup.stop();
    a.widget.stop();
    reloadMashup(a, "blocked", tabStorage());
    await h.reloadDesktop(a);
    expect(a.mashup.sync.legs.get(id)?.rehydrated).toBe(true);
    expect(a.sap.summary).toEqual(CALL.slice(0, 2));

    h.cc.customerEnds(id);
    await h.settle();
    expect(a.sap.summary).toEqual(CALL);
  });

  test("a call that ended while the desktop was reloading is closed in SAP once", async () => {
    const a = await h.agent();
    const id = h.cc.inbound({ from: "+14155550100", to: a.agentId });
    await h.settle();
    await contact(a).accept({ interactionId: id });
    await h.settle();

    a.widget.stop(); // the desktop page is gone; the back end carries on
    h.cc.customerEnds(id);
    await a.host.aqm.contact.wrapup({ interactionId: id, data: wrapup(id).data });
    await h.settle();
    expect(a.host.tasks.has(id)).toBe(false);

    await h.reloadDesktop(a);
    expect(a.sap.summary).toEqual(CALL);
    expect(a.mashup.sync.legs.size).toBe(0);
  });
});

test("a mashup reload while the desktop has not yet read its task list ends nothing it should not", async () => {
  const a = await h.agent();
  const id = h.cc.inbound({ from: "+14155550100", to: a.agentId });
  await h.settle();
  await contact(a).accept({ interactionId: id });
  await h.settle();
  // An incomplete snapshot (task list unread) that does not list the call must not close it.
  const m = a.mashup;
  m.sync.snapshot({ p: "wxcc-sap", v: 1, t: "snapshot", instance: "w-x", agent: m.sync.agent!, legs: [], complete: false });
  expect(a.sap.summary).toEqual(CALL.slice(0, 2));
});

test("storage that throws on every access breaks nothing: the ledger falls back to memory", async () => {
  const hostile = {
    get sessionStorage(): Storage {
      throw new DOMException("The operation is insecure.", "SecurityError");
    },
  };
  const store = safeSessionStorage(hostile);
  expect(store.persistent).toBe(false);
  const ledger = new ActivityLedger(store);
  expect(ledger.size).toBe(0);

  const throwing = {
    sessionStorage: {
      getItem() {
        throw new Error("blocked");
      },
      setItem() {
        throw new Error("blocked");
      },
      removeItem() {
        throw new Error("blocked");
      },
    } as unknown as Storage,
  };
  const a = await h.agent({ store: safeSessionStorage(throwing) });
  const id = h.cc.inbound({ from: "+14155550100", to: a.agentId });
  await h.settle();
  await contact(a).accept({ interactionId: id });
  await h.settle();
  a.store = safeSessionStorage(hostile);
  h.startMashup(a);
  await h.settle();
  await contact(a).end({ interactionId: id });
  await h.settle();
  expect(a.sap.summary).toEqual(CALL);
});
