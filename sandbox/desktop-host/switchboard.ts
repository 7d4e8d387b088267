/**
 * The core of the contact-center simulation: agents and their sessions, live interactions, the
 * routing rule (./routing.ts) and the customer's side — a contact coming in, ringing out (RONA),
 * being abandoned, an outdial answered — plus the helpers that send each agent's desktop its
 * notifications. ./contact-center.ts adds what agents do with a conversation (accept, hold,
 * transfer, consult, conference, wrap-up) and the agent-session requests.
 */
import { AgentxHost, type AgentProfileSpec, type HostBackend, type IdleCode } from "./agentx-host";
import { contactMessage, newInteraction, type AgentContactData, type AgentContactMsg, type ContactSignal, type Interaction, type MediaType } from "./messages";
import * as routing from "./routing";

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
  /** Agent to offer it to, once routing may (see ./routing.ts); until then it waits in its queue. */
  to: string;
  /** Adjusts the interaction before it is offered, e.g. to drop one of the places an address can arrive in. */
  shape?: (interaction: Interaction) => void;
}

/**
 * How a receiving agent's desktop learns that a conversation is now theirs. Webex's documentation
 * does not settle it (docs/reference/webex-desktop.md §3.4), so the simulation can do either:
 * `offer` — a fresh `eAgentOfferContact` that the agent accepts; `owner-change` — only
 * `eContactOwnerChanged` with `toOwner` = the agent (already connected, nothing to accept).
 */
export type ReceiveVariant = "offer" | "owner-change";

export interface Live {
  interaction: Interaction;
  /** Agents with a leg on it: offered, connected or consulted. */
  agents: Set<string>;
  /** Agents offered or connected on a consult leg (not yet owners of the conversation). */
  consultees: Set<string>;
  /** Agents offered a transfer who must accept it. */
  pendingTransfer: Set<string>;
  /** Agents whose offer (inbound, transfer, consult, outdial) still rings: never connected. */
  offered: Set<string>;
  /** Waiting in its queue: for this agent, or "" for whichever agent routing finds first. */
  waitingFor?: string;
}

export abstract class Switchboard {
  readonly orgId = "6ecef209-9a34-4ed1-a07a-7ddd1dbe925a";
  readonly hosts = new Map<string, AgentxHost>();
  /** Further desktops per agent (`addDesktop`). */
  readonly extraDesktops = new Map<string, AgentxHost[]>();
  readonly live = new Map<string, Live>();
  /** Outdial failures to simulate next, by agent (a reason), instead of placing the call. */
  readonly failNextOutdial = new Map<string, string>();
  private counter = 0;
  private routing = false;

  constructor(protected readonly clock: () => number = Date.now) {}

  /** What the agents' hosts send their requests to (the subclass that answers them). */
  protected abstract backend(): HostBackend;

  addAgent(spec: Omit<AgentProfileSpec, "orgId">): AgentxHost {
    const host = new AgentxHost({ ...spec, orgId: this.orgId }, this.backend(), this.clock);
    this.hosts.set(spec.agentId, host);
    return host;
  }

  /**
   * Another desktop of an agent who is signed in already (Webex multi-login, e.g. an Agent
   * Desktop framed in each of two SAP tabs): it starts from the agent's session and task list,
   * and from then on gets every notification the first desktop gets.
   */
  addDesktop(agentId: string): AgentxHost {
    const first = this.host(agentId);
    const host = new AgentxHost(first.spec, this.backend(), this.clock);
    host.restoreSession({ ...first.session });
    for (const [id, task] of first.tasks) host.tasks.set(id, task);
    this.extraDesktops.set(agentId, [...(this.extraDesktops.get(agentId) ?? []), host]);
    return host;
  }

