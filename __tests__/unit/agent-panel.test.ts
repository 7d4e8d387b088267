/**
 * The mashup's agent-state and sign-out controls (issue 4) in jsdom, the `logoutReasons`
 * parameter, and the alongside shell's window handling (finding the open desktop window by name
 * without ever leaving an unasked-for pop-up).
 */
import { ConnectorPanel, PANEL_ELEMENT } from "../../sap-mashup/connector-panel";
import { agentText } from "../../sap-mashup/panel-text";
import { DESKTOP_WINDOW_NAME, findDesktopWindow, openDesktopWindow } from "../../sap-mashup/main";
import { parseConfig } from "../../sap-mashup/config";
import type { AgentState, Leg } from "../../channel/protocol";

const AGENT: AgentState = {
  status: "idle",
  idleCode: { id: "c-2", name: "Back office" },
  idleCodes: [
    { id: "c-1", name: "Coaching" },
    { id: "c-2", name: "Back office" },
  ],
  outdialEnabled: true,
};

const LEG: Leg = {
  interactionId: "i-1",
  agentId: "a-1",
  media: "telephony",
  channel: "telephony",
  direction: "INBOUND",
  role: "main",
  phase: "connected",
  held: false,
  customer: { ani: "+14155550100" },
  cad: {},
  offeredAt: 1,
};

async function panel(set: Partial<ConnectorPanel>): Promise<ConnectorPanel> {
  const el = document.createElement(PANEL_ELEMENT) as ConnectorPanel;
  Object.assign(el, { status: "linked", logoutReasons: ["End of shift", "Training"], ...set });
  document.body.append(el);
  await el.updateComplete;
  return el;
}

const part = <T extends Element = HTMLElement>(el: ConnectorPanel, name: string) => el.shadowRoot!.querySelector<T>(`[part="${name}"]`);
const text = (el: ConnectorPanel) => (el.shadowRoot!.textContent ?? "").replace(/\s+/g, " ");

afterEach(() => {
  document.body.innerHTML = "";
});

test("shows the state and offers Available plus exactly the desktop's idle codes", async () => {
  const el = await panel({ agent: AGENT });
  // The select says the state itself (its option), so a screen reader hears it once.
  const selected = () => [...part<HTMLSelectElement>(el, "state-select")!.options].find((o) => o.selected)?.textContent;
  expect(selected()).toBe("Idle: Back office");
  expect(part(el, "state-select")!.getAttribute("title")).toBe("Idle: Back office");
  expect(part(el, "state-select")!.getAttribute("aria-label")).toBe("State");
  const options = [...part<HTMLSelectElement>(el, "state-select")!.options].map((o) => [o.value, o.textContent, o.selected]);
  expect(options).toEqual([
    ["available", "Available", false],
    ["idle:c-1", "Idle: Coaching", false],
    ["idle:c-2", "Idle: Back office", true],
  ]);
});

test("picking a state asks for it; a refused change leaves the select on the real state", async () => {
  const el = await panel({ agent: AGENT });
  const asked: unknown[] = [];
  el.addEventListener("set-state", (e) => asked.push((e as CustomEvent).detail));
  const select = part<HTMLSelectElement>(el, "state-select")!;
  select.value = "idle:c-1";
  select.dispatchEvent(new Event("change"));
  select.value = "available";
  select.dispatchEvent(new Event("change"));
  expect(asked).toEqual([{ state: "idle", idleCodeId: "c-1" }, { state: "available" }]);

  // While the request is on its way the select says so but keeps the keyboard focus (a disabled
  // control would drop it: found by the keyboard-only browser test), and ignores a further choice.
  select.focus();
  el.busy = true;
  await el.updateComplete;
  expect(select.disabled).toBe(false);
  expect(select.getAttribute("aria-disabled")).toBe("true");
  expect(el.shadowRoot!.activeElement).toBe(select);
  select.value = "available";
  select.dispatchEvent(new Event("change"));
  expect(asked).toHaveLength(2);
  await el.updateComplete;
  expect(select.value).toBe("idle:c-2");
  el.busy = false; // Webex refused: the state is unchanged
  await el.updateComplete;
  expect(select.value).toBe("idle:c-2");
  expect(select.getAttribute("aria-disabled")).toBe("false");
});

