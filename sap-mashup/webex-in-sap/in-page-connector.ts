/**
 * "Webex in SAP": the connector and the mashup in the one SAP pane, over the Webex CC SDK. Wires
 * `ccDesktopPort` → `WidgetConnector` → in-page channel → `MashupApp`: the same core, the same
 * channel protocol and the same SAP payloads as the other two topologies, with no desktop frame.
 */
import { inPagePair, type InPagePair, type Schedule } from "../../channel/in-page";
import type { KeyValueStore } from "../../channel/safe-storage";
import { WidgetConnector } from "../../widget/connector";
import { failureReason } from "../../widget/outdial";
import type { MashupConfig } from "../config";
import { MashupApp, type MashupView, type MashupWindow } from "../mashup-app";
import type { TabChannel } from "../tab-ownership";
import { ccDesktopPort, type CcApi, type CcDesktopPort, type CcPortOptions, type CcProfile } from "./cc-desktop-port";

export interface WebexInSapOptions extends CcPortOptions {
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
  /** Caller id for click-to-dial; Webex's default for the outdial entry point when absent. */
  outdialAni?: string;
  now?: () => number;
  /** Tests shorten the END acknowledgement grace (desktop-link.ts). */
  endAckGraceMs?: number;
  /** How the in-page channel delivers (channel/in-page.ts); a later task by default. */
  schedule?: Schedule;
}

export interface WebexInSap {
  app: MashupApp;
  connector: WidgetConnector;
  port: CcDesktopPort;
  /**
   * Settles once the SDK is registered and the connector has read the open conversations; rejects
   * when the registration fails (the pane then needs a new sign-in: `stop`, then start again).
   */
  started: Promise<void>;
  stop(): void;
}

/**
 * Starts the connector and the mashup in this page. Call it before the SDK registers (see
 * `ccDesktopPort`); `options.registered` settles when it has. The returned `app` takes the pane's
 * requests as in the other topologies (`setState`, `signOut` — whose reason goes to Webex here —,
 * `dismissNotice`, `takeOver`); SAP's click-to-dial reaches it by itself.
 */
export function startWebexInSap(cc: CcApi, options: WebexInSapOptions): WebexInSap {
  const pair: InPagePair = inPagePair(options.window, options.origin, options.schedule);
  const config: MashupConfig = { ...options.config, desktopUrl: undefined, desktopOrigins: [pair.origin] };
  const now = options.now ?? Date.now;
  const app = new MashupApp(options.window, config, options.view, options.store, now, options.endAckGraceMs, {}, pair.mashup);
  if (options.tabs) app.coordinate(options.tabs);
  const port = ccDesktopPort(cc, options);
  const connector = new WidgetConnector(port, pair.widget, { mashupOrigins: [pair.origin] }, now);
  app.start();
  app.attachDesktop(pair.desktop);
  const started = connector.start().then(() => {
    // The CC SDK dials from the agent's own outdial entry point; the connector checks that there is one.
    connector.setOutdial(port.profile?.outDialEp, options.outdialAni);
  });
  // Logged here, once; the caller learns of it from `started` (e.g. to show "Sign in" again).
  started.catch((e: unknown) => connector.log.warn(`not started: ${failureReason(e, "the registration failed")}`));
  return {
    app,
    connector,
    port,
    started,
    stop() {
      connector.stop();
      port.close();
      app.stop();
      pair.close();
    },
  };
}

/**
 * The agent's profile from the SDK's own registration, whoever makes it: the widgets' store calls
 * `cc.register()` itself and keeps only some of the profile's fields (not the outdial entry point).
 * Call before that registration; it wraps `register` so the next call also settles this promise,
 * and a second registration is never made.
 */
export function registration(cc: { register(): Promise<CcProfile> }): Promise<CcProfile> {
  const register = cc.register.bind(cc);
  return new Promise((resolve, reject) => {
    cc.register = () => {
      cc.register = register;
      const p = register();
      p.then(resolve, reject);
      return p;
    };
  });
}
