/**
 * The connector side of "Webex in SAP": `ccDesktopPort` → `WidgetConnector` on the widget's end of
 * an in-page channel (channel/in-page.ts). No mashup code: the page that already has `MashupApp`
 * (its own bundle) gives it the mashup's end, so the lazily loaded bundle carries only this side.
 */
import type { InPagePair } from "../../channel/in-page";
import { WidgetConnector } from "../../widget/connector";
import { failureReason } from "../../widget/outdial";
import { ccDesktopPort, type CcApi, type CcDesktopPort, type CcPortOptions, type CcProfile } from "./cc-desktop-port";

export interface CcConnectorOptions extends CcPortOptions {
  /** Caller id for click-to-dial; Webex's default for the outdial entry point when absent. */
  outdialAni?: string;
  now?: () => number;
}

export interface CcConnector {
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
 * Starts the connector on `pair.widget`. Call it before the SDK registers (see `ccDesktopPort`);
 * `options.registered` settles when it has (`registration(cc)` gives it).
 */
export function startCcConnector(cc: CcApi, pair: Pick<InPagePair, "origin" | "widget">, options: CcConnectorOptions): CcConnector {
  const port = ccDesktopPort(cc, options);
  const connector = new WidgetConnector(port, pair.widget, { mashupOrigins: [pair.origin] }, options.now);
  const started = connector.start().then(() => {
    // The CC SDK dials from the agent's own outdial entry point; the connector checks that there is one.
    connector.setOutdial(port.profile?.outDialEp, options.outdialAni);
  });
  // Logged here, once; the caller learns of it from `started` (e.g. to show "Sign in" again).
  started.catch((e: unknown) => connector.log.warn(`not started: ${failureReason(e, "the registration failed")}`));
  return {
    connector,
    port,
    started,
    stop() {
      connector.stop();
      port.close();
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
