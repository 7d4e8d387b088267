/** @jest-environment node */
/**
 * Issue 13, end to end: Chloe's SAP page (the sandbox's SAP stand-in, `/sap?agent=3`) frames the
 * mashup with `webexInSap=on`; Cisco's real widgets and the real Webex CC SDK run in the pane
 * against the sandbox's emulated Webex cloud, and SAP gets exactly the payloads of the other
 * topologies. The tests run in order on one page, as one agent's shift; no console error anywhere.
 */
import type { Request } from "playwright-core";
import { AGENTS, CLOUD_AGENTS } from "../../sandbox/server";
import { join } from "node:path";
import { act, frameOf, openSap, SCREENSHOTS, sapState, summary, useStage, waitPayloads, waitTask, type Stage } from "./browser-support";
import { goAvailable } from "./sandbox-flow";
import { barText, clickBar, hex, openChloe, pickState, signInChloe, stationLogin, waitBar, waitForWidgets, wrapUpIn, type ChloePage } from "./webex-e2e-support";

jest.setTimeout(90_000);
const CHLOE = CLOUD_AGENTS[0]!;
const A1 = AGENTS[0]!.agentId;

let s: Stage;
useStage((st) => (s = st));
let c: ChloePage;

/** The SAP payloads from the `from`-th on, as fields. */
const payloadsFrom = async (from: number) => (await sapState(c.page)).payloads.slice(from).map((p) => p.fields);

const wrapUp = (code?: string) => wrapUpIn(c.mashup, code);

/** SAP's click-to-dial message (docs/reference/sap-cti.md §5.1), as the SAP stand-in's page posts it to the pane. */
async function sapClickToDial(phoneNumber: string): Promise<void> {
  await c.page.evaluate(
    ([origin, number]) => {
      const frame = document.getElementById("cti") as HTMLIFrameElement;
      frame.contentWindow!.postMessage({ PhoneNumber: number, ActivityUUID: "0b5cbd6c-1f5e-4a8e-9d3a-2f0c1e7d9a11", ObjectTypeCode: "72", Direction: "OUTBOUND", IsBTDRef: "false" }, origin!);
    },
    [s.sandbox.config.mashup, phoneNumber],
  );
}

/** Waits until the pane shows exactly these widgets. */
const waitWidgets = (tags: string[], timeout?: number) => waitForWidgets(c.mashup, tags, timeout);

test("sign in through the pop-up (Chloe on the identity stand-in), choose team and device, go Available", async () => {
  c = await openChloe(s);
  expect(await barText(c.mashup)).toBe("Not signed in to Webex Sign in with Webex Calls, chats and e-mails come to this pane once you are signed in. Sign-in opens in a small window.");
  // A click-to-dial before the sign-in: nothing can dial it, and the pane says so (never dialled later).
  await sapClickToDial("+14155550123");
  const early = c.mashup.locator('wxcc-sap-webex [part="notice"]');
  await early.waitFor({ timeout: 15_000 });
  expect(await early.textContent()).toBe("SAP asked to dial a number, but you are not signed in to Webex, so nothing was dialled. Sign in, then click the number again.");
  expect(await early.getAttribute("role")).toBe("alert");
  await c.page.locator("aside#live").screenshot({ path: join(SCREENSHOTS, "webex-in-sap-dial-signed-out-360.png") });
  await signInChloe(c);
  await waitWidgets(["widget-cc-station-login"]);
  // The dial number the widget offers is the profile's default, in the North American form its dial plan accepts.
  expect(await stationLogin(c.mashup, "AGENT_DN")).toBe("+14155552003");
  await pickState(c.mashup, /Available/);
  await waitWidgets(["widget-cc-user-state", "widget-cc-outdial-call"]);
  expect(await barText(c.mashup)).toBe("Signed in to Webex Log out…");
  for (const end = Date.now() + 10_000; s.sandbox.cc.host(CHLOE.agentId).session.subStatus !== "Available" && Date.now() < end; ) await new Promise((r) => setTimeout(r, 100));
  expect(s.sandbox.cc.host(CHLOE.agentId).session).toMatchObject({ status: "LoggedIn", subStatus: "Available", teamId: "team-1", dn: "+14155552003" });
  expect((await sapState(c.page)).payloads).toEqual([]);
});

