/** @jest-environment node */
/**
 * Issue 12: the emulated Webex in the sandbox behaves as Webex does, driven in real Chromium
 * through the desktop's own controls: agents start signed in and Idle and are offered nothing
 * until they go Available; RONA leaves the agent in the RONA idle state; after signing out an
 * agent signs in again at the station and receives a call; a customer who hangs up while the
 * offer rings leaves no wrap-up; conference controls follow who is still in the conference.
 * The tests run in order on one flow screen.
 */
import { AGENTS } from "../../sandbox/server";
import { act, sapState, sim, summary, waitPayloads, waitTask } from "./browser-support";
import { buttons, goAvailable, openFlow, statePill, type Flow } from "./sandbox-flow";

jest.setTimeout(90_000);
const A1 = AGENTS[0]!.agentId;

let f: Flow;
beforeAll(async () => {
  f = await openFlow();
});
afterAll(async () => {
  await f?.s.close();
});
afterEach(() => {
  expect(f.s.errors).toEqual([]);
});

const tasks = (i: 0 | 1) => f.desk[i].evaluate(() => (window as unknown as { sandboxDesktop: { tasks(): { id: string; type: string }[] } }).sandboxDesktop.tasks());

test("agents start signed in and Idle (as a station login leaves them); a call for an Idle agent waits, and comes once they go Available", async () => {
  const [desk1] = f.desk;
  expect(await statePill(desk1)).toBe("Idle · Break");
  expect(await desk1.isVisible("#go-available")).toBe(true);
  expect(await desk1.textContent("#idle-hint")).toBe("You are Idle: nothing is offered to you until you go Available.");
  // The customer calls in through the desktop's customer controls.
  await desk1.fill("#in-from", "+14155550132");
  await desk1.click("#in-go");
  await desk1.waitForSelector("#notes .info");
  expect(await desk1.textContent("#notes .info")).toBe("Call from +14155550132 is waiting: Alice Martin is not Available. It is offered once you can take it.");
  expect(await tasks(0)).toEqual([]);
  expect((await sapState(f.sap[0])).payloads).toEqual([]);

  await goAvailable(desk1);
  expect(await statePill(desk1)).toBe("Available");
  expect(await desk1.isVisible("#go-available")).toBe(false);
  const [offer] = await tasks(0);
  expect(offer?.type).toBe("AgentOfferContact");
  const st = await waitPayloads(f.sap[0], 1);
  expect(summary(st)).toEqual(["CALL INBOUND NOTIFY"]);
  await act(desk1, "accept", offer!.id);
  await act(desk1, "end", offer!.id);
  await waitTask(desk1, offer!.id, "AgentWrapup");
  await act(desk1, "wrapup", offer!.id);
  await waitTask(desk1, offer!.id, null);
});

test("RONA: the offer is withdrawn, the agent is in the RONA idle state, and the call goes to the next agent who is Available", async () => {
  const [desk1, desk2] = f.desk;
  const id = (await sim(f.s, "inbound", { from: "+14155550100", to: A1 })) as string;
  await waitTask(desk1, id, "AgentOfferContact");
  await desk1.click(`[data-interaction="${id}"] button[data-action=rona]`);
  await waitTask(desk1, id, null);
  await desk1.waitForFunction(() => document.getElementById("state")?.textContent === "Idle · RONA");
  expect(await desk1.textContent("#idle-hint")).toBe("You did not answer an offer in time, so Webex set you to RONA. Nothing is offered to you until you go Available.");
  expect(await sim(f.s, "waitingReason", id)).toBe("waiting in queue for an Available agent");
  // Bruno has not gone Available yet: once he does, the queue gives him the call.
  expect(await statePill(desk2)).toBe("Idle · Break");
  await goAvailable(desk2);
  await waitTask(desk2, id, "AgentOfferContact");
  expect(await tasks(0)).toEqual([]);
  await act(desk2, "accept", id);
  await act(desk2, "end", id);
  await waitTask(desk2, id, "AgentWrapup");
  await act(desk2, "wrapup", id);
  await waitTask(desk2, id, null);
  expect(summary(await sapState(f.sap[0])).slice(-2)).toEqual(["CALL INBOUND NOTIFY", "CALL UPDATEACTIVITY END"]);
  await goAvailable(desk1);
});

