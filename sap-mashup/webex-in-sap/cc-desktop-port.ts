/**
 * A `DesktopPort` over the Webex Contact Center SDK (`webex.cc` of `@webex/contact-center`), so the
 * same `WidgetConnector` and `ConversationTracker` serve the "Webex in SAP" topology. The event
 * names and how they map are in cc-events.ts; the facts in docs/reference/webex-cc-events.md.
 *
 * Create it before the SDK registers (`cc.register()`, which the widgets' store calls): it listens
 * at once and keeps what arrives until the connector subscribes, so the open conversations Webex
 * announces right after registering (a page reload mid-call) are not missed.
 */
import type { DesktopPort, OutdialData } from "../../widget/desktop-port";
import { AQM_SIGNALS, AVAILABLE_AUX_CODE, CC_EVENT, contactSignal, OUTDIAL_FAILED } from "./cc-events";

/** Why an outdial is refused before the SDK is asked: the agent is logged out of the station (webex-text.ts words it). */
export const STATION_LOGGED_OUT = "logged out of the station";

/**
 * The subset of the CC SDK's `ContactCenter` (`webex.cc`) the port uses; the real class satisfies
 * it (checked at compile time in __tests__/unit/cc-desktop-port.test.ts). `on`/`off` are its
 * event methods (ampersand-events, through `WebexPlugin`).
 */
export interface CcApi {
  on(event: string, fn: (payload: unknown) => void): unknown;
  off(event: string, fn: (payload: unknown) => void): unknown;
  startOutdial(destination: string, origin: string): Promise<unknown>;
  setAgentState(data: { state: string; auxCodeId: string }): Promise<unknown>;
  /** The SDK's type names three fixed reasons; it sends whatever it is given (docs/reference/webex-cc-events.md §5.3). */
  stationLogout(data: { logoutReason?: string }): Promise<unknown>;
}

/** The parts of the CC SDK's `Profile` (what `cc.register()` resolves with) the port reads. */
export interface CcProfile {
  agentId: string;
  agentName?: string;
  idleCodes?: readonly { id: string; name: string; isSystem?: boolean }[];
  isOutboundEnabledForAgent?: boolean;
  isOutboundEnabledForTenant?: boolean;
  outDialEp?: string;
  /** true after the SDK's silent re-login found a session; absent (never false) otherwise. */
  isAgentLoggedIn?: boolean;
  lastStateAuxCodeId?: string;
}

/** Something with the CC SDK's task shape: `data` is the task's AQM data (`TaskData`). */
export interface CcTaskLike {
  data?: unknown;
}

export interface CcPortOptions {
  /** Settles once the SDK is registered (and, when the agent was signed in, relogged in), with its profile. */
  registered: Promise<CcProfile>;
  /**
   * The open tasks as the SDK's user keeps them (the widgets' store: `store.taskList`); the SDK
   * keeps its own list private. Used after a reload for conversations announced before this port listened.
   */
  openTasks?: () => Iterable<CcTaskLike>;
  /** How long to wait for the conversations Webex listed at (re)login to arrive (default 10 s). */
  taskWaitMs?: number;
}

/** Bounds what is kept before the connector subscribes: a burst at registration, never a shift. */
const MAX_BUFFERED = 2000;

type Obj = Record<string, unknown>;
const obj = (x: unknown): Obj | undefined => (typeof x === "object" && x !== null && !Array.isArray(x) ? (x as Obj) : undefined);
const str = (x: unknown): string | undefined => (typeof x === "string" && x !== "" ? x : undefined);

/** The port, plus what only this topology has. */
export interface CcDesktopPort extends DesktopPort {
  /** The agent's profile once registered (the outdial entry point lives there). */
  readonly profile: CcProfile | undefined;
  /** Stops listening to the SDK. */
  close(): void;
}