test("an inbound call pops in SAP; answered on the phone, ended and wrapped up in the widgets: NOTIFY, ACCEPT, END, one activity", async () => {
  const id = s.sandbox.cc.inbound({ from: "+14155550132", to: CHLOE.agentId });
  await waitPayloads(c.page, 1);
  // While a call rings, is answered and is wrapped up, no outdial keypad: the call controls have the room.
  await waitWidgets(["widget-cc-user-state", "widget-cc-incoming-task"]);
  s.sandbox.cc.agentAnswers(id, CHLOE.agentId);
  await waitPayloads(c.page, 2);
  await waitWidgets(["widget-cc-user-state", "widget-cc-task-list", "widget-cc-call-control-cad"]);
  await c.mashup.locator('[data-testid="call-control:end-call"]').click();
  await waitPayloads(c.page, 3);
  await waitWidgets(["widget-cc-user-state", "widget-cc-task-list", "widget-cc-call-control-cad"]);
  await wrapUp();
  await waitWidgets(["widget-cc-user-state", "widget-cc-outdial-call"]);
  const call = { Type: "CALL", ANI: "+14155550132", ExternalReferenceID: expect.stringMatching(/^[0-9A-F]{32}$/), ExternalOriginalReferenceID: hex(id), DNIS: "+18005550100" };
  expect(await payloadsFrom(0)).toEqual([
    { ...call, EventType: "INBOUND", Action: "NOTIFY" },
    { ...call, EventType: "INBOUND", Action: "ACCEPT" },
    { ...call, EventType: "UPDATEACTIVITY", Action: "END" },
  ]);
  const st = await sapState(c.page);
  expect(new Set(st.payloads.map((p) => p.fields.ExternalReferenceID)).size).toBe(1);
  expect(st.payloads.flatMap((p) => p.violations)).toEqual([]);
  expect(st.activities).toEqual([expect.objectContaining({ type: "Phone Call", direction: "Inbound", customer: "Maria Lopez", status: "Completed", originalId: hex(id), externalId: st.payloads[0]!.fields.ExternalReferenceID })]);
});

test("a chat pops by the customer's e-mail address; accepted, ended and wrapped up in the widgets: one activity", async () => {
  const from = (await sapState(c.page)).payloads.length;
  const id = s.sandbox.cc.inbound({ media: "chat", from: "li.wei@mail.example", to: CHLOE.agentId });
  await waitPayloads(c.page, from + 1);
  await waitWidgets(["widget-cc-user-state", "widget-cc-incoming-task", "widget-cc-outdial-call"]);
  await c.mashup.locator('widget-cc-incoming-task [data-testid="task:accept-button"]').click();
  await waitPayloads(c.page, from + 2);
  await waitWidgets(["widget-cc-user-state", "widget-cc-task-list", "widget-cc-call-control-cad", "widget-cc-outdial-call"]);
  await c.mashup.locator('[data-testid="call-control:end-call"]').click();
  await waitPayloads(c.page, from + 3);
  await wrapUp();
  await waitWidgets(["widget-cc-user-state", "widget-cc-outdial-call"]);
  const chat = { Type: "CHAT", Email: "li.wei@mail.example", ExternalReferenceID: expect.stringMatching(/^[0-9A-F]{32}$/), ExternalOriginalReferenceID: hex(id), DNIS: "chat-entry-point" };
  expect(await payloadsFrom(from)).toEqual([
    { ...chat, EventType: "INBOUND", Action: "NOTIFY" },
    { ...chat, EventType: "INBOUND", Action: "ACCEPT" },
    { ...chat, EventType: "UPDATEACTIVITY", Action: "END" },
  ]);
  const st = await sapState(c.page);
  expect(st.activities.at(-1)).toEqual(expect.objectContaining({ type: "Chat", direction: "Inbound", customer: "Li Wei", status: "Completed", originalId: hex(id) }));
  expect(st.activities).toHaveLength(2);
});

