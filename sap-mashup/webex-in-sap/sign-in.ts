/**
 * The sign-in to Webex for the "Webex in SAP" topology, the shell around sign-in-protocol.ts.
 * Identity pages refuse to be framed, so on the agent's click the authorize page opens in a
 * pop-up; the redirect page (sign-in-return.ts, same origin as the mashup) posts the code back,
 * which is exchanged for a token with the PKCE verifier. The token lives in memory; sessionStorage
 * (guarded, channel/safe-storage.ts) only spares a new sign-in after a page reload. It is refreshed
 * before it expires and never logged. A refused refresh or a token Webex no longer accepts ends
 * the session: the pane shows "Sign in" again, and nothing else is dropped.
 */
import type { KeyValueStore } from "../../channel/safe-storage";
import {
  REDIRECT_PAGE,
  SIGN_IN_CHANNEL,
  authorizeUrl,
  codeTokenRequest,
  newAttempt,
  parseTokenResponse,
  readSignInMessage,
  refreshDelay,
  refreshTokenRequest,
  type Client,
  type Token,
  type TokenRequest,
} from "./sign-in-protocol";

export type SignInState = "signed-out" | "signing-in" | "signed-in";

/** Why the agent is signed out: shown once in the pane (webex-pane.ts). */
export type SignOutCause = "popup-blocked" | "cancelled" | "refused" | "unreachable" | "expired" | "revoked";

export interface SignInListener {
  /** The state changed; `token` is the access token while signed in (hand it to the SDK, never log it). */
  changed(state: SignInState, token: string | undefined): void;
  /** A sign-in attempt failed or the session ended, and why (a short technical detail, no secret). */
  signedOut(cause: SignOutCause, detail: string): void;
}

/** What the shell needs of the page: a window, its storage, and the network. */
export interface SignInEnv {
  win: Pick<Window, "open" | "addEventListener" | "removeEventListener" | "setTimeout" | "clearTimeout" | "setInterval" | "clearInterval"> & {
    location: { origin: string; href: string };
    crypto: Pick<Crypto, "getRandomValues">;
    BroadcastChannel?: typeof BroadcastChannel;
  };
  fetch: (url: string, init: { method: "POST"; headers: Record<string, string>; body: string }) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;
  storage: KeyValueStore;
  now(): number;
}

/** The storage key of the token (an optimisation: without storage a reload asks for a sign-in). */
export const TOKEN_KEY = "wxcc-sap-webex-token";
/** The pop-up's name: a second click focuses the same window instead of opening another. */
export const POPUP_NAME = "wxcc-sap-webex-sign-in";
const POPUP_FEATURES = "popup,width=520,height=680";
/** How often an open pop-up is checked for having been closed without an answer. */
const POPUP_CHECK_MS = 1000;
/** A restored token with less than this left is not worth starting the SDK with. */
const MIN_RESTORE_MS = 60_000;
/** A refresh that failed on the network is retried after this, while the token still works. */
const RETRY_MS = 30_000;

export class WebexSignIn {
  private token: Token | undefined;
  private attempt: { verifier: string; state: string } | undefined;
  private popup: Window | null = null;
  private popupTimer: number | undefined;
  private refreshTimer: number | undefined;
  private expiryTimer: number | undefined;
  private channel: BroadcastChannel | undefined;
  private stateNow: SignInState = "signed-out";
  readonly client: Client;

  constructor(
    client: Omit<Client, "redirectUri">,
    private readonly env: SignInEnv,
    private readonly listener: SignInListener,
  ) {
    this.client = { ...client, redirectUri: new URL(`./${REDIRECT_PAGE}`, env.win.location.href).href };
    env.win.addEventListener("message", this.onMessage);
    try {
      if (env.win.BroadcastChannel) {
        this.channel = new env.win.BroadcastChannel(SIGN_IN_CHANNEL);
        this.channel.onmessage = (e) => this.answer(e.data, env.win.location.origin);
      }
    } catch {
      this.channel = undefined; // the opener's postMessage is the way; this is a fallback
    }
  }

  get state(): SignInState {
    return this.stateNow;
  }

  /** The access token while signed in (for the SDK). */
  get accessToken(): string | undefined {
    return this.stateNow === "signed-in" ? this.token?.accessToken : undefined;
  }

  /** Takes up a token an earlier page of this tab kept, if it still has a while to live. */
  restore(): boolean {
    const raw = this.env.storage.get(TOKEN_KEY);
    if (!raw) return false;
    let t: Token | undefined;
    try {
      const v = JSON.parse(raw) as Token;
      if (typeof v.accessToken === "string" && typeof v.expiresAt === "number" && typeof v.issuedAt === "number") t = v;
    } catch {
      t = undefined;
    }
    if (!t || t.expiresAt - this.env.now() < MIN_RESTORE_MS) {
      this.env.storage.remove(TOKEN_KEY);
      return false;
    }
    this.accept(t);
    return true;
  }

  /**
   * Opens the authorize page in a pop-up. Call it from the agent's click: browsers allow pop-ups
   * only then. A blocked pop-up is reported; nothing else changes.
   */
  signIn(): void {
    this.attempt = newAttempt((b) => this.env.win.crypto.getRandomValues(b));
    let w: Window | null = null;
    try {
      w = this.env.win.open(authorizeUrl(this.client, this.attempt), POPUP_NAME, POPUP_FEATURES);
    } catch {
      w = null;
    }
    if (!w) {
      this.attempt = undefined;
      return this.listener.signedOut("popup-blocked", "the browser blocked the sign-in window");
    }
    this.popup = w;
    this.set("signing-in");
    this.watchPopup();
  }

