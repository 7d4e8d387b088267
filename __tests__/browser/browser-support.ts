/**
 * Shared set-up for the browser tests: the sandbox server on free ports (its page scripts built
 * into a temporary directory, the product bundles taken from dist/ as `npm test` builds them),
 * and Debian's Chromium driven by playwright-core. With no Chromium the tests fail at once with a
 * message saying how to get one — never a hang.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Frame, type Page } from "playwright-core";
import { buildSandbox } from "../../sandbox/build";
import { ROOT, startSandbox, type Sandbox } from "../../sandbox/server";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

export function findChrome(): string {
  const env = process.env.CHROME_PATH;
  if (env) {
    if (!existsSync(env)) throw new Error(`CHROME_PATH is set to "${env}", which does not exist. Point it at a Chromium or Chrome binary.`);
    return env;
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) {
    throw new Error(`No Chromium found for the browser tests (looked at ${CANDIDATES.join(", ")}). Install Debian's chromium (apt-get install chromium; .ci/run does it) or set CHROME_PATH to a Chromium/Chrome binary.`);
  }
  return found;
}

export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"];

export const SCREENSHOTS = join(ROOT, "docs", "screenshots");

export interface Stage {
  sandbox: Sandbox;
  context: BrowserContext;
  /** Console errors and page errors seen in any page or frame, with where. */
  errors: string[];
  close(): Promise<void>;
}

export interface StageOptions {
  /**
   * "blocked": Chromium's own default, third-party cookies and storage blocked, so every cross-site
   * frame (the mashup inside SAP) runs without sessionStorage — the browsers the guide warns about.
   */
  thirdPartyStorage?: "allowed" | "blocked";
}

export async function stage(options: StageOptions = {}): Promise<Stage> {
  const chrome = findChrome();
  for (const f of ["widget.js", "sap-mashup/index.html", "sap-mashup/mashup.js", "sap-mashup/phone-parser.js"]) {
    if (!existsSync(join(ROOT, "dist", f))) throw new Error(`dist/${f} is missing: run "npm run build" before the browser tests (npm test does).`);
  }
  const out = mkdtempSync(join(tmpdir(), "wxcc-sandbox-"));
  await buildSandbox(out);
  const sandbox = await startSandbox({ port: 0, sandboxDir: out });
  // A fresh profile that, like a default desktop Chrome and as Cisco requires for an embedded
  // Agent Desktop, allows third-party cookies and storage: Debian's Chromium blocks them by
  // default, and then the SDK's own logger throws inside the framed desktop (see README).
  const profile = mkdtempSync(join(tmpdir(), "wxcc-chromium-"));
  mkdirSync(join(profile, "Default"), { recursive: true });
  if (options.thirdPartyStorage !== "blocked") {
    writeFileSync(join(profile, "Default", "Preferences"), JSON.stringify({ profile: { cookie_controls_mode: 0, block_third_party_cookies: false } }));
  }
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chrome,
      headless: true,
      timeout: 30_000,
      viewport: { width: 1400, height: 900 },
      args: CHROMIUM_ARGS,
    });
  } catch (e) {
    await sandbox.close();
    for (const d of [out, profile]) rmSync(d, { recursive: true, force: true });
    throw new Error(`Chromium (${chrome}) did not start: ${(e as Error).message}`);
  }
  const errors: string[] = [];
  context.on("page", (p) => watch(p, errors));
  return {
    sandbox,
    context,
    errors,
    close: async () => {
      await context.close().catch(() => undefined);
      await sandbox.close();
      for (const d of [out, profile]) rmSync(d, { recursive: true, force: true });
    },
  };
}

export interface StageUse extends StageOptions {
  /** "checked" (default): every test ends by finding no console error in any page or frame. */
  consoleErrors?: "checked" | "allowed";
}

/**
 * The sandbox and Chromium for a whole test file: started before its first test (`set` gets the
 * stage), closed after its last; by default each test ends with no console error seen. Hooks a
 * file adds after this run after it, so they can use the stage.
 */
export function useStage(set: (s: Stage) => void, o: StageUse = {}): void {
  let current: Stage | undefined;
  beforeAll(async () => {
    current = await stage(o);
    set(current);
  });
  afterAll(async () => {
    await current?.close();
  });
  if (o.consoleErrors !== "allowed") {
    afterEach(() => {
      expect(current?.errors).toEqual([]);
    });
  }
}

function watch(page: Page, errors: string[]): void {
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`${m.location().url}: ${m.text()}`);
  });
  page.on("pageerror", (e) => errors.push(`page error: ${e.message}`));
}

/** The frame (or page) whose document comes from `origin`, waiting for it to appear. */
export async function frameOf(page: Page, origin: string, timeout = 10_000): Promise<Frame> {
  const end = Date.now() + timeout;
  for (;;) {
    const f = page.frames().find((x) => x.url().startsWith(origin + "/"));
    if (f) return f;
    if (Date.now() > end) throw new Error(`no frame from ${origin} in ${page.url()} (frames: ${page.frames().map((x) => x.url()).join(", ")})`);
    await page.waitForTimeout(50);
  }
}

