/** @jest-environment node */
/**
 * Issue 13, "both at once": agent 1 works in the Agent Desktop (SAP tab 1, embedded topology) and
 * signs in to the "Webex in SAP" pane too (SAP tab 2, `/sap?agent=1&topology=webex`, which names
 * the desktop with `desktopOrigin`). Both get every event of the agent (the pane's SDK allows
 * multi-login); the two mashups agree on one owner of the pops and share the ledger, so SAP gets
 * each leg once. When Webex closes the pane's session for a newer one (the desktop signs in
 * again), the pane shows Cisco's multi-login alert and the desktop's tab takes the pops at once.
 */
import { join } from "node:path";
import type { Frame, Page } from "playwright-core";
import { AGENTS } from "../../sandbox/server";
import { act, frameOf, openSap, perLeg, SCREENSHOTS, sapState, sim, sleep, waitPayloads, waitTask, type SapState, type Stage, useStage } from "./browser-support";
import { goAvailable } from "./sandbox-flow";
import { barText, signInChloe, waitBar, widgetTags, type ChloePage } from "./webex-e2e-support";

jest.setTimeout(120_000);
const A1 = AGENTS[0]!;

let s: Stage;
useStage((x) => (s = x));
let one: { page: Page; desktop: Frame; mashup: Frame };
let pane: ChloePage;

async function waitStatus(mashup: Frame, status: string): Promise<void> {
  await mashup.waitForFunction((st) => (document.querySelector("wxcc-sap-panel") as unknown as { status?: string } | null)?.status === st, status, { timeout: 15_000 });
}

/** A call to agent 1 answered, ended and wrapped up in the Agent Desktop; SAP's tab `sap` gets its three payloads. */
async function call(sap: Page, before: number): Promise<void> {
  const id = (await sim(s, "inbound", { from: "+14155550132", to: A1.agentId })) as string;
  await waitTask(one.desktop, id, "AgentOfferContact");
  await waitPayloads(sap, before + 1);
  await act(one.desktop, "accept", id);
  await waitTask(one.desktop, id, "AgentContactAssigned");
  await act(one.desktop, "end", id);
  await waitTask(one.desktop, id, "AgentWrapup");
  await act(one.desktop, "wrapup", id);
  await waitTask(one.desktop, id, null);
  await waitPayloads(sap, before + 3);
  await sleep(500); // nothing more may come, in either tab
}

/** Each leg's actions across both tabs' SAP pages; no leg may appear in both. */
function across(a: SapState, b: SapState): { tab1: string[]; tab2: string[]; shared: string[] } {
  const x = perLeg(a), y = perLeg(b);
  return { tab1: Object.values(x), tab2: Object.values(y), shared: Object.keys(x).filter((k) => k in y) };
}

const both = async () => across(await sapState(one.page), await sapState(pane.page));
const violations = async () => [...(await sapState(one.page)).payloads, ...(await sapState(pane.page)).payloads].flatMap((p) => p.violations);

test("agent 1 in the desktop's SAP tab and signed in to the pane in another: the pane stands by, a call reaches SAP once", async () => {
  one = await openSap(s, 1);
  await goAvailable(one.desktop);
  const page = await s.context.newPage();
  await page.goto(`${s.sandbox.config.sap}/sap?agent=1&topology=webex`);
  pane = { page, mashup: await frameOf(page, s.sandbox.config.mashup, 30_000) };
  await waitBar(pane.mashup, (t) => t.includes("Sign in with Webex"), "the sign-in");
  await signInChloe(pane, A1.agentName);
  // Logged in at the station already (by the desktop): the state widget, not the station login.
  await waitBar(pane.mashup, (t) => t.includes("Another SAP tab has the connector"), "standing by");
  expect(await widgetTags(pane.mashup)).toEqual(["widget-cc-user-state", "widget-cc-outdial-call"]);
  await pane.page.locator("aside#live").screenshot({ path: join(SCREENSHOTS, "webex-in-sap-elsewhere-360.png") });
  await call(one.page, 0);
  expect(await both()).toEqual({ tab1: ["NOTIFY ACCEPT END"], tab2: [], shared: [] });
  expect(await violations()).toEqual([]);
});

