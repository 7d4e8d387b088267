/**
 * Agent state and sign-out from SAP (issue 4), through the real @wxcc-desktop/sdk on the emulated
 * host: state shown and changed both ways, idle codes only from the desktop, sign-out with a
 * reason chosen in SAP (Webex gets its own fixed reason), refused while conversations are open.
 */
import { Harness, type AgentChain, actions, wrapupRequest } from "../support/harness";
import { PROTOCOL, SIGN_OUT_REFUSED, type AgentState, type EventBody } from "../../channel/protocol";
import { DEFAULT_LOGOUT_REASONS } from "../../sap-mashup/mashup-app";
import { WEBEX_LOGOUT_REASON } from "../../widget/connector";

let h: Harness;
beforeEach(() => (h = Harness.quiet(["warn", "error"])));
afterEach(() => h.close());

const contact = actions;
const wrapup = wrapupRequest;

/** Every agent-state event the mashup's window received, in order. */
function agentEvents(a: AgentChain): AgentState[] {
  return a.mashupWin.received
    .map((r) => r.data as { p?: string; t?: string; body?: EventBody })
    .filter((m) => m.p === PROTOCOL && m.t === "event" && m.body?.kind === "agent")
    .map((m) => (m.body as Extract<EventBody, { kind: "agent" }>).agent);
}

const requests = (a: AgentChain, method: string) => a.host.requests.filter((r) => r.method === method).map((r) => r.payload);
const lines = (a: AgentChain) => [...a.widget.log.recent(), ...a.mashup.log.recent()].map((l) => l.text);

const CODES = [
  { id: "7f3c1a52-0c55-4d8e-9c1e-5a1f0c2b9d10", name: "Coaching", isSystem: false, isDefault: true },
  { id: "c0ffee00-1111-4222-8333-944455556666", name: "Back office", isSystem: false, isDefault: false },
  { id: "0badc0de-1111-4222-8333-944455556666", name: "RONA", isSystem: true, isDefault: false },
];

test("the mashup shows the desktop's state and its idle codes (system codes left out)", async () => {
  const a = await h.agent({ name: "Ada Agent", initialState: "Idle" });
  expect(a.mashup.sync.agent).toEqual({
    name: "Ada Agent",
    status: "idle",
    idleCode: { id: "idle-break", name: "Break" },
    idleCodes: [
      { id: "idle-meeting", name: "Meeting" },
      { id: "idle-break", name: "Break" },
      { id: "idle-lunch", name: "Lunch" },
    ],
    outdialEnabled: true,
  });
});

test("a change made in the Agent Desktop shows in the mashup within one event", async () => {
  const a = await h.agent();
  const before = agentEvents(a).length;
  // The Desktop's own state selector calls the host directly (not through our widget).
  await a.host.aqm.agent.stateChange({ data: { state: "Idle", auxCodeIdArray: "idle-meeting" } });
  await h.settle();
  const after = agentEvents(a).slice(before);
  expect(after.map((s) => [s.status, s.idleCode?.name])).toEqual([["idle", "Meeting"]]);
  expect(a.mashup.sync.agent?.status).toBe("idle");
  expect(a.mashup.sync.agent?.idleCode).toEqual({ id: "idle-meeting", name: "Meeting" });

  await a.host.aqm.agent.stateChange({ data: { state: "Available", auxCodeIdArray: "0" } });
  await h.settle();
  expect(agentEvents(a).slice(before).map((s) => s.status)).toEqual(["idle", "available"]);
  expect(a.mashup.sync.agent?.status).toBe("available");
  expect(a.mashup.sync.agent?.idleCode).toBeUndefined();
});

test("a change from SAP reaches Webex with the idle code id the desktop listed", async () => {
  const a = await h.agent({ idleCodes: CODES });
  expect(a.mashup.sync.agent?.idleCodes).toEqual([
    { id: CODES[0]!.id, name: "Coaching" },
    { id: CODES[1]!.id, name: "Back office" },
  ]);

  expect(await a.mashup.setState("idle", CODES[1]!.id)).toBeUndefined();
  await h.settle();
  expect(requests(a, "aqm.agent.stateChange")).toEqual([{ data: { state: "Idle", auxCodeIdArray: CODES[1]!.id } }]);
  expect(a.mashup.sync.agent?.status).toBe("idle");
  expect(a.mashup.sync.agent?.idleCode).toEqual({ id: CODES[1]!.id, name: "Back office" });

  expect(await a.mashup.setState("available")).toBeUndefined();
  await h.settle();
  expect(requests(a, "aqm.agent.stateChange")).toEqual([
    { data: { state: "Idle", auxCodeIdArray: CODES[1]!.id } },
    { data: { state: "Available", auxCodeIdArray: "0" } },
  ]);
  expect(a.mashup.sync.agent?.status).toBe("available");
  expect(a.notices).toEqual([]);
});

