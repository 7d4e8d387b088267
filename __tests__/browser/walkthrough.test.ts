/** @jest-environment node */
/**
 * Issue 5: the sandbox's flow screen in real Chromium, driven through every feature the README's
 * walkthrough shows — screen pops for one, several and no matching customer; click-to-dial from a
 * lead; chat and email pops by e-mail; a transfer between the two agents; a consult; a chat
 * conference — and then the SAP sandbox's activity list is checked: one activity per agent leg,
 * durations positive, directions and types right. Screenshots for the README are taken on the way.
 * Agents start signed in and Idle, as a real station login leaves them; the walkthrough's first
 * step is each agent pressing "Go Available" (routing offers nothing to an Idle agent).
 * The tests run in order and share one flow screen, as a person would walk through it.
 */
import { join } from "node:path";
import type { Frame, Page } from "playwright-core";
import { AGENTS } from "../../sandbox/server";
import { SCREENSHOTS, act, frameOf, sapFrame, sapState, sim, sleep, summary, waitLinked, waitPayloads, waitTask, type SapState, type Stage, useStage } from "./browser-support";

jest.setTimeout(90_000);
const [A1, A2] = [AGENTS[0]!.agentId, AGENTS[1]!.agentId];

let s: Stage;
let flow: Page;
let sap1: Frame;
let sap2: Frame;
let desk1: Frame;
let desk2: Frame;
/** Payload counts before each step, so each step asserts only its own payloads. */
let n1 = 0;
let n2 = 0;

useStage((x) => (s = x));

beforeAll(async () => {
  flow = await s.context.newPage();
  await flow.setViewportSize({ width: 1600, height: 1000 });
  await flow.goto(s.sandbox.url);
  sap1 = await sapFrame(flow, 1);
  sap2 = await sapFrame(flow, 2);
  desk1 = await frameOf(flow, s.sandbox.config.desktops[0]!);
  desk2 = await frameOf(flow, s.sandbox.config.desktops[1]!);
  await waitLinked(desk1);
  await waitLinked(desk2);
  for (const d of [desk1, desk2]) {
    await d.click("#go-available");
    await d.waitForSelector("#state.available");
  }
});


async function newPayloads(frame: Frame, before: number, count: number): Promise<SapState["payloads"]> {
  const st = await waitPayloads(frame, before + count);
  return st.payloads.slice(before);
}

async function shot(name: string): Promise<void> {
  await sleep(150);
  await flow.screenshot({ path: join(SCREENSHOTS, name) });
}

async function finishCall(desk: Frame, id: string): Promise<void> {
  await act(desk, "end", id);
  await waitTask(desk, id, "AgentWrapup");
  await act(desk, "wrapup", id);
  await waitTask(desk, id, null);
}

async function counts(): Promise<void> {
  n1 = (await sapState(sap1)).payloads.length;
  n2 = (await sapState(sap2)).payloads.length;
}

beforeEach(counts);

test("the flow screen shows both SAP sandboxes with their mashups and desktops, linked, without console errors", async () => {
  await flow.waitForSelector("#trace-rows tr");
  expect(await sap1.textContent(".badge")).toContain("SANDBOX");
  expect(await desk1.textContent("header")).toContain(AGENTS[0]!.agentName);
  expect(await desk2.textContent("header")).toContain(AGENTS[1]!.agentName);
  await shot("flow-screen.png");
});

test("inbound call, one matching contact: SAP opens the record", async () => {
  const id = (await sim(s, "inbound", { from: "+14155550132", to: A1 })) as string;
  const [notify] = await newPayloads(sap1, n1, 1);
  expect(notify!.fields).toMatchObject({ Type: "CALL", EventType: "INBOUND", Action: "NOTIFY", ANI: "+14155550132" });
  await sap1.waitForSelector("#record[data-record='1000121']");
  await act(desk1, "accept", id);
  await newPayloads(sap1, n1, 2);
  await sap1.fill("#live-notes", "Asked about the delivery date of order 4711.");
  await shot("call-one-match.png");
  await finishCall(desk1, id);
  const p = await newPayloads(sap1, n1, 3);
  expect(p.map((x) => `${x.fields.Type} ${x.fields.EventType} ${x.fields.Action}`)).toEqual(["CALL INBOUND NOTIFY", "CALL INBOUND ACCEPT", "CALL UPDATEACTIVITY END"]);
});

