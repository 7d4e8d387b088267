/**
 * SEAM (issue 13, part B): where this bundle hands the Webex CC SDK to the connector's core (part
 * B's `startWebexInSap` with its CC-SDK adapter, WidgetConnector and MashupApp joined in this page,
 * so SAP gets exactly the payloads of the other topologies). Part B's files were not on this
 * branch when the bundle was built, so `startCore` is undefined here and the pane runs Cisco's
 * widgets without reporting to SAP (it says so in the console).
 *
 * At the merge, define `startCore` here with part B's functions:
 * `startWebexInSap(cc, { window: o.win, origin: o.win.location.origin, config: o.config, view,
 * store: o.storage, registered: registration(cc), openTasks: o.openTasks })`, returning
 * `{ signOut: (r) => started.app.signOut(r), stop: () => started.stop() }`.
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
