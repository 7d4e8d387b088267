/**
 * The service catalog (U2C) stand-in. The Webex JS SDK asks for it twice after `ready`: the
 * pre-auth catalog `GET {u2c}/limited/catalog?orgId=…&format=hostmap` and the post-auth one
 * `GET {u2c}/catalog?format=hostmap`; both answer `{serviceLinks, hostCatalog}` and every later
 * `webex.request({service})` resolves its URL from `serviceLinks` (docs/reference/webex-cc-sdk.md §2).
 * Every service points at the sandbox's emulated cloud.
 */

/** Names of the services the sandbox serves: the Contact Center API gateway and what the SDK's core asks for. */
export const SERVICES = ["wcc-api-gateway", "u2c", "hydra", "identity", "idbroker", "metrics", "clientLogs", "feature"] as const;

/** The hostmap answer for a cloud at `base` (e.g. http://127.0.0.1:8080/webex). */
export function hostmap(base: string): { serviceLinks: Record<string, string>; hostCatalog: Record<string, { host: string; ttl: number; priority: number; id: string }[]>; format: string } {
  // Keyed by host with port (what the SDK looks up); each entry names the host alone, as the SDK
  // puts the entry's host back into the service URL, keeping the URL's port.
  const { host, hostname } = new URL(base);
  const links: Record<string, string> = {};
  for (const s of SERVICES) links[s] = s === "u2c" ? `${base}/u2c/api/v1` : s === "wcc-api-gateway" ? `${base}/` : `${base}/svc/${s}`;
  return {
    serviceLinks: links,
    hostCatalog: { [host]: [{ host: hostname, ttl: -1, priority: 5, id: "urn:TEAM:sandbox_loopback:sandbox" }] },
    format: "hostmap",
  };
}
