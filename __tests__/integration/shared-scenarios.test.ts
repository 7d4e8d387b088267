/**
 * The scenario tables (support/scenarios.ts) through the Desktop SDK (`@wxcc-desktop/sdk`, real,
 * through the emulated desktop host). The same tables run through the real Webex CC SDK in
 * Chromium (__tests__/browser/cc-scenarios.test.ts), with the same expected SAP payloads.
 */
import type { AgentContactMsg, ContactSignal } from "../../sandbox/desktop-host/messages";
import { Harness } from "../support/harness";
import { describePayload, play } from "../support/scenario-runner";
import { AGENT_IDS, SCENARIOS, type AgentKey, type Scenario } from "../support/scenarios";

interface Run {
  deliver(to: AgentKey, signal: ContactSignal, msg: AgentContactMsg): void;
  settle(): Promise<void>;
  payloads(k: AgentKey): string[];
  violations(): string[];
  pending(): number;
  close(): void;
}

async function desktopSdk(s: Scenario): Promise<Run> {
  const h = new Harness();
  const chains = new Map<AgentKey, Awaited<ReturnType<Harness["agent"]>>>();
  for (const k of s.agents) chains.set(k, await h.agent({ agentId: AGENT_IDS[k], name: `Agent ${k}`, query: s.query }));
  const get = (k: AgentKey) => chains.get(k) as NonNullable<ReturnType<typeof chains.get>>;
  return {
    deliver: (to, signal, msg) => get(to).host.emit(signal, msg),
    settle: () => h.settle(),
    payloads: (k) => get(k).sap.payloads.map((p) => describePayload(p.fields)),
    violations: () => [...chains.values()].flatMap((c) => c.sap.violations),
    pending: () => [...chains.values()].reduce((n, c) => n + c.widget.link.pending, 0),
    close: () => h.close(),
  };
}

describe.each([["Desktop SDK", desktopSdk]])("%s", (_path, start) => {
  test.each(SCENARIOS.map((s) => [s.name, s] as const))("%s", async (_name, s) => {
    const run = await start(s);
    try {
      await play(s, (to, signal, msg) => run.deliver(to, signal, msg), () => run.settle());
      for (const k of s.agents) expect({ agent: k, payloads: run.payloads(k) }).toEqual({ agent: k, payloads: s.expect[k] ?? [] });
      expect(run.violations()).toEqual([]);
      expect(run.pending()).toBe(0);
    } finally {
      run.close();
    }
  });
});
