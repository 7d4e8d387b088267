/**
 * Test support, bundled for the browser: the SAP stand-in for the scenario tests — a page on SAP's
 * origin that frames the "Webex in SAP" pane (cc-scenario-entry.ts) and records every payload the
 * pane posts with the sandbox's SAP recorder, which checks each against the contract. Not product code.
 */
import { SapRecorder } from "../../sandbox/sap-host/sap-recorder";

const FLUSH = "cc-scenario-flush";
const params = new URLSearchParams(location.search);
const paneUrl = params.get("pane") ?? "";
const paneOrigin = new URL(paneUrl).origin;
let flushed = -1;

/** The page's window as the recorder sees it: the flush marks of the test (never payloads) kept out. */
const win = {
  addEventListener(type: "message", fn: (e: MessageEvent) => void) {
    window.addEventListener(type, (e) => {
      const d = e.data as Record<string, unknown> | null;
      if (e.origin === paneOrigin && d && typeof d === "object" && typeof d[FLUSH] === "number") flushed = d[FLUSH] as number;
      else fn(e);
    });
  },
  removeEventListener: () => undefined,
};
const recorder = new SapRecorder(win, [paneOrigin]);

const frame = document.createElement("iframe");
frame.src = paneUrl;
frame.title = "Webex in SAP";
frame.style.cssText = "width:360px;height:600px;border:0";
// The probe page runs its script in <head>, before <body> exists.
if (document.body) document.body.append(frame);
else addEventListener("DOMContentLoaded", () => document.body.append(frame));

(window as unknown as { sapStandIn: unknown }).sapStandIn = {
  payloads: () => recorder.payloads.map((p) => p.fields),
  violations: () => recorder.violations,
  flushed: () => flushed,
  /** SAP's click-to-dial: the object SAP posts into the CTI frame. */
  dial: (o: unknown) => frame.contentWindow?.postMessage(o, paneOrigin),
};
