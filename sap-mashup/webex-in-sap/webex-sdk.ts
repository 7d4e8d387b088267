/**
 * The only file that knows the shape of Cisco's widget store (`@webex/cc-store`, 1.28.0-next.1)
 * and of the Webex CC SDK beneath it (`@webex/contact-center` 3.10.0-next.17), typed by the small
 * subset used here (docs/reference/webex-sign-in.md §4). The store starts the SDK itself:
 * `store.init({ webexConfig, access_token })` runs `Webex.init({ config: webexConfig,
 * credentials: { access_token } })`, waits for `ready` and registers the agent (cc.register()).
 */
import type { WebexInSapConfig } from "./webex-config";

/** The Webex SDK instance behind `cc` (`cc.$webex`): its credentials take a refreshed token. */
interface WebexCore {
  credentials?: { set(attrs: { supertoken: { access_token: string; token_type: string } }): void };
  on?(event: string, cb: (...args: unknown[]) => void): void;
}

/** The part of the Webex CC SDK (`store.cc`) this pane uses; part B's adapter uses more. */
export interface CcSdk {
  stationLogout(data: { logoutReason: string }): Promise<unknown>;
  on(event: string, cb: (...args: unknown[]) => void): void;
  $webex?: WebexCore;
}

/** The part of the widgets' store this pane uses (the store's own types: node_modules/@webex/cc-store/dist/types). */
export interface CcStore {
  init(options: { webexConfig: Record<string, unknown>; access_token: string }): Promise<void>;
  registerCC(): Promise<void>;
  readonly cc: CcSdk;
  readonly isAgentLoggedIn: boolean;
  /** Webex closed the session for a newer one (`agent:multiLogin`): the station-login widget shows Cisco's alert. */
  readonly showMultipleLoginAlert?: boolean;
  readonly taskList: Record<string, unknown>;
  /** The task the agent has selected (the call control works on it), or none. */
  readonly currentTask: unknown;
  setCurrentTheme(theme: "LIGHT" | "DARK"): void;
  setIncomingTaskCb(cb: (event: { task: unknown }) => void): void;
  /** Called when a task is assigned to the agent (accepted in a widget, or answered on the phone). */
  setTaskAssigned(cb: ((task: unknown) => void) | undefined): void;
  /**
   * Called when the current task changes to another one or to none, inside the store's own update
   * (before React renders the widgets again); at once with the current task if there is one.
   */
  setTaskSelected(cb: ((task: unknown, isClicked?: boolean) => void) | undefined): void;
  /** What `init` hands the new SDK to just before it registers (see `beforeRegister`). */
  setupIncomingTaskHandler(cc: CcSdk): void;
}

/**
 * The Webex SDK configuration: the contact-center plugin may log in while the same agent is signed
 * in to the Agent Desktop (Webex then asks which session to keep: the multi-login choice); a
 * service-discovery override (the sandbox) replaces Webex's U2C URL and is the one more host the
 * SDK may send the token to, and so does a Webex API (hydra) override. Logs at warnings and
 * errors only: the SDK never logs the token.
 */
export function sdkConfig(c: WebexInSapConfig): Record<string, unknown> {
  const config: Record<string, unknown> = {
    fedramp: false,
    logger: { level: "warn" },
    cc: { allowMultiLogin: true },
  };
  const discovery: Record<string, string> = {};
  if (c.discoveryUrl) discovery.u2c = c.discoveryUrl;
  if (c.hydraUrl) discovery.hydra = c.hydraUrl;
  const hosts = [...new Set([c.discoveryUrl, c.hydraUrl].filter((u): u is string => !!u).map((u) => new URL(u).hostname))];
  if (hosts.length > 0) config.services = { discovery, allowedDomains: hosts };
  return config;
}

/**
 * Calls `cb` with the SDK's `cc` once the store has started it and before the store registers the
 * agent: the one moment a listener can still see the registration's answer and every event after
 * it (the connector's core needs both). The store's `init` reads its own
 * `setupIncomingTaskHandler` when called and runs it right before `registerCC`
 * (node_modules/@webex/cc-store/dist/index.js, `init(e){return this.store.init(e,this.setupIncomingTaskHandler)}`),
 * so wrapping that one property of the store instance is the hook; the store still runs its own.
 */
export function beforeRegister(store: CcStore, cb: (cc: CcSdk) => void): void {
  const own = store.setupIncomingTaskHandler.bind(store);
  store.setupIncomingTaskHandler = (cc: CcSdk) => {
    try {
      cb(cc);
    } finally {
      own(cc);
    }
  };
}

/** True for an SDK or HTTP error that says Webex no longer accepts the token. */
export function isAuthError(e: unknown): boolean {
  if (typeof e !== "object" || e === null) return false;
  const r = e as { statusCode?: unknown; status?: unknown; details?: { statusCode?: unknown } };
  return r.statusCode === 401 || r.status === 401 || r.details?.statusCode === 401;
}

/** A short description of an SDK error for the log: its message only, never its request (which carries the token). */
export function errorText(e: unknown): string {
  const m = e instanceof Error ? e.message : typeof e === "string" ? e : "unknown error";
  return m.replace(/Bearer\s+\S+/gi, "Bearer ***").slice(0, 160);
}

/**
 * Hands a refreshed token to the running SDK (webex-core Credentials: a supertoken set from
 * plain attributes), so its requests and socket use it from now on.
 */
export function giveToken(cc: CcSdk, accessToken: string): void {
  // No expiry given: the refresh is ours (sign-in.ts); the SDK's own would need a client secret.
  cc.$webex?.credentials?.set({ supertoken: { access_token: accessToken, token_type: "Bearer" } });
}

/**
 * Calls `cb` when Webex no longer accepts the token: any request of the SDK answered 401 (the
 * token was revoked, or the agent signed out of Webex; webex-core's request events, which it
 * triggers after its own retries), or webex-core's `client:InvalidRequestError` (its refresh refused).
 */
export function onCredentialsLost(cc: CcSdk, cb: () => void): void {
  cc.$webex?.on?.("client:InvalidRequestError", cb);
  cc.$webex?.on?.("request:failure", (_options: unknown, reason: unknown) => {
    if (isAuthError(reason)) cb();
  });
}