test("the customer hangs up while the call still rings: the offer goes, no wrap-up; SAP gets NOTIFY then END", async () => {
  const [desk1] = f.desk;
  const before = (await sapState(f.sap[0])).payloads.length;
  const id = (await sim(f.s, "inbound", { from: "+442079460321", to: A1 })) as string;
  await waitTask(desk1, id, "AgentOfferContact");
  await desk1.click(`[data-interaction="${id}"] button[data-action=customer-ends]`);
  await waitTask(desk1, id, null);
  const st = await waitPayloads(f.sap[0], before + 2);
  expect(summary(st).slice(before)).toEqual(["CALL INBOUND NOTIFY", "CALL UPDATEACTIVITY END"]);
  expect(await statePill(desk1)).toBe("Available");
});

test("sign out, sign in again at the station (team and device), go Available, and receive a call", async () => {
  const [desk1] = f.desk;
  await desk1.click("#sign-out");
  await desk1.waitForFunction(() => document.getElementById("state")?.textContent === "Signed out");
  expect(await desk1.isVisible("#station-login")).toBe(true);
  expect(await desk1.isVisible("#agent-row")).toBe(false);
  // A signed-out agent is offered nothing.
  const id = (await sim(f.s, "inbound", { from: "+14155550132", to: A1 })) as string;
  expect(await sim(f.s, "waitingReason", id)).toBe("waiting: Alice Martin is signed out");
  expect(await desk1.$$eval("#login-team option", (os) => os.map((o) => o.textContent))).toEqual(["Support"]);
  expect(await desk1.$$eval("#login-device option", (os) => os.map((o) => o.textContent))).toEqual(["Dial number", "Extension"]);
  await desk1.fill("#login-dn", "+1 555 000 1000");
  await desk1.click("#sign-in");
  await desk1.waitForFunction(() => document.getElementById("state")?.textContent === "Idle · Break");
  expect(await desk1.isVisible("#station-login")).toBe(false);
  expect(await tasks(0)).toEqual([]);
  const requests = await desk1.evaluate(() => (window as unknown as { AGENTX_SERVICE: { requests: { method: string }[] } }).AGENTX_SERVICE.requests.map((r) => r.method).filter((m) => m.startsWith("aqm.agent.")));
  expect(requests.slice(-2)).toEqual(["aqm.agent.logout", "aqm.agent.stationLogin"]);

  const before = (await sapState(f.sap[0])).payloads.length;
  await goAvailable(desk1);
  await waitTask(desk1, id, "AgentOfferContact");
  await act(desk1, "accept", id);
  const st = await waitPayloads(f.sap[0], before + 2);
  expect(summary(st).slice(before)).toEqual(["CALL INBOUND NOTIFY", "CALL INBOUND ACCEPT"]);
  await act(desk1, "end", id);
  await waitTask(desk1, id, "AgentWrapup");
  await act(desk1, "wrapup", id);
  await waitTask(desk1, id, null);
});

test("a chat conference: after agent 2 leaves, agent 1 no longer sees Leave conference", async () => {
  const [desk1, desk2] = f.desk;
  const id = (await sim(f.s, "inbound", { media: "chat", from: "sofia.rossi@mail.example", to: A1 })) as string;
  await waitTask(desk1, id, "AgentOfferContact");
  await act(desk1, "accept", id);
  await waitTask(desk1, id, "AgentContactAssigned");
  await act(desk1, "conference", id);
  await waitTask(desk2, id, "ParticipantJoinedConference");
  expect(await buttons(desk1, id)).toEqual(["leave", "end", "customer-ends"]);
  expect(await buttons(desk2, id)).toEqual(["leave", "end", "customer-ends"]);
  await act(desk2, "leave", id);
  await waitTask(desk1, id, "ParticipantLeftConference");
  expect(await buttons(desk1, id)).toEqual(["transfer", "transfer-cloud", "consult", "conference", "end", "customer-ends"]);
  expect(await desk1.textContent(`[data-interaction="${id}"] .pill`)).toBe("connected");
  expect(await buttons(desk2, id)).toEqual(["wrapup"]);
  await act(desk2, "wrapup", id);
  await act(desk1, "end", id);
  await waitTask(desk1, id, "AgentWrapup");
  await act(desk1, "wrapup", id);
  await waitTask(desk1, id, null);
  expect([...(await sapState(f.sap[0])).payloads, ...(await sapState(f.sap[1])).payloads].flatMap((p) => p.violations)).toEqual([]);
});
