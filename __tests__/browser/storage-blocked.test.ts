/** @jest-environment node */
/**
 * The guarantees without storage, in a real browser: Chromium's default profile blocks third-party
 * cookies and storage, so the mashup (a cross-site frame inside SAP) has no sessionStorage at all.
 * With the desktop alongside SAP in its own (first-party) window, reloading the SAP page mid-call
 * gives exactly one NOTIFY, ACCEPT and END per leg: what SAP already has is re-learnt from the
 * widget, not from storage. Hanging up while the SAP page reloads never loses the END; as SAP does
 * not acknowledge payloads, an END that raced the reload may arrive twice (at least once, never
 * zero times — see END_ACK_GRACE_MS in sap-mashup/desktop-link.ts), and NOTIFY/ACCEPT never repeat.
 */
import type { Frame, Page } from "playwright-core";
import { AGENTS } from "../../sandbox/server";
import { act, frameOf, openAlongsideDesktop, perLeg, sapState, sim, sleep, waitPayloads, waitTask, type Stage, useStage } from "./browser-support";
import { goAvailable } from "./sandbox-flow";
import { END_ACK_GRACE_MS } from "../../sap-mashup/desktop-link";

jest.setTimeout(120_000);
const A1 = AGENTS[0]!.agentId;

let s: Stage;
useStage((x) => (s = x), { thirdPartyStorage: "blocked" });


/** The (new) mashup frame once its status line says linked; frames detaching mid-reload are skipped. */
async function linkedMashup(page: Page): Promise<Frame> {
  const end = Date.now() + 30_000;
  for (;;) {
    const mashup = page.frames().find((f) => !f.isDetached() && f.url().startsWith(s.sandbox.config.mashup + "/"));
    const status = mashup
      ? await mashup.evaluate(() => (document.querySelector("wxcc-sap-panel") as unknown as { status?: string } | null)?.status).catch(() => undefined)
      : undefined;
    if (mashup && status === "linked") return mashup;
    if (Date.now() > end) throw new Error(`the mashup did not link again after the SAP reload (status: ${String(status)})`);
    await sleep(100);
  }
}

test("alongside, third-party storage blocked: SAP page reloads mid-call and while the customer hangs up — one NOTIFY and ACCEPT per leg, END never lost", async () => {
  const page = await s.context.newPage();
  await page.goto(`${s.sandbox.config.sap}/sap?agent=1&topology=alongside`);
  const mashup = await frameOf(page, s.sandbox.config.mashup);
  // The premise: this browser really gives the mashup frame no storage.
  expect(await mashup.evaluate(() => { try { return typeof window.sessionStorage.length; } catch { return "blocked"; } })).toBe("blocked");

  const popup = await openAlongsideDesktop(s, mashup);

  await goAvailable(popup); // routing offers nothing to an Idle agent

  // First call: accepted, SAP reloads, the call ends afterwards.
  const first = (await sim(s, "inbound", { from: "+14155550132", to: A1 })) as string;
  await waitPayloads(page, 1);
  await act(popup, "accept", first);
  await waitPayloads(page, 2);
  await page.reload();
  await linkedMashup(page);
  await sleep(500);
  expect(Object.values(perLeg(await sapState(page)))).toEqual(["NOTIFY ACCEPT"]);
  await act(popup, "end", first);
  await waitTask(popup, first, "AgentWrapup");
  await act(popup, "wrapup", first);
  await waitPayloads(page, 3);
  // The mashup holds this END's acknowledgement back for END_ACK_GRACE_MS; an SAP reload inside that
  // window replays it by design (at least once, the second call's case below). Let it settle first,
  // so the first call is the "ended after a reload" case only.
  await sleep(END_ACK_GRACE_MS + 400);

  // Second call: the customer hangs up and the agent wraps up while the SAP page is reloading.
  const second = (await sim(s, "inbound", { from: "+14155550133", to: A1 })) as string;
  await waitPayloads(page, 4);
  await act(popup, "accept", second);
  await waitPayloads(page, 5);
  await page.evaluate(() => setTimeout(() => location.reload(), 0));
  await sim(s, "customerEnds", second);
  await waitTask(popup, second, "AgentWrapup");
  await act(popup, "wrapup", second);
  await page.waitForLoadState("load");
  await linkedMashup(page);
  await waitPayloads(page, 6);
  await sleep(800);
  const st = await sapState(page);
  const [first_, second_] = Object.values(perLeg(st));
  expect(first_).toBe("NOTIFY ACCEPT END");
  expect(second_).toMatch(/^NOTIFY ACCEPT END( END)?$/);
  expect(st.payloads.flatMap((p) => p.violations)).toEqual([]);
  await page.close();
  await popup.close();
});
