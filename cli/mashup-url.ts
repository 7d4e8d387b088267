/**
 * The URL the SAP admin pastes as the CTI provider / widget URL: the mashup page with its
 * configuration in the query (contract §4). Pure. The result is checked by the mashup's own
 * parser (sap-mashup/config.ts), so what this prints is exactly what the mashup will accept.
 */
import { forWebexInSap, parseConfig, type MashupConfig } from "../sap-mashup/config";
import { parseWebexInSapPage } from "../sap-mashup/webex-in-sap/webex-config";
import { CliError, fileUrl, MASHUP_PAGE, originList, pairList, resolveDesktop } from "./common";

export interface MashupUrlOptions {
  /** https URL of dist/sap-mashup/index.html itself (a folder is refused). */
  base: string;
  sapOrigins: readonly string[];
  /** Data center code or Agent Desktop URL; absent only with desktopOrigins (alongside topology). */
  desktop?: string;
  /** Alongside topology: the mashup opens the Desktop in its own window instead of framing it. */
  alongside?: boolean;
  /** Extra origins the widget's messages may come from (contract §4 `desktopOrigin`). */
  desktopOrigins?: readonly string[];
  format?: string;
  defaultCountry?: string;
  /** `webexChannel:SapChannelId` pairs, separated by commas or spaces, in one or more strings. */
  channels?: string | readonly string[];
  /** `cadVariable:Custom_n` pairs, separated by commas or spaces, in one or more strings. */
  cad?: string | readonly string[];
  /** Sign-out reasons offered in SAP, one per string or separated by commas (a reason may hold spaces). */
  logoutReasons?: readonly string[];
  /** `on` (the mashup's default) or `off`: whether SAP follows the conversation the agent selects. */
  followSelection?: string;
  allowLocalhost?: boolean;
  /** The setup check's URL (`check=on`): the same configuration, so its recommendation is complete. */
  check?: boolean;
  /** The "Webex in SAP" topology (`webexInSap=on`): no Agent Desktop, Cisco's widgets in SAP's pane. */
  webexInSap?: boolean;
  /** The admin's Webex Integration client id (`webexClientId`), needed with `webexInSap`. */
  webexClientId?: string;
  /** With `webexInSap`: the Agent Desktop (a data center such as us1, or an origin) the same agents may also use (`webexDesktopOrigin`, contract §7.1). */
  webexDesktop?: readonly string[];
}

export interface MashupUrlResult {
  url: string;
  config: MashupConfig;
}

export function mashupUrl(o: MashupUrlOptions): MashupUrlResult {
  const local = o.allowLocalhost ?? false;
  const base = fileUrl(o.base, "--base", MASHUP_PAGE, local);
  if (base.search || base.hash || o.base.includes("?") || o.base.includes("#")) {
    throw new CliError(`--base: "${o.base}" must not have a query or fragment (the tool writes the query)`);
  }
  const sap = originList(o.sapOrigins, "--sap-origin", local);
  const extra = o.desktopOrigins && o.desktopOrigins.length > 0 ? originList(o.desktopOrigins, "--desktop-origin", local) : [];

  const q = new URLSearchParams();
  q.set("sapOrigin", sap.join(","));
  const desktopOrigins = [...extra];
  if (o.webexInSap) {
    // No Agent Desktop in this topology: any desktop option is passed on for the mashup's parser to name.
    q.set("webexInSap", "on");
    if (o.webexClientId === undefined) throw new CliError("--webex-client-id is missing: the Webex Integration's client id, needed to sign in");
    if (o.alongside) throw new CliError("--alongside: not used with --webex-in-sap, which runs without the Agent Desktop; remove it");
    if (o.desktop !== undefined) q.set("desktopUrl", resolveDesktop(o.desktop, "--desktop", local).url);
    if (o.webexDesktop && o.webexDesktop.length > 0) q.set("webexDesktopOrigin", [...new Set(o.webexDesktop.map((d) => resolveDesktop(d, "--webex-desktop", local).origin))].join(","));
  } else if (o.webexDesktop && o.webexDesktop.length > 0) {
    throw new CliError("--webex-desktop: only with --webex-in-sap (the Agent Desktop the pane's agents may also use)");
  } else if (o.desktop !== undefined) {
    const d = resolveDesktop(o.desktop, "--desktop", local);
    if (o.alongside) desktopOrigins.unshift(d.origin);
    else q.set("desktopUrl", d.url);
  } else if (o.alongside && extra.length === 0) {
    throw new CliError("--alongside needs --desktop (or --desktop-origin): the mashup must know which Agent Desktop to open");
  } else if (extra.length === 0) {
    throw new CliError("--desktop is missing (a data center such as us1, or the Agent Desktop URL)");
  }
  const unique = [...new Set(desktopOrigins)];
  if (unique.length > 0) q.set("desktopOrigin", unique.join(","));
  if (o.webexClientId !== undefined) q.set("webexClientId", o.webexClientId.trim());
  if (o.format !== undefined) {
    const f = o.format.trim().toLowerCase();
    if (f !== "json" && f !== "xml") throw new CliError(`--format: "${o.format}" is not json or xml`);
    q.set("format", f);
  }
  if (o.defaultCountry !== undefined) q.set("defaultCountry", o.defaultCountry.trim().toUpperCase());
  const asList = (v: string | readonly string[]) => (typeof v === "string" ? [v] : v);
  if (o.channels !== undefined) q.set("channels", pairList(asList(o.channels), "--channels", false));
  if (o.cad !== undefined) q.set("cad", pairList(asList(o.cad), "--cad", true));
  if (o.logoutReasons !== undefined) q.set("logoutReasons", o.logoutReasons.flatMap((r) => r.split(",")).map((r) => r.trim()).filter(Boolean).join(","));
  if (o.followSelection !== undefined) q.set("followSelection", o.followSelection.trim().toLowerCase());
  if (o.check) q.set("check", "on");

  const url = `${base.href}?${q.toString()}`;
  // The check: the mashup's own parser, on the query exactly as the browser will see it.
  const search = new URL(url).search;
  // A Webex in SAP URL is read by that topology's bundle (webex-config.ts), as main.ts does.
  const parsed = forWebexInSap(search) ? parseWebexInSapPage(search) : parseConfig(search);
  if (!parsed.ok) throw new CliError(parsed.errors.map(asOption).join("; "));
  return { url, config: parsed.config };
}

const OPTION_OF: Record<string, string> = {
  sapOrigin: "--sap-origin",
  desktopUrl: "--desktop",
  desktopOrigin: "--desktop-origin",
  format: "--format",
  defaultCountry: "--default-country",
  channels: "--channels",
  cad: "--cad",
  followSelection: "--follow-selection",
  logoutReasons: "--logout-reason",
  webexInSap: "--webex-in-sap",
  webexClientId: "--webex-client-id",
  webexDesktopOrigin: "--webex-desktop",
  check: "check-url",
};

/** The mashup's error names its URL parameter; the admin typed the option. */
function asOption(error: string): string {
  const name = /^(\w+):/.exec(error)?.[1] ?? "";
  const option = OPTION_OF[name];
  return option ? `${option}${error.slice(name.length)}` : error;
}
