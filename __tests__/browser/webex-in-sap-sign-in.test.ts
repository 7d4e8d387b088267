/** @jest-environment node */
/**
 * Issue 13: the sign-in pop-up in Chromium, against an identity service played by the test
 * (playwright routes on a loopback origin; the sandbox's own identity stand-in is issue 13 part A):
 * the click opens `<authBase>/authorize` with PKCE in a pop-up, the redirect page hands the code
 * back to the mashup inside SAP's frame, the mashup exchanges it with its verifier and starts the
 * SDK with the token, and neither the code nor the token reaches the console. Past the sign-in the
 * real SDK finds no Webex cloud here (the emulated one is part A's; the end-to-end tests run
 * against it), so the SDK's own console errors are expected in this file and checked to carry no secret.
 */
import { createHash } from "node:crypto";
import type { Page } from "playwright-core";
import { useStage, type Stage } from "./browser-support";
import { openWebexPane, webexPaneText, webexQuery } from "./webex-pane-support";

let s: Stage;
useStage((st) => (s = st), { consoleErrors: "allowed" });

const TOKEN = "TOKEN-never-logged-0123456789";
const CODE = "CODE-never-logged-42";

test("sign-in in a pop-up: authorize with PKCE S256, the code back to the pane, exchanged with its verifier; nothing secret logged", async () => {
  const idp = `${s.sandbox.config.sap}/idp/v1`;
  const authorize: URL[] = [];
  const exchanges: URLSearchParams[] = [];
  const console: string[] = [];
  await s.context.route(`${idp}/authorize?*`, async (route) => {
    const url = new URL(route.request().url());
    authorize.push(url);
    const back = new URL(url.searchParams.get("redirect_uri")!);
    back.search = new URLSearchParams({ code: CODE, state: url.searchParams.get("state")! }).toString();
    await route.fulfill({ status: 302, headers: { location: back.href } });
  });
  await s.context.route(`${idp}/access_token`, async (route) => {
    const cors = { "access-control-allow-origin": s.sandbox.config.mashup, "access-control-allow-headers": "content-type, accept" };
    if (route.request().method() === "OPTIONS") return route.fulfill({ status: 204, headers: cors });
    exchanges.push(new URLSearchParams(route.request().postData() ?? ""));
    await route.fulfill({ status: 200, headers: { ...cors, "content-type": "application/json" }, body: JSON.stringify({ access_token: TOKEN, token_type: "Bearer", expires_in: 3600, refresh_token: "R-1" }) });
  });
  // The SDK's service discovery goes to a loopback URL with no catalog: no request leaves the machine.
  const { page, mashup } = await openWebexPane(s, 360, 640, webexQuery(s, { webexDiscovery: `${s.sandbox.config.sap}/no-u2c/api/v1` }));
  page.on("console", (m) => console.push(m.text()));

  const popupOpened = page.waitForEvent("popup");
  await mashup.evaluate(() => (document.querySelector("wxcc-sap-webex")!.shadowRoot!.querySelector('[part="sign-in"]') as HTMLButtonElement).click());
  const popup: Page = await popupOpened;

  popup.on("console", (m) => console.push(m.text()));
  await popup.waitForEvent("close", { timeout: 15_000 });

  expect(authorize).toHaveLength(1);
  const a = authorize[0]!;
  const redirect = `${s.sandbox.config.mashup}/sap-mashup/webex-sign-in.html`;
  expect([...a.searchParams.keys()]).toEqual(["response_type", "client_id", "redirect_uri", "scope", "state", "code_challenge", "code_challenge_method"]);
  expect([a.searchParams.get("response_type"), a.searchParams.get("client_id"), a.searchParams.get("redirect_uri"), a.searchParams.get("scope"), a.searchParams.get("code_challenge_method")]).toEqual([
    "code", "sandbox-integration-1", redirect, "cjp:config cjp:config_read cjp:config_write cjp:user spark:kms", "S256",
  ]);

  await mashup.waitForFunction(() => !/Signing in/.test(document.querySelector("wxcc-sap-webex")?.shadowRoot?.textContent ?? ""), undefined, { timeout: 15_000 });
  expect(exchanges).toHaveLength(1);
  const x = exchanges[0]!;
  expect([...x.keys()]).toEqual(["grant_type", "client_id", "code", "code_verifier", "redirect_uri"]);
  expect([x.get("grant_type"), x.get("client_id"), x.get("code"), x.get("redirect_uri")]).toEqual(["authorization_code", "sandbox-integration-1", CODE, redirect]);
  expect(createHash("sha256").update(x.get("code_verifier")!).digest("base64url")).toBe(a.searchParams.get("code_challenge"));

  // Signed in, the pane starts the SDK with the token (what follows needs the emulated Webex cloud).
  expect(await webexPaneText(mashup)).toBe("Connecting to Webex Contact Center…");
  expect(console.filter((t) => t.includes(TOKEN) || t.includes(CODE))).toEqual([]);
  expect(s.errors.filter((t) => t.includes(TOKEN) || t.includes(CODE))).toEqual([]);
  await page.close();
});
