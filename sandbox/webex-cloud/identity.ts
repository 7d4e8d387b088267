/**
 * The identity stand-in: Webex's OAuth endpoints for an Integration used from a browser with only
 * its client id — authorization code with PKCE (S256), as Webex recommends for browser clients
 * (docs/reference/webex-cc-sdk.md §1):
 *
 *   GET  /webex/v1/authorize?response_type=code&client_id&redirect_uri&scope&state&code_challenge&code_challenge_method=S256
 *        → a page to pick a sandbox agent (instead of Webex's e-mail and password), then
 *          302 to redirect_uri?code=…&state=…  (or ?error=access_denied&state=… on "Cancel")
 *   POST /webex/v1/access_token   (form-encoded, CORS)
 *        grant_type=authorization_code&client_id&code&redirect_uri&code_verifier
 *        grant_type=refresh_token&client_id&refresh_token
 *        → {access_token, token_type, expires_in, refresh_token, refresh_token_expires_in, scope}
 *
 * Like Webex's sign-in pages, the page refuses to be framed.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { SandboxAgent } from "../hub";
import { readBody, send } from "./http";
import { OAuthError, type TokenStore } from "./tokens";

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Loopback redirect URIs only: the sandbox never sends a code off the machine. */
function redirectAllowed(uri: string): boolean {
  try {
    const u = new URL(uri);
    return (u.protocol === "http:" || u.protocol === "https:") && (/^127\./.test(u.hostname) || u.hostname === "localhost" || u.hostname === "[::1]");
  } catch {
    return false;
  }
}

function page(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "x-frame-options": "DENY", "content-security-policy": "frame-ancestors 'none'" });
  res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Sign in — Webex (sandbox)</title>
<style>body{font:16px system-ui,sans-serif;max-width:26rem;margin:2rem auto;padding:0 1rem}button{display:block;width:100%;margin:.5rem 0;padding:.7rem;font:inherit;cursor:pointer}p.note{color:#555;font-size:.9rem}</style></head><body>${body}</body></html>`);
}

export class Identity {
  constructor(private readonly tokens: TokenStore, private readonly agents: () => readonly SandboxAgent[]) {}

  /** Handles the identity paths under `base`; false when the path is not one of them. */
  async handle(req: IncomingMessage, res: ServerResponse, path: string, url: URL): Promise<boolean> {
    if (path === "/v1/authorize" && req.method === "GET") return this.authorizePage(res, url.searchParams), true;
    if (path === "/v1/authorize" && req.method === "POST") return this.chosen(res, new URLSearchParams(Object.entries(await readBody(req)).map(([k, v]) => [k, String(v)]))), true;
    if (path === "/v1/access_token" && req.method === "POST") return this.token(req, res, await readBody(req)), true;
    return false;
  }

  private problem(q: URLSearchParams): string | undefined {
    if (q.get("response_type") !== "code") return "response_type must be code";
    if (!q.get("client_id")) return "client_id is missing";
    const redirect = q.get("redirect_uri") ?? "";
    if (!redirectAllowed(redirect)) return "redirect_uri is missing or not a loopback address";
    if (!q.get("code_challenge") || q.get("code_challenge_method") !== "S256") return "code_challenge with code_challenge_method=S256 is required";
    return undefined;
  }

  private authorizePage(res: ServerResponse, q: URLSearchParams): void {
    const problem = this.problem(q);
    if (problem) return page(res, 400, `<h1>Sign-in request refused</h1><p>${esc(problem)}.</p>`);
    const hidden = ["client_id", "redirect_uri", "scope", "state", "code_challenge", "code_challenge_method", "response_type"]
      .map((k) => `<input type="hidden" name="${k}" value="${esc(q.get(k) ?? "")}">`).join("");
    const buttons = this.agents().map((a) => `<button name="agent" value="${esc(a.agentId)}">${esc(a.agentName)}</button>`).join("");
    page(res, 200, `<h1>Sign in to Webex</h1><p class="note">Sandbox stand-in for Webex's sign-in: choose the agent to sign in as.</p>
<form method="post" action="">${hidden}${buttons}<button name="cancel" value="1">Cancel</button></form>`);
  }

  private chosen(res: ServerResponse, q: URLSearchParams): void {
    const problem = this.problem(q);
    if (problem) return page(res, 400, `<h1>Sign-in request refused</h1><p>${esc(problem)}.</p>`);
    const back = new URL(q.get("redirect_uri")!);
    const state = q.get("state");
    if (q.get("cancel")) {
      back.searchParams.set("error", "access_denied");
      back.searchParams.set("error_description", "The user declined the sign-in.");
    } else {
      const agent = this.agents().find((a) => a.agentId === q.get("agent"));
      if (!agent) return page(res, 400, `<h1>Sign-in request refused</h1><p>Unknown agent.</p>`);
      back.searchParams.set("code", this.tokens.issueCode(agent.agentId, q.get("client_id")!, q.get("redirect_uri")!, q.get("code_challenge")!, q.get("scope") ?? ""));
    }
    if (state !== null) back.searchParams.set("state", state);
    res.writeHead(302, { location: back.toString(), "cache-control": "no-store" });
    res.end();
  }

  private token(req: IncomingMessage, res: ServerResponse, b: Record<string, unknown>): void {
    const s = (k: string) => (typeof b[k] === "string" ? (b[k] as string) : "");
    try {
      if (!s("client_id")) throw new OAuthError("invalid_request", "client_id is missing.");
      if (s("grant_type") === "authorization_code") return send(req, res, 200, this.tokens.exchangeCode(s("code"), s("client_id"), s("redirect_uri"), s("code_verifier")));
      if (s("grant_type") === "refresh_token") return send(req, res, 200, this.tokens.refreshGrant(s("refresh_token"), s("client_id")));
      throw new OAuthError("unsupported_grant_type", `grant_type ${s("grant_type") || "(none)"} is not supported.`);
    } catch (e) {
      if (!(e instanceof OAuthError)) throw e;
      send(req, res, 400, { error: e.error, error_description: e.message });
    }
  }
}
