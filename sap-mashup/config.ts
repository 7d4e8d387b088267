/**
 * The mashup's configuration: the query parameters of its URL (contract §4). Pure. A missing or
 * malformed parameter yields an error naming it, and the mashup then sends nothing.
 */
import type { CountryCode } from "libphonenumber-js/core";
import { parseLook, type Look } from "./look";
import { isSupportedCountry } from "./phone";
import { isHttpsOrLoopback, parseOrigin, parseOriginList } from "../channel/origins";
import { CUSTOM_FIELDS, type CustomField, type PayloadConfig } from "./sap-payload";

export interface MashupConfig extends PayloadConfig {
  sapOrigins: readonly string[];
  /** Embedded topology when set; alongside topology (own window) when absent. */
  desktopUrl?: string;
  desktopOrigins: readonly string[];
  format: "json" | "xml";
  /**
   * Sign-out reasons the agent picks from in SAP (`logoutReasons`). Webex accepts only its own fixed
   * reason, so the one chosen is shown in SAP and written to the connector's log. Absent = defaults.
   */
  logoutReasons?: readonly string[];
  /** `check=on`: the page runs the setup check (sap-mashup/check/) instead of the connector. */
  check?: boolean;
  /** `false` when `followSelection=off`: SAP is then not told which conversation the agent selected. Absent = on. */
  followSelection?: boolean;
  /** `theme` and `language` (or SAP's `sap-language`): look.ts. */
  look?: Look;
}

/**
 * `webexInSap` as given, trimmed: "on" or "off" (any case; empty or absent is "off"), or else the
 * value that is neither, for the error that names it (contract §4).
 */
export function webexInSapValue(q: URLSearchParams): string {
  const value = q.get("webexInSap")?.trim() ?? "";
  return /^(on|off|)$/i.test(value) ? value.toLowerCase() || "off" : value;
}

/**
 * Whether the "Webex in SAP" topology's bundle reads this page's URL (main.ts fetches it, the CLI
 * checks with its parser): with `webexInSap=on`, and also when the URL has a `webexInSap` that is
 * not off or any other `webex…` parameter, so that bundle names the mix-up (a bad `webexInSap`
 * value, its parameters without it). This page stays free of its parsing.
 */
export function forWebexInSap(search: string): boolean {
  const q = new URLSearchParams(search);
  return webexInSapValue(q) !== "off" || [...q.keys()].some((name) => name.startsWith("webex") && name !== "webexInSap");
}

export type ConfigResult = { ok: true; config: MashupConfig } | { ok: false; errors: string[] };

function parseDesktopUrl(raw: string): { ok: true; url: string; origin: string } | { ok: false; error: string } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, error: `desktopUrl: "${raw}" is not a URL` };
  }
  // Plain http only for a local sandbox: a real desktop is always https.
  if (!isHttpsOrLoopback(url)) {
    return { ok: false, error: `desktopUrl: "${raw}" must be an https URL` };
  }
  return { ok: true, url: url.href, origin: url.origin };
}

/** `name:value` pairs separated by commas, e.g. `whatsapp:Sinch_WhatsApp,sms:SMS_1`. */
function pairs(raw: string, param: string, errors: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (const part of raw.split(",").map((p) => p.trim()).filter(Boolean)) {
    const i = part.indexOf(":");
    const key = i > 0 ? part.slice(0, i).trim() : "";
    const value = i > 0 ? part.slice(i + 1).trim() : "";
    if (!key || !value) {
      errors.push(`${param}: "${part}" is not of the form name:value`);
      continue;
    }
    out.push([key, value]);
  }
  return out;
}

/**
 * `webexInSap`: true when the "Webex in SAP" topology's bundle reads the parameters it shares
 * with the others (`forWebexInSap`): then no Agent Desktop is needed.
 */
