/** The sign-in's pure protocol (issue 13): PKCE S256, the authorize URL, token requests and answers, refresh timing, the redirect page's message. */
import { createHash } from "node:crypto";
import {
  SIGN_IN_MESSAGE,
  authorizeUrl,
  base64url,
  codeChallenge,
  codeTokenRequest,
  newAttempt,
  parseTokenResponse,
  readSignInMessage,
  refreshDelay,
  refreshTokenRequest,
  returnMessage,
  MAX_TIMER_MS,
} from "../../sap-mashup/webex-in-sap/sign-in-protocol";

const CLIENT = { clientId: "C0123456789abcdef", authBase: "https://webexapis.com/v1", redirectUri: "https://connector.example.com/sap-mashup/webex-sign-in.html", scopes: ["cjp:config", "cjp:user", "spark:kms"] };

test("the S256 challenge is base64url(SHA-256(verifier)), as Node's own crypto computes it", () => {
  expect(codeChallenge("dBjftJeZ4CVP-mJ92K9puEjuVIKXFZ7Mz4ApCf8hZHo")).toBe("QZyglb56NC0wbjtFh9Deo9LS8s9p73-fsrrEUYhfdaA");
  for (const v of ["a".repeat(43), "Z9-._~".repeat(20) + "abcdefgh", base64url(Uint8Array.from({ length: 48 }, (_, i) => i * 5))]) {
    expect([v, codeChallenge(v)]).toEqual([v, createHash("sha256").update(v).digest("base64url")]);
  }
});

test("a verifier outside RFC 7636's alphabet or length is refused", () => {
  expect(() => codeChallenge("short")).toThrow("43-128 characters");
  expect(() => codeChallenge("a".repeat(42) + "+")).toThrow("43-128 characters");
});

test("a new attempt: a 64-character verifier and a 32-character state, from the random source, base64url", () => {
  let n = 0;
  const a = newAttempt((b) => b.map(() => n++ % 256));
  expect(a.verifier).toMatch(/^[A-Za-z0-9_-]{64}$/);
  expect(a.state).toMatch(/^[A-Za-z0-9_-]{32}$/);
  expect(a.verifier).toBe(base64url(Uint8Array.from({ length: 48 }, (_, i) => i)));
  expect(a.state).toBe(base64url(Uint8Array.from({ length: 24 }, (_, i) => 48 + i)));
});

test("the authorize URL: code flow, client, exact redirect URI, scopes, state, S256 challenge", () => {
  const url = new URL(authorizeUrl(CLIENT, { verifier: "dBjftJeZ4CVP-mJ92K9puEjuVIKXFZ7Mz4ApCf8hZHo", state: "st4te" }));
  expect(url.origin + url.pathname).toBe("https://webexapis.com/v1/authorize");
  expect([...url.searchParams]).toEqual([
    ["response_type", "code"],
    ["client_id", "C0123456789abcdef"],
    ["redirect_uri", "https://connector.example.com/sap-mashup/webex-sign-in.html"],
    ["scope", "cjp:config cjp:user spark:kms"],
    ["state", "st4te"],
    ["code_challenge", "QZyglb56NC0wbjtFh9Deo9LS8s9p73-fsrrEUYhfdaA"],
    ["code_challenge_method", "S256"],
  ]);
});

test("token requests: the code with its verifier, and a refresh; form-encoded, client id, no secret", () => {
  expect(codeTokenRequest(CLIENT, "c/o+de", "v".repeat(43))).toEqual({
    url: "https://webexapis.com/v1/access_token",
    body: `grant_type=authorization_code&client_id=C0123456789abcdef&code=c%2Fo%2Bde&code_verifier=${"v".repeat(43)}&redirect_uri=https%3A%2F%2Fconnector.example.com%2Fsap-mashup%2Fwebex-sign-in.html`,
  });
  expect(refreshTokenRequest(CLIENT, "R1")).toEqual({ url: "https://webexapis.com/v1/access_token", body: "grant_type=refresh_token&client_id=C0123456789abcdef&refresh_token=R1" });
});

