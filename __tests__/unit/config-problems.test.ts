/**
 * Issue 11: every configuration error the mashup can report is shown in the pane's language as
 * the setting and the value given (the exact English reason goes to the console).
 */
import { parseConfig } from "../../sap-mashup/config";
import { configProblem } from "../../sap-mashup/config-problems";
import { english } from "../../sap-mashup/i18n/localize";

const BASE = "?sapOrigin=https://my1.crm.ondemand.com&desktopUrl=https://desktop.wxcc-us1.cisco.com/";
const shown = (query: string) => {
  const r = parseConfig(query);
  return r.ok ? [] : r.errors.map((e) => configProblem(e)).map((p) => english(p.id, ...p.args));
};

test.each([
  ["?desktopUrl=https://d.example/", ["The setting “sapOrigin” is missing."]],
  ["?sapOrigin=https://my1.crm.ondemand.com", ["The setting “desktopUrl or desktopOrigin” is missing."]],
  ["?sapOrigin=my1&desktopUrl=https://d.example/", ["The setting “sapOrigin” has a value the connector cannot use: “my1”."]],
  ["?sapOrigin=https://s.example&desktopUrl=nope", ["The setting “desktopUrl” has a value the connector cannot use: “nope”."]],
  ["?sapOrigin=https://s.example&desktopUrl=http://d.example/", ["The setting “desktopUrl” has a value the connector cannot use: “http://d.example/”."]],
  [`${BASE}&format=yaml`, ["The setting “format” has a value the connector cannot use: “yaml”."]],
  [`${BASE}&defaultCountry=XX`, ["The setting “defaultCountry” has a value the connector cannot use: “XX”."]],
  [`${BASE}&channels=whatsapp`, ["The setting “channels” has a value the connector cannot use: “whatsapp”."]],
  [`${BASE}&channels=whatsapp:bad id`, ["The setting “channels” has a value the connector cannot use: “bad id”."]],
  [`${BASE}&cad=a:Custom_9`, ["The setting “cad” has a value the connector cannot use: “Custom_9”."]],
  [`${BASE}&cad=a:Custom_1,b:Custom_1`, ["The setting “cad” has a value the connector cannot use."]],
  [`${BASE}&followSelection=maybe`, ["The setting “followSelection” has a value the connector cannot use: “maybe”."]],
  [`${BASE}&logoutReasons=,`, ["The setting “logoutReasons” has a value the connector cannot use."]],
  [`${BASE}&theme=sap_fiori_3`, ["The setting “theme” has a value the connector cannot use: “sap_fiori_3”."]],
  [`${BASE}&language=xx`, ["The setting “language” has a value the connector cannot use: “xx”."]],
  [`${BASE}&sap-language=xx`, ["The setting “sap-language” has a value the connector cannot use: “xx”."]],
])("%s", (query, expected) => {
  expect(shown(query)).toEqual(expected);
});
