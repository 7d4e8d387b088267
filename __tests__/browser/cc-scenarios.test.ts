/** @jest-environment node */
/**
 * The shared scenario tables (support/scenarios.ts) through the REAL Webex CC SDK: for each agent
 * of a scenario, an SAP stand-in page (recording and contract-checking every payload) frames the
 * "Webex in SAP" pane — the real, unmodified `@webex/contact-center` and `startWebexInSap` (the real
 * `MashupApp`, connector, in-page channel and `ccDesktopPort`) — signed in through the identity
 * stand-in and station-logged-in against the emulated Webex CC cloud. Each step's notification
 * goes to the agent's host in the contact-center simulation, exactly as the Desktop-SDK path's
 * does (support/harness.ts), and from there over the cloud's notification socket to the SDK,
 * with the cloud's envelope (and its `AgentContactReserved` before the first offer). Each agent's
 * SAP page must get exactly the table's payload lines.
 *
 * The table's agents A, B, C are three agents of the sandbox, each with an SDK session of their
 * own (one page per agent): Chloe (the Webex-in-SAP agent), Alice and Bruno (signed out of their
 * desktops first: an SDK session that finds the agent signed in re-logs in silently, after which
 * the SDK emits every event twice — docs/reference/webex-cc-sdk.md §3.7).
 */
import type { Frame, Page } from "playwright-core";
import type { AgentContactMsg, ContactSignal } from "../../sandbox/desktop-host/messages";
import { AGENTS, CLOUD_AGENTS } from "../../sandbox/server";
import { describePayload, play, type AgentIds } from "../support/scenario-runner";
import { INTERACTION_ID, SCENARIOS, type AgentKey, type Scenario } from "../support/scenarios";
import { frameOf, useStage, type Stage } from "./browser-support";
import { sdkBundle, signIn } from "./webex-sdk-support";

jest.setTimeout(120_000);

const IDS: AgentIds = { A: CLOUD_AGENTS[0]!.agentId, B: AGENTS[0]!.agentId, C: AGENTS[1]!.agentId };
const NAMES: Record<AgentKey, string> = { A: CLOUD_AGENTS[0]!.agentName, B: AGENTS[0]!.agentName, C: AGENTS[1]!.agentName };
/** Dial numbers the SDK accepts (docs/reference/webex-cc-sdk.md §5.4), one per agent. */
const DIAL: Record<AgentKey, string> = { A: "+14155552001", B: "+14155552002", C: "+14155552003" };
/** The mashup's END acknowledgement grace, shortened as in the jsdom tests. */
const END_ACK_GRACE_MS = 20;
const SCRIPT = "/sandbox/webex-sdk-probe.js";

let st: Stage;
useStage((s) => (st = s));
const tokens = new Map<AgentKey, string>();

type PaneApi = { received: string[]; start(c: unknown, t: string, d: string, g: number): Promise<void>; inFlight(): number; flush(n: number): void; stop(): Promise<void> };
type SapApi = { payloads(): Record<string, string>[]; violations(): string[]; flushed(): number };
// Written out in each page function: playwright sends a function's source, not its closure.
type PaneWin = { ccPane: PaneApi };
type SapWin = { sapStandIn: SapApi };

interface AgentPane {
  key: AgentKey;
  page: Page;
  frame: Frame;
  /** Where this agent's notifications in `cloud.notifications.sent` started. */
  from: number;
}

beforeAll(async () => {
  const [sapJs, paneJs] = await Promise.all([sdkBundle("cc-scenario-sap-entry.ts"), sdkBundle("cc-scenario-entry.ts")]);
  const { sap, mashup } = st.sandbox.config;
  await st.context.route(`${sap}${SCRIPT}`, (r) => r.fulfill({ status: 200, contentType: "text/javascript", body: sapJs }));
  await st.context.route(`${mashup}${SCRIPT}`, (r) => r.fulfill({ status: 200, contentType: "text/javascript", body: paneJs }));
  for (const k of ["A", "B", "C"] as const) {
    const page = await st.context.newPage();
    tokens.set(k, (await signIn(st.sandbox, page, NAMES[k])).access_token);
    await page.close();
  }
});

