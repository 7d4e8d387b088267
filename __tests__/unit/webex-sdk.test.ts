/** The "Webex in SAP" pane's thin SDK shell (issue 13): the Webex SDK's configuration, auth errors, log text, the compute-pressure guard. */
import { beforeRegister, errorText, giveToken, isAuthError, onCredentialsLost, sdkConfig, type CcSdk, type CcStore } from "../../sap-mashup/webex-in-sap/webex-sdk";
import { hideForbiddenPressureObserver } from "../../sap-mashup/webex-in-sap/pressure-guard";

test("Webex's own cloud by default: multi-login allowed, warnings only", () => {
  expect(sdkConfig({ clientId: "C0123456789", authBase: "https://webexapis.com/v1" })).toEqual({ fedramp: false, logger: { level: "warn" }, cc: { allowMultiLogin: true } });
});

test("a service-discovery override (the sandbox) is the SDK's U2C URL and the one more host it may send the token to", () => {
  expect(sdkConfig({ clientId: "C0123456789", authBase: "http://127.0.0.1:8080/idb/v1", discoveryUrl: "http://127.0.0.1:8080/u2c/api/v1" })).toEqual({
    fedramp: false,
    logger: { level: "warn" },
    cc: { allowMultiLogin: true },
    services: { discovery: { u2c: "http://127.0.0.1:8080/u2c/api/v1" }, allowedDomains: ["127.0.0.1"] },
  });
});

test("the sandbox's Webex API (hydra) override too, both hosts allowed once", () => {
  expect(sdkConfig({ clientId: "C0123456789", authBase: "http://127.0.0.1:8080/webex/v1", discoveryUrl: "http://127.0.0.1:8080/webex/u2c/api/v1", hydraUrl: "http://127.0.0.1:8080/webex/svc/hydra" }).services).toEqual({
    discovery: { u2c: "http://127.0.0.1:8080/webex/u2c/api/v1", hydra: "http://127.0.0.1:8080/webex/svc/hydra" },
    allowedDomains: ["127.0.0.1"],
  });
});

test("beforeRegister: the callback sees the SDK first, then the store's own handler runs, even if the callback throws", () => {
  const calls: string[] = [];
  const store = {
    setupIncomingTaskHandler(this: unknown, cc: CcSdk) {
      calls.push(`store ${String((cc as unknown as { id: string }).id)} ${this === store}`);
    },
  } as unknown as CcStore;
  beforeRegister(store, (cc) => calls.push(`core ${(cc as unknown as { id: string }).id}`));
  // The store's init reads the property when it runs (cc-store dist: init(e){return this.store.init(e,this.setupIncomingTaskHandler)}).
  const handler = store.setupIncomingTaskHandler;
  handler({ id: "cc-1" } as unknown as CcSdk);
  expect(calls).toEqual(["core cc-1", "store cc-1 true"]);
  beforeRegister(store, () => {
    throw new Error("core failed");
  });
  expect(() => store.setupIncomingTaskHandler({ id: "cc-2" } as unknown as CcSdk)).toThrow("core failed");
  expect(calls.slice(2)).toEqual(["core cc-2", "store cc-2 true"]);
});

test.each([
  [{ statusCode: 401 }, true],
  [{ status: 401 }, true],
  [{ details: { statusCode: 401 } }, true],
  [{ statusCode: 403 }, false],
  [new Error("401"), false],
  [null, false],
  ["401", false],
])("auth error %j → %s", (e, expected) => expect(isAuthError(e)).toBe(expected));

test("an error's text for the log: its message, a bearer token masked, cut short", () => {
  expect(errorText(new Error("request failed: Authorization: Bearer abc.def_ghi"))).toBe("request failed: Authorization: Bearer ***");
  expect(errorText("x".repeat(300))).toHaveLength(160);
  expect(errorText({ token: "secret" })).toBe("unknown error");
});

test("a refreshed token goes to the running SDK's credentials as a bearer supertoken", () => {
  const set = jest.fn();
  const cc = { $webex: { credentials: { set } } } as unknown as CcSdk;
  giveToken(cc, "TOKEN-2");
  expect(set.mock.calls).toEqual([[{ supertoken: { access_token: "TOKEN-2", token_type: "Bearer" } }]]);
  expect(() => giveToken({} as CcSdk, "TOKEN-3")).not.toThrow();
});

test("credentials lost: a request answered 401 (revoked, signed out of Webex) or webex-core's refused refresh; other failures are not", () => {
  const handlers = new Map<string, (...a: unknown[]) => void>();
  const cc = { $webex: { on: (e: string, f: (...a: unknown[]) => void) => handlers.set(e, f) } } as unknown as CcSdk;
  const lost: string[] = [];
  onCredentialsLost(cc, () => lost.push("lost"));
  handlers.get("request:failure")!({ uri: "x" }, { statusCode: 500 });
  handlers.get("request:failure")!({ uri: "x" }, { statusCode: 403 });
  expect(lost).toEqual([]);
  handlers.get("request:failure")!({ uri: "x" }, { statusCode: 401 });
  handlers.get("client:InvalidRequestError")!();
  expect(lost).toEqual(["lost", "lost"]);
});

describe("the compute-pressure guard", () => {
  const win = (allowed: boolean | undefined, present = true) => {
    const w = { document: allowed === undefined ? {} : { featurePolicy: { allowsFeature: (f: string) => (f === "compute-pressure" ? allowed : true) } } } as unknown as Window & typeof globalThis & { PressureObserver?: unknown };
    if (present) w.PressureObserver = class {};
    return w;
  };
  test("hidden where the frame's policy forbids it (SAP's pane)", () => {
    const w = win(false);
    expect(hideForbiddenPressureObserver(w)).toBe(true);
    expect("PressureObserver" in w).toBe(false);
  });
  test("left alone where allowed, where the browser has no policy API, or none at all", () => {
    for (const w of [win(true), win(undefined)]) {
      expect(hideForbiddenPressureObserver(w)).toBe(false);
      expect("PressureObserver" in w).toBe(true);
    }
    expect(hideForbiddenPressureObserver(win(false, false))).toBe(false);
  });
  test("the newer permissionsPolicy is read first", () => {
    const w = { document: { permissionsPolicy: { allowsFeature: () => false }, featurePolicy: { allowsFeature: () => true } }, PressureObserver: class {} } as unknown as Window & typeof globalThis;
    expect(hideForbiddenPressureObserver(w)).toBe(true);
  });
});