export function ccDesktopPort(cc: CcApi, options: CcPortOptions): CcDesktopPort {
  let profile: CcProfile | undefined;
  /** The agent as the Desktop SDK's `agentStateInfo.latestData` has it, so `agentStateFrom` reads both alike. */
  let agent: Obj = {};
  let contactSink: ((signal: string, msg: unknown) => void) | undefined;
  const buffered: [string, unknown][] = [];
  const agentSinks = new Set<(changed: readonly string[]) => void>();
  const signedOutSinks = new Set<() => void>();
  const outdialSinks = new Set<(msg: unknown) => void>();
  /**
   * Interactions Webex listed at the last (re)login, and every one a notification has named since:
   * kept only until the connector has read the task list once (it reads it at start only).
   */
  let listed: string[] | undefined;
  let seen: Set<string> | undefined = new Set<string>();
  let arrived: (() => void) | undefined;
  let cancelWait: ((e: Error) => void) | undefined;
  const bound: [string, (p: unknown) => void][] = [];
  const listen = (event: string, fn: (p: unknown) => void) => {
    cc.on(event, fn);
    bound.push([event, fn]);
  };

  const changed = (fields: readonly string[]) => agentSinks.forEach((fn) => fn(fields));
  const applyState = (d: Obj) => {
    const aux = str(d.auxCodeId);
    const sub = str(d.subStatus) ?? (aux === undefined ? undefined : aux === AVAILABLE_AUX_CODE ? "Available" : "Idle");
    if (sub) agent.subStatus = sub;
    if (aux !== undefined) agent.idleCode = aux === AVAILABLE_AUX_CODE ? undefined : { id: aux };
  };

  for (const type of Object.keys(AQM_SIGNALS)) {
    listen(type, (data) => {
      const signal = contactSignal(type, data) as string;
      const id = str(obj(data)?.interactionId);
      if (id && seen && seen.size < MAX_BUFFERED) {
        seen.add(id);
        arrived?.();
      }
      // The Desktop SDK hands the whole notification, `{ data }` inside; the CC SDK re-emits `data`.
      const msg = { data };
      if (contactSink) contactSink(signal, msg);
      else if (buffered.length < MAX_BUFFERED) buffered.push([signal, msg]);
    });
  }
  listen(OUTDIAL_FAILED, (data) => outdialSinks.forEach((fn) => fn({ data })));
  listen(CC_EVENT.stateChange, (data) => {
    applyState(obj(data) ?? {});
    changed(["subStatus", "idleCode"]);
  });
  const loggedIn = (data: unknown) => {
    const d = obj(data) ?? {};
    agent.status = str(d.status) ?? "LoggedIn";
    agent.agentSessionId = str(d.agentSessionId);
    applyState(d);
    listed = Array.isArray(d.interactionIds) ? d.interactionIds.filter((x): x is string => typeof x === "string") : listed;
    changed(["status", "agentSessionId", "subStatus"]);
  };
  listen(CC_EVENT.stationLoginSuccess, loggedIn);
  listen(CC_EVENT.reloginSuccess, loggedIn);
  listen(CC_EVENT.logoutSuccess, () => {
    agent.status = "LoggedOut";
    listed = [];
    signedOutSinks.forEach((fn) => fn());
  });

  const openTaskData = (): unknown[] => {
    const out: unknown[] = [];
    for (const t of options.openTasks?.() ?? []) if (obj(t?.data)) out.push(t.data);
    return out;
  };

  return {
    get profile() {
      return profile;
    },
    async init() {
      const p = await options.registered;
      profile = p;
      const aux = str(p.lastStateAuxCodeId);
      agent = {
        ...agent,
        agentName: p.agentName,
        // The SDK adds Available to the idle codes (id "0"); SAP lists it apart (docs/reference/webex-cc-events.md §5.2).
        idleCodes: (p.idleCodes ?? []).filter((c) => c.id !== AVAILABLE_AUX_CODE),
        isOutboundEnabledForAgent: p.isOutboundEnabledForAgent,
        isOutboundEnabledForTenant: p.isOutboundEnabledForTenant,
      };
      // A login seen while registering (relogin) already set the state; otherwise the profile's.
      if (agent.status === undefined) {
        // The SDK sets isAgentLoggedIn only when its silent re-login found a session; otherwise it
        // leaves it out (docs/reference/webex-cc-sdk.md §4.2): anything but true is signed out.
        const signedIn = p.isAgentLoggedIn === true;
        agent.status = signedIn ? "LoggedIn" : "LoggedOut";
        if (signedIn && aux !== undefined) applyState({ auxCodeId: aux });
        if (!signedIn) listed = [];
      }
    },
    onContactEvent(fn) {
      contactSink = fn;
      for (const [signal, msg] of buffered.splice(0)) fn(signal, msg);
      return () => {
        if (contactSink === fn) contactSink = undefined;
      };
    },
    onOutdialFailed(fn) {
      outdialSinks.add(fn);
      return () => outdialSinks.delete(fn);
    },
    onAgentUpdated(fn) {
      agentSinks.add(fn);
      return () => agentSinks.delete(fn);
    },
    onSignedOut(fn) {
      signedOutSinks.add(fn);
      return () => signedOutSinks.delete(fn);
    },
    agentData() {
      return agent;
    },
    async taskList() {
      const fromUser = openTaskData();
      const known = seen ?? new Set<string>();
      for (const d of fromUser) {
        const id = str(obj(d)?.interactionId);
        if (id) known.add(id);
      }
      try {
        if (!listed) {
          // Webex's own list of this agent's conversations was not seen (this port listened too late):
          // the user's list is the best there is; without one, nothing proves a conversation is gone.
          if (options.openTasks) return fromUser;
          throw new Error("the open tasks are not known");
        }
        await allArrived(listed, known, options.taskWaitMs ?? 10000, (fn) => (arrived = fn), (fn) => (cancelWait = fn));
        return fromUser;
      } finally {
        arrived = cancelWait = undefined;
        seen = undefined;
      }
    },
    startOutdial(data: OutdialData) {
      // Logged out of the station, Webex refuses any outdial ("Agent is not logged in"), and the SDK
      // then throws an uncaught TypeError of its own, having no task to report it on: refused here.
      if (agent.status === "LoggedOut") return Promise.reject(new Error(STATION_LOGGED_OUT));
      // The SDK takes the entry point from the agent's profile itself; the caller id is ours to give.
      return cc.startOutdial(data.destination, data.origin as string);
    },
    stateChange(state, auxCodeId) {
      return cc.setAgentState({ state, auxCodeId });
    },
    logout(reason) {
      return cc.stationLogout({ logoutReason: reason });
    },
    close() {
      cancelWait?.(new Error("stopped"));
      for (const [event, fn] of bound.splice(0)) cc.off(event, fn);
      contactSink = undefined;
      buffered.length = 0;
    },
  };
}

/**
 * Resolves once every listed interaction has been named by a notification (their `AgentContact`s
 * follow a relogin), or rejects after `ms`: then the snapshot stays incomplete and the mashup closes nothing on a guess.
 */
function allArrived(
  listed: readonly string[],
  seen: ReadonlySet<string>,
  ms: number,
  onArrival: (fn: () => void) => void,
  onCancel: (fn: (e: Error) => void) => void,
): Promise<void> {
  const missing = () => listed.filter((id) => !seen.has(id)).length;
  if (missing() === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${missing()} of the agent's ${listed.length} open conversations did not arrive`)), ms);
    onArrival(() => {
      if (missing() > 0) return;
      clearTimeout(timer);
      resolve();
    });
    onCancel((e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}
