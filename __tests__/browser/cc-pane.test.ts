/** @jest-environment node */
/**
 * What only the "Webex in SAP" topology does, with the REAL Webex CC SDK: the pane (the real
 * `@webex/contact-center` and `startWebexInSap`) framed by an SAP stand-in page, signed in and
 * station-logged-in against the emulated Webex CC cloud, the contact-center simulation playing
 * the customer and Webex's routing. Click-to-dial through `cc.startOutdial`, state with the
 * tenant's idle codes, the sign-out reason Webex receives, a reload of the pane mid-call, the
 * notifications only the CC SDK passes on, and a pane that stops cleanly.
 */
import { message } from "../../channel/protocol";
import { CLOUD_AGENTS } from "../../sandbox/server";
import type { AgentKey } from "../support/scenarios";
import { frameOf, useStage, type Stage } from "./browser-support";
import { closePane, IDS, openPane, paneApp, paneState, preparePanes, received, sapLines, sapSeen, sentTo, settled, type AgentPane } from "./cc-pane-support";

jest.setTimeout(60_000);

const A = IDS.A;
const UUID = "00163e2a-1234-1eda-b895-42c904e08752";
const SAP_OBJECT = { PhoneNumber: "+1 650 305 4000", ActivityUUID: UUID, ObjectTypeCode: "39" };
const CALL_FIELDS = "ANI=+14155550132 DNIS=+18005550100";

let st: Stage;
useStage((s) => (st = s));
let tokens: Map<AgentKey, string>;
beforeAll(async () => {
  tokens = await preparePanes(st);
});

let pane: AgentPane | undefined;
afterEach(async () => {
  if (pane) await closePane(st, pane);
  pane = undefined;
});

const cc = () => st.sandbox.cc;
/** The conversations the simulation offered agent A since the pane opened, newest last. */
const offeredTo = (p: AgentPane) => [...new Set(st.sandbox.cloud.notifications.sent.slice(p.from).filter((m) => m.agentId === A && m.message.data?.type === "AgentOfferContact").map((m) => m.message.data!.interactionId!))];