test("inbound call from a number three records share: SAP shows the result list", async () => {
  const id = (await sim(s, "inbound", { from: "+493090182200", to: A1 })) as string;
  await newPayloads(sap1, n1, 1);
  await sap1.waitForSelector("#search-results");
  expect(await sap1.$$eval("#search-results tbody tr", (rows) => rows.map((r) => r.querySelector("td")!.textContent))).toEqual(["Brandt Logistik GmbH", "Jana Brandt", "Felix Wagner"]);
  await act(desk1, "accept", id);
  await newPayloads(sap1, n1, 2);
  await shot("call-several-matches.png");
  await sap1.click("#search-results a.record-link:text('Jana Brandt')");
  await sap1.waitForSelector("#record[data-record='1000131']");
  await finishCall(desk1, id);
  await newPayloads(sap1, n1, 3);
});

test("inbound call from an unknown number: SAP offers a new-customer form prefilled with the number", async () => {
  const id = (await sim(s, "inbound", { from: "+14695550199", to: A1 })) as string;
  await newPayloads(sap1, n1, 1);
  await sap1.waitForSelector("#new-record");
  expect(await sap1.inputValue("#new-customer input[name=phone]")).toBe("+14695550199");
  await act(desk1, "accept", id);
  await newPayloads(sap1, n1, 2);
  await sap1.fill("#new-customer input[name=name]", "Chris Parker");
  await sap1.fill("#new-customer input[name=city]", "Dallas, US");
  await shot("call-no-match.png");
  await sap1.click("#new-customer button[type=submit]");
  await sap1.waitForSelector("#record h2:text('Chris Parker')");
  await finishCall(desk1, id);
  await newPayloads(sap1, n1, 3);
  const st = await sapState(sap1);
  expect(st.activities.at(-1)).toMatchObject({ customer: "Chris Parker", type: "Phone Call", direction: "Inbound", status: "Completed" });
});

test("click-to-dial from a lead: the call is placed and reported OUTBOUND on SAP's pre-created activity", async () => {
  await sap2.click("#nav button[data-view=Lead]");
  await sap2.click("a.record-link:text('Emma Johnson')");
  await sap2.click("a.dial");
  await desk2.waitForFunction(() => (window as unknown as { sandboxDesktop: { tasks(): unknown[] } }).sandboxDesktop.tasks().length === 1);
  const [task] = (await desk2.evaluate(() => (window as unknown as { sandboxDesktop: { tasks(): { id: string }[] } }).sandboxDesktop.tasks())) as { id: string }[];
  await sim(s, "customerAnswers", task!.id);
  await newPayloads(sap2, n2, 2);
  await shot("click-to-dial.png");
  await finishCall(desk2, task!.id);
  const p = await newPayloads(sap2, n2, 3);
  const uuid = (await sapState(sap2)).activities.find((a) => a.customer === "Emma Johnson")!.activityUUID;
  expect(uuid).toMatch(/^[0-9a-f-]{36}$/);
  expect(p.map((x) => `${x.fields.Type} ${x.fields.EventType} ${x.fields.Action} ${x.fields.ANI} ${x.fields.ActivityUUID}`)).toEqual([
    `CALL OUTBOUND NOTIFY +12125550175 ${uuid}`,
    `CALL OUTBOUND ACCEPT +12125550175 ${uuid}`,
    `CALL UPDATEACTIVITY END +12125550175 ${uuid}`,
  ]);
});

