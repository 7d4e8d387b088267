/**
 * What only the "Webex in SAP" topology does, end to end in jsdom: Webex's frames → the CC SDK's
 * events (support/cc-sdk-double.ts) → `ccDesktopPort` → connector → in-page channel → mashup →
 * the SAP test double. Click-to-dial through `cc.startOutdial`, state with the tenant's idle
 * codes, the sign-out reason that reaches Webex, and a reload of the pane mid-call.
 */
import { message } from "../../channel/protocol";
import { safeSessionStorage } from "../../channel/safe-storage";
import { CcHarness, type CcChain } from "../support/cc-harness";
import { DESKTOP_ORIGIN } from "../support/harness";
import { describePayload, play } from "../support/scenario-runner";
import { AGENT_IDS, INTERACTION_ID, type Scenario } from "../support/scenarios";

const A = AGENT_IDS.A;
const UUID = "00163e2a-1234-1eda-b895-42c904e08752";
const SAP_OBJECT = { PhoneNumber: "+1 650 305 4000", ActivityUUID: UUID, ObjectTypeCode: "39" };

let h: CcHarness;
beforeEach(() => {
  for (const level of ["info", "warn", "error"] as const) jest.spyOn(console, level).mockImplementation(() => undefined);
  h = new CcHarness();
});
afterEach(() => {
  h.close();
  jest.restoreAllMocks();
});

const payloads = (c: CcChain) => c.sap.payloads.map((p) => describePayload(p.fields));
const deliver = (c: CcChain) => (_to: unknown, _signal: unknown, msg: object) => c.cc.frame(msg);

/** An agent frame as Webex sends it on the notification websocket (docs/reference/webex-cc-events.md §5). */
const agentFrame = (type: string, data: Record<string, unknown>) => ({ type: type === "AgentStateChangeSuccess" ? "AgentStateChange" : "AgentDesktopMessage", data: { type, agentId: A, ...data } });

const OUTDIAL: Scenario = {
  name: "outdial",
  contact: { media: "telephony", from: "+16503054000", dnis: "+18005550199", direction: "OUTBOUND", outboundType: "OUTDIAL" },
  agents: ["A"],
  steps: [
    { to: "A", signal: "eAgentOfferContact" },
    { to: "A", signal: "eAgentContactAssigned", set: { state: "connected", owner: "A", join: "A" } },
    { to: "A", signal: "eAgentContactEnded", set: { state: "wrapUp", isTerminated: true } },
    { to: "A", signal: "eAgentWrapup" },
    { to: "A", signal: "eAgentContactWrappedUp" },
  ],
  expect: {},
};

const CALL: Scenario = {
  name: "call",
  contact: { media: "telephony", from: "+14696762938", dnis: "+18005550100" },
  agents: ["A"],
  steps: [
    { to: "A", signal: "eAgentOfferContact" },
    { to: "A", signal: "eAgentContactAssigned", set: { state: "connected", owner: "A", join: "A" } },
  ],
  expect: {},
};
const CALL_FIELDS = "ANI=+14696762938 DNIS=+18005550100";

describe("click-to-dial", () => {
  test("dials through cc.startOutdial; SAP gets OUTBOUND NOTIFY, ACCEPT, END with its ActivityUUID", async () => {
    const a = await h.agent({ agentId: A });
    a.mashupWin.receiveFrom(a.sapWin, SAP_OBJECT);
    await h.settle();
    // The SDK takes the entry point from the agent's profile itself; no caller id was configured.
    expect(a.cc.calls).toEqual([{ method: "startOutdial", args: ["+16503054000", undefined] }]);
    await play(OUTDIAL, deliver(a), () => h.settle());
    const rest = `ANI=+16503054000 ActivityUUID=${UUID} DNIS=+18005550199`;
    expect(payloads(a)).toEqual([`A: CALL OUTBOUND NOTIFY ${rest}`, `A: CALL OUTBOUND ACCEPT ${rest}`, `A: CALL UPDATEACTIVITY END ${rest}`]);
    expect(a.sap.violations).toEqual([]);
    expect(a.run.app.sync.dials.size).toBe(0);
  });

  test("the configured caller id goes to Webex as the outdial's origin", async () => {
    const a = await h.agent({ agentId: A, outdialAni: "+18005550123" });
    a.mashupWin.receiveFrom(a.sapWin, SAP_OBJECT);
    await h.settle();
    expect(a.cc.calls).toEqual([{ method: "startOutdial", args: ["+16503054000", "+18005550123"] }]);
  });

  test("an agent without an outdial entry point is told so; Webex is not asked", async () => {
    const a = await h.agent({ agentId: A, profile: { outDialEp: "" } });
    a.mashupWin.receiveFrom(a.sapWin, SAP_OBJECT);
    await h.settle();
    expect(a.cc.calls).toEqual([]);
    expect(a.sap.payloads).toEqual([]);
    expect(a.notices.map((n) => n.kind)).toEqual(["n.dialNotAllowed"]);
  });

  test("Webex refuses the outdial (AgentOutboundFailed): the agent is told why, SAP gets nothing", async () => {
    const a = await h.agent({ agentId: A });
    a.cc.answer = async () => {
      a.cc.frame({ type: "RoutingMessage", data: { type: "AgentOutboundFailed", interactionId: "x-1", agentId: A, reason: "Destination busy", reasonCode: 1402 } });
      return new Promise(() => undefined); // the SDK's promise settles later, if ever
    };
    a.mashupWin.receiveFrom(a.sapWin, SAP_OBJECT);
    await h.settle();
    expect(a.sap.payloads).toEqual([]);
    expect(a.notices.map((n) => [n.kind, n.detail])).toEqual([["n.dialNotPlaced", "Destination busy (1402)"]]);
  });
});