/** The frame of agent N's SAP page inside the flow screen. */
export async function sapFrame(page: Page, agent: 1 | 2, timeout = 15_000): Promise<Frame> {
  const end = Date.now() + timeout;
  for (;;) {
    const f = page.frames().find((x) => x !== page.mainFrame() && new RegExp(`^http://[^/]+/sap\\?agent=${agent}(&|$)`).test(x.url()));
    if (f) return f;
    if (Date.now() > end) throw new Error(`no SAP frame for agent ${agent}`);
    await sleep(50);
  }
}

/** Opens agent N's SAP sandbox page and waits until its widget is linked to the mashup. */
export async function openSap(s: Stage, agent: 1 | 2, query = ""): Promise<{ page: Page; desktop: Frame; mashup: Frame }> {
  const page = await s.context.newPage();
  await page.goto(`${s.sandbox.config.sap}/sap?agent=${agent}${query}`);
  const mashup = await frameOf(page, s.sandbox.config.mashup);
  const desktop = await frameOf(page, s.sandbox.config.desktops[agent - 1]!);
  await waitLinked(desktop);
  return { page, desktop, mashup };
}

export async function waitLinked(desktop: Frame | Page): Promise<void> {
  await desktop.waitForFunction(() => (window as unknown as { sandboxDesktop?: { linked(): boolean } }).sandboxDesktop?.linked() === true, undefined, { timeout: 15_000 });
}

export interface SapActivity {
  type: string;
  direction: string;
  status: string;
  customer: string;
  externalId?: string;
  originalId?: string;
  activityUUID?: string;
  acceptedAt?: number;
  endedAt?: number;
  notes: string;
}

export interface SapState {
  payloads: { at: number; fields: Record<string, string>; format: string; violations: string[] }[];
  activities: SapActivity[];
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function sapState(page: Page | Frame): Promise<SapState> {
  return page.evaluate(() => (window as unknown as { sapSandbox: { state(): unknown } }).sapSandbox.state() as SapState);
}

/** "CALL INBOUND NOTIFY" per payload. */
export function summary(st: SapState): string[] {
  return st.payloads.map((p) => `${p.fields.Type} ${p.fields.EventType} ${p.fields.Action}`);
}

/** Waits until the SAP page has received `n` payloads (or fails, showing what it has). */
export async function waitPayloads(page: Page | Frame, n: number, timeout = 15_000): Promise<SapState> {
  const end = Date.now() + timeout;
  for (;;) {
    const st = await sapState(page);
    if (st.payloads.length >= n) return st;
    if (Date.now() > end) throw new Error(`expected ${n} SAP payloads, got ${st.payloads.length}: ${summary(st).join(", ")}`);
    await sleep(50);
  }
}

/** Runs the customer side / routing operations of the shared simulation. */
export async function sim(s: Stage, method: string, ...args: unknown[]): Promise<unknown> {
  const r = await fetch(`${s.sandbox.config.sap}/cc/sim`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ method, args }) });
  const j = (await r.json()) as { value?: unknown; error?: string };
  if (!r.ok) throw new Error(`${method}: ${j.error}`);
  return j.value;
}

/** The agent's action through the emulated desktop's control panel logic (the host methods the Desktop UI calls). */
export async function act(desktop: Frame | Page, action: string, interactionId: string): Promise<void> {
  await desktop.evaluate(([a, id]) => (window as unknown as { sandboxDesktop: { act(a: string, id: string): Promise<void> } }).sandboxDesktop.act(a!, id!), [action, interactionId]);
}

/** Waits until the desktop shows the interaction with the given AQM message type. */
export async function waitTask(desktop: Frame | Page, interactionId: string, type: string | null, timeout = 15_000): Promise<void> {
  await desktop.waitForFunction(
    ([id, t]) => {
      const tasks = (window as unknown as { sandboxDesktop: { tasks(): { id: string; type: string }[] } }).sandboxDesktop.tasks();
      const task = tasks.find((x) => x.id === id);
      return t === null ? !task : task?.type === t;
    },
    [interactionId, type] as const,
    { timeout },
  );
}

/** What the SDK asked of agent N's emulated host (method names in order). */
export function hostRequests(desktop: Frame | Page): Promise<{ method: string; payload: unknown }[]> {
  return desktop.evaluate(() => JSON.parse(JSON.stringify((window as unknown as { AGENTX_SERVICE: { requests: unknown[] } }).AGENTX_SERVICE.requests)) as { method: string; payload: unknown }[]);
}

/** Per ExternalReferenceID, the actions SAP received, e.g. "NOTIFY ACCEPT END", in order of first payload. */
export function perLeg(st: SapState): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of st.payloads) {
    const ref = p.fields.ExternalReferenceID ?? "?";
    out[ref] = out[ref] ? `${out[ref]} ${p.fields.Action}` : String(p.fields.Action);
  }
  return out;
}

/** Alongside topology: presses the mashup's button and returns the Agent Desktop window it opened, once linked. */
export async function openAlongsideDesktop(s: Stage, mashup: Frame): Promise<Page> {
  await mashup.locator("button").filter({ hasText: /desktop/i }).first().click();
  let popup: Page | undefined;
  for (const end = Date.now() + 15_000; !popup && Date.now() < end; await sleep(100)) {
    popup = s.context.pages().find((p) => !p.isClosed() && p.url().startsWith(s.sandbox.config.desktops[0]! + "/"));
  }
  if (!popup) throw new Error("the mashup did not open the Agent Desktop window");
  await waitLinked(popup);
  return popup;
}
