/**
 * Where this bundle hands the Webex CC SDK to the connector's core (issue 13): part B's
 * `startWebexInSap` joins the CC-SDK adapter (cc-desktop-port.ts), the WidgetConnector and the
 * mashup's `MashupApp` in this page over an in-page channel, so SAP gets exactly the payloads of
 * the other topologies (pops, one activity per agent leg, click-to-dial through the SDK's outdial).
 *
 * It is called with the SDK's `cc` after the store started the SDK and before the store registers
 * the agent (webex-sdk.ts `beforeRegister`), as `registration(cc)` requires: the port must listen
 * before the SDK announces the agent's open conversations.
 */
import type { KeyValueStore } from "../../channel/safe-storage";
import type { MashupConfig } from "../config";
import type { Notice, Raised } from "../notices";
import { registration } from "./cc-connector";
import type { CcApi, CcProfile, CcTaskLike } from "./cc-desktop-port";
import { startWebexInSap } from "./start-in-page";
import { openTabChannel, TAB_CHANNEL } from "../tab-ownership";

/** Where the pane shows the core's notices (webex-pane.ts, as the other topologies' panel does). */
export interface CoreView {
  /** A notice was raised (it is also on top of the stack now). */
  notice(n: Notice): void;
  /** The notice stack changed: raised, dismissed or cleared. Newest first. */
  noticesChanged(items: readonly Raised[]): void;
  /** This SAP tab posts to SAP (true), or another SAP tab of the same Agent Desktop does (false). */
  ownerChanged(owner: boolean): void;
}

/** What the bundle passes to the core besides the SDK. */
export interface CoreOptions {
  win: Window & typeof globalThis;
  config: MashupConfig;
  /** The page's guarded sessionStorage (channel/safe-storage.ts), for the activity ledger. */
  storage: KeyValueStore;
  /** The open tasks as Cisco's store keeps them (`store.taskList`), for rehydration after a reload. */
  openTasks: () => Iterable<unknown>;
  view: CoreView;
  /** `webexDesktopOrigin` (webex-config.ts): the Agent Desktop whose SAP tabs this pane agrees with; none: it owns its pops alone. */
  desktopOrigins?: readonly string[] | undefined;
}

/** The running core, as far as the pane uses it. */
export interface Core {
  /**
   * Logs out of the station with the reason, through the core (its checks, its log, Webex's
   * `stationLogout`). Resolves with the refusal's text when it was not done (the core has raised a
   * notice saying why), undefined when it was.
   */
  signOut(reason: string): Promise<string | undefined>;
  /** The agent closed a notice. */
  dismissNotice(id: number): void;
  /** The agent wants SAP's pops in this tab (another SAP tab had them). */
  takeOver(): void;
  /** Webex closed this pane's session for a newer one: another SAP tab of the agent takes the pops. */
  release(): void;
  stop(): void;
}

export type StartCore = (cc: unknown, options: CoreOptions) => Core;

/** Starts the core on the SDK's `cc` (`webex.cc`): see above for when. */
export const startCore: StartCore = (cc, o) => {
  const api = cc as CcApi & { register(): Promise<CcProfile> };
  const s = startWebexInSap(api, {
    window: o.win,
    origin: o.win.location.origin,
    config: o.config,
    store: o.storage,
    registered: registration(api),
    openTasks: () => o.openTasks() as Iterable<CcTaskLike>,
    // Both at once (issue 13): with `webexDesktopOrigin`, the SAP tabs of that Agent Desktop (embedded or
    // alongside) and this pane agree on one owner of the pops and share the ledger of what SAP was
    // told (tab-ownership.ts), so the same agent in both never gets a leg twice in SAP.
    tabs: o.desktopOrigins?.length ? openTabChannel(o.win, TAB_CHANNEL, o.desktopOrigins) : undefined,
    view: {
      // No link to lose: the connector runs in this page. The widgets show the conversations and the state.
      linkChanged: () => undefined,
      render: () => undefined,
      notice: (n) => o.view.notice(n),
      noticesChanged: (items) => o.view.noticesChanged(items),
      ownerChanged: (owner) => o.view.ownerChanged(owner),
    },
  });
  return {
    signOut: (reason) => s.app.signOut(reason),
    dismissNotice: (id) => s.app.dismissNotice(id),
    takeOver: () => s.app.takeOver(),
    release: () => {
      if (!s.tabs?.owner) return;
      s.app.log.info("Webex closed this pane's session (multi-login): the other SAP tabs take the pops");
      s.tabs.release();
    },
    stop: () => s.stop(),
  };
};