describe("agent state", () => {
  test("Available and the tenant's idle codes (the SDK's own Available entry and system codes left out); Idle goes to Webex by code", async () => {
    const a = await h.agent({ agentId: A });
    expect(a.run.app.sync.agent).toEqual({
      status: "available",
      name: "Carla Webex",
      idleCodes: [
        { id: "idle-meeting", name: "Meeting" },
        { id: "idle-lunch", name: "Lunch" },
      ],
      outdialEnabled: true,
    });
    expect(await a.run.app.setState("idle", "idle-meeting")).toBeUndefined();
    expect(a.cc.calls).toEqual([{ method: "setAgentState", args: [{ state: "Idle", auxCodeId: "idle-meeting" }] }]);
    a.cc.frame(agentFrame("AgentStateChangeSuccess", { status: "LoggedIn", subStatus: "Idle", auxCodeId: "idle-meeting" }));
    await h.settle();
    expect(a.run.app.sync.agent?.status).toBe("idle");
    expect(a.run.app.sync.agent?.idleCode).toEqual({ id: "idle-meeting", name: "Meeting" });

    expect(await a.run.app.setState("available")).toBeUndefined();
    expect(a.cc.calls[1]).toEqual({ method: "setAgentState", args: [{ state: "Available", auxCodeId: "0" }] });
    a.cc.frame(agentFrame("AgentStateChangeSuccess", { status: "LoggedIn", subStatus: "Available", auxCodeId: "0" }));
    await h.settle();
    expect(a.run.app.sync.agent?.status).toBe("available");
    expect(a.run.app.sync.agent?.idleCode).toBeUndefined();
  });

  test("a profile signed in on an idle code starts idle; one not signed in starts signed out", async () => {
    const idle = await h.agent({ agentId: A, profile: { lastStateAuxCodeId: "idle-lunch" } });
    expect(idle.run.app.sync.agent?.status).toBe("idle");
    expect(idle.run.app.sync.agent?.idleCode).toEqual({ id: "idle-lunch", name: "Lunch" });
    const out = await h.agent({ agentId: AGENT_IDS.B, profile: { isAgentLoggedIn: false } });
    expect(out.run.app.sync.agent?.status).toBe("signed-out");
  });
});

describe("sign-out", () => {
  test("the reason the agent picked (Lunch) is the logout reason Webex receives", async () => {
    const a = await h.agent({ agentId: A });
    expect(await a.run.app.signOut("Lunch")).toBeUndefined();
    expect(a.cc.calls).toEqual([{ method: "stationLogout", args: [{ logoutReason: "Lunch" }] }]);
    a.cc.frame(agentFrame("AgentLogoutSuccess", { status: "LoggedOut", subStatus: "" }));
    await h.settle();
    expect(a.run.app.sync.agent?.status).toBe("signed-out");
  });

  test("refused while a conversation is open: Webex is not asked", async () => {
    const a = await h.agent({ agentId: A });
    await play(CALL, deliver(a), () => h.settle());
    expect(await a.run.app.signOut("Lunch")).toBe("You cannot sign out while a conversation or its wrap-up is open. Finish them, then sign out.");
    expect(a.cc.calls).toEqual([]);
  });

  test("signed out by Webex (a supervisor, another device): shown; a new station login brings the agent back", async () => {
    const a = await h.agent({ agentId: A });
    a.cc.frame(agentFrame("AgentLogoutSuccess", { status: "LoggedOut", loggedOutBy: "supervisor" }));
    await h.settle();
    expect(a.run.app.sync.agent?.status).toBe("signed-out");
    a.cc.frame(agentFrame("AgentStationLoginSuccess", { status: "LoggedIn", subStatus: "Idle", auxCodeId: "idle-meeting", agentSessionId: "s-2", interactionIds: [], channelsMap: { telephony: ["x"] } }));
    await h.settle();
    expect(a.run.app.sync.agent?.status).toBe("idle");
  });
});

