/** The "Webex in SAP" pane as SAP shows it, for the browser tests (issue 13). */
import type { Frame, Page, Request } from "playwright-core";
import { frameOf, type Stage } from "./browser-support";

function record(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (r: Request) => urls.push(new URL(r.url()).pathname));
  return urls;
}

export function webexQuery(st: Stage, extra: Record<string, string> = {}): string {
  return new URLSearchParams({ sapOrigin: st.sandbox.config.sap, webexInSap: "on", webexClientId: "sandbox-integration-1", webexAuthBase: `${st.sandbox.config.sap}/idp/v1`, ...extra }).toString();
}

/** The mashup alone in a CTI pane of the SAP origin, as pane-support.ts does, with `query`; every request recorded from the start. */
export async function openBare(st: Stage, width: number, height: number, query: string): Promise<{ page: Page; mashup: Frame; requests: string[] }> {
  const page = await st.context.newPage();
  const requests = record(page);
  await page.setViewportSize({ width, height });
  await page.goto(`${st.sandbox.config.sap}/sandbox/config.json`);
  const src = `${st.sandbox.config.mashup}/sap-mashup/index.html?${query}`;
  await page.setContent(
    `<!doctype html><html lang="en"><title>SAP CTI pane</title><style>html,body{margin:0;height:100%;overflow:hidden}iframe{display:block;border:0;width:100%;height:100%}</style><iframe id="cti" title="Live Activity" src="${src.replace(/&/g, "&amp;")}"></iframe>`,
  );
  return { page, mashup: await frameOf(page, st.sandbox.config.mashup), requests };
}

/** The Webex-in-SAP pane, once its bar offers the sign-in. */
export async function openWebexPane(st: Stage, width: number, height: number, query: string): Promise<{ page: Page; mashup: Frame; requests: string[] }> {
  const pane = await openBare(st, width, height, query);
  await pane.mashup.waitForFunction(() => document.querySelector("wxcc-sap-webex")?.shadowRoot?.querySelector('[part="sign-in"]') != null, undefined, { timeout: 30_000 });
  return pane;
}

export function webexPaneText(mashup: Frame): Promise<string> {
  return mashup.evaluate(() => (document.querySelector("wxcc-sap-webex")?.shadowRoot?.textContent ?? "").replace(/\s+/g, " ").trim());
}

