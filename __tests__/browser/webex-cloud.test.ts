/** @jest-environment node */
/**
 * Issue 13: the emulated Webex CC cloud, driven by the real, unmodified `@webex/contact-center`
 * SDK in Chromium (bundled by the test support, pointed at the sandbox only through its own
 * configuration): sign-in, register with the tenant's profile, station login, state, an inbound
 * call, hold/resume, end and wrap-up, outdial, a transfer from a desktop agent, multi-login, and
 * logout with a reason the emulator records.
 */
import type { Page } from "playwright-core";
import { AGENTS, CLOUD_AGENTS } from "../../sandbox/server";
import { useStage, type Stage } from "./browser-support";
import { sdk, sdkPage, signIn } from "./webex-sdk-support";

jest.setTimeout(60_000);
const CHLOE = CLOUD_AGENTS[0]!;
const A1 = AGENTS[0]!.agentId;

let st: Stage;
useStage((s) => (st = s));
let page: Page;
let x: ReturnType<typeof sdk>;

const sim = (method: string, ...args: unknown[]) => st.sandbox.cc[method as "inbound"].apply(st.sandbox.cc, args as never) as unknown;
const names = (seen: { name: string }[]) => seen.map((e) => e.name);

test("sign-in and register: the profile has the sandbox's teams, idle and wrap-up codes", async () => {
  page = await st.context.newPage();
  const token = await signIn(st.sandbox, page, CHLOE.agentName);
  expect(token.access_token).toMatch(/^[0-9a-f]{64}_P0A1_6ecef209-9a34-4ed1-a07a-7ddd1dbe925a$/);
  expect(token.expires_in).toBe(14 * 24 * 3600);
  await sdkPage(st.sandbox, page);
  x = sdk(page);
  await x.start(st.sandbox.config.webexCloud.sdkConfig, token.access_token);
  const profile = (await x.cc("register")) as Record<string, unknown>;
  expect({ agentId: profile.agentId, agentName: profile.agentName, teams: (profile.teams as { id: string; name: string }[]).map((t) => [t.id, t.name]), idle: (profile.idleCodes as { id: string; name: string }[]).map((c) => c.name), wrap: (profile.wrapupCodes as { name: string }[]).map((c) => c.name), outDialEp: profile.outDialEp, isAgentLoggedIn: profile.isAgentLoggedIn })
    .toEqual({ agentId: CHLOE.agentId, agentName: "Chloe Durand", teams: [["team-1", "Support"]], idle: ["Meeting", "Break", "Lunch", "RONA", "Available"], wrap: ["Resolved"], outDialEp: "ep-outdial-1", isAgentLoggedIn: undefined });
});

test("station login (team and dial number), then Available", async () => {
  const from = await x.count();
  const login = (await x.cc("stationLogin", { teamId: "team-1", loginOption: "AGENT_DN", dialNumber: "+14155552000" })) as Record<string, unknown>;
  expect({ type: login.type, status: login.status, subStatus: login.subStatus, teamId: login.teamId, auxCodeId: login.auxCodeId }).toEqual({ type: "AgentStationLoginSuccess", status: "LoggedIn", subStatus: "Idle", teamId: "team-1", auxCodeId: "idle-break" });
  const state = (await x.cc("setAgentState", { state: "Available", auxCodeId: "0", lastStateChangeReason: "" })) as { data: Record<string, unknown> };
  expect({ type: state.data.type, subStatus: state.data.subStatus, auxCodeId: state.data.auxCodeId }).toEqual({ type: "AgentStateChangeSuccess", subStatus: "Available", auxCodeId: "0" });
  expect(names(await x.seen(from))).toEqual(["agent:stationLoginSuccess", "agent:dnRegistered", "agent:stateChange", "agent:stateChangeSuccess"]);
  expect(st.sandbox.cc.host(CHLOE.agentId).session).toMatchObject({ status: "LoggedIn", subStatus: "Available", dn: "+14155552000", teamId: "team-1" });
});

