/**
 * One agent's whole chain for jsdom tests: the contact-center simulation → emulated desktop host →
 * the real, unmodified `@wxcc-desktop/sdk` → the widget → channel → the mashup → the SAP test
 * double. Each agent gets its own SAP page, mashup and desktop windows, as in production.
 */
import type { AgentxHost, IdleCode } from "../../sandbox/desktop-host/agentx-host";
import { ContactCenter } from "../../sandbox/desktop-host/contact-center";
import { SapRecorder } from "../../sandbox/sap-host/sap-recorder";
import { parseConfig, type MashupConfig } from "../../sap-mashup/config";
import { MashupApp } from "../../sap-mashup/mashup-app";
import type { PhoneParserLoaderOptions } from "../../sap-mashup/phone";
import type { Notice } from "../../sap-mashup/sap-payload";
import { WidgetConnector } from "../../widget/connector";
import { sdkDesktopPort, type DesktopApi } from "../../widget/desktop-port";
import { WindowBus, type BusWindow } from "./window-bus";
import type { TabBus } from "./tab-bus";
import { safeSessionStorage, type KeyValueStore } from "../../channel/safe-storage";

/** A short END-acknowledgement grace for tests: the behaviour is the same, only faster. */
export const TEST_END_ACK_GRACE_MS = 20;

export const SAP_ORIGIN = "https://my123456.crm.ondemand.com";
export const MASHUP_ORIGIN = "https://connector.example.com";
export const DESKTOP_ORIGIN = "https://desktop.wxcc-us1.cisco.com";

/** The SDK's own `Desktop` type, so tests call it exactly as a widget would. */
export type SdkDesktop = typeof import("@wxcc-desktop/sdk").Desktop;

/** Loads a fresh copy of the real SDK bound to `host` (the SDK reads the global when it loads and on init). */
export function loadSdk(host: AgentxHost): SdkDesktop {
  (globalThis as Record<string, unknown>).AGENTX_SERVICE = host;
  let desktop: SdkDesktop | undefined;
  jest.isolateModules(() => {
    desktop = (require("@wxcc-desktop/sdk") as { Desktop: SdkDesktop }).Desktop;
  });
  return desktop as SdkDesktop;
}

export interface AgentChain {
  agentId: string;
  host: AgentxHost;
  desktop: SdkDesktop;
  sapWin: BusWindow;
  mashupWin: BusWindow;
  desktopWin: BusWindow;
  widget: WidgetConnector;
  mashup: MashupApp;
  sap: SapRecorder;
  /** What the agent was told, as level and English text (the exact message, args filled in). */
  notices: { level: Notice["level"]; text: string }[];
  /** The same notices whole: kind, args, conversation, cause, detail. */
  raised: Notice[];
  /** The SAP site's tabs this chain's mashup coordinates with, if any. */
  tabs?: TabBus | undefined;
  /** What the mashup was told about owning the pops, in order (tab-ownership.ts). */
  owner: boolean[];
  linked: boolean[];
  store: KeyValueStore;
}

export interface AgentOptions {
  agentId?: string;
  name?: string;
  query?: string;
  outdialEp?: string | undefined;
  outboundEnabled?: boolean;
  /** Storage for the mashup's ledger; memory-only by default. */
  store?: KeyValueStore;
  /** The idle codes Webex has configured for the agent; the emulator's defaults otherwise. */
  idleCodes?: IdleCode[];
  /** How the mashup fetches its phone parser chunk (e.g. held back or failing); at once by default. */
  phone?: PhoneParserLoaderOptions;
  /**
   * The agent's state when the chain comes up. Routing offers conversations only to Available
   * agents, and these tests are about what follows an offer, so "Available" by default; "Idle" is
   * what a fresh station login gives (the default idle code).
   */
  initialState?: "Available" | "Idle";
  /**
   * Conversations per channel routing may give the agent at once. These tests put more on one
   * agent than Webex's default multimedia profile allows (two calls, twenty chats) to stress the
   * connector, so the default here is roomy; the capacity rule itself has its own tests.
   */
  capacity?: Partial<Record<"telephony" | "chat" | "email" | "social", number>>;
  /**
   * The SAP tabs of one SAP site share this BroadcastChannel stand-in: the mashups agree which tab
   * owns the pops (sap-mashup/tab-ownership.ts). Absent: the mashup coordinates with nobody.
   */
  tabs?: TabBus;
  /**
   * A second desktop of this (already added) agent, in another SAP tab: Webex multi-login, each
   * desktop getting every notification (ContactCenter.addDesktop).
   */
  desktopOf?: AgentChain;
}

const ROOMY = { telephony: 50, chat: 50, email: 50, social: 50 };

/** Wrap-up data as the Desktop UI sends it. */
export const WRAP_UP = { wrapUpReason: "Resolved", auxCodeId: "wrap-resolved", isAutoWrapup: "false" };
export const wrapupRequest = (interactionId: string) => ({ interactionId, data: WRAP_UP });

/** The SDK's contact actions the tests act with, as the Desktop UI would (loosely typed for brevity). */
export type AgentActions = Record<"accept" | "end" | "wrapup", (p: unknown) => Promise<unknown>>;
export const actions = (a: AgentChain): AgentActions => a.desktop.agentContact as unknown as AgentActions;

