/** @jest-environment node */
/**
 * Issue 14 in real Chromium: an agent with SAP open in two tabs gets each pop and each activity
 * once, in one tab. Embedded topology: each tab frames its own Agent Desktop of the same agent
 * (Webex multi-login: both desktops get every event); the tabs' mashups agree that the first owns
 * the pops, the other stands by and says so, and takes over when the agent asks. Alongside: one
 * desktop window, two SAP tabs; the tab that has the connector pops, also after a take-over by a tab
 * that cannot reach the window (the opener relays, desktop-relay.ts).
 */
import type { Frame, Page } from "playwright-core";
import { AGENTS } from "../../sandbox/server";
import { act, frameOf, openAlongsideDesktop, openSap, perLeg, sapState, sim, sleep, waitLinked, waitPayloads, waitTask, type SapState, type Stage, useStage } from "./browser-support";
import { goAvailable } from "./sandbox-flow";

jest.setTimeout(120_000);
const A1 = AGENTS[0]!.agentId;

let s: Stage;
useStage((x) => (s = x));

const panelStatus = (mashup: Frame) => mashup.evaluate(() => (document.querySelector("wxcc-sap-panel") as unknown as { status?: string } | null)?.status);

async function waitStatus(mashup: Frame, status: string): Promise<void> {
  await mashup.waitForFunction((st) => (document.querySelector("wxcc-sap-panel") as unknown as { status?: string } | null)?.status === st, status, { timeout: 15_000 }).catch(async (e: unknown) => {
    throw new Error(`the pane did not reach "${status}" (it is "${String(await panelStatus(mashup))}"): ${(e as Error).message.split("\n")[0]}`);
  });
}

/** A second SAP tab of agent 1; its pane stands by because the first tab has the connector. */
async function secondTab(query = ""): Promise<{ page: Page; mashup: Frame }> {
  const page = await s.context.newPage();
  await page.goto(`${s.sandbox.config.sap}/sap?agent=1${query}`);
  const mashup = await frameOf(page, s.sandbox.config.mashup);
  await waitStatus(mashup, "elsewhere");
  return { page, mashup };
}

async function handle(desktop: Frame | Page, id: string, before: () => Promise<unknown>): Promise<void> {
  await before();
  await waitTask(desktop, id, "AgentOfferContact");
  await act(desktop, "accept", id);
  await waitTask(desktop, id, "AgentContactAssigned");
  await act(desktop, "end", id);
  await waitTask(desktop, id, "AgentWrapup");
  await act(desktop, "wrapup", id);
  await waitTask(desktop, id, null);
}

/** Each leg's actions across both tabs' SAP pages; no leg may appear in both. */
function across(one: SapState, two: SapState): { tab1: string[]; tab2: string[]; shared: string[] } {
  const a = perLeg(one), b = perLeg(two);
  return { tab1: Object.values(a), tab2: Object.values(b), shared: Object.keys(a).filter((k) => k in b) };
}

test("embedded: two SAP tabs, each with the agent's desktop: every leg reaches SAP once, first through tab 1, after a take-over through tab 2", async () => {
  const one = await openSap(s, 1);
  await goAvailable(one.desktop);
  const two = await secondTab();
  const desk2 = await frameOf(two.page, s.sandbox.config.desktops[0]!);
  await desk2.waitForSelector("#state.available");
  // The pane that stands by says so, in words, with the control to take over.
  await two.mashup.locator('[part="elsewhere-hint"]').waitFor();
  expect(await two.mashup.locator('button[part="take-over"]').textContent()).toBe("Use this tab");

  // A call handled in tab 2's desktop: SAP hears of it through tab 1 only.
  const first = (await sim(s, "inbound", { from: "+14155550132", to: A1 })) as string;
  await handle(desk2, first, () => waitPayloads(one.page, 1));
  await waitPayloads(one.page, 3);
  await sleep(500);
  expect(across(await sapState(one.page), await sapState(two.page))).toEqual({ tab1: ["NOTIFY ACCEPT END"], tab2: [], shared: [] });

  // The agent takes over in tab 2 (keyboard: focus the button and press Enter).
  await two.mashup.locator('button[part="take-over"]').focus();
  await two.page.keyboard.press("Enter");
  await waitStatus(two.mashup, "linked");
  await waitStatus(one.mashup, "elsewhere");
  const second = (await sim(s, "inbound", { media: "chat", from: "li.wei@mail.example", to: A1 })) as string;
  await handle(one.desktop, second, () => waitPayloads(two.page, 1));
  await waitPayloads(two.page, 3);
  await sleep(500);
  const final = across(await sapState(one.page), await sapState(two.page));
  expect(final).toEqual({ tab1: ["NOTIFY ACCEPT END"], tab2: ["NOTIFY ACCEPT END"], shared: [] });
  expect([...(await sapState(one.page)).payloads, ...(await sapState(two.page)).payloads].flatMap((p) => p.violations)).toEqual([]);
  await two.page.close();
  await one.page.close();
});