async function waitFor<T>(what: string, read: () => Promise<T> | T, ok: (v: T) => boolean): Promise<T> {
  for (let i = 0; ; i++) {
    const v = await read();
    if (ok(v)) return v;
    if (i > 300) throw new Error(`${what}: still ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The console errors so far are exactly these (page URL and SDK time stamp left out); they are then cleared. */
function expectErrors(expected: (string | RegExp)[]): void {
  const seen = st.errors.map((e) => e.replace(/^https?:\/\/\S+?: /, "").replace(/ \d{4}-\d\d-\d\dT[\d:.]+Z /, " "));
  expect(seen).toEqual(expected.map((x) => (typeof x === "string" ? x : expect.stringMatching(x))));
  st.errors.length = 0;
}

/** An inbound call to A, offered and answered at A's phone. */
async function answeredCall(p: AgentPane): Promise<string> {
  await cc().stateChange(A, "Available", "0");
  const id = cc().inbound({ from: "+14155550132", to: A });
  cc().agentAnswers(id, A);
  await received(p, sentTo(st, p, id));
  return id;
}

describe("click-to-dial", () => {
  test("dials through cc.startOutdial; SAP gets OUTBOUND NOTIFY, ACCEPT, END with its ActivityUUID", async () => {
    pane = await openPane(st, tokens, "A");
    await pane.page.evaluate((o) => (window as unknown as { sapStandIn: { dial(o: unknown): void } }).sapStandIn.dial(o), SAP_OBJECT);
    const [id] = await waitFor("the outdial", () => offeredTo(pane!), (ids) => ids.length === 1);
    cc().customerAnswers(id!);
    await cc().end(A, id!);
    await cc().wrapup(A, id!);
    // No caller id configured: Webex's default for the entry point (the simulation's +18005550199).
    const rest = `ANI=+16503054000 ActivityUUID=${UUID} DNIS=+18005550199`;
    expect(await sapLines(st, pane, id!)).toEqual([`A: CALL OUTBOUND NOTIFY ${rest}`, `A: CALL OUTBOUND ACCEPT ${rest}`, `A: CALL UPDATEACTIVITY END ${rest}`]);
    expect((await paneState(pane)).legs).toBe(0);
  });

  test("the configured caller id goes to Webex as the outdial's origin", async () => {
    pane = await openPane(st, tokens, "A", { outdialAni: "+18005550123" });
    await pane.page.evaluate((o) => (window as unknown as { sapStandIn: { dial(o: unknown): void } }).sapStandIn.dial(o), SAP_OBJECT);
    const [id] = await waitFor("the outdial", () => offeredTo(pane!), (ids) => ids.length === 1);
    // The simulation keeps the origin as the call's ANI and the customer as its DNIS, as Webex does on an outdial.
    expect(cc().host(A).tasks.get(id!)?.interaction.callProcessingDetails).toMatchObject({ ani: "+18005550123", dnis: "+16503054000" });
    await cc().end(A, id!);
    await cc().wrapup(A, id!);
    await sapLines(st, pane, id!);
  });

  test("an agent without an outdial entry point is told so; Webex is not asked", async () => {
    const profile = cc().host(A).profile;
    const ep = profile.outDialEp;
    profile.outDialEp = "";
    try {
      pane = await openPane(st, tokens, "A");
      await pane.page.evaluate((o) => (window as unknown as { sapStandIn: { dial(o: unknown): void } }).sapStandIn.dial(o), SAP_OBJECT);
      await waitFor("the notice", () => paneState(pane!), (s) => s.notices.length > 0);
      expect((await paneState(pane)).notices.map((n) => n[0])).toEqual(["n.dialNotAllowed"]);
      await settled(pane);
      expect((await sapSeen(pane)).payloads).toEqual([]);
      expect(offeredTo(pane)).toEqual([]);
      // The mashup's own account of it, the number masked.
      expectErrors(["[wxcc-sap mashup] The call to +*********00 was not placed: outgoing calls are not set up for you in Webex. Ask your contact center administrator. (No outdial entry point is configured for this agent (outdialEp).)"]);
    } finally {
      profile.outDialEp = ep;
    }
  });

  test("Webex refuses the outdial (AgentOutboundFailed): the agent is told why, SAP gets nothing", async () => {
    pane = await openPane(st, tokens, "A");
    cc().failNextOutdial.set(A, "Destination busy");
    await pane.page.evaluate((o) => (window as unknown as { sapStandIn: { dial(o: unknown): void } }).sapStandIn.dial(o), SAP_OBJECT);
    const s = await waitFor("the notice", () => paneState(pane!), (x) => x.notices.length > 0);
    expect(s.notices).toEqual([["n.dialNotPlaced", "Destination busy (1008)"]]);
    await settled(pane);
    expect((await sapSeen(pane)).payloads).toEqual([]);
    expectErrors([
      // The SDK's own: its TaskManager takes every AgentOutboundFailed for a task it has, and a
      // refused request has none (3.10.0-next.17, TaskManager.js; docs/reference/webex-cc-sdk.md §5.6).
      "page error: Cannot read properties of undefined (reading 'emit')",
      /^wx-js-sdk PLUGIN_CC - \[ERROR\]: module:cc - method:startOutdial - trackingId:\S+ - startOutdial failed with reason: Destination busy$/,
      "[wxcc-sap mashup] The call to +*********00 was not placed: Webex refused it. Try again, or dial from the Agent Desktop. (Destination busy (1008))",
    ]);
  });
});

describe("agent state", () => {
  test("the tenant's idle codes (the SDK's Available entry and system codes left out); Idle and Available go to Webex and come back", async () => {
    pane = await openPane(st, tokens, "A");
    const first = await paneState(pane);
    // A station login leaves the agent Idle on the default code (the simulation's Break).
    expect(first.agent).toEqual({
      status: "idle",
      name: CLOUD_AGENTS[0]!.agentName,
      idleCode: { id: "idle-break", name: "Break" },
      idleCodes: [
        { id: "idle-meeting", name: "Meeting" },
        { id: "idle-break", name: "Break" },
        { id: "idle-lunch", name: "Lunch" },
      ],
      outdialEnabled: true,
    });
    expect(await paneApp(pane, "setState", "idle", "idle-meeting")).toBeUndefined();
    const idle = await waitFor("Meeting", () => paneState(pane!), (x) => (x.agent?.idleCode as { id?: string } | undefined)?.id === "idle-meeting");
    expect(idle.agent?.status).toBe("idle");
    expect(cc().host(A).session).toMatchObject({ subStatus: "Idle", auxCodeId: "idle-meeting" });
    expect(await paneApp(pane, "setState", "available")).toBeUndefined();
    const available = await waitFor("Available", () => paneState(pane!), (x) => x.agent?.status === "available");
    expect(available.agent?.idleCode).toBeUndefined();
    expect(cc().host(A).session).toMatchObject({ subStatus: "Available", auxCodeId: "0" });
  });
});

test("an agent not signed in starts signed out, with no open conversations; one reloaded while idle on Lunch starts idle on Lunch", async () => {
  const out = await openPane(st, tokens, "A", { stationLogin: false });
  pane = out;
  expect((await paneState(out)).agent?.status).toBe("signed-out");
  expect((await paneState(out)).logs.filter((l) => l.includes("task list"))).toEqual([]);
  await out.frame.evaluate(() => (window as unknown as { ccPane: { stationLogin(d: string): Promise<unknown> } }).ccPane.stationLogin("+14155552001"));
  await cc().stateChange(A, "Idle", "idle-lunch");
  await waitFor("Lunch", () => paneState(out), (x) => (x.agent?.idleCode as { id?: string } | undefined)?.id === "idle-lunch");
  pane = await openPane(st, tokens, "A", { reloadOf: out });
  expect(pane.reloggedIn).toBe(true);
  expect((await paneState(pane)).agent).toMatchObject({ status: "idle", idleCode: { id: "idle-lunch", name: "Lunch" } });
});

describe("sign-out", () => {
  test("the reason the agent picked (Lunch) is the logout reason Webex receives", async () => {
    pane = await openPane(st, tokens, "A");
    const before = st.sandbox.cloud.logoutReasons.length;
    expect(await paneApp(pane, "signOut", "Lunch")).toBeUndefined();
    await waitFor("signed out", () => paneState(pane!), (x) => x.agent?.status === "signed-out");
    expect(st.sandbox.cloud.logoutReasons.slice(before).map((l) => [l.agentId, l.reason])).toEqual([[A, "Lunch"]]);
    expect(cc().host(A).session.status).toBe("LoggedOut");
  });

  test("refused while a conversation is open: Webex is not asked", async () => {
    pane = await openPane(st, tokens, "A");
    const id = await answeredCall(pane);
    await settled(pane);
    const before = st.sandbox.cloud.logoutReasons.length;
    expect(await paneApp(pane, "signOut", "Lunch")).toBe("You cannot sign out while a conversation or its wrap-up is open. Finish them, then sign out.");
    expect(st.sandbox.cloud.logoutReasons.length).toBe(before);
    expectErrors(["[wxcc-sap mashup] You cannot sign out while a conversation or its wrap-up is open. Finish them, then sign out."]);
    await cc().end(A, id);
    await cc().wrapup(A, id);
    expect(await sapLines(st, pane, id)).toEqual([`A: CALL INBOUND NOTIFY ${CALL_FIELDS}`, `A: CALL INBOUND ACCEPT ${CALL_FIELDS}`, `A: CALL UPDATEACTIVITY END ${CALL_FIELDS}`]);
  });

  test("signed out by Webex (a supervisor, another device): shown; a new station login brings the agent back", async () => {
    pane = await openPane(st, tokens, "A");
    await cc().logout(A, undefined);
    await waitFor("signed out", () => paneState(pane!), (x) => x.agent?.status === "signed-out");
    await pane.frame.evaluate(() => (window as unknown as { ccPane: { stationLogin(d: string): Promise<unknown> } }).ccPane.stationLogin("+14155552001"));
    await waitFor("back", () => paneState(pane!), (x) => x.agent?.status === "idle");
  });
});

describe("a reload of the pane mid-call", () => {
  test("no second NOTIFY or ACCEPT, and the END comes once", async () => {
    const first = await openPane(st, tokens, "A");
    pane = first;
    const id = await answeredCall(first);
    expect(await sapLines(st, first, id)).toEqual([`A: CALL INBOUND NOTIFY ${CALL_FIELDS}`, `A: CALL INBOUND ACCEPT ${CALL_FIELDS}`]);
    // The pane reloads in its SAP page; Webex's relogin lists the call and announces it (AgentContact).
    pane = await openPane(st, tokens, "A", { reloadOf: first });
    expect(pane.reloggedIn).toBe(true);
    await settled(pane);
    expect((await paneState(pane)).legs).toBe(1);
    cc().customerEnds(id);
    await cc().wrapup(A, id);
    expect(await sapLines(st, pane, id)).toEqual([`A: CALL INBOUND NOTIFY ${CALL_FIELDS}`, `A: CALL INBOUND ACCEPT ${CALL_FIELDS}`, `A: CALL UPDATEACTIVITY END ${CALL_FIELDS}`]);
    expect((await paneState(pane)).legs).toBe(0);
  });

  test("the conversation ended while the pane reloaded: its END still reaches SAP", async () => {
    const first = await openPane(st, tokens, "A");
    pane = first;
    const id = await answeredCall(first);
    await sapLines(st, first, id);
    pane = await openPane(st, tokens, "A", {
      reloadOf: first,
      // Between the old page and the new one: the customer hangs up and the wrap-up is done elsewhere.
      meanwhile: async () => {
        cc().customerEnds(id);
        await cc().wrapup(A, id);
      },
    });
    expect(pane.reloggedIn).toBe(true);
    expect(await sapLines(st, pane, id)).toEqual([`A: CALL INBOUND NOTIFY ${CALL_FIELDS}`, `A: CALL INBOUND ACCEPT ${CALL_FIELDS}`, `A: CALL UPDATEACTIVITY END ${CALL_FIELDS}`]);
  });
});

describe("notifications only the CC SDK passes on (docs/reference/webex-cc-events.md §3.3)", () => {
  test("a transfer to a queue (AgentVteamTransferred) ends this agent's leg, once, before its wrap-up", async () => {
    pane = await openPane(st, tokens, "A");
    const id = await answeredCall(pane);
    // What the SDK's transfer request runs in the emulated cloud.
    st.sandbox.cloud.actions.transfer(A, id, { destinationType: "queue", to: "queue-support" });
    await cc().wrapup(A, id);
    expect(await sapLines(st, pane, id)).toEqual([`A: CALL INBOUND NOTIFY ${CALL_FIELDS}`, `A: CALL INBOUND ACCEPT ${CALL_FIELDS}`, `A: CALL UPDATEACTIVITY END ${CALL_FIELDS}`]);
    expect((await paneState(pane)).legs).toBe(0);
    cc().customerEnds(id);
  });

  test("AgentContactUnassigned (sent on the socket) ends this agent's leg, once", async () => {
    pane = await openPane(st, tokens, "A");
    const id = await answeredCall(pane);
    const task = cc().host(A).tasks.get(id)!;
    st.sandbox.cloud.notifications.toAgent(A, { type: "RoutingMessage", orgId: cc().orgId, trackingId: "t-unassigned", data: { ...(task as unknown as Record<string, unknown>), type: "AgentContactUnassigned" } });
    await cc().end(A, id);
    await cc().wrapup(A, id);
    expect(await sapLines(st, pane, id)).toEqual([`A: CALL INBOUND NOTIFY ${CALL_FIELDS}`, `A: CALL INBOUND ACCEPT ${CALL_FIELDS}`, `A: CALL UPDATEACTIVITY END ${CALL_FIELDS}`]);
  });

  test("AgentContactAssignFailed (sent on the socket) ends the offer: a pop, then its END", async () => {
    pane = await openPane(st, tokens, "A");
    await cc().stateChange(A, "Available", "0");
    const id = cc().inbound({ from: "+14155550132", to: A });
    await received(pane, sentTo(st, pane, id));
    st.sandbox.cloud.notifications.toAgent(A, { type: "RoutingMessage", orgId: cc().orgId, trackingId: "t-assign-failed", data: { ...(cc().host(A).tasks.get(id) as unknown as Record<string, unknown>), type: "AgentContactAssignFailed", reason: "ASSIGN_FAILED", reasonCode: 0 } });
    expect(await sapLines(st, pane, id)).toEqual([`A: CALL INBOUND NOTIFY ${CALL_FIELDS}`, `A: CALL UPDATEACTIVITY END ${CALL_FIELDS}`]);
    expect((await paneState(pane)).legs).toBe(0);
    // The simulation still has the offer: it rings out once the pane is gone (the SDK has dropped its task).
    await closePane(st, pane, [id]);
    pane = undefined;
    cc().rona(id, A);
  });
});

test("an Agent Desktop widget of the same agent (multi-login) cannot link to this pane: SAP never gets a leg twice", async () => {
  pane = await openPane(st, tokens, "A");
  const desktop = st.sandbox.config.desktops[0]!;
  // A page of the Agent Desktop's origin in the SAP page, saying what a desktop widget says to every
  // window it might find the mashup in (widget/mashup-link.ts), and recording what it gets back.
  const hello = message({ t: "hello", role: "widget", instance: "desktop-widget-1" });
  await st.context.route(`${desktop}/sandbox/webex-sdk-probe.js`, (r) =>
    r.fulfill({ status: 200, contentType: "text/javascript", body: `window.got = []; addEventListener("message", (e) => window.got.push(e.data)); parent.frames[0].postMessage(${JSON.stringify(hello)}, "*");` }),
  );
  await pane.page.evaluate((src) => {
    const f = document.createElement("iframe");
    f.src = src;
    document.body.append(f);
  }, `${desktop}/sandbox/sdk-probe.html`);
  const desktopFrame = await frameOf(pane.page, desktop);
  await desktopFrame.waitForFunction(() => "got" in window);
  await settled(pane);
  expect(await desktopFrame.evaluate(() => (window as unknown as { got: unknown[] }).got)).toEqual([]);
  expect((await paneState(pane)).linked).toBe(true); // still linked to its own, in-page connector
});

test("stopping leaves no listener on the SDK", async () => {
  pane = await openPane(st, tokens, "A");
  const running = await paneState(pane);
  expect(running.listeners - running.listenersBefore).toBeGreaterThan(20);
  await pane.frame.evaluate(() => (window as unknown as { ccPane: { stopPane(): void } }).ccPane.stopPane());
  const stopped = await paneState(pane);
  expect(stopped.listeners).toBe(stopped.listenersBefore);
});

// The real SDK (3.10.0-next.17) swallows the refused subscription and then waits for the socket's
// welcome forever: register() never settles (docs/reference/webex-cc-sdk.md §4.4). The pane is left
// waiting, never started on a guess; telling the agent to sign in again is the topology shell's
// part (it must not wait on register() alone).
test("a refused registration (a revoked token): the SDK logs it and register() does not settle; the pane does not start", async () => {
  expect(st.sandbox.cloud.tokens.revokeAgent(A)).toBeGreaterThan(0);
  try {
    pane = await openPane(st, tokens, "A", { awaitStart: false });
    await waitFor("the SDK's account", () => st.errors, (e) => e.some((x) => x.includes("Register API Failed")));
    expectErrors([
      "Failed to load resource: the server responded with a status of 401 (Unauthorized)",
      /^wx-js-sdk PLUGIN_CC - \[ERROR\]: module:WebSocketManager - method:register - Register API Failed, Request to RoutingNotifs websocket registration API failed E: The request requires a valid access token set in the Authorization request header\.\nPOST http:\/\/\S+\/webex\/v1\/notification\/subscribe\nWEBEX_TRACKING_ID: \S+\n$/,
    ]);
    const s = await paneState(pane);
    // Linked to its in-page connector, which knows no agent yet.
    expect({ started: s.started, status: s.agent?.status, notStarted: s.logs.filter((l) => l.startsWith("not started")) }).toEqual({ started: "pending", status: "unknown", notStarted: [] });
  } finally {
    await pane?.page.close();
    pane = undefined;
    // A new sign-in for whatever runs after this.
    tokens = await preparePanes(st);
  }
});
