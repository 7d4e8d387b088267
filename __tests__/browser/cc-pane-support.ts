/**
 * Test support for the "Webex in SAP" pane with the real Webex CC SDK (cc-scenario-entry.ts) framed
 * by an SAP stand-in page (cc-scenario-sap-entry.ts), one page per agent, against the sandbox's
 * emulated Webex CC cloud: the bundles served on both origins, a sign-in per agent through the
 * identity stand-in, and the page functions the tests call.
 */
import type { Frame, Page } from "playwright-core";
import { AGENTS, CLOUD_AGENTS } from "../../sandbox/server";
import { describePayload, type AgentIds } from "../support/scenario-runner";
import type { AgentKey } from "../support/scenarios";
import { frameOf, type Stage } from "./browser-support";
import { sdkBundle, signIn } from "./webex-sdk-support";

/** The table's agents: Chloe (the Webex-in-SAP agent), Alice and Bruno (signed out of their desktops first). */
export const IDS: AgentIds = { A: CLOUD_AGENTS[0]!.agentId, B: AGENTS[0]!.agentId, C: AGENTS[1]!.agentId };
const NAMES: Record<AgentKey, string> = { A: CLOUD_AGENTS[0]!.agentName, B: AGENTS[0]!.agentName, C: AGENTS[1]!.agentName };
/** Dial numbers the SDK accepts (docs/reference/webex-cc-sdk.md §5.4), one per agent. */
const DIAL: Record<AgentKey, string> = { A: "+14155552001", B: "+14155552002", C: "+14155552003" };
/** The mashup's END acknowledgement grace, shortened as in the jsdom tests. */
const END_ACK_GRACE_MS = 20;
const SCRIPT = "/sandbox/webex-sdk-probe.js";

export type PaneApi = {
  received: string[];
  start(c: unknown, t: string, o: { dialNumber: string; endAckGraceMs: number; outdialAni?: string; stationLogin?: boolean }): Promise<{ reloggedIn: boolean }>;
  inFlight(): number;
  flush(n: number): void;
  app(method: string, ...args: unknown[]): Promise<unknown>;
  state(): { agent: Record<string, unknown> | undefined; legs: number; notices: [string, string | undefined][]; logs: string[]; listeners: number; listenersBefore: number; started: "pending" | "started" | "failed"; linked: boolean };
  stationLogin(dialNumber: string): Promise<unknown>;
  stopPane(): void;
  stop(): Promise<void>;
};
export type SapApi = { payloads(): Record<string, string>[]; violations(): string[]; flushed(): number; dial(o: unknown): void };
// Written out in each page function: playwright sends a function's source, not its closure.
export type PaneWin = { ccPane: PaneApi };
export type SapWin = { sapStandIn: SapApi };

export interface AgentPane {
  key: AgentKey;
  page: Page;
  frame: Frame;
  /** Where this agent's notifications in `cloud.notifications.sent` started. */
  from: number;
  /** Whether the SDK found the agent signed in at registration (and re-logged in silently). */
  reloggedIn: boolean;
}

/** Serves the two bundles on the sandbox's SAP and mashup origins and signs the three agents in. */
export async function preparePanes(st: Stage): Promise<Map<AgentKey, string>> {
  const [sapJs, paneJs] = await Promise.all([sdkBundle("cc-scenario-sap-entry.ts"), sdkBundle("cc-scenario-entry.ts")]);
  const { sap, mashup } = st.sandbox.config;
  await st.context.route(`${sap}${SCRIPT}`, (r) => r.fulfill({ status: 200, contentType: "text/javascript", body: sapJs }));
  await st.context.route(`${mashup}${SCRIPT}`, (r) => r.fulfill({ status: 200, contentType: "text/javascript", body: paneJs }));
  const tokens = new Map<AgentKey, string>();
  for (const k of ["A", "B", "C"] as const) {
    const page = await st.context.newPage();
    tokens.set(k, (await signIn(st.sandbox, page, NAMES[k])).access_token);
    await page.close();
  }
  return tokens;
}

export interface PaneOptions {
  /** Extra mashup URL parameters. */
  query?: string;
  outdialAni?: string;
  /** false: only begin the start (Webex.init, register …) and return at once. */
  awaitStart?: boolean;
  /** false: register only, no station login (the agent stays signed out). */
  stationLogin?: boolean;
  /** Reload this agent's pane inside its SAP page instead of opening a new SAP page. */
  reloadOf?: AgentPane;
  /** With `reloadOf`: what happens after the old pane is gone and before the new one loads. */
  meanwhile?: () => Promise<void>;
}

