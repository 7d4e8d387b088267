/**
 * The thin shell around `@wxcc-desktop/sdk`: the only file that knows the SDK's shape. The
 * controller sees a `DesktopPort`, so its logic can be read (and reasoned about) without the SDK.
 */
import { CONTACT_EVENTS } from "./conversation-tracker";

/** The subset of the SDK's `Desktop` object the connector uses. */
export interface DesktopApi {
  config: { init(p: { widgetName: string; widgetProvider: string }): Promise<unknown> | unknown };
  agentContact: {
    addEventListener(name: string, fn: (msg: unknown) => void): unknown;
    removeEventListener(name: string, fn: (msg: unknown) => void): unknown;
  };
  dialer: {
    startOutdial(p: { data: OutdialData }): Promise<unknown>;
    addEventListener(name: string, fn: (msg: unknown) => void): unknown;
    removeEventListener(name: string, fn: (msg: unknown) => void): unknown;
  };
  agentStateInfo: {
    latestData: Record<string, unknown>;
    addEventListener(name: string, fn: (p: unknown) => void): unknown;
    removeEventListener(name: string, fn: (p: unknown) => void): unknown;
    stateChange(p: { state: string; auxCodeIdArray: string }): Promise<unknown>;
  };
  actions: { getTaskMap(): Promise<unknown>; getIdleCodes?(): Promise<unknown> };
  logout: {
    desktopLogout(p: { data: { logoutReason: string } }): Promise<unknown>;
    addEventListener?(name: "eAgentLogoutSuccess", fn: (msg: unknown) => void): unknown;
    removeEventListener?(name: "eAgentLogoutSuccess", fn: (msg: unknown) => void): unknown;
  };
}

export interface OutdialData {
  entryPointId: string;
  destination: string;
  direction: string;
  origin?: string;
  attributes: Record<string, string>;
  mediaType: string;
  outboundType: string;
}

export interface DesktopPort {
  init(): Promise<void>;
  onContactEvent(fn: (signal: string, msg: unknown) => void): () => void;
  onOutdialFailed(fn: (msg: unknown) => void): () => void;
  onAgentUpdated(fn: (changed: readonly string[]) => void): () => void;
  /** Webex signed the agent out (from the desktop, from SAP, or by a supervisor). Optional: older ports lack it. */
  onSignedOut?(fn: () => void): () => void;
  agentData(): Record<string, unknown>;
  /** Open tasks as the host lists them (message data objects), for rehydration after a reload. */
  taskList(): Promise<unknown[]>;
  startOutdial(data: OutdialData): Promise<unknown>;
  stateChange(state: "Available" | "Idle", auxCodeId: string): Promise<unknown>;
  /** Signs the agent out; `reason` is the one the agent picked, which a host may not be able to keep. */
  logout(reason: string): Promise<unknown>;
}

/** Webex accepts only fixed sign-out reasons through the Desktop SDK (docs/reference/webex-desktop.md §4.4). */
export const WEBEX_LOGOUT_REASON = "User requested logout";

export const WIDGET_NAME = "wxcc-sap-connector";
export const WIDGET_PROVIDER = "wxcc-sap-connector";

export function sdkDesktopPort(desktop: DesktopApi): DesktopPort {
  return {
    async init() {
      // Listeners added before init resolves are silently dropped by the SDK: always await it.
      await desktop.config.init({ widgetName: WIDGET_NAME, widgetProvider: WIDGET_PROVIDER });
    },
    onContactEvent(fn) {
      const bound = CONTACT_EVENTS.map((name) => {
        const listener = (msg: unknown) => fn(name, msg);
        desktop.agentContact.addEventListener(name, listener);
        return [name, listener] as const;
      });
      return () => bound.forEach(([name, l]) => desktop.agentContact.removeEventListener(name, l));
    },
    onOutdialFailed(fn) {
      desktop.dialer.addEventListener("eOutdialFailed", fn);
      return () => desktop.dialer.removeEventListener("eOutdialFailed", fn);
    },
    onAgentUpdated(fn) {
      // The SDK passes the changed fields as [{ name, value, oldValue }] (docs/reference/webex-desktop.md §4.3).
      const l = (p: unknown) => fn(Array.isArray(p) ? p.map((c) => String((c as { name?: unknown })?.name ?? "")) : []);
      desktop.agentStateInfo.addEventListener("updated", l);
      return () => desktop.agentStateInfo.removeEventListener("updated", l);
    },
    onSignedOut(fn) {
      const logout = desktop.logout;
      if (!logout.addEventListener) return () => undefined;
      const l = () => fn();
      logout.addEventListener("eAgentLogoutSuccess", l);
      return () => logout.removeEventListener?.("eAgentLogoutSuccess", l);
    },
    agentData() {
      return desktop.agentStateInfo.latestData ?? {};
    },
    async taskList() {
      const map = await desktop.actions.getTaskMap();
      if (map instanceof Map) return [...map.values()];
      if (map && typeof map === "object") return Object.values(map as Record<string, unknown>);
      return [];
    },
    startOutdial(data) {
      return desktop.dialer.startOutdial({ data });
    },
    stateChange(state, auxCodeId) {
      return desktop.agentStateInfo.stateChange({ state, auxCodeIdArray: auxCodeId });
    },
    logout() {
      // Whatever the agent picked: the Desktop SDK's sign-out keeps only Webex's fixed reason.
      return desktop.logout.desktopLogout({ data: { logoutReason: WEBEX_LOGOUT_REASON } });
    },
  };
}
