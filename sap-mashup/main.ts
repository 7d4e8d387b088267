/**
 * The mashup page's shell: reads the configuration, shows the panel, frames (or opens) the Agent
 * Desktop, and starts the app. Behaviour lives in mashup-app.ts and the modules it wires.
 */
import { safeSessionStorage } from "../channel/safe-storage";
import { parseConfig } from "./config";
import { ConnectorPanel, PANEL_ELEMENT } from "./connector-panel";
import { browserLanguages, chooseLanguage, setLanguage, type Language } from "./i18n/localize";
import { applyTheme, parseLook } from "./look";
import { MashupApp } from "./mashup-app";
import { notice } from "./notices";
import { TAB_CHANNEL, type TabChannel } from "./tab-ownership";

/** The fixed name of the alongside desktop window, so a reloaded SAP page finds it again. */
export const DESKTOP_WINDOW_NAME = "wxcc-sap-agent-desktop";
/** How often the alongside shell checks whether the desktop window was closed. */
const WINDOW_CHECK_MS = 2000;

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
  const parsed = parseConfig(win.location.search);
  if (!parsed.ok) {
    panel.status = "config-error";
    panel.configErrors = parsed.errors;
    console.error(`[wxcc-sap mashup] configuration error: ${parsed.errors.join("; ")}`);
    return undefined;
  }
  const config = parsed.config;
  if (config.check) {
    // The setup check instead of the connector: its own bundle, fetched only here (check/check-page.ts).
    panel.remove();
    const url = "./check-page.js"; // a variable, so the bundler leaves the import to the browser
    (import(url) as Promise<typeof import("./check/check-page")>).then(
      (m) => m.startCheck(win, config),
      (e: unknown) => console.error(`[wxcc-sap mashup] the setup check did not load: ${(e as Error)?.message ?? String(e)}`),
    );
    return undefined;
  }
  if (config.webexInSap) {
    // "Webex in SAP": Cisco's widgets and the Webex CC SDK in the pane, no Agent Desktop. Its own
    // bundle (several MB), fetched only here (webex-in-sap/webex-page.ts).
    panel.remove();
    const url = "./webex-in-sap.js"; // a variable, so the bundler leaves the import to the browser
    (import(url) as Promise<typeof import("./webex-in-sap/webex-page")>).then(
      (m) => m.startWebexInSapPage(win, config),
      (e: unknown) => console.error(`[wxcc-sap mashup] the Webex in SAP pane did not load: ${(e as Error)?.message ?? String(e)}`),
    );
    return undefined;
  }
  const alongside = !config.desktopUrl;
  let desktopWindow: Window | null = null;
  const app = new MashupApp(
    win,
    config,
    {
      linkChanged: (linked) => (panel.status = linked ? "linked" : desktopWindow && closed(desktopWindow) ? "no-desktop-window" : "lost"),
      notice: (n) => panel.noticeRaised(n),
      noticesChanged: (items) => (panel.notices = items),
      ownerChanged: (owner) => {
        if (!owner) panel.status = "elsewhere";
        else if (panel.status === "elsewhere") panel.status = alongside && !desktopWindow ? "no-desktop-window" : "waiting";
      },
      render: (s) => {
        // The Agent Desktop's language, when the widget tells it and no `language` parameter is set.
        const fromDesktop = look.language ? language : chooseLanguage(undefined, s.agent?.language, browser);
        if (fromDesktop !== language) void setLanguage((language = fromDesktop), doc);
        panel.legs = s.legs;
        panel.agent = s.agent;
        panel.selected = s.selected;
        panel.signOutReason = s.signOutReason;
      },
    },
    safeSessionStorage(win),
  );
  app.coordinate(tabChannel(win, config.desktopOrigins));
  panel.sapPresent = app.sap.present;
  panel.alongside = alongside;
  panel.logoutReasons = app.logoutReasons;
  panel.addEventListener("set-state", (e) => {
    const d = (e as CustomEvent<{ state: "available" | "idle"; idleCodeId?: string }>).detail;
    void busy(panel, app.setState(d.state, d.idleCodeId));
  });
  panel.addEventListener("dismiss-notice", (e) => app.dismissNotice((e as CustomEvent<{ id: number }>).detail.id));
  panel.addEventListener("take-over", () => {
    app.takeOver();
    // Alongside: a desktop window this tab opened is linked again at once. One another tab opened
    // cannot be reached from here (browsers keep named windows per tab: `open("", name)` would
    // only make a blank one), so the agent opens the desktop from this tab with the button.
    if (alongside && !desktopWindow) panel.status = "no-desktop-window";
  });
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
    if (app.link.linked || !desktopWindow || !closed(desktopWindow) || panel.status === "elsewhere") return;
    if (panel.status !== "no-desktop-window") app.log.warn("the Agent Desktop window was closed");
    panel.status = "no-desktop-window";
  }, WINDOW_CHECK_MS);
  return app;
}

/**
 * The channel the SAP tabs of this site coordinate on (tab-ownership.ts), or none where the
 * browser has no BroadcastChannel: then this tab owns its pops alone. Named after the Agent
 * Desktop the tabs talk to: the agent's tabs compete for one desktop, while pages for other
 * desktops (the sandbox's second agent, beside the first in one window) have nothing to agree on.
 */
function tabChannel(win: Window & typeof globalThis, desktopOrigins: readonly string[]): TabChannel | undefined {
  try {
    return typeof win.BroadcastChannel === "function" ? new win.BroadcastChannel(`${TAB_CHANNEL} ${desktopOrigins.join(" ")}`) : undefined;
  } catch {
    return undefined;
  }
}

function closed(w: Window): boolean {
  try {
    return w.closed;
  } catch {
    return false;
  }
}

async function busy(panel: ConnectorPanel, work: Promise<unknown>): Promise<void> {
  panel.busy = true;
  try {
    await work;
  } finally {
    panel.busy = false;
  }
}
