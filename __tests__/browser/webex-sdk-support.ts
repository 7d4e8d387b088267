/**
 * Test support for the emulated Webex CC cloud: bundles the real `@webex/contact-center` SDK with
 * esbuild (webex-sdk-entry.ts; built once per run into a temporary file), serves it on a bare page
 * of the mashup's origin (another site than the cloud's, as in production), signs an agent in
 * through the identity stand-in's real OAuth flow (authorization code + PKCE), and drives the SDK.
 */
import { build } from "esbuild";
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { ROOT, type Sandbox } from "../../sandbox/server";
import type { Seen } from "./webex-sdk-entry";

export type { Seen } from "./webex-sdk-entry";

const bundles = new Map<string, string>();

/**
 * The Webex JS SDK is written for Node-style bundlers: Node's built-ins it imports are mapped to
 * their browser ports (installed with it), the few it only touches on Node to nothing, and
 * `process`/`Buffer`/`global` provided. `entry`: a file of __tests__/browser/ that imports the SDK.
 */
export async function sdkBundle(entry = "webex-sdk-entry.ts"): Promise<string> {
  const done = bundles.get(entry);
  if (done) return done;
  const dir = mkdtempSync(join(tmpdir(), "wxcc-sdk-"));
  const shim = join(dir, "shim.js");
  writeFileSync(shim, `import p from "process/browser.js"; import { Buffer as B } from "buffer"; export const process = p; export const Buffer = B;\n`);
  const outfile = join(dir, "webex-sdk.js");
  await build({
    entryPoints: [join(ROOT, "__tests__", "browser", entry)],
    outfile,
    bundle: true,
    format: "iife",
    platform: "browser",
    target: ["chrome110"],
    minify: !process.env.DEBUG_CC,
    logLevel: "error",
    nodePaths: [join(ROOT, "node_modules")],
    inject: [shim],
    define: { global: "globalThis", "process.env.NODE_ENV": '"production"' },
    alias: { querystring: "querystring-es3", os: "os-browserify/browser", crypto: "crypto-browserify", stream: "stream-browserify", path: "path-browserify" },
    plugins: [{
      name: "node-only",
      setup(b) {
        b.onResolve({ filter: /^(fs|fs\/promises|child_process|net|tls|http|https|zlib)$/ }, (a) => ({ path: a.path, namespace: "node-only" }));
        b.onLoad({ filter: /.*/, namespace: "node-only" }, () => ({ contents: "module.exports = {};" }));
      },
    }],
  });
  const js = readFileSync(outfile, "utf8");
  bundles.set(entry, js);
  return js;
}

/**
 * The sandbox's bare probe page (sandbox/pages/sdk-probe.html) on the mashup's origin, with the
 * SDK bundle as its script. The page itself comes from the sandbox server, so Chromium knows it
 * is on loopback and lets it call the cloud on another loopback origin.
 */
export async function sdkPage(s: Sandbox, page: Page): Promise<void> {
  await routeSdk(s, page);
  await page.goto(`${s.config.mashup}/sandbox/sdk-probe.html`);
  await page.waitForFunction(() => "sdkHarness" in window);
}

const routed = new WeakSet<Page>();

/** Serves the SDK bundle as the probe page's script (once per page). */
async function routeSdk(s: Sandbox, page: Page): Promise<void> {
  if (routed.has(page)) return;
  routed.add(page);
  const js = await sdkBundle();
  await page.route(`${s.config.mashup}/sandbox/webex-sdk-probe.js`, (r) => r.fulfill({ status: 200, contentType: "text/javascript", body: js }));
}

/**
 * Signs `agentName` in through the identity stand-in as a browser client would: the authorize
 * page (the agent's button), its redirect with the code, then the token request with the PKCE
 * verifier. Returns the token answer.
 */
export async function signIn(s: Sandbox, page: Page, agentName: string, clientId = "C-sandbox-integration"): Promise<{ access_token: string; refresh_token: string; expires_in: number }> {
  const verifier = randomBytes(32).toString("base64url");
  const challenge = createHash("sha256").update(verifier).digest("base64url");
  const redirect = `${s.config.mashup}/sandbox/sdk-probe.html`;
  await routeSdk(s, page);
  const q = new URLSearchParams({ response_type: "code", client_id: clientId, redirect_uri: redirect, scope: "cjp:config_read cjp:config_write cjds:admin_org_read cjds:admin_org_write spark:people_read", state: "st-1", code_challenge: challenge, code_challenge_method: "S256" });
  await page.goto(`${s.config.webexCloud.authorizeUrl}?${q}`);
  await Promise.all([page.waitForURL(`${redirect}?**`), page.getByRole("button", { name: agentName }).click()]);
  const back = new URL(page.url());
  if (back.searchParams.get("state") !== "st-1") throw new Error(`state not returned: ${page.url()}`);
  const code = back.searchParams.get("code") ?? "";
  return page.evaluate(async ([tokenUrl, body]) => {
    const r = await fetch(tokenUrl, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body });
    return r.json();
  }, [s.config.webexCloud.tokenUrl, new URLSearchParams({ grant_type: "authorization_code", client_id: clientId, code, redirect_uri: redirect, code_verifier: verifier }).toString()] as const);
}

type Harness = {
  seen: Seen[];
  start(config: unknown, token: string): Promise<void>;
  cc(method: string, ...args: unknown[]): Promise<unknown>;
  task(id: string, method: string, ...args: unknown[]): Promise<unknown>;
  taskIds(): string[];
};

/** Drives the harness on `page`. */
export function sdk(page: Page) {
  const h = <T>(fn: (h: Harness, a: unknown[]) => T | Promise<T>, ...a: unknown[]) =>
    page.evaluate(([src, args]) => new Function("h", "a", `return (${src})(h, a)`)((window as unknown as { sdkHarness: Harness }).sdkHarness, args), [fn.toString(), a] as const) as Promise<T>;
  return {
    start: (config: unknown, token: string) => h((x, a) => x.start(a[0], a[1] as string), config, token),
    cc: (method: string, ...args: unknown[]) => h((x, a) => x.cc(a[0] as string, ...(a.slice(1) as unknown[])), method, ...args),
    task: (id: string, method: string, ...args: unknown[]) => h((x, a) => x.task(a[0] as string, a[1] as string, ...(a.slice(2) as unknown[])), id, method, ...args),
    taskIds: () => h((x) => x.taskIds()),
    /** Events recorded since `from` (an index into the record). */
    seen: (from = 0) => h((x, a) => x.seen.slice(a[0] as number), from) as Promise<Seen[]>,
    /** Waits until an event named `name` (for `interactionId`, if given) has been recorded at or after `from`. */
    waitFor: async (name: string, from = 0, interactionId?: string) => {
      try {
        await page.waitForFunction(([n, f, id]) => (window as unknown as { sdkHarness: Harness }).sdkHarness.seen.slice(f as number).some((e) => e.name === n && (!id || e.interactionId === id)), [name, from, interactionId] as const, { timeout: 15_000 });
      } catch {
        const seen = await page.evaluate((f) => (window as unknown as { sdkHarness: Harness }).sdkHarness.seen.slice(f), from);
        throw new Error(`no ${name}${interactionId ? ` for ${interactionId}` : ""} within 15 s; the SDK emitted: ${seen.map((e) => `${e.name} ${e.interactionId ?? ""}`).join(", ") || "nothing"}`);
      }
    },
    count: () => h((x) => x.seen.length),
  };
}
