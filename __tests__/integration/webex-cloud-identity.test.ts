/** @jest-environment node */
/**
 * The emulated Webex cloud's identity stand-in, over HTTP as a browser client meets it:
 * authorization code with PKCE (S256), code exchange, refresh, and 401 for a revoked or expired
 * token on the Contact Center API; plus the service catalog the SDK discovers it by.
 */
import { createHash, randomBytes } from "node:crypto";
import { CLOUD_AGENTS, startSandbox, type Sandbox } from "../../sandbox/server";

let s: Sandbox;
beforeAll(async () => {
  s = await startSandbox({ port: 0 });
});
afterAll(async () => {
  await s?.close();
});

const CHLOE = CLOUD_AGENTS[0]!;
const CLIENT = "C-test-integration";

function pkce() {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

function authorizeQuery(challenge: string, extra: Record<string, string> = {}) {
  return new URLSearchParams({ response_type: "code", client_id: CLIENT, redirect_uri: `${s.config.mashup}/cb`, scope: "cjp:config_read", state: "xyz", code_challenge: challenge, code_challenge_method: "S256", ...extra });
}

/** The agent's button pressed on the authorize page: the redirect's code. */
async function code(challenge: string): Promise<string> {
  const r = await fetch(s.config.webexCloud.authorizeUrl, { method: "POST", redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded" }, body: `${authorizeQuery(challenge)}&agent=${CHLOE.agentId}` });
  expect(r.status).toBe(302);
  const back = new URL(r.headers.get("location")!);
  expect(`${back.origin}${back.pathname}`).toBe(`${s.config.mashup}/cb`);
  expect(back.searchParams.get("state")).toBe("xyz");
  return back.searchParams.get("code")!;
}

const token = (body: Record<string, string>) =>
  fetch(s.config.webexCloud.tokenUrl, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", origin: s.config.mashup }, body: new URLSearchParams(body).toString() });

const profile = (accessToken: string) => fetch(`${s.config.webexCloud.origin}/webex/organization/${s.config.orgId}/user/by-ci-user-id/${CHLOE.agentId}`, { headers: { authorization: `Bearer ${accessToken}` } });

test("the authorize page lists the sandbox agents, refuses framing, and refuses a request without S256 PKCE", async () => {
  const ok = await fetch(`${s.config.webexCloud.authorizeUrl}?${authorizeQuery("abc")}`);
  expect(ok.status).toBe(200);
  expect(ok.headers.get("x-frame-options")).toBe("DENY");
  const html = await ok.text();
  expect([...html.matchAll(/<button name="agent" value="[^"]+">([^<]+)<\/button>/g)].map((m) => m[1])).toEqual(["Alice Martin", "Bruno Keller", "Chloe Durand"]);
  const plain = await fetch(`${s.config.webexCloud.authorizeUrl}?${authorizeQuery("abc", { code_challenge_method: "plain" })}`);
  expect(plain.status).toBe(400);
  expect(await plain.text()).toContain("code_challenge with code_challenge_method=S256 is required.");
  const offMachine = await fetch(`${s.config.webexCloud.authorizeUrl}?${authorizeQuery("abc", { redirect_uri: "https://evil.example/cb" })}`);
  expect(offMachine.status).toBe(400);
  expect(await offMachine.text()).toContain("redirect_uri is missing or not a loopback address.");
});

test("code + verifier → tokens the API accepts; a wrong verifier or a reused code → invalid_grant", async () => {
  const p = pkce();
  const wrong = await token({ grant_type: "authorization_code", client_id: CLIENT, code: await code(p.challenge), redirect_uri: `${s.config.mashup}/cb`, code_verifier: pkce().verifier });
  expect(wrong.status).toBe(400);
  expect(await wrong.json()).toEqual({ error: "invalid_grant", error_description: "code_verifier does not match the code_challenge." });

  const c = await code(p.challenge);
  const r = await token({ grant_type: "authorization_code", client_id: CLIENT, code: c, redirect_uri: `${s.config.mashup}/cb`, code_verifier: p.verifier });
  expect(r.status).toBe(200);
  expect(r.headers.get("access-control-allow-origin")).toBe(s.config.mashup);
  const t = (await r.json()) as Record<string, unknown>;
  expect(Object.keys(t).sort()).toEqual(["access_token", "expires_in", "refresh_token", "refresh_token_expires_in", "scope", "token_type"]);
  expect(t).toMatchObject({ token_type: "Bearer", expires_in: 1209600, refresh_token_expires_in: 7776000, scope: "cjp:config_read" });
  expect((await (await profile(t.access_token as string)).json()) as Record<string, unknown>).toMatchObject({ ciUserId: CHLOE.agentId, firstName: "Chloe", lastName: "Durand" });

  const again = await token({ grant_type: "authorization_code", client_id: CLIENT, code: c, redirect_uri: `${s.config.mashup}/cb`, code_verifier: p.verifier });
  expect(await again.json()).toEqual({ error: "invalid_grant", error_description: "The authorization code is invalid or expired." });
});

test("refresh gives a new access token; revoking the agent's tokens makes the API answer 401 and the refresh fail", async () => {
  const p = pkce();
  const t = (await (await token({ grant_type: "authorization_code", client_id: CLIENT, code: await code(p.challenge), redirect_uri: `${s.config.mashup}/cb`, code_verifier: p.verifier })).json()) as Record<string, string>;
  const r = (await (await token({ grant_type: "refresh_token", client_id: CLIENT, refresh_token: t.refresh_token! })).json()) as Record<string, string>;
  expect(r.access_token).not.toBe(t.access_token);
  expect(r.refresh_token).toBe(t.refresh_token);
  expect((await profile(r.access_token!)).status).toBe(200);

  const revoke = await fetch(`${s.config.webexCloud.origin}/webex/sandbox/revoke`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ agentId: CHLOE.agentId }) });
  expect(await revoke.json()).toEqual({ revoked: 5 });
  const denied = await profile(r.access_token!);
  expect(denied.status).toBe(401);
  expect(((await denied.json()) as { message: string }).message).toBe("The request requires a valid access token set in the Authorization request header.");
  expect(await (await token({ grant_type: "refresh_token", client_id: CLIENT, refresh_token: t.refresh_token! })).json()).toEqual({ error: "invalid_grant", error_description: "The refresh token is invalid or expired." });
});

test("an expired access token gets 401", async () => {
  s.cloud.tokens.lifetimes = { access: -1, refresh: 60 };
  try {
    const p = pkce();
    const t = (await (await token({ grant_type: "authorization_code", client_id: CLIENT, code: await code(p.challenge), redirect_uri: `${s.config.mashup}/cb`, code_verifier: p.verifier })).json()) as Record<string, string>;
    expect((await profile(t.access_token!)).status).toBe(401);
  } finally {
    s.cloud.tokens.lifetimes = { access: 14 * 24 * 3600, refresh: 90 * 24 * 3600 };
  }
});

test("the service catalog points every service at the emulated cloud, host entries without the port", async () => {
  const r = await fetch(`${s.config.webexCloud.sdkConfig.services.discovery.u2c}/limited/catalog?orgId=${s.config.orgId}&format=hostmap`);
  const body = (await r.json()) as { serviceLinks: Record<string, string>; hostCatalog: Record<string, { host: string }[]> };
  const origin = s.config.webexCloud.origin;
  expect(body.serviceLinks["wcc-api-gateway"]).toBe(`${origin}/webex/`);
  expect(body.serviceLinks.u2c).toBe(`${origin}/webex/u2c/api/v1`);
  expect(Object.values(body.serviceLinks).every((u) => u.startsWith(`${origin}/webex/`))).toBe(true);
  expect(body.hostCatalog).toEqual({ [new URL(origin).host]: [{ host: "127.0.0.1", ttl: -1, priority: 5, id: "urn:TEAM:sandbox_loopback:sandbox" }] });
});