test("an idle code the desktop does not list is refused by the mashup and by the widget; Webex is not asked", async () => {
  const a = await h.agent({ idleCodes: CODES });
  // A system code (RONA) is not the agent's to choose, and a made-up one does not exist.
  const refused = "That idle state is not available to you in Webex. Choose another state.";
  expect(await a.mashup.setState("idle", CODES[2]!.id)).toBe(refused);
  expect(await a.mashup.setState("idle", "idle-meeting")).toBe(refused);
  // Straight to the widget, past the mashup's own check.
  expect(await a.mashup.link.command({ kind: "set-state", state: "idle", idleCodeId: "idle-meeting" })).toBe("That idle code is not configured for this agent.");
  await h.settle();
  expect(requests(a, "aqm.agent.stateChange")).toEqual([]);
  expect(a.notices).toEqual([
    { level: "error", text: refused },
    { level: "error", text: refused },
  ]);
  // The same refusal twice is one notice in the pane.
  expect(a.mashup.notices.items).toHaveLength(1);
});

test("a state change Webex rejects is shown as a short notice and logged", async () => {
  const a = await h.agent({ idleCodes: CODES.map((c) => ({ ...c })) });
  // The code was removed in Webex after the desktop loaded its list: Webex refuses it.
  a.host.profile.idleCodes = [CODES[0]!];
  const was = a.mashup.sync.agent;
  const error = await a.mashup.setState("idle", CODES[1]!.id);
  await h.settle();
  expect(error).toBe("Your state did not change: the Agent Desktop refused it. Try again, or change it in the Agent Desktop.");
  expect(a.notices).toEqual([{ level: "error", text: error }]);
  // Webex's own words are for support: in the log, not in the pane.
  expect(a.raised[0]?.detail).toBe("Webex did not change the state: Invalid idle code (1101)");
  expect(lines(a)).toEqual(expect.arrayContaining([`${error} (Webex did not change the state: Invalid idle code (1101))`]));
  expect(requests(a, "aqm.agent.stateChange")).toHaveLength(1);
  expect(a.mashup.sync.agent).toEqual(was);
  expect(lines(a)).toEqual(expect.arrayContaining([expect.stringContaining("state change to Idle (Back office) failed: Invalid idle code (1101)")]));
});

test("the state carries what the agent is busy with: a conversation, then wrap-up, then neither", async () => {
  const a = await h.agent();
  const before = agentEvents(a).length;
  const id = h.cc.inbound({ from: "+14155550100", to: a.agentId });
  await h.settle();
  expect(a.mashup.sync.agent?.activity).toBeUndefined(); // ringing is not yet a conversation
  await contact(a).accept({ interactionId: id });
  await h.settle();
  expect(a.mashup.sync.agent?.activity).toBe("conversation");
  await contact(a).end({ interactionId: id });
  await h.settle();
  expect(a.mashup.sync.agent?.activity).toBe("wrap-up");
  await contact(a).wrapup(wrapup(id));
  await h.settle();
  expect(a.mashup.sync.agent?.activity).toBeUndefined();
  // The first event after the offer only adds the agent id the widget learnt from it.
  expect(agentEvents(a).slice(before).map((s) => `${s.agentId ? "id" : "no id"} ${s.activity ?? "-"}`)).toEqual(["id -", "id conversation", "id wrap-up", "id -"]);
});

