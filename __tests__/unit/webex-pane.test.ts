/**
 * The "Webex in SAP" pane's bar (issue 13) in jsdom: signed out it offers the sign-in and says why
 * a sign-in failed; logged in to a station it offers the logout with the reasons configured, which
 * waits while a conversation is open and sends the reason picked.
 */
import { WEBEX_PANE_ELEMENT, type WebexPane } from "../../sap-mashup/webex-in-sap/webex-pane";

async function pane(set: Partial<WebexPane>): Promise<WebexPane> {
  const el = document.createElement(WEBEX_PANE_ELEMENT) as WebexPane;
  Object.assign(el, { logoutReasons: ["End of shift", "Lunch", "Quality review"], ...set });
  document.body.append(el);
  await el.updateComplete;
  return el;
}
/** What the bar says (jsdom puts the styles in a <style> element of the shadow root: not text). */
const text = (el: WebexPane) =>
  [...el.shadowRoot!.childNodes].filter((n) => n.nodeName !== "STYLE" && n.nodeType !== Node.COMMENT_NODE).map((n) => n.textContent ?? "").join(" ").replace(/\s+/g, " ").trim();
const part = <T extends Element = HTMLElement>(el: WebexPane, name: string) => el.shadowRoot!.querySelector<T>(`[part="${name}"]`);

afterEach(() => document.body.replaceChildren());

test("signed out: the sign-in button and the hint; a click asks for the sign-in", async () => {
  const el = await pane({ state: "signed-out" });
  expect(text(el)).toBe("Not signed in to Webex Sign in with Webex Calls, chats and e-mails come to this pane once you are signed in. Sign-in opens in a small window.");
  const asked: string[] = [];
  el.addEventListener("sign-in", () => asked.push("sign-in"));
  part(el, "sign-in")!.click();
  expect(asked).toEqual(["sign-in"]);
});

test("why the agent is signed out replaces the hint, as an alert when it is an error", async () => {
  const el = await pane({ state: "signed-out", notice: { id: "wx.cause.popup-blocked", args: [], level: "error" } });
  expect(text(el)).toBe("Not signed in to Webex Sign in with Webex The browser blocked the sign-in window. Allow pop-ups for this page, then sign in again.");
  expect(part(el, "notice")!.getAttribute("role")).toBe("alert");
});

test("signing in and starting: no buttons, the state said", async () => {
  const el = await pane({ state: "signing-in" });
  expect(text(el)).toBe("Signing in to Webex…");
  el.state = "starting";
  await el.updateComplete;
  expect(text(el)).toBe("Connecting to Webex Contact Center…");
  expect(part(el, "sign-in")).toBeNull();
});

test("ready but not logged in to a station: no logout (Cisco's station login widget is shown)", async () => {
  const el = await pane({ state: "ready", stationLoggedIn: false });
  expect(text(el)).toBe("Signed in to Webex");
  expect(part(el, "log-out-toggle")).toBeNull();
});

test("logout with a reason: the reasons configured (the default ones translated), the one picked is sent", async () => {
  const el = await pane({ state: "ready", stationLoggedIn: true });
  part(el, "log-out-toggle")!.click();
  await el.updateComplete;
  const select = part<HTMLSelectElement>(el, "log-out-reason")!;
  expect([...select.options].map((o) => [o.value, o.textContent])).toEqual([["End of shift", "End of shift"], ["Lunch", "Lunch"], ["Quality review", "Quality review"]]);
  const sent: string[] = [];
  el.addEventListener("log-out", (e) => sent.push((e as CustomEvent<{ reason: string }>).detail.reason));
  select.value = "Lunch";
  part(el, "log-out")!.click();
  expect(sent).toEqual(["Lunch"]);
});

test("while a conversation or its wrap-up is open the logout waits and says why; while busy a click does nothing", async () => {
  const el = await pane({ state: "ready", stationLoggedIn: true, openTasks: true });
  part(el, "log-out-toggle")!.click();
  await el.updateComplete;
  expect(part<HTMLButtonElement>(el, "log-out")!.disabled).toBe(true);
  expect(part(el, "log-out-hint")!.textContent).toBe("You can log out once every conversation and its wrap-up is finished.");
  el.openTasks = false;
  el.busy = true;
  await el.updateComplete;
  const sent: string[] = [];
  el.addEventListener("log-out", () => sent.push("x"));
  part(el, "log-out")!.click();
  expect(sent).toEqual([]);
  expect(part(el, "log-out")!.getAttribute("aria-disabled")).toBe("true");
});

test("logged out of the station, the row closes and the reason is shown", async () => {
  const el = await pane({ state: "ready", stationLoggedIn: true });
  part(el, "log-out-toggle")!.click();
  await el.updateComplete;
  Object.assign(el, { stationLoggedIn: false, notice: { id: "wx.loggedOut", args: ["Lunch"], level: "info" } });
  await el.updateComplete;
  expect(part(el, "log-out-row")).toBeNull();
  expect(text(el)).toBe("Signed in to Webex Logged out of the station: Lunch");
});

test("the core's notices show under the bar as in the other topologies' panel; a refused dial is also said aloud; dismissing asks by id", async () => {
  const { notice } = await import("../../sap-mashup/notices");
  const refused = notice("n.outdialFailed", [], { cause: "dial" });
  const at = Date.UTC(2026, 11, 2, 8, 30);
  const el = await pane({ state: "ready", stationLoggedIn: true, notices: [{ id: 7, notice: refused, at }] });
  el.noticeRaised(refused);
  await el.updateComplete;
  expect(part(el, "notice-text")!.textContent).toBe(refused.text);
  expect(part(el, "live")!.textContent).toBe(refused.text);
  const asked: number[] = [];
  el.addEventListener("dismiss-notice", (e) => asked.push((e as CustomEvent<{ id: number }>).detail.id));
  part(el, "dismiss")!.click();
  expect(asked).toEqual([7]);
  el.notices = [];
  await el.updateComplete;
  expect(part(el, "notices")).toBeNull();
});

test("another SAP tab of the same agent's Agent Desktop posts to SAP: the pane says so and offers to take over", async () => {
  const el = await pane({ state: "ready", stationLoggedIn: true, elsewhere: true });
  expect(text(el)).toBe("Signed in to Webex Log out… Another SAP tab has the connector Use this tab Calls, chats and activities appear in that tab. To work in this one instead, press “Use this tab”.");
  const asked: string[] = [];
  el.addEventListener("take-over", () => asked.push("take-over"));
  part(el, "take-over")!.click();
  expect(asked).toEqual(["take-over"]);
  el.elsewhere = false;
  await el.updateComplete;
  expect(part(el, "take-over")).toBeNull();
  expect(text(el)).toBe("Signed in to Webex Log out…");
});
