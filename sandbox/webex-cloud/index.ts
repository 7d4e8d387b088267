/**
 * The emulated Webex Contact Center cloud: another face of the sandbox's one contact-center
 * simulation, speaking the APIs the real `@webex/contact-center` SDK calls (docs/reference/webex-cc-sdk.md).
 * Mounted under `/webex` on the sandbox's SAP origin:
 *
 *   /webex/u2c/api/v1/limited/catalog, /catalog   service catalog (./catalog.ts)
 *   /webex/v1/authorize, /webex/v1/access_token   identity stand-in (./identity.ts)
 *   /webex/organization/{orgId}/…                 agent and tenant configuration (./config-api.ts)
 *   /webex/v1/notification/subscribe, /webex/notifs/{id}  notification socket (./notifications.ts)
 *   /webex/v1/agents/…, /webex/v1/tasks/…         agent and task actions (./actions.ts)
 *   /webex/svc/{service}/…                        what else the SDK's core sends (metrics, log upload): accepted, dropped
 *   /webex/sandbox/revoke                         sandbox control: revoke every token of an agent
 *
 * The SDK is pointed here only through its own configuration: `services.discovery.u2c` and
 * `services.allowedDomains` (see `sdkConfig`).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import type { ContactCenter } from "../desktop-host/contact-center";
import type { SandboxAgent, TraceEntry } from "../hub";
import { Actions, type LogoutRecord } from "./actions";
import { hostmap } from "./catalog";
import { configResource } from "./config-api";
import { bearer, cors, readBody, send, unauthorized } from "./http";
import { Identity } from "./identity";
import { Notifications } from "./notifications";
import { TokenStore } from "./tokens";

export const CLOUD_PREFIX = "/webex";

/** The Webex SDK configuration that points it at a sandbox cloud at `origin` (only the SDK's own options). */
export function sdkConfig(origin: string): { services: { discovery: { u2c: string; hydra: string }; allowedDomains: string[] } } {
  const base = origin + CLOUD_PREFIX;
  return { services: { discovery: { u2c: `${base}/u2c/api/v1`, hydra: `${base}/svc/hydra` }, allowedDomains: [new URL(origin).hostname] } };
}

export class WebexCloud {
  readonly tokens: TokenStore;
  readonly notifications: Notifications;
  readonly actions: Actions;
  private readonly identity: Identity;

  constructor(private readonly cc: ContactCenter, private readonly agents: readonly SandboxAgent[], private readonly addTrace: (t: TraceEntry) => void) {
    this.tokens = new TokenStore(cc.orgId);
    this.identity = new Identity(this.tokens, () => this.agents);
    const note = (agentId: string, text: string) => this.addTrace({ at: Date.now(), source: this.name(agentId), kind: "webex", text: `Webex CC cloud: ${text}` });
    this.notifications = new Notifications(cc, agents.map((a) => a.agentId), note);
    this.actions = new Actions(cc, this.notifications, note);
  }

  /** Every logout reason received, in order. */
  get logoutReasons(): readonly LogoutRecord[] {
    return this.actions.logoutReasons;
  }

  /** Handles a request under /webex; false when the path is not the cloud's. */
  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    if (!url.pathname.startsWith(CLOUD_PREFIX + "/")) return false;
    const origin = `http://${req.headers.host ?? "127.0.0.1"}`;
    const base = origin + CLOUD_PREFIX;
    // Service URLs end in "/" and resources may start with one: the path is read without repeats.
    const path = url.pathname.slice(CLOUD_PREFIX.length).replace(/\/{2,}/g, "/");
    if (req.method === "OPTIONS") {
      res.writeHead(204, cors(req));
      res.end();
      return true;
    }
    if (await this.identity.handle(req, res, path, url)) return true;
    if (path === "/u2c/api/v1/limited/catalog" || path === "/u2c/api/v1/catalog") return send(req, res, 200, hostmap(base)), true;
    if (path.startsWith("/svc/")) return this.sink(req, res, path, base), true;
    if (path === "/sandbox/revoke" && req.method === "POST") {
      const b = await readBody(req);
      return send(req, res, 200, { revoked: this.tokens.revokeAgent(String(b.agentId ?? "")) }), true;
    }
    const agentId = this.tokens.agentOf(bearer(req));
    if (!agentId) return unauthorized(req, res), true;
    const resource = path.replace(/^\//, "").replace(/\/$/, "");
    if (req.method === "GET") {
      const value = configResource(decodeURIComponent(url.search ? `${resource}${url.search}` : resource), this.cc.orgId, this.cc.host(agentId));
      return value === undefined ? send(req, res, 404, { message: "not emulated", path: resource }) : send(req, res, 200, value), true;
    }
    const body = await readBody(req);
    if (req.method === "POST" && resource === "v1/notification/subscribe") {
      return send(req, res, 200, this.notifications.subscribe(agentId, body, `ws://${req.headers.host ?? "127.0.0.1"}${CLOUD_PREFIX}/notifs`)), true;
    }
    const action = this.actions.find(req.method ?? "", resource);
    if (!action) return send(req, res, 404, { message: "not emulated", path: resource }), true;
    return send(req, res, 202, await this.actions.run(agentId, action, body)), true;
  }

  /**
   * What the SDK's core sends besides the Contact Center APIs — metrics, and the log upload the
   * SDK starts after a failure (`clientLogs`: `logs/urls` gives an upload URL, the file is PUT
   * there, `logs/meta` closes it). Accepted so the SDK goes on as with Webex; nothing is kept:
   * the logs may hold customers' numbers.
   */
  private sink(req: IncomingMessage, res: ServerResponse, path: string, base: string): void {
    req.resume();
    if (path === "/svc/clientLogs/logs/urls") return send(req, res, 200, { tempURL: `${base}/svc/log-upload/${Date.now().toString(36)}`, logFilename: "sandbox-log.txt", userId: "" });
    if (path === "/svc/clientLogs/logs/meta") return send(req, res, 200, { url: "", userId: "" });
    if (path.startsWith("/svc/log-upload/")) return send(req, res, 200, {});
    send(req, res, 204, undefined);
  }

  /** Handles a WebSocket upgrade for the notification socket; false when not the cloud's. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const m = /^\/webex\/notifs\/([0-9a-f-]+)$/.exec(new URL(req.url ?? "/", "http://x").pathname);
    if (!m) return false;
    this.notifications.upgrade(req, socket, head, m[1]!);
    return true;
  }

  close(): void {
    this.notifications.close();
  }

  private name(agentId: string): string {
    return this.agents.find((a) => a.agentId === agentId)?.agentName ?? agentId;
  }
}