test("sign-out with a reason chosen in SAP: Webex gets its fixed reason, SAP shows and the logs keep the chosen one", async () => {
  const a = await h.agent({ query: `&logoutReasons=${encodeURIComponent("End of shift, Doctor's appointment ,Training")}` });
  expect(a.mashup.logoutReasons).toEqual(["End of shift", "Doctor's appointment", "Training"]);
  const rendered: unknown[] = [];
  (a.mashup as unknown as { view: { render(s: unknown): void } }).view.render = (s) => rendered.push(s);

  expect(await a.mashup.signOut("Lunch")).toBe("Choose a sign-out reason from the list, then sign out again.");
  expect(requests(a, "aqm.agent.logout")).toEqual([]);

  expect(await a.mashup.signOut("Doctor's appointment")).toBeUndefined();
  await h.settle();
  expect(requests(a, "aqm.agent.logout")).toEqual([{ data: { logoutReason: WEBEX_LOGOUT_REASON } }]);
  expect(a.mashup.sync.agent?.status).toBe("signed-out");
  expect(rendered.at(-1)).toMatchObject({ signOutReason: "Doctor's appointment", agent: { status: "signed-out" } });
  expect(a.widget.log.recent().map((l) => l.text)).toContain("sign-out requested in SAP, reason: Doctor's appointment");
  expect(a.mashup.log.recent().map((l) => l.text)).toContain("signed out, reason: Doctor's appointment");

  // Signed out: nothing more to change from SAP; sign-in is the desktop's (Webex SSO).
  expect(await a.mashup.setState("available")).toBe("You are signed out, so your state cannot change. Sign in in the Agent Desktop first.");
  expect(await a.mashup.link.command({ kind: "set-state", state: "available" })).toBe("You are signed out: sign in in the Agent Desktop first.");
  expect(requests(a, "aqm.agent.stateChange")).toEqual([]);
});

test("a sign-out made in the Agent Desktop shows in SAP too", async () => {
  const a = await h.agent();
  await a.host.aqm.agent.logout({ data: { logoutReason: WEBEX_LOGOUT_REASON } });
  await h.settle();
  expect(a.mashup.sync.agent?.status).toBe("signed-out");
});

test("default sign-out reasons when none are configured", async () => {
  const a = await h.agent();
  expect(a.mashup.logoutReasons).toEqual(DEFAULT_LOGOUT_REASONS);
  expect(DEFAULT_LOGOUT_REASONS.length).toBeGreaterThan(1);
});

test("sign-out is refused while a conversation is open: by the mashup, by the widget, and (in wrap-up) by the SDK", async () => {
  const a = await h.agent();
  const id = h.cc.inbound({ from: "+14155550100", to: a.agentId });
  await h.settle();
  await contact(a).accept({ interactionId: id });
  await h.settle();

  expect(await a.mashup.signOut("End of shift")).toBe("You cannot sign out while a conversation or its wrap-up is open. Finish them, then sign out.");
  expect(a.notices.at(-1)).toEqual({ level: "error", text: "You cannot sign out while a conversation or its wrap-up is open. Finish them, then sign out." });
  // Straight to the widget, as a mashup with a stale picture would.
  expect(await a.mashup.link.command({ kind: "sign-out", reason: "End of shift" })).toBe(SIGN_OUT_REFUSED);

  // Ended but not wrapped up: neither side holds an open leg, the desktop's task list still does.
  await contact(a).end({ interactionId: id });
  await h.settle();
  const error = await a.mashup.signOut("End of shift");
  expect(error).toBe("You were not signed out: the Agent Desktop refused it. Try again, or sign out in the Agent Desktop.");
  expect(a.raised.at(-1)?.detail).toBe("Webex did not sign you out: You cannot sign out now because you have active conversations. Complete them and try again.");
  expect(requests(a, "aqm.agent.logout")).toEqual([]);
  expect(a.mashup.sync.agent?.status).not.toBe("signed-out");

  await contact(a).wrapup(wrapup(id));
  await h.settle();
  expect(await a.mashup.signOut("End of shift")).toBeUndefined();
  expect(requests(a, "aqm.agent.logout")).toHaveLength(1);
  expect(a.sap.summary).toEqual(["CALL INBOUND NOTIFY", "CALL INBOUND ACCEPT", "CALL UPDATEACTIVITY END"]);
});

test("commands while the desktop is not linked fail visibly", async () => {
  const a = await h.agent();
  a.widget.stop();
  h.startMashup(a); // a fresh mashup that never linked
  const error = "Your state did not change: the Agent Desktop refused it. Try again, or change it in the Agent Desktop.";
  expect(await a.mashup.setState("available")).toBe(error);
  expect(a.notices.at(-1)).toEqual({ level: "error", text: error });
  expect(a.raised.at(-1)?.detail).toBe("The Agent Desktop is not linked.");
});
