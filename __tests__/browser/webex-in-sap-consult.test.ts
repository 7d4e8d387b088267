/** @jest-environment node */
/**
 * Issue 13 follow-up: consult, consult → transfer and consult → conference (left by Alice, or by
 * Chloe with Exit Conference) clicked through Cisco's call control in Chloe's pane (`/sap?agent=3`,
 * the Webex in SAP topology), with agent 1 (Alice, the sandbox's emulated Agent Desktop,
 * `/sap?agent=1`) on the other side. Each story asserts the
 * exact SAP payloads in both SAP pages, which are those the Desktop-SDK topology gives for the same
 * story (__tests__/support/scenarios.ts: "consult: the consulted agent gets a pop and no activity",
 * "consult → transfer: …", "chat consult → conference: …"), and the SAP activities.
 */
import type { Frame, Page } from "playwright-core";
import { join } from "node:path";
import { AGENTS, CLOUD_AGENTS } from "../../sandbox/server";
import { act, openSap, SCREENSHOTS, sapState, useStage, waitPayloads, waitTask, type SapState, type Stage } from "./browser-support";
import { goAvailable } from "./sandbox-flow";
import { hex, openChloe, pickState, signInChloe, stationLogin, waitForWidgets, wrapUpIn, type ChloePage } from "./webex-e2e-support";

jest.setTimeout(90_000);
const CHLOE = CLOUD_AGENTS[0]!;
const ALICE = AGENTS[0]!;

let s: Stage;
useStage((st) => (s = st));
let c: ChloePage;
let a1: { page: Page; desktop: Frame; mashup: Frame };

/** The widgets while Chloe has a call open (no outdial keypad, see the e2e file). */
const ON_CALL = ["widget-cc-user-state", "widget-cc-task-list", "widget-cc-call-control-cad"];
const IDLE = ["widget-cc-user-state", "widget-cc-outdial-call"];
const CALL = { Type: "CALL", ANI: "+14155550132", DNIS: "+18005550100" };
const REF = expect.stringMatching(/^[0-9A-F]{32}$/);

/** The SAP payloads of a page from the `from`-th on, as fields. */
const fieldsFrom = async (page: Page, from: number) => (await sapState(page)).payloads.slice(from).map((p) => p.fields);
const count = async (page: Page) => (await sapState(page)).payloads.length;
const violations = (st: SapState) => st.payloads.flatMap((p) => p.violations);

/** An inbound call to Chloe, answered on her phone: NOTIFY and ACCEPT in her SAP page. */
async function callChloe(): Promise<{ id: string; from: number }> {
  const from = await count(c.page);
  const id = s.sandbox.cc.inbound({ from: "+14155550132", to: CHLOE.agentId });
  await waitPayloads(c.page, from + 1);
  s.sandbox.cc.agentAnswers(id, CHLOE.agentId);
  await waitPayloads(c.page, from + 2);
  await waitForWidgets(c.mashup, ON_CALL);
  return { id, from };
}

/**
 * Cisco's call control: Consult, then the agent `name` in its popover (the list item's button),
 * by pointer or, `keyboard`, by Tab and Enter alone (list-keyboard-fix.ts). `shot`: the pane with
 * the popover open is saved under that name first.
 */
async function consultAgent(name: string, o: { shot?: string; keyboard?: boolean } = {}): Promise<void> {
  const consult = c.mashup.locator('[data-testid="call-control:consult"]');
  await press(consult);
  const item = c.mashup.locator(".call-control-list-item-title", { hasText: name });
  await settled(item);
  if (o.shot) await c.page.locator("aside#live").screenshot({ path: join(SCREENSHOTS, o.shot) });
  // Each row's button shows without hovering (webex-in-sap.css; Cisco shows it only under the pointer).
  const button = c.mashup.locator(".call-control-list-item", { has: item }).locator(".hover-button mdc-button");
  expect(await button.evaluate((el) => getComputedStyle(el.parentElement!).opacity)).toBe("1");
  if (!o.keyboard) return press(button);
  // From the search field the popover focuses: Tab until the row's button, named after the agent.
  expect(await button.getAttribute("aria-label")).toBe(name);
  for (let tabs = 0; !(await button.evaluate((el) => el === document.activeElement)); tabs++) {
    if (tabs > 12) throw new Error(`Tab never reached ${name}'s consult button`);
    await c.page.keyboard.press("Tab");
  }
  await c.page.keyboard.press("Enter");
}

