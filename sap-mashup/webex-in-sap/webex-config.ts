/**
 * The URL parameters of the "Webex in SAP" topology (contract §4.2): `webexInSap=on` selects it,
 * `webexClientId`, `webexAuthBase`, `webexDiscovery` and `webexHydra` configure the sign-in and the
 * Webex CC SDK.
 * Pure. Read by the topology's own bundle, not by the page of the other topologies (main.ts only
 * recognises a URL that is this topology's, or names its parameters without `webexInSap=on`, and
 * hands it to this bundle, config.ts `forWebexInSap`): that page does not grow. A bad value, or
 * one of these parameters without `webexInSap=on`, is named in the pane as the page's own
 * configuration errors are.
 */
import { isHttpsOrLoopback, parseOriginList } from "../../channel/origins";
import { parseConfig, webexInSapValue, type MashupConfig } from "../config";

/** Webex's identity service; `<authBase>/authorize` and `<authBase>/access_token` (docs/reference/webex-sign-in.md §1). */
export const WEBEX_AUTH_BASE = "https://webexapis.com/v1";

/**
 * The scopes the sign-in asks for: the contact-center ones the Webex CC SDK needs (configuration
 * and agent operations) and `spark:kms`, which the Webex SDK asks for when it starts
 * (docs/reference/webex-sign-in.md §3). The Integration must have at least these.
 */
export const WEBEX_SCOPES = ["cjp:config", "cjp:config_read", "cjp:config_write", "cjp:user", "spark:kms"] as const;

export interface WebexInSapConfig {
  /** The admin's Webex Integration (OAuth client) id. */
  clientId: string;
  /** Where `/authorize` and `/access_token` live, without a trailing slash. */
  authBase: string;
  /** The Webex CC SDK's service-discovery (U2C) URL, when not Webex's own. */
  discoveryUrl?: string;
  /** The Webex SDK's Webex API (hydra) URL, when not Webex's own. */
  hydraUrl?: string;
  /**
   * `webexDesktopOrigin`: the Agent Desktop the same agents may also use in another SAP tab
   * (embedded or alongside). The pane then joins those tabs' coordination (tab-ownership.ts): one
   * of them posts to SAP. Absent: the pane owns its pops alone.
   */
  desktopOrigins?: readonly string[];
}

/** An https URL (http only on a loopback host, for the local sandbox), no query, fragment or credentials. */
function serviceUrl(raw: string, param: string, errors: string[]): string | undefined {
  const text = raw.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    errors.push(`${param}: "${text}" is not a URL`);
    return undefined;
  }
  if (!isHttpsOrLoopback(url)) {
    errors.push(`${param}: "${text}" must be an https URL`);
    return undefined;
  }
  if (url.search || url.hash || url.username || url.password || /[?#]/.test(text)) {
    errors.push(`${param}: "${text}" must have no query, fragment or credentials`);
    return undefined;
  }
  return url.href.replace(/\/+$/, "");
}

/**
 * Reads this topology's parameters from `q` (the page's query, `webexInSap=on` already recognised
 * by main.ts). Errors name the parameter, in config.ts's form (`<parameter>: <reason>`); with
 * any, nothing is returned.
 */
export function parseWebexInSap(q: URLSearchParams, errors: string[]): WebexInSapConfig | undefined {
  const before = errors.length;
  // Webex in SAP frames no Agent Desktop and opens none: a desktop parameter means the admin
  // mixed two topologies, and guessing which one was meant would hide the mistake.
  for (const p of ["desktopUrl", "desktopOrigin"]) if (q.get(p) !== null) errors.push(`${p}: not used with webexInSap=on, which runs without the Agent Desktop; remove it`);
  if ((q.get("check") ?? "").trim().toLowerCase() === "on") errors.push("check: the setup check runs without webexInSap=on; remove one of them");

  const rawId = q.get("webexClientId");
  let clientId: string | undefined;
  if (rawId === null || rawId.trim() === "") errors.push("webexClientId is missing: the Webex Integration's client id, needed to sign in");
  else if (!/^[A-Za-z0-9_.-]{8,128}$/.test(rawId.trim())) errors.push(`webexClientId: "${rawId.trim()}" is not a Webex Integration client id`);
  else clientId = rawId.trim();

  const rawBase = q.get("webexAuthBase");
  const authBase = rawBase === null ? WEBEX_AUTH_BASE : serviceUrl(rawBase, "webexAuthBase", errors);
  const rawDiscovery = q.get("webexDiscovery");
  const discoveryUrl = rawDiscovery === null ? undefined : serviceUrl(rawDiscovery, "webexDiscovery", errors);
  const rawHydra = q.get("webexHydra");
  const hydraUrl = rawHydra === null ? undefined : serviceUrl(rawHydra, "webexHydra", errors);

  const rawDesktop = q.get("webexDesktopOrigin");
  const desktop = rawDesktop === null ? undefined : parseOriginList(rawDesktop, "webexDesktopOrigin");
  if (desktop && !desktop.ok) errors.push(desktop.error);

  if (errors.length > before || !clientId || !authBase) return undefined;
  const config: WebexInSapConfig = { clientId, authBase };
  if (desktop?.ok) config.desktopOrigins = desktop.origins;
  if (discoveryUrl) config.discoveryUrl = discoveryUrl;
  if (hydraUrl) config.hydraUrl = hydraUrl;
  return config;
}

/** The page's whole configuration in this topology: config.ts's, with this topology's settings. */
export interface WebexInSapPageConfig extends MashupConfig {
  webex: WebexInSapConfig;
}

/**
 * The page's parameters as this topology reads them: config.ts's checks, then this topology's
 * (each error naming its parameter). What the bundle runs on, and what the CLI checks a URL with.
 * main.ts hands this bundle also a page whose `webexInSap` is not `on` but that has `webex…`
 * parameters (config.ts `forWebexInSap`): such a URL mixes two topologies, and each of those
 * parameters is named, with the other topologies' own errors.
 */
export function parseWebexInSapPage(search: string): { ok: true; config: WebexInSapPageConfig } | { ok: false; errors: string[] } {
  const q = new URLSearchParams(search);
  const topology = webexInSapValue(q);
  const on = topology === "on";
  // The shared parameters' errors and this topology's together: the admin fixes the URL once.
  const page = parseConfig(search, on);
  const errors = page.ok ? [] : [...page.errors];
  if (!on) {
    if (topology !== "off") errors.push(`webexInSap: "${topology}" is not on or off`);
    for (const name of new Set(q.keys())) if (name.startsWith("webex") && name !== "webexInSap") errors.push(`${name}: only read with webexInSap=on (the "Webex in SAP" topology)`);
    return { ok: false, errors: errors.length > 0 ? errors : ["webexInSap: not on; this page is the \"Webex in SAP\" topology's"] };
  }
  const webex = parseWebexInSap(q, errors);
  if (!page.ok || !webex) return { ok: false, errors };
  return { ok: true, config: { ...page.config, webex } };
}