// The SDK's TaskManager emits task:offerContact on itself, not on the task: a task sees
// task:incoming (on cc) and then task:assigned. An ended call gives task:end twice
// (ContactEnded, then AgentWrapup), both with the interaction in wrapUp.
test("an inbound call: task:incoming; the agent's phone answers: task:assigned; hold, resume; end: wrap-up; wrap-up with a code", async () => {
  const from = await x.count();
  const id = sim("inbound", { from: "+14155550132", to: CHLOE.agentId }) as string;
  await x.waitFor("task:incoming", from, id);
  // With a dial-number station the SDK's accept() sends nothing for a call: the agent answers on the phone.
  expect(await x.task(id, "accept")).toBe("ok");
  sim("agentAnswers", id, CHLOE.agentId);
  await x.waitFor("task:assigned", from, id);
  expect(await x.task(id, "hold")).toBe("ok");
  expect(await x.task(id, "resume")).toBe("ok");
  expect(await x.task(id, "end")).toBe("ok");
  expect(await x.task(id, "wrapup", { wrapUpReason: "Resolved", auxCodeId: "wrap-resolved" })).toBe("ok");
  expect((await x.seen(from)).map((e) => `${e.name} ${e.state ?? ""}`.trim())).toEqual([
    "task:incoming new", "task:assigned connected", "task:hold held", "task:resume connected", "task:end wrapUp", "task:end wrapUp", "task:wrappedup wrapUp",
  ]);
  expect(await x.taskIds()).toEqual([]);
  const sent = st.sandbox.cloud.notifications.sent.filter((m) => m.agentId === CHLOE.agentId && m.message.data?.interactionId === id).map((m) => m.message.data!.type);
  expect(sent).toEqual(["AgentContactReserved", "AgentOfferContact", "AgentContactAssigned", "AgentContactHeld", "AgentContactUnheld", "ContactEnded", "AgentWrapup", "AgentWrappedUp"]);
  expect(sentWrap(id)).toBe("wrap-resolved");
});

function sentWrap(id: string): unknown {
  return st.sandbox.cloud.notifications.sent.find((m) => m.message.data?.interactionId === id && m.message.data?.type === "AgentWrappedUp")?.message.data?.wrapUpAuxCodeId;
}

test("outdial: an outbound task; the customer answers", async () => {
  const from = await x.count();
  const r = (await x.cc("startOutdial", "+14155550177", "+18005550199")) as { data: { type: string; interactionId: string } };
  expect(r.data.type).toBe("AgentOfferContact");
  const id = r.data.interactionId;
  await x.waitFor("task:incoming", from, id);
  sim("customerAnswers", id);
  await x.waitFor("task:assigned", from, id);
  expect(await x.task(id, "end")).toBe("ok");
  expect(await x.task(id, "wrapup", { wrapUpReason: "Resolved", auxCodeId: "wrap-resolved" })).toBe("ok");
  expect(names(await x.seen(from))).toEqual(["task:incoming", "task:assigned", "task:end", "task:end", "task:wrappedup"]);
  expect(st.sandbox.cc.host(CHLOE.agentId).tasks.size).toBe(0);
});

test("a transfer from a desktop agent gives the SDK agent task:incoming; the SDK transfers it back", async () => {
  const cc = st.sandbox.cc;
  await cc.stateChange(A1, "Available", "0");
  const id = sim("inbound", { from: "+14155550132", to: A1 }) as string;
  await cc.accept(A1, id);
  const from = await x.count();
  sim("transfer", id, A1, CHLOE.agentId);
  await x.waitFor("task:incoming", from, id);
  sim("agentAnswers", id, CHLOE.agentId);
  await x.waitFor("task:assigned", from, id);
  const back = await x.task(id, "transfer", { to: A1, destinationType: "agent" });
  expect(back).toBe("ok");
  await x.waitFor("task:end", from, id);
  expect(await x.task(id, "wrapup", { wrapUpReason: "Resolved", auxCodeId: "wrap-resolved" })).toBe("ok");
  expect(names(await x.seen(from))).toEqual(["task:incoming", "task:assigned", "task:end", "task:wrappedup"]);
  expect(cc.host(A1).tasks.get(id)?.type).toBe("AgentOfferContact");
  await cc.accept(A1, id);
  await cc.end(A1, id);
  await cc.wrapup(A1, id);
});

