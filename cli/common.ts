/**
 * Shared checks of the `wxcc-sap` command line: URLs, origins and Webex data centers. Pure.
 * Every failure is a CliError whose message is one line naming the option and the value.
 */
import { parseOriginList } from "../channel/origins";

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

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

/** http is accepted only for a loopback host and only when the caller allows it (a local sandbox). */
function secureEnough(url: URL, allowLocalhost: boolean): boolean {
  return url.protocol === "https:" || (allowLocalhost && url.protocol === "http:" && LOOPBACK.test(url.hostname));
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