describe("a reload of the pane mid-call", () => {
  function tab(): Storage {
    const m = new Map<string, string>();
    return {
      get length() {
        return m.size;
      },
      clear: () => m.clear(),
      getItem: (k: string) => m.get(k) ?? null,
      key: (i: number) => [...m.keys()][i] ?? null,
      removeItem: (k: string) => void m.delete(k),
      setItem: (k: string, v: string) => void m.set(k, String(v)),
    };
  }

  /** The conversation as Webex announces it after the relogin of a new page (`AgentContact`, state connected). */
  async function announce(c: CcChain): Promise<void> {
    c.cc.frame(agentFrame("AgentReloginSuccess", { status: "LoggedIn", subStatus: "Available", auxCodeId: "0", agentSessionId: "s-1", interactionIds: [INTERACTION_ID], channelsMap: {} }));
    await play({ ...CALL, steps: [{ to: "A", signal: "eAgentContact", set: { state: "connected", owner: "A", join: "A" } }] }, deliver(c), () => h.settle());
  }

  test.each(["storage", "blocked"] as const)("sessionStorage %s: no second NOTIFY or ACCEPT, and the END comes once", async (mode) => {
    const t = tab();
    const store = () => (mode === "storage" ? safeSessionStorage({ sessionStorage: t }) : safeSessionStorage(undefined));
    const a = await h.agent({ agentId: A, store: store() });
    await play(CALL, deliver(a), () => h.settle());
    expect(payloads(a)).toEqual([`A: CALL INBOUND NOTIFY ${CALL_FIELDS}`, `A: CALL INBOUND ACCEPT ${CALL_FIELDS}`]);

    // The new page listens before the SDK registers; Webex's relogin and the open task arrive while it does.
    const b = await h.agent({ agentId: A, store: store(), reloadOf: a, registerLater: true });
    await announce(b);
    b.register();
    await b.run.started;
    await h.settle();
    // Without storage the new page does not know what SAP has; a conversation first seen connected
    // after a reload is taken to have its activity already (sap-payload.ts), so never a second one.
    expect(payloads(b)).toEqual([`A: CALL INBOUND NOTIFY ${CALL_FIELDS}`, `A: CALL INBOUND ACCEPT ${CALL_FIELDS}`]);
    expect(b.run.app.sync.legs.get(INTERACTION_ID)?.phase).toBe("connected");

    await play({ ...CALL, steps: [{ to: "A", signal: "eAgentContactEnded", set: { state: "wrapUp", isTerminated: true } }, { to: "A", signal: "eAgentWrapup" }, { to: "A", signal: "eAgentContactWrappedUp" }] }, deliver(b), () => h.settle());
    expect(payloads(b).filter((p) => p.includes(" END "))).toEqual([`A: CALL UPDATEACTIVITY END ${CALL_FIELDS}`]);
    expect(b.sap.violations).toEqual([]);
  });

  test("a conversation Webex listed that never arrives: nothing is closed on a guess", async () => {
    const t = tab();
    const a = await h.agent({ agentId: A, store: safeSessionStorage({ sessionStorage: t }) });
    await play(CALL, deliver(a), () => h.settle());
    const b = await h.agent({ agentId: A, store: safeSessionStorage({ sessionStorage: t }), reloadOf: a, registerLater: true, taskWaitMs: 30 });
    b.cc.frame(agentFrame("AgentReloginSuccess", { status: "LoggedIn", subStatus: "Available", auxCodeId: "0", interactionIds: [INTERACTION_ID], channelsMap: {} }));
    b.register();
    await b.run.started; // the connector has given up waiting for the listed conversation
    await h.settle();
    expect(b.run.connector.log.recent().map((l) => l.text)).toContain("could not read the desktop's task list: 1 of the agent's 1 open conversations did not arrive");
    expect(payloads(b)).toEqual([`A: CALL INBOUND NOTIFY ${CALL_FIELDS}`, `A: CALL INBOUND ACCEPT ${CALL_FIELDS}`]);
  });

  test("stopped while waiting for the listed conversations: the wait ends at once", async () => {
    const a = await h.agent({ agentId: A, registerLater: true });
    a.cc.frame(agentFrame("AgentReloginSuccess", { status: "LoggedIn", subStatus: "Available", auxCodeId: "0", interactionIds: [INTERACTION_ID], channelsMap: {} }));
    a.register();
    await h.settle();
    a.run.stop();
    await a.run.started;
    expect(a.run.connector.log.recent().map((l) => l.text)).toContain("could not read the desktop's task list: stopped");
  });

  test("the conversation ended while the pane reloaded: its END still reaches SAP", async () => {
    const t = tab();
    const a = await h.agent({ agentId: A, store: safeSessionStorage({ sessionStorage: t }) });
    await play(CALL, deliver(a), () => h.settle());
    const b = await h.agent({ agentId: A, store: safeSessionStorage({ sessionStorage: t }), reloadOf: a, registerLater: true });
    // Webex's relogin lists nothing open any more.
    b.cc.frame(agentFrame("AgentReloginSuccess", { status: "LoggedIn", subStatus: "Available", auxCodeId: "0", interactionIds: [], channelsMap: {} }));
    b.register();
    await b.run.started;
    await h.settle();
    expect(payloads(b)).toEqual([`A: CALL INBOUND NOTIFY ${CALL_FIELDS}`, `A: CALL INBOUND ACCEPT ${CALL_FIELDS}`, `A: CALL UPDATEACTIVITY END ${CALL_FIELDS}`]);
  });
});