test("click-to-dial from a lead in SAP dials through the Webex CC SDK's outdial; SAP gets the OUTBOUND payloads with its ActivityUUID", async () => {
  const from = (await sapState(c.page)).payloads.length;
  const dials: Record<string, unknown>[] = [];
  const onRequest = (r: Request) => {
    if (r.method() === "POST" && /^\/webex\/v1\/tasks\/?$/.test(new URL(r.url()).pathname)) dials.push(JSON.parse(r.postData() ?? "{}") as Record<string, unknown>);
  };
  c.page.on("request", onRequest);
  await c.page.click("#nav button[data-view=Lead]");
  await c.page.click("a.record-link:text('Emma Johnson')");
  await c.page.click("a.dial");
  await waitPayloads(c.page, from + 1);
  const uuid = (await sapState(c.page)).payloads[from]!.fields.ActivityUUID!;
  expect(uuid).toMatch(/^[0-9a-f-]{36}$/);
  // The Webex CC SDK's outdial (its POST /v1/tasks to the cloud), from the agent's outdial entry point.
  expect(dials).toEqual([expect.objectContaining({ destination: "+12125550175", entryPointId: "ep-outdial-1", direction: "OUTBOUND", mediaType: "telephony", outboundType: "OUTDIAL" })]);
  c.page.off("request", onRequest);
  const [id] = [...s.sandbox.cc.host(CHLOE.agentId).tasks.keys()];
  s.sandbox.cc.customerAnswers(id!);
  await waitPayloads(c.page, from + 2);
  await c.mashup.locator('[data-testid="call-control:end-call"]').click();
  await waitPayloads(c.page, from + 3);
  await wrapUp();
  await waitWidgets(["widget-cc-user-state", "widget-cc-outdial-call"]);
  const out = { Type: "CALL", ANI: "+12125550175", ExternalReferenceID: expect.stringMatching(/^[0-9A-F]{32}$/), ExternalOriginalReferenceID: hex(id!), DNIS: "+18005550199", ActivityUUID: uuid };
  expect(await payloadsFrom(from)).toEqual([
    { ...out, EventType: "OUTBOUND", Action: "NOTIFY" },
    { ...out, EventType: "OUTBOUND", Action: "ACCEPT" },
    { ...out, EventType: "UPDATEACTIVITY", Action: "END" },
  ]);
  const st = await sapState(c.page);
  expect(st.activities).toHaveLength(3);
  expect(st.activities.at(-1)).toEqual(expect.objectContaining({ type: "Phone Call", direction: "Outbound", customer: "Emma Johnson", status: "Completed", activityUUID: uuid, originalId: hex(id!) }));
});

test("a call transferred from a desktop agent (agent 1's emulated Agent Desktop) to Chloe: each gets an activity of their own, tied by the original ID", async () => {
  const a1 = await openSap(s, 1);
  await goAvailable(a1.desktop);
  const from = (await sapState(c.page)).payloads.length;
  const id = s.sandbox.cc.inbound({ from: "+14695550123", to: A1 });
  await waitPayloads(a1.page, 1);
  await act(a1.desktop, "accept", id);
  await waitPayloads(a1.page, 2);
  await act(a1.desktop, "transfer-cloud", id);
  await waitPayloads(c.page, from + 1);
  s.sandbox.cc.agentAnswers(id, CHLOE.agentId);
  await waitPayloads(c.page, from + 2);
  await waitTask(a1.desktop, id, "AgentWrapup");
  await act(a1.desktop, "wrapup", id);
  await waitTask(a1.desktop, id, null);
  await c.mashup.locator('[data-testid="call-control:end-call"]').click();
  await waitPayloads(c.page, from + 3);
  await wrapUp();
  await waitWidgets(["widget-cc-user-state", "widget-cc-outdial-call"]);

  const theirs = (await sapState(a1.page)).payloads.map((p) => p.fields);
  const ours = await payloadsFrom(from);
  const call = { Type: "CALL", ANI: "+14695550123", ExternalOriginalReferenceID: hex(id), DNIS: "+18005550100" };
  const r1 = theirs[0]!.ExternalReferenceID!;
  const r3 = ours[0]!.ExternalReferenceID!;
  expect(r1).not.toBe(r3);
  expect(theirs).toEqual([
    { ...call, ExternalReferenceID: r1, EventType: "INBOUND", Action: "NOTIFY" },
    { ...call, ExternalReferenceID: r1, EventType: "INBOUND", Action: "ACCEPT" },
    { ...call, ExternalReferenceID: r1, EventType: "UPDATEACTIVITY", Action: "END" },
  ]);
  expect(ours).toEqual([
    { ...call, ExternalReferenceID: r3, EventType: "INBOUND", Action: "NOTIFY" },
    { ...call, ExternalReferenceID: r3, EventType: "INBOUND", Action: "ACCEPT" },
    { ...call, ExternalReferenceID: r3, EventType: "UPDATEACTIVITY", Action: "END" },
  ]);
  expect((await sapState(a1.page)).activities).toEqual([expect.objectContaining({ direction: "Inbound", status: "Completed", originalId: hex(id), externalId: r1 })]);
  expect((await sapState(c.page)).activities.at(-1)).toEqual(expect.objectContaining({ direction: "Inbound", status: "Completed", originalId: hex(id), externalId: r3 }));
  await a1.page.close();
});

