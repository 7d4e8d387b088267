/** The mashup's URL parameters (contract §4 plus issue 3's defaultCountry, channels, cad, followSelection). */
import { parseConfig } from "../../sap-mashup/config";

const BASE = "?sapOrigin=https://my1.crm.ondemand.com&desktopUrl=https://desktop.wxcc-us1.cisco.com/";
const ok = (extra = "") => {
  const r = parseConfig(BASE + extra);
  if (!r.ok) throw new Error(r.errors.join("; "));
  return r.config;
};
const errors = (extra: string) => {
  const r = parseConfig(BASE + extra);
  return r.ok ? [] : r.errors;
};

test("defaults: JSON, no mappings, follow selection on", () => {
  expect(ok()).toEqual({
    sapOrigins: ["https://my1.crm.ondemand.com"],
    desktopUrl: "https://desktop.wxcc-us1.cisco.com/",
    desktopOrigins: ["https://desktop.wxcc-us1.cisco.com"],
    format: "json",
    channelIds: {},
    cadFields: {},
  });
});

describe("defaultCountry", () => {
  test("an ISO code, any case", () => expect(ok("&defaultCountry=de").defaultCountry).toBe("DE"));
  test("anything else is an error naming the parameter", () => expect(errors("&defaultCountry=XX")).toEqual(['defaultCountry: "XX" is not an ISO 3166 country code']));
  test("checked at start without libphonenumber-js, which the page loads only on demand (sap-mashup/phone.ts)", () => {
    jest.isolateModules(() => {
      jest.doMock("libphonenumber-js/core", () => {
        throw new Error("libphonenumber-js was loaded to check the configuration");
      });
      const isolated = (require("../../sap-mashup/config") as typeof import("../../sap-mashup/config")).parseConfig;
      const de = isolated(BASE + "&defaultCountry=de");
      expect(de.ok && de.config.defaultCountry).toBe("DE");
      expect(isolated(BASE + "&defaultCountry=XX")).toEqual({ ok: false, errors: ['defaultCountry: "XX" is not an ISO 3166 country code'] });
    });
    jest.dontMock("libphonenumber-js/core");
  });
});

describe("channels", () => {
  test("webexChannel:SapChannelId pairs; Webex names lower-cased, SAP ids kept", () => {
    expect(ok("&channels=" + encodeURIComponent("WhatsApp:Sinch_WhatsApp, sms:SMS.1 ,facebook:FB-2")).channelIds).toEqual({ whatsapp: "Sinch_WhatsApp", sms: "SMS.1", facebook: "FB-2" });
  });
  test.each([
    ["whatsapp", ['channels: "whatsapp" is not of the form name:value']],
    [":Sinch", ['channels: ":Sinch" is not of the form name:value']],
    ["whatsapp:", ['channels: "whatsapp:" is not of the form name:value']],
    ["whatsapp:Sinch WhatsApp", ['channels: "Sinch WhatsApp" is not a valid SAP channel id']],
    ["whatsapp:" + "x".repeat(65), [`channels: "${"x".repeat(65)}" is not a valid SAP channel id`]],
  ])("%s → error", (value, expected) => expect(errors("&channels=" + encodeURIComponent(value))).toEqual(expected));
  test("an empty value means no mapping", () => expect(ok("&channels=").channelIds).toEqual({}));
});

describe("cad", () => {
  test("variable:Custom_n pairs, field names case-insensitive", () => {
    expect(ok("&cad=Case_Number:custom_1,CustomerId:CUSTOM_4").cadFields).toEqual({ Case_Number: "Custom_1", CustomerId: "Custom_4" });
  });
  test.each([
    ["Case:Custom_0", ['cad: "Custom_0" is not one of Custom_1, Custom_2, Custom_3, Custom_4']],
    ["Case:Custom_5", ['cad: "Custom_5" is not one of Custom_1, Custom_2, Custom_3, Custom_4']],
    ["A:Custom_1,B:custom_1", ["cad: Custom_1 is mapped twice"]],
    ["Case", ['cad: "Case" is not of the form name:value']],
  ])("%s → error", (value, expected) => expect(errors("&cad=" + value)).toEqual(expected));
});

describe("followSelection", () => {
  test.each(["on", "ON", " on ", ""])("%j → on (absent field)", (v) => expect(ok("&followSelection=" + encodeURIComponent(v)).followSelection).toBeUndefined());
  test.each(["off", "Off"])("%j → off", (v) => expect(ok("&followSelection=" + v).followSelection).toBe(false));
  test.each(["yes", "0", "of"])("%j → error naming the parameter", (v) => expect(errors("&followSelection=" + v)).toEqual([`followSelection: "${v}" is not on or off`]));
});

test("several errors are all reported, and nothing else is returned", () => {
  const r = parseConfig(BASE + "&format=csv&defaultCountry=ZZ&channels=x&cad=a:b&followSelection=maybe");
  expect(r).toEqual({
    ok: false,
    errors: [
      'format: "csv" is not json or xml',
      'defaultCountry: "ZZ" is not an ISO 3166 country code',
      'channels: "x" is not of the form name:value',
      'cad: "b" is not one of Custom_1, Custom_2, Custom_3, Custom_4',
      'followSelection: "maybe" is not on or off',
    ],
  });
});

describe("endForm (issue 15: the END form the setup check proves)", () => {
  test("absent or updateactivity: the default, nothing set", () => {
    expect(ok().endForm).toBeUndefined();
    expect(ok("&endForm=UpdateActivity").endForm).toBeUndefined();
  });
  test("direction", () => expect(ok("&endForm=direction").endForm).toBe("direction"));
  test("anything else is an error naming the parameter", () => expect(errors("&endForm=inbound")).toEqual(['endForm: "inbound" is not updateactivity or direction']));
});

describe("check (issue 15: the setup check)", () => {
  const SAP_ONLY = "?sapOrigin=https://my1.crm.ondemand.com";
  test("check=on needs only sapOrigin: the check talks to SAP alone", () => {
    const r = parseConfig(`${SAP_ONLY}&check=on`);
    expect(r.ok && r.config).toEqual({ sapOrigins: ["https://my1.crm.ondemand.com"], desktopOrigins: [], format: "json", channelIds: {}, cadFields: {}, check: true });
  });
  test("without sapOrigin the check is a configuration error too: it posts nothing", () => {
    expect(parseConfig("?check=on")).toEqual({ ok: false, errors: ["sapOrigin is missing"] });
  });
  test("off or absent: the connector as usual, which needs the desktop", () => {
    expect(parseConfig(`${SAP_ONLY}&check=off`).ok).toBe(false);
    expect(ok("&check=off").check).toBeUndefined();
  });
  test("anything else names the parameter", () => expect(errors("&check=yes")).toEqual(['check: "yes" is not on or off']));
});

describe("theme and language (issue 11)", () => {
  test("kept in the configuration when given", () => {
    expect(ok("&theme=sap_horizon_hcb&language=ja").look).toEqual({ theme: "sap_horizon_hcb", language: "ja" });
    expect(ok("&sap-language=D").look).toEqual({ language: "de" });
    expect(ok().look).toBeUndefined();
  });
  test("an unknown theme or language is a configuration error naming the parameter and the value", () => {
    expect(errors("&theme=sap_fiori_3_dark")).toEqual(['theme: "sap_fiori_3_dark" is not one of sap_horizon, sap_horizon_dark, sap_horizon_hcb, sap_horizon_hcw']);
    expect(errors("&sap-language=XX")).toEqual(['sap-language: "XX" is not a language the connector speaks (en, de, fr, es, it, pt-BR, nl, ja, zh-CN)']);
  });
});
