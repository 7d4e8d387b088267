/**
 * A small simulation of the Webex CC routing back end: it owns interactions and agent sessions,
 * offers conversations to agents by Webex's rule (signed in, Available, room in the multimedia
 * profile: ./routing.ts), and sends each agent's emulated desktop the notifications the real back
 * end would, in the documented order (docs/reference/webex-desktop.md, "Typical sequences").
 * Scenario helpers drive the customer's side; the agent's side is driven through the real SDK.
 *
 * Explicit routing operations — transfer, consult, conference, a queue's `offerFromQueue` — are
 * the scenario's own decision and only require the receiving agent to be signed in; what a
 * customer starts (`inbound`) and what a RONA returns to the queue wait until routing may offer it.
 */
import type { Service } from "@wxcc-desktop/sdk-types/agentx-services/index";
import { dnRegisteredMessage } from "./agent-messages";
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
 * does not settle it (reference webex-desktop.md §3.4), so the simulation can do either:
 * `offer` — a fresh `eAgentOfferContact` that the agent accepts; `owner-change` — only
 * `eContactOwnerChanged` with `toOwner` = the agent (already connected, nothing to accept).
 */
export type ReceiveVariant = "offer" | "owner-change";

interface Live {
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

export class ContactCenter implements HostBackend {
  readonly orgId = "6ecef209-9a34-4ed1-a07a-7ddd1dbe925a";
  readonly hosts = new Map<string, AgentxHost>();
  readonly live = new Map<string, Live>();
  /** Outdial failures to simulate next, by agent (a reason), instead of placing the call. */
  readonly failNextOutdial = new Map<string, string>();
  private counter = 0;
  private routing = false;

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
    if (msg) h.agentSignal("eAgentStateChangeSuccess", msg);
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

  /**
   * Blind transfer (to an agent) by `from`, who is connected: `from`'s desktop sees its part end
   * (owner change away from it, then wrap-up), and `to` receives it by `variant`.
   */
  transfer(interactionId: string, from: string, to: string, variant: ReceiveVariant = "offer"): void {
    const l = this.require(interactionId);
    this.requireSignedIn(to);
    this.leave(l, from, to);
    this.receive(l, to, variant);
  }

  /** Transfer to a queue: `from`'s part ends now; the queue later offers it with `offerFromQueue`. */
  transferToQueue(interactionId: string, from: string, queue: string): void {
    const l = this.require(interactionId);
    l.interaction.previousVTeams.push(l.interaction.currentVTeam);
    l.interaction.currentVTeam = "queue-" + queue.toLowerCase();
    l.interaction.callProcessingDetails.virtualTeamName = queue;
    l.interaction.callAssociatedDetails.virtualTeamName = queue;
    this.leave(l, from, "");
    l.interaction.state = "new";
  }

  /** A queue (or anyone routing it again) offers the conversation to `to`. */
  offerFromQueue(interactionId: string, to: string, variant: ReceiveVariant = "offer"): void {
    this.requireSignedIn(to);
    this.receive(this.require(interactionId), to, variant);
  }

  /** `from` (connected) consults `to`: the initiator sees ConsultCreated, the consultee an offer. */
  consult(interactionId: string, from: string, to: string): void {
    const l = this.require(interactionId);
    this.requireSignedIn(to);
    const consultLeg = `${interactionId}-consult-${to}`;
    const i = l.interaction;
    i.state = "consult";
    for (const m of Object.values(i.media)) if (m.mType === "mainCall") m.isHold = true;
    i.media[consultLeg] = { mediaResourceId: consultLeg, mediaType: i.mediaType, mediaMgr: i.mediaType === "telephony" ? "callmm" : "digitalmm", participants: [from, to], mType: "consult", isHold: false, holdTimestamp: null };
    l.consultees.add(to);
    l.agents.add(to);
    l.offered.add(to);
    this.send(from, "eAgentConsultCreated", i, { consultMediaResourceId: consultLeg, destAgentId: to });
    this.send(to, "eAgentOfferConsult", i, { consultMediaResourceId: consultLeg, destAgentId: to, isConsulted: true, consultingAgentId: from });
  }

