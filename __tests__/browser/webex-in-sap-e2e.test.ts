/** @jest-environment node */
/**
 * Issue 13, end to end: Chloe's SAP page (the sandbox's SAP stand-in, `/sap?agent=3`) frames the
 * mashup with `webexInSap=on`; Cisco's real widgets and the real Webex CC SDK run in the pane
 * against the sandbox's emulated Webex cloud, and SAP gets exactly the payloads of the other
 * topologies. The tests run in order on one page, as one agent's shift; no console error anywhere.
 */
import { AGENTS, CLOUD_AGENTS } from "../../sandbox/server";
import { sapState, summary, useStage, waitPayloads, type Stage } from "./browser-support";
import { barText, buttons, openChloe, pickState, signInChloe, stationLogin, widgetTags, type ChloePage } from "./webex-e2e-support";

jest.setTimeout(90_000);
const CHLOE = CLOUD_AGENTS[0]!;
const A1 = AGENTS[0]!.agentId;

let s: Stage;
useStage((st) => (s = st));
let c: ChloePage;

const hex = (id: string) => id.replace(/-/g, "").toUpperCase();
/** The SAP payloads from the `from`-th on, as fields. */
const payloadsFrom = async (from: number) => (await sapState(c.page)).payloads.slice(from).map((p) => p.fields);

async function wrapUp(code = "resolved"): Promise<void> {
  await c.mashup.locator('[data-testid="call-control:wrapup-button"]').click();
  await c.mashup.locator('[data-testid="call-control:wrapup-select"]').click();
  await c.mashup.locator(`[data-testid="call-control:wrapup-reason-${code}"]`).click();
  await c.mashup.locator('[data-testid="call-control:wrapup-submit"]').click();
}

/** Waits until the pane shows exactly these widgets. */
async function waitWidgets(tags: string[], timeout = 15_000): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    const now = await widgetTags(c.mashup);
    if (JSON.stringify(now) === JSON.stringify(tags)) return;
    if (Date.now() > end) throw new Error(`the pane shows ${now.join(", ")}, not ${tags.join(", ")}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

test("sign in through the pop-up (Chloe on the identity stand-in), choose team and device, go Available", async () => {
  c = await openChloe(s);
  expect(await barText(c.mashup)).toBe("Not signed in to Webex Sign in with Webex Calls, chats and e-mails come to this pane once you are signed in. Sign-in opens in a small window.");
  await signInChloe(c);
  await waitWidgets(["widget-cc-station-login"]);
  await stationLogin(c.mashup, "1003");
  await pickState(c.mashup, /Available/);
  await waitWidgets(["widget-cc-user-state", "widget-cc-outdial-call"]);
  expect(await barText(c.mashup)).toBe("Signed in to Webex Log out…");
  await c.page.waitForFunction(() => true);
  for (const end = Date.now() + 10_000; s.sandbox.cc.host(CHLOE.agentId).session.subStatus !== "Available" && Date.now() < end; ) await new Promise((r) => setTimeout(r, 100));
  expect(s.sandbox.cc.host(CHLOE.agentId).session).toMatchObject({ status: "LoggedIn", subStatus: "Available", teamId: "team-1", dn: "1003" });
  expect((await sapState(c.page)).payloads).toEqual([]);
});

test("an inbound call pops in SAP; answered on the phone, ended and wrapped up in the widgets: NOTIFY, ACCEPT, END, one activity", async () => {
  const id = s.sandbox.cc.inbound({ from: "+14155550132", to: CHLOE.agentId });
  await waitPayloads(c.page, 1);
  await waitWidgets(["widget-cc-user-state", "widget-cc-incoming-task", "widget-cc-outdial-call"]);
  s.sandbox.cc.agentAnswers(id, CHLOE.agentId);
  await waitPayloads(c.page, 2);
  await c.mashup.locator('[data-testid="call-control:end-call"]').click();
  await waitPayloads(c.page, 3);
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
  console.log((await buttons(c.mashup, "widget-cc-incoming-task")).join("\n"));
  console.log(JSON.stringify(await payloadsFrom(from)));
  expect(summary(await sapState(c.page))).toEqual([]);
});