test("a reload of SAP's page mid-call loses and doubles nothing: signed in again from the session, the call is still there, END comes once", async () => {
  const from = (await sapState(c.page)).payloads.length;
  const id = s.sandbox.cc.inbound({ from: "+14155550132", to: CHLOE.agentId });
  await waitPayloads(c.page, from + 1);
  s.sandbox.cc.agentAnswers(id, CHLOE.agentId);
  await waitPayloads(c.page, from + 2);
  await waitWidgets(["widget-cc-user-state", "widget-cc-task-list", "widget-cc-call-control-cad"]);
  await c.page.locator("aside#live").screenshot({ path: join(SCREENSHOTS, "webex-in-sap-call-360.png") });

  await c.page.reload();
  c.mashup = await frameOf(c.page, s.sandbox.config.mashup, 30_000);
  await waitBar(c.mashup, (t) => t.startsWith("Signed in"), "signed in again after the reload");
  await waitWidgets(["widget-cc-user-state", "widget-cc-task-list", "widget-cc-call-control-cad"], 30_000);
  await new Promise((r) => setTimeout(r, 1500)); // anything doubled would have come by now
  expect((await sapState(c.page)).payloads.length).toBe(from + 2);
  await c.mashup.locator('[data-testid="call-control:end-call"]').click();
  await waitPayloads(c.page, from + 3);
  await wrapUp();
  await waitWidgets(["widget-cc-user-state", "widget-cc-outdial-call"]);
  expect(summary(await sapState(c.page)).slice(from)).toEqual(["CALL INBOUND NOTIFY", "CALL INBOUND ACCEPT", "CALL UPDATEACTIVITY END"]);
  const st = await sapState(c.page);
  expect(new Set(st.payloads.slice(from).map((p) => p.fields.ExternalReferenceID)).size).toBe(1);
  expect(st.activities.filter((a) => a.originalId === hex(id))).toEqual([expect.objectContaining({ status: "Completed" })]);
});

test("a logout Webex refuses is said in this pane's words, not as done; the station stays logged in", async () => {
  const logout = "**/v1/agents/logout";
  const refuse = (route: import("playwright-core").Route) => route.fulfill({ status: 500, contentType: "application/json", body: JSON.stringify({ errorMessage: "refused by the test" }) });
  await s.context.route(logout, refuse);
  const errorsBefore = s.errors.length;
  try {
    await clickBar(c.mashup, "log-out-toggle");
    await c.mashup.locator('wxcc-sap-webex [part="log-out-reason"]').selectOption("Lunch");
    await clickBar(c.mashup, "log-out");
    const text = c.mashup.locator('wxcc-sap-webex [part="notice-text"]');
    await text.waitFor({ timeout: 15_000 });
    expect(await text.textContent()).toBe("You were not logged out: Webex refused it. Try again.");
  } finally {
    await s.context.unroute(logout, refuse);
  }
  expect(await barText(c.mashup)).not.toContain("Logged out");
  expect(s.sandbox.cc.host(CHLOE.agentId).session.status).toBe("LoggedIn");
  expect(s.sandbox.cloud.logoutReasons).toEqual([]);
  // The SDK reports the failed request on the console as an error: that is Webex's refusal, expected here.
  const refusal = s.errors.slice(errorsBefore);
  s.errors.splice(errorsBefore);
  expect(refusal.every((e) => /logout|500|refused by the test/i.test(e))).toBe(true);
  await c.mashup.locator('wxcc-sap-webex [part="dismiss"]').click();
  await clickBar(c.mashup, "log-out-toggle");
  expect(await c.mashup.locator('wxcc-sap-webex [part="log-out-toggle"]').getAttribute("aria-expanded")).toBe("false");
});

