/**
 * The "Webex in SAP" topology's page (issue 13), a bundle of its own (dist/sap-mashup/
 * webex-in-sap.js with webex-in-sap.css): main.ts imports it by URL only with `webexInSap=on`, so
 * the page of the other topologies carries none of React, the widgets, the store or the SDK.
 * It wires the sign-in (sign-in.ts), the Webex CC SDK through Cisco's store (webex-sdk.ts), the
 * widgets (widgets.ts), the pane's bar (webex-pane.ts) and the connector's core (core-seam.ts).
 */
// First: the guard must run before the SDK's modules do (imports run in this order).
import "./pressure-guard";
import "@webex/cc-widgets/wc";
import "./select-fix";
import "./webex-in-sap.css";
import store from "@webex/cc-store";
import { safeSessionStorage } from "../../channel/safe-storage";
import type { MashupConfig } from "../config";
import { browserLanguages, chooseLanguage } from "../i18n/localize";
import { isClickToDial } from "../click-to-dial";
import { DEFAULT_LOGOUT_REASONS } from "../mashup-app";
import { startCore, type Core } from "./core-seam";
import { WebexSignIn, type SignOutCause } from "./sign-in";
import { parseWebexInSapPage, WEBEX_SCOPES } from "./webex-config";
import { WEBEX_PANE_ELEMENT, type WebexPane } from "./webex-pane";
import { beforeRegister, errorText, giveToken, isAuthError, onCredentialsLost, sdkConfig, type CcStore } from "./webex-sdk";
import { setWebexLanguage } from "./webex-text";
import { mountWidgets, widgetsState, type Widgets } from "./widgets";

/** This bundle's stylesheet (Momentum's styles for the widgets and the pane's own), beside the script. */
export const STYLESHEET = "webex-in-sap.css";
/** How often the bar checks whether a conversation is open (the store is MobX inside its own bundle: nothing to subscribe to from here). */
const TASK_CHECK_MS = 1000;
/**
 * How long the SDK may take to start and register before the pane says it did not: the store
 * gives up only when the SDK never gets ready, not when its registration keeps retrying.
 */
const START_TIMEOUT_MS = 60_000;

const log = (level: "info" | "warn" | "error", text: string) => console[level](`[wxcc-sap webex] ${text}`);

/** The theme SAP's pane is in: dark for the dark and high-contrast-black Horizon themes. */
function isDark(win: Window, config: MashupConfig): boolean {
  const theme = config.look?.theme;
  if (theme) return theme === "sap_horizon_dark" || theme === "sap_horizon_hcb";
  try {
    return win.matchMedia("(prefers-color-scheme: dark)").matches;
  } catch {
    return false;
  }
}

/**
 * Starts the topology in `win` (main.ts saw a URL for it: config.ts `forWebexInSap`) after reading
 * the page's whole configuration (webex-config.ts). Returns its errors, each naming its parameter, for main.ts to
 * show as the page's own: then nothing is started.
 */
