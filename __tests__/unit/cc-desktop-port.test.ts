/**
 * `ccDesktopPort` against the installed `@webex/contact-center`: the minimal interface is one the
 * real class satisfies (compile time), every name the port listens to is one the SDK emits (read
 * from its dist/), and the mapping of notifications to tracker signals. What the port does with the
 * real SDK runs in Chromium (__tests__/browser/cc-pane.test.ts, cc-scenarios.test.ts); one case
 * here needs a stand-in (see below).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ContactCenter, ITask } from "@webex/contact-center";
import { AQM_SIGNALS, AVAILABLE_AUX_CODE, CC_EVENT, contactSignal, OUTDIAL_FAILED } from "../../sap-mashup/webex-in-sap/cc-events";
import { ccDesktopPort, type CcApi, type CcTaskLike } from "../../sap-mashup/webex-in-sap/cc-desktop-port";
import { CONTACT_EVENTS } from "../../widget/conversation-tracker";
import { registration } from "../../sap-mashup/webex-in-sap/cc-connector";
import { CcSdkDouble } from "../support/cc-sdk-double";
import { ccProfile } from "../support/cc-harness";

// Compile time: the SDK's own class and task type fit what the port asks for. Its base class comes
// from `@webex/webex-core`, which ships no types: its event methods are checked below, at their source.
const _sdkFits: CcApi = null as unknown as ContactCenter & Pick<CcApi, "on" | "off">;
const _taskFits: CcTaskLike = null as unknown as ITask;
void _sdkFits;
void _taskFits;

const DIST = join(__dirname, "../../node_modules/@webex/contact-center/dist");
const read = (f: string) => readFileSync(join(DIST, f), "utf8");

describe("the names, as the installed SDK has them", () => {
  const quoted = (src: string) => new Set([...src.matchAll(/'([A-Za-z_:]+)'/g)].map((m) => m[1]));

  test("the SDK re-emits every notification on cc under its data.type (what the port relies on)", () => {
    expect(read("cc.js")).toContain("this.emit(eventData.data.type, eventData.data);");
  });

  test("the widgets' store bundles its own copy of the SDK, which re-emits the same way (its cc is the one the port gets)", () => {
    const store = readFileSync(join(DIST, "../../cc-store/dist/index.js"), "utf8");
    expect(store).toMatch(/handleWebsocketMessage=(\w)=>\{const (\w)=JSON\.parse\(\1\);if\(!\2\.keepalive&&\2\.data&&\2\.data\.type&&this\.emit\(\2\.data\.type,\2\.data\)/);
  });

  test("every notification type the port maps is one the SDK knows, but the two it has no name for", () => {
    const known = quoted(read("services/config/types.js"));
    expect(Object.keys(AQM_SIGNALS).filter((t) => !known.has(t))).toEqual(["ContactOwnerChanged", "AgentContactAniUpdated"]);
    expect(known.has(OUTDIAL_FAILED)).toBe(true);
  });

  test("every tracker signal has a notification that feeds it", () => {
    expect(CONTACT_EVENTS.filter((s) => !Object.values(AQM_SIGNALS).includes(s))).toEqual([]);
  });

  // Found by the real SDK (browser/cc-scenarios.test.ts): mapped as a conversation's offer, a
  // consult's reservation made a leg of its own that the consult's end and the conference left alone.
  test("a reservation is the conversation's offer, or the consult's when it marks this agent as consulted", () => {
    expect(contactSignal("AgentContactReserved", { interactionId: "i", isConsulted: false })).toBe("eAgentOfferContact");
    expect(contactSignal("AgentContactReserved", { interactionId: "i" })).toBe("eAgentOfferContact");
    expect(contactSignal("AgentContactReserved", { interactionId: "i", isConsulted: true })).toBe("eAgentOfferConsult");
    expect(contactSignal("AgentContactAssigned", { interactionId: "i", isConsulted: true })).toBe("eAgentContactAssigned");
    expect(contactSignal("AgentContactReserved", null)).toBe("eAgentOfferContact");
    expect(contactSignal("NoSuchNotification", {})).toBeUndefined();
    // A notification the tracker has no use for is not passed on.
    expect(contactSignal("ContactRecordingPaused", { interactionId: "i" })).toBeUndefined();
  });

  test("cc.on/cc.off are ampersand-events' (WebexPlugin is an ampersand-state), whose emit is trigger", () => {
    expect(readFileSync(join(DIST, "../../webex-core/dist/lib/webex-plugin.js"), "utf8")).toContain("_ampersandState.default.extend(");
    const events = readFileSync(join(DIST, "../../../ampersand-events/ampersand-events.js"), "utf8");
    expect(events).toContain("Events.emit = Events.trigger;");
    expect(events).toMatch(/\bon: function \(name, callback, context\)/);
    expect(events).toMatch(/\boff: function \(name, callback, context\)/);
  });

  test("the agent events and the Available code are the SDK's", () => {
    const agentEvents = read("services/agent/types.js");
    for (const name of Object.values(CC_EVENT)) expect(agentEvents).toContain(`"${name}"`);
    expect(read("services/config/constants.js")).toContain(`AGENT_STATE_AVAILABLE_ID = '${AVAILABLE_AUX_CODE}'`);
  });
});

// A stand-in SDK here: in the browser the port always exists before the SDK registers, so it
// always sees Webex's own list; only the widgets' store registering first (the port too late)
// leaves it to the store's task list, and that the real SDK against the emulated cloud cannot show.
describe("the port, created after the SDK registered", () => {
  const registered = (agentId = "agent-1") => Promise.resolve(ccProfile(agentId));

  test("the task list: the user's open tasks when Webex's own list was not seen; an error when there is neither", async () => {
    const cc = new CcSdkDouble();
    const withList = ccDesktopPort(cc, { registered: registered(), openTasks: () => [{ data: { interactionId: "i-9" } }, {}] });
    await withList.init();
    expect(await withList.taskList()).toEqual([{ interactionId: "i-9" }]);
    const without = ccDesktopPort(new CcSdkDouble(), { registered: registered() });
    await without.init();
    await expect(without.taskList()).rejects.toThrow("the open tasks are not known");
  });
});

describe("registration", () => {
  test("settles with the profile of the next registration, made by whoever registers; no second one", async () => {
    let calls = 0;
    const cc = { register: async () => ({ ...ccProfile(`agent-${++calls}`) }) };
    const profile = registration(cc);
    const theirs = await cc.register(); // the widgets' store registering
    expect(await profile).toBe(theirs);
    expect(calls).toBe(1);
    await cc.register();
    expect(calls).toBe(2);
    expect((await profile).agentId).toBe("agent-1");
  });

  test("a failed registration fails it too", async () => {
    const cc = { register: () => Promise.reject(new Error("401 Unauthorized")) };
    const profile = registration(cc);
    await expect(cc.register()).rejects.toThrow("401");
    await expect(profile).rejects.toThrow("401");
  });
});
