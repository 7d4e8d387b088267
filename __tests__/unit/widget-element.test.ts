/** `<wxcc-sap-connector>` (contract §3) in jsdom, with the real SDK bound to the emulated host. */
import { ContactCenter } from "../../sandbox/desktop-host/contact-center";
import { loadSdk } from "../support/harness";
import { ELEMENT_NAME, WxccSapConnector, defineConnector, selectedId } from "../../widget/wxcc-sap-connector";
import { WidgetConnector } from "../../widget/connector";
import { PROTOCOL, PROTOCOL_VERSION } from "../../channel/protocol";

const cc = new ContactCenter();
const host = cc.addAgent({ agentId: "agent-el-0000-4000-8000-000000000000", agentName: "Element Agent" });
const desktop = loadSdk(host);
host.ready();

let errors: string[];
beforeEach(() => {
  errors = [];
  jest.spyOn(console, "error").mockImplementation((...a: unknown[]) => void errors.push(a.map(String).join(" ")));
  jest.spyOn(console, "info").mockImplementation(() => undefined);
  jest.spyOn(console, "warn").mockImplementation(() => undefined);
  defineConnector(desktop);
});
afterEach(() => {
  document.body.innerHTML = "";
  jest.restoreAllMocks();
});

function mount(attrs: Record<string, string>): WxccSapConnector {
  const el = document.createElement(ELEMENT_NAME) as WxccSapConnector;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  document.body.append(el);
  return el;
}

test("defines the custom element once", () => {
  expect(customElements.get(ELEMENT_NAME)).toBe(WxccSapConnector);
  expect(() => defineConnector(desktop)).not.toThrow();
});

test.each([
  [{}, "mashup-origin is missing"],
  [{ "mashup-origin": "" }, "mashup-origin is missing"],
  [{ "mashup-origin": "*" }, 'mashup-origin: "*" is not an origin'],
  [{ "mashup-origin": "https://connector.example.com/sap/index.html" }, "mashup-origin: "],
  [{ "mashup-origin": "connector.example.com" }, "mashup-origin: "],
])("with an invalid mashup-origin (%j) it does not start and names the parameter", (attrs, msg) => {
  const el = mount(attrs);
  expect(el.connector).toBeUndefined();
  expect(el.configError).toContain(msg);
  expect(errors).toEqual([`[wxcc-sap widget] not started: ${el.configError}`]);
  // Nothing was posted anywhere: no hello went out.
  expect(host.requests.filter((r) => r.method === "aqm.dialer.startOutdial")).toEqual([]);
});

test("with a valid mashup-origin it starts, renders nothing, and stops when removed", async () => {
  const posted: [unknown, string][] = [];
  const spy = jest.spyOn(window, "postMessage").mockImplementation(((m: unknown, o: string) => void posted.push([m, o])) as typeof window.postMessage);
  const el = mount({ "mashup-origin": "https://connector.example.com https://Other.example.com:443" });
  expect(el.configError).toBeUndefined();
  expect(el.connector).toBeDefined();
  expect(el.shadowRoot?.textContent ?? "").toBe("");
  // In a top-level jsdom page there is no ancestor or opener: nothing is posted, certainly not to "*".
  expect(posted.every(([, o]) => o !== "*")).toBe(true);
  const connector = el.connector;
  const stop = jest.spyOn(connector!, "stop");
  el.remove();
  expect(stop).toHaveBeenCalledTimes(1);
  expect(el.connector).toBeUndefined();
  spy.mockRestore();
});

test("outdialEp/outdialAni bindings reach the connector (strings and numbers, trimmed)", async () => {
  const el = mount({ "mashup-origin": "https://connector.example.com" });
  const set = jest.spyOn(el.connector!, "setOutdial");
  el.outdialEp = "  ep-42 ";
  el.outdialAni = 18005550123;
  expect(set).toHaveBeenLastCalledWith("ep-42", "18005550123");
  el.outdialEp = "   ";
  el.outdialAni = { not: "a string" };
  expect(set).toHaveBeenLastCalledWith(undefined, undefined);
  el.remove();
});

test("selectedTask bindings select the conversation by its id", async () => {
  const el = mount({ "mashup-origin": "https://connector.example.com" });
  const select = jest.spyOn(el.connector!, "select");
  el.selectedTask = { interactionId: "i-1", mediaType: "telephony" };
  expect(select).toHaveBeenLastCalledWith("i-1");
  el.remove();
});

/**
 * Plays the mashup from a frame of this page's own origin (so the widget's answers arrive): links
 * with the element's widget and asks it to dial. Returns the entry point Webex was asked to use.
 */
