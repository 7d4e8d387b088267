/** @jest-environment node */
/**
 * Issue 13: the "Webex in SAP" topology's bundle is fetched only with `webexInSap=on` (requests
 * observed in Chromium), the other topologies' pane fetches none of it, and the pane signed out
 * shows "Sign in with Webex" in SAP's look (screenshot at 360 px, docs/screenshots/).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SCREENSHOTS, useStage, type Stage } from "./browser-support";
import { mashupQuery, panelText } from "./pane-support";
import { openBare, openWebexPane, webexPaneText, webexQuery } from "./webex-pane-support";

let s: Stage;
useStage((st) => (s = st));

/** What the topology adds to dist/sap-mashup/: none of it may be fetched by the other topologies. */
const OWN = /\/sap-mashup\/(webex-in-sap\.(js|css)|webex-lang-[\w-]+\.js|webex-assets\/|webex-sign-in\.)/;

test("the embedded topology's pane fetches nothing of the Webex-in-SAP bundle", async () => {
  const { page, mashup, requests: urls } = await openBare(s, 360, 640, mashupQuery(s, { width: 360, height: 640 }));
  // Linked to the framed desktop: the page has started the connector, and with it anything it would fetch.
  await panelText(mashup, (t) => t.includes("Agent Desktop linked"), "the link to the desktop");
  expect(urls.filter((u) => u.startsWith("/sap-mashup/")).sort()).toEqual(["/sap-mashup/index.html", "/sap-mashup/mashup.css", "/sap-mashup/mashup.js"]);
  expect(urls.filter((u) => OWN.test(u))).toEqual([]);
  await page.close();
});

test("webexInSap=on fetches the bundle and its stylesheet, and the pane offers the sign-in, in SAP's look at 360 px", async () => {
  const { page, mashup, requests } = await openWebexPane(s, 360, 640, webexQuery(s));
  const own = requests.filter((u) => u.startsWith("/sap-mashup/"));
  expect(own.slice(0, 3)).toEqual(["/sap-mashup/index.html", "/sap-mashup/mashup.css", "/sap-mashup/mashup.js"]);
  expect(own).toContain("/sap-mashup/webex-in-sap.js");
  expect(own).toContain("/sap-mashup/webex-in-sap.css");
  // No Agent Desktop framed, no connector panel: this topology has its own bar.
  expect(await mashup.evaluate(() => [document.querySelector("iframe"), document.querySelector("wxcc-sap-panel")])).toEqual([null, null]);
  expect(await webexPaneText(mashup)).toBe("Not signed in to Webex Sign in with Webex Calls, chats and e-mails come to this pane once you are signed in. Sign-in opens in a small window.");
  // The bar is styled by SAP's theme parameters (mashup.css): the button is Horizon's emphasized blue.
  expect(await mashup.evaluate(() => getComputedStyle(document.querySelector("wxcc-sap-webex")!.shadowRoot!.querySelector('[part="sign-in"]')!).backgroundColor)).toBe("rgb(0, 112, 242)");
  await page.screenshot({ path: join(SCREENSHOTS, "webex-in-sap-signed-out-360.png") });
  await page.close();
});

test("this topology's own parameters are checked by its bundle: a bad one is named in the pane, as the page's own are, and nothing starts", async () => {
  const { page, mashup, requests } = await openBare(s, 360, 640, webexQuery(s, { webexClientId: "abc", webexDiscovery: "ftp://u2c.example.com" }));
  const errors = mashup.locator("wxcc-sap-panel [part=config-errors]");
  await errors.waitFor({ timeout: 30_000 });
  expect((await errors.locator("li").allTextContents()).map((t) => t.trim())).toEqual([
    "The setting “webexClientId” has a value the connector cannot use: “abc”.",
    "The setting “webexDiscovery” has a value the connector cannot use: “ftp://u2c.example.com”.",
  ]);
  expect(requests).toContain("/sap-mashup/webex-in-sap.js");
  expect(await mashup.evaluate(() => document.querySelector("wxcc-sap-webex"))).toBeNull();
  const expected = 'configuration error: webexClientId: "abc" is not a Webex Integration client id; webexDiscovery: "ftp://u2c.example.com" must be an https URL';
  expect(s.errors.filter((e) => e.includes("configuration error")).map((e) => e.slice(e.indexOf("configuration error")))).toEqual([expected]);
  s.errors.splice(0, s.errors.length, ...s.errors.filter((e) => !e.includes(expected)));
  await page.close();
});