  /** Every desktop the agent is signed in to, the first one first. */
  desktops(agentId: string): AgentxHost[] {
    return [this.host(agentId), ...(this.extraDesktops.get(agentId) ?? [])];
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
    c.shape?.(interaction);
    this.host(c.to);
    this.live.set(interaction.interactionId, { ...this.legs(), interaction, waitingFor: c.to });
    this.route();
    return interaction.interactionId;
  }

  /**
   * Offers every waiting conversation that routing may offer now, oldest first. Runs after
   * anything that can make room: a new contact, an agent going Available, a wrap-up, a RONA.
   */
  route(): void {
    if (this.routing) return;
    this.routing = true;
    try {
      for (const l of [...this.live.values()]) {
        if (l.waitingFor === undefined) continue;
        const media = l.interaction.mediaType as MediaType;
        const candidates = l.waitingFor ? [l.waitingFor] : [...this.hosts.keys()];
        const to = candidates.find((a) => routing.canTake(this.host(a).session, media, this.load(a, media), this.host(a).capacity));
        if (!to) continue;
        l.waitingFor = undefined;
        l.agents.add(to);
        l.offered.add(to);
        l.interaction.state = "new";
        this.send(to, "eAgentOfferContact", l.interaction);
      }
    } finally {
      this.routing = false;
    }
  }

  /** Conversations of `media` the agent holds now (offered, connected or in wrap-up), consults excluded. */
  load(agentId: string, media: MediaType): number {
    let n = 0;
    for (const t of this.host(agentId).tasks.values()) if (t.interaction.mediaType === media && !t.isConsulted) n++;
    return n;
  }

  /** Why routing does not offer `interactionId` now (for the sandbox's panels); undefined once offered. */
  waitingReason(interactionId: string): string | undefined {
    const l = this.require(interactionId);
    if (l.waitingFor === undefined) return undefined;
    const media = l.interaction.mediaType as MediaType;
    if (!l.waitingFor) return "waiting in queue for an Available agent";
    const name = this.host(l.waitingFor).spec.agentName;
    return `waiting: ${name} is ${routing.whyNot(this.host(l.waitingFor).session, media, this.load(l.waitingFor, media), this.host(l.waitingFor).capacity) ?? "about to be offered it"}`;
  }

  /**
   * The offer to `agentId` rang out (RONA): the offer is withdrawn, Webex puts the agent in the
   * RONA idle state (a system idle code, changed by the system), and the conversation goes back
   * to its queue for the next agent routing finds.
   */
  rona(interactionId: string, agentId: string): void {
    const l = this.require(interactionId);
    l.agents.delete(agentId);
    l.offered.delete(agentId);
    l.pendingTransfer.delete(agentId);
    this.send(agentId, "eAgentOfferContactRona", l.interaction, { reason: "RONA" });
    const h = this.host(agentId);
    const msg = routing.ronaState(h.session, (h.profile.idleCodes ?? []) as IdleCode[], this.clock());
    if (msg) for (const d of this.desktops(agentId)) d.agentSignal("eAgentStateChangeSuccess", msg);
    if (l.agents.size === 0) {
      l.interaction.owner = "";
      l.waitingFor = "";
      this.route();
    }
  }

  /**
   * The customer hangs up or leaves. Connected agents get ContactEnded and go to wrap-up. An
   * agent whose offer was still ringing gets only ContactEnded, with the interaction still in
   * state "new" and not among `agentsPendingWrapUp`: Webex's own SDK reads exactly that as "no
   * wrap-up" and drops the task (`@webex/contact-center` TaskManager: wrapUpRequired is
   * `interaction.state !== "new"`). Whether Webex also sends anything else for an abandoned offer
   * is not documented; this reading sends nothing else, so the agent is not put in wrap-up for a
   * conversation it never had. A conversation still waiting in its queue just goes.
   */
  customerEnds(interactionId: string): void {
    const l = this.require(interactionId);
    l.interaction.isTerminated = true;
    const connected = [...l.agents].filter((a) => !l.offered.has(a));
    for (const agentId of [...l.agents]) {
      if (!l.offered.has(agentId)) continue;
      this.send(agentId, "eAgentContactEnded", { ...l.interaction, state: "new" }, { agentsPendingWrapUp: connected } as Partial<AgentContactData>);
      l.agents.delete(agentId);
      l.offered.delete(agentId);
      l.consultees.delete(agentId);
    }
    l.interaction.state = "wrapUp";
    for (const agentId of connected) {
      this.send(agentId, "eAgentContactEnded", l.interaction, { agentsPendingWrapUp: connected } as Partial<AgentContactData>);
      this.send(agentId, "eAgentWrapup", l.interaction);
    }
    if (l.agents.size === 0) this.live.delete(interactionId);
    this.route();
  }

