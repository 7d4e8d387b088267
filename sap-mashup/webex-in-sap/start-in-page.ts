/**
 * "Webex in SAP" in one call: the mashup (`MashupApp`) and the connector (cc-connector.ts) in the
 * one SAP pane, joined by an in-page channel (channel/in-page.ts): the same core, the same channel
 * protocol and the same SAP payloads as the other two topologies, with no desktop frame.
 *
 * A page whose own bundle already has `MashupApp` can do the same in two halves, so its lazily
 * loaded bundle carries no second copy: `inPagePair` and `MashupApp` (its `linkWindow` the pair's
 * `mashup`, then `attachDesktop(pair.desktop)`) in the page, `startCcConnector` in the lazy bundle.
 */
import { inPagePair, type Schedule } from "../../channel/in-page";
import type { KeyValueStore } from "../../channel/safe-storage";
import type { MashupConfig } from "../config";
import { MashupApp, type MashupView, type MashupWindow } from "../mashup-app";
import type { TabChannel, TabOwnership } from "../tab-ownership";
import type { CcApi } from "./cc-desktop-port";
import { startCcConnector, type CcConnector, type CcConnectorOptions } from "./cc-connector";

export interface WebexInSapOptions extends CcConnectorOptions {
  /** The mashup page's window: SAP is its parent, and its lifecycle is both sides'. */
  window: MashupWindow;
  /** The page's own origin (`location.origin`): the channel's both ends speak as it. */
  origin: string;
  /** The mashup's configuration (its `desktopUrl`/`desktopOrigins` play no part here). */
  config: MashupConfig;
  view: MashupView;
  /** Storage for the activity ledger (safe-storage.ts), or none. */
  store: KeyValueStore | undefined;
  /** The SAP tabs of this site agree which one owns the pops (tab-ownership.ts); none: this tab owns its own. */
  tabs?: TabChannel | undefined;
  /** Tests shorten the END acknowledgement grace (desktop-link.ts). */
  endAckGraceMs?: number;
  /** How the in-page channel delivers (channel/in-page.ts); a later task by default. */
  schedule?: Schedule;
}

export interface WebexInSap extends CcConnector {
  app: MashupApp;
  /** How this tab agrees with the others (`options.tabs` given), e.g. to hand the pops over (`release`). */
  tabs: TabOwnership | undefined;
}

/**
 * Starts the mashup and the connector in this page. Call it before the SDK registers;
 * `options.registered` settles when it has. The returned `app` takes the pane's requests as in the
 * other topologies (`setState`, `signOut` — whose reason goes to Webex here —, `dismissNotice`,
 * `takeOver`); SAP's click-to-dial reaches it by itself.
 */
export function startWebexInSap(cc: CcApi, options: WebexInSapOptions): WebexInSap {
  const pair = inPagePair(options.window, options.origin, options.schedule);
  const config: MashupConfig = { ...options.config, desktopUrl: undefined, desktopOrigins: [pair.origin] };
  const now = options.now ?? Date.now;
  const app = new MashupApp(options.window, config, options.view, options.store, now, options.endAckGraceMs, {}, pair.mashup);
  const tabs = options.tabs ? app.coordinate(options.tabs) : undefined;
  app.start();
  app.attachDesktop(pair.desktop);
  const side = startCcConnector(cc, pair, { ...options, now });
  return {
    ...side,
    app,
    tabs,
    stop() {
      side.stop();
      app.stop();
      pair.close();
    },
  };
}
