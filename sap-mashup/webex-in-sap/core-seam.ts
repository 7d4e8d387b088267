/**
 * SEAM (issue 13, part B): where this bundle hands the running Webex CC SDK to the connector's core
 * (part B's `startWebexInSap(cc, options)` in ./start.ts: the CC-SDK adapter, WidgetConnector and
 * MashupApp wired in one page). Part B's file was not on this branch when the bundle was built, so
 * `startCore` is undefined here and the pane runs Cisco's widgets without reporting to SAP. At the
 * merge, replace the `startCore` line with: `export { startWebexInSap as startCore } from "./start";`
 * (adapting `CoreOptions` to part B's signature if it differs).
 */
import type { KeyValueStore } from "../../channel/safe-storage";
import type { MashupConfig } from "../config";

/** What the bundle passes to the core besides the SDK. */
export interface CoreOptions {
  win: Window & typeof globalThis;
  config: MashupConfig;
  storage: KeyValueStore;
}

export type StartCore = (cc: unknown, options: CoreOptions) => unknown;

export const startCore: StartCore | undefined = undefined;
