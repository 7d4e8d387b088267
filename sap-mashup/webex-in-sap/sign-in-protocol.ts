/**
 * The sign-in's protocol, pure: OAuth 2.0 authorization code with PKCE (RFC 7636, S256) for a
 * browser client that has only a client id (docs/reference/webex-sign-in.md §1, §2). Building the
 * authorize URL and the token requests, reading the token response, checking what the redirect
 * page sends back, and when to refresh. No window, no network, no clock of its own: sign-in.ts is
 * the shell. Nothing here logs; a token never leaves this module but as a return value.
 */
import { sha256 } from "@noble/hashes/sha2.js";

/** The `type` of the message the redirect page (sign-in-return.ts) posts back to the mashup. */
export const SIGN_IN_MESSAGE = "wxcc-sap-webex-sign-in";
/** The file the identity service redirects to, beside the mashup page (dist/sap-mashup/). */
export const REDIRECT_PAGE = "webex-sign-in.html";
/** The BroadcastChannel the redirect page also posts on, for a pop-up that lost its opener. */
export const SIGN_IN_CHANNEL = "wxcc-sap-webex-sign-in";

/** RFC 7636 §4.1: 43–128 characters of [A-Za-z0-9-._~]; 64 here (384 random bits as base64url). */
const VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;

/** base64url without padding (RFC 4648 §5), as PKCE and `state` use it. */
export function base64url(bytes: Uint8Array): string {
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** A fresh PKCE verifier and the unguessable `state`, from `random` (crypto.getRandomValues). */
export function newAttempt(random: (bytes: Uint8Array) => Uint8Array): { verifier: string; state: string } {
  return { verifier: base64url(random(new Uint8Array(48))), state: base64url(random(new Uint8Array(24))) };
}

/** The S256 code challenge of a verifier: base64url(SHA-256(ASCII(verifier))). */
export function codeChallenge(verifier: string): string {
  if (!VERIFIER.test(verifier)) throw new Error("a PKCE verifier is 43-128 characters of A-Z a-z 0-9 - . _ ~");
  return base64url(sha256(new TextEncoder().encode(verifier)));
}

export interface Client {
  clientId: string;
  /** `<authBase>/authorize` and `<authBase>/access_token`. */
  authBase: string;
  /** The redirect page's absolute URL, exactly as registered in the Webex Integration. */
  redirectUri: string;
  scopes: readonly string[];
}

/** The URL the pop-up opens: the authorization request (RFC 6749 §4.1.1 with RFC 7636 §4.3). */
export function authorizeUrl(c: Client, attempt: { verifier: string; state: string }): string {
  const q = new URLSearchParams({
    response_type: "code",
    client_id: c.clientId,
    redirect_uri: c.redirectUri,
    scope: c.scopes.join(" "),
    state: attempt.state,
    code_challenge: codeChallenge(attempt.verifier),
    code_challenge_method: "S256",
  });
  return `${c.authBase}/authorize?${q.toString()}`;
}

/** A POST to `<authBase>/access_token`, form-encoded (RFC 6749 §4.1.3, §6). */
export interface TokenRequest {
  url: string;
  body: string;
}

export function codeTokenRequest(c: Client, code: string, verifier: string): TokenRequest {
  const body = new URLSearchParams({ grant_type: "authorization_code", client_id: c.clientId, code, code_verifier: verifier, redirect_uri: c.redirectUri });
  return { url: `${c.authBase}/access_token`, body: body.toString() };
}

export function refreshTokenRequest(c: Client, refreshToken: string): TokenRequest {
  const body = new URLSearchParams({ grant_type: "refresh_token", client_id: c.clientId, refresh_token: refreshToken });
  return { url: `${c.authBase}/access_token`, body: body.toString() };
}

/** What the mashup keeps in memory. Times are epoch milliseconds. */
export interface Token {
  accessToken: string;
  /** When the access token stops working. */
  expiresAt: number;
  /** When it was issued (or refreshed): the refresh is scheduled within this lifetime. */
  issuedAt: number;
  refreshToken?: string;
  refreshExpiresAt?: number;
}

const TOKEN_TEXT = /^[\x21-\x7e]{1,4096}$/;
const seconds = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) && v > 0 ? v : undefined);

