/**
 * SEAM (issue 13, part B): where this bundle hands the Webex CC SDK to the connector's core (part
 * B's `startWebexInSap` with its CC-SDK adapter, WidgetConnector and MashupApp joined in this page,
 * so SAP gets exactly the payloads of the other topologies). Part B's files were not on this
 * branch when the bundle was built, so `startCore` is undefined here and the pane runs Cisco's
 * widgets without reporting to SAP (it says so in the console).
 *
 * At the merge, define `startCore` here with part B's functions. This body was run against part
 * A's emulated cloud with part B's branch (an inbound call answered gave SAP its NOTIFY and
 * ACCEPT payloads):
 *
 *   import { registration } from "./cc-connector";
 *   import type { CcApi, CcProfile, CcTaskLike } from "./cc-desktop-port";
 *   import { startWebexInSap } from "./start-in-page";
 *   export const startCore: StartCore | undefined = (cc, o) => {
 *     const api = cc as CcApi & { register(): Promise<CcProfile> };
 *     const s = startWebexInSap(api, {
 *       window: o.win, origin: o.win.location.origin, config: o.config, store: o.storage,
 *       registered: registration(api), openTasks: () => o.openTasks() as Iterable<CcTaskLike>,
 *       view: { linkChanged: () => undefined, notice: …, render: … },
 *     });
 *     return { signOut: (r) => s.app.signOut(r), stop: () => s.stop() };
 *   };
 *
 * (`view`: where the pane shows the core's notices, e.g. an unusable number; not built yet.)
 * It is called with the SDK's `cc` after the store started the SDK and before the store registers
 * the agent (webex-sdk.ts `beforeRegister`), as part B's `registration(cc)` requires.
 */
import type { KeyValueStore } from "../../channel/safe-storage";
import type { MashupConfig } from "../config";

/** What the bundle passes to the core besides the SDK. */
export interface CoreOptions {
  win: Window & typeof globalThis;
  config: MashupConfig;
  /** The page's guarded sessionStorage (channel/safe-storage.ts), for the activity ledger. */
  storage: KeyValueStore;
  /** The open tasks as Cisco's store keeps them (`store.taskList`), for rehydration after a reload. */
  openTasks: () => Iterable<unknown>;
}

/** The running core, as far as the pane uses it. */
export interface Core {
  /** Logs out of the station with the reason, through the core (its checks, its log, Webex's `stationLogout`). */
  signOut?(reason: string): Promise<unknown>;
  stop(): void;
}

export type StartCore = (cc: unknown, options: CoreOptions) => Core;

export const startCore: StartCore | undefined = undefined;