  /** The consult is over (the primary retrieved the call, or either side hung up the consult leg). */
  consultEnd(interactionId: string, from: string, to: string): void {
    const l = this.require(interactionId);
    const i = l.interaction;
    this.dropConsultLeg(l, to);
    l.agents.delete(to);
    l.offered.delete(to);
    l.consultees.delete(to);
    i.state = "connected";
    for (const m of Object.values(i.media)) if (m.mType === "mainCall") m.isHold = false;
    this.send(from, "eAgentConsultEnded", i, { isConsulted: false });
    this.send(to, "eAgentConsultEnded", i, { isConsulted: true });
    this.send(from, "eAgentContactUnHeld", i);
  }

  /**
   * Consult → transfer: the consultee becomes the owner and `from` leaves. The consultee learns
   * it by `ContactAssigned` with itself as owner (`offer` variant, nothing to accept on a consult
   * already answered) or by `eContactOwnerChanged`.
   */
  consultTransfer(interactionId: string, from: string, to: string, variant: ReceiveVariant = "offer"): void {
    const l = this.require(interactionId);
    const i = l.interaction;
    this.dropConsultLeg(l, to);
    l.consultees.delete(to);
    for (const m of Object.values(i.media)) if (m.mType === "mainCall") m.isHold = false;
    this.leave(l, from, to);
    i.state = "connected";
    i.owner = to;
    this.addParticipant(i, to);
    if (variant === "offer") this.send(to, "eAgentContactAssigned", i);
    else this.send(to, "eContactOwnerChanged", i, { fromOwner: from, toOwner: to } as Partial<AgentContactData>);
  }

  /** Consult → conference: every agent on it is told; the consultee now serves the customer too. */
  consultConference(interactionId: string, from: string, to: string): void {
    const l = this.require(interactionId);
    const i = l.interaction;
    this.dropConsultLeg(l, to);
    l.consultees.delete(to);
    i.state = "conference";
    i.callProcessingDetails.isConferencing = "true";
    for (const m of Object.values(i.media)) if (m.mType === "mainCall") m.isHold = false;
    this.addParticipant(i, to);
    for (const a of [from, to]) this.send(a, "eAgentConsultConferenced", i, { isConferencing: true, participantId: to } as Partial<AgentContactData>);
  }

  /** An agent joins a (chat) conference directly; everyone on the conversation is told. */
  joinConference(interactionId: string, agentId: string): void {
    const l = this.require(interactionId);
    this.requireSignedIn(agentId);
    const i = l.interaction;
    i.state = "conference";
    this.addParticipant(i, agentId);
    l.agents.add(agentId);
    for (const a of l.agents) this.send(a, "eParticipantJoinedConference", i, { isConferencing: true, participantId: agentId, participantType: "Agent" } as Partial<AgentContactData>);
  }

  /**
   * An agent leaves a conference; the others stay with the customer. The leaver goes to wrap-up.
   * With one agent left it is no longer a conference: the interaction is "connected" again and
   * the message says `isConferencing: false`, so that agent's desktop drops its conference controls.
   */
  leaveConference(interactionId: string, agentId: string): void {
    const l = this.require(interactionId);
    const i = l.interaction;
    const p = (i.participants as Record<string, { hasLeft?: boolean }>)[agentId];
    if (p) p.hasLeft = true;
    const told = [...l.agents];
    if (i.owner === agentId) i.owner = told.find((a) => a !== agentId) ?? "";
    const still = told.filter((a) => a !== agentId && !l.consultees.has(a)).length > 1;
    if (!still) {
      i.state = "connected";
      i.callProcessingDetails.isConferencing = "false";
    }
    for (const a of told) this.send(a, "eParticipantLeftConference", i, { isConferencing: still, participantId: agentId, participantType: "Agent" } as Partial<AgentContactData>);
    this.send(agentId, "eAgentWrapup", i);
    l.agents.delete(agentId);
  }

  // ---- HostBackend: requests the real SDK passed through the emulated host ----

  async accept(agentId: string, interactionId: string): Promise<AgentContactMsg> {
    const l = this.require(interactionId);
    // Accepting a consult offer connects the consult leg; the conversation keeps its owner.
    if (l.consultees.has(agentId)) {
      l.offered.delete(agentId);
      return this.consultAnswered(l, agentId);
    }
    if (!l.offered.has(agentId) && !l.pendingTransfer.has(agentId)) throw routing.refusal("No offer to accept", 1301);
    l.pendingTransfer.delete(agentId);
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
    // A conversation transferred to a queue lives on without agents until the queue offers it again.
    if (l.agents.size === 0 && l.interaction.isTerminated) this.live.delete(interactionId);
    this.route();
    return m;
  }

  // ---- HostBackend: the agent's session (./routing.ts has the rules) ----

