/**
 * `npm start`: the whole system on one machine. One small Node http server (no framework) serves
 * the built artifacts and the sandbox pages on four origins, so the browser enforces origin
 * checks exactly as in production:
 *
 *   SAP sandbox + flow screen   http://127.0.0.1:PORT   (stand-in for SAP Sales/Service Cloud)
 *   mashup (dist/sap-mashup/)   http://127.0.0.2:PORT
 *   Agent Desktop of agent 1    http://127.0.0.3:PORT   (emulated host + the real dist/widget.js)
 *   Agent Desktop of agent 2    http://127.0.0.4:PORT
 *
 * Where extra loopback addresses cannot be bound (macOS) or HOST is set, the four origins are
 * HOST:PORT … HOST:PORT+3 instead.
 *
 * The contact-center simulation (sandbox/desktop-host/contact-center.ts) runs here, once, so two
 * desktops on different origins share it. Each desktop page keeps its own AgentxHost (the object
 * the real SDK binds to): the host's requests (accept, end, …) come here as HTTP POSTs, and the
 * notifications the simulation sends reach the page over Server-Sent Events, with a snapshot of
 * the agent's task list first so a reloaded desktop rehydrates as a real one does.
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve, sep } from "node:path";
import type { ContactCenter } from "./desktop-host/contact-center";
import { Hub, sseHead, type SandboxAgent, type TraceEntry } from "./hub";
import { checkNewCustomer } from "./sap-host/crm-store";
import { CLOUD_PREFIX, sdkConfig, WebexCloud } from "./webex-cloud";
import { readText } from "./webex-cloud/http";

export type { SandboxAgent, TraceEntry } from "./hub";

export const ROOT = resolve(__dirname, "..");

export const AGENTS: readonly SandboxAgent[] = [
  { agentId: "a1b2c3d4-0001-4a5b-9c8d-000000000001", agentName: "Alice Martin" },
  { agentId: "a1b2c3d4-0002-4a5b-9c8d-000000000002", agentName: "Bruno Keller" },
];

/**
 * Agents of the "Webex in SAP" topology: no Agent Desktop, they sign in through the Webex CC SDK
 * against the emulated cloud (sandbox/webex-cloud/), so they start signed out, as after a sign-out.
 */
export const CLOUD_AGENTS: readonly SandboxAgent[] = [
  { agentId: "a1b2c3d4-0003-4a5b-9c8d-000000000003", agentName: "Chloe Durand", initialState: "LoggedOut", defaultDn: "+14155552003" },
];

const ALL_AGENTS = [...AGENTS, ...CLOUD_AGENTS];

export type Role = "sap" | "mashup" | "desktop1" | "desktop2";
const ROLES: readonly Role[] = ["sap", "mashup", "desktop1", "desktop2"];

/** What every page learns from /sandbox/config.json. */
export interface SandboxConfig {
  sap: string;
  mashup: string;
  desktops: string[];
  agents: readonly SandboxAgent[];
  /** Agents who work through the Webex CC SDK (no desktop), e.g. Chloe Durand. */
  cloudAgents: readonly SandboxAgent[];
  /** The emulated Webex CC cloud: its origin, the SDK configuration that points the SDK at it, its OAuth endpoints. */
  webexCloud: { origin: string; sdkConfig: ReturnType<typeof sdkConfig>; authorizeUrl: string; tokenUrl: string };
  orgId: string;
  outdialEp: string;
}

export interface SandboxOptions {
  /** 0 picks a free port. Default: PORT or 8080. */
  port?: number;
  /** Set to serve all four origins on one address with four ports. Default: HOST, else 127.0.0.1–4. */
  host?: string;
  /** Where the sandbox page scripts were built (default dist/sandbox). */
  sandboxDir?: string;
  /** Where dist/widget.js and dist/sap-mashup/ are (default dist). */
  distDir?: string;
}

export interface Sandbox {
  config: SandboxConfig;
  /** The one URL to open: the flow screen. */
  url: string;
  cc: ContactCenter;
  trace: TraceEntry[];
  /** The emulated Webex CC cloud (tokens, sessions, the logout reasons it received). */
  cloud: WebexCloud;
  close(): Promise<void>;
}

export class PortBusyError extends Error {}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".map": "application/json",
};

/** Simulation methods the customer side and the control panels may call (POST /cc/sim). */
const SIM_METHODS = new Set([
  "inbound", "rona", "customerEnds", "customerAnswers", "transfer", "transferToQueue", "offerFromQueue",
  "consult", "consultEnd", "consultTransfer", "consultConference", "joinConference", "leaveConference",
  "waitingReason", "agentAnswers",
]);
/** Host requests the desktops' AgentxHost forwards (POST /cc/backend): the HostBackend methods. */
const BACKEND_METHODS = new Set(["accept", "end", "hold", "unHold", "wrapup", "startOutdial", "stateChange", "logout", "stationLogin"]);