test("a chat and an email pop by e-mail address: one known customer, one unknown", async () => {
  const chat = (await sim(s, "inbound", { media: "chat", from: "li.wei@mail.example", to: A2 })) as string;
  const [notify] = await newPayloads(sap2, n2, 1);
  expect(notify!.fields).toMatchObject({ Type: "CHAT", EventType: "INBOUND", Action: "NOTIFY", Email: "li.wei@mail.example" });
  expect(notify!.fields.ANI).toBeUndefined();
  await sap2.waitForSelector("#record[data-record='1000140']");
  await act(desk2, "accept", chat);
  await newPayloads(sap2, n2, 2);
  await shot("chat-by-email.png");
  await finishCall(desk2, chat);
  await newPayloads(sap2, n2, 3);

  await counts();
  const email = (await sim(s, "inbound", { media: "email", from: "new.customer@mail.example", to: A2 })) as string;
  const [en] = await newPayloads(sap2, n2, 1);
  expect(en!.fields).toMatchObject({ Type: "CHAT", Action: "NOTIFY", Email: "new.customer@mail.example" });
  await sap2.waitForSelector("#new-record");
  expect(await sap2.inputValue("#new-customer input[name=email]")).toBe("new.customer@mail.example");
  await act(desk2, "accept", email);
  await finishCall(desk2, email);
  const p = await newPayloads(sap2, n2, 3);
  expect(p.map((x) => x.fields.Action)).toEqual(["NOTIFY", "ACCEPT", "END"]);
});

test("transfer from agent 1 to agent 2: each agent gets its own activity, tied by the original ID", async () => {
  const id = (await sim(s, "inbound", { from: "+442079460321", to: A1 })) as string;
  await newPayloads(sap1, n1, 1);
  await act(desk1, "accept", id);
  await newPayloads(sap1, n1, 2);
  await act(desk1, "transfer", id);
  const p1 = await newPayloads(sap1, n1, 3);
  await waitTask(desk2, id, "AgentOfferContact");
  await act(desk2, "accept", id);
  await newPayloads(sap2, n2, 2);
  await act(desk1, "wrapup", id);
  await shot("transfer.png");
  await finishCall(desk2, id);
  const p2 = await newPayloads(sap2, n2, 3);
  expect(p1.map((x) => x.fields.Action)).toEqual(["NOTIFY", "ACCEPT", "END"]);
  expect(p2.map((x) => x.fields.Action)).toEqual(["NOTIFY", "ACCEPT", "END"]);
  const ref1 = p1[0]!.fields.ExternalReferenceID;
  const ref2 = p2[0]!.fields.ExternalReferenceID;
  expect(ref1).not.toBe(ref2);
  expect(p2[0]!.fields.ExternalOriginalReferenceID).toBe(p1[0]!.fields.ExternalOriginalReferenceID);
  const a1 = (await sapState(sap1)).activities.filter((a) => a.externalId === ref1);
  const a2 = (await sapState(sap2)).activities.filter((a) => a.externalId === ref2);
  expect(a1).toHaveLength(1);
  expect(a2).toHaveLength(1);
  expect(a2[0]!.customer).toBe("Li Wei");
});

test("a consult: the consulted agent sees the customer but gets no activity; the call stays agent 1's", async () => {
  const id = (await sim(s, "inbound", { from: "+390212345678", to: A1 })) as string;
  await newPayloads(sap1, n1, 1);
  await act(desk1, "accept", id);
  await newPayloads(sap1, n1, 2);
  const activities2 = (await sapState(sap2)).activities.length;
  await act(desk1, "consult", id);
  await waitTask(desk2, id, "AgentOfferConsult");
  await act(desk2, "accept", id);
  await waitTask(desk2, id, "AgentConsulting");
  await sleep(500);
  await shot("consult.png");
  await act(desk1, "end-consult", id);
  await waitTask(desk1, id, "AgentContactUnheld");
  await finishCall(desk1, id);
  const p1 = await newPayloads(sap1, n1, 3);
  expect(p1.map((x) => x.fields.Action)).toEqual(["NOTIFY", "ACCEPT", "END"]);
  const st2 = await sapState(sap2);
  expect(st2.activities.length).toBe(activities2);
  expect(st2.payloads.slice(n2).map((x) => x.fields.Action)).not.toContain("ACCEPT");
});

