/**
 * The sign-in shell (issue 13): the pop-up on a click, the answer only from that pop-up with the
 * pending state, the code exchanged with its verifier, the token kept in memory (storage as a
 * guarded extra), refreshed before expiry, and a refused refresh or a revoked token back to "Sign in".
 */
import { safeSessionStorage } from "../../channel/safe-storage";
import { SIGN_IN_MESSAGE, codeChallenge } from "../../sap-mashup/webex-in-sap/sign-in-protocol";
import { TOKEN_KEY, WebexSignIn, type SignInEnv } from "../../sap-mashup/webex-in-sap/sign-in";

const ORIGIN = "https://connector.example.com";
const CLIENT = { clientId: "C0123456789abcdef", authBase: "https://webexapis.com/v1", scopes: ["cjp:user", "spark:kms"] };

type Answer = { status: number; json: unknown } | "network";

function setup(opts: { blockPopup?: boolean; answers?: Answer[]; stored?: string; storage?: boolean } = {}) {
  jest.useFakeTimers({ now: 1_000_000 });
  const events: string[] = [];
  const requests: { url: string; body: string }[] = [];
  const answers = [...(opts.answers ?? [])];
  const popup = { closed: false, close: jest.fn(() => void (popup.closed = true)) } as unknown as Window & { closed: boolean };
  const listeners: ((e: MessageEvent) => void)[] = [];
  const opened: string[] = [];
  const session = new Map<string, string>(opts.stored ? [[TOKEN_KEY, opts.stored]] : []);
  const storageArea = { getItem: (k: string) => session.get(k) ?? null, setItem: (k: string, v: string) => void session.set(k, v), removeItem: (k: string) => void session.delete(k) } as Storage;
  let n = 7;
  const env: SignInEnv = {
    win: {
      location: { origin: ORIGIN, href: `${ORIGIN}/sap-mashup/index.html?webexInSap=on` },
      open: ((url: string) => (opened.push(url), opts.blockPopup ? null : popup)) as Window["open"],
      addEventListener: ((type: string, l: (e: MessageEvent) => void) => type === "message" && listeners.push(l)) as Window["addEventListener"],
      removeEventListener: (() => undefined) as Window["removeEventListener"],
      setTimeout: ((f: () => void, ms: number) => setTimeout(f, ms)) as unknown as Window["setTimeout"],
      clearTimeout: ((id: number) => clearTimeout(id)) as Window["clearTimeout"],
      setInterval: ((f: () => void, ms: number) => setInterval(f, ms)) as unknown as Window["setInterval"],
      clearInterval: ((id: number) => clearInterval(id)) as Window["clearInterval"],
      crypto: { getRandomValues: <T extends ArrayBufferView | null>(b: T) => ((b as unknown as Uint8Array).fill(n++), b) } as Crypto,
    },
    fetch: async (url, init) => {
      requests.push({ url, body: init.body });
      const a = answers.shift();
      if (!a || a === "network") throw new TypeError("Failed to fetch");
      return { ok: a.status < 300, status: a.status, json: async () => a.json };
    },
    storage: safeSessionStorage(opts.storage === false ? undefined : { sessionStorage: storageArea }),
    now: () => Date.now(),
  };
  const signIn = new WebexSignIn(CLIENT, env, {
    changed: (state, token) => events.push(`${state}${token ? ` ${token}` : ""}`),
    signedOut: (cause, detail) => events.push(`signed out: ${cause} (${detail})`),
  });
  const post = (data: unknown, origin = ORIGIN, source: unknown = popup) => listeners.forEach((l) => l({ data, origin, source } as MessageEvent));
  const state = () => new URL(opened[opened.length - 1]!).searchParams.get("state")!;
  return { signIn, events, requests, popup, post, opened, state, session };
}

const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

afterEach(() => jest.useRealTimers());

test("a click opens the authorize page in a pop-up; the code comes back and is exchanged with its verifier", async () => {
  const s = setup({ answers: [{ status: 200, json: { access_token: "TOKEN-1", token_type: "Bearer", expires_in: 3600, refresh_token: "R-1" } }] });
  s.signIn.signIn();
  const url = new URL(s.opened[0]!);
  expect(url.origin + url.pathname).toBe("https://webexapis.com/v1/authorize");
  expect(url.searchParams.get("redirect_uri")).toBe(`${ORIGIN}/sap-mashup/webex-sign-in.html`);
  expect(s.events).toEqual(["signing-in"]);
  s.post({ type: SIGN_IN_MESSAGE, state: s.state(), code: "CODE-1" });
  await flush();
  const verifier = new URLSearchParams(s.requests[0]!.body).get("code_verifier")!;
  expect(codeChallenge(verifier)).toBe(url.searchParams.get("code_challenge"));
  expect(s.requests).toEqual([
    { url: "https://webexapis.com/v1/access_token", body: `grant_type=authorization_code&client_id=C0123456789abcdef&code=CODE-1&code_verifier=${verifier}&redirect_uri=${encodeURIComponent(`${ORIGIN}/sap-mashup/webex-sign-in.html`)}` },
  ]);
  expect(s.events).toEqual(["signing-in", "signed-in TOKEN-1"]);
  expect(s.signIn.accessToken).toBe("TOKEN-1");
  expect(s.popup.close).toHaveBeenCalled();
});

