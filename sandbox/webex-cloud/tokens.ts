/**
 * The identity stand-in's state: authorization codes (with their PKCE challenge) and tokens.
 * Tokens are opaque random strings mapped to a sandbox agent, shaped like Webex user tokens
 * (`<random>_<cluster>_<orgId>`), because the Webex JS SDK reads the org id from the token's third
 * `_`-separated part when the token is not a JWT (docs/reference/webex-cc-sdk.md §2.3).
 * A revoked or expired token is unknown: the APIs answer it with 401, as Webex does.
 */
import { createHash, randomBytes } from "node:crypto";

export interface TokenGrant {
  access_token: string;
  token_type: "Bearer";
  expires_in: number;
  refresh_token: string;
  refresh_token_expires_in: number;
  scope: string;
}

interface CodeEntry {
  agentId: string;
  clientId: string;
  redirectUri: string;
  challenge: string;
  scope: string;
  expiresAt: number;
}

interface TokenEntry {
  agentId: string;
  clientId: string;
  scope: string;
  expiresAt: number;
}

/** Lifetimes in seconds; Webex's are 14 days (access) and 90 days (refresh), a sandbox may shorten them. */
export interface TokenLifetimes {
  access: number;
  refresh: number;
}

/** Raised for a token request Webex would refuse; `error` is the OAuth error code. */
export class OAuthError extends Error {
  constructor(readonly error: string, description: string) {
    super(description);
  }
}

const hex = (n: number) => randomBytes(n).toString("hex");

/** base64url(SHA-256(verifier)), the S256 code challenge of RFC 7636. */
export function s256(verifier: string): string {
  return createHash("sha256").update(verifier).digest("base64url");
}

export class TokenStore {
  private readonly codes = new Map<string, CodeEntry>();
  private readonly access = new Map<string, TokenEntry>();
  private readonly refresh = new Map<string, TokenEntry>();
  /** Lifetimes of tokens issued from now on (tests shorten them to see a refresh). */
  lifetimes: TokenLifetimes = { access: 14 * 24 * 3600, refresh: 90 * 24 * 3600 };

  constructor(private readonly orgId: string, private readonly clock: () => number = Date.now) {}

  /** A one-time code for `agentId`, valid 5 minutes, bound to the client, redirect URI and PKCE challenge. */
  issueCode(agentId: string, clientId: string, redirectUri: string, challenge: string, scope: string): string {
    const code = hex(24);
    this.codes.set(code, { agentId, clientId, redirectUri, challenge, scope, expiresAt: this.clock() + 300_000 });
    return code;
  }

  /** grant_type=authorization_code: the code once, with the verifier that matches its challenge. */
  exchangeCode(code: string, clientId: string, redirectUri: string, verifier: string): TokenGrant {
    const c = this.codes.get(code);
    this.codes.delete(code);
    if (!c || c.expiresAt < this.clock()) throw new OAuthError("invalid_grant", "The authorization code is invalid or expired.");
    if (c.clientId !== clientId || c.redirectUri !== redirectUri) throw new OAuthError("invalid_grant", "client_id or redirect_uri does not match the authorization request.");
    if (!verifier || s256(verifier) !== c.challenge) throw new OAuthError("invalid_grant", "code_verifier does not match the code_challenge.");
    return this.grant(c.agentId, c.clientId, c.scope);
  }

  /** grant_type=refresh_token: a new access token; the refresh token stays valid (as Webex's does). */
  refreshGrant(refreshToken: string, clientId: string): TokenGrant {
    const r = this.refresh.get(refreshToken);
    if (!r || r.expiresAt < this.clock()) throw new OAuthError("invalid_grant", "The refresh token is invalid or expired.");
    if (r.clientId !== clientId) throw new OAuthError("invalid_client", "client_id does not match the refresh token.");
    const access = this.newAccess(r.agentId, r.clientId, r.scope);
    return { access_token: access, token_type: "Bearer", expires_in: this.lifetimes.access, refresh_token: refreshToken, refresh_token_expires_in: Math.max(0, Math.round((r.expiresAt - this.clock()) / 1000)), scope: r.scope };
  }

  /** The agent an access token belongs to; undefined for an unknown, revoked or expired one. */
  agentOf(accessToken: string): string | undefined {
    const t = this.access.get(accessToken);
    if (!t) return undefined;
    if (t.expiresAt < this.clock()) {
      this.access.delete(accessToken);
      return undefined;
    }
    return t.agentId;
  }

  /** Revokes every token of the agent (the user signed out of Webex, or an admin revoked access). */
  revokeAgent(agentId: string): number {
    let n = 0;
    for (const m of [this.access, this.refresh]) {
      for (const [k, v] of m) if (v.agentId === agentId && m.delete(k)) n++;
    }
    return n;
  }

  private grant(agentId: string, clientId: string, scope: string): TokenGrant {
    const refresh = `${hex(32)}_P0A1_${this.orgId}`;
    this.refresh.set(refresh, { agentId, clientId, scope, expiresAt: this.clock() + this.lifetimes.refresh * 1000 });
    return { access_token: this.newAccess(agentId, clientId, scope), token_type: "Bearer", expires_in: this.lifetimes.access, refresh_token: refresh, refresh_token_expires_in: this.lifetimes.refresh, scope };
  }

  private newAccess(agentId: string, clientId: string, scope: string): string {
    const token = `${hex(32)}_P0A1_${this.orgId}`;
    this.access.set(token, { agentId, clientId, scope, expiresAt: this.clock() + this.lifetimes.access * 1000 });
    return token;
  }
}
