/**
 * The mashup as SAP shows it: alone in a CTI pane of a given size. A page on the SAP sandbox's
 * origin (its markup set by the test, so the sandbox is not changed) frames the mashup full-size,
 * as SAP's Live Activity pane does; the mashup frames agent N's emulated desktop. Click-to-dial is
 * posted from that page, as SAP posts it.
 */
import type { Frame, Page } from "playwright-core";
import { goAvailable } from "./sandbox-flow";
import { frameOf, sleep, waitLinked, type Stage } from "./browser-support";

export interface PaneOptions {
  width: number;
  height: number;
  agent?: 1 | 2;
  theme?: string;
  language?: string;
  /** Replaces the mashup's whole query (e.g. a broken configuration). */
  query?: string;
  /** Frame a page with no widget, so the mashup waits for the link for ever. */
  noWidget?: boolean;
  /** Wait until the desktop's widget linked (default: unless noWidget or query is given). */
  waitLink?: boolean;
  /** Leave the agent as they are (Idle after sign-in) instead of going Available once linked. */
  idle?: boolean;
}

export interface Pane {
  page: Page;
  mashup: Frame;
  desktop: Frame | undefined;
  close(): Promise<void>;
}

export function mashupQuery(s: Stage, o: PaneOptions): string {
  const cfg = s.sandbox.config;
  const desktop = cfg.desktops[(o.agent ?? 1) - 1]!;
  const q = new URLSearchParams({ sapOrigin: cfg.sap, desktopUrl: o.noWidget ? `${desktop}/no-such-page` : `${desktop}/` });
  if (o.theme) q.set("theme", o.theme);
  if (o.language) q.set("language", o.language);
  return q.toString();
}

export async function openPane(s: Stage, o: PaneOptions): Promise<Pane> {
  const cfg = s.sandbox.config;
  const page = await s.context.newPage();
  try {
    await page.setViewportSize({ width: o.width, height: o.height });
    const src = `${cfg.mashup}/sap-mashup/index.html?${o.query ?? mashupQuery(s, o)}`;
    // A document of the SAP origin loaded from the server (not made up by the test: Chromium lets
    // only a page really served from loopback frame loopback pages), then given the pane's markup.
    await page.goto(`${cfg.sap}/sandbox/config.json`);
    await page.setContent(
      `<!doctype html><html lang="en"><title>SAP CTI pane</title><style>html,body{margin:0;height:100%;overflow:hidden}iframe{display:block;border:0;width:100%;height:100%}</style><iframe id="cti" title="Live Activity" src="${src.replace(/&/g, "&amp;")}" allow="microphone; camera; autoplay"></iframe>`,
    );
    const mashup = await frameOf(page, cfg.mashup);
    await mashup.waitForSelector("wxcc-sap-panel");
    let desktop: Frame | undefined;
    if (!o.query) {
      desktop = await frameOf(page, cfg.desktops[(o.agent ?? 1) - 1]!);
      if (o.waitLink ?? !o.noWidget) {
        await waitLinked(desktop);
        await panelText(mashup, (t) => t.includes("Agent Desktop linked") || !/Waiting/.test(t), "the panel to show the link");
        // Routing offers conversations only to an Available agent (the sandbox agent starts Idle).
        if (!o.idle) await goAvailable(desktop);
      }
    }
    return { page, mashup, desktop, close: () => page.close() };
  } catch (e) {
    // A pane left open would keep the connector in its SAP tab: the next pane would stand by.
    await page.close();
    throw e;
  }
}

/** The panel's text (its shadow root), whitespace collapsed. */
export function panelTextNow(mashup: Frame): Promise<string> {
  return mashup.evaluate(() => (document.querySelector("wxcc-sap-panel")?.shadowRoot?.textContent ?? "").replace(/\s+/g, " ").trim());
}

/** Waits until the panel's text satisfies `ok`; fails with what it shows. */
export async function panelText(mashup: Frame, ok: (text: string) => boolean, what: string, timeout = 15_000): Promise<string> {
  const end = Date.now() + timeout;
  for (;;) {
    const text = await panelTextNow(mashup);
    if (ok(text)) return text;
    if (Date.now() > end) throw new Error(`waited for ${what}; the panel shows: ${text}`);
    await sleep(50);
  }
}

/** SAP's click-to-dial, posted into the mashup by the page around it. */
export async function clickToDial(pane: Pane, s: Stage, data: Record<string, unknown>): Promise<void> {
  await pane.page.evaluate(([d, origin]) => (document.getElementById("cti") as HTMLIFrameElement).contentWindow!.postMessage(d, origin as string), [data, s.sandbox.config.mashup] as const);
}

/** Five click-to-dials SAP cannot dial: five different notices. */
export const BAD_NUMBERS = ["hello", "call me", "n/a", "12", "+1 650 305"];

export async function raiseFiveNotices(pane: Pane, s: Stage): Promise<void> {
  for (const n of BAD_NUMBERS) await clickToDial(pane, s, { PhoneNumber: n });
  await pane.mashup.waitForFunction(() => document.querySelector("wxcc-sap-panel")?.shadowRoot?.querySelector('[part="more-notices"]') !== null, undefined, { timeout: 10_000 });
}
