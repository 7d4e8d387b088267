/**
 * Shared checks of the `wxcc-sap` command line: URLs, origins and Webex data centers. Pure.
 * Every failure is a CliError whose message is one line naming the option and the value.
 */
import { isHttpsOrLoopback, parseOriginList } from "../channel/origins";

export class CliError extends Error {
  constructor(
    message: string,
    /** 1: invalid input; 2: usage (unknown option, missing option). */
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
    this.name = "CliError";
  }
}

/** Webex Contact Center data centers whose Agent Desktop is https://desktop.wxcc-<dc>.cisco.com/ */
export const DATA_CENTERS = ["us1", "eu1", "eu2", "anz1", "ca1", "jp1", "sg1"] as const;
export type DataCenter = (typeof DATA_CENTERS)[number];

export function desktopUrlFor(dc: DataCenter): string {
  return `https://desktop.wxcc-${dc}.cisco.com/`;
}

/** http is accepted only for a loopback host and only when the caller allows it (a local sandbox). */
function secureEnough(url: URL, allowLocalhost: boolean): boolean {
  return url.protocol === "https:" || (allowLocalhost && isHttpsOrLoopback(url));
}

/** An absolute https URL (http on a loopback host too when allowLocalhost). */
export function httpsUrl(raw: string, option: string, allowLocalhost = false): URL {
  const text = raw.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new CliError(`${option}: "${text}" is not an absolute URL`);
  }
  if (!secureEnough(url, allowLocalhost)) throw new CliError(`${option}: "${text}" is not an https URL`);
  if (url.username || url.password) throw new CliError(`${option}: "${text}" must not contain credentials`);
  return url;
}

/**
 * One or more exact origins, given as repeated options and/or separated by commas or spaces.
 * Returns them serialised the way browsers do (the form `MessageEvent.origin` has), without duplicates.
 */
export function originList(values: readonly string[] | undefined, option: string, allowLocalhost = false): string[] {
  const parsed = parseOriginList((values ?? []).join(" "), option);
  if (!parsed.ok) throw new CliError(parsed.error);
  for (const origin of parsed.origins) {
    if (!secureEnough(new URL(origin), allowLocalhost)) throw new CliError(`${option}: "${origin}" is not an https origin`);
  }
  return [...parsed.origins];
}

/** `us1` … `sg1`, or the URL of the Agent Desktop itself. */
export function resolveDesktop(raw: string, option: string, allowLocalhost = false): { url: string; origin: string } {
  const text = raw.trim();
  const dc = DATA_CENTERS.find((d) => d === text.toLowerCase());
  if (dc) {
    const url = desktopUrlFor(dc);
    return { url, origin: new URL(url).origin };
  }
  if (!/^[a-z][a-z0-9+.-]*:/i.test(text)) {
    throw new CliError(`${option}: "${text}" is neither a data center (${DATA_CENTERS.join(", ")}) nor an https URL`);
  }
  const url = httpsUrl(text, option, allowLocalhost);
  return { url: url.href, origin: url.origin };
}

/** The last segment of a URL's path ("" for a folder such as `/sap-mashup/`). */
function fileName(url: URL): string {
  return url.pathname.slice(url.pathname.lastIndexOf("/") + 1);
}

/**
 * The https URL of a file the tool points at, refusing a folder: the desktop loads `widget.js` by
 * exactly this URL, and SAP opens the mashup page by exactly this URL with the tool's query
 * appended (a folder would rely on the host's index and redirect rules keeping that query).
 */
export function fileUrl(raw: string, option: string, file: { pattern: RegExp; what: string; example: string }, allowLocalhost = false): URL {
  const url = httpsUrl(raw, option, allowLocalhost);
  const name = fileName(url);
  if (!file.pattern.test(name)) {
    const found = name === "" ? "a folder" : `not ${file.what}`;
    throw new CliError(`${option}: "${raw.trim()}" is ${found}: expected the https URL of ${file.what} itself, e.g. ${file.example}`);
  }
  return url;
}

export const WIDGET_FILE = { pattern: /\.js$/i, what: "the widget script", example: "https://connector.example.com/widget.js" };
export const MASHUP_PAGE = { pattern: /\.html?$/i, what: "the mashup page", example: "https://connector.example.com/sap-mashup/index.html" };

/**
 * A caller id for click-to-dial (`origin` of Webex's outdial request). Webex keeps outdial caller
 * ids as phone numbers in its Outdial ANI list (docs/reference/webex-desktop.md §5.2):
 * E.164 (`+14155550100`) or the digits of a dial number (`4155550100`). Spaces, hyphens, dots and
 * brackets between digits are dropped, so "+1 (415) 555-0100" becomes "+14155550100".
 */
export function outdialAni(raw: string, option: string): string {
  const text = raw.trim();
  const compact = text.replace(/[\s().-]/g, "");
  if (/^\+[1-9][0-9]{1,14}$/.test(compact) || /^[0-9]{3,15}$/.test(compact)) return compact;
  throw new CliError(
    `${option}: "${text}" is not a phone number: expected E.164 (+ then up to 15 digits, e.g. +14155550100) ` +
      "or a dial number of 3-15 digits (e.g. 4155550100), as in Webex's Outdial ANI list",
  );
}

/**
 * `name:value` pairs given in one or more options, separated by commas and/or spaces, joined with
 * commas (the form the mashup reads). A value ends at the first space or comma; a name may hold
 * spaces (a call variable "Customer Id") when `namesWithSpaces`, else a space separates pairs.
 */
export function pairList(values: readonly string[], option: string, namesWithSpaces: boolean): string {
  const pairs: string[] = [];
  for (const part of values.join(",").split(",").map((p) => p.trim()).filter(Boolean)) {
    let rest = part;
    while (rest !== "") {
      const m = /^([^:]+?)\s*:\s*([^\s:]\S*)(?:\s+|$)/.exec(rest);
      const name = m?.[1]?.trim() ?? "";
      if (!m || name === "" || (!namesWithSpaces && /\s/.test(name))) {
        const bad = namesWithSpaces ? rest : (rest.split(/\s+/)[0] ?? rest);
        throw new CliError(`${option}: "${bad}" is not of the form name:value`);
      }
      pairs.push(`${name}:${m[2]}`);
      rest = rest.slice(m[0].length);
    }
  }
  if (pairs.length === 0) throw new CliError(`${option} needs a value`, 2);
  return pairs.join(",");
}
