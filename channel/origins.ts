/**
 * Exact origins (scheme://host[:port]) as admins write them in the layout JSON and the mashup URL.
 * An origin here is compared byte for byte with `MessageEvent.origin`, so it is normalised the
 * way browsers serialise origins (lower-case host, default port dropped, no trailing slash).
 */
export type OriginList = readonly string[];

export type OriginParse = { ok: true; origins: OriginList } | { ok: false; error: string };

/**
 * https, or plain http on a loopback host (localhost, 127.x.x.x, [::1]): what a configured URL may
 * be, plain http only ever for a local sandbox.
 */
export function isHttpsOrLoopback(url: URL): boolean {
  return url.protocol === "https:" || (url.protocol === "http:" && /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/.test(url.hostname));
}

/** Parses one origin; returns its serialised form or an error naming the value. */
export function parseOrigin(raw: string): { ok: true; origin: string } | { ok: false; error: string } {
  const text = raw.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, error: `"${text}" is not an origin (expected scheme://host[:port])` };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return { ok: false, error: `"${text}" is not an http(s) origin` };
  }
  // An origin has no path, query, fragment or credentials; "https://host/" is tolerated as the same origin.
  if ((url.pathname !== "/" && url.pathname !== "") || url.search || url.hash || url.username || url.password|| /[?#]/.test(text)) {
    return { ok: false, error: `"${text}" is not an origin: it has a path, query or credentials` };
  }
  // The URL parser is lenient ("https:host", "https:///host", "https://host/."): an admin's value
  // must be literally scheme://host[:port] so what is configured is what gets compared.
  if (!/^https?:\/\/[^/?#\\@\s]+\/?$/i.test(text)) {
    return { ok: false, error: `"${text}" is not an origin (expected scheme://host[:port])` };
  }
  // Browsers never report a wildcard origin, so such an entry would silently match nothing.
  if (url.hostname.includes("*")) return { ok: false, error: `"${text}": wildcards are not supported; list each origin` };
  return { ok: true, origin: url.origin };
}

/** Parses a list separated by commas and/or white space. An empty list is an error. */
export function parseOriginList(raw: string | null | undefined, name: string): OriginParse {
  const parts = (raw ?? "").split(/[\s,]+/).filter(Boolean);
  if (parts.length === 0) return { ok: false, error: `${name} is missing` };
  const origins: string[] = [];
  for (const part of parts) {
    const r = parseOrigin(part);
    if (!r.ok) return { ok: false, error: `${name}: ${r.error}` };
    if (!origins.includes(r.origin)) origins.push(r.origin);
  }
  return { ok: true, origins };
}
