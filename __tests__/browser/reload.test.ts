/** @jest-environment node */
/**
 * Issue 4 in real Chromium: reloads are an ordinary event, and SAP must end up with exactly one
 * ACCEPT and one END per agent leg whatever reloads in between. Embedded topology: the desktop is
 * framed by the mashup, so reloading the mashup reloads the desktop too, which then rehydrates
 * from the back end's task list. Alongside topology: the mashup opens the desktop in its own
 * named window and links to it again after the SAP page reloads.
 */
import type { Frame, Page } from "playwright-core";
import { AGENTS } from "../../sandbox/server";
import { act, frameOf, openAlongsideDesktop, openSap, perLeg, sapState, sim, sleep, waitLinked, waitPayloads, waitTask, type Stage, useStage } from "./browser-support";
import { goAvailable } from "./sandbox-flow";

jest.setTimeout(90_000);
const A1 = AGENTS[0]!.agentId;

let s: Stage;
useStage((x) => (s = x));


async function reloadFrame(f: Frame): Promise<void> {
  await f.evaluate(() => setTimeout(() => location.reload(), 0));
}

/** After a reload: the new desktop frame (not `old`), once linked again. */
async function relinked(page: Page, old?: Frame): Promise<Frame> {
  const end = Date.now() + 25_000;
  for (;;) {
    const desktop = page.frames().find((f) => f !== old && !f.isDetached() && f.url().startsWith(s.sandbox.config.desktops[0]! + "/"));
    if (desktop) {
      const ok = await desktop.evaluate(() => Boolean((window as unknown as { sandboxDesktop?: { linked(): boolean } }).sandboxDesktop?.linked())).catch(() => false);
      if (ok) return desktop;
    }
    if (Date.now() > end) throw new Error("the desktop did not link again after the reload");
    await sleep(100);
  }
}

async function endAndWrap(desktop: Frame | Page, id: string): Promise<void> {
  await act(desktop, "end", id);
  await waitTask(desktop, id, "AgentWrapup");
  await act(desktop, "wrapup", id);
  await waitTask(desktop, id, null);
}

for (const media of ["telephony", "chat"] as const) {
  test(`reload of the mashup mid-${media === "chat" ? "chat" : "call"}: exactly one NOTIFY, ACCEPT and END for the leg`, async () => {
    const a = await openSap(s, 1);
    await goAvailable(a.desktop); // routing offers nothing to an Idle agent
    const id = (await sim(s, "inbound", { media, from: media === "chat" ? "li.wei@mail.example" : "+14155550132", to: A1 })) as string;
    await waitPayloads(a.page, 1);
    await act(a.desktop, "accept", id);
    await waitPayloads(a.page, 2);
    await reloadFrame(a.mashup);
    const desktop = await relinked(a.page, a.desktop);
    await waitTask(desktop, id, "AgentContactAssigned");
    await endAndWrap(desktop, id);
    const st = await waitPayloads(a.page, 3);
    await sleep(500);
    const final = await sapState(a.page);
    expect(Object.values(perLeg(final))).toEqual(["NOTIFY ACCEPT END"]);
    expect(final.activities.map((x) => `${x.type} ${x.status}`)).toEqual([`${media === "chat" ? "Chat" : "Phone Call"} Completed`]);
    expect(st.payloads.flatMap((p) => p.violations)).toEqual([]);
    await a.page.close();
  });
}

test("reload of the desktop mid-call: it rehydrates, and SAP still gets one ACCEPT and one END", async () => {
  const a = await openSap(s, 1);
  await goAvailable(a.desktop); // routing offers nothing to an Idle agent
  const id = (await sim(s, "inbound", { from: "+493090182200", to: A1 })) as string;
  await waitPayloads(a.page, 1);
  await act(a.desktop, "accept", id);
  await waitPayloads(a.page, 2);
  await Promise.all([a.desktop.waitForNavigation(), reloadFrame(a.desktop)]);
  const desktop = await relinked(a.page);
  await waitTask(desktop, id, "AgentContactAssigned");
  await endAndWrap(desktop, id);
  await waitPayloads(a.page, 3);
  await sleep(500);
  const st = await sapState(a.page);
  expect(Object.values(perLeg(st))).toEqual(["NOTIFY ACCEPT END"]);
  expect(st.payloads.flatMap((p) => p.violations)).toEqual([]);
  await a.page.close();
});

test("the customer hangs up while the mashup is reloading: the END still arrives, once", async () => {
  const a = await openSap(s, 1);
  await goAvailable(a.desktop); // routing offers nothing to an Idle agent
  const id = (await sim(s, "inbound", { from: "+442079460321", to: A1 })) as string;
  await waitPayloads(a.page, 1);
  await act(a.desktop, "accept", id);
  await waitPayloads(a.page, 2);
  await reloadFrame(a.mashup);
  await sim(s, "customerEnds", id);
  const desktop = await relinked(a.page, a.desktop);
  const st = await waitPayloads(a.page, 3);
  await act(desktop, "wrapup", id);
  await waitTask(desktop, id, null);
  await sleep(500);
  const final = await sapState(a.page);
  expect(Object.values(perLeg(final))).toEqual(["NOTIFY ACCEPT END"]);
  expect(st.payloads.flatMap((p) => p.violations)).toEqual([]);
  await a.page.close();
});

test("alongside topology: the mashup opens the desktop in its own window, and links to it again after the SAP page reloads", async () => {
  const page = await s.context.newPage();
  await page.goto(`${s.sandbox.config.sap}/sap?agent=1&topology=alongside`);
  const mashup = await frameOf(page, s.sandbox.config.mashup);
  const popup = await openAlongsideDesktop(s, mashup);
  await goAvailable(popup); // routing offers nothing to an Idle agent
  const id = (await sim(s, "inbound", { from: "+14155550132", to: A1 })) as string;
  await waitPayloads(page, 1);
  await act(popup, "accept", id);
  await waitPayloads(page, 2);

  // The SAP page reloads (the agent pressed F5): the desktop window stays, and the new mashup finds it.
  await page.reload();
  const mashup2 = await frameOf(page, s.sandbox.config.mashup);
  // Linked again when the new mashup's status line says so (the widget's old link may look alive for a while).
  await mashup2.waitForFunction(() => (document.querySelector("wxcc-sap-panel") as unknown as { status?: string } | null)?.status === "linked", undefined, { timeout: 25_000 }).catch(async (e: unknown) => {
    const status = await mashup2.evaluate(() => (document.querySelector("wxcc-sap-panel") as unknown as { status?: string } | null)?.status);
    throw new Error(`the mashup did not link to the open desktop window after the SAP reload (status: ${String(status)}): ${(e as Error).message.split("\n")[0]}`);
  });
  await sleep(500);
  expect(Object.values(perLeg(await sapState(page)))).toEqual(["NOTIFY ACCEPT"]);
  await endAndWrap(popup, id);
  await waitPayloads(page, 3);
  await sleep(500);
  const st = await sapState(page);
  expect(Object.values(perLeg(st))).toEqual(["NOTIFY ACCEPT END"]);
  expect(st.payloads.flatMap((p) => p.violations)).toEqual([]);
  await page.close();
  await popup.close();
});
