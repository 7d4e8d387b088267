/**
 * An emulated Webex CC Agent Desktop for one agent (chosen by this page's origin). Like the real
 * Desktop it provides `window.AGENTX_SERVICE` before loading the layout's widget script — the real
 * dist/widget.js with the real SDK inside — then creates `<wxcc-sap-connector>` with the
 * attributes and properties the layout sets (docs/contract.md, the desktop layout).
 *
 * The host object is sandbox/desktop-host's AgentxHost; its backend is the shared contact-center
 * simulation in the sandbox server (HTTP for requests, Server-Sent Events for notifications; see
 * sandbox/server.ts). The control panel acts as the agent by calling the host methods the Desktop
 * UI itself calls (`aqm.contact.accept` …, `aqm.agent.stateChange`, `aqm.agent.logout`), so the
 * widget sees exactly what it would see in Webex. Transfer, consult and conference are routing
 * operations of the simulation (the emulated host has no such requests), driven from here too.
 */
import { AgentxHost, type HostBackend } from "../desktop-host/agentx-host";
import type { AgentMsg, AgentSession, AgentSignal } from "../desktop-host/agent-messages";
import type { AgentContactData, AgentContactMsg, ContactSignal } from "../desktop-host/messages";
import { SAMPLES } from "./crm-data";
import { h, loadConfig, trace, type PageConfig } from "./dom";
import { actionsFor, phaseOf } from "./task-actions";

type Task = AgentContactData;

let cfg: PageConfig & { orgId?: string };
let host: AgentxHost;
let me: { agentId: string; agentName: string };
let other: { agentId: string; agentName: string };
let connector: HTMLElement & { selectedTask?: unknown; outdialEp?: unknown; connector?: { link?: { linked?: boolean } } };
let selected: string | undefined;
const $ = (id: string) => document.getElementById(id) as HTMLElement;