test("an embedded topology's URL with this topology's parameter but not webexInSap=on: the parameter is named in the pane, and nothing starts", async () => {
  const { page, mashup } = await openBare(s, 360, 640, `${mashupQuery(s, { width: 360, height: 640 })}&webexClientId=C0123456789`);
  const errors = mashup.locator("wxcc-sap-panel [part=config-errors]");
  await errors.waitFor({ timeout: 30_000 });
  expect((await errors.locator("li").allTextContents()).map((t) => t.trim())).toEqual([expect.stringContaining("“webexClientId”")]);
  expect(await mashup.evaluate(() => [document.querySelector("iframe"), document.querySelector("wxcc-sap-webex")])).toEqual([null, null]);
  const expected = 'configuration error: webexClientId: only read with webexInSap=on (the "Webex in SAP" topology)';
  expect(s.errors.filter((e) => e.includes("configuration error")).map((e) => e.slice(e.indexOf("configuration error")))).toEqual([expected]);
  s.errors.splice(0, s.errors.length, ...s.errors.filter((e) => !e.includes(expected)));
  await page.close();
});

test("in German, from the topology's own language file", async () => {
  const { page, mashup, requests } = await openWebexPane(s, 360, 640, webexQuery(s, { language: "de" }));
  await mashup.waitForFunction(() => (document.querySelector("wxcc-sap-webex")?.shadowRoot?.textContent ?? "").includes("Mit Webex anmelden"));
  expect(requests).toEqual(expect.arrayContaining(["/sap-mashup/lang-de.js", "/sap-mashup/webex-lang-de.js"]));
  expect(await webexPaneText(mashup)).toContain("Nicht bei Webex angemeldet");
  await page.close();
});

test("under the Content-Security-Policy docs/hosting.md gives for this topology the pane loads with no violation", async () => {
  const doc = readFileSync(join(__dirname, "../../docs/hosting.md"), "utf8");
  const block = /### The Webex in SAP topology[\s\S]*?```\n([\s\S]*?)```/.exec(doc)?.[1];
  expect(block).toContain("worker-src blob:");
  const csp = block!.replace(/\s*\n\s*/g, " ").trim().replace("<SAP origins>", s.sandbox.config.sap);
  const mashupOrigin = s.sandbox.config.mashup;
  await s.context.route(`${mashupOrigin}/sap-mashup/**`, async (route) => {
    const res = await route.fetch();
    await route.fulfill({ response: res, headers: { ...res.headers(), "content-security-policy": csp } });
  });
  try {
    // Chromium reports every violation as a console error, which useStage holds to none.
    const { page, mashup, requests } = await openWebexPane(s, 360, 640, webexQuery(s));
    expect(requests).toEqual(expect.arrayContaining(["/sap-mashup/webex-in-sap.js", "/sap-mashup/webex-in-sap.css"]));
    expect(await webexPaneText(mashup)).toContain("Sign in with Webex");
    await page.close();
  } finally {
    await s.context.unroute(`${mashupOrigin}/sap-mashup/**`);
  }
});

test("while the topology's bundle loads the other topologies' panel is gone (no \"waiting for the Agent Desktop\")", async () => {
  let release = () => undefined as void;
  const gate = new Promise<void>((r) => (release = r));
  const bundle = `${s.sandbox.config.mashup}/sap-mashup/webex-in-sap.js`;
  const hold = async (route: import("playwright-core").Route) => {
    await gate;
    await route.continue();
  };
  await s.context.route(bundle, hold);
  try {
    const { page, mashup } = await openBare(s, 360, 640, webexQuery(s));
    await mashup.waitForFunction(() => customElements.get("wxcc-sap-panel") !== undefined);
    expect(await mashup.evaluate(() => [document.querySelector("wxcc-sap-panel"), document.body.innerText.trim()])).toEqual([null, ""]);
    release();
    await mashup.waitForFunction(() => document.querySelector("wxcc-sap-webex") !== null && document.querySelector("wxcc-sap-panel") === null, undefined, { timeout: 30_000 });
    await page.close();
  } finally {
    release();
    await s.context.unroute(bundle, hold);
  }
});
