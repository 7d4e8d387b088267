/**
 * The "Webex in SAP" topology's URL parameters (contract §4.2, issue 13): selected by webexInSap=on.
 * The page of every topology only decides whether a URL is this topology's (config.ts
 * `forWebexInSap`); its bundle reads it all (webex-config.ts `parseWebexInSapPage`), so the other
 * topologies' page does not grow.
 */
import { forWebexInSap, parseConfig } from "../../sap-mashup/config";
import { parseWebexInSapPage } from "../../sap-mashup/webex-in-sap/webex-config";

const SAP = "?sapOrigin=https://my1.crm.ondemand.com";
const ON = `${SAP}&webexInSap=on&webexClientId=C0123456789abcdef`;
/** The errors the page shows: main.ts hands the URL to this topology's bundle or reads it itself. */
const errors = (search: string) => {
  const r = forWebexInSap(search) ? parseWebexInSapPage(search) : parseConfig(search);
  return r.ok ? [] : r.errors;
};

test("which page reads the URL: this topology's bundle with webexInSap=on, or with any webex… parameter to name; the page itself otherwise", () => {
  for (const on of ["webexInSap=on", "webexInSap=%20ON%20", "webexInSap=yes", "webexClientId=C0123456789", "webexInSap=off&webexHydra=https://api.example.com", "webexFoo=1"]) expect([on, forWebexInSap(`${SAP}&${on}`)]).toEqual([on, true]);
  for (const off of ["", "webexInSap=off", "webexInSap=OFF", "webexInSap=", "webexInSap=%20", "sap-language=de&x=webexInSap"]) expect([off, forWebexInSap(`${SAP}&${off}`)]).toEqual([off, false]);
});

test("webexInSap=on needs no desktop; Webex's own sign-in and service discovery by default", () => {
  const page = { sapOrigins: ["https://my1.crm.ondemand.com"], desktopOrigins: [], format: "json", channelIds: {}, cadFields: {} };
  expect(parseConfig(ON, true)).toEqual({ ok: true, config: page });
  expect(parseWebexInSapPage(ON)).toEqual({ ok: true, config: { ...page, webex: { clientId: "C0123456789abcdef", authBase: "https://webexapis.com/v1" } } });
});

test("any case, trimmed; the sandbox's loopback sign-in and discovery over plain http", () => {
  const r = parseWebexInSapPage(`${SAP}&webexInSap=%20ON&webexClientId=%20sandbox-client%20&webexAuthBase=http://127.0.0.1:8080/idb/v1/&webexDiscovery=${encodeURIComponent("http://127.0.0.1:8080/u2c/api/v1")}&webexHydra=http://127.0.0.1:8080/webex/svc/hydra`);
  expect(r.ok && r.config.webex).toEqual({ clientId: "sandbox-client", authBase: "http://127.0.0.1:8080/idb/v1", discoveryUrl: "http://127.0.0.1:8080/u2c/api/v1", hydraUrl: "http://127.0.0.1:8080/webex/svc/hydra" });
});

test("other parameters keep their meaning: logoutReasons, format, language", () => {
  const r = parseWebexInSapPage(`${ON}&logoutReasons=Lunch,End%20of%20shift&format=xml&language=de`);
  expect(r.ok && [r.config.logoutReasons, r.config.format, r.config.look]).toEqual([["Lunch", "End of shift"], "xml", { language: "de" }]);
});

test("off (or absent, or empty) is the desktop topologies, as before", () => {
  expect(errors(`${SAP}&webexInSap=off&desktopUrl=https://desktop.wxcc-us1.cisco.com/`)).toEqual([]);
  expect(errors(`${SAP}&webexInSap=&desktopOrigin=https://desktop.wxcc-us1.cisco.com`)).toEqual([]);
  expect(errors(`${SAP}&webexInSap=off`)).toEqual(["desktopUrl or desktopOrigin is missing: the mashup does not know which Agent Desktop to trust"]);
});

