/**
 * desktop-relay.ts: alongside, the SAP tab that owns the pops reaches the desktop window another
 * tab opened through that tab. What the desktop posts to a tab standing by goes up to the owner,
 * from a stand-in window per relaying tab; what the owner posts to a stand-in goes down to that
 * tab's desktop window, with the desktop's origin.
 */
import { Log } from "../../channel/log";
import { DesktopRelay, type RelayedMessage } from "../../sap-mashup/desktop-relay";
import { TabBus } from "../support/tab-bus";

const DESKTOP = "https://desktop.wxcc-us1.cisco.com";
const flush = () => new Promise((r) => setTimeout(r, 5));

interface Tab {
  relay: DesktopRelay;
  log: Log;
  delivered: RelayedMessage[];
  state: { owner: boolean; direct: boolean };
}

function tab(bus: TabBus, name: string, owner: boolean): Tab {
  const delivered: RelayedMessage[] = [];
  const state = { owner, direct: false };
  const log = new Log(name, false);
  const relay = new DesktopRelay(bus.channel(), [DESKTOP], { owner: () => state.owner, direct: () => state.direct, deliver: (m) => delivered.push(m) }, log, name);
  relay.start();
  return { relay, log, delivered, state };
}

/** A desktop window: records what is posted to it. */
function desktopWindow() {
  const got: Array<{ data: unknown; origin: unknown }> = [];
  return { got, window: { postMessage: (data: unknown, origin: unknown) => got.push({ data, origin }) } as unknown as MessageEventSource };
}

const fromDesktop = (source: MessageEventSource, data: unknown, origin = DESKTOP) => ({ data, origin, source }) as MessageEvent;

test("standing by, a tab passes what the desktop says to the owner, and the owner's answer back to that desktop", async () => {
  const bus = new TabBus();
  const owner = tab(bus, "B", true), standby = tab(bus, "A", false);
  const desk = desktopWindow();
  expect(standby.relay.fromWindow(fromDesktop(desk.window, { t: "hello", role: "widget" }))).toBe(true);
  await flush();
  expect(owner.delivered.map((m) => [m.data, m.origin])).toEqual([[{ t: "hello", role: "widget" }, DESKTOP]]);
  // The owner answers the stand-in as it would the window: it reaches the desktop, with its origin.
  (owner.delivered[0]!.source as Window).postMessage({ t: "welcome" }, DESKTOP);
  await flush();
  expect(desk.got).toEqual([{ data: { t: "welcome" }, origin: { targetOrigin: DESKTOP } }]);
  // One stand-in per relaying tab: the link recognises its peer by it.
  standby.relay.fromWindow(fromDesktop(desk.window, { t: "event" }));
  await flush();
  expect(owner.delivered[1]!.source).toBe(owner.delivered[0]!.source);
  expect(standby.relay.desktop).toBe(desk.window);
});

test("the owner relays nothing of its own, and nothing but a desktop origin is relayed", async () => {
  const bus = new TabBus();
  const owner = tab(bus, "B", true), standby = tab(bus, "A", false);
  const desk = desktopWindow();
  expect(owner.relay.fromWindow(fromDesktop(desk.window, { t: "hello" }))).toBe(false);
  expect(standby.relay.fromWindow(fromDesktop(desk.window, { t: "hello" }, "https://evil.example"))).toBe(false);
  expect(standby.relay.fromWindow({ data: {}, origin: DESKTOP, source: null } as MessageEvent)).toBe(false);
  await flush();
  expect(bus.sent).toEqual([]);
  expect(owner.delivered).toEqual([]);
});

test("an owner with its own desktop window linked takes no relays; a tab that is not the owner delivers none", async () => {
  const bus = new TabBus();
  const owner = tab(bus, "B", true), standby = tab(bus, "A", false), other = tab(bus, "C", false);
  owner.state.direct = true;
  standby.relay.fromWindow(fromDesktop(desktopWindow().window, { t: "hello" }));
  await flush();
  expect(owner.delivered).toEqual([]);
  expect(other.delivered).toEqual([]);
});

test("`everywhere` greets the desktop of every tab standing by; a message for another tab, or for another origin, goes nowhere", async () => {
  const bus = new TabBus();
  const owner = tab(bus, "B", true), a = tab(bus, "A", false), c = tab(bus, "C", false);
  const deskA = desktopWindow(), deskC = desktopWindow();
  a.relay.fromWindow(fromDesktop(deskA.window, { t: "ping" }));
  c.relay.fromWindow(fromDesktop(deskC.window, { t: "ping" }));
  await flush();
  (owner.relay.everywhere as Window).postMessage({ t: "hello", role: "mashup" }, DESKTOP);
  await flush();
  expect(deskA.got.map((g) => g.data)).toEqual([{ t: "hello", role: "mashup" }]);
  expect(deskC.got.map((g) => g.data)).toEqual([{ t: "hello", role: "mashup" }]);
  (owner.delivered[0]!.source as Window).postMessage({ t: "ack" }, "https://elsewhere.example");
  await flush();
  expect(deskA.got).toHaveLength(1);
  expect(deskC.got).toHaveLength(1);
});

test("a malformed relay message is dropped and counted", async () => {
  const bus = new TabBus();
  const owner = tab(bus, "B", true);
  bus.channel().postMessage({ t: "up", origin: DESKTOP });
  bus.channel().postMessage("nonsense");
  await flush();
  expect(owner.delivered).toEqual([]);
  expect(owner.log.dropped.get("malformed")).toBe(2);
});