test("stopping leaves no listener on the SDK", async () => {
  const a = await h.agent({ agentId: A });
  expect(a.cc.listenerCount()).toBeGreaterThan(20);
  a.run.stop();
  expect(a.cc.listenerCount()).toBe(0);
});

test("a failed registration rejects `started` and is logged once, by its reason", async () => {
  const c = await h.agent({ agentId: A, registered: Promise.reject(new Error("401 Unauthorized")) });
  await expect(c.run.started).rejects.toThrow("401 Unauthorized");
  await h.settle();
  expect(c.run.connector.log.recent().map((l) => l.text).filter((t) => t.startsWith("not started"))).toEqual(["not started: 401 Unauthorized"]);
});

describe("notifications only the CC SDK passes on (docs/reference/webex-cc-events.md §3.3)", () => {
  test.each(["AgentVteamTransferred", "AgentContactUnassigned"])("%s ends this agent's leg, once, before its wrap-up", async (type) => {
    const a = await h.agent({ agentId: A });
    await play(CALL, deliver(a), () => h.settle());
    a.cc.frame({ type: "RoutingMessage", data: { type, interactionId: INTERACTION_ID, agentId: A, interaction: { interactionId: INTERACTION_ID, mediaType: "telephony", state: "connected" } } });
    await h.settle();
    await play({ ...CALL, steps: [{ to: "A", signal: "eAgentWrapup" }, { to: "A", signal: "eAgentContactWrappedUp" }] }, deliver(a), () => h.settle());
    expect(payloads(a)).toEqual([`A: CALL INBOUND NOTIFY ${CALL_FIELDS}`, `A: CALL INBOUND ACCEPT ${CALL_FIELDS}`, `A: CALL UPDATEACTIVITY END ${CALL_FIELDS}`]);
    expect(a.run.app.sync.legs.size).toBe(0);
  });

  test("AgentContactReserved pops the offer; the AgentOfferContact that follows adds nothing; AgentContactAssignFailed ends it", async () => {
    const a = await h.agent({ agentId: A });
    await play({ ...CALL, steps: [{ to: "A", signal: "eAgentOfferContact" }] }, (_t, _s, msg) => a.cc.frame({ ...msg, data: { ...(msg as { data: object }).data, type: "AgentContactReserved" } }), () => h.settle());
    await play({ ...CALL, steps: [{ to: "A", signal: "eAgentOfferContact" }] }, deliver(a), () => h.settle());
    expect(payloads(a)).toEqual([`A: CALL INBOUND NOTIFY ${CALL_FIELDS}`]);
    a.cc.frame({ type: "RoutingMessage", data: { type: "AgentContactAssignFailed", interactionId: INTERACTION_ID, agentId: A, reason: "ASSIGN_FAILED" } });
    await h.settle();
    expect(payloads(a)).toEqual([`A: CALL INBOUND NOTIFY ${CALL_FIELDS}`, `A: CALL UPDATEACTIVITY END ${CALL_FIELDS}`]);
    expect(a.run.app.sync.legs.size).toBe(0);
  });
});

test("an Agent Desktop widget of the same agent (multi-login) cannot link to this pane: SAP never gets a leg twice", async () => {
  const a = await h.agent({ agentId: A });
  const desktopWin = h.bus.window(DESKTOP_ORIGIN);
  // What a desktop widget says to every window it might find the mashup in (widget/mashup-link.ts).
  a.mashupWin.receiveFrom(desktopWin, message({ t: "hello", role: "widget", instance: "desktop-widget-1" }));
  await h.settle();
  expect(desktopWin.received).toEqual([]);
  expect(a.run.app.link.linked).toBe(true); // still linked to its own, in-page connector
});