  /** The dialled customer answers an outdial. */
  customerAnswers(interactionId: string): void {
    const l = this.require(interactionId);
    const agentId = [...l.agents][0] as string;
    this.connect(l, agentId);
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
    for (const desktop of this.desktops(agentId)) desktop.emit(signal, msg);
    return msg;
  }

  protected legs(): Omit<Live, "interaction"> {
    return { agents: new Set(), consultees: new Set(), pendingTransfer: new Set(), offered: new Set() };
  }

  protected requireSignedIn(agentId: string): void {
    if (this.host(agentId).session.status !== "LoggedIn") throw new Error(`${this.host(agentId).spec.agentName} is signed out`);
  }

  protected connect(l: Live, agentId: string): AgentContactMsg {
    l.offered.delete(agentId);
    l.interaction.state = "connected";
    l.interaction.owner = agentId;
    this.addParticipant(l.interaction, agentId);
    l.agents.add(agentId);
    return this.send(agentId, "eAgentContactAssigned", l.interaction);
  }

  /**
   * The agent joins the conversation's participants and, unless only on a consult leg, the main
   * call's media participants: the Webex CC SDK decides from the latter whether a conference is in
   * progress and whether an agent who left it keeps the task for wrap-up (docs/reference/webex-cc-sdk.md §5.5).
   */
  protected addParticipant(i: Interaction, agentId: string, inMainCall = true): void {
    const participants = i.participants as Record<string, unknown>;
    participants[agentId] = { id: agentId, name: this.host(agentId).spec.agentName, pType: "Agent", type: "Agent", hasJoined: true, hasLeft: false };
    const main = Object.values(i.media).find((m) => m.mType === "mainCall");
    if (inMainCall && main && !main.participants.includes(agentId)) main.participants.push(agentId);
  }

  /** `agentId`'s part ends while the conversation goes on: owner moves away from it, then wrap-up. */
  protected leave(l: Live, agentId: string, toOwner: string): void {
    const i = l.interaction;
    const p = (i.participants as Record<string, { hasLeft?: boolean }>)[agentId];
    if (p) p.hasLeft = true;
    l.agents.delete(agentId);
    i.owner = toOwner;
    this.send(agentId, "eContactOwnerChanged", i, { fromOwner: agentId, toOwner } as Partial<AgentContactData>);
    this.send(agentId, "eAgentWrapup", i);
  }

  /** Hands the conversation to `to`, by a fresh offer (to accept) or by an owner change. */
  protected receive(l: Live, to: string, variant: ReceiveVariant): void {
    const i = l.interaction;
    l.waitingFor = undefined;
    l.agents.add(to);
    if (variant === "offer") {
      i.state = "new";
      i.owner = "";
      l.pendingTransfer.add(to);
      l.offered.add(to);
      this.send(to, "eAgentOfferContact", i);
      return;
    }
    const from = i.owner;
    i.state = "connected";
    i.owner = to;
    this.addParticipant(i, to);
    this.send(to, "eContactOwnerChanged", i, { fromOwner: from, toOwner: to } as Partial<AgentContactData>);
  }

  protected require(interactionId: string): Live {
    const l = this.live.get(interactionId);
    if (!l) throw new Error(`no live interaction ${interactionId}`);
    return l;
  }
}