/**
 * An inbound call Chloe answers, then consults desktop agent `to` through the SDK, who answers:
 * the consult in progress. `offered` runs while `to` has the consult offered, before answering.
 */
async function consultAnswered(to: string, offered: (id: string) => void = () => undefined): Promise<{ id: string; from: number }> {
  const from = await x.count();
  const id = sim("inbound", { from: "+14155550132", to: CHLOE.agentId }) as string;
  await x.waitFor("task:incoming", from, id);
  sim("agentAnswers", id, CHLOE.agentId);
  await x.waitFor("task:assigned", from, id);
  expect(await x.task(id, "consult", { to, destinationType: "agent" })).toBe("ok");
  offered(id);
  sim("agentAnswers", id, to);
  await x.waitFor("task:consulting", from, id);
  return { id, from };
}

test("consult a desktop agent, make it a conference, leave it: consultCreated, consulting, conferenceStarted, participantJoined, participantLeft, end", async () => {
  const A2 = AGENTS[1]!.agentId;
  const cc = st.sandbox.cc;
  const { id, from } = await consultAnswered(A2, (offer) => expect(cc.host(A2).tasks.get(offer)?.type).toBe("AgentOfferConsult"));
  expect(await x.task(id, "consultConference")).toBe("ok");
  expect(cc.host(A2).tasks.get(id)?.type).toBe("ParticipantJoinedConference");
  expect(await x.task(id, "exitConference")).toBe("ok");
  await x.waitFor("task:end", from, id);
  expect(await x.task(id, "wrapup", { wrapUpReason: "Resolved", auxCodeId: "wrap-resolved" })).toBe("ok");
  expect(names(await x.seen(from))).toEqual(["task:incoming", "task:assigned", "task:consultCreated", "task:consulting", "task:conferenceStarted", "task:participantJoined", "task:participantLeft", "task:end", "task:wrappedup"]);
  // Bruno goes on with the customer at his desktop.
  expect(cc.host(A2).tasks.get(id)?.type).toBe("ParticipantLeftConference");
  await cc.end(A2, id);
  await cc.wrapup(A2, id);
});

test("a chat is accepted in the page (the SDK's accept request), ended and wrapped up", async () => {
  const from = await x.count();
  const id = sim("inbound", { media: "chat", from: "li.wei@mail.example", to: CHLOE.agentId }) as string;
  await x.waitFor("task:incoming", from, id);
  expect(await x.task(id, "accept")).toBe("ok");
  expect(await x.task(id, "end")).toBe("ok");
  expect(await x.task(id, "wrapup", { wrapUpReason: "Resolved", auxCodeId: "wrap-resolved" })).toBe("ok");
  expect((await x.seen(from)).map((e) => `${e.name} ${e.state ?? ""}`.trim())).toEqual(["task:incoming new", "task:assigned connected", "task:end wrapUp", "task:end wrapUp", "task:wrappedup wrapUp"]);
});

test("consult a desktop agent and end the consult: the call is back with the SDK agent", async () => {
  const A2 = AGENTS[1]!.agentId;
  const cc = st.sandbox.cc;
  const { id, from } = await consultAnswered(A2);
  expect(await x.task(id, "endConsult", { isConsult: true, taskId: id })).toBe("ok");
  await x.waitFor("task:resume", from, id);
  expect(cc.host(A2).tasks.has(id)).toBe(false);
  expect(await x.task(id, "end")).toBe("ok");
  expect(await x.task(id, "wrapup", { wrapUpReason: "Resolved", auxCodeId: "wrap-resolved" })).toBe("ok");
  expect(names(await x.seen(from))).toEqual(["task:incoming", "task:assigned", "task:consultCreated", "task:consulting", "task:consultEnd", "task:resume", "task:end", "task:end", "task:wrappedup"]);
});