describe("the token endpoint's answer", () => {
  test("a bearer token with its lifetime and refresh token", () => {
    expect(parseTokenResponse({ access_token: "A1", token_type: "Bearer", expires_in: 1209600, refresh_token: "R1", refresh_token_expires_in: 7776000 }, 1000)).toEqual({
      accessToken: "A1", issuedAt: 1000, expiresAt: 1000 + 1209600_000, refreshToken: "R1", refreshExpiresAt: 1000 + 7776000_000,
    });
  });
  test("a refresh answer without a refresh token keeps the previous one", () => {
    expect(parseTokenResponse({ access_token: "A2", expires_in: 60 }, 5000, { refreshToken: "R1", refreshExpiresAt: 9e9 })).toEqual({ accessToken: "A2", issuedAt: 5000, expiresAt: 65000, refreshToken: "R1", refreshExpiresAt: 9e9 });
  });
  test.each([
    [null, "the token endpoint answered no JSON object"],
    [{ error: "invalid_grant", error_description: "secret stuff" }, "the token endpoint refused: invalid_grant"],
    [{ expires_in: 60 }, "the token endpoint's answer has no access_token"],
    [{ access_token: "A B", expires_in: 60 }, "the token endpoint's answer has no access_token"],
    [{ access_token: "A1", token_type: "mac", expires_in: 60 }, "the token endpoint's answer is not a bearer token"],
    [{ access_token: "A1", expires_in: "60" }, "the token endpoint's answer has no expires_in"],
    [{ access_token: "A1", expires_in: 0 }, "the token endpoint's answer has no expires_in"],
  ])("%j → %s", (json, error) => expect(parseTokenResponse(json, 0)).toEqual({ error }));
});

describe("when to refresh", () => {
  const token = (lifetimeS: number, extra = {}) => ({ accessToken: "A", issuedAt: 0, expiresAt: lifetimeS * 1000, refreshToken: "R", ...extra });
  test("five minutes before a long-lived token expires (Webex: 14 days), capped at what a timer can wait", () => {
    expect(refreshDelay(token(14 * 86400), 0)).toBe(14 * 86400_000 - 300_000);
    expect(refreshDelay(token(90 * 86400), 0)).toBe(MAX_TIMER_MS);
    expect(refreshDelay(token(14 * 86400), 14 * 86400_000 - 3600_000)).toBe(3600_000 - 300_000);
  });
  test("a tenth of a short lifetime ahead, at least one second", () => {
    expect(refreshDelay(token(60), 0)).toBe(54_000);
    expect(refreshDelay(token(5), 0)).toBe(4_000);
  });
  test("at once when already due; never without a usable refresh token", () => {
    expect(refreshDelay(token(60), 59_000)).toBe(0);
    expect(refreshDelay({ accessToken: "A", issuedAt: 0, expiresAt: 60_000 }, 0)).toBeUndefined();
    expect(refreshDelay(token(60, { refreshExpiresAt: 10 }), 10)).toBeUndefined();
  });
});

describe("the redirect page's message", () => {
  const expected = { origin: "https://connector.example.com", state: "S1" };
  test("a code for the pending state from the mashup's own origin", () => {
    expect(readSignInMessage({ type: SIGN_IN_MESSAGE, state: "S1", code: "abc" }, "https://connector.example.com", expected)).toEqual({ ok: true, code: "abc" });
  });
  test("an error, cleaned to a short technical word", () => {
    expect(readSignInMessage({ type: SIGN_IN_MESSAGE, state: "S1", error: "access_denied<script>" }, "https://connector.example.com", expected)).toEqual({ ok: false, error: "access_deniedscript" });
  });
  test.each([
    ["another origin", { type: SIGN_IN_MESSAGE, state: "S1", code: "abc" }, "https://evil.example.com"],
    ["another state", { type: SIGN_IN_MESSAGE, state: "S2", code: "abc" }, "https://connector.example.com"],
    ["another type", { type: "x", state: "S1", code: "abc" }, "https://connector.example.com"],
    ["an extra field", { type: SIGN_IN_MESSAGE, state: "S1", code: "abc", token: "t" }, "https://connector.example.com"],
    ["code and error", { type: SIGN_IN_MESSAGE, state: "S1", code: "abc", error: "x" }, "https://connector.example.com"],
    ["neither", { type: SIGN_IN_MESSAGE, state: "S1" }, "https://connector.example.com"],
    ["a code with spaces", { type: SIGN_IN_MESSAGE, state: "S1", code: "a b" }, "https://connector.example.com"],
    ["a string", "code=abc&state=S1", "https://connector.example.com"],
  ])("%s → ignored", (_, data, origin) => expect(readSignInMessage(data, origin, expected)).toBeUndefined());
  test("what the redirect page reads from its URL", () => {
    expect(returnMessage("?code=abc&state=S1")).toEqual({ type: SIGN_IN_MESSAGE, state: "S1", code: "abc" });
    expect(returnMessage("?error=access_denied&state=S1")).toEqual({ type: SIGN_IN_MESSAGE, state: "S1", error: "access_denied" });
    expect(returnMessage("?state=S1")).toEqual({ type: SIGN_IN_MESSAGE, state: "S1", error: "no_code" });
    expect(returnMessage("?code=abc")).toBeUndefined();
  });
});