/**
 * Reads a token endpoint's JSON answer (RFC 6749 §5.1). Refuses anything but a bearer token with
 * a lifetime. A refresh answer without a new refresh token keeps the one it was refreshed with.
 */
export function parseTokenResponse(json: unknown, now: number, previousRefresh?: Pick<Token, "refreshToken" | "refreshExpiresAt">): Token | { error: string } {
  if (typeof json !== "object" || json === null) return { error: "the token endpoint answered no JSON object" };
  const r = json as Record<string, unknown>;
  if (typeof r.error === "string") return { error: `the token endpoint refused: ${r.error.slice(0, 60)}` };
  if (typeof r.access_token !== "string" || !TOKEN_TEXT.test(r.access_token)) return { error: "the token endpoint's answer has no access_token" };
  if (r.token_type !== undefined && String(r.token_type).toLowerCase() !== "bearer") return { error: "the token endpoint's answer is not a bearer token" };
  const expiresIn = seconds(r.expires_in);
  if (expiresIn === undefined) return { error: "the token endpoint's answer has no expires_in" };
  const token: Token = { accessToken: r.access_token, issuedAt: now, expiresAt: now + expiresIn * 1000 };
  if (typeof r.refresh_token === "string" && TOKEN_TEXT.test(r.refresh_token)) {
    token.refreshToken = r.refresh_token;
    const refreshIn = seconds(r.refresh_token_expires_in);
    if (refreshIn !== undefined) token.refreshExpiresAt = now + refreshIn * 1000;
  } else if (previousRefresh?.refreshToken) {
    token.refreshToken = previousRefresh.refreshToken;
    if (previousRefresh.refreshExpiresAt !== undefined) token.refreshExpiresAt = previousRefresh.refreshExpiresAt;
  }
  return token;
}

/** setTimeout's largest delay (2^31 - 1 ms, about 24.8 days): longer ones fire at once. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * How long to wait before refreshing: a tenth of the token's lifetime before it expires, at least
 * a second and at most five minutes ahead, never negative, never beyond what a timer can wait
 * (a later timer re-plans). Without a usable refresh token: undefined (the token simply expires).
 */
export function refreshDelay(t: Token, now: number): number | undefined {
  if (!t.refreshToken || (t.refreshExpiresAt !== undefined && t.refreshExpiresAt <= now)) return undefined;
  const lifetime = Math.max(0, t.expiresAt - t.issuedAt);
  const margin = Math.min(5 * 60_000, Math.max(1_000, lifetime / 10));
  return Math.min(MAX_TIMER_MS, Math.max(0, Math.round(t.expiresAt - margin - now)));
}

/** The redirect page's message, as the mashup accepts it. */
export type SignInResult = { ok: true; code: string } | { ok: false; error: string };

const MESSAGE_KEYS = new Set(["type", "state", "code", "error"]);

/**
 * Checks a message from the redirect page: from the mashup's own origin (the redirect page is
 * served beside it), of exactly the expected shape, and answering the pending attempt's `state`.
 * Anything else is not for us (undefined): it is ignored, and the attempt keeps waiting.
 */
export function readSignInMessage(data: unknown, origin: string, expected: { origin: string; state: string }): SignInResult | undefined {
  if (origin !== expected.origin || typeof data !== "object" || data === null) return undefined;
  const m = data as Record<string, unknown>;
  if (m.type !== SIGN_IN_MESSAGE || m.state !== expected.state) return undefined;
  if (Object.keys(m).some((k) => !MESSAGE_KEYS.has(k))) return undefined;
  if (typeof m.code === "string" && m.error === undefined) return /^[\x21-\x7e]{1,2048}$/.test(m.code) ? { ok: true, code: m.code } : undefined;
  if (typeof m.error === "string" && m.code === undefined) return { ok: false, error: m.error.replace(/[^\w .-]/g, "").slice(0, 60) || "error" };
  return undefined;
}

/** What the redirect page reads from its own URL and posts back (sign-in-return.ts). */
export function returnMessage(search: string): { type: string; state: string; code?: string; error?: string } | undefined {
  const q = new URLSearchParams(search);
  const state = q.get("state");
  if (!state) return undefined;
  const code = q.get("code");
  if (code) return { type: SIGN_IN_MESSAGE, state, code };
  return { type: SIGN_IN_MESSAGE, state, error: q.get("error") ?? "no_code" };
}
