/**
 * The URL the SAP admin pastes as the CTI provider / widget URL: the mashup page with its
 * configuration in the query (contract §4). Pure. The result is checked by the mashup's own
 * parser (sap-mashup/config.ts), so what this prints is exactly what the mashup will accept.
 */
import { parseConfig, type MashupConfig } from "../sap-mashup/config";
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
  if (o.desktop !== undefined) {
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
  const parsed = parseConfig(new URL(url).search);
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
};

/** The mashup's error names its URL parameter; the admin typed the option. */
function asOption(error: string): string {
  const name = /^(\w+):/.exec(error)?.[1] ?? "";
  const option = OPTION_OF[name];
  return option ? `${option}${error.slice(name.length)}` : error;
}