async function dialThroughMashup(el: WxccSapConnector, commandId: string): Promise<unknown> {
  const frame = document.createElement("iframe");
  document.body.append(frame);
  const mashup = frame.contentWindow!;
  const results: unknown[] = [];
  mashup.addEventListener("message", (e) => {
    if ((e.data as { t?: unknown }).t === "result") results.push(e.data);
  });
  const send = (m: object) => window.dispatchEvent(new MessageEvent("message", { data: { p: PROTOCOL, v: PROTOCOL_VERSION, ...m }, origin: location.origin, source: mashup }));
  const before = host.requests.filter((r) => r.method === "aqm.dialer.startOutdial").length;
  send({ t: "welcome", instance: "mashup-1", widgetInstance: el.connector!.link.instance });
  send({ t: "command", instance: "mashup-1", id: commandId, command: { kind: "dial", destination: "+16503054000" } });
  for (let i = 0; i < 200 && results.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
  expect(results).toEqual([{ p: PROTOCOL, v: PROTOCOL_VERSION, t: "result", instance: el.connector!.link.instance, id: commandId, ok: true }]);
  const dials = host.requests.filter((r) => r.method === "aqm.dialer.startOutdial").slice(before);
  expect(dials).toHaveLength(1);
  frame.remove();
  return (dials[0]!.payload as { data: { entryPointId: unknown } }).data.entryPointId;
}

test("bindings the desktop set before the element was upgraded are honoured, and later changes still reach the connector", async () => {
  const select = jest.spyOn(WidgetConnector.prototype, "select");
  // An element made where this registry does not apply is not upgraded until it joins this page:
  // as when the layout creates and binds the element before dist/widget.js has defined it.
  const early = document.implementation.createHTMLDocument("").createElement(ELEMENT_NAME) as WxccSapConnector;
  expect(early).not.toBeInstanceOf(WxccSapConnector);
  early.setAttribute("mashup-origin", location.origin);
  early.outdialEp = "ep-early";
  early.selectedTask = { interactionId: "i-early" };
  document.body.append(early);
  const el = early as WxccSapConnector;
  expect(el).toBeInstanceOf(WxccSapConnector);
  // The values now live behind the element's accessors, not in own properties that hide them.
  expect(Object.prototype.hasOwnProperty.call(el, "outdialEp")).toBe(false);
  expect(Object.prototype.hasOwnProperty.call(el, "selectedTask")).toBe(false);
  expect(el.outdialEp).toBe("ep-early");
  expect(el.selectedTask).toEqual({ interactionId: "i-early" });
  expect(el.connector).toBeDefined();
  expect(select).toHaveBeenCalledWith("i-early");
  expect(await dialThroughMashup(el, "c1")).toBe("ep-early");
  el.outdialEp = "ep-later";
  expect(await dialThroughMashup(el, "c2")).toBe("ep-later");
  el.selectedTask = { id: "i-later" };
  expect(select).toHaveBeenLastCalledWith("i-later");
  el.remove();
});

test("mashup-origin: the attribute is what the connector uses, and is mirrored in the property", () => {
  const el = mount({ "mashup-origin": "https://Connector.example.com" });
  expect(el.mashupOrigin).toBe("https://Connector.example.com");
  expect(el.configError).toBeUndefined();
  el.remove();
  // Set as a property only (no attribute), the origins are used too.
  const byProperty = document.createElement(ELEMENT_NAME) as WxccSapConnector;
  byProperty.mashupOrigin = "https://connector.example.com";
  document.body.append(byProperty);
  expect(byProperty.configError).toBeUndefined();
  expect(byProperty.connector).toBeDefined();
  byProperty.remove();
});

test("removed, it stops; added again, it starts a new connector", () => {
  const el = mount({ "mashup-origin": "https://connector.example.com" });
  const first = el.connector!;
  const stop = jest.spyOn(first, "stop");
  el.remove();
  expect(stop).toHaveBeenCalledTimes(1);
  expect(el.connector).toBeUndefined();
  // Bindings changed while detached reach nobody, and break nothing.
  el.outdialEp = "ep-x";
  el.selectedTask = { interactionId: "i-x" };
  document.body.append(el);
  expect(el.connector).toBeDefined();
  expect(el.connector).not.toBe(first);
  el.remove();
});

describe("selectedId", () => {
  test.each([
    [{ interactionId: "i-1" }, "i-1"],
    [{ id: "i-2" }, "i-2"],
    [{ interactionId: "i-3", id: "other" }, "i-3"],
    ["i-4", "i-4"],
    ["", undefined],
    [{ interactionId: "" }, undefined],
    [{ interactionId: 5 }, undefined],
    [{}, undefined],
    [null, undefined],
    [undefined, undefined],
  ])("%j → %j", (task, id) => {
    expect(selectedId(task)).toBe(id);
  });
});
