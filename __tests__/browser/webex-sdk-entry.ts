/**
 * Test support, bundled for the browser by webex-sdk-support.ts: the real, unmodified
 * `@webex/contact-center` SDK on a bare page, with a small harness that records every agent and
 * task event the SDK emits (names and the fields the assertions need) and lets a test call the
 * SDK's own methods by name. Not product code: the product's bundle is the Webex-in-SAP topology's.
 */
// The package's main (dist/webex.js) exports the Webex class with the `cc` plugin registered.
import WebexModule from "@webex/contact-center";

type Listener = (d: unknown) => void;
interface Emitter {
  on(event: string, fn: Listener): void;
}
interface SdkTask extends Emitter {
  data: { interactionId: string; interaction: { mediaType: string; state: string; outboundType?: string; contactDirection?: { type: string } }; type?: string; wrapUpRequired?: boolean; isConsulted?: boolean };
  [method: string]: unknown;
}
interface Cc extends Emitter {
  [method: string]: unknown;
}
interface WebexInstance {
  cc: Cc;
  once(event: "ready", fn: () => void): void;
}
const Webex = WebexModule as unknown as { init(attrs: { config: unknown; credentials: { access_token: string } }): WebexInstance };

const AGENT_EVENTS = ["agent:stateChange", "agent:stateChangeSuccess", "agent:stateChangeFailed", "agent:stationLoginSuccess", "agent:stationLoginFailed", "agent:logoutSuccess", "agent:logoutFailed", "agent:dnRegistered", "agent:multiLogin", "agent:reloginSuccess"];
const TASK_EVENTS = ["task:assigned", "task:hold", "task:resume", "task:end", "task:wrapup", "task:wrappedup", "task:rejected", "task:offerContact", "task:offerConsult", "task:consultCreated", "task:consulting", "task:consultAccepted", "task:consultEnd", "task:conferenceStarted", "task:participantJoined", "task:participantLeft", "task:outdialFailed"];

/** One recorded event: its name and what the tests assert on. */
export interface Seen {
  name: string;
  interactionId?: string;
  type?: string;
  state?: string;
  detail?: Record<string, unknown>;
}

const seen: Seen[] = [];
const tasks = new Map<string, SdkTask>();
let cc: Cc | undefined;

function taskSeen(name: string, t: SdkTask): Seen {
  return { name, interactionId: t.data.interactionId, type: t.data.type, state: t.data.interaction?.state };
}

function watchTask(t: SdkTask): void {
  if (tasks.has(t.data.interactionId)) return;
  tasks.set(t.data.interactionId, t);
  for (const e of TASK_EVENTS) t.on(e, (d) => seen.push(d && typeof d === "object" && "data" in (d as object) ? taskSeen(e, d as SdkTask) : { name: e, interactionId: t.data.interactionId, detail: { value: d } }));
}

const pick = (d: unknown, keys: string[]) => Object.fromEntries(keys.filter((k) => d && typeof d === "object" && k in d).map((k) => [k, (d as Record<string, unknown>)[k]]));

const harness = {
  seen,
  /** Webex.init with the SDK's own configuration and the token; resolves once the SDK is ready. */
  async start(config: Record<string, unknown>, token: string): Promise<void> {
    const webex = Webex.init({ config: { ...config, logger: { level: "warn" } }, credentials: { access_token: token } });
    await new Promise<void>((r) => webex.once("ready", r));
    cc = webex.cc;
    for (const e of AGENT_EVENTS) cc.on(e, (d) => seen.push({ name: e, detail: pick(d, ["type", "status", "subStatus", "auxCodeId", "teamId", "dialNumber", "loggedOutBy", "reason", "agentId"]) }));
    for (const e of ["task:incoming", "task:hydrate"]) {
      cc.on(e, (t) => {
        watchTask(t as SdkTask);
        seen.push(taskSeen(e, t as SdkTask));
      });
    }
  },
  /** Calls `webex.cc[method](...args)`; the answer (or the error's message and reason) comes back as plain data. */
  async cc(method: string, ...args: unknown[]): Promise<unknown> {
    try {
      return JSON.parse(JSON.stringify((await (cc![method] as (...a: unknown[]) => Promise<unknown>).apply(cc, args)) ?? null));
    } catch (e) {
      return { error: String((e as Error)?.message ?? e), reason: (e as { data?: { reason?: string } })?.data?.reason ?? (e as { details?: { data?: { reason?: string } } })?.details?.data?.reason };
    }
  },
  /** Calls a task's method, e.g. task("…", "hold"). */
  async task(interactionId: string, method: string, ...args: unknown[]): Promise<unknown> {
    const t = tasks.get(interactionId);
    if (!t) throw new Error(`no task ${interactionId}`);
    try {
      await (t[method] as (...a: unknown[]) => Promise<unknown>).apply(t, args);
      return "ok";
    } catch (e) {
      return { error: String((e as Error)?.message ?? e) };
    }
  },
  /** The tasks the SDK holds now (its own collection). */
  taskIds(): string[] {
    return Object.keys((cc!.taskManager as { getAllTasks(): Record<string, unknown> }).getAllTasks());
  },
};

(window as unknown as { sdkHarness: typeof harness }).sdkHarness = harness;
