/**
 * Chloe's SAP page in the "Webex in SAP" topology (`/sap?agent=3`), driven through Cisco's real
 * widgets and the real Webex CC SDK against the sandbox's emulated Webex cloud, for the
 * end-to-end browser tests (issue 13).
 */
import type { Frame, Page } from "playwright-core";
import { frameOf, sleep, type Stage } from "./browser-support";

export interface ChloePage {
  page: Page;
  mashup: Frame;
}

/** The pane's bar text (wxcc-sap-webex), whitespace folded. */
export function barText(mashup: Frame): Promise<string> {
  return mashup.evaluate(() => (document.querySelector("wxcc-sap-webex")?.shadowRoot?.textContent ?? "").replace(/\s+/g, " ").trim());
}

/** Clicks a part of the pane's bar (its shadow root). */
export async function clickBar(mashup: Frame, part: string): Promise<void> {
  await mashup.locator(`wxcc-sap-webex [part="${part}"]`).click();
}

/** Waits until the bar's text passes `ok` (or fails, showing it). */
export async function waitBar(mashup: Frame, ok: (t: string) => boolean, what: string, timeout = 30_000): Promise<string> {
  const end = Date.now() + timeout;
  for (;;) {
    const t = await barText(mashup).catch(() => "");
    if (ok(t)) return t;
    if (Date.now() > end) throw new Error(`the pane never showed ${what}; it shows: "${t}"`);
    await sleep(100);
  }
}

/** Opens Chloe's SAP page; the pane offers "Sign in with Webex". */
export async function openChloe(s: Stage, query = ""): Promise<ChloePage> {
  const page = await s.context.newPage();
  await page.goto(`${s.sandbox.config.sap}/sap?agent=3${query}`);
  const mashup = await frameOf(page, s.sandbox.config.mashup, 30_000);
  await waitBar(mashup, (t) => t.includes("Sign in with Webex") || t.includes("Connecting") || t.includes("Signed in"), "the sign-in");
  return { page, mashup };
}

/** Signs in through the pop-up, picking `agentName` on the identity stand-in; waits until the widgets run. */
export async function signInChloe(c: ChloePage, agentName = "Chloe Durand"): Promise<void> {
  const popupOpened = c.page.waitForEvent("popup");
  await clickBar(c.mashup, "sign-in");
  const popup = await popupOpened;
  await popup.getByText(agentName).click();
  await popup.waitForEvent("close", { timeout: 15_000 });
  await waitBar(c.mashup, (t) => t.startsWith("Signed in"), "signed in");
}

/**
 * Cisco's station-login widget: the device (a dial number, or an extension), its number (none:
 * the one the widget offers, the profile's default), the team, then Login. Returns the number used.
 */
export async function stationLogin(mashup: Frame, device: "AGENT_DN" | "EXTENSION", number?: string, teamId = "team-1"): Promise<string> {
  await mashup.locator("#login-option").click();
  await mashup.locator(`mdc-option[value="${device}"]`).click();
  const input = mashup.locator("#dial-number-input").locator("input");
  if (number !== undefined) await input.fill(number);
  const used = await input.inputValue();
  await mashup.locator("#teams-dropdown").click();
  await mashup.locator(`mdc-option[value="${teamId}"]`).click();
  await mashup.locator('[data-testid="login-button"]').click();
  await mashup.locator("widget-cc-user-state").waitFor({ timeout: 15_000 });
  return used;
}

/** Cisco's user-state widget: picks the state named `name` (the tenant's idle codes, or Available). */
export async function pickState(mashup: Frame, name: RegExp): Promise<void> {
  await mashup.locator("widget-cc-user-state button").first().click();
  await mashup.getByRole("option", { name }).first().click();
}

/** The widgets the pane shows, in order (tag names, lower case). */
export function widgetTags(mashup: Frame): Promise<string[]> {
  return mashup.evaluate(() => [...document.querySelectorAll<HTMLElement>("[class~=wx-widget]")].filter((w) => !w.hidden && w.offsetHeight > 0).map((w) => w.tagName.toLowerCase()));
}

/** Waits until the pane shows exactly these widgets (tag names, in order). */
export async function waitForWidgets(mashup: Frame, tags: string[], timeout = 15_000): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    const now = await widgetTags(mashup);
    if (JSON.stringify(now) === JSON.stringify(tags)) return;
    if (Date.now() > end) throw new Error(`the pane shows ${now.join(", ")}, not ${tags.join(", ")}`);
    await sleep(100);
  }
}

/** Cisco's call control: Wrap up, pick the wrap-up reason `code`, Submit. */
export async function wrapUpIn(mashup: Frame, code = "resolved"): Promise<void> {
  await mashup.locator('[data-testid="call-control:wrapup-button"]').click();
  await mashup.locator('[data-testid="call-control:wrapup-select"]').click();
  await mashup.locator(`[data-testid="call-control:wrapup-reason-${code}"]`).click();
  await mashup.locator('[data-testid="call-control:wrapup-submit"]').click();
}

/** An interaction id as SAP's ExternalOriginalReferenceID carries it (hex, upper case, no dashes). */
export const hex = (id: string) => id.replace(/-/g, "").toUpperCase();
