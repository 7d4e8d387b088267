/**
 * A stand-in for the Webex CC SDK's `webex.cc`, for jsdom tests: it takes Webex's websocket frames
 * and emits exactly what the real `ContactCenter.handleWebsocketMessage` emits for them
 * (`@webex/contact-center` dist/cc.js; docs/reference/webex-cc-events.md §2, §5): every frame's
 * `data` under its `data.type`, `agent:stateChange` and `agent:multiLogin` by the frame's own
 * type, the `agent:*` events by `data.type` (login and relogin without `channelsMap`). It records
 * the SDK calls the port makes and answers them as the tests say. The real SDK, end to end, runs
 * in the browser tests against the emulated Webex cloud.
 */
import type { CcApi } from "../../sap-mashup/webex-in-sap/cc-desktop-port";

type Fn = (payload: unknown) => void;
type Frame = { type?: string; keepalive?: unknown; data?: Record<string, unknown> };

export interface CcCall {
  method: "startOutdial" | "setAgentState" | "stationLogout";
  args: unknown[];
}

export class CcSdkDouble implements CcApi {
  readonly #listeners = new Map<string, Set<Fn>>();
  readonly calls: CcCall[] = [];
  /** Answers the next requests; resolves by default. */
  answer: (call: CcCall) => Promise<unknown> = async () => ({ trackingId: "t-double" });

  on(event: string, fn: Fn): void {
    let set = this.#listeners.get(event);
    if (!set) this.#listeners.set(event, (set = new Set()));
    set.add(fn);
  }

  off(event: string, fn: Fn): void {
    this.#listeners.get(event)?.delete(fn);
  }

  /** How many listeners an event has (the port must leave none behind). */
  listenerCount(): number {
    let n = 0;
    for (const s of this.#listeners.values()) n += s.size;
    return n;
  }

  /** One websocket frame from Webex, as the SDK parses it (a JSON copy). */
  frame(frame: object): void {
    const f = JSON.parse(JSON.stringify(frame)) as Frame;
    const type = typeof f.data?.type === "string" ? f.data.type : undefined;
    if (!f.keepalive && f.data && type) this.#emit(type, f.data);
    if (f.type === "AGENT_MULTI_LOGIN") this.#emit("agent:multiLogin", f.data);
    if (f.type === "AgentStateChange") this.#emit("agent:stateChange", f.data);
    if (!f.data || !type) return;
    const { channelsMap: _dropped, ...login } = f.data;
    switch (type) {
      case "AgentStationLoginSuccess":
        return this.#emit("agent:stationLoginSuccess", login);
      case "AgentReloginSuccess":
        return this.#emit("agent:reloginSuccess", login);
      case "AgentStateChangeSuccess":
        return this.#emit("agent:stateChangeSuccess", f.data);
      case "AgentLogoutSuccess":
        return this.#emit("agent:logoutSuccess", f.data);
    }
  }

  startOutdial(destination: string, origin: string): Promise<unknown> {
    return this.#call({ method: "startOutdial", args: [destination, origin] });
  }

  setAgentState(data: { state: string; auxCodeId: string }): Promise<unknown> {
    return this.#call({ method: "setAgentState", args: [data] });
  }

  stationLogout(data: { logoutReason?: string }): Promise<unknown> {
    return this.#call({ method: "stationLogout", args: [data] });
  }

  #call(call: CcCall): Promise<unknown> {
    this.calls.push(call);
    return this.answer(call);
  }

  #emit(event: string, payload: unknown): void {
    for (const fn of [...(this.#listeners.get(event) ?? [])]) fn(payload);
  }
}
