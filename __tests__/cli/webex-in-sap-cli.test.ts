/** @jest-environment node */
/**
 * The CLI for the "Webex in SAP" topology (issue 13): `mashup-url --webex-in-sap --webex-client-id`
 * builds its URL, checked by the mashup's own parsers (config.ts, then the topology's
 * webex-config.ts, as the page does); `headers --webex-in-sap` prints the policy docs/hosting.md gives.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { headerSet } from "../../cli/headers";
import { run } from "../../cli/main";
import { mashupUrl, type MashupUrlOptions } from "../../cli/mashup-url";
import { parseWebexInSapPage } from "../../sap-mashup/webex-in-sap/webex-config";
import { cliErrorOf } from "../support/cli-error";

const SAP = "https://my123456.crm.ondemand.com";
const base: MashupUrlOptions = { base: "https://connector.example.com/sap-mashup/index.html", sapOrigins: [SAP], webexInSap: true, webexClientId: "C0123456789abcdef" };

const errorOf = (o: MashupUrlOptions): string => cliErrorOf(() => mashupUrl(o));

test("mashup-url --webex-in-sap: the exact URL, which the topology's own parser reads back", () => {
  const { url } = mashupUrl({ ...base, logoutReasons: ["End of shift", "Lunch"] });
  expect(url).toBe("https://connector.example.com/sap-mashup/index.html?sapOrigin=https%3A%2F%2Fmy123456.crm.ondemand.com&webexInSap=on&webexClientId=C0123456789abcdef&logoutReasons=End+of+shift%2CLunch");
  const r = parseWebexInSapPage(new URL(url).search);
  expect(r.ok && [r.config.webex, r.config.logoutReasons]).toEqual([{ clientId: "C0123456789abcdef", authBase: "https://webexapis.com/v1" }, ["End of shift", "Lunch"]]);
});

test("mashup-url --webex-in-sap: errors name the options, in the mashup's words", () => {
  expect(errorOf({ ...base, webexClientId: undefined })).toBe("--webex-client-id is missing: the Webex Integration's client id, needed to sign in");
  expect(errorOf({ ...base, webexClientId: "abc" })).toBe('--webex-client-id: "abc" is not a Webex Integration client id');
  expect(errorOf({ ...base, desktop: "us1" })).toBe("--desktop: not used with webexInSap=on, which runs without the Agent Desktop; remove it");
  expect(errorOf({ ...base, alongside: true })).toBe("--alongside: not used with --webex-in-sap, which runs without the Agent Desktop; remove it");
  expect(errorOf({ ...base, check: true })).toBe("check-url: the setup check runs without webexInSap=on; remove one of them");
  expect(errorOf({ ...base, webexInSap: false, desktop: "us1" })).toBe('--webex-client-id: only read with webexInSap=on (the "Webex in SAP" topology)');
});

test("the command line: mashup-url --webex-in-sap --webex-client-id prints the URL; headers --webex-in-sap the topology's policy", async () => {
  const out: string[] = [];
  const err: string[] = [];
  const io = { stdout: { write: (t: string) => void out.push(t) }, stderr: { write: (t: string) => void err.push(t) }, readFile: async () => "", writeFile: async () => undefined };
  expect(await run(["mashup-url", "--base", base.base, "--sap-origin", SAP, "--webex-in-sap", "--webex-client-id", "C0123456789abcdef"], io as never)).toBe(0);
  expect(out.join("")).toBe(`${base.base}?sapOrigin=https%3A%2F%2Fmy123456.crm.ondemand.com&webexInSap=on&webexClientId=C0123456789abcdef\n`);
  out.length = 0;
  expect(await run(["headers", "--sap-origin", SAP, "--webex-in-sap"], io as never)).toBe(0);
  expect(out.join("")).toContain(`Content-Security-Policy: default-src 'none'; script-src 'self' 'unsafe-eval';`);
  expect(err).toEqual([]);
  expect(await run(["headers", "--sap-origin", SAP, "--webex-in-sap", "--desktop", "us1"], io as never)).toBe(1);
  expect(err.join("")).toBe("wxcc-sap headers: --desktop and --frame-src: the Webex in SAP topology frames nothing; leave them out with --webex-in-sap\n");
});

test("headers --webex-in-sap gives exactly the policy docs/hosting.md states for this topology", () => {
  const doc = readFileSync(join(__dirname, "../../docs/hosting.md"), "utf8");
  const block = /### The Webex in SAP topology[\s\S]*?```\n([\s\S]*?)```/.exec(doc)![1]!;
  const documented = block.replace(/\s*\n\s*/g, " ").trim().replace("<SAP origins>", SAP);
  const printed = headerSet({ sapOrigins: [SAP], webexInSap: true }).mashup.find(([n]) => n === "Content-Security-Policy")![1];
  expect(printed).toBe(documented);
});

test("mashup-url --webex-in-sap --webex-desktop: the Agent Desktop the same agents may also use, as webexDesktopOrigin; only with --webex-in-sap", () => {
  const { url } = mashupUrl({ ...base, webexDesktop: ["us1", "https://desktop.wxcc-us1.cisco.com/"] });
  expect(new URL(url).searchParams.get("webexDesktopOrigin")).toBe("https://desktop.wxcc-us1.cisco.com");
  const r = parseWebexInSapPage(new URL(url).search);
  expect(r.ok && r.config.webex.desktopOrigins).toEqual(["https://desktop.wxcc-us1.cisco.com"]);
  expect(errorOf({ ...base, webexDesktop: ["desktop.example"] })).toMatch(/^--webex-desktop: "desktop\.example" is neither a data center/);
  expect(errorOf({ ...base, webexInSap: false, webexClientId: undefined, desktop: "us1", webexDesktop: ["us1"] })).toBe("--webex-desktop: only with --webex-in-sap (the Agent Desktop the pane's agents may also use)");
});

test("wxcc-sap mashup-url --webex-desktop on the command line", async () => {
  const out: string[] = [];
  const io = { stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => out.push(t) } };
  const code = await run(["mashup-url", "--base", base.base, "--sap-origin", SAP, "--webex-in-sap", "--webex-client-id", "C0123456789abcdef", "--webex-desktop", "eu1"], io as never);
  expect([code, new URL(out.join("").trim()).searchParams.get("webexDesktopOrigin")]).toEqual([0, "https://desktop.wxcc-eu1.cisco.com"]);
});