async function body(req: IncomingMessage): Promise<unknown> {
  const text = await readText(req);
  return text ? (JSON.parse(text) as unknown) : {};
}

function json(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify(value ?? null));
}

/** Errors as the emulated host's backend throws them ({details:{data:{reason}}}) or plain ones. */
function errorBody(e: unknown): unknown {
  if (e && typeof e === "object" && "details" in e) return e;
  return { details: { data: { reason: (e as Error)?.message ?? String(e) } } };
}

function serveFile(res: ServerResponse, file: string): void {
  if (!existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404, { "content-type": "text/plain" });
    res.end(`not found${file.includes(`${sep}dist${sep}`) ? " (run npm run build first)" : ""}`);
    return;
  }
  res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
  createReadStream(file).pipe(res);
}

/** `base` + a URL path, refusing anything that escapes `base`. */
function inside(base: string, urlPath: string): string | undefined {
  const p = normalize(join(base, decodeURIComponent(urlPath)));
  return p === base || p.startsWith(base + sep) ? p : undefined;
}

function handler(role: Role, hub: Hub, cloud: WebexCloud, config: SandboxConfig, dirs: { dist: string; sandbox: string; pages: string }) {
  const page = (name: string) => join(dirs.pages, name);
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://sandbox.invalid");
    const path = url.pathname;
    try {
      if (role === "sap" && path.startsWith(CLOUD_PREFIX + "/") && (await cloud.handle(req, res, url))) return;
      if (req.method === "POST") {
        const b = (await body(req)) as { agent?: string; method?: string; args?: unknown[] } & Partial<TraceEntry>;
        if (path === "/cc/backend") {
          const agent = ALL_AGENTS.find((a) => a.agentId === b.agent);
          if (!agent || !b.method || !BACKEND_METHODS.has(b.method)) return json(res, 400, { details: { data: { reason: "unknown agent or method" } } });
          const fn = (hub.cc as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[b.method]!;
          try {
            return json(res, 200, await fn.call(hub.cc, agent.agentId, ...(b.args ?? [])));
          } catch (e) {
            return json(res, 409, errorBody(e));
          }
        }
        if (path === "/cc/sim") {
          const fn = b.method && SIM_METHODS.has(b.method) ? (hub.cc as unknown as Record<string, unknown>)[b.method] : undefined;
          if (typeof fn !== "function") return json(res, 400, { error: `no simulation method ${String(b.method)}` });
          try {
            return json(res, 200, { value: (fn as (...a: unknown[]) => unknown).apply(hub.cc, b.args ?? []) ?? null });
          } catch (e) {
            return json(res, 409, { error: (e as Error)?.message ?? String(e) });
          }
        }
        if (path === "/crm/records") {
          const c = checkNewCustomer(b);
          if (!c.ok) return json(res, 400, { errors: c.errors });
          return json(res, 201, hub.crm.create(c.value));
        }
        if (path === "/trace") {
          hub.addTrace({ at: Number(b.at), source: String(b.source ?? "?"), kind: (["webex", "channel", "sap", "note"].includes(String(b.kind)) ? b.kind : "note") as TraceEntry["kind"], text: String(b.text ?? "") });
          return json(res, 200, {});
        }
        return json(res, 404, { error: "no such endpoint" });
      }
      if (path === "/sandbox/config.json") return json(res, 200, config);
      if (path === "/cc/events") {
        const agent = AGENTS.find((a) => a.agentId === url.searchParams.get("agent"));
        if (!agent) return json(res, 400, { error: "unknown agent" });
        return hub.openDesktopStream(agent.agentId, res);
      }
      if (path === "/cc/state") return json(res, 200, hub.state());
      if (path === "/crm/records") return json(res, 200, hub.crm.records());
      if (path === "/crm/events") return hub.openCrmStream(res);
      if (path === "/trace/events") return hub.openTraceStream(res);
      if (path === "/favicon.ico") {
        res.writeHead(204);
        return void res.end();
      }
      if (path === "/widget.js") return serveFile(res, join(dirs.dist, "widget.js"));
      if (path.startsWith("/sap-mashup/")) {
        const f = inside(join(dirs.dist, "sap-mashup"), path.slice("/sap-mashup/".length));
        return f ? serveFile(res, f) : json(res, 403, {});
      }
      if (path.startsWith("/sandbox/")) {
        const rest = path.slice("/sandbox/".length);
        const built = inside(dirs.sandbox, rest);
        if (built && existsSync(built)) return serveFile(res, built);
        const src = inside(dirs.pages, rest);
        return src ? serveFile(res, src) : json(res, 403, {});
      }
      if (path === "/" || path === "/index.html") {
        if (role === "sap") return serveFile(res, page("flow.html"));
        if (role === "desktop1" || role === "desktop2") return serveFile(res, page("desktop.html"));
        res.writeHead(302, { location: `${config.sap}/` });
        return void res.end();
      }
      if (path === "/sap" || path === "/sap.html") return serveFile(res, page("sap.html"));
      if (path === "/desktop" || path === "/desktop.html") return serveFile(res, page("desktop.html"));
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    } catch (e) {
      if (!res.headersSent) json(res, 500, { error: (e as Error)?.message ?? "error" });
      else res.end();
    }
  };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolveListen, reject) => {
    const onError = (e: NodeJS.ErrnoException) => {
      server.off("listening", onListening);
      if (e.code === "EADDRINUSE") reject(new PortBusyError(`Port ${port} on ${host} is busy: another program (perhaps another "npm start") is using it. Stop it, or pick another port: PORT=8090 npm start`));
      else reject(e);
    };
    const onListening = () => {
      server.off("error", onError);
      resolveListen((server.address() as AddressInfo).port);
    };
    server.once("error", onError);
    server.once("listening", onListening);
    server.listen(port, host);
  });
}