test("'Use this tab' in the pane: the next call reaches SAP once, through the pane's tab", async () => {
  await pane.mashup.locator('wxcc-sap-webex [part="take-over"]').click();
  await waitStatus(one.mashup, "elsewhere");
  await waitBar(pane.mashup, (t) => !t.includes("Another SAP tab"), "the pops");
  await call(pane.page, 0);
  expect(await both()).toEqual({ tab1: ["NOTIFY ACCEPT END"], tab2: ["NOTIFY ACCEPT END"], shared: [] });
  expect(await violations()).toEqual([]);
});

test("the desktop signs in again: the pane shows Cisco's multi-login alert, the desktop's tab takes the pops, the next call reaches SAP once", async () => {
  expect(s.sandbox.cloud.notifications.desktopSignedIn(A1.agentId)).toBe(1);
  const alert = pane.mashup.locator('[data-testid="multi-sign-in-modal"]');
  await alert.waitFor({ state: "visible", timeout: 15_000 });
  expect(await alert.textContent()).toBe("Multiple Sign In AlertYou are signed in to the Desktop in multiple application instances. Click Continue to proceed with the Desktop in this application instance. Else, close this window.Continue");
  await waitStatus(one.mashup, "linked");
  expect(await widgetTags(pane.mashup)).toEqual(["widget-cc-station-login"]);
  await pane.page.locator("aside#live").screenshot({ path: join(SCREENSHOTS, "webex-in-sap-multi-login-360.png") });
  expect(await barText(pane.mashup)).toBe("Signed in to Webex Another SAP tab has the connector Use this tab Calls, chats and activities appear in that tab. To work in this one instead, press “Use this tab”.");
  // The SDK says at error level that Webex closed its socket (docs/reference/webex-cc-sdk.md §3.6): exactly that, once.
  expect(s.errors.map((e) => e.replace(/ wx-js-sdk \S+ /, " wx-js-sdk <time> "))).toEqual([
    `${s.sandbox.config.mashup}/sap-mashup/webex-in-sap.js: wx-js-sdk <time> PLUGIN_CC - [ERROR]: module:WebSocketManager - method:connect - [WebSocketStatus] | event=agentMultiLogin | WebSocket connection closed by agent multiLogin`,
  ]);
  s.errors.length = 0;
  await call(one.page, 3);
  expect(await both()).toEqual({ tab1: ["NOTIFY ACCEPT END", "NOTIFY ACCEPT END"], tab2: ["NOTIFY ACCEPT END"], shared: [] });
  expect(await violations()).toEqual([]);
});

test("Continue in Cisco's alert: the pane registers again and takes back the pops it had; the next call reaches SAP once, through the pane's tab", async () => {
  await pane.mashup.locator('[data-testid="multi-sign-in-modal"] mdc-button, [data-testid="multi-sign-in-modal"] button').first().click();
  await pane.mashup.locator('[data-testid="multi-sign-in-modal"]').waitFor({ state: "hidden", timeout: 15_000 });
  await waitStatus(one.mashup, "elsewhere");
  await waitBar(pane.mashup, (t) => t === "Signed in to Webex Log out…", "the pops back");
  expect(await widgetTags(pane.mashup)).toEqual(["widget-cc-user-state", "widget-cc-outdial-call"]);
  await call(pane.page, 3);
  expect(await both()).toEqual({ tab1: ["NOTIFY ACCEPT END", "NOTIFY ACCEPT END"], tab2: ["NOTIFY ACCEPT END", "NOTIFY ACCEPT END"], shared: [] });
  expect(await violations()).toEqual([]);
  await pane.page.close();
  await one.page.close();
});
