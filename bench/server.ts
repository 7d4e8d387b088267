/**
 * The benchmark's web server: one handler on three loopback addresses, so the SAP page
 * (127.0.0.1), the mashup (127.0.0.2) and the desktop (127.0.0.3) are three sites and Chromium
 * puts each in its own renderer process. Serves dist/ as built, the benchmark pages, and the
 * emulated desktop host bundled for the browser.
 */
import { build } from "esbuild";
import { readFileSync } from "node:fs";
import { createServer, type Server, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const HOSTS = { sap: "127.0.0.1", mashup: "127.0.0.2", desktop: "127.0.0.3" } as const;

export interface BenchServer {
  origins: { sap: string; mashup: string; desktop: string };
  close(): Promise<void>;
}

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8" };

export async function startServer(): Promise<BenchServer> {
  const bundle = async (entry: string) =>
    (await build({ entryPoints: [join(root, entry)], bundle: true, write: false, format: "iife", minify: true, logLevel: "warning" })).outputFiles[0]!.text;
  const desktopHostJs = await bundle("bench/desktop-entry.ts");
  const mashupProbeJs = await bundle("bench/mashup-probe.ts");
  let origins = { sap: "", mashup: "", desktop: "" };

  const pages = (): Record<string, string> => ({
    // SAP page: frames the real mashup (which frames the desktop) and the floor relay; records arrival times.
    "/sap.html": `<!doctype html><meta charset="utf-8"><title>SAP</title><script>
      window.arrivals = {}; window.floorArrivals = {}; window.firstPayload = null;
      addEventListener("message", (e) => {
        const t = performance.timeOrigin + performance.now();
        const p = e.data && e.data.payload;
        if (!p) return;
        if (e.origin === ${JSON.stringify(origins.mashup)} && e.source === document.getElementById("mashup").contentWindow) {
          if (!window.firstPayload) window.firstPayload = e.data;
          if (p.Action === "NOTIFY" && !(p.ANI in window.arrivals)) window.arrivals[p.ANI] = t;
        } else if (e.origin === ${JSON.stringify(origins.mashup)}) window.floorArrivals[p.ANI] = t;
      });
    </script>
    <iframe id="mashup" width="600" height="400" allow="cross-origin-isolated" src="${origins.mashup}/dist/sap-mashup/index.html?sapOrigin=${encodeURIComponent(origins.sap)}&desktopUrl=${encodeURIComponent(origins.desktop + "/desktop.html")}"></iframe>
    <iframe id="floor" width="100" height="100" allow="cross-origin-isolated" src="${origins.mashup}/floor-mid.html"></iframe>`,
    // Desktop frame: emulated host first, then the real widget bundle, then the element the layout declares.
    "/desktop.html": `<!doctype html><meta charset="utf-8"><title>Desktop</title>
      <script src="/bench/desktop-host.js"></script><script src="/dist/widget.js"></script>
      <wxcc-sap-connector mashup-origin="${origins.mashup}"></wxcc-sap-connector>`,
    // Floor: the same origins, two bare postMessage hops (desktop → middle → SAP), nothing else.
    "/floor-mid.html": `<!doctype html><meta charset="utf-8"><script>
      window.midArrivals = {};
      addEventListener("message", (e) => { if (e.origin === ${JSON.stringify(origins.desktop)}) { const t = performance.timeOrigin + performance.now(); parent.postMessage(e.data, ${JSON.stringify(origins.sap)}); window.midArrivals[e.data.payload.ANI] = t; } });
    </script><iframe id="desk" src="${origins.desktop}/floor-desk.html"></iframe>`,
    "/floor-desk.html": `<!doctype html><meta charset="utf-8"><script>
      window.t0s = {};
      window.floorSend = (msg) => { const t = performance.timeOrigin + performance.now(); window.t0s[msg.payload.ANI] = t; parent.postMessage(msg, ${JSON.stringify(origins.mashup)}); return t; };
    </script>`,
  });

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const send = (body: string | Buffer, type: string) => {
      // Cross-origin isolation on every document: full-resolution performance.now() (5 µs, not
      // 100 µs) in the SAP page and, delegated by its iframes' allow="cross-origin-isolated", in
      // the mashup and the floor's middle frame. The desktop frames (the mashup's iframe, which
      // the bench does not write, and the floor's) keep the coarse 100 µs timer, alike for both.
      // It changes nothing about how messages are delivered.
      res.writeHead(200, {
        "content-type": type,
        "cache-control": "no-store",
        "cross-origin-opener-policy": "same-origin",
        "cross-origin-embedder-policy": "require-corp",
        "cross-origin-resource-policy": "cross-origin",
      });
      res.end(body);
    };
    if (path === "/bench/desktop-host.js") return send(desktopHostJs, TYPES[".js"]!);
    if (path === "/bench/mashup-probe.js") return send(mashupProbeJs, TYPES[".js"]!);
    // The mashup page as built, with the breakdown probe ahead of the mashup's own script.
    if (path === "/dist/sap-mashup/index.html") {
      const html = readFileSync(join(root, "dist/sap-mashup/index.html"), "utf8");
      return send(html.replace("<script", `<script src="/bench/mashup-probe.js"></script><script`), TYPES[".html"]!);
    }
    const page = pages()[path];
    if (page) return send(page, TYPES[".html"]!);
    if (path.startsWith("/dist/")) {
      const file = normalize(join(root, path));
      if (file.startsWith(join(root, "dist"))) {
        try {
          return send(readFileSync(file), TYPES[file.slice(file.lastIndexOf("."))] ?? "application/octet-stream");
        } catch {
          // fall through to 404
        }
      }
    }
    res.writeHead(404, { "cross-origin-resource-policy": "cross-origin" }).end();
  };

  const servers: Server[] = [];
  let port = 0;
  for (const host of [HOSTS.sap, HOSTS.mashup, HOSTS.desktop]) {
    const s = createServer(handler);
    await new Promise<void>((resolve, reject) => {
      s.once("error", reject);
      s.listen(port, host, () => resolve());
    });
    port = (s.address() as AddressInfo).port;
    servers.push(s);
  }
  origins = { sap: `http://${HOSTS.sap}:${port}`, mashup: `http://${HOSTS.mashup}:${port}`, desktop: `http://${HOSTS.desktop}:${port}` };
  return {
    origins,
    close: () => Promise.all(servers.map((s) => new Promise<void>((r) => s.close(() => r())))).then(() => undefined),
  };
}