export function startWebexInSapPage(win: Window & typeof globalThis): readonly string[] {
  const parsed = parseWebexInSapPage(win.location.search);
  if (!parsed.ok) return parsed.errors;
  const { webex: wx, ...config } = parsed.config;
  const doc = win.document;
  const link = doc.createElement("link");
  link.rel = "stylesheet";
  link.href = new URL(`./${STYLESHEET}`, import.meta.url).href;
  doc.head.appendChild(link);
  void setWebexLanguage(chooseLanguage(config.look?.language, undefined, browserLanguages(win)), doc);

  const cc = store as unknown as CcStore;
  const dark = isDark(win, config);
  const storage = safeSessionStorage(win);
  const pane = doc.createElement(WEBEX_PANE_ELEMENT) as WebexPane;
  pane.logoutReasons = config.logoutReasons ?? DEFAULT_LOGOUT_REASONS;
  doc.body.appendChild(pane);

  let widgets: Widgets | undefined;
  let core: Core | undefined;
  // The core listens from before the first registration: it needs its answer and every event after.
  beforeRegister(cc, (sdk) => {
    if (core) return;
    try {
      core = startCore(sdk, {
        win,
        config,
        storage,
        openTasks: () => Object.values(cc.taskList ?? {}),
        desktopOrigins: wx.desktopOrigins,
        view: { notice: (n) => pane.noticeRaised(n), noticesChanged: (items) => (pane.notices = items), ownerChanged: (owner) => (pane.elsewhere = !owner) },
      });
    } catch (e) {
      log("error", `the connector did not start: ${errorText(e)}`);
    }
  });
  /** The SDK runs (store.init done once): later sign-ins give it the new token and register again. */
  let started = false;
  let registering = false;

  const signIn = new WebexSignIn(
    { clientId: wx.clientId, authBase: wx.authBase, scopes: WEBEX_SCOPES },
    { win, fetch: (url, init) => win.fetch(url, init), storage, now: () => Date.now() },
    {
      changed: (state, token) => {
        if (state === "signing-in") pane.state = "signing-in";
        else if (state === "signed-out") {
          pane.state = "signed-out";
          widgets?.hide();
        } else if (token) void connect(token);
      },
      signedOut: (cause: SignOutCause, detail: string) => {
        pane.notice = { id: `wx.cause.${cause}`, args: [], level: cause === "cancelled" ? "info" : "error" };
        log(cause === "cancelled" ? "info" : "warn", `not signed in (${cause}): ${detail}`);
      },
    },
  );

  function withTimeout<T>(work: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = win.setTimeout(() => reject(new Error(`no answer from Webex Contact Center within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
      work.then(resolve, reject).finally(() => win.clearTimeout(timer));
    });
  }

  /** Starts the SDK with the token, or hands a refreshed one to the running SDK. */
  async function connect(token: string): Promise<void> {
    if (started && pane.state === "ready") return giveToken(cc.cc, token);
    if (registering) return;
    registering = true;
    pane.state = "starting";
    pane.notice = undefined;
    try {
      if (!started) {
        cc.setCurrentTheme(dark ? "DARK" : "LIGHT");
        await withTimeout(cc.init({ webexConfig: sdkConfig(wx!), access_token: token }));
        started = true;
        onCredentialsLost(cc.cc, () => signIn.revoked("the SDK lost its credentials"));
      } else {
        giveToken(cc.cc, token);
        await withTimeout(cc.registerCC());
      }
      widgets ??= mountWidgets(doc, doc.body, cc, dark, import.meta.url, { login: follow, logout: follow, changed: follow });
      pane.state = "ready";
      follow();
      log("info", "signed in; Webex Contact Center registered");
    } catch (e) {
      log("error", `Webex Contact Center did not start: ${errorText(e)}`);
      if (isAuthError(e)) signIn.revoked("Webex refused the token");
      else {
        pane.state = "signed-out";
        pane.notice = { id: "wx.startFailed", args: [], level: "error" };
      }
    } finally {
      registering = false;
    }
  }

  pane.addEventListener("sign-in", () => {
    pane.notice = undefined;
    signIn.signIn();
  });
  pane.addEventListener("take-over", () => core?.takeOver());
  pane.addEventListener("dismiss-notice", (e) => core?.dismissNotice((e as CustomEvent<{ id: number }>).detail.id));
  pane.addEventListener("log-out", (e) => {
    const reason = (e as CustomEvent<{ reason: string }>).detail.reason;
    pane.busy = true;
    // Through the core when it runs (it checks and logs as in the other topologies), else straight to the SDK.
    // The core resolves a refusal with its text and has said why in its own notice: no "logged out" then.
    (core ? core.signOut(reason) : cc.cc.stationLogout({ logoutReason: reason }).then(() => undefined)).then(
      (refused) => {
        if (refused) return log("warn", `not logged out: ${refused}`);
        pane.notice = { id: "wx.loggedOut", args: [reason], level: "info" };
        log("info", `logged out of the station with the reason "${reason}"`);
      },
      (err: unknown) => {
        log("warn", `logout refused: ${errorText(err)}`);
        if (isAuthError(err)) signIn.revoked("Webex refused the token");
        else pane.notice = { id: "wx.logout.failed", args: [], level: "error" };
      },
    ).finally(() => (pane.busy = false));
  });
  /** Webex closed the session (multi-login), and whether this pane had the pops then. */
  let closed = false;
  let released = false;
  // The station login and logout (whichever widget or bar did it), offered, selected and open
  // tasks: the widgets shown and the bar follow the store.
  function follow(): void {
    if (!started || pane.state !== "ready" || !widgets) return;
    const state = widgetsState(cc, widgets.offer);
    // A session Webex closed (multi-login) logs out nothing: Cisco's alert offers "Continue" instead.
    pane.stationLoggedIn = state.loggedIn && !state.multiLogin;
    // Webex closed this session (multi-login): no event comes through it, so another SAP tab of the
    // agent's desktop takes the pops; "Continue" in Cisco's alert registers again and takes back
    // the pops this pane had (a pane that stood by goes on standing by).
    if (state.multiLogin !== closed) {
      closed = state.multiLogin;
      if (closed) {
        released = !pane.elsewhere;
        core?.release();
      } else if (released) core?.takeOver();
    }
    pane.openTasks = Object.keys(cc.taskList ?? {}).length > 0;
    widgets.update(state);
  }
  win.setInterval(follow, TASK_CHECK_MS);

  // SAP's click-to-dial before the agent has signed in: no core runs to take it, and nothing could
  // dial it. Said in the pane rather than nothing happening; never dialled later, when the click is
  // long forgotten.
  win.addEventListener("message", (e) => {
    if (core || !config.sapOrigins.includes(e.origin) || !isClickToDial(e.data)) return;
    pane.notice = { id: "wx.dialSignedOut", args: [], level: "error" };
    log("warn", "SAP's click-to-dial before the sign-in: not dialled");
  });

  if (!signIn.restore()) pane.state = "signed-out";
  return [];
}