test("sign-out sends the picked reason; it is disabled, with a reason why, while a conversation is open", async () => {
  const el = await panel({ agent: AGENT });
  const asked: unknown[] = [];
  el.addEventListener("sign-out", (e) => asked.push((e as CustomEvent).detail));
  // The reason and the confirming button fold out of the bar's "Sign out" button.
  expect(part(el, "sign-out-reason")).toBeNull();
  const toggle = part<HTMLButtonElement>(el, "sign-out-toggle")!;
  expect(toggle.getAttribute("aria-expanded")).toBe("false");
  toggle.click();
  await el.updateComplete;
  expect(toggle.getAttribute("aria-expanded")).toBe("true");
  const reasons = part<HTMLSelectElement>(el, "sign-out-reason")!;
  expect([...reasons.options].map((o) => o.value)).toEqual(["End of shift", "Training"]);
  reasons.value = "Training";
  part<HTMLButtonElement>(el, "sign-out")!.click();
  expect(asked).toEqual([{ reason: "Training" }]);

  el.legs = [LEG];
  el.agent = { ...AGENT, activity: "conversation" };
  await el.updateComplete;
  expect(part<HTMLButtonElement>(el, "sign-out")!.disabled).toBe(true);
  expect(part(el, "sign-out-hint")!.textContent).toBe("You can sign out once every conversation and its wrap-up is finished.");
  const select = part<HTMLSelectElement>(el, "state-select")!;
  expect([...select.options].find((o) => o.selected)?.textContent).toBe("Idle: Back office, on a conversation");
  expect(select.getAttribute("title")).toBe("Idle: Back office, on a conversation");
});

test("signed out: the reason chosen in SAP is shown, sign-in is the desktop's, no controls", async () => {
  const el = await panel({ agent: { ...AGENT, status: "signed-out", idleCode: undefined }, signOutReason: "Training" });
  expect(text(el)).toContain("Signed out (Training). Sign in again in the Agent Desktop.");
  expect(part(el, "state-select")).toBeNull();
  expect(part(el, "sign-out-toggle")).toBeNull();
  expect(part(el, "sign-out")).toBeNull();
});

test("controls wait while the desktop is not linked", async () => {
  const el = await panel({ agent: AGENT, status: "lost" });
  expect(part<HTMLSelectElement>(el, "state-select")!.disabled).toBe(true);
  expect(part<HTMLSelectElement>(el, "state-select")!.getAttribute("aria-label")).toBe("State (last known)");
  expect(part<HTMLButtonElement>(el, "sign-out-toggle")!.disabled).toBe(true);
});

test("alongside: the status line says the link is lost, and the button to reopen the desktop is there", async () => {
  const el = await panel({ alongside: true, status: "lost" });
  expect(part(el, "status")!.textContent).toBe("Link to the Agent Desktop lost");
  expect(part(el, "open-desktop")!.textContent).toBe("Open the Agent Desktop");
  el.status = "no-desktop-window";
  await el.updateComplete;
  // Information with a button, not an error: the first visit of every alongside session.
  expect(part(el, "status")!.className).toBe("link no-desktop-window");
  expect(part(el, "status")!.textContent).toBe("The Agent Desktop window is not open");
  expect(text(el)).toContain("Open it with the button; you sign in there with Webex single sign-on.");
  el.status = "linked";
  await el.updateComplete;
  expect(part(el, "open-desktop")).toBeNull();
});

test("conversations fold away under the framed desktop, and stay open alongside (no desktop framed)", async () => {
  const embedded = await panel({ agent: AGENT, legs: [LEG] });
  expect(part<HTMLDetailsElement>(embedded, "conversations")!.open).toBe(false);
  expect(part(embedded, "conversations")!.querySelector("summary")!.textContent).toBe("Conversations (1)");
  const alongside = await panel({ agent: AGENT, legs: [LEG], alongside: true });
  expect(part<HTMLDetailsElement>(alongside, "conversations")!.open).toBe(true);
  expect(part(alongside, "conversations")!.querySelector("li")!.textContent!.trim()).toBe("Call from +*********00 – connected");
});

test("two notices at most, newest first, each with its time and conversation, and a count of the rest", async () => {
  const { notice, conversationOf } = await import("../../sap-mashup/notices");
  const items = [1, 2, 3].map((i) => ({ id: i, at: Date.UTC(2026, 0, 1, 9, i), notice: notice("n.noNumber", [], { conversation: conversationOf({ ...LEG, interactionId: `i-${i}` }) }) }));
  const el = await panel({ agent: AGENT, notices: items });
  expect(el.shadowRoot!.querySelectorAll('[part="notice"]')).toHaveLength(2);
  expect(part(el, "notice")!.querySelector(".meta")!.textContent).toMatch(/^\d{2}:\d{2}.* · Call from \+\*{9}00$/);
  expect(part(el, "more-notices")!.textContent).toBe("More notices: 1");
  const dismissed: unknown[] = [];
  el.addEventListener("dismiss-notice", (e) => dismissed.push((e as CustomEvent).detail));
  part<HTMLButtonElement>(el, "dismiss")!.click();
  expect(dismissed).toEqual([{ id: 1 }]);
  expect(part(el, "dismiss")!.getAttribute("aria-label")).toBe("Dismiss");
});