export function parseConfig(search: string, webexInSap = false): ConfigResult {
  const q = new URLSearchParams(search);
  const errors: string[] = [];

  const sap = parseOriginList(q.get("sapOrigin"), "sapOrigin");
  if (!sap.ok) errors.push(sap.error);

  let desktopUrl: string | undefined;
  const desktopOrigins: string[] = [];
  const rawUrl = q.get("desktopUrl");
  if (rawUrl) {
    const d = parseDesktopUrl(rawUrl.trim());
    if (d.ok) {
      desktopUrl = d.url;
      desktopOrigins.push(d.origin);
    } else errors.push(d.error);
  }
  const rawDesktopOrigin = q.get("desktopOrigin");
  if (rawDesktopOrigin) {
    const o = parseOriginList(rawDesktopOrigin, "desktopOrigin");
    if (o.ok) {
      for (const origin of o.origins) if (!desktopOrigins.includes(origin)) desktopOrigins.push(origin);
    } else errors.push(o.error);
  }
  // The setup check (issue 15) talks to SAP only: it needs no Agent Desktop.
  const check = (q.get("check")?.trim() ?? "off").toLowerCase();
  if (check !== "on" && check !== "off") errors.push(`check: "${check}" is not on or off`);
  // The "Webex in SAP" topology frames no desktop (webex-in-sap/webex-config.ts).
  if (!rawUrl && !rawDesktopOrigin && check !== "on" && !webexInSap) errors.push("desktopUrl or desktopOrigin is missing: the mashup does not know which Agent Desktop to trust");

  const format = (q.get("format") ?? "json").trim().toLowerCase();
  if (format !== "json" && format !== "xml") errors.push(`format: "${format}" is not json or xml`);

  let defaultCountry: CountryCode | undefined;
  const country = q.get("defaultCountry");
  if (country) {
    const c = country.trim().toUpperCase();
    if (isSupportedCountry(c)) defaultCountry = c;
    else errors.push(`defaultCountry: "${country}" is not an ISO 3166 country code`);
  }

  const channelIds: Record<string, string> = {};
  const channels = q.get("channels");
  if (channels) {
    for (const [webex, sapId] of pairs(channels, "channels", errors)) {
      if (!/^[A-Za-z0-9_.-]{1,64}$/.test(sapId)) errors.push(`channels: "${sapId}" is not a valid SAP channel id`);
      else channelIds[webex.toLowerCase()] = sapId;
    }
  }

  const cadFields: Record<string, CustomField> = {};
  const cad = q.get("cad");
  if (cad) {
    for (const [variable, field] of pairs(cad, "cad", errors)) {
      const f = CUSTOM_FIELDS.find((c) => c.toLowerCase() === field.toLowerCase());
      if (!f) errors.push(`cad: "${field}" is not one of ${CUSTOM_FIELDS.join(", ")}`);
      else if (Object.values(cadFields).includes(f)) errors.push(`cad: ${f} is mapped twice`);
      else cadFields[variable] = f;
    }
  }

  const follow = (q.get("followSelection")?.trim() || "on").toLowerCase();
  if (follow !== "on" && follow !== "off") errors.push(`followSelection: "${follow}" is not on or off`);

  let logoutReasons: string[] | undefined;
  const rawReasons = q.get("logoutReasons");
  if (rawReasons !== null) {
    const list = [...new Set(rawReasons.split(",").map((r) => r.trim()).filter(Boolean))];
    if (list.length === 0) errors.push("logoutReasons: give at least one reason, separated by commas");
    else if (list.length > 30) errors.push(`logoutReasons: ${list.length} reasons, at most 30`);
    for (const r of list) if (r.length > 100) errors.push(`logoutReasons: "${r.slice(0, 20)}…" is longer than 100 characters`);
    logoutReasons = list;
  }

  const endForm = (q.get("endForm")?.trim() || "updateactivity").toLowerCase();
  if (endForm !== "updateactivity" && endForm !== "direction") errors.push(`endForm: "${endForm}" is not updateactivity or direction`);
  const look = parseLook(search);
  errors.push(...look.errors);

  if (errors.length > 0 || !sap.ok) return { ok: false, errors };
  const config: MashupConfig = { sapOrigins: sap.origins, desktopOrigins, format: format as "json" | "xml", channelIds, cadFields };
  if (desktopUrl) config.desktopUrl = desktopUrl;
  if (defaultCountry) config.defaultCountry = defaultCountry;
  if (logoutReasons) config.logoutReasons = logoutReasons;
  if (follow === "off") config.followSelection = false;
  if (endForm === "direction") config.endForm = "direction";
  if (check === "on") config.check = true;
  if (look.look.theme || look.look.language) config.look = look.look;
  return { ok: true, config };
}

export { parseOrigin };
