/**
 * The sandbox server's shared state: the one contact-center simulation both desktops use, the
 * tenant's CRM, the event trace, and the Server-Sent Event streams that carry the simulation's
 * notifications to each agent's desktop page, new CRM records to the SAP pages and the trace to
 * the flow screen.
 */
import type { ServerResponse } from "node:http";
import { AGENT_SIGNALS, type AgentMsg } from "./desktop-host/agent-messages";
import { ContactCenter } from "./desktop-host/contact-center";
import { SIGNAL_TYPES, type AgentContactMsg, type ContactSignal } from "./desktop-host/messages";
import type { EmulatedSignal } from "./desktop-host/signal";
import { CrmStore } from "./sap-host/crm-store";

/** One agent of the sandbox. */
export interface SandboxAgent {
  agentId: string;
  agentName: string;
  /** "LoggedOut" for an agent who signs in later (the Webex-in-SAP agent); default signed in and Idle. */
  initialState?: "Idle" | "Available" | "LoggedOut";
  /** The profile's default dial number (AgentProfileSpec.defaultDn). */
  defaultDn?: string;
}

export interface TraceEntry {
  at: number;
  source: string;
  kind: "webex" | "channel" | "sap" | "note";
  text: string;
}

interface Stream {
  agentId: string;
  res: ServerResponse;
}

/** The simulation plus the fan-out of its notifications to the desktop pages. */
export class Hub {
  readonly cc = new ContactCenter();
  readonly crm = new CrmStore();
  readonly trace: TraceEntry[] = [];
  private readonly streams = new Set<Stream>();
  private readonly traceStreams = new Set<ServerResponse>();
  private eventId = 0;

  constructor(private readonly agents: readonly SandboxAgent[]) {
    for (const a of agents) {
      const host = this.cc.addAgent(a);
      host.ready();
      for (const signal of Object.keys(SIGNAL_TYPES) as ContactSignal[]) {
        host.aqm.contact[signal].listen((msg: AgentContactMsg) => this.toDesktop(a.agentId, "contact", { signal, msg }));
      }
      host.aqm.dialer.eOutdialFailed.listen((msg: AgentContactMsg) => this.toDesktop(a.agentId, "outdial-failed", { msg }));
      for (const signal of AGENT_SIGNALS) {
        (host.aqm.agent[signal] as unknown as EmulatedSignal<AgentMsg>).listen((msg) => this.toDesktop(a.agentId, "agent", { signal, msg }));
      }
      // The agent signed in on another device too (the emulated Webex CC cloud fires it).
      (host.aqm.agent.eAgentMultiLogin as unknown as EmulatedSignal<AgentMsg>).listen((msg) => this.toDesktop(a.agentId, "multi-login", { signal: "eAgentMultiLogin", msg }));
    }
  }

  private toDesktop(agentId: string, event: string, data: { signal?: string; msg: AgentContactMsg | AgentMsg }): void {
    const name = this.agents.find((a) => a.agentId === agentId)?.agentName ?? agentId;
    const d = data.msg.data as { interaction?: { mediaType?: string }; interactionId?: string; status?: string; subStatus?: string };
    const what = event === "agent" ? `${d.status ?? ""} ${d.subStatus ?? ""}` : `${d.interaction?.mediaType ?? ""} ${(d.interactionId ?? "").slice(-6)}`;
    this.addTrace({ at: Date.now(), source: name, kind: "webex", text: `${data.signal ?? event} ${what}` });
    const line = `id: ${++this.eventId}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    for (const s of this.streams) if (s.agentId === agentId) s.res.write(line);
  }

  addTrace(t: TraceEntry): void {
    const entry: TraceEntry = { at: Number(t.at) || Date.now(), source: String(t.source).slice(0, 60), kind: t.kind, text: String(t.text).slice(0, 300) };
    this.trace.push(entry);
    if (this.trace.length > 1000) this.trace.shift();
    const line = `data: ${JSON.stringify(entry)}\n\n`;
    for (const r of this.traceStreams) r.write(line);
  }

  /** SSE to one desktop: its task list first (rehydration), then every notification, in order. */
  openDesktopStream(agentId: string, res: ServerResponse): void {
    sseHead(res);
    const host = this.cc.host(agentId);
    const tasks = [...host.tasks.entries()];
    res.write(`event: hello\ndata: ${JSON.stringify({ tasks, session: host.session })}\n\n`);
    const s = { agentId, res };
    this.streams.add(s);
    res.on("close", () => this.streams.delete(s));
  }

  /** SSE to an SAP page: each customer any agent creates, as it is created. */
  openCrmStream(res: ServerResponse): void {
    sseHead(res);
    const stop = this.crm.onCreate((r) => res.write(`event: created\ndata: ${JSON.stringify(r)}\n\n`));
    this.traceStreams.add(res);
    res.on("close", () => {
      stop();
      this.traceStreams.delete(res);
    });
  }

  openTraceStream(res: ServerResponse): void {
    sseHead(res);
    for (const t of this.trace) res.write(`data: ${JSON.stringify(t)}\n\n`);
    this.traceStreams.add(res);
    res.on("close", () => this.traceStreams.delete(res));
  }

  closeStreams(): void {
    for (const s of this.streams) s.res.end();
    for (const r of this.traceStreams) r.end();
  }

  /** A summary of live conversations for the control panels. */
  state(): unknown {
    const live = [...this.cc.live.values()].map((l) => ({
      interactionId: l.interaction.interactionId,
      media: l.interaction.mediaType,
      channel: l.interaction.mediaChannel,
      direction: l.interaction.contactDirection.type,
      state: l.interaction.state,
      owner: l.interaction.owner,
      agents: [...l.agents],
      waiting: l.waitingFor !== undefined,
      // What each agent's desktop last heard about it, e.g. AgentOfferConsult, AgentConsulting.
      legs: Object.fromEntries([...l.agents].map((a) => [a, { type: this.cc.host(a).tasks.get(l.interaction.interactionId)?.type ?? "", consult: l.consultees.has(a) }])),
    }));
    const agents = this.agents.map((a) => ({ agentId: a.agentId, agentName: a.agentName, status: this.cc.host(a.agentId).status, subStatus: this.cc.host(a.agentId).subStatus }));
    return { live, agents };
  }
}

export function sseHead(res: ServerResponse): void {
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
  res.write(": connected\n\n");
}
