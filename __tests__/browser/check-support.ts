/**
 * Driving the setup check (issue 15) in real Chromium as an SAP admin does: inside the SAP
 * stand-in's Live Activity pane (`/sap?check=on&tenant=…`), typing the test data, pressing Send,
 * looking at what the stand-in did (its `window.sapSandbox`) and answering accordingly.
 */
import type { Frame, Locator, Page } from "playwright-core";
import { frameOf, sapState, sleep, type SapState, type Stage } from "./browser-support";

export interface CheckRun {
  page: Page;
  mashup: Frame;
  /** The check element (its shadow DOM is pierced by the locators). */
  check: Locator;
}

/** Opens agent 1's SAP stand-in with the mashup in check mode; `query` adds e.g. `&tenant=xml-only`. */
export async function openCheck(s: Stage, query: string): Promise<CheckRun> {
  const page = await s.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${s.sandbox.config.sap}/sap?agent=1&check=on${query}`);
  const mashup = await frameOf(page, s.sandbox.config.mashup);
  const check = mashup.locator("wxcc-sap-check");
  await check.locator("form").waitFor();
  return { page, mashup, check };
}

export const stepOf = (r: CheckRun) => r.check.locator("section[data-step]").getAttribute("data-step");
export const stageOf = (r: CheckRun) => r.check.locator("section[data-step]").getAttribute("data-stage");

/** What the stand-in shows: the record on screen, the view's kind. */
export function shown(page: Page): Promise<{ record: string | undefined; view: string }> {
  return page.evaluate(() => {
    const sap = (window as unknown as { sapSandbox: { record(): string | undefined; view(): string } }).sapSandbox;
    return { record: sap.record(), view: sap.view() };
  });
}

/** Waits until the SAP page has exactly `n` payloads and nothing more arrives for a moment. */
export async function settledPayloads(page: Page, n: number): Promise<SapState> {
  for (let i = 0; i < 200; i++) {
    const st = await sapState(page);
    if (st.payloads.length >= n) {
      await sleep(150);
      const again = await sapState(page);
      if (again.payloads.length === st.payloads.length) return again;
    }
    await sleep(50);
  }
  throw new Error(`expected ${n} SAP payloads, got ${(await sapState(page)).payloads.length}`);
}

/** How many payloads each step posts when its setup runs, on Send, and after the answer: the steps' own, nothing else. */
const PHASES: Record<string, [number, number, number]> = { "repeat-notify": [2, 1, 1], chat: [0, 2, 1], message: [0, 2, 1] };
export const phases = (step: string): [number, number, number] => PHASES[step] ?? [0, 1, 0];

export interface TestCustomer {
  id: string;
  phone: string;
  email: string;
}

/**
 * The admin's judgement after a Send: did SAP do what the step says? Read from what the stand-in
 * shows and recorded, as the admin reads SAP's screen.
 */
export function judge(step: string, customer: TestCustomer, seen: { record: string | undefined; view: string }, st: SapState): "yes" | "no" {
  const last = st.payloads.at(-1)?.fields.ExternalReferenceID;
  const act = st.activities.find((a) => a.externalId === last);
  const ok = (() => {
    switch (step) {
      case "pop":
      case "pop-xml":
      case "repeat-notify":
        return seen.record === customer.id;
      case "pop-unknown":
        return seen.view === "new";
      case "accept":
        return act?.type === "Phone Call" && act.status === "Open";
      case "end-updateactivity":
      case "end-direction":
        return act?.status === "Completed";
      case "chat":
        return act?.type === "Chat" && act.status === "Open" && seen.record === customer.id;
      case "message":
        return act !== undefined && act.status === "Open" && seen.record === customer.id;
      default:
        return seen.record === customer.id;
    }
  })();
  return ok ? "yes" : "no";
}