test("a transfer to a queue: the SDK agent's part ends; the queue offers it to the next agent", async () => {
  const A2 = AGENTS[1]!.agentId;
  const cc = st.sandbox.cc;
  const from = await x.count();
  const id = sim("inbound", { media: "chat", from: "li.wei@mail.example", to: CHLOE.agentId }) as string;
  await x.waitFor("task:incoming", from, id);
  expect(await x.task(id, "accept")).toBe("ok");
  expect(await x.task(id, "transfer", { to: "queue-support", destinationType: "queue" })).toBe("ok");
  await x.waitFor("task:end", from, id);
  expect(await x.task(id, "wrapup", { wrapUpReason: "Resolved", auxCodeId: "wrap-resolved" })).toBe("ok");
  // task:end twice: from AgentWrapup and from AgentVteamTransferred (the SDK ends the task on both).
  expect(names(await x.seen(from))).toEqual(["task:incoming", "task:assigned", "task:end", "task:end", "task:wrappedup"]);
  sim("offerFromQueue", id, A2);
  expect(cc.host(A2).tasks.get(id)?.type).toBe("AgentOfferContact");
  await cc.accept(A2, id);
  await cc.end(A2, id);
  await cc.wrapup(A2, id);
});

test("a page reload mid-call: the new SDK session is signed in, Available, and gets the call by task:hydrate", async () => {
  const from = await x.count();
  const id = sim("inbound", { from: "+14155550132", to: CHLOE.agentId }) as string;
  await x.waitFor("task:incoming", from, id);
  sim("agentAnswers", id, CHLOE.agentId);
  await x.waitFor("task:assigned", from, id);
  await page.close();
  page = await st.context.newPage();
  const token = await signIn(st.sandbox, page, CHLOE.agentName);
  await sdkPage(st.sandbox, page);
  x = sdk(page);
  await x.start(st.sandbox.config.webexCloud.sdkConfig, token.access_token);
  const profile = (await x.cc("register")) as Record<string, unknown>;
  expect({ isAgentLoggedIn: profile.isAgentLoggedIn, lastStateAuxCodeId: profile.lastStateAuxCodeId, currentTeamId: profile.currentTeamId, dn: profile.dn, deviceType: profile.deviceType })
    .toEqual({ isAgentLoggedIn: true, lastStateAuxCodeId: "0", currentTeamId: "team-1", dn: "+14155552000", deviceType: "AGENT_DN" });
  await x.waitFor("task:hydrate", 0, id);
  expect((await x.seen()).map((e) => `${e.name} ${e.interactionId ?? ""} ${e.state ?? ""}`.trim())).toEqual(["agent:reloginSuccess", `task:hydrate ${id} connected`]);
  expect(await x.taskIds()).toEqual([id]);
  expect(await x.task(id, "end")).toBe("ok");
  expect(await x.task(id, "wrapup", { wrapUpReason: "Resolved", auxCodeId: "wrap-resolved" })).toBe("ok");
  expect(names(await x.seen())).toEqual(["agent:reloginSuccess", "task:hydrate", "task:end", "task:end", "task:wrappedup"]);
});

test("station logout with the reason Lunch: the emulator records Lunch", async () => {
  const from = await x.count();
  const r = (await x.cc("stationLogout", { logoutReason: "Lunch" })) as { data: Record<string, unknown> };
  expect({ type: r.data.type, status: r.data.status }).toEqual({ type: "AgentLogoutSuccess", status: "LoggedOut" });
  // Twice: this session re-logged in at register (the reload test), after which the SDK emits every
  // agent event twice (docs/reference/webex-cc-sdk.md §3.7).
  expect(names(await x.seen(from))).toEqual(["agent:logoutSuccess", "agent:logoutSuccess"]);
  expect(st.sandbox.cloud.logoutReasons.map((l) => [l.agentId, l.reason])).toEqual([[CHLOE.agentId, "Lunch"]]);
  expect(st.sandbox.trace.some((t) => t.source === "Chloe Durand" && t.text === 'Webex CC cloud: logout reason received: "Lunch"')).toBe(true);
});