export class Harness {
  /**
   * A harness whose tests expect the connector to warn (refusals, failures): those console levels
   * are silenced — the tests read the connector's own logs — and restored by `close()`.
   */
  static quiet(levels: readonly ("info" | "warn" | "error")[] = ["warn", "error"]): Harness {
    for (const level of levels) jest.spyOn(console, level).mockImplementation(() => undefined);
    const h = new Harness();
    h.restoreConsole = true;
    return h;
  }

  private restoreConsole = false;
  readonly bus = new WindowBus();
  readonly cc = new ContactCenter();
  readonly agents: AgentChain[] = [];

  /** Adds an agent and brings its chain up (SDK initialised, channel linked). Agents start one at a time. */
  async agent(o: AgentOptions = {}): Promise<AgentChain> {
    const agentId = o.desktopOf?.agentId ?? o.agentId ?? `agent-${this.agents.length + 1}-0000-4000-8000-000000000000`;
    const host = o.desktopOf ? this.cc.addDesktop(agentId) : this.cc.addAgent({ agentId, agentName: o.name ?? `Agent ${this.agents.length + 1}`, outboundEnabled: o.outboundEnabled, initialState: o.initialState ?? "Available", capacity: o.capacity ?? ROOMY, ...(o.idleCodes ? { idleCodes: o.idleCodes } : {}) });
    const sapWin = this.bus.window(SAP_ORIGIN);
    const mashupWin = this.bus.window(MASHUP_ORIGIN, sapWin);
    const desktopWin = this.bus.window(DESKTOP_ORIGIN, mashupWin);
    const chain: Partial<AgentChain> = { agentId, host, sapWin, mashupWin, desktopWin, notices: [], raised: [], linked: [], owner: [] };
    chain.sap = new SapRecorder(sapWin.self, [MASHUP_ORIGIN]);
    chain.store = o.store ?? safeSessionStorage(undefined);
    chain.tabs = o.tabs;
    this.startMashup(chain, o.query, o.phone);
    const desktop = loadSdk(host);
    host.ready();
    chain.desktop = desktop;
    chain.widget = new WidgetConnector(sdkDesktopPort(desktop as unknown as DesktopApi), desktopWin.self, {
      mashupOrigins: [MASHUP_ORIGIN],
      outdialEp: "outdialEp" in o ? o.outdialEp : "ep-outdial-1",
    });
    await chain.widget.start();
    await this.bus.settle();
    const c = chain as AgentChain;
    this.agents.push(c);
    return c;
  }

  /** (Re)starts the mashup of a chain, e.g. to emulate a reload of the mashup frame. */
  startMashup(chain: Partial<AgentChain>, query?: string, phone?: PhoneParserLoaderOptions): MashupApp {
    chain.mashup?.stop();
    const config = this.config(query);
    const mashup = new MashupApp(
      chain.mashupWin!.self,
      config,
      {
        linkChanged: (l) => chain.linked!.push(l),
        notice: (n) => {
          chain.notices!.push({ level: n.level, text: n.text });
          chain.raised!.push(n);
        },
        render: () => undefined,
        ownerChanged: (o) => chain.owner!.push(o),
      },
      chain.store,
      Date.now,
      TEST_END_ACK_GRACE_MS,
      phone,
    );
    if (chain.tabs) mashup.coordinate(chain.tabs.channel());
    mashup.start();
    mashup.attachDesktop(chain.desktopWin!.ref(chain.mashupWin!) as unknown as Window);
    chain.mashup = mashup;
    return mashup;
  }

  /**
   * Emulates a reload of the Agent Desktop page: the old widget is gone (its unacknowledged events
   * with it), and a fresh SDK and widget start in the same desktop window against the same host,
   * whose task map still holds the agent's open tasks.
   */
  async reloadDesktop(chain: AgentChain, outdialEp: string | undefined = "ep-outdial-1"): Promise<WidgetConnector> {
    chain.widget.stop();
    const desktop = loadSdk(chain.host);
    chain.desktop = desktop;
    chain.widget = new WidgetConnector(sdkDesktopPort(desktop as unknown as DesktopApi), chain.desktopWin.self, { mashupOrigins: [MASHUP_ORIGIN], outdialEp });
    await chain.widget.start();
    await this.bus.settle();
    return chain.widget;
  }

  config(query = ""): MashupConfig {
    const r = parseConfig(`?sapOrigin=${encodeURIComponent(SAP_ORIGIN)}&desktopUrl=${encodeURIComponent(DESKTOP_ORIGIN + "/")}${query}`);
    if (!r.ok) throw new Error(r.errors.join("; "));
    return r.config;
  }

  /** Everything in flight delivered, including END acknowledgements the mashups hold back for their grace period. */
  async settle(): Promise<void> {
    await this.bus.settle();
    for (let i = 0; i < 100 && this.agents.some((a) => a.mashup.link.deferredAcks > 0); i++) {
      await new Promise((r) => setTimeout(r, TEST_END_ACK_GRACE_MS + 5));
      await this.bus.settle();
    }
  }

  close(): void {
    for (const a of this.agents) {
      a.widget.stop();
      a.mashup.stop();
      a.sap.stop();
    }
    if (this.restoreConsole) jest.restoreAllMocks();
  }
}

/** The payload fields that matter for a sequence assertion, in a stable, readable form. */
export function brief(fields: Record<string, string>): string {
  const keys = ["Type", "EventType", "Action", "ANI", "Email", "ActivityUUID", "ChannelId"];
  return keys.filter((k) => fields[k] !== undefined).map((k) => `${k}=${fields[k]}`).join(" ");
}