async function closeAll(servers: Server[]): Promise<void> {
  await Promise.all(servers.map((s) => new Promise<void>((r) => {
    s.closeAllConnections?.();
    s.close(() => r());
  })));
}

/** Starts the sandbox. Tests call this with `port: 0`. */
export async function startSandbox(o: SandboxOptions = {}): Promise<Sandbox> {
  const dirs = {
    dist: o.distDir ?? join(ROOT, "dist"),
    sandbox: o.sandboxDir ?? join(ROOT, "dist", "sandbox"),
    pages: join(ROOT, "sandbox", "pages"),
  };
  const hub = new Hub(ALL_AGENTS);
  const cloud = new WebexCloud(hub.cc, ALL_AGENTS, (t) => hub.addTrace(t));
  const port = o.port ?? 8080;
  const config: SandboxConfig = { sap: "", mashup: "", desktops: [], agents: AGENTS, cloudAgents: CLOUD_AGENTS, webexCloud: { origin: "", sdkConfig: sdkConfig("http://127.0.0.1"), authorizeUrl: "", tokenUrl: "" }, orgId: hub.cc.orgId, outdialEp: "ep-outdial-1" };
  const servers: Server[] = [];
  const make = (role: Role) => {
    const s = createServer((req, res) => void handler(role, hub, cloud, config, dirs)(req, res));
    if (role === "sap") s.on("upgrade", (req, socket, head) => void (cloud.upgrade(req, socket, head as Buffer) || socket.destroy()));
    servers.push(s);
    return s;
  };

  const origins: string[] = [];
  const tryAddresses = !o.host;
  let addressesOk = tryAddresses;
  if (tryAddresses) {
    try {
      let p = port;
      for (const [i, role] of ROLES.entries()) {
        const host = `127.0.0.${i + 1}`;
        p = await listen(make(role), p, host);
        origins.push(`http://${host}:${p}`);
      }
    } catch (e) {
      await closeAll(servers.splice(0));
      origins.length = 0;
      if (e instanceof PortBusyError || (e as NodeJS.ErrnoException).code !== "EADDRNOTAVAIL") throw e;
      addressesOk = false; // e.g. macOS: only 127.0.0.1 exists; use four ports instead
    }
  }
  if (!addressesOk) {
    const host = o.host ?? "127.0.0.1";
    const shown = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
    for (const [i, role] of ROLES.entries()) {
      const p = await listen(make(role), port === 0 ? 0 : port + i, host).catch(async (e: unknown) => {
        await closeAll(servers);
        throw e;
      });
      origins.push(`http://${shown}:${p}`);
    }
  }
  config.sap = origins[0]!;
  config.mashup = origins[1]!;
  config.desktops = [origins[2]!, origins[3]!];
  config.webexCloud = { origin: config.sap, sdkConfig: sdkConfig(config.sap), authorizeUrl: `${config.sap}${CLOUD_PREFIX}/v1/authorize`, tokenUrl: `${config.sap}${CLOUD_PREFIX}/v1/access_token` };
  return {
    config,
    url: `${config.sap}/`,
    cc: hub.cc,
    trace: hub.trace,
    cloud,
    close: async () => {
      cloud.close();
      hub.closeStreams();
      await closeAll(servers);
    },
  };
}