  async stateChange(agentId: string, state: string, auxCodeId: string): Promise<Service.Aqm.Agent.StateChangeSuccess> {
    const h = this.host(agentId);
    const msg = routing.stateChange(h.session, (h.profile.idleCodes ?? []) as IdleCode[], state, auxCodeId, this.clock());
    h.agentSignal("eAgentStateChangeSuccess", msg);
    this.route();
    return msg;
  }

  async logout(agentId: string, _reason: string | undefined): Promise<Service.Aqm.Agent.LogoutSuccess> {
    const h = this.host(agentId);
    const msg = routing.logout(h.session, h.tasks.size, this.clock());
    h.agentSignal("eAgentLogoutSuccess", msg);
    return msg;
  }

  async stationLogin(agentId: string, data: Service.Aqm.Agent.UserStationLogin): Promise<Service.Aqm.Agent.StationLoginSuccess> {
    const h = this.host(agentId);
    const now = this.clock();
    const msg = routing.stationLogin(h.session, (h.profile.idleCodes ?? []) as IdleCode[], data, (h.profile.teams ?? []) as { teamId: string }[], now);
    h.agentSignal("eAgentStationLoginSuccess", msg);
    h.agentSignal("eAgentDNRegistered", dnRegisteredMessage(h.session, now));
    return msg;
  }

  async startOutdial(agentId: string, data: Service.Aqm.Dialer.tasks): Promise<AgentContactMsg> {
    const failure = this.failNextOutdial.get(agentId);
    if (failure !== undefined) {
      this.failNextOutdial.delete(agentId);
      const err = { details: { trackingId: "t-outdial", data: { reason: failure, reasonCode: 1008 } } };
      throw err;
    }
    if (this.host(agentId).session.status !== "LoggedIn") throw routing.refusal("Agent is not logged in", 1102);
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
    this.live.set(interaction.interactionId, { ...this.legs(), interaction, agents: new Set([agentId]), offered: new Set([agentId]) });
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

  private legs(): Omit<Live, "interaction"> {
    return { agents: new Set(), consultees: new Set(), pendingTransfer: new Set(), offered: new Set() };
  }

  private requireSignedIn(agentId: string): void {
    if (this.host(agentId).session.status !== "LoggedIn") throw new Error(`${this.host(agentId).spec.agentName} is signed out`);
  }

  private connect(l: Live, agentId: string): AgentContactMsg {
    l.offered.delete(agentId);
    l.interaction.state = "connected";
    l.interaction.owner = agentId;
    this.addParticipant(l.interaction, agentId);
    l.agents.add(agentId);
    return this.send(agentId, "eAgentContactAssigned", l.interaction);
  }

  private addParticipant(i: Interaction, agentId: string): void {
    const participants = i.participants as Record<string, unknown>;
    participants[agentId] = { id: agentId, name: this.host(agentId).spec.agentName, pType: "Agent", type: "Agent", hasJoined: true, hasLeft: false };
  }

  private consultAnswered(l: Live, agentId: string): AgentContactMsg {
    const i = l.interaction;
    const consultLeg = `${i.interactionId}-consult-${agentId}`;
    const initiator = i.owner;
    const extra = { consultMediaResourceId: consultLeg, destAgentId: agentId, isConsulted: true, consultingAgentId: initiator } as Partial<AgentContactData>;
    if (initiator) this.send(initiator, "eAgentConsulting", i, { ...extra, isConsulted: false });
    return this.send(agentId, "eAgentConsulting", i, extra);
  }

  private dropConsultLeg(l: Live, to: string): void {
    delete l.interaction.media[`${l.interaction.interactionId}-consult-${to}`];
  }

  /** `agentId`'s part ends while the conversation goes on: owner moves away from it, then wrap-up. */
  private leave(l: Live, agentId: string, toOwner: string): void {
    const i = l.interaction;
    const p = (i.participants as Record<string, { hasLeft?: boolean }>)[agentId];
    if (p) p.hasLeft = true;
    l.agents.delete(agentId);
    i.owner = toOwner;
    this.send(agentId, "eContactOwnerChanged", i, { fromOwner: agentId, toOwner } as Partial<AgentContactData>);
    this.send(agentId, "eAgentWrapup", i);
  }

  /** Hands the conversation to `to`, by a fresh offer (to accept) or by an owner change. */
  private receive(l: Live, to: string, variant: ReceiveVariant): void {
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