async function openPane(s: Scenario, key: AgentKey): Promise<AgentPane> {
  const { sap, mashup, webexCloud } = st.sandbox.config;
  const host = st.sandbox.cc.host(IDS[key]);
  if (host.session.status === "LoggedIn") await st.sandbox.cc.logout(IDS[key], undefined);
  const page = await st.context.newPage();
  // DEBUG_CC=1: the SDK unminified (webex-sdk-support.ts) and each page error's stack, by agent.
  if (process.env.DEBUG_CC) page.on("pageerror", (e) => console.log(key, e.stack));
  // startWebexInSap trusts only its own in-page channel; the desktop origin is there for the parser.
  const paneUrl = `${mashup}/sandbox/sdk-probe.html?sapOrigin=${encodeURIComponent(sap)}&desktopOrigin=${encodeURIComponent(mashup)}${s.query ?? ""}`;
  await page.goto(`${sap}/sandbox/sdk-probe.html?pane=${encodeURIComponent(paneUrl)}`);
  const frame = await frameOf(page, mashup);
  await frame.waitForFunction(() => "ccPane" in window);
  await frame.evaluate(([c, t, d, g]) => (window as unknown as PaneWin).ccPane.start(c, t, d, g), [webexCloud.sdkConfig, tokens.get(key)!, DIAL[key], END_ACK_GRACE_MS] as const);
  return { key, page, frame, from: st.sandbox.cloud.notifications.sent.length };
}

/** How many of the scenario's notifications the cloud has sent to this agent's session. */
function sentTo(p: AgentPane): number {
  return st.sandbox.cloud.notifications.sent.slice(p.from).filter((m) => m.agentId === IDS[p.key] && m.message.data?.interactionId === INTERACTION_ID).length;
}

/** Waits until the agent's SDK has passed on every notification sent to it. */
async function received(p: AgentPane): Promise<void> {
  const n = sentTo(p);
  await p.frame.waitForFunction((x) => (window as unknown as PaneWin).ccPane.received.length >= x, n, { timeout: 15_000 }).catch(async () => {
    throw new Error(`agent ${p.key}: the SDK passed on ${await p.frame.evaluate(() => (window as unknown as PaneWin).ccPane.received.join(", "))}, of ${n} notifications sent`);
  });
}

/** Everything the pane has to post is in SAP's page: nothing in flight, then a mark after it. */
async function settled(p: AgentPane, mark: number): Promise<void> {
  await received(p);
  await p.frame.waitForFunction(() => (window as unknown as PaneWin).ccPane.inFlight() === 0, undefined, { timeout: 15_000 });
  await p.frame.evaluate((n) => (window as unknown as PaneWin).ccPane.flush(n), mark);
  await p.page.waitForFunction((n) => (window as unknown as SapWin).sapStandIn.flushed() === n, mark, { timeout: 15_000 });
}

const RUN = SCENARIOS.filter((s) => !s.notForCcSdk);

test("every scenario the real SDK cannot take says why, and they are few", () => {
  expect(SCENARIOS.filter((s) => s.notForCcSdk).map((s) => s.name)).toEqual([
    "blind transfer, the receiver sees an owner change: one activity each, one original ID",
    "three agents in a chat conference, C joins directly: each activity ends with the chat",
  ]);
});

test.each(RUN.map((s) => [s.name, s] as const))("%s", async (_name, s) => {
  const panes = new Map<AgentKey, AgentPane>();
  try {
    for (const k of s.agents) panes.set(k, await openPane(s, k));
    const pane = (k: AgentKey) => panes.get(k)!;
    await play(
      s,
      (to: AgentKey, signal: ContactSignal, msg: AgentContactMsg) => st.sandbox.cc.host(IDS[to]).emit(signal, msg),
      // In the table's order across agents: each step waits until its agent's SDK has it.
      async () => Promise.all([...panes.values()].map(received)).then(() => undefined),
      IDS,
    );
    let mark = 0;
    for (const p of panes.values()) await settled(p, ++mark);
    for (const k of s.agents) {
      const sap = await pane(k).page.evaluate(() => ({ payloads: (window as unknown as SapWin).sapStandIn.payloads(), violations: (window as unknown as SapWin).sapStandIn.violations() }));
      expect({ agent: k, payloads: sap.payloads.map((f) => describePayload(f, INTERACTION_ID, IDS)), violations: sap.violations }).toEqual({ agent: k, payloads: s.expect[k] ?? [], violations: [] });
    }
  } finally {
    for (const p of panes.values()) {
      // The simulation keeps what the steps left open (the table need not end every conversation).
      st.sandbox.cc.host(IDS[p.key]).tasks.delete(INTERACTION_ID);
      await p.frame.evaluate(() => (window as unknown as PaneWin).ccPane.stop()).catch(() => undefined);
      await p.page.close();
    }
  }
});
