/**
 * The mashup page's shell: reads the configuration, shows the panel, frames (or opens) the Agent
 * Desktop, and starts the app. Behaviour lives in mashup-app.ts and the modules it wires.
 */
import { isClosed } from "../channel/receive";
import { safeSessionStorage } from "../channel/safe-storage";
import { forWebexInSap, parseConfig } from "./config";
import { ConnectorPanel, PANEL_ELEMENT } from "./connector-panel";
import { browserLanguages, chooseLanguage, setLanguage, type Language } from "./i18n/localize";
import { applyTheme, parseLook } from "./look";
import { MashupApp, type MashupView } from "./mashup-app";
import { notice } from "./notices";
import { RELAY_CHANNEL } from "./desktop-relay";
import { openTabChannel, TAB_CHANNEL } from "./tab-ownership";

type RenderState = Parameters<MashupView["render"]>[0];

/** The fixed name of the alongside desktop window, so a reloaded SAP page finds it again. */
export const DESKTOP_WINDOW_NAME = "wxcc-sap-agent-desktop";
/** How often the alongside shell checks whether the desktop window was closed. */
const WINDOW_CHECK_MS = 2000;
/** After a take-over without a desktop window of its own: how long to wait for one through another tab. The widget says hello every 1.5 s. */
const RELAY_WAIT_MS = 4000;

type Opener = Pick<Window, "open">;

/** True for a window whose document we can read and that shows nothing: one `open("", name)` just created. */
function isBlankOfOurs(w: Window): boolean {
  try {
    return w.location.href === "about:blank";
  } catch {
    return false; // cross-origin: a real page (the desktop) lives there
  }
}

/**
 * Finds the already-open alongside desktop window by its name, without ever leaving a window the
 * agent did not ask for: `open("", name)` returns an existing window of that name untouched (an
 * empty URL does not navigate it). With no such window and no user gesture the pop-up blocker
 * refuses (null: fine); if pop-ups are allowed it creates an empty window, which is closed at once.
 */
export function findDesktopWindow(win: Opener): Window | null {
  let w: Window | null = null;
  try {
    w = win.open("", DESKTOP_WINDOW_NAME);
  } catch {
    return null;
  }
  if (!w) return null;
  if (isBlankOfOurs(w)) {
    try {
      w.close();
    } catch {
      /* nothing to undo */
    }
    return null;
  }
  return w;
}

/**
 * The button's action (a user gesture, so pop-ups are allowed): focus the open desktop window if
 * there is one — never navigate it, that would reload the desktop — or open a new one at `url`.
 */
export function openDesktopWindow(win: Opener, url: string): Window | null {
  let w: Window | null = null;
  try {
    w = win.open("", DESKTOP_WINDOW_NAME);
  } catch {
    w = null;
  }
  if (w && isBlankOfOurs(w)) {
    try {
      w.location.href = url;
    } catch {
      w = null;
    }
  }
  if (!w) {
    try {
      w = win.open(url, DESKTOP_WINDOW_NAME);
    } catch {
      w = null;
    }
  }
  try {
    w?.focus();
  } catch {
    /* focus is a courtesy */
  }
  return w;
}