test("answers from elsewhere, for another state, or a second time are ignored", async () => {
  const s = setup({ answers: [{ status: 200, json: { access_token: "TOKEN-1", expires_in: 3600 } }] });
  s.signIn.signIn();
  s.post({ type: SIGN_IN_MESSAGE, state: s.state(), code: "X" }, "https://evil.example.com");
  s.post({ type: SIGN_IN_MESSAGE, state: s.state(), code: "X" }, ORIGIN, {});
  s.post({ type: SIGN_IN_MESSAGE, state: "guessed", code: "X" });
  await flush();
  expect(s.requests).toEqual([]);
  const st = s.state();
  s.post({ type: SIGN_IN_MESSAGE, state: st, code: "CODE-1" });
  s.post({ type: SIGN_IN_MESSAGE, state: st, code: "CODE-2" });
  await flush();
  expect(s.requests.map((r) => new URLSearchParams(r.body).get("code"))).toEqual(["CODE-1"]);
});

test("a blocked pop-up, a refusal, a closed window and an unreachable token endpoint leave the agent signed out, saying why", async () => {
  const blocked = setup({ blockPopup: true });
  blocked.signIn.signIn();
  expect(blocked.events).toEqual(["signed out: popup-blocked (the browser blocked the sign-in window)"]);

  const refused = setup();
  refused.signIn.signIn();
  refused.post({ type: SIGN_IN_MESSAGE, state: refused.state(), error: "access_denied" });
  expect(refused.events).toEqual(["signing-in", "signed-out", "signed out: refused (access_denied)"]);

  const closed = setup();
  closed.signIn.signIn();
  closed.popup.closed = true;
  jest.advanceTimersByTime(1000);
  expect(closed.events).toEqual(["signing-in", "signed-out", "signed out: cancelled (the sign-in window was closed)"]);

  const offline = setup({ answers: ["network"] });
  offline.signIn.signIn();
  offline.post({ type: SIGN_IN_MESSAGE, state: offline.state(), code: "C" });
  await flush();
  expect(offline.events).toEqual(["signing-in", "signed-out", "signed out: unreachable (the token endpoint did not answer)"]);
});

test("refreshed a tenth of its lifetime before expiry; the SDK gets the new token; a refused refresh signs out", async () => {
  const s = setup({
    answers: [
      { status: 200, json: { access_token: "TOKEN-1", expires_in: 600, refresh_token: "R-1" } },
      { status: 200, json: { access_token: "TOKEN-2", expires_in: 600 } },
      { status: 400, json: { error: "invalid_grant" } },
    ],
  });
  s.signIn.signIn();
  s.post({ type: SIGN_IN_MESSAGE, state: s.state(), code: "C" });
  await flush();
  jest.advanceTimersByTime(539_999);
  expect(s.requests).toHaveLength(1);
  jest.advanceTimersByTime(1);
  await flush();
  expect(s.requests[1]!.body).toBe("grant_type=refresh_token&client_id=C0123456789abcdef&refresh_token=R-1");
  expect(s.events).toEqual(["signing-in", "signed-in TOKEN-1", "signed-in TOKEN-2"]);
  jest.advanceTimersByTime(540_000);
  await flush();
  expect(s.requests[2]!.body).toBe("grant_type=refresh_token&client_id=C0123456789abcdef&refresh_token=R-1");
  expect(s.events.slice(3)).toEqual(["signed-out", "signed out: expired (refresh refused (400))"]);
  expect(s.signIn.accessToken).toBeUndefined();
  expect(s.session.has(TOKEN_KEY)).toBe(false);
});

test("without a refresh token the session ends when the token expires; a revoked token ends it at once", async () => {
  const s = setup({ answers: [{ status: 200, json: { access_token: "TOKEN-1", expires_in: 120 } }] });
  s.signIn.signIn();
  s.post({ type: SIGN_IN_MESSAGE, state: s.state(), code: "C" });
  await flush();
  jest.advanceTimersByTime(120_000);
  expect(s.events).toEqual(["signing-in", "signed-in TOKEN-1", "signed-out", "signed out: expired (the Webex session expired)"]);

  const r = setup({ answers: [{ status: 200, json: { access_token: "TOKEN-1", expires_in: 120 } }] });
  r.signIn.signIn();
  r.post({ type: SIGN_IN_MESSAGE, state: r.state(), code: "C" });
  await flush();
  r.signIn.revoked("401 from Webex");
  r.signIn.revoked("again");
  expect(r.events).toEqual(["signing-in", "signed-in TOKEN-1", "signed-out", "signed out: revoked (401 from Webex)"]);
});

test("storage only spares a sign-in after a reload: a stored token with time left is taken up, a stale or broken one dropped", () => {
  const fresh = setup({ stored: JSON.stringify({ accessToken: "TOKEN-9", issuedAt: 0, expiresAt: 1_000_000 + 3600_000 }) });
  expect(fresh.signIn.restore()).toBe(true);
  expect(fresh.events).toEqual(["signed-in TOKEN-9"]);
  const stale = setup({ stored: JSON.stringify({ accessToken: "TOKEN-9", issuedAt: 0, expiresAt: 1_000_000 + 30_000 }) });
  expect(stale.signIn.restore()).toBe(false);
  expect(stale.session.has(TOKEN_KEY)).toBe(false);
  expect(setup({ stored: "{not json" }).signIn.restore()).toBe(false);
});

test("without storage (a blocked third-party frame) signing in works the same, from memory", async () => {
  const s = setup({ storage: false, answers: [{ status: 200, json: { access_token: "TOKEN-1", expires_in: 3600 } }] });
  s.signIn.signIn();
  s.post({ type: SIGN_IN_MESSAGE, state: s.state(), code: "C" });
  await flush();
  expect(s.signIn.accessToken).toBe("TOKEN-1");
  expect(s.session.size).toBe(0);
});
