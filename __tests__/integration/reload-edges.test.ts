/**
 * Reload edge cases found in review, each pinned by the test that would have caught it:
 * - a consult leg the mashup acknowledged as connected still owes its ACCEPT if it becomes a
 *   transfer after the consulted agent's mashup reloaded with storage blocked;
 * - a desktop whose task list cannot be read must not make the mashup END live conversations.
 */
import { Harness, actions } from "../support/harness";
import { safeSessionStorage } from "../../channel/safe-storage";
import { tabStorage } from "../support/tab-storage";

let h: Harness;
beforeEach(() => (h = Harness.quiet(["warn", "error"])));
afterEach(() => h.close());

const contact = actions;

test("consult acknowledged as connected, consulted agent's mashup reloads (storage blocked), then consult → transfer: ACCEPT still posted once", async () => {
  const a = await h.agent();
  const b = await h.agent();
  const id = h.cc.inbound({ from: "+14155550100", to: a.agentId });
  await h.settle();
  await contact(a).accept({ interactionId: id });
  h.cc.consult(id, a.agentId, b.agentId);
  await h.settle();
  await contact(b).accept({ interactionId: id }); // consult answered: B's leg is a connected consult, acknowledged
  await h.settle();
  expect(b.sap.summary).toEqual(["CALL INBOUND NOTIFY"]);

  b.store = safeSessionStorage(undefined); // storage blocked: the reloaded page remembers nothing
  h.startMashup(b);
  await h.settle();
  expect(b.sap.summary).toEqual(["CALL INBOUND NOTIFY"]); // the reload re-posts nothing

  h.cc.consultTransfer(id, a.agentId, b.agentId);
  await h.settle();
  expect(b.sap.summary).toEqual(["CALL INBOUND NOTIFY", "CALL INBOUND ACCEPT"]);
  h.cc.customerEnds(id);
  await h.settle();
  expect(b.sap.summary).toEqual(["CALL INBOUND NOTIFY", "CALL INBOUND ACCEPT", "CALL UPDATEACTIVITY END"]);
  expect(b.sap.violations).toEqual([]);
});

test("desktop reload whose task list cannot be read: the mashup keeps the live call open (no END on a guess)", async () => {
  const a = await h.agent();
  const id = h.cc.inbound({ from: "+14155550100", to: a.agentId });
  await h.settle();
  await contact(a).accept({ interactionId: id });
  await h.settle();
  expect(a.sap.summary).toEqual(["CALL INBOUND NOTIFY", "CALL INBOUND ACCEPT"]);

  // The host fails to answer getTaskMap after the reload: the SDK's promise rejects.
  const actions = a.host.actionsChannels as unknown as { createSource(name: string): { send(...args: unknown[]): void } };
  const original = actions.createSource.bind(actions);
  actions.createSource = (name: string) => {
    const src = original(name);
    if (name !== "getTaskMap/Req") return src;
    return { send: () => { throw new Error("task map unavailable"); } };
  };
  await h.reloadDesktop(a);
  await h.settle();
  expect(a.sap.summary).toEqual(["CALL INBOUND NOTIFY", "CALL INBOUND ACCEPT"]);

  // The call goes on and ends normally later: exactly one END.
  actions.createSource = original;
  await contact(a).end({ interactionId: id });
  await h.settle();
  expect(a.sap.summary).toEqual(["CALL INBOUND NOTIFY", "CALL INBOUND ACCEPT", "CALL UPDATEACTIVITY END"]);
});

describe.each(["storage", "blocked"] as const)("SAP page reload swallows the END (sessionStorage %s)", (mode) => {
  test("an END posted while the page is being torn down is replayed to the next mashup: exactly one END reaches SAP", async () => {
    const storage = tabStorage();
    const store = () => (mode === "storage" ? safeSessionStorage({ sessionStorage: storage }) : safeSessionStorage(undefined));
    const a = await h.agent({ store: store() });
    const id = h.cc.inbound({ from: "+14155550100", to: a.agentId });
    await h.settle();
    await contact(a).accept({ interactionId: id });
    await h.settle();
    expect(a.sap.summary).toEqual(["CALL INBOUND NOTIFY", "CALL INBOUND ACCEPT"]);

    // F5 on the SAP page: its document stops receiving (what is posted to it now is lost) …
    a.sapWin.closed = true;
    await contact(a).end({ interactionId: id });
    await h.bus.settle(); // the mashup handled the END and posted it into the void (its ack still held back)
    expect(a.mashup.link.deferredAcks).toBe(1);
    // … and the mashup frame is torn down with it, before the END's acknowledgement was due.
    a.mashupWin.hide();
    a.sapWin.closed = false;
    a.mashupWin.closed = false;
    a.store = store();
    h.startMashup(a);
    await h.settle();
    await new Promise((r) => setTimeout(r, 800));
    await h.settle();
    expect(a.sap.summary).toEqual(["CALL INBOUND NOTIFY", "CALL INBOUND ACCEPT", "CALL UPDATEACTIVITY END"]);
    expect(a.sap.violations).toEqual([]);
    expect(a.widget.link.pending).toBe(0);
  });
});