export function startMashup(win: Window & typeof globalThis): MashupApp | undefined {
  const doc = win.document;
  const panel = (doc.querySelector(PANEL_ELEMENT) as ConnectorPanel | null) ?? (doc.body.appendChild(doc.createElement(PANEL_ELEMENT)) as ConnectorPanel);
  // Theme and language apply even when the rest of the configuration is wrong: the admin reads
  // the error in the pane as the agents would see it.
  const { look } = parseLook(win.location.search);
  applyTheme(doc, look.theme);
  const browser = browserLanguages(win);
  let language: Language = chooseLanguage(look.language, undefined, browser);
  void setLanguage(language, doc);
  if (forWebexInSap(win.location.search)) {
    // "Webex in SAP": Cisco's widgets and the Webex CC SDK in the pane, no Agent Desktop. Its own
    // bundle (several MB), fetched only here (webex-in-sap/webex-page.ts), reads the whole
    // configuration; its errors (also a URL that gives its parameters without webexInSap=on) are
    // shown in this panel like the others'.
    panel.remove();
    lazy("./webex-in-sap.js", "the Webex in SAP pane", (m: typeof import("./webex-in-sap/webex-page")) => {
      const errors = m.startWebexInSapPage(win);
      if (errors.length > 0) configError(doc.body.appendChild(panel), errors);
    });
    return undefined;
  }
  const parsed = parseConfig(win.location.search);
  if (!parsed.ok) return void configError(panel, parsed.errors);
  const config = parsed.config;
  if (config.check) {
    // The setup check instead of the connector: its own bundle, fetched only here (check/check-page.ts).
    panel.remove();
    lazy("./check-page.js", "the setup check", (m: typeof import("./check/check-page")) => m.startCheck(win, config));
    return undefined;
  }
  const alongside = !config.desktopUrl;
  let desktopWindow: Window | null = null;
  let pending: RenderState | undefined;
  const show = (s: RenderState) => {
    // The Agent Desktop's language, when the widget tells it and no `language` parameter is set.
    const fromDesktop = look.language ? language : chooseLanguage(undefined, s.agent?.language, browser);
    if (fromDesktop !== language) void setLanguage((language = fromDesktop), doc);
    panel.legs = s.legs;
    panel.agent = s.agent;
    panel.selected = s.selected;
    panel.signOutReason = s.signOutReason;
  };
  const app = new MashupApp(
    win,
    config,
    {
      linkChanged: (linked) => (panel.status = linked ? "linked" : desktopWindow && isClosed(desktopWindow) ? "no-desktop-window" : "lost"),
      notice: (n) => panel.noticeRaised(n),
      noticesChanged: (items) => (panel.notices = items),
      ownerChanged: (owner) => {
        if (!owner) panel.status = "elsewhere";
        else if (panel.status === "elsewhere") {
          panel.status = "waiting";
          // Alongside, the desktop window another tab opened is reached through that tab
          // (desktop-relay.ts); if none answers, the agent opens one from here.
          if (alongside && !desktopWindow) win.setTimeout(() => {
            if (!app.link.linked && panel.status === "waiting" && (!desktopWindow || isClosed(desktopWindow))) panel.status = "no-desktop-window";
          }, RELAY_WAIT_MS);
        }
      },
      // In the task after the change, the latest state only: a change usually comes with a screen
      // pop, posted to SAP in this very task, and work left in the task delays the pop's delivery
      // (measured with `npm run bench`). One task later is well within a frame.
      render: (s) => {
        const first = pending === undefined;
        pending = s;
        if (first) setTimeout(() => {
          const latest = pending!;
          pending = undefined;
          show(latest);
        }, 0);
      },
    },
    safeSessionStorage(win),
  );
  app.coordinate(openTabChannel(win, TAB_CHANNEL, config.desktopOrigins), alongside ? openTabChannel(win, RELAY_CHANNEL, config.desktopOrigins) : undefined);
  panel.sapPresent = app.sap.present;
  panel.alongside = alongside;
  panel.logoutReasons = app.logoutReasons;
  panel.addEventListener("set-state", (e) => {
    const d = (e as CustomEvent<{ state: "available" | "idle"; idleCodeId?: string }>).detail;
    void busy(panel, app.setState(d.state, d.idleCodeId));
  });
  panel.addEventListener("dismiss-notice", (e) => app.dismissNotice((e as CustomEvent<{ id: number }>).detail.id));
  panel.addEventListener("take-over", () => app.takeOver());
  panel.addEventListener("sign-out", (e) => {
    void busy(panel, app.signOut((e as CustomEvent<{ reason: string }>).detail.reason));
  });
  app.start();

  if (config.desktopUrl) {
    const frame = doc.createElement("iframe");
    frame.id = "agent-desktop";
    frame.title = "Webex Contact Center Agent Desktop";
    frame.allow = "microphone; camera; autoplay; clipboard-read; clipboard-write; display-capture";
    frame.src = config.desktopUrl;
    doc.body.appendChild(frame);
    frame.addEventListener("load", () => frame.contentWindow && app.attachDesktop(frame.contentWindow));
    return app;
  }

  // Alongside: after an SAP page reload the desktop window is still open (and signed in); its
  // widget has lost its opener, so the mashup must find the window by name and say hello first.
  desktopWindow = findDesktopWindow(win);
  if (desktopWindow) {
    app.attachDesktop(desktopWindow);
    app.log.info("found the open Agent Desktop window; linking to it");
  } else panel.status = "no-desktop-window";
  panel.addEventListener("open-desktop", () => {
    const w = openDesktopWindow(win, `${config.desktopOrigins[0]}/`);
    if (!w) return app.notice(notice("n.popupBlocked", [], { cause: "popup" }));
    app.clearNotices("popup");
    desktopWindow = w;
    if (panel.status === "no-desktop-window") panel.status = "waiting";
    app.attachDesktop(w);
  });
  win.setInterval(() => {
    if (app.link.linked || !desktopWindow || !isClosed(desktopWindow) || panel.status === "elsewhere") return;
    if (panel.status !== "no-desktop-window") app.log.warn("the Agent Desktop window was closed");
    panel.status = "no-desktop-window";
  }, WINDOW_CHECK_MS);
  return app;
}

/** Runs a page of its own bundle (by URL: the bundler leaves the import to the browser), fetched only when chosen. */
function lazy<M>(url: string, what: string, start: (m: M) => void): void {
  (import(url) as Promise<M>).then(start, (e: unknown) => console.error(`[wxcc-sap mashup] ${what} did not load: ${(e as Error)?.message ?? String(e)}`));
}

function configError(panel: ConnectorPanel, errors: readonly string[]): void {
  panel.status = "config-error";
  panel.configErrors = errors;
  console.error(`[wxcc-sap mashup] configuration error: ${errors.join("; ")}`);
}

async function busy(panel: ConnectorPanel, work: Promise<unknown>): Promise<void> {
  panel.busy = true;
  try {
    await work;
  } finally {
    panel.busy = false;
  }
}
