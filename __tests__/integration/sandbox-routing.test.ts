/**
 * Issue 12: the contact-center simulation routes as Webex does, seen through the real SDK, the
 * widget, the mashup and the SAP test double: nothing is offered to an agent who is Idle, signed
 * out or at capacity; RONA puts the agent in the RONA idle state; a customer who hangs up while
 * the offer rings leaves no wrap-up; a signed-out agent signs in again at the station and is
 * offered the next call once Available; conference controls follow who is still in it.
 */
import type { Desktop } from "@wxcc-desktop/sdk";
import { Harness, WRAP_UP, type AgentChain } from "../support/harness";

let h: Harness;
beforeEach(() => (h = Harness.quiet(["warn", "error"])));
afterEach(() => h.close());

const sdk = (a: AgentChain) => a.desktop as unknown as typeof Desktop;
const signals = (a: AgentChain, from = 0) => a.host.requests.slice(from).map((r) => r.method);
const types = (a: AgentChain) => [...a.host.tasks.values()].map((t) => t.type);
const available = (a: AgentChain) => sdk(a).agentStateInfo.stateChange({ state: "Available", auxCodeIdArray: "0" });

/** Every agent-session notification the host sent, as "type status subStatus auxCodeId". */
function agentNotes(a: AgentChain): string[] {
  const out: string[] = [];
  for (const name of ["eAgentStateChangeSuccess", "eAgentStationLoginSuccess", "eAgentLogoutSuccess"] as const) {
    (a.host.aqm.agent[name] as unknown as { listen(fn: (m: { data: Record<string, unknown> }) => void): void }).listen((m) =>
      out.push(`${String(m.data.type)} ${String(m.data.status)} ${String(m.data.subStatus)}${m.data.auxCodeId !== undefined ? " " + String(m.data.auxCodeId) : ""}`),
    );
  }
  return out;
}

test("an agent who starts Idle (as a station login leaves them) is offered nothing until Available, then the waiting call", async () => {
  const a = await h.agent({ initialState: "Idle" });
  expect(a.host.session).toMatchObject({ status: "LoggedIn", subStatus: "Idle", auxCodeId: "idle-break" });
  const id = h.cc.inbound({ from: "+14155550132", to: a.agentId });
  await h.settle();
  expect(a.host.tasks.size).toBe(0);
  expect(a.sap.payloads).toEqual([]);
  expect(h.cc.waitingReason(id)).toBe("waiting: Agent 1 is not Available");

  await available(a);
  await h.settle();
  expect(types(a)).toEqual(["AgentOfferContact"]);
  expect(a.sap.summary).toEqual(["CALL INBOUND NOTIFY"]);
  expect(h.cc.waitingReason(id)).toBeUndefined();
});

test("capacity: one call at a time; the second call waits until the first is wrapped up; a chat is not blocked by a call", async () => {
  const a = await h.agent({ capacity: { telephony: 1, chat: 5, email: 5, social: 5 } });
  const first = h.cc.inbound({ from: "+14155550132", to: a.agentId });
  const second = h.cc.inbound({ from: "+14155550100", to: a.agentId });
  const chat = h.cc.inbound({ media: "chat", from: "li.wei@mail.example", to: a.agentId });
  await h.settle();
  expect([...a.host.tasks.keys()]).toEqual([first, chat]);
  expect(h.cc.waitingReason(second)).toBe("waiting: Agent 1 is at capacity for telephony (1)");

  await sdk(a).agentContact.accept({ interactionId: first });
  await sdk(a).agentContact.end({ interactionId: first });
  await h.settle();
  // Still in wrap-up: the call's slot is taken until the agent has wrapped up.
  expect(a.host.tasks.has(second)).toBe(false);
  await sdk(a).agentContact.wrapup({ interactionId: first, data: WRAP_UP });
  await h.settle();
  expect(a.host.tasks.get(second)?.type).toBe("AgentOfferContact");
});

test("RONA: the offer is withdrawn and Webex puts the agent in the RONA idle state; the call goes to the next Available agent", async () => {
  const a = await h.agent();
  const b = await h.agent({ initialState: "Idle" });
  const seen = agentNotes(a);
  const id = h.cc.inbound({ from: "+14155550132", to: a.agentId });
  await h.settle();
  h.cc.rona(id, a.agentId);
  await h.settle();
  expect(seen).toEqual(["AgentStateChangeSuccess LoggedIn Idle idle-rona"]);
  expect(a.host.session).toMatchObject({ subStatus: "Idle", auxCodeId: "idle-rona" });
  expect(a.host.idleCodeName()).toBe("RONA");
  expect(a.mashup.sync.agent?.status).toBe("idle");
  expect(a.sap.summary).toEqual(["CALL INBOUND NOTIFY", "CALL UPDATEACTIVITY END"]);
  expect(a.host.tasks.size).toBe(0);
  // Back in the queue: Bruno is Idle, so it waits; once he is Available it is his.
  expect(h.cc.waitingReason(id)).toBe("waiting in queue for an Available agent");
  await available(b);
  await h.settle();
  expect(types(b)).toEqual(["AgentOfferContact"]);
  expect(a.host.tasks.size).toBe(0);
});