test("a chat conference: agent 2 joins and leaves, agent 1 ends; one activity per agent", async () => {
  const id = (await sim(s, "inbound", { media: "chat", from: "sofia.rossi@mail.example", to: A1 })) as string;
  await newPayloads(sap1, n1, 1);
  await act(desk1, "accept", id);
  await newPayloads(sap1, n1, 2);
  await act(desk1, "conference", id);
  await waitTask(desk2, id, "ParticipantJoinedConference");
  const joined = await newPayloads(sap2, n2, 2);
  expect(joined.map((x) => `${x.fields.Type} ${x.fields.Action} ${x.fields.Email}`)).toEqual(["CHAT NOTIFY sofia.rossi@mail.example", "CHAT ACCEPT sofia.rossi@mail.example"]);
  await shot("chat-conference.png");
  await act(desk2, "leave", id);
  const left = await newPayloads(sap2, n2, 3);
  expect(left[2]!.fields.Action).toBe("END");
  await act(desk2, "wrapup", id);
  await finishCall(desk1, id);
  const p1 = await newPayloads(sap1, n1, 3);
  expect(p1.map((x) => x.fields.Action)).toEqual(["NOTIFY", "ACCEPT", "END"]);
  expect(p1[0]!.fields.ExternalOriginalReferenceID).toBe(joined[0]!.fields.ExternalOriginalReferenceID);
});

test("the activity lists: one activity per agent leg, all completed, durations positive, directions and types right", async () => {
  const st1 = await sapState(sap1);
  const st2 = await sapState(sap2);
  const brief = (st: SapState) => st.activities.map((a) => `${a.type} ${a.direction} ${a.customer} ${a.status}`);
  expect(brief(st1)).toEqual([
    "Phone Call Inbound Maria Lopez Completed",
    "Phone Call Inbound Jana Brandt Completed",
    "Phone Call Inbound Chris Parker Completed",
    "Phone Call Inbound Li Wei Completed",
    "Phone Call Inbound Sofia Rossi Completed",
    "Chat Inbound Sofia Rossi Completed",
  ]);
  expect(brief(st2)).toEqual([
    "Phone Call Outbound Emma Johnson Completed",
    "Chat Inbound Li Wei Completed",
    "Chat Inbound new.customer@mail.example Completed",
    "Phone Call Inbound Li Wei Completed",
    "Chat Inbound Sofia Rossi Completed",
  ]);
  for (const a of [...st1.activities, ...st2.activities]) {
    expect(a.endedAt! - a.acceptedAt!).toBeGreaterThan(0);
    expect(a.externalId).toMatch(/^[A-Za-z0-9]{1,35}$/);
  }
  // One activity per agent leg: no ExternalReferenceID twice, across both agents.
  const refs = [...st1.activities, ...st2.activities].map((a) => a.externalId);
  expect(new Set(refs).size).toBe(refs.length);
  expect([...st1.payloads, ...st2.payloads].flatMap((p) => p.violations)).toEqual([]);
  // Notes typed in SAP are kept on the activity.
  expect(st1.activities[0]!.notes).toBe("Asked about the delivery date of order 4711.");
  // What a person sees: the activity table, with positive durations.
  await sap1.click("#nav button[data-view=activities]");
  const rows = await sap1.$$eval("#activity-list tr.activity", (trs) => trs.map((tr) => ({ type: tr.getAttribute("data-type"), dir: tr.getAttribute("data-direction"), ms: Number(tr.getAttribute("data-duration-ms")) })));
  expect(rows).toHaveLength(6);
  expect(rows.every((r) => r.ms > 0)).toBe(true);
  await sap2.click("#nav button[data-view=activities]");
  await shot("activity-lists.png");
  await sap1.click("#nav button[data-view=payloads]");
  await shot("payload-log.png");
  expect(summary(st1).length).toBe(st1.payloads.length);
});