test.each([
  ["&webexInSap=yes", ["desktopUrl or desktopOrigin is missing: the mashup does not know which Agent Desktop to trust", 'webexInSap: "yes" is not on or off']],
  ["&webexInSap=on", ["webexClientId is missing: the Webex Integration's client id, needed to sign in"]],
  ["&webexInSap=on&webexClientId=", ["webexClientId is missing: the Webex Integration's client id, needed to sign in"]],
  ["&webexInSap=on&webexClientId=abc", ['webexClientId: "abc" is not a Webex Integration client id']],
  ["&webexInSap=on&webexClientId=C01234567%20x", ['webexClientId: "C01234567 x" is not a Webex Integration client id']],
  ["&webexInSap=on&webexClientId=C0123456789&webexAuthBase=webexapis.com", ['webexAuthBase: "webexapis.com" is not a URL']],
  ["&webexInSap=on&webexClientId=C0123456789&webexAuthBase=http://idbroker.example.com/v1", ['webexAuthBase: "http://idbroker.example.com/v1" must be an https URL']],
  ["&webexInSap=on&webexClientId=C0123456789&webexAuthBase=https://webexapis.com/v1%3Fx=1", ['webexAuthBase: "https://webexapis.com/v1?x=1" must have no query, fragment or credentials']],
  ["&webexInSap=on&webexClientId=C0123456789&webexDiscovery=ftp://u2c.example.com", ['webexDiscovery: "ftp://u2c.example.com" must be an https URL']],
  ["&webexInSap=on&webexClientId=C0123456789&webexHydra=https://api.example.com/v1%23x", ['webexHydra: "https://api.example.com/v1#x" must have no query, fragment or credentials']],
])("%s → errors naming the parameter", (extra, expected) => expect(errors(SAP + extra)).toEqual(expected));

test("what belongs to another topology is an error with webexInSap=on, naming it", () => {
  expect(errors(`${ON}&desktopUrl=https://desktop.wxcc-us1.cisco.com/&desktopOrigin=https://desktop.wxcc-us1.cisco.com&check=on`)).toEqual([
    "desktopUrl: not used with webexInSap=on, which runs without the Agent Desktop; remove it",
    "desktopOrigin: not used with webexInSap=on, which runs without the Agent Desktop; remove it",
    "check: the setup check runs without webexInSap=on; remove one of them",
  ]);
});

test("this topology's parameters without webexInSap=on are an error naming each, with the other topologies' own errors", () => {
  expect(errors(`${SAP}&desktopUrl=https://desktop.wxcc-us1.cisco.com/&webexClientId=C0123456789&webexAuthBase=https://webexapis.com/v1&webexDiscovery=https://u2c.wbx2.com/u2c/api/v1&webexHydra=https://api.ciscospark.com/v1`)).toEqual([
    'webexClientId: only read with webexInSap=on (the "Webex in SAP" topology)',
    'webexAuthBase: only read with webexInSap=on (the "Webex in SAP" topology)',
    'webexDiscovery: only read with webexInSap=on (the "Webex in SAP" topology)',
    'webexHydra: only read with webexInSap=on (the "Webex in SAP" topology)',
  ]);
  expect(errors(`${SAP}&webexInSap=off&webexClientId=C0123456789&webexClientId=C0123456789&webexFoo=1&format=csv`)).toEqual([
    "desktopUrl or desktopOrigin is missing: the mashup does not know which Agent Desktop to trust",
    'format: "csv" is not json or xml',
    'webexClientId: only read with webexInSap=on (the "Webex in SAP" topology)',
    'webexFoo: only read with webexInSap=on (the "Webex in SAP" topology)',
  ]);
});

test("sapOrigin stays required", () => {
  expect(errors("?webexInSap=on&webexClientId=C0123456789")).toEqual(["sapOrigin is missing"]);
});

test("webexDesktopOrigin: the Agent Desktop the same agents may also use, whose SAP tabs the pane agrees with; checked like desktopOrigin; only with webexInSap=on", () => {
  const r = parseWebexInSapPage(`${ON}&webexDesktopOrigin=${encodeURIComponent("https://desktop.wxcc-us1.cisco.com, https://desktop.wxcc-eu1.cisco.com")}`);
  expect(r.ok && r.config.webex).toEqual({ clientId: "C0123456789abcdef", authBase: "https://webexapis.com/v1", desktopOrigins: ["https://desktop.wxcc-us1.cisco.com", "https://desktop.wxcc-eu1.cisco.com"] });
  expect(r.ok && r.config.desktopOrigins).toEqual([]);
  expect(errors(`${ON}&webexDesktopOrigin=desktop.example`)).toEqual([expect.stringMatching(/^webexDesktopOrigin: /)]);
  expect(errors(`${SAP}&desktopOrigin=https://desktop.wxcc-us1.cisco.com&webexDesktopOrigin=https://desktop.wxcc-us1.cisco.com`)).toEqual(['webexDesktopOrigin: only read with webexInSap=on (the "Webex in SAP" topology)']);
});