test("agentText covers every state and activity", () => {
  expect(agentText({ ...AGENT, status: "available", idleCode: undefined })).toBe("Available");
  expect(agentText({ ...AGENT, status: "available", idleCode: undefined, activity: "wrap-up" })).toBe("Available, in wrap-up");
  expect(agentText({ ...AGENT, status: "unknown" })).toBe("Unknown");
  expect(agentText({ ...AGENT, status: "idle", idleCode: undefined })).toBe("Idle");
  expect(agentText({ ...AGENT, activity: "conversation" })).toBe("Idle: Back office, on a conversation");
  expect(agentText({ ...AGENT, status: "signed-out" })).toBe("Signed out. Sign in again in the Agent Desktop.");
});

describe("logoutReasons parameter", () => {
  const base = "?sapOrigin=https%3A%2F%2Fmy1.crm.ondemand.com&desktopOrigin=https%3A%2F%2Fdesktop.wxcc-us1.cisco.com";
  test("absent: no list (the app's defaults apply)", () => {
    const r = parseConfig(base);
    expect(r.ok && r.config.logoutReasons).toBeUndefined();
  });
  test("comma-separated, trimmed, de-duplicated", () => {
    const r = parseConfig(`${base}&logoutReasons=${encodeURIComponent(" End of shift,Training,,Training ")}`);
    expect(r.ok && r.config.logoutReasons).toEqual(["End of shift", "Training"]);
  });
  test("empty or oversized lists name the parameter", () => {
    expect(parseConfig(`${base}&logoutReasons=${encodeURIComponent(" , ")}`)).toEqual({ ok: false, errors: ["logoutReasons: give at least one reason, separated by commas"] });
    const long = parseConfig(`${base}&logoutReasons=${"x".repeat(101)}`);
    expect(long.ok).toBe(false);
    expect(!long.ok && long.errors[0]).toMatch(/^logoutReasons: /);
  });
});

describe("alongside desktop window", () => {
  /** A window as `open()` returns it: ours (about:blank, readable) or the desktop's (cross-origin). */
  function fakeWindow(kind: "blank" | "desktop") {
    const w = {
      closed: false,
      focused: false,
      href: "about:blank",
      close() {
        w.closed = true;
      },
      focus() {
        w.focused = true;
      },
      get location() {
        if (kind === "desktop") throw new DOMException("Blocked a frame with origin", "SecurityError");
        return {
          get href() {
            return w.href;
          },
          set href(v: string) {
            w.href = v;
          },
        };
      },
    };
    return w;
  }
  function opener(result: (url: string, name: string) => unknown) {
    const calls: [string, string][] = [];
    return { calls, win: { open: (url = "", name = "") => (calls.push([url, name]), result(url, name) as Window | null) } };
  }

  test("an already-open desktop window is found by name and left as it is", () => {
    const desktop = fakeWindow("desktop");
    const o = opener(() => desktop);
    expect(findDesktopWindow(o.win)).toBe(desktop);
    expect(o.calls).toEqual([["", DESKTOP_WINDOW_NAME]]);
    expect(desktop.closed).toBe(false);
  });

  test("pop-ups blocked (no user gesture) and no window open: nothing found, nothing opened", () => {
    const o = opener(() => null);
    expect(findDesktopWindow(o.win)).toBeNull();
    const t = opener(() => {
      throw new Error("blocked");
    });
    expect(findDesktopWindow(t.win)).toBeNull();
  });

  test("pop-ups allowed and no window open: the blank window the lookup created is closed at once", () => {
    const blank = fakeWindow("blank");
    const o = opener(() => blank);
    expect(findDesktopWindow(o.win)).toBeNull();
    expect(blank.closed).toBe(true);
  });

  test("the button focuses the open desktop window without navigating (reloading) it", () => {
    const desktop = fakeWindow("desktop");
    const o = opener(() => desktop);
    expect(openDesktopWindow(o.win, "https://desktop.wxcc-us1.cisco.com/")).toBe(desktop);
    expect(o.calls).toEqual([["", DESKTOP_WINDOW_NAME]]);
    expect(desktop.focused).toBe(true);
  });

  test("the button opens the desktop in the named window when none is open", () => {
    const blank = fakeWindow("blank");
    const o = opener(() => blank);
    expect(openDesktopWindow(o.win, "https://desktop.wxcc-us1.cisco.com/")).toBe(blank);
    expect(blank.href).toBe("https://desktop.wxcc-us1.cisco.com/");
    expect(blank.closed).toBe(false);
    expect(o.calls).toEqual([["", DESKTOP_WINDOW_NAME]]);
  });

  test("the button reports a blocked pop-up as null", () => {
    const o = opener(() => null);
    expect(openDesktopWindow(o.win, "https://desktop.wxcc-us1.cisco.com/")).toBeNull();
    expect(o.calls).toEqual([
      ["", DESKTOP_WINDOW_NAME],
      ["https://desktop.wxcc-us1.cisco.com/", DESKTOP_WINDOW_NAME],
    ]);
  });
});
