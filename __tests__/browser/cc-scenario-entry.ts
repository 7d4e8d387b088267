/**
 * Test support, bundled for the browser by webex-sdk-support.ts: the "Webex in SAP" pane as the
 * topology wires it — the real, unmodified `@webex/contact-center` SDK and `startWebexInSap` (the
 * real `MashupApp`, connector, in-page channel and `ccDesktopPort`) — in a frame on the mashup's
 * origin whose parent is the SAP stand-in (cc-scenario-sap-entry.ts). Only the widgets' part is
 * left out: this page registers and station-logs-in through the SDK's own methods, as the widgets'
 * store and station-login widget do. Not product code.
 */
// First: it must run before the SDK's modules load.
import "./cc-scenario-guard";
import WebexModule from "@webex/contact-center";
import { safeSessionStorage } from "../../channel/safe-storage";
import { parseConfig } from "../../sap-mashup/config";
import type { Notice } from "../../sap-mashup/sap-payload";
import type { CcApi, CcProfile } from "../../sap-mashup/webex-in-sap/cc-desktop-port";
import { AQM_SIGNALS } from "../../sap-mashup/webex-in-sap/cc-events";
import { registration } from "../../sap-mashup/webex-in-sap/cc-connector";
import { startWebexInSap, type WebexInSap } from "../../sap-mashup/webex-in-sap/start-in-page";

type Cc = CcApi & {
  register(): Promise<CcProfile>;
  stationLogin(data: { teamId: string; loginOption: string; dialNumber: string }): Promise<unknown>;
  [method: string]: unknown;
};
interface WebexInstance {
  cc: Cc;
  once(event: "ready", fn: () => void): void;
}
const Webex = WebexModule as unknown as { init(attrs: { config: unknown; credentials: { access_token: string } }): WebexInstance };

/** What a step of a scenario waits for: the contact notifications the SDK passed on, by `data.type`. */
const received: string[] = [];
const notices: Notice[] = [];
let run: WebexInSap | undefined;
let cc: Cc | undefined;
let listenersBefore = 0;
let startedAs: "pending" | "started" | "failed" = "pending";

/** Listeners on the SDK's `cc` (ampersand-events keeps them in `_events`, by event name). */
function listenerCount(x: Cc): number {
  const events = (x as unknown as { _events?: Record<string, unknown[]> })._events ?? {};
  return Object.values(events).reduce((n, l) => n + l.length, 0);
}

/** Marks the end of what the pane has posted so far; the SAP stand-in never records it as a payload. */
export const FLUSH = "cc-scenario-flush";

const pane = {
  received,
  notices,
  /**
   * Webex.init with the SDK's own configuration and the token, the pane started before the SDK
   * registers (as the topology's bundle does), then register and, unless the SDK found the agent
   * signed in, station login with a dial number.
   */
  async start(config: Record<string, unknown>, token: string, o: { dialNumber: string; endAckGraceMs: number; outdialAni?: string; stationLogin?: boolean }): Promise<{ reloggedIn: boolean }> {
    const webex = Webex.init({ config: { ...config, logger: { level: "warn" } }, credentials: { access_token: token } });
    await new Promise<void>((r) => webex.once("ready", r));
    cc = webex.cc;
    for (const type of Object.keys(AQM_SIGNALS)) cc.on(type, () => received.push(type));
    listenersBefore = listenerCount(cc);
    const parsed = parseConfig(location.search);
    if (!parsed.ok) throw new Error(parsed.errors.join("; "));
    const registered = registration(cc);
    run = startWebexInSap(cc, {
      window,
      origin: location.origin,
      config: parsed.config,
      view: { linkChanged: () => undefined, notice: (n) => notices.push(n), render: () => undefined },
      store: safeSessionStorage(window),
      registered,
      outdialAni: o.outdialAni,
      endAckGraceMs: o.endAckGraceMs,
    });
    // The pane's start is allowed to fail (a refused registration); the test reads the log.
    run.started.then(() => (startedAs = "started"), () => (startedAs = "failed"));
    const profile = await cc.register().catch((e: unknown) => ({ failed: String((e as Error)?.message ?? e) }) as unknown as CcProfile);
    if ("failed" in profile) return { reloggedIn: false };
    // Signed in elsewhere (a reload): the SDK re-logged in silently; otherwise the station login the widget makes.
    if (!profile.isAgentLoggedIn && o.stationLogin !== false) await cc.stationLogin({ teamId: "team-1", loginOption: "AGENT_DN", dialNumber: o.dialNumber });
    await run.started;
    return { reloggedIn: profile.isAgentLoggedIn === true };
  },
  async stationLogin(dialNumber: string): Promise<unknown> {
    return cc?.stationLogin({ teamId: "team-1", loginOption: "AGENT_DN", dialNumber });
  },
  /** The mashup's own requests, as its panel makes them (`setState`, `signOut` …). */
  async app(method: string, ...args: unknown[]): Promise<unknown> {
    const app = run?.app as unknown as Record<string, (...a: unknown[]) => unknown>;
    return app[method]!.apply(run?.app, args);
  },
  /** What the pane knows: the agent as SAP's panel shows it, its open legs, its notices, the connector's log. */
  state() {
    return {
      agent: run?.app.sync.agent as Record<string, unknown> | undefined,
      legs: run?.app.sync.legs.size ?? 0,
      notices: notices.map((n): [string, string | undefined] => [n.kind, n.detail]),
      logs: run?.connector.log.recent().map((l) => l.text) ?? [],
      listeners: cc ? listenerCount(cc) : 0,
      listenersBefore,
      started: startedAs,
      linked: run?.app.link.linked ?? false,
    };
  },
  /** Stops the pane (connector and mashup), leaving the SDK signed in. */
  stopPane(): void {
    run?.stop();
  },
  /** Events the connector has not had acknowledged, and END acknowledgements the mashup still holds back. */
  inFlight(): number {
    return run ? run.connector.link.pending + run.app.link.deferredAcks : 0;
  },
  /** Posts the flush mark to SAP after everything the pane has posted. */
  flush(n: number): void {
    window.parent.postMessage({ [FLUSH]: n }, "*");
  },
  /** Stops the pane, then signs the agent out through the SDK. */
  async stop(): Promise<void> {
    run?.stop();
    await (cc?.stationLogout as ((d: { logoutReason: string }) => Promise<unknown>) | undefined)?.call(cc, { logoutReason: "End of shift" });
  },
};

(window as unknown as { ccPane: typeof pane }).ccPane = pane;
