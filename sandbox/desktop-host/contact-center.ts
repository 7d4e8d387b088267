/**
 * A small simulation of the Webex CC routing back end: it owns interactions, offers them to
 * agents, and sends each agent's emulated desktop the notifications the real back end would, in
 * the documented order (reference webex-desktop.md §3.4 "Typical sequences"). Scenario helpers
 * drive the customer's side; the agent's side is driven through the real SDK (or `agentAct`).
 */
import type { Service } from "@wxcc-desktop/sdk-types/agentx-services/index";
import { AgentxHost, type AgentProfileSpec, type HostBackend } from "./agentx-host";
import { contactMessage, newInteraction, type AgentContactData, type AgentContactMsg, type ContactSignal, type Interaction, type MediaType } from "./messages";

export interface CustomerContact {
  media?: MediaType;
  /** Webex media channel; defaults to the media type (e.g. "whatsapp" for social). */
  channel?: string;
  /** Phone number (calls, messages) or e-mail (chats, emails). */
  from: string;
  name?: string;
  dnis?: string;
  queue?: string;
  cad?: Record<string, string>;
  /** Agent to offer it to. */
  to: string;
}

interface Live {
  interaction: Interaction;
  /** Agents with a leg on it: offered, connected or consulted. */
  agents: Set<string>;
}

export class ContactCenter implements HostBackend {
  readonly orgId = "6ecef209-9a34-4ed1-a07a-7ddd1dbe925a";
  readonly hosts = new Map<string, AgentxHost>();
  readonly live = new Map<string, Live>();
  /** Outdial failures to simulate next, by agent (a reason), instead of placing the call. */
  readonly failNextOutdial = new Map<string, string>();
  private counter = 0;

  constructor(private readonly clock: () => number = Date.now) {}

  addAgent(spec: Omit<AgentProfileSpec, "orgId">): AgentxHost {
    const host = new AgentxHost({ ...spec, orgId: this.orgId }, this, this.clock);
    this.hosts.set(spec.agentId, host);
    return host;
  }

  /** Deterministic, UUID-shaped interaction ids, like Webex's. */
  newInteractionId(): string {
    const n = (++this.counter).toString(16).padStart(12, "0");
    return `0ae913a4-c857-4705-8d49-${n}`;
  }

  /** A customer calls, chats, e-mails or messages in; the contact is offered to `to`. */
  inbound(c: CustomerContact): string {
    const media = c.media ?? "telephony";
    const interaction = newInteraction({
      interactionId: this.newInteractionId(),
      orgId: this.orgId,
      mediaType: media,
      mediaChannel: c.channel ?? media,
      direction: "INBOUND",
      customer: c.from,
      customerName: c.name,
      dnis: c.dnis ?? (media === "telephony" ? "+18005550100" : media === "email" ? "support@example.com" : "chat-entry-point"),
      queueName: c.queue ?? "Support",
      cad: c.cad,
      createdTimestamp: this.clock(),
    });
    this.live.set(interaction.interactionId, { interaction, agents: new Set([c.to]) });
    this.send(c.to, "eAgentOfferContact", interaction);
    return interaction.interactionId;
  }

  /** The offer to `agentId` timed out (RONA). */
  rona(interactionId: string, agentId: string): void {
    const l = this.require(interactionId);
    l.agents.delete(agentId);
    this.send(agentId, "eAgentOfferContactRona", l.interaction, { reason: "RONA" });
  }

  /** The customer hangs up / leaves: every agent on it gets ContactEnded, connected ones go to wrap-up. */
  customerEnds(interactionId: string): void {
    const l = this.require(interactionId);
    l.interaction.isTerminated = true;
    l.interaction.state = "wrapUp";
    for (const agentId of l.agents) {
      this.send(agentId, "eAgentContactEnded", l.interaction, { agentsPendingWrapUp: [...l.agents] } as Partial<AgentContactData>);
      this.send(agentId, "eAgentWrapup", l.interaction);
    }
  }

  /** The dialled customer answers an outdial. */
  customerAnswers(interactionId: string): void {
    const l = this.require(interactionId);
    const agentId = [...l.agents][0] as string;
    this.connect(l, agentId);
  }