test("a revoked token: the cloud answers 401 and the SDK's request fails", async () => {
  // Two sign-ins (before and after the reload), an access and a refresh token each.
  expect(st.sandbox.cloud.tokens.revokeAgent(CHLOE.agentId)).toBe(4);
  // After a failure the SDK uploads its logs (to the emulated cloud, which drops them).
  const logsClosed = page.waitForResponse((res) => res.url().endsWith("/webex/svc/clientLogs/logs/meta"));
  const r = await x.cc("stationLogin", { teamId: "team-1", loginOption: "AGENT_DN", dialNumber: "+14155552000" });
  expect(r).toEqual({ error: "Error while performing stationLogin" });
  await logsClosed;
  expect(st.sandbox.cc.host(CHLOE.agentId).session.status).toBe("LoggedOut");
  // What the page logs is the browser's and the SDK's own account of the refusal, nothing else.
  expect(st.errors.map((e) => e.replace(/^\S+: /, "").replace(/\d{4}-\d\d-\d\dT[\d:.]+Z /, ""))).toEqual([
    "Failed to load resource: the server responded with a status of 401 (Unauthorized)",
    "wx-js-sdk PLUGIN_CC - [ERROR]: module:cc - method:stationLogin - stationLogin failed with reason: Error while performing stationLogin",
    "wx-js-sdk PLUGIN_CC - [ERROR]: module:cc - method:stationLogin - stationLogin failed with reason: Error while performing stationLogin, message: An error occurred while logging in to the station, fieldName: generic",
  ]);
  st.errors.length = 0;
});

test("multi-login: the same agent on a desktop and through the SDK — the desktop is told, a later SDK session closes the earlier one", async () => {
  const desktopTold: unknown[] = [];
  st.sandbox.cc.host(A1).aqm.agent.eAgentMultiLogin.listen((m) => desktopTold.push((m as { data: unknown }).data));
  // What Alice's desktop page hears: the sandbox's event stream to it.
  const stream = new AbortController();
  const events = await fetch(`${st.sandbox.config.desktops[0]}/cc/events?agent=${A1}`, { signal: stream.signal });
  let heard = "";
  const reading = (async () => {
    const reader = events.body!.getReader();
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      heard += new TextDecoder().decode(value);
    }
  })();
  const pages: Page[] = [];
  const sdks: ReturnType<typeof sdk>[] = [];
  for (let i = 0; i < 2; i++) {
    const p = await st.context.newPage();
    const token = await signIn(st.sandbox, p, AGENTS[0]!.agentName);
    await sdkPage(st.sandbox, p);
    const s = sdk(p);
    await s.start(st.sandbox.config.webexCloud.sdkConfig, token.access_token);
    const profile = (await s.cc("register")) as Record<string, unknown>;
    // Alice is signed in at her desktop: the SDK's silent re-login finds her session.
    expect({ agentId: profile.agentId, isAgentLoggedIn: profile.isAgentLoggedIn, deviceType: profile.deviceType }).toEqual({ agentId: A1, isAgentLoggedIn: true, deviceType: "AGENT_DN" });
    pages.push(p);
    sdks.push(s);
  }
  expect(desktopTold).toEqual([
    { type: "AgentMultiLoginCloseSession", agentId: A1, orgId: st.sandbox.cc.orgId, trackingId: expect.any(String) },
    { type: "AgentMultiLoginCloseSession", agentId: A1, orgId: st.sandbox.cc.orgId, trackingId: expect.any(String) },
  ]);
  await sdks[0]!.waitFor("agent:multiLogin");
  // Twice: after a successful silent re-login the SDK (3.10.0-next.17, cc.ts silentRelogin) adds its
  // socket-message handler a second time, so every agent event after it is emitted twice.
  const multi = { type: "AgentMultiLoginCloseSession", agentId: A1 };
  expect((await sdks[0]!.seen()).filter((e) => e.name === "agent:multiLogin").map((e) => e.detail)).toEqual([multi, multi]);
  // The SDK logs the close itself at error level: the only console error, and the expected one.
  const closed = st.errors.filter((e) => e.includes("WebSocket connection closed by agent multiLogin"));
  expect(closed).toHaveLength(1);
  st.errors.splice(st.errors.indexOf(closed[0]!), 1);
  expect((await sdks[1]!.seen()).filter((e) => e.name === "agent:multiLogin")).toEqual([]);
  stream.abort();
  await reading;
  expect([...heard.matchAll(/event: multi-login\ndata: (.+)\n/g)].map((m) => (JSON.parse(m[1]!) as { msg: { data: { type: string } } }).msg.data.type)).toEqual(["AgentMultiLoginCloseSession", "AgentMultiLoginCloseSession"]);
  for (const p of pages) await p.close();
});
