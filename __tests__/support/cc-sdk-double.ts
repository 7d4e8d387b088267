/**
 * A stand-in for the Webex CC SDK's `webex.cc`, kept only for what the real SDK against the
 * emulated cloud cannot be made to do (each test that uses it says which); everything else about
 * the "Webex in SAP" pane runs with the real SDK in Chromium (__tests__/browser/cc-pane.test.ts,
 * cc-scenarios.test.ts). It takes Webex's websocket frames and emits what the real
 * `ContactCenter.handleWebsocketMessage` emits for them (docs/reference/webex-cc-events.md §2,
 * §5): every frame's `data` under its `data.type`, and the `agent:*` login events by `data.type`.
 * Its requests are not used by those tests and fail if called.
 */
import type { CcApi } from "../../sap-mashup/webex-in-sap/cc-desktop-port";

type Fn = (payload: unknown) => void;
type Frame = { type?: string; keepalive?: unknown; data?: Record<string, unknown> };

export class CcSdkDouble implements CcApi {
  readonly #listeners = new Map<string, Set<Fn>>();

  on(event: string, fn: Fn): void {
    let set = this.#listeners.get(event);
    if (!set) this.#listeners.set(event, (set = new Set()));
    set.add(fn);
  }

  off(event: string, fn: Fn): void {
    this.#listeners.get(event)?.delete(fn);
  }

  /** One websocket frame from Webex, as the SDK parses it (a JSON copy). */
  frame(frame: object): void {
    const f = JSON.parse(JSON.stringify(frame)) as Frame;
    const type = typeof f.data?.type === "string" ? f.data.type : undefined;
    if (f.keepalive || !f.data || !type) return;
    this.#emit(type, f.data);
    const { channelsMap: _dropped, ...login } = f.data;
    if (type === "AgentStationLoginSuccess") this.#emit("agent:stationLoginSuccess", login);
    if (type === "AgentReloginSuccess") this.#emit("agent:reloginSuccess", login);
  }

  startOutdial(): Promise<unknown> {
    return this.#unused("startOutdial");
  }

  setAgentState(): Promise<unknown> {
    return this.#unused("setAgentState");
  }

  stationLogout(): Promise<unknown> {
    return this.#unused("stationLogout");
  }

  #unused(method: string): Promise<unknown> {
    return Promise.reject(new Error(`${method}: not used with the stand-in (the real SDK's requests run in the browser tests)`));
  }

  #emit(event: string, payload: unknown): void {
    for (const fn of [...(this.#listeners.get(event) ?? [])]) fn(payload);
  }
}
