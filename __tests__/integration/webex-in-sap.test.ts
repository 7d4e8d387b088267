/**
 * What the "Webex in SAP" pane does when Webex or the SDK misbehaves in ways the real SDK against
 * the emulated cloud cannot be made to show: everything else about the pane runs with the real
 * Webex CC SDK in Chromium (__tests__/browser/cc-pane.test.ts, cc-scenarios.test.ts). Here the SDK
 * is a stand-in (support/cc-sdk-double.ts), because:
 *
 * - "listed, never arrives": the emulated cloud announces every conversation its re-login lists
 *   (it is the one list), so only a stand-in can list one and never send it;
 * - "stopped while waiting": the same wait, ended by the pane stopping;
 * - "a failed registration": the real SDK's `register()` does not reject when Webex refuses the
 *   sign-in, it never settles (docs/reference/webex-cc-sdk.md §4.4), so the connector's handling
 *   of a rejection can only be given one by a stand-in.
 */
import { CcHarness, type CcChain } from "../support/cc-harness";
import { describePayload, play } from "../support/scenario-runner";
import { AGENT_IDS, INTERACTION_ID, type Scenario } from "../support/scenarios";
import { safeSessionStorage } from "../../channel/safe-storage";
import { tabStorage } from "../support/tab-storage";

const A = AGENT_IDS.A;

let h: CcHarness;
beforeEach(() => {
  for (const level of ["info", "warn", "error"] as const) jest.spyOn(console, level).mockImplementation(() => undefined);
  h = new CcHarness();
});
afterEach(() => {
  h.close();
  jest.restoreAllMocks();
});

const payloads = (c: CcChain) => c.sap.payloads.map((p) => describePayload(p.fields));
const deliver = (c: CcChain) => (_to: unknown, _signal: unknown, msg: object) => c.cc.frame(msg);
const relogin = (interactionIds: string[]) => ({ type: "AgentReloginSuccess", data: { type: "AgentReloginSuccess", agentId: A, status: "LoggedIn", subStatus: "Available", auxCodeId: "0", interactionIds, channelsMap: {} } });

const CALL: Scenario = {
  name: "call",
  contact: { media: "telephony", from: "+14696762938", dnis: "+18005550100" },
  agents: ["A"],
  steps: [
    { to: "A", signal: "eAgentOfferContact" },
    { to: "A", signal: "eAgentContactAssigned", set: { state: "connected", owner: "A", join: "A" } },
  ],
  expect: {},
};
const CALL_FIELDS = "ANI=+14696762938 DNIS=+18005550100";

test("a conversation Webex listed that never arrives: nothing is closed on a guess", async () => {
  const t = tabStorage();
  const a = await h.agent({ agentId: A, store: safeSessionStorage({ sessionStorage: t }) });
  await play(CALL, deliver(a), () => h.settle());
  const b = await h.agent({ agentId: A, store: safeSessionStorage({ sessionStorage: t }), reloadOf: a, registerLater: true, taskWaitMs: 30 });
  b.cc.frame(relogin([INTERACTION_ID]));
  b.register();
  await b.run.started; // the connector has given up waiting for the listed conversation
  await h.settle();
  expect(b.run.connector.log.recent().map((l) => l.text)).toContain("could not read the desktop's task list: 1 of the agent's 1 open conversations did not arrive");
  expect(payloads(b)).toEqual([`A: CALL INBOUND NOTIFY ${CALL_FIELDS}`, `A: CALL INBOUND ACCEPT ${CALL_FIELDS}`]);
});

test("stopped while waiting for the listed conversations: the wait ends at once", async () => {
  const a = await h.agent({ agentId: A, registerLater: true });
  a.cc.frame(relogin([INTERACTION_ID]));
  a.register();
  await h.settle();
  a.run.stop();
  await a.run.started;
  expect(a.run.connector.log.recent().map((l) => l.text)).toContain("could not read the desktop's task list: stopped");
});

test("a failed registration rejects `started` and is logged once, by its reason", async () => {
  const c = await h.agent({ agentId: A, registered: Promise.reject(new Error("401 Unauthorized")) });
  await expect(c.run.started).rejects.toThrow("401 Unauthorized");
  await h.settle();
  expect(c.run.connector.log.recent().map((l) => l.text).filter((t) => t.startsWith("not started"))).toEqual(["not started: 401 Unauthorized"]);
});