/** Opens (or reloads) agent `key`'s SAP page with the pane, signed in and station-logged-in. */
export async function openPane(st: Stage, tokens: Map<AgentKey, string>, key: AgentKey, o: PaneOptions = {}): Promise<AgentPane> {
  const { sap, mashup, webexCloud } = st.sandbox.config;
  let page: Page;
  let frame: Frame;
  if (o.reloadOf) {
    page = o.reloadOf.page;
    frame = o.reloadOf.frame;
    const url = frame.url();
    if (o.meanwhile) {
      await frame.goto("about:blank");
      await o.meanwhile();
    }
    await frame.goto(url);
  } else {
    const host = st.sandbox.cc.host(IDS[key]);
    if (host.session.status === "LoggedIn") await st.sandbox.cc.logout(IDS[key], undefined);
    page = await st.context.newPage();
    // DEBUG_CC=1: the SDK unminified (webex-sdk-support.ts) and each page error's stack, by agent.
    if (process.env.DEBUG_CC) page.on("pageerror", (e) => console.log(key, e.stack));
    // startWebexInSap trusts only its own in-page channel; the desktop origin is there for the parser.
    const paneUrl = `${mashup}/sandbox/sdk-probe.html?sapOrigin=${encodeURIComponent(sap)}&desktopOrigin=${encodeURIComponent(mashup)}${o.query ?? ""}`;
    await page.goto(`${sap}/sandbox/sdk-probe.html?pane=${encodeURIComponent(paneUrl)}`);
    frame = await frameOf(page, mashup);
  }
  await frame.waitForFunction(() => "ccPane" in window && !!(window as unknown as PaneWin).ccPane);
  const from = st.sandbox.cloud.notifications.sent.length;
  const args = [webexCloud.sdkConfig, tokens.get(key)!, { dialNumber: DIAL[key], endAckGraceMs: END_ACK_GRACE_MS, outdialAni: o.outdialAni, stationLogin: o.stationLogin }] as const;
  if (o.awaitStart === false) {
    await frame.evaluate(([c, t, opts]) => void (window as unknown as PaneWin).ccPane.start(c, t, opts), args);
    return { key, page, frame, from, reloggedIn: false };
  }
  const r = await frame.evaluate(([c, t, opts]) => (window as unknown as PaneWin).ccPane.start(c, t, opts), args);
  return { key, page, frame, from, reloggedIn: r.reloggedIn };
}

/** Notifications the cloud has sent this agent's session about `interactionId` since the pane opened. */
export function sentTo(st: Stage, p: AgentPane, interactionId: string): number {
  return st.sandbox.cloud.notifications.sent.slice(p.from).filter((m) => m.agentId === IDS[p.key] && m.message.data?.interactionId === interactionId).length;
}

/** Waits until the pane's SDK has passed on at least `n` contact notifications. */
export async function received(p: AgentPane, n: number): Promise<void> {
  await p.frame.waitForFunction((x) => (window as unknown as PaneWin).ccPane.received.length >= x, n, { timeout: 15_000 }).catch(async () => {
    throw new Error(`agent ${p.key}: the SDK passed on ${await p.frame.evaluate(() => (window as unknown as PaneWin).ccPane.received.join(", "))}, of ${n} notifications sent`);
  });
}

let marks = 0;

/** Everything the pane has to post is in SAP's page: nothing in flight, then a mark posted after it arrives. */
export async function settled(p: AgentPane): Promise<void> {
  const mark = ++marks;
  await p.frame.waitForFunction(() => (window as unknown as PaneWin).ccPane.inFlight() === 0, undefined, { timeout: 15_000 });
  await p.frame.evaluate((n) => (window as unknown as PaneWin).ccPane.flush(n), mark);
  await p.page.waitForFunction((n) => (window as unknown as SapWin).sapStandIn.flushed() === n, mark, { timeout: 15_000 });
}

/** SAP's payloads so far (fields) and the contract violations found in them. */
export function sapSeen(p: AgentPane): Promise<{ payloads: Record<string, string>[]; violations: string[] }> {
  return p.page.evaluate(() => ({ payloads: (window as unknown as SapWin).sapStandIn.payloads(), violations: (window as unknown as SapWin).sapStandIn.violations() }));
}

/**
 * Waits until the pane has passed on everything the simulation sent about `id` and SAP has all it
 * posted; then SAP's lines for that conversation, as agent A's (contract violations fail the test).
 */
export async function sapLines(st: Stage, p: AgentPane, id: string): Promise<string[]> {
  await received(p, sentTo(st, p, id));
  await settled(p);
  const seen = await sapSeen(p);
  expect(seen.violations).toEqual([]);
  return seen.payloads.map((f) => describePayload(f, id, { A: IDS.A, B: "-", C: "-" }));
}

export function paneState(p: AgentPane): Promise<ReturnType<PaneApi["state"]>> {
  return p.frame.evaluate(() => (window as unknown as PaneWin).ccPane.state());
}

/** Calls the mashup's own request (`setState`, `signOut` …) in the pane, as its panel does. */
export function paneApp(p: AgentPane, method: string, ...args: unknown[]): Promise<unknown> {
  return p.frame.evaluate(([m, a]) => (window as unknown as PaneWin).ccPane.app(m as string, ...(a as unknown[])), [method, args] as const);
}

/** Signs the agent out through the SDK (if still signed in) and closes the SAP page; what the simulation kept open for it is dropped first. */
export async function closePane(st: Stage, p: AgentPane, interactionIds: readonly string[] = []): Promise<void> {
  const host = st.sandbox.cc.host(IDS[p.key]);
  for (const id of interactionIds) host.tasks.delete(id);
  if (host.session.status === "LoggedIn") await p.frame.evaluate(() => (window as unknown as PaneWin).ccPane.stop());
  else await p.frame.evaluate(() => (window as unknown as PaneWin).ccPane.stopPane());
  await p.page.close();
}
