/**
 * Shared set-up for the sandbox's own browser tests: the flow screen (both agents' SAP pages with
 * their mashups and emulated desktops) in real Chromium, and small readers for what a person sees.
 */
import type { Frame, Page } from "playwright-core";
import { frameOf, sapFrame, sleep, stage, waitLinked, type Stage } from "./browser-support";

export interface Flow {
  s: Stage;
  page: Page;
  sap: [Frame, Frame];
  desk: [Frame, Frame];
}

export async function openFlow(): Promise<Flow> {
  const s = await stage();
  const page = await s.context.newPage();
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.goto(s.sandbox.url);
  const sap: [Frame, Frame] = [await sapFrame(page, 1), await sapFrame(page, 2)];
  const desk: [Frame, Frame] = [await frameOf(page, s.sandbox.config.desktops[0]!), await frameOf(page, s.sandbox.config.desktops[1]!)];
  await waitLinked(desk[0]);
  await waitLinked(desk[1]);
  return { s, page, sap, desk };
}

/**
 * The agent presses "Go Available" in the emulated desktop and the desktop shows it: agents start
 * signed in and Idle, and routing offers nothing to an Idle agent.
 */
export async function goAvailable(desk: Frame | Page): Promise<void> {
  await desk.waitForSelector("#state.available, #state.idle");
  if (await desk.$("#state.available")) return; // already (the back end keeps the state across tests and reloads)
  await desk.click("#go-available");
  await desk.waitForSelector("#state.available");
}

/** The desktop's state pill, e.g. "Idle · Break", "Available", "Signed out". */
export async function statePill(desk: Frame): Promise<string> {
  return ((await desk.textContent("#state")) ?? "").trim();
}

/** Waits until the SAP page's Live Activity card shows `title` and a status matching `status`. */
export async function waitLive(sap: Frame, title: string, status: RegExp, timeout = 10_000): Promise<{ title: string; status: string }> {
  let last = { title: "", status: "" };
  for (const end = Date.now() + timeout; Date.now() < end; await sleep(100)) {
    // Both lines in one read: the card is re-rendered as payloads arrive.
    last = await sap.evaluate(() => ({ title: (document.getElementById("live-title")?.textContent ?? "").trim(), status: (document.getElementById("live-status")?.textContent ?? "").trim() }));
    if (last.title.startsWith(title) && status.test(last.status)) return last;
  }
  throw new Error(`Live Activity shows ${JSON.stringify(last)}, expected title "${title}…" and status ${status}`);
}

/** The labels of a task's buttons in the emulated desktop. */
export function buttons(desk: Frame, interactionId: string): Promise<string[]> {
  return desk.$$eval(`[data-interaction="${interactionId}"] .task-actions button`, (bs) => bs.map((b) => b.getAttribute("data-action") ?? ""));
}
