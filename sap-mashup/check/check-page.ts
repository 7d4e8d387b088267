/**
 * The setup check's page (issue 15), a bundle of its own: main.ts imports it by URL when the
 * mashup's URL has `check=on`, instead of starting the connector, so the agents' page carries
 * none of it. It renders `<wxcc-sap-check>` over the whole CTI pane, in the admin's language.
 */
import type { MashupConfig } from "../config";
import { browserLanguages, chooseLanguage } from "../i18n/localize";
import { CheckApp } from "./check-app";
import { CHECK_ELEMENT, type CheckElement } from "./check-element";
import { newRunId } from "./check-steps";
import { setCheckLanguage } from "./check-text";

/** Starts the check in `win`, with the configuration main.ts has already validated. */
export function startCheck(win: Window & typeof globalThis, config: MashupConfig): CheckApp {
  const doc = win.document;
  const browser = browserLanguages(win);
  void setCheckLanguage(chooseLanguage(config.look?.language, undefined, browser), doc);
  const parent = win.parent as Window | null;
  const sap = parent && parent !== win ? parent : null;
  const app = new CheckApp(sap, config, win.location.href, newRunId(Date.now()));
  const el = doc.createElement(CHECK_ELEMENT) as CheckElement;
  el.app = app;
  el.sapPresent = sap !== null;
  doc.body.appendChild(el);
  app.log.info(`setup check page ready (run ${app.run}); nothing is sent until the admin presses a button`);
  return app;
}