async function post(path: string, body: unknown): Promise<unknown> {
  const r = await fetch(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const j = (await r.json()) as unknown;
  if (!r.ok) throw j;
  return j;
}

/** The simulation's routing operations and the customer's side. */
async function sim(method: string, ...args: unknown[]): Promise<unknown> {
  try {
    return ((await post("/cc/sim", { method, args })) as { value: unknown }).value;
  } catch (e) {
    note(`${method} failed: ${(e as { error?: string }).error ?? "error"}`);
    return undefined;
  }
}

function backend(): HostBackend {
  const call = (method: string) => (agentId: string, ...args: unknown[]) => post("/cc/backend", { agent: agentId, method, args }) as Promise<AgentContactMsg>;
  const agentCall = <T>(method: string) => (agentId: string, ...args: unknown[]) => post("/cc/backend", { agent: agentId, method, args }) as Promise<T>;
  return {
    accept: call("accept"), end: call("end"), hold: call("hold"), unHold: call("unHold"), wrapup: call("wrapup"), startOutdial: call("startOutdial"),
    stateChange: agentCall("stateChange"), logout: agentCall("logout"), stationLogin: agentCall("stationLogin"),
  };
}

function note(text: string, level: "error" | "info" = "error"): void {
  const box = $("notes");
  box.prepend(h("div", { class: level }, text));
  while (box.childElementCount > 4) box.lastElementChild?.remove();
}

// ---- the agent's actions, through the host as the Desktop UI does ----

const wrapData = { wrapUpReason: "Resolved", auxCodeId: "wrap-resolved", isAutoWrapup: "false" };

async function act(action: string, id: string): Promise<void> {
  const t = host.tasks.get(id);
  const c = host.aqm.contact;
  const media = { interactionId: id, data: { mediaResourceId: id } };
  try {
    switch (action) {
      case "accept": await c.accept({ interactionId: id }); break;
      case "hold": await c.hold(media); break;
      case "resume": await c.unHold(media); break;
      case "end": await c.end({ interactionId: id }); break;
      case "wrapup": await c.wrapup({ interactionId: id, data: wrapData }); break;
      case "rona": await sim("rona", id, me.agentId); break;
      case "customer-ends": await sim("customerEnds", id); break;
      case "customer-answers": await sim("customerAnswers", id); break;
      case "transfer": await sim("transfer", id, me.agentId, other.agentId); break;
      case "transfer-cloud": await sim("transfer", id, me.agentId, cfg.cloudAgents[0]!.agentId); break;
      case "consult": await sim("consult", id, me.agentId, other.agentId); break;
      case "consult-transfer": await sim("consultTransfer", id, me.agentId, other.agentId); break;
      case "conference": await sim(t?.interaction.mediaType === "telephony" ? "consultConference" : "joinConference", ...(t?.interaction.mediaType === "telephony" ? [id, me.agentId, other.agentId] : [id, other.agentId])); break;
      case "end-consult": {
        const initiator = (t as { consultingAgentId?: string } | undefined)?.consultingAgentId;
        await (t?.isConsulted && initiator ? sim("consultEnd", id, initiator, me.agentId) : sim("consultEnd", id, me.agentId, other.agentId));
        break;
      }
      case "leave": await sim("leaveConference", id, me.agentId); break;
      case "select":
        selected = id;
        connector.selectedTask = t;
        break;
    }
  } catch (e) {
    const reason = (e as { details?: { data?: { reason?: string } } })?.details?.data?.reason ?? (e as Error)?.message ?? "error";
    note(`${action} failed: ${reason}`);
  }
  render();
}

const MEDIA_LABEL: Record<string, string> = { telephony: "Call", chat: "Chat", email: "Email", social: "Message" };

function render(): void {
  const list = $("tasks");
  const tasks = [...host.tasks.values()];
  list.replaceChildren(...(tasks.length === 0
    ? [h("div", { class: "muted" }, "No conversations. Use “Customer contacts me” to start one.")]
    : tasks.map((t) => {
        const i = t.interaction as Task["interaction"] & { callAssociatedDetails?: { ani?: string } };
        const who = i.callAssociatedDetails?.ani || i.callProcessingDetails?.ani || i.callProcessingDetails?.fromAddress || "";
        const outbound = i.contactDirection?.type === "OUTBOUND";
        const customer = outbound ? i.callProcessingDetails?.dnis ?? "" : who;
        return h("div", { class: `task${t.interactionId === selected ? " selected" : ""}`, "data-interaction": t.interactionId, "data-type": t.type },
          h("div", { class: "task-head", onclick: () => void act("select", t.interactionId) },
            h("b", {}, MEDIA_LABEL[i.mediaType] ?? i.mediaType, i.mediaChannel && i.mediaChannel !== i.mediaType ? ` (${i.mediaChannel})` : ""),
            ` ${outbound ? "to" : "from"} ${customer} `,
            h("span", { class: "pill", title: t.type }, phaseOf(t)),
          ),
          h("div", { class: "task-actions" }, actionsFor(t, other.agentName.split(" ")[0]!, cfg.cloudAgents[0]?.agentName.split(" ")[0]).map(([a, label]) => h("button", { "data-action": a, onclick: () => void act(a, t.interactionId) }, label))),
        );
      })));
  const linked = connector?.connector?.link?.linked;
  $("link").textContent = connector ? (linked ? "widget linked to the SAP mashup" : "widget looking for the SAP mashup…") : "loading widget…";
  $("link").className = linked ? "ok" : "muted";
  renderAgent();
}

/** The agent row: signed out → the station-login form; Idle → a clear way to go Available. */
function renderAgent(): void {
  const out = host.status === "LoggedOut";
  const idle = host.idleCodeName();
  $("state").textContent = out ? "Signed out" : host.subStatus === "Available" ? "Available" : `Idle · ${idle ?? "?"}`;
  $("state").className = `pill state ${out ? "out" : host.subStatus === "Available" ? "available" : "idle"}`;
  $("station-login").hidden = !out;
  $("agent-row").hidden = out;
  $("go-available").hidden = out || host.subStatus === "Available";
  $("idle-hint").hidden = out || host.subStatus === "Available";
  $("idle-hint").textContent = idle === "RONA"
    ? "You did not answer an offer in time, so Webex set you to RONA. Nothing is offered to you until you go Available."
    : "You are Idle: nothing is offered to you until you go Available.";
}

// ---- page ----

/** The agent's own controls (state, sign-out, station login), then the customer's side below the tasks. */
function controls(): { agent: HTMLElement; customer: HTMLElement } {
  const media = h("select", { id: "in-media", onchange: () => {
    from.value = media.value === "chat" || media.value === "email" ? SAMPLES.oneMatchEmail : media.value === "social" ? SAMPLES.whatsappPhone : SAMPLES.oneMatchPhone;
  } }, h("option", { value: "telephony" }, "Call"), h("option", { value: "chat" }, "Chat"), h("option", { value: "email" }, "Email"), h("option", { value: "social" }, "WhatsApp message"));
  const from = h("input", { id: "in-from", list: "sample-addresses", value: SAMPLES.oneMatchPhone, size: "22" });
  const samples = h("datalist", { id: "sample-addresses" }, Object.entries(SAMPLES).map(([k, v]) => h("option", { value: v }, k)));
  const contact = h("button", { id: "in-go", onclick: () => {
    const m = media.value;
    void sim("inbound", { media: m, channel: m === "social" ? "whatsapp" : m, from: from.value.trim(), to: me.agentId }).then(async (id) => {
      // Routing offers it only when this agent may take it: say so, rather than seem to do nothing.
      const why = typeof id === "string" ? await sim("waitingReason", id) : undefined;
      if (typeof why === "string") note(`${MEDIA_LABEL[m] ?? m} from ${from.value.trim()} is ${why.replace(/^waiting: /, "waiting: ")}. It is offered once you can take it.`, "info");
      render();
    });
  } }, "Customer contacts me");
  const codes = (host.profile.idleCodes as { id: string; name: string; isSystem?: boolean }[]).filter((c) => !c.isSystem);
  const stateSel = h("select", { id: "state-select" }, h("option", { value: "available" }, "Available"), codes.map((c) => h("option", { value: c.id }, `Idle · ${c.name}`)));
  const setState = h("button", { id: "state-set", onclick: () => {
    const v = stateSel.value;
    void host.aqm.agent.stateChange({ data: v === "available" ? { state: "Available", auxCodeIdArray: "0" } : { state: "Idle", auxCodeIdArray: v } }).then(render, (e: unknown) => note(`state change failed: ${String((e as { details?: { data?: { reason?: string } } })?.details?.data?.reason ?? e)}`));
  } }, "Set state");
  const signOut = h("button", { id: "sign-out", onclick: () => {
    if (host.tasks.size > 0) return note("Sign-out refused: end and wrap up your conversations first.");
    void host.aqm.agent.logout({ data: { logoutReason: "User requested logout" } }).then(render, (e: unknown) => note(`sign-out failed: ${reasonOf(e)}`));
  } }, "Sign out");
  const goAvailable = h("button", { id: "go-available", class: "primary", onclick: () => {
    void host.aqm.agent.stateChange({ data: { state: "Available", auxCodeIdArray: "0" } }).then(render, (e: unknown) => note(`state change failed: ${reasonOf(e)}`));
  } }, "Go Available");
  return {
    agent: h("div", { class: "controls" },
      h("div", { class: "row" }, h("span", { class: "label" }, "Agent"), h("span", { id: "state", class: "pill" }), goAvailable),
      h("div", { id: "idle-hint", class: "hint" }),
      h("div", { class: "row", id: "agent-row" }, h("span", { class: "label" }), stateSel, setState, signOut),
      stationLoginForm(),
    ),
    // The customer's side is the simulation's, not the desktop's: kept apart, below the tasks.
    customer: h("div", { class: "controls customer-side" },
      h("div", { class: "row" }, h("span", { class: "label" }, "Customer"), media, from, samples, contact),
    ),
  };
}

/**
 * The Desktop's station login, shown after a sign-out: the agent's team and how calls reach them
 * (a dial number or a Webex Calling extension), as the real Desktop's dialog asks.
 */
function stationLoginForm(): HTMLElement {
  const teams = (host.profile.teams ?? []) as { teamId: string; teamName: string }[];
  const team = h("select", { id: "login-team" }, teams.map((t) => h("option", { value: t.teamId }, t.teamName)));
  const device = h("select", { id: "login-device" }, h("option", { value: "AGENT_DN" }, "Dial number"), h("option", { value: "EXTENSION" }, "Extension"));
  const dn = h("input", { id: "login-dn", value: String(host.profile.defaultDn ?? ""), size: "14", "aria-label": "Dial number or extension" });
  const signIn = h("button", { id: "sign-in", class: "primary", onclick: () => {
    const t = teams.find((x) => x.teamId === team.value);
    const data = { teamId: team.value, teamName: t?.teamName ?? null, dialNumber: dn.value.trim(), siteId: "site-1", usesOtherDN: false, auxCodeId: "0", isExtension: device.value === "EXTENSION", deviceType: device.value };
    void host.aqm.agent.stationLogin({ data }).then(render, (e: unknown) => note(`sign-in failed: ${reasonOf(e)}`));
  } }, "Sign in");
  return h("div", { id: "station-login", class: "station-login", hidden: true },
    h("b", {}, "Station login"),
    h("div", { class: "row" }, h("span", { class: "label" }, "Team"), team),
    h("div", { class: "row" }, h("span", { class: "label" }, "Device"), device, dn),
    h("div", { class: "row" }, h("span", { class: "label" }), signIn),
  );
}

function reasonOf(e: unknown): string {
  return String((e as { details?: { data?: { reason?: string } } })?.details?.data?.reason ?? (e as Error)?.message ?? e);
}

function watchChannel(): void {
  window.addEventListener("message", (e) => {
    if (e.origin !== cfg.mashup) return;
    const m = e.data as { p?: string; t?: string; seq?: number; command?: { kind?: string } } | null;
    if (!m || m.p !== "wxcc-sap" || m.t === "ping") return;
    const text = m.t === "ack" ? `event #${m.seq} acknowledged by the mashup` : m.t === "command" ? `command from the mashup: ${m.command?.kind ?? "?"}` : `${m.t} from the mashup`;
    trace(`Desktop (${me.agentName})`, "channel", text);
    setTimeout(render, 0);
  });
}

function startWidget(): void {
  const script = document.createElement("script");
  script.src = "/widget.js";
  script.onload = () => {
    // What the desktop layout declares (docs/contract.md): the attribute, and properties bound to $STORE.
    connector = document.createElement("wxcc-sap-connector") as typeof connector;
    connector.setAttribute("mashup-origin", cfg.mashup);
    connector.outdialEp = host.profile.outDialEp;
    $("widget-slot").append(connector);
    render();
  };
  script.onerror = () => note("dist/widget.js could not be loaded: run npm run build");
  document.head.append(script);
}

async function main(): Promise<void> {
  cfg = await loadConfig();
  const idx = Math.max(0, cfg.desktops.indexOf(location.origin));
  me = cfg.agents[idx]!;
  other = cfg.agents[1 - idx]!;
  host = new AgentxHost({ agentId: me.agentId, agentName: me.agentName, orgId: cfg.orgId ?? "" }, backend());
  (window as unknown as { AGENTX_SERVICE: unknown }).AGENTX_SERVICE = host;
  // The Desktop also provides its real-time data component, which the SDK's rtdwc module looks
  // for at load; the sandbox has no real-time datasets, so subscriptions simply receive nothing.
  (window as unknown as { wxcc: unknown }).wxcc = { rtdwc: { subscribe: () => ({ unsubscribe: () => undefined }) } };
  document.title = `Agent Desktop (emulated) — ${me.agentName}`;
  document.body.replaceChildren(
    h("header", {}, h("span", { class: "logo" }, "Webex"), " Contact Center Agent Desktop ", h("span", { class: "badge" }, "EMULATED"), h("span", { class: "agent" }, me.agentName)),
    ...(({ agent, customer }) => [agent, h("div", { id: "tasks" }), customer])(controls()),
    h("div", { class: "foot" }, h("span", { id: "link" }), h("div", { id: "notes" })),
    h("div", { id: "widget-slot", hidden: true }),
  );
  watchChannel();
  let started = false;
  const events = new EventSource(`/cc/events?agent=${encodeURIComponent(me.agentId)}`);
  events.addEventListener("hello", (e) => {
    // The back end's view of this agent's tasks: what a reloaded desktop rehydrates from.
    const { tasks, session } = JSON.parse((e as MessageEvent<string>).data) as { tasks: [string, Task][]; session: AgentSession };
    host.restoreSession(session);
    host.tasks.clear();
    for (const [id, t] of tasks) host.tasks.set(id, t);
    render();
    if (started) return;
    started = true;
    host.ready();
    startWidget();
  });
  events.addEventListener("contact", (e) => {
    const { signal, msg } = JSON.parse((e as MessageEvent<string>).data) as { signal: ContactSignal; msg: AgentContactMsg };
    host.emit(signal, msg);
    render();
  });
  events.addEventListener("agent", (e) => {
    const { signal, msg } = JSON.parse((e as MessageEvent<string>).data) as { signal: AgentSignal; msg: AgentMsg };
    host.agentSignal(signal, msg);
    render();
  });
  events.addEventListener("multi-login", (e) => {
    const { msg } = JSON.parse((e as MessageEvent<string>).data) as { msg: AgentMsg };
    (host.aqm.agent.eAgentMultiLogin as unknown as { send(m: unknown): void }).send(msg);
    note("This agent signed in on another device too (multi-login): Webex closes the older session; the sandbox keeps this one open.", "info");
  });
  events.addEventListener("outdial-failed", (e) => {
    host.outdialFailed((JSON.parse((e as MessageEvent<string>).data) as { msg: AgentContactMsg }).msg);
  });
  setInterval(render, 1000);
}

/** For the browser tests: the same actions as the buttons. */
(window as unknown as { sandboxDesktop: unknown }).sandboxDesktop = {
  act: (action: string, id: string) => act(action, id),
  tasks: () => [...host.tasks.entries()].map(([id, t]) => ({ id, type: t.type, media: t.interaction.mediaType, consult: Boolean(t.isConsulted) })),
  agentId: () => me.agentId,
  state: () => ({ status: host.status, subStatus: host.subStatus, idleCode: host.idleCodeName() }),
  linked: () => Boolean(connector?.connector?.link?.linked),
};

void main();
