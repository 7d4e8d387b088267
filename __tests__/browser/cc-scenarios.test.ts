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
 * own (one page per agent, cc-pane-support.ts): Chloe (the Webex-in-SAP agent), Alice and Bruno (signed out of their
 * desktops first: an SDK session that finds the agent signed in re-logs in silently, after which
 * the SDK emits every event twice — docs/reference/webex-cc-sdk.md §3.7).
 */
import type { AgentContactMsg, ContactSignal } from "../../sandbox/desktop-host/messages";
import { describePayload, play } from "../support/scenario-runner";
import { INTERACTION_ID, SCENARIOS, type AgentKey } from "../support/scenarios";
import { useStage, type Stage } from "./browser-support";
import { closePane, IDS, openPane, preparePanes, received, sapSeen, sentTo, settled, type AgentPane } from "./cc-pane-support";

jest.setTimeout(120_000);

let st: Stage;
useStage((s) => (st = s));
let tokens: Map<AgentKey, string>;
beforeAll(async () => {
  tokens = await preparePanes(st);
});

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
    for (const k of s.agents) {
      const p = await openPane(st, tokens, k, { query: s.query });
      // A fresh station login: after a silent re-login the SDK would emit every event twice (§3.7).
      expect(p.reloggedIn).toBe(false);
      panes.set(k, p);
    }
    await play(
      s,
      (to: AgentKey, signal: ContactSignal, msg: AgentContactMsg) => st.sandbox.cc.host(IDS[to]).emit(signal, msg),
      // In the table's order across agents: each step waits until its agent's SDK has it.
      async () => {
        for (const p of panes.values()) await received(p, sentTo(st, p, INTERACTION_ID));
      },
      IDS,
    );
    for (const p of panes.values()) await settled(p);
    for (const k of s.agents) {
      const sap = await sapSeen(panes.get(k)!);
      expect({ agent: k, payloads: sap.payloads.map((f) => describePayload(f, INTERACTION_ID, IDS)), violations: sap.violations }).toEqual({ agent: k, payloads: s.expect[k] ?? [], violations: [] });
    }
  } finally {
    // The simulation keeps what the steps left open (the table need not end every conversation).
    for (const p of panes.values()) await closePane(st, p, [INTERACTION_ID]);
  }
});
