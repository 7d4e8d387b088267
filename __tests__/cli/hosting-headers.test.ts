/** @jest-environment node */
/**
 * docs/hosting.md followed in a real browser: the mashup is served with exactly the headers
 * `wxcc-sap headers` prints and opened through the URL `wxcc-sap mashup-url` prints, framed by a
 * stand-in SAP page, framing a stand-in Agent Desktop — each on its own origin. The page must work
 * under that Content-Security-Policy, and a page of another origin must not be able to frame it.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import { build } from "esbuild";
import { chromium, type Browser, type Frame, type Page } from "playwright-core";
import { headerSet } from "../../cli/headers";
import { mashupUrl } from "../../cli/mashup-url";
import { languageBuildOptions, mashupBuildOptions, writeMashupStatic } from "../../sap-mashup/mashup.build";

const ROOT = join(__dirname, "../..");
const CHROMES = [process.env.CHROME_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];
const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8" };

type Handler = (path: string) => { status?: number; type?: string; body: string; headers?: readonly (readonly [string, string])[] };

async function serve(handler: Handler): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const r = handler(path);
    res.writeHead(r.status ?? 200, { "content-type": r.type ?? TYPES[".html"], ...Object.fromEntries(r.headers ?? []) });
    res.end(r.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

let dir: string;
let browser: Browser;
const servers: Server[] = [];
let sap = "";
let other = "";
let mashup = "";
let desktop = "";
/** The URL `wxcc-sap mashup-url` prints, as the SAP pages frame it. */
let frameSrc = "";
/** Paths the mashup's host was asked for. */
const requested: string[] = [];

beforeAll(async () => {
  const chrome = CHROMES.find((p): p is string => !!p && existsSync(p));
  if (!chrome) throw new Error("No Chromium for this test: apt-get install chromium (.ci/run does it), or set CHROME_PATH.");

  // The mashup as `npm run build` lays it out (contract §2), built here so the test needs no prior build.
  dir = mkdtempSync(join(tmpdir(), "wxcc-sap-hosting-"));
  mkdirSync(join(dir, "sap-mashup"));
  await build({ ...mashupBuildOptions(join(dir, "sap-mashup")), logLevel: "silent" });
  await build({ ...languageBuildOptions(join(dir, "sap-mashup")), logLevel: "silent" });
  writeMashupStatic(join(dir, "sap-mashup"));

  // Origins first (the headers name them), handlers read them lazily.
  const m = await serve((path) => {
    const headers = headerSet({ sapOrigins: [sap], desktop: `${desktop}/`, allowLocalhost: true }).mashup;
    const file = path.startsWith("/sap-mashup/") ? path.slice("/sap-mashup/".length) || "index.html" : "";
    requested.push(file);
    if (!/^[a-z][a-z-]*\.[a-z]+$/.test(file) || !existsSync(join(dir, "sap-mashup", file))) return { status: 404, body: "not found" };
    return { body: readFileSync(join(dir, "sap-mashup", file), "utf8"), type: TYPES[extname(file)], headers };
  });
  const d = await serve(() => ({ body: '<!doctype html><title>Agent Desktop</title><p id="desk">stand-in Agent Desktop</p>' }));
  const s = await serve(() => ({ body: `<!doctype html><title>SAP</title><iframe id="cti" src="${frameSrc}"></iframe>` }));
  const o = await serve(() => ({ body: `<!doctype html><title>Not SAP</title><iframe id="cti" src="${frameSrc}"></iframe>` }));
  servers.push(m.server, d.server, s.server, o.server);
  [mashup, desktop, sap, other] = [m.origin, d.origin, s.origin, o.origin];
  frameSrc = mashupUrl({ base: `${mashup}/sap-mashup/index.html`, sapOrigins: [sap], desktop: `${desktop}/`, allowLocalhost: true }).url.replace(/&/g, "&amp;");

  browser = await chromium.launch({ executablePath: chrome, headless: true, timeout: 30_000, args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"] });
}, 60_000);


afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Opens `url`, collecting console lines of every frame. */
async function open(url: string): Promise<{ page: Page; console: string[] }> {
  const page = await browser.newPage();
  const lines: string[] = [];
  page.on("console", (m) => lines.push(m.text()));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.log(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(url);
  return { page, console: lines };
}

async function frameAt(page: Page, origin: string): Promise<Frame> {
  for (let i = 0; i < 100; i++) {
    const f = page.frames().find((fr) => fr.url().startsWith(origin));
    if (f) return f;
    await page.waitForTimeout(100);
  }
  throw new Error(`no frame of ${origin}`);
}

describe("hosting dist/ with the printed headers (docs/hosting.md)", () => {
  it("SAP frames the mashup, the mashup runs under its CSP and frames the Agent Desktop", async () => {
    const { page, console: lines } = await open(`${sap}/`);
    const m = await frameAt(page, mashup);
    await m.waitForFunction(() => !!document.querySelector("wxcc-sap-panel")?.shadowRoot?.querySelector('[part="status"]'), undefined, { timeout: 15_000 });
    const status = await m.evaluate(() => document.querySelector("wxcc-sap-panel")?.shadowRoot?.querySelector('[part="status"]')?.textContent ?? "");
    expect(status).toBe("Waiting for the Agent Desktop…");
    // Lit's styles and SAP's theme parameters from mashup.css applied (sap_horizon's shell background).
    const bg = await m.evaluate(() => getComputedStyle(document.querySelector("wxcc-sap-panel")!).backgroundColor);
    expect(bg).toBe("rgb(239, 241, 242)");
    const d = await frameAt(page, desktop);
    await d.waitForSelector("#desk", { timeout: 10_000 });
    // The page loads its module script, not the phone parser chunk: that comes when a number needs it.
    expect(requested.filter((f) => f.endsWith(".js"))).toEqual(["mashup.js"]);

    // A click-to-dial with a formatted number: the chunk loads under the same policy and reads the
    // number; the stand-in desktop has no widget, so the dial itself is refused as "not linked".
    await page.evaluate((origin) => (document.getElementById("cti") as HTMLIFrameElement).contentWindow!.postMessage({ PhoneNumber: "+1 650 305 4000" }, origin), mashup);
    await m.waitForFunction(() => /not linked/.test(document.querySelector("wxcc-sap-panel")?.shadowRoot?.querySelector('[part="notices"]')?.textContent ?? ""), undefined, { timeout: 15_000 });
    expect(requested.filter((f) => f.endsWith(".js"))).toEqual(["mashup.js", "phone-parser.js"]);
    expect(lines.filter((l) => /CSP violation|Content Security Policy|Refused to/i.test(l))).toEqual([]);
    await page.close();
  }, 60_000);

  it("another origin cannot frame the mashup (frame-ancestors)", async () => {
    const { page, console: lines } = await open(`${other}/`);
    await page.waitForTimeout(1500);
    const panels = await Promise.all(
      page.frames().filter((f) => f !== page.mainFrame()).map((f) => f.evaluate(() => !!document.querySelector("wxcc-sap-panel")).catch(() => false)),
    );
    expect(panels.some(Boolean)).toBe(false);
    expect(lines.some((l) => /frame-ancestors/.test(l))).toBe(true);
    await page.close();
  }, 60_000);
});
