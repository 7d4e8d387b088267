/**
 * One SAP tab owns the pops (issue 14), through the real SDK: two SAP tabs of one site, each with
 * an embedded Agent Desktop of the same agent (Webex multi-login: both desktops get every event).
 * Whatever happens — a call handled in either desktop, the owning tab closing mid-call, the agent
 * taking over in the other tab, a click-to-dial in the tab that stands by — every leg reaches SAP
 * exactly once, END included, through one tab.
 */
import { CLAIM_WAIT_MS } from "../../sap-mashup/tab-ownership";
import { Harness, actions, wrapupRequest, type AgentChain } from "../support/harness";
import { TabBus } from "../support/tab-bus";

let h: Harness;
let tabs: TabBus;
beforeEach(() => {
  h = Harness.quiet(["info", "warn"]);
  tabs = new TabBus();
});
afterEach(() => h.close());

const decided = async () => {
  await new Promise((r) => setTimeout(r, CLAIM_WAIT_MS + 50));
  await h.settle();
};

/** Both SAP tabs' payloads, in the order SAP got them, each with the tab it went through. */
const bothTabs = (a: AgentChain, b: AgentChain) =>
  [...a.sap.payloads.map((p) => ({ ...p, tab: 1 })), ...b.sap.payloads.map((p) => ({ ...p, tab: 2 }))]
    .sort((x, y) => x.at - y.at)
    .map((p) => `tab ${p.tab}: ${p.fields.Type} ${p.fields.EventType} ${p.fields.Action}`);

async function twoTabs(): Promise<[AgentChain, AgentChain]> {
  const a = await h.agent({ tabs });
  await decided();
  const b = await h.agent({ tabs, desktopOf: a });
  await decided();
  expect(a.owner).toEqual([true]);
  expect(b.owner).toEqual([false]);
  return [a, b];
}

test("a call handled in the second tab's desktop pops and is logged through the first tab only", async () => {
  const [a, b] = await twoTabs();
  const id = h.cc.inbound({ from: "+14155550132", to: a.agentId });
  await h.settle();
  await actions(b).accept({ interactionId: id });
  await h.settle();
  await actions(b).end({ interactionId: id });
  await actions(b).wrapup(wrapupRequest(id));
  await h.settle();
  expect(bothTabs(a, b)).toEqual(["tab 1: CALL INBOUND NOTIFY", "tab 1: CALL INBOUND ACCEPT", "tab 1: CALL UPDATEACTIVITY END"]);
  expect([...a.sap.violations, ...b.sap.violations]).toEqual([]);
});

test("the owning tab closes mid-call: the other tab owns at once and SAP gets only the END from it", async () => {
  const [a, b] = await twoTabs();
  const id = h.cc.inbound({ from: "+14155550132", to: a.agentId });
  await h.settle();
  await actions(a).accept({ interactionId: id });
  await h.settle();
  // Tab 1 goes: its page hides (and says so to the other tabs), its mashup and SAP page are gone.
  a.mashupWin.hide();
  a.sapWin.hide();
  await h.settle();
  expect(b.owner).toEqual([false, true]);
  await actions(b).end({ interactionId: id });
  await actions(b).wrapup(wrapupRequest(id));
  await h.settle();
  expect(bothTabs(a, b)).toEqual(["tab 1: CALL INBOUND NOTIFY", "tab 1: CALL INBOUND ACCEPT", "tab 2: CALL UPDATEACTIVITY END"]);
  // Each test double checks the sequence it saw itself; tab 2's page saw only the END, while SAP
  // (one tenant, one activity store) had the NOTIFY and ACCEPT through tab 1.
  expect(b.sap.violations.filter((v) => !v.includes("which SAP never saw"))).toEqual([]);
});

test("the agent takes over in the other tab: the next call pops there; the first call's END comes through the new owner once", async () => {
  const [a, b] = await twoTabs();
  const first = h.cc.inbound({ from: "+14155550132", to: a.agentId });
  await h.settle();
  await actions(a).accept({ interactionId: first });
  await h.settle();
  b.mashup.takeOver();
  await h.settle();
  expect(a.owner).toEqual([true, false]);
  expect(b.owner).toEqual([false, true]);
  await actions(a).end({ interactionId: first });
  await actions(a).wrapup(wrapupRequest(first));
  const second = h.cc.inbound({ media: "chat", from: "li.wei@mail.example", to: a.agentId });
  await h.settle();
  await actions(b).accept({ interactionId: second });
  await h.settle();
  expect(bothTabs(a, b)).toEqual([
    "tab 1: CALL INBOUND NOTIFY",
    "tab 1: CALL INBOUND ACCEPT",
    "tab 2: CALL UPDATEACTIVITY END",
    "tab 2: CHAT INBOUND NOTIFY",
    "tab 2: CHAT INBOUND ACCEPT",
  ]);
});

test("a click-to-dial in the tab that stands by is dialled by the owner; SAP gets the OUTBOUND payloads with its ActivityUUID once", async () => {
  const [a, b] = await twoTabs();
  b.mashupWin.receiveFrom(b.sapWin, { PhoneNumber: "+16503054000", ActivityUUID: "00163e2a-1234-1eda-b895-42c904e08752" });
  await h.settle();
  const out = [...h.cc.live.keys()].pop() as string;
  h.cc.customerAnswers(out);
  await h.settle();
  expect(bothTabs(a, b)).toEqual(["tab 1: CALL OUTBOUND NOTIFY", "tab 1: CALL OUTBOUND ACCEPT"]);
  expect(a.sap.payloads.map((p) => p.fields.ActivityUUID)).toEqual(["00163e2a-1234-1eda-b895-42c904e08752", "00163e2a-1234-1eda-b895-42c904e08752"]);
});
