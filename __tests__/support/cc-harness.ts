/**
 * One "Webex in SAP" agent per chain, for the few jsdom tests that need a stand-in SDK (each says
 * why): Webex's frames → the CC SDK stand-in (cc-sdk-double.ts) → `ccDesktopPort` →
 * `WidgetConnector` → in-page channel → `MashupApp` → the SAP test double, the mashup framed in its SAP page as in production, all wired by
 * `startWebexInSap` exactly as the topology's bundle wires them.
 */
import { safeSessionStorage, type KeyValueStore } from "../../channel/safe-storage";
import { SapRecorder } from "../../sandbox/sap-host/sap-recorder";
import type { Notice } from "../../sap-mashup/sap-payload";
import type { CcProfile, CcTaskLike } from "../../sap-mashup/webex-in-sap/cc-desktop-port";
import { startWebexInSap, type WebexInSap } from "../../sap-mashup/webex-in-sap/start-in-page";
import { CcSdkDouble } from "./cc-sdk-double";
import { Harness, MASHUP_ORIGIN, SAP_ORIGIN, TEST_END_ACK_GRACE_MS } from "./harness";
import { WindowBus, type BusWindow } from "./window-bus";

export interface CcChain {
  agentId: string;
  cc: CcSdkDouble;
  sapWin: BusWindow;
  mashupWin: BusWindow;
  sap: SapRecorder;
  run: WebexInSap;
  store: KeyValueStore;
  notices: Notice[];
  /** Settles the SDK's registration (`options.registered`). */
  register(profile?: Partial<CcProfile>): void;
}

export interface CcChainOptions {
  agentId: string;
  query?: string;
  store?: KeyValueStore;
  /** The open tasks as the widgets' store lists them. */
  openTasks?: () => Iterable<CcTaskLike>;
  /** Leave registration for the test to settle (`chain.register`); registered at once otherwise. */
  registerLater?: boolean;
  /** The registration as the test has it (e.g. failing); `register` then does nothing. */
  registered?: Promise<CcProfile>;
  profile?: Partial<CcProfile>;
  outdialAni?: string;
  taskWaitMs?: number;
  /**
   * A reload of the pane: the SAP page of this chain stays, its mashup page goes (pagehide, then
   * nothing more delivered to it) and a new one starts in a new window under the same SAP page.
   */
  reloadOf?: CcChain;
}

export const IDLE_CODES = [
  { id: "idle-meeting", name: "Meeting", isSystem: false, isDefault: false },
  { id: "idle-lunch", name: "Lunch", isSystem: false, isDefault: false },
  { id: "idle-rona", name: "RONA", isSystem: true, isDefault: false },
  // The SDK's own entry for Available (docs/reference/webex-cc-events.md §5.2).
  { id: "0", name: "Available", isSystem: false, isDefault: false },
];

export function ccProfile(agentId: string, p: Partial<CcProfile> = {}): CcProfile {
  return {
    agentId,
    agentName: "Carla Webex",
    idleCodes: IDLE_CODES,
    isOutboundEnabledForAgent: true,
    isOutboundEnabledForTenant: true,
    outDialEp: "ep-outdial-cc",
    isAgentLoggedIn: true,
    lastStateAuxCodeId: "0",
    ...p,
  };
}

export class CcHarness {
  readonly bus = new WindowBus();
  readonly chains: CcChain[] = [];
  /** Only for its mashup configuration. */
  readonly #config = new Harness();

  async agent(o: CcChainOptions): Promise<CcChain> {
    const old = o.reloadOf;
    if (old) {
      old.mashupWin.hide();
      old.run.stop();
      this.chains.splice(this.chains.indexOf(old), 1);
    }
    const sapWin = old?.sapWin ?? this.bus.window(SAP_ORIGIN);
    const mashupWin = this.bus.window(MASHUP_ORIGIN, sapWin);
    const sap = old?.sap ?? new SapRecorder(sapWin.self, [MASHUP_ORIGIN]);
    const cc = new CcSdkDouble();
    const store = o.store ?? safeSessionStorage(undefined);
    const notices: Notice[] = [];
    let settle!: (p: CcProfile) => void;
    const registered = new Promise<CcProfile>((r) => (settle = r));
    const run = startWebexInSap(cc, {
      window: mashupWin.self,
      origin: MASHUP_ORIGIN,
      config: this.#config.config(o.query),
      view: { linkChanged: () => undefined, notice: (n) => notices.push(n), render: () => undefined },
      store,
      registered: o.registered ?? registered,
      // The widgets' store's task list; empty unless the test says otherwise.
      openTasks: o.openTasks ?? (() => []),
      outdialAni: o.outdialAni,
      taskWaitMs: o.taskWaitMs,
      endAckGraceMs: TEST_END_ACK_GRACE_MS,
      schedule: (fn) => this.bus.enqueue(fn),
    });
    const chain: CcChain = { agentId: o.agentId, cc, sapWin, mashupWin, sap, run, store, notices, register: (p) => settle(ccProfile(o.agentId, { ...o.profile, ...p })) };
    this.chains.push(chain);
    if (!o.registerLater && !o.registered) {
      chain.register();
      await run.started;
    }
    await this.settle();
    return chain;
  }

  /** Everything in flight delivered, END acknowledgements held back for their grace period included. */
  async settle(): Promise<void> {
    await this.bus.settle();
    for (let i = 0; i < 100 && this.chains.some((c) => c.run.app.link.deferredAcks > 0); i++) {
      await new Promise((r) => setTimeout(r, TEST_END_ACK_GRACE_MS + 5));
      await this.bus.settle();
    }
  }

  close(): void {
    for (const c of this.chains) {
      c.run.stop();
      c.sap.stop();
    }
  }
}