test("embedded: the tab with the connector closes mid-call; the other tab takes over by itself and SAP gets the END once", async () => {
  const one = await openSap(s, 1);
  await goAvailable(one.desktop);
  const two = await secondTab();
  const desk2 = await frameOf(two.page, s.sandbox.config.desktops[0]!);
  const id = (await sim(s, "inbound", { from: "+14155550132", to: A1 })) as string;
  await waitPayloads(one.page, 1);
  await act(desk2, "accept", id);
  await waitPayloads(one.page, 2);
  await one.page.close();
  await waitStatus(two.mashup, "linked");
  await act(desk2, "end", id);
  await waitTask(desk2, id, "AgentWrapup");
  await act(desk2, "wrapup", id);
  const st = await waitPayloads(two.page, 1);
  await sleep(500);
  expect(perLeg(await sapState(two.page))).toEqual({ [st.payloads[0]!.fields.ExternalReferenceID!]: "END" });
  await two.page.close();
});

test("alongside: one desktop window, two SAP tabs: pops in the tab that has the connector; after a take-over mid-call the END and the next call come through the other tab, each once", async () => {
  const page = await s.context.newPage();
  await page.goto(`${s.sandbox.config.sap}/sap?agent=1&topology=alongside`);
  const mashup = await frameOf(page, s.sandbox.config.mashup);
  const popup = await openAlongsideDesktop(s, mashup);
  await goAvailable(popup);
  const two = await secondTab("&topology=alongside");
  const first = (await sim(s, "inbound", { from: "+14155550132", to: A1 })) as string;
  await handle(popup, first, () => waitPayloads(page, 1));
  await waitPayloads(page, 3);
  await sleep(500);
  expect(across(await sapState(page), await sapState(two.page))).toEqual({ tab1: ["NOTIFY ACCEPT END"], tab2: [], shared: [] });

  // A second call, connected while tab 1 has the connector.
  const second = (await sim(s, "inbound", { from: "+14155550133", to: A1 })) as string;
  await waitTask(popup, second, "AgentOfferContact");
  await act(popup, "accept", second);
  await waitPayloads(page, 5);

  // The agent takes over in tab 2, which cannot reach the desktop window tab 1 opened: tab 1 relays.
  await two.mashup.locator('button[part="take-over"]').click();
  await waitStatus(two.mashup, "linked");
  await waitStatus(mashup, "elsewhere");
  await act(popup, "end", second);
  await waitTask(popup, second, "AgentWrapup");
  await act(popup, "wrapup", second);
  await waitPayloads(two.page, 1);

  // The next call pops in tab 2 only.
  const third = (await sim(s, "inbound", { media: "chat", from: "li.wei@mail.example", to: A1 })) as string;
  await handle(popup, third, () => waitPayloads(two.page, 2));
  await waitPayloads(two.page, 4);
  await sleep(500);
  const one = perLeg(await sapState(page)), other = perLeg(await sapState(two.page));
  expect(Object.values(one)).toEqual(["NOTIFY ACCEPT END", "NOTIFY ACCEPT"]);
  expect(Object.values(other)).toEqual(["END", "NOTIFY ACCEPT END"]);
  // The second call's END went to SAP once, through tab 2, for the leg tab 1 reported.
  const secondRef = Object.keys(one)[1]!;
  expect(other[secondRef]).toBe("END");
  expect([...(await sapState(page)).payloads, ...(await sapState(two.page)).payloads].flatMap((p) => p.violations)).toEqual([]);
  await two.page.close();
  await popup.close();
  await page.close();
});