/**
 * Waits until the element is visible and has kept its place for two looks in a row: the call
 * control re-renders as the call's notifications arrive, and a click while it moves can land on
 * the button that took its place.
 */
async function settled(l: ReturnType<Frame["locator"]>): Promise<void> {
  await l.waitFor();
  let last = "";
  for (const end = Date.now() + 10_000; Date.now() < end; ) {
    const now = JSON.stringify(await l.boundingBox());
    if (now === last) return;
    last = now;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("the element never settled");
}

/**
 * Clicks a button of Cisco's widgets once it has settled and is enabled: Momentum's buttons are
 * custom elements, so Playwright's own wait for "enabled" does not see their `disabled`, and a
 * click on one still disabled (End while the call comes off hold after a consult) does nothing.
 */
async function press(l: ReturnType<Frame["locator"]>): Promise<void> {
  await settled(l);
  await l.evaluate(
    (el) =>
      new Promise<void>((resolve, reject) => {
        const off = () => !(el as HTMLButtonElement).disabled && !el.hasAttribute("disabled") && el.getAttribute("aria-disabled") !== "true";
        const end = Date.now() + 10_000;
        const look = () => (off() ? resolve() : Date.now() > end ? reject(new Error("the button stayed disabled")) : setTimeout(look, 50));
        look();
      }),
  );
  await l.click();
}

/** A button of Cisco's consult panel (`transfer`, `conference`, `cancel`, …). */
const consultButton = (key: string) => c.mashup.locator(`[data-testid="${key}-consult-btn"]`);

/** Chloe ends the call in the call control and wraps it up; the pane is back to idle. */
async function endAndWrapUp(from: number, ends: number): Promise<void> {
  await press(c.mashup.locator('[data-testid="call-control:end-call"]'));
  await waitPayloads(c.page, from + ends);
  await wrapUpIn(c.mashup);
  await waitForWidgets(c.mashup, IDLE);
}

test("Chloe signed in and Available in the pane; Alice Available on her Agent Desktop", async () => {
  c = await openChloe(s);
  await signInChloe(c);
  await stationLogin(c.mashup, "AGENT_DN");
  await pickState(c.mashup, /Available/);
  await waitForWidgets(c.mashup, IDLE);
  a1 = await openSap(s, 1);
  await goAvailable(a1.desktop);
  for (const end = Date.now() + 10_000; s.sandbox.cc.host(CHLOE.agentId).session.subStatus !== "Available" && Date.now() < end; ) await new Promise((r) => setTimeout(r, 100));
  expect(s.sandbox.cc.host(CHLOE.agentId).session).toMatchObject({ status: "LoggedIn", subStatus: "Available" });
  expect(s.sandbox.cc.host(ALICE.agentId).session).toMatchObject({ status: "LoggedIn", subStatus: "Available" });
});

test("consult: Chloe consults Alice in Cisco's popover by keyboard alone, Alice accepts on her desktop, Chloe ends the consult and the call: Alice gets a pop and no activity", async () => {
  const { id, from } = await callChloe();
  const theirsFrom = await count(a1.page);
  // By keyboard alone, as an agent who does not use a pointer would.
  await consultAgent(ALICE.agentName, { shot: "webex-in-sap-consult-360.png", keyboard: true });
  await waitPayloads(a1.page, theirsFrom + 1);
  await waitTask(a1.desktop, id, "AgentOfferConsult");
  await act(a1.desktop, "accept", id);
  await waitTask(a1.desktop, id, "AgentConsulting");
  await press(consultButton("cancel"));
  await waitPayloads(a1.page, theirsFrom + 2);
  await waitForWidgets(c.mashup, ON_CALL);
  await endAndWrapUp(from, 3);

  const ours = await fieldsFrom(c.page, from);
  const theirs = await fieldsFrom(a1.page, theirsFrom);
  const leg = { ...CALL, ExternalOriginalReferenceID: hex(id) };
  expect(ours).toEqual([
    { ...leg, ExternalReferenceID: REF, EventType: "INBOUND", Action: "NOTIFY" },
    { ...leg, ExternalReferenceID: REF, EventType: "INBOUND", Action: "ACCEPT" },
    { ...leg, ExternalReferenceID: REF, EventType: "UPDATEACTIVITY", Action: "END" },
  ]);
  expect(theirs).toEqual([
    { ...leg, ExternalReferenceID: REF, EventType: "INBOUND", Action: "NOTIFY" },
    { ...leg, ExternalReferenceID: REF, EventType: "UPDATEACTIVITY", Action: "END" },
  ]);
  expect(new Set(ours.map((p) => p.ExternalReferenceID)).size).toBe(1);
  expect(new Set(theirs.map((p) => p.ExternalReferenceID)).size).toBe(1);
  expect(theirs[0]!.ExternalReferenceID).not.toBe(ours[0]!.ExternalReferenceID);
  const st = await sapState(c.page);
  expect(st.activities.filter((a) => a.originalId === hex(id))).toEqual([expect.objectContaining({ type: "Phone Call", direction: "Inbound", status: "Completed", externalId: ours[0]!.ExternalReferenceID })]);
  expect((await sapState(a1.page)).activities.filter((a) => a.originalId === hex(id))).toEqual([]);
  expect(violations(st)).toEqual([]);
  expect(violations(await sapState(a1.page))).toEqual([]);
});

/** Chloe consults Alice in the call control and Alice accepts the consult on her desktop. */
async function consultAccepted(id: string): Promise<number> {
  const theirsFrom = await count(a1.page);
  await consultAgent(ALICE.agentName);
  await waitPayloads(a1.page, theirsFrom + 1);
  await waitTask(a1.desktop, id, "AgentOfferConsult");
  await act(a1.desktop, "accept", id);
  await waitTask(a1.desktop, id, "AgentConsulting");
  await consultButton("transfer").waitFor();
  return theirsFrom;
}

/** Alice ends the call (or leaves the conference) on her desktop, which gives her leg's END, and wraps up. */
async function aliceFinishes(id: string, how: "end" | "leave", payloads: number): Promise<void> {
  await act(a1.desktop, how, id);
  await waitPayloads(a1.page, payloads);
  await waitTask(a1.desktop, id, "AgentWrapup");
  await act(a1.desktop, "wrapup", id);
  await waitTask(a1.desktop, id, null);
}

/** Both legs: each agent its own ExternalReferenceID, NOTIFY ACCEPT END, tied by the interaction's id; one activity each. */
async function expectTwoLegs(id: string, from: number, theirsFrom: number): Promise<void> {
  const ours = await fieldsFrom(c.page, from);
  const theirs = await fieldsFrom(a1.page, theirsFrom);
  const leg = { ...CALL, ExternalOriginalReferenceID: hex(id) };
  const life = (ref: string) => [
    { ...leg, ExternalReferenceID: ref, EventType: "INBOUND", Action: "NOTIFY" },
    { ...leg, ExternalReferenceID: ref, EventType: "INBOUND", Action: "ACCEPT" },
    { ...leg, ExternalReferenceID: ref, EventType: "UPDATEACTIVITY", Action: "END" },
  ];
  const r3 = ours[0]!.ExternalReferenceID!;
  const r1 = theirs[0]!.ExternalReferenceID!;
  expect(r3).toMatch(/^[0-9A-F]{32}$/);
  expect(r1).toMatch(/^[0-9A-F]{32}$/);
  expect(r1).not.toBe(r3);
  expect(ours).toEqual(life(r3));
  expect(theirs).toEqual(life(r1));
  const st = await sapState(c.page);
  const st1 = await sapState(a1.page);
  expect(st.activities.filter((a) => a.originalId === hex(id))).toEqual([expect.objectContaining({ type: "Phone Call", direction: "Inbound", status: "Completed", externalId: r3 })]);
  expect(st1.activities.filter((a) => a.originalId === hex(id))).toEqual([expect.objectContaining({ type: "Phone Call", direction: "Inbound", status: "Completed", externalId: r1 })]);
  expect(violations(st)).toEqual([]);
  expect(violations(st1)).toEqual([]);
}

test("consult → transfer: after Alice accepted the consult, Chloe transfers in Cisco's consult panel; Chloe's leg ends, Alice continues and ends: one activity each, tied by the original ID", async () => {
  const { id, from } = await callChloe();
  const theirsFrom = await consultAccepted(id);
  await press(consultButton("transfer"));
  await waitPayloads(c.page, from + 3);
  await waitPayloads(a1.page, theirsFrom + 2);
  await wrapUpIn(c.mashup);
  await waitForWidgets(c.mashup, IDLE);
  await waitTask(a1.desktop, id, "AgentContactAssigned");
  await aliceFinishes(id, "end", theirsFrom + 3);
  await expectTwoLegs(id, from, theirsFrom);
});

test("consult → conference: Chloe merges in Cisco's consult panel, Alice leaves the conference on her desktop, Chloe ends the call: one activity each, Alice's ending when she leaves", async () => {
  const { id, from } = await callChloe();
  const theirsFrom = await consultAccepted(id);
  await press(consultButton("conference"));
  await waitPayloads(a1.page, theirsFrom + 2);
  await waitTask(a1.desktop, id, "ParticipantJoinedConference");
  await c.mashup.locator('[data-testid="call-control:exit-conference"]').waitFor();
  await aliceFinishes(id, "leave", theirsFrom + 3);
  expect(await count(c.page)).toBe(from + 2);
  await endAndWrapUp(from, 3);
  await expectTwoLegs(id, from, theirsFrom);
});

test("consult → conference, then Chloe leaves it with Exit Conference and wraps up; Alice goes on with the customer and ends: one activity each", async () => {
  const { id, from } = await callChloe();
  const theirsFrom = await consultAccepted(id);
  await press(consultButton("conference"));
  await waitPayloads(a1.page, theirsFrom + 2);
  await waitTask(a1.desktop, id, "ParticipantJoinedConference");
  const exit = c.mashup.locator('[data-testid="call-control:exit-conference"]');
  await press(exit);
  await waitPayloads(c.page, from + 3);
  await wrapUpIn(c.mashup);
  await waitForWidgets(c.mashup, IDLE);
  await waitTask(a1.desktop, id, "ParticipantLeftConference");
  expect(await count(a1.page)).toBe(theirsFrom + 2);
  await aliceFinishes(id, "end", theirsFrom + 3);
  await expectTwoLegs(id, from, theirsFrom);
});

test("the call control's Pause Recording and Resume Recording (shown with Hold and Consult for a dial-number station) are answered by Webex: SAP gets nothing from them", async () => {
  const { id, from } = await callChloe();
  const toggle = c.mashup.locator('[data-testid="call-control:recording-toggle"]');
  await settled(toggle);
  expect(await toggle.getAttribute("aria-label")).toBe("Pause Recording");
  await press(toggle);
  await c.mashup.locator('[data-testid="call-control:recording-toggle"][aria-label="Resume Recording"]').waitFor();
  await press(toggle);
  await c.mashup.locator('[data-testid="call-control:recording-toggle"][aria-label="Pause Recording"]').waitFor();
  const sent = s.sandbox.cloud.notifications.sent.filter((m) => m.agentId === CHLOE.agentId && m.message.data?.interactionId === id).map((m) => m.message.data!.type);
  expect(sent.slice(-2)).toEqual(["ContactRecordingPaused", "ContactRecordingResumed"]);
  expect(await count(c.page)).toBe(from + 2);
  await endAndWrapUp(from, 3);
});
