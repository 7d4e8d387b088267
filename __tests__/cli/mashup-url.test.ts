/** @jest-environment node */
import { DATA_CENTERS } from "../../cli/common";
import { mashupUrl, type MashupUrlOptions } from "../../cli/mashup-url";
import { parseConfig } from "../../sap-mashup/config";
import { cliErrorOf } from "../support/cli-error";

const base: MashupUrlOptions = {
  base: "https://connector.example.com/sap-mashup/index.html",
  sapOrigins: ["https://my123456.crm.ondemand.com"],
  desktop: "us1",
};

const errorOf = (o: MashupUrlOptions): string => cliErrorOf(() => mashupUrl(o));

/** What the mashup itself reads from the URL the tool printed. */
const reread = (url: string) => {
  const r = parseConfig(new URL(url).search);
  if (!r.ok) throw new Error(r.errors.join("; "));
  return r.config;
};

describe("mashup-url", () => {
  it("prints the exact, encoded URL for the embedded topology", () => {
    const { url } = mashupUrl(base);
    expect(url).toBe(
      "https://connector.example.com/sap-mashup/index.html?sapOrigin=https%3A%2F%2Fmy123456.crm.ondemand.com&desktopUrl=https%3A%2F%2Fdesktop.wxcc-us1.cisco.com%2F",
    );
    expect(reread(url)).toEqual({
      sapOrigins: ["https://my123456.crm.ondemand.com"],
      desktopUrl: "https://desktop.wxcc-us1.cisco.com/",
      desktopOrigins: ["https://desktop.wxcc-us1.cisco.com"],
      format: "json",
      channelIds: {},
      cadFields: {},
    });
  });

  it.each(DATA_CENTERS)("maps data center %s to https://desktop.wxcc-%s.cisco.com/", (dc) => {
    const config = reread(mashupUrl({ ...base, desktop: dc.toUpperCase() }).url);
    expect(config.desktopUrl).toBe(`https://desktop.wxcc-${dc}.cisco.com/`);
  });

  it("round-trips every option through the mashup's parser", () => {
    const { url, config } = mashupUrl({
      ...base,
      sapOrigins: ["https://my123456.crm.ondemand.com, https://my123456-sso.crm.ondemand.com"],
      desktop: "https://desktop.wxcc-eu2.cisco.com/?lang=de",
      desktopOrigins: ["https://shell.wxcc-eu2.cisco.com"],
      format: "XML",
      defaultCountry: "de",
      channels: "whatsapp:Sinch_WhatsApp, sms:SMS_1",
      cad: "Customer Id:Custom_1,Case&Number:Custom_2",
    });
    const q = new URL(url).search;
    // Everything in the query is encoded: no raw separators that SAP or a proxy could re-interpret.
    expect(q.slice(1)).toMatch(/^[A-Za-z0-9=&%+._*-]+$/);
    expect(reread(url)).toEqual(config);
    expect(config).toEqual({
      sapOrigins: ["https://my123456.crm.ondemand.com", "https://my123456-sso.crm.ondemand.com"],
      desktopUrl: "https://desktop.wxcc-eu2.cisco.com/?lang=de",
      desktopOrigins: ["https://desktop.wxcc-eu2.cisco.com", "https://shell.wxcc-eu2.cisco.com"],
      format: "xml",
      defaultCountry: "DE",
      channelIds: { whatsapp: "Sinch_WhatsApp", sms: "SMS_1" },
      cadFields: { "Customer Id": "Custom_1", "Case&Number": "Custom_2" },
    });
  });

  it("alongside topology: desktopOrigin instead of desktopUrl", () => {
    const { url } = mashupUrl({ ...base, desktop: "eu1", alongside: true });
    expect(url).toBe(
      "https://connector.example.com/sap-mashup/index.html?sapOrigin=https%3A%2F%2Fmy123456.crm.ondemand.com&desktopOrigin=https%3A%2F%2Fdesktop.wxcc-eu1.cisco.com",
    );
    const config = reread(url);
    expect(config.desktopUrl).toBeUndefined();
    expect(config.desktopOrigins).toEqual(["https://desktop.wxcc-eu1.cisco.com"]);
  });

  it("followSelection off (docs/contract.md §4)", () => {
    const { url } = mashupUrl({ ...base, followSelection: "OFF" });
    expect(url).toMatch(/&followSelection=off$/);
    expect(reread(url).followSelection).toBe(false);
    expect(errorOf({ ...base, followSelection: "maybe" })).toBe('--follow-selection: "maybe" is not on or off');
  });

  it("a folder URL as base is refused: SAP must open the page itself (issue 12)", () => {
    expect(errorOf({ ...base, base: "https://connector.example.com/sap-mashup/" })).toBe(
      '--base: "https://connector.example.com/sap-mashup/" is a folder: expected the https URL of the mashup page itself, e.g. https://connector.example.com/sap-mashup/index.html',
    );
  });

  it("localhost only with allowLocalhost", () => {
    const local = { ...base, base: "http://localhost:8080/sap-mashup/index.html", sapOrigins: ["http://localhost:9090"], desktop: "http://127.0.0.1:7070/" };
    expect(errorOf(local)).toBe('--base: "http://localhost:8080/sap-mashup/index.html" is not an https URL');
    expect(reread(mashupUrl({ ...local, allowLocalhost: true }).url).sapOrigins).toEqual(["http://localhost:9090"]);
  });

  it.each<[string, Partial<MashupUrlOptions>, string | RegExp]>([
    ["http base", { base: "http://connector.example.com/sap-mashup/index.html" }, '--base: "http://connector.example.com/sap-mashup/index.html" is not an https URL'],
    ["relative base", { base: "sap-mashup/index.html" }, '--base: "sap-mashup/index.html" is not an absolute URL'],
    ["base with a query", { base: "https://connector.example.com/sap-mashup/index.html?x=1" }, /^--base: .* must not have a query or fragment/],
    ["SAP origin with a path", { sapOrigins: ["https://my123456.crm.ondemand.com/sap/"] }, /^--sap-origin: "https:\/\/my123456\.crm\.ondemand\.com\/sap\/" is not an origin/],
    ["SAP origin without scheme", { sapOrigins: ["my123456.crm.ondemand.com"] }, '--sap-origin: "my123456.crm.ondemand.com" is not an origin (expected scheme://host[:port])'],
    ["http SAP origin", { sapOrigins: ["http://my123456.crm.ondemand.com"] }, '--sap-origin: "http://my123456.crm.ondemand.com" is not an https origin'],
    ["no SAP origin", { sapOrigins: [] }, "--sap-origin is missing"],
    ["unknown data center", { desktop: "us9" }, /^--desktop: "us9" is neither a data center \(us1, eu1, eu2, anz1, ca1, jp1, sg1\) nor an https URL$/],
    ["http desktop", { desktop: "http://desktop.wxcc-us1.cisco.com/" }, '--desktop: "http://desktop.wxcc-us1.cisco.com/" is not an https URL'],
    ["no desktop", { desktop: undefined }, /^--desktop is missing/],
    ["format", { format: "csv" }, '--format: "csv" is not json or xml'],
    ["country", { defaultCountry: "XX" }, '--default-country: "XX" is not an ISO 3166 country code'],
    ["channel pair", { channels: "whatsapp" }, '--channels: "whatsapp" is not of the form name:value'],
    ["cad field", { cad: "CustomerId:Custom_9" }, '--cad: "Custom_9" is not one of Custom_1, Custom_2, Custom_3, Custom_4'],
  ])("refuses %s", (_name, change, message) => {
    const msg = errorOf({ ...base, ...change });
    if (typeof message === "string") expect(msg).toBe(message);
    else expect(msg).toMatch(message);
  });
});