test("log out with the reason Lunch: the emulated Webex records Lunch, the pane offers the station login again", async () => {
  await clickBar(c.mashup, "log-out-toggle");
  await c.mashup.locator('wxcc-sap-webex [part="log-out-reason"]').selectOption("Lunch");
  await clickBar(c.mashup, "log-out");
  await waitWidgets(["widget-cc-station-login"]);
  expect(s.sandbox.cloud.logoutReasons.map((r) => [r.agentId, r.reason])).toEqual([[CHLOE.agentId, "Lunch"]]);
  expect(s.sandbox.cc.host(CHLOE.agentId).session.status).not.toBe("LoggedIn");
  expect(await barText(c.mashup)).toContain("Lunch");
  expect((await sapState(c.page)).payloads.flatMap((p) => p.violations)).toEqual([]);
});

test("a click-to-dial while logged out of the station: not sent to Webex, the pane says to log in to the station first", async () => {
  const before = (await sapState(c.page)).payloads.length;
  await sapClickToDial("+16503054000");
  const text = c.mashup.locator('wxcc-sap-webex [part="notice-text"]');
  await text.waitFor({ timeout: 15_000 });
  const said = "The call to +*********00 was not placed: you are logged out of the station. Log in to the station in this pane, then click the number again.";
  expect(await text.textContent()).toBe(said);
  expect(await c.mashup.locator('wxcc-sap-webex [part="live"]').textContent()).toBe(said);
  expect((await sapState(c.page)).payloads).toHaveLength(before);
  expect(s.sandbox.cc.host(CHLOE.agentId).tasks.size).toBe(0);
  // Refused before the SDK is asked: its own refusal would end in an uncaught TypeError (no task to
  // report it on). The core logs the refused dial as in the other topologies: that line and no other.
  const logged = s.errors.filter((e) => e.includes("[wxcc-sap mashup] The call to +*********00 was not placed"));
  expect(logged).toEqual([expect.stringContaining("(logged out of the station)")]);
  s.errors.splice(0, s.errors.length, ...s.errors.filter((e) => !logged.includes(e)));
  await c.mashup.locator('wxcc-sap-webex [part="dismiss"]').click();
  await c.mashup.locator('wxcc-sap-webex [part="notices"]').waitFor({ state: "detached" });
});

test("a click-to-dial the core cannot use (not a number) is said in the pane as in the other topologies, aloud too; SAP gets nothing and nothing is dialled", async () => {
  const before = (await sapState(c.page)).payloads.length;
  // SAP's click-to-dial with a number that is none.
  await sapClickToDial("call me");
  const text = c.mashup.locator('wxcc-sap-webex [part="notice-text"]');
  await text.waitFor({ timeout: 15_000 });
  // Masked as in the other topologies (what SAP sent may be a customer's number).
  const said = "“c***” is not a phone number, so nothing was dialled. Correct it in SAP and click it again.";
  expect(await text.textContent()).toBe(said);
  expect(await c.mashup.locator('wxcc-sap-webex [part="live"]').textContent()).toBe(said);
  await c.mashup.locator('wxcc-sap-webex [part="dismiss"]').click();
  await c.mashup.locator('wxcc-sap-webex [part="notices"]').waitFor({ state: "detached" });
  expect((await sapState(c.page)).payloads).toHaveLength(before);
  expect(s.sandbox.cc.host(CHLOE.agentId).tasks.size).toBe(0);
  // The core logs the refused dial as an error, as in the other topologies (masked): that one line and no other.
  const logged = `[wxcc-sap mashup] ${said} (not a phone number)`;
  expect(s.errors.filter((e) => e.endsWith(logged))).toHaveLength(1);
  s.errors.splice(0, s.errors.length, ...s.errors.filter((e) => !e.endsWith(logged)));
});