  /**
   * The SDK says Webex no longer accepts the token (revoked, or the agent signed out of Webex):
   * forget it and show "Sign in". Nothing else is dropped.
   */
  revoked(detail: string): void {
    if (this.stateNow !== "signed-in") return;
    this.drop();
    this.listener.signedOut("revoked", detail);
  }

  private readonly onMessage = (e: MessageEvent): void => {
    // Only the pop-up we opened may answer through postMessage.
    if (!this.popup || e.source !== this.popup) return;
    this.answer(e.data, e.origin);
  };

  private answer(data: unknown, origin: string): void {
    if (!this.attempt) return;
    const result = readSignInMessage(data, origin, { origin: this.env.win.location.origin, state: this.attempt.state });
    if (!result) return;
    const attempt = this.attempt;
    this.attempt = undefined; // one answer per attempt: a replayed message finds nothing pending
    this.closePopup();
    if (!result.ok) return this.fail("refused", result.error);
    void this.exchange(codeTokenRequest(this.client, result.code, attempt.verifier), undefined);
  }

  private async exchange(req: TokenRequest, previous: Token | undefined): Promise<void> {
    let json: unknown;
    let status = 0;
    try {
      const res = await this.env.fetch(req.url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" }, body: req.body });
      status = res.status;
      json = await res.json().catch(() => undefined);
    } catch {
      if (previous) return this.retryRefresh(previous);
      return this.fail("unreachable", "the token endpoint did not answer");
    }
    const parsed = parseTokenResponse(json, this.env.now(), previous);
    if ("error" in parsed) {
      // A refresh the server refused ends the session; a server error while the token still works is retried.
      if (previous && status >= 500) return this.retryRefresh(previous);
      if (previous) {
        this.drop();
        return this.listener.signedOut("expired", `refresh refused (${status})`);
      }
      return this.fail("refused", `${parsed.error} (${status})`);
    }
    this.accept(parsed);
  }

  private accept(t: Token): void {
    this.token = t;
    this.env.storage.set(TOKEN_KEY, JSON.stringify(t));
    this.plan();
    this.set("signed-in", true);
  }

  /** Schedules the refresh before expiry, and the end of the session at expiry if there is no refresh. */
  private plan(): void {
    this.clearTimers();
    const t = this.token;
    if (!t) return;
    const delay = refreshDelay(t, this.env.now());
    if (delay !== undefined) this.refreshTimer = this.env.win.setTimeout(() => void this.refresh(), delay);
    const left = t.expiresAt - this.env.now();
    this.expiryTimer = this.env.win.setTimeout(() => this.expire(), Math.max(0, Math.min(left, 2 ** 31 - 1)));
  }

  private async refresh(): Promise<void> {
    const t = this.token;
    if (!t?.refreshToken) return;
    await this.exchange(refreshTokenRequest(this.client, t.refreshToken), t);
  }

  private retryRefresh(t: Token): void {
    if (this.token !== t) return;
    if (t.expiresAt - this.env.now() > RETRY_MS) this.refreshTimer = this.env.win.setTimeout(() => void this.refresh(), RETRY_MS);
  }

  private expire(): void {
    const t = this.token;
    if (!t) return;
    if (t.expiresAt > this.env.now()) return this.plan(); // a timer cut short by MAX_TIMER_MS
    this.drop();
    this.listener.signedOut("expired", "the Webex session expired");
  }

  private fail(cause: SignOutCause, detail: string): void {
    this.set(this.token ? "signed-in" : "signed-out");
    this.listener.signedOut(cause, detail);
  }

  private drop(): void {
    this.clearTimers();
    this.token = undefined;
    this.env.storage.remove(TOKEN_KEY);
    this.set("signed-out");
  }

  private watchPopup(): void {
    if (this.popupTimer !== undefined) this.env.win.clearInterval(this.popupTimer);
    this.popupTimer = this.env.win.setInterval(() => {
      let closed = true;
      try {
        closed = !this.popup || this.popup.closed;
      } catch {
        closed = false;
      }
      if (!closed) return;
      this.closePopup();
      // The attempt stays valid: a pop-up that lost its opener may still answer on the channel.
      if (this.stateNow === "signing-in") this.fail("cancelled", "the sign-in window was closed");
    }, POPUP_CHECK_MS);
  }

  private closePopup(): void {
    if (this.popupTimer !== undefined) this.env.win.clearInterval(this.popupTimer);
    this.popupTimer = undefined;
    try {
      this.popup?.close();
    } catch {
      /* already gone */
    }
    this.popup = null;
  }

  private clearTimers(): void {
    if (this.refreshTimer !== undefined) this.env.win.clearTimeout(this.refreshTimer);
    if (this.expiryTimer !== undefined) this.env.win.clearTimeout(this.expiryTimer);
    this.refreshTimer = this.expiryTimer = undefined;
  }

  private set(state: SignInState, always = false): void {
    if (state === this.stateNow && !always) return;
    this.stateNow = state;
    this.listener.changed(state, this.accessToken);
  }
}
