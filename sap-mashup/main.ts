/**
 * The mashup page's shell: reads the configuration, shows the panel, frames (or opens) the Agent
 * Desktop, and starts the app. Behaviour lives in mashup-app.ts and the modules it wires.
 */
import { safeSessionStorage } from "../channel/safe-storage";
import { parseConfig } from "./config";
import { ConnectorPanel, PANEL_ELEMENT } from "./connector-panel";
import { MashupApp } from "./mashup-app";

/** The fixed name of the alongside desktop window, so a reloaded SAP page finds it again. */
export const DESKTOP_WINDOW_NAME = "wxcc-sap-agent-desktop";

export function startMashup(win: Window & typeof globalThis): MashupApp | undefined {
  const doc = win.document;
  const panel = (doc.querySelector(PANEL_ELEMENT) as ConnectorPanel | null) ?? (doc.body.appendChild(doc.createElement(PANEL_ELEMENT)) as ConnectorPanel);
  const parsed = parseConfig(win.location.search);
  if (!parsed.ok) {
    panel.status = "config-error";
    panel.configErrors = parsed.errors;
    console.error(`[wxcc-sap mashup] configuration error: ${parsed.errors.join("; ")}`);
    return undefined;
  }
  const config = parsed.config;
  const app = new MashupApp(
    win,
    config,
    {
      linkChanged: (linked) => (panel.status = linked ? "linked" : "lost"),
      notice: (n) => panel.addNotice(n),
      render: (s) => {
        panel.legs = s.legs;
        panel.agent = s.agent;
        panel.selected = s.selected;
      },
    },
    safeSessionStorage(win),
  );
  panel.sapPresent = app.sap.present;
  panel.alongside = !config.desktopUrl;
  app.start();

  if (config.desktopUrl) {
    const frame = doc.createElement("iframe");
    frame.id = "agent-desktop";
    frame.title = "Webex Contact Center Agent Desktop";
    frame.allow = "microphone; camera; autoplay; clipboard-read; clipboard-write; display-capture";
    frame.src = config.desktopUrl;
    doc.body.appendChild(frame);
    frame.addEventListener("load", () => frame.contentWindow && app.attachDesktop(frame.contentWindow));
  } else {
    panel.addEventListener("open-desktop", () => {
      const w = win.open(`${config.desktopOrigins[0]}/`, DESKTOP_WINDOW_NAME);
      if (w) app.attachDesktop(w);
      else app.notice({ level: "error", text: "The browser blocked the Agent Desktop window: allow pop-ups for this site." });
    });
  }
  return app;
}