  // ---- HostBackend: requests the real SDK passed through the emulated host ----

  async accept(agentId: string, interactionId: string): Promise<AgentContactMsg> {
    const l = this.require(interactionId);
    return this.connect(l, agentId);
  }

  async end(agentId: string, interactionId: string): Promise<AgentContactMsg> {
    const l = this.require(interactionId);
    l.interaction.isTerminated = true;
    l.interaction.state = "wrapUp";
    let mine: AgentContactMsg | undefined;
    for (const a of l.agents) {
      const m = this.send(a, "eAgentContactEnded", l.interaction, { agentsPendingWrapUp: [...l.agents] } as Partial<AgentContactData>);
      this.send(a, "eAgentWrapup", l.interaction);
      if (a === agentId) mine = m;
    }
    return mine as AgentContactMsg;
  }

  async hold(agentId: string, interactionId: string): Promise<AgentContactMsg> {
    return this.setHold(agentId, interactionId, true);
  }

  async unHold(agentId: string, interactionId: string): Promise<AgentContactMsg> {
    return this.setHold(agentId, interactionId, false);
  }

  async wrapup(agentId: string, interactionId: string): Promise<AgentContactMsg> {
    const l = this.require(interactionId);
    l.agents.delete(agentId);
    const m = this.send(agentId, "eAgentContactWrappedUp", l.interaction, { wrapUpAuxCodeId: "wrap-resolved" } as Partial<AgentContactData>);
    if (l.agents.size === 0) this.live.delete(interactionId);
    return m;
  }

  async startOutdial(agentId: string, data: Service.Aqm.Dialer.tasks): Promise<AgentContactMsg> {
    const failure = this.failNextOutdial.get(agentId);
    if (failure !== undefined) {
      this.failNextOutdial.delete(agentId);
      const err = { details: { trackingId: "t-outdial", data: { reason: failure, reasonCode: 1008 } } };
      throw err;
    }
    const interaction = newInteraction({
      interactionId: this.newInteractionId(),
      orgId: this.orgId,
      mediaType: "telephony",
      mediaChannel: "telephony",
      direction: "OUTBOUND",
      customer: data.destination,
      dnis: data.origin ?? "+18005550199",
      queueName: "Outdial",
      createdTimestamp: this.clock(),
      outboundType: data.outboundType,
    });
    this.live.set(interaction.interactionId, { interaction, agents: new Set([agentId]) });
    return this.send(agentId, "eAgentOfferContact", interaction);
  }

  /** Convenience for scenarios that act as the agent without going through the SDK. */
  host(agentId: string): AgentxHost {
    const h = this.hosts.get(agentId);
    if (!h) throw new Error(`no agent ${agentId}`);
    return h;
  }

  interaction(interactionId: string): Interaction {
    return this.require(interactionId).interaction;
  }

  send(agentId: string, signal: ContactSignal, interaction: Interaction, extra: Partial<AgentContactData> = {}): AgentContactMsg {
    const msg = contactMessage(signal, interaction, agentId, this.clock(), extra);
    this.host(agentId).emit(signal, msg);
    return msg;
  }

  private connect(l: Live, agentId: string): AgentContactMsg {
    l.interaction.state = "connected";
    l.interaction.owner = agentId;
    const participants = l.interaction.participants as Record<string, unknown>;
    participants[agentId] = { id: agentId, name: this.host(agentId).spec.agentName, pType: "Agent", type: "Agent", hasJoined: true, hasLeft: false };
    l.agents.add(agentId);
    return this.send(agentId, "eAgentContactAssigned", l.interaction);
  }

  private setHold(agentId: string, interactionId: string, held: boolean): AgentContactMsg {
    const l = this.require(interactionId);
    const main = Object.values(l.interaction.media).find((m) => m.mType === "mainCall");
    if (main) {
      main.isHold = held;
      main.holdTimestamp = held ? this.clock() : null;
    }
    l.interaction.state = held ? "held" : "connected";
    return this.send(agentId, held ? "eAgentContactHeld" : "eAgentContactUnHeld", l.interaction);
  }

  private require(interactionId: string): Live {
    const l = this.live.get(interactionId);
    if (!l) throw new Error(`no live interaction ${interactionId}`);
    return l;
  }
}