test("the customer hangs up while the offer rings: ContactEnded in state new, no wrap-up, the task is gone, SAP gets NOTIFY then END", async () => {
  const a = await h.agent();
  const id = h.cc.inbound({ from: "+14155550132", to: a.agentId });
  await h.settle();
  const seen: string[] = [];
  for (const name of ["eAgentContactEnded", "eAgentWrapup"] as const) a.host.aqm.contact[name].listen((m) => seen.push(`${m.data.type} ${m.data.interaction.state} [${String((m.data as { agentsPendingWrapUp?: string[] }).agentsPendingWrapUp)}]`));
  h.cc.customerEnds(id);
  await h.settle();
  expect(seen).toEqual(["ContactEnded new []"]);
  expect(a.host.tasks.size).toBe(0);
  expect(h.cc.live.has(id)).toBe(false);
  expect(a.sap.summary).toEqual(["CALL INBOUND NOTIFY", "CALL UPDATEACTIVITY END"]);
  expect(a.sap.violations).toEqual([]);
  // The widget drops it too: SAP's pane shows no wrap-up for a conversation the agent never had.
  expect(a.widget.tracker.allLegs()).toEqual([]);
  expect(a.mashup.sync.agent?.activity).toBeUndefined();
});

test("sign out, then station login again: a new session in the default idle state; Available; the next call is offered", async () => {
  const a = await h.agent();
  const seen = agentNotes(a);
  await sdk(a).logout.desktopLogout({ data: { logoutReason: "User requested logout" } });
  await h.settle();
  expect(a.mashup.sync.agent?.status).toBe("signed-out");
  const id = h.cc.inbound({ from: "+14155550132", to: a.agentId });
  await h.settle();
  expect(a.host.tasks.size).toBe(0);
  expect(h.cc.waitingReason(id)).toBe("waiting: Agent 1 is signed out");
  // Webex refuses a state change while signed out.
  await expect(available(a)).rejects.toMatchObject({ details: { data: { reason: "Agent is not logged in" } } });

  const before = a.host.requests.length;
  await a.host.aqm.agent.stationLogin({ data: { teamId: "team-1", teamName: "Support", dialNumber: "+1 555 000 1000", siteId: "site-1", usesOtherDN: false, auxCodeId: "0" } });
  await h.settle();
  expect(signals(a, before)).toEqual(["aqm.agent.stationLogin"]);
  expect(a.host.session).toMatchObject({ status: "LoggedIn", subStatus: "Idle", auxCodeId: "idle-break", agentSessionId: "session-2", dn: "+15550001000" });
  expect(sdk(a).agentStateInfo.latestData).toMatchObject({ status: "LoggedIn", subStatus: "Idle", agentSessionId: "session-2", teamId: "team-1", teamName: "Support" });
  expect(a.mashup.sync.agent?.status).toBe("idle");
  expect(a.host.tasks.size).toBe(0);

  await available(a);
  await h.settle();
  expect(seen).toEqual([
    "AgentLogoutSuccess LoggedOut ",
    "AgentStationLoginSuccess LoggedIn Idle idle-break",
    "AgentStateChangeSuccess LoggedIn Available 0",
  ]);
  expect(types(a)).toEqual(["AgentOfferContact"]);
  expect(a.sap.summary).toEqual(["CALL INBOUND NOTIFY"]);
});

test("station login is refused with a reason when already signed in, for a team not the agent's, and without a usable dial number", async () => {
  const a = await h.agent();
  const login = (teamId: string, dialNumber: string) => a.host.aqm.agent.stationLogin({ data: { teamId, teamName: null, dialNumber, siteId: "s", usesOtherDN: false, auxCodeId: "0" } });
  await expect(login("team-1", "+15550001000")).rejects.toMatchObject({ details: { data: { reason: "Agent is already logged in" } } });
  await sdk(a).logout.desktopLogout({ data: { logoutReason: "User requested logout" } });
  await expect(login("team-9", "+15550001000")).rejects.toMatchObject({ details: { data: { reason: "Team team-9 is not one of the agent's teams" } } });
  await expect(login("team-1", "call me")).rejects.toMatchObject({ details: { data: { reason: "Dial number is not a phone number" } } });
  expect(a.host.session.status).toBe("LoggedOut");
});

test("a chat conference: after agent 2 leaves, agent 1's last notification says it is no longer a conference", async () => {
  const a = await h.agent();
  const b = await h.agent();
  const id = h.cc.inbound({ media: "chat", from: "li.wei@mail.example", to: a.agentId });
  await h.settle();
  await sdk(a).agentContact.accept({ interactionId: id });
  h.cc.joinConference(id, b.agentId);
  await h.settle();
  expect(a.host.tasks.get(id)).toMatchObject({ type: "ParticipantJoinedConference", isConferencing: true });
  h.cc.leaveConference(id, b.agentId);
  await h.settle();
  expect(a.host.tasks.get(id)).toMatchObject({ type: "ParticipantLeftConference", isConferencing: false });
  expect(a.host.tasks.get(id)?.interaction.state).toBe("connected");
  expect(b.host.tasks.get(id)?.type).toBe("AgentWrapup");
});

test("transfer, consult and conference to a signed-out agent are refused with the agent's name", async () => {
  const a = await h.agent({ name: "Alice" });
  const b = await h.agent({ name: "Bruno" });
  await sdk(b).logout.desktopLogout({ data: { logoutReason: "User requested logout" } });
  const id = h.cc.inbound({ from: "+14155550132", to: a.agentId });
  await h.settle();
  await sdk(a).agentContact.accept({ interactionId: id });
  expect(() => h.cc.transfer(id, a.agentId, b.agentId)).toThrow("Bruno is signed out");
  expect(() => h.cc.consult(id, a.agentId, b.agentId)).toThrow("Bruno is signed out");
  expect(() => h.cc.joinConference(id, b.agentId)).toThrow("Bruno is signed out");
  expect(a.host.tasks.get(id)?.type).toBe("AgentContactAssigned");
});
