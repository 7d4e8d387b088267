/** `<wxcc-sap-connector>` (contract §3) in jsdom, with the real SDK bound to the emulated host. */
import { ContactCenter } from "../../sandbox/desktop-host/contact-center";
import { loadSdk } from "../support/harness";
import { ELEMENT_NAME, WxccSapConnector, defineConnector, selectedId } from "../../widget/wxcc-sap-connector";

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
  await el.updateComplete;
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
  await el.updateComplete;
  expect(set).toHaveBeenLastCalledWith("ep-42", "18005550123");
  el.outdialEp = "   ";
  el.outdialAni = { not: "a string" };
  await el.updateComplete;
  expect(set).toHaveBeenLastCalledWith(undefined, undefined);
  el.remove();
});

test("selectedTask bindings select the conversation by its id", async () => {
  const el = mount({ "mashup-origin": "https://connector.example.com" });
  const select = jest.spyOn(el.connector!, "select");
  el.selectedTask = { interactionId: "i-1", mediaType: "telephony" };
  await el.updateComplete;
  expect(select).toHaveBeenLastCalledWith("i-1");
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
