/**
 * A small simulation of the Webex CC routing back end. Its core — agents, live interactions, the
 * routing rule, the customer's side — is ./switchboard.ts; this file adds what agents do with a
 * conversation (accept, hold, end, wrap-up, transfer, consult, conference) and their session
 * requests (state change, sign-out, station login), answering with the notifications the real
 * back end would send, in the documented order (docs/reference/webex-desktop.md
 * §3.4). Routing offers conversations by Webex's rule (signed in, Available, room in the
 * multimedia profile: ./routing.ts).
 *
 * Explicit routing operations — transfer, consult, conference, a queue's `offerFromQueue` — are
 * the scenario's own decision and only require the receiving agent to be signed in; what a
 * customer starts (`inbound`) and what a RONA returns to the queue wait until routing may offer it.
 */
import type { Service } from "@wxcc-desktop/sdk-types/agentx-services/index";
import { dnRegisteredMessage } from "./agent-messages";
import type { HostBackend, IdleCode } from "./agentx-host";
import { newInteraction, type AgentContactData, type AgentContactMsg, type Interaction } from "./messages";
import * as routing from "./routing";
import { Switchboard, type Live, type ReceiveVariant } from "./switchboard";

export type { CustomerContact, ReceiveVariant } from "./switchboard";

export class ContactCenter extends Switchboard implements HostBackend {
  protected backend(): HostBackend {
    return this;
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
    // The consulted agent is a participant from now on: the Webex CC SDK finds the agent to
    // conference or transfer to through the consult leg's participants (docs/reference/webex-cc-sdk.md §5.1).
    this.addParticipant(i, to, false);
    markConsult(i, from, "consultInitiated");
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
    const p = (i.participants as Record<string, { hasLeft?: boolean }>)[to];
    if (p) p.hasLeft = true;
    l.agents.delete(to);
    l.offered.delete(to);
    l.consultees.delete(to);
    i.state = "connected";
    for (const m of Object.values(i.media)) if (m.mType === "mainCall") m.isHold = false;
    markConsult(i, from, "consultCompleted");
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
    markConsult(i, from, "consultCompleted");
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
    markConsult(i, from, "conferencing");
    this.addParticipant(i, to);
    for (const a of [from, to]) this.send(a, "eAgentConsultConferenced", i, { isConferencing: true, participantId: to } as Partial<AgentContactData>);
    // The consulted agent has joined the main call: everyone on it is told, as for any joiner; the
    // Webex CC SDK counts a conference as in progress only from this (docs/reference/webex-cc-sdk.md §5.9).
    for (const a of [from, to]) this.send(a, "eParticipantJoinedConference", i, { isConferencing: true, participantId: to, participantType: "Agent" } as Partial<AgentContactData>);
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

  /**
   * The agent picks up the offered call on their own phone: with a dial-number or extension
   * station the Webex CC SDK's `accept()` sends nothing for a call (docs/reference/webex-cc-sdk.md §5.3),
   * Webex connects the call when the phone answers.
   */
  agentAnswers(interactionId: string, agentId: string): void {
    this.acceptNow(agentId, interactionId);
  }

  // ---- HostBackend: requests the real SDK passed through the emulated host ----

  async accept(agentId: string, interactionId: string): Promise<AgentContactMsg> {
    return this.acceptNow(agentId, interactionId);
  }

  private acceptNow(agentId: string, interactionId: string): AgentContactMsg {
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

  /** `auxCodeId`: the wrap-up code the agent chose (the Webex CC SDK sends it; the Desktop's default otherwise). */
  async wrapup(agentId: string, interactionId: string, auxCodeId?: string): Promise<AgentContactMsg> {
    const l = this.require(interactionId);
    l.agents.delete(agentId);
    const m = this.send(agentId, "eAgentContactWrappedUp", l.interaction, { wrapUpAuxCodeId: auxCodeId || "wrap-resolved" } as Partial<AgentContactData>);
    // A conversation transferred to a queue lives on without agents until the queue offers it again.
    if (l.agents.size === 0 && l.interaction.isTerminated) this.live.delete(interactionId);
    this.route();
    return m;
  }

  // ---- HostBackend: the agent's session (./routing.ts has the rules) ----

  async stateChange(agentId: string, state: string, auxCodeId: string): Promise<Service.Aqm.Agent.StateChangeSuccess> {
    const h = this.host(agentId);
    const msg = routing.stateChange(h.session, (h.profile.idleCodes ?? []) as IdleCode[], state, auxCodeId, this.clock());
    for (const d of this.desktops(agentId)) d.agentSignal("eAgentStateChangeSuccess", msg);
    this.route();
    return msg;
  }

  async logout(agentId: string, _reason: string | undefined): Promise<Service.Aqm.Agent.LogoutSuccess> {
    const h = this.host(agentId);
    const msg = routing.logout(h.session, h.tasks.size, this.clock());
    for (const d of this.desktops(agentId)) d.agentSignal("eAgentLogoutSuccess", msg);
    return msg;
  }

  async stationLogin(agentId: string, data: Service.Aqm.Agent.UserStationLogin): Promise<Service.Aqm.Agent.StationLoginSuccess> {
    const h = this.host(agentId);
    const now = this.clock();
    const msg = routing.stationLogin(h.session, (h.profile.idleCodes ?? []) as IdleCode[], data, (h.profile.teams ?? []) as { teamId: string }[], now);
    for (const d of this.desktops(agentId)) d.agentSignal("eAgentStationLoginSuccess", msg);
    const dn = dnRegisteredMessage(h.session, now);
    for (const d of this.desktops(agentId)) d.agentSignal("eAgentDNRegistered", dn);
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

  private consultAnswered(l: Live, agentId: string): AgentContactMsg {
    const i = l.interaction;
    const consultLeg = `${i.interactionId}-consult-${agentId}`;
    const initiator = i.owner;
    const extra = { consultMediaResourceId: consultLeg, destAgentId: agentId, isConsulted: true, consultingAgentId: initiator } as Partial<AgentContactData>;
    if (initiator) markConsult(i, initiator, "consulting");
    if (initiator) this.send(initiator, "eAgentConsulting", i, { ...extra, isConsulted: false });
    return this.send(agentId, "eAgentConsulting", i, extra);
  }

  private dropConsultLeg(l: Live, to: string): void {
    delete l.interaction.media[`${l.interaction.interactionId}-consult-${to}`];
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
}

/**
 * Where the consulting agent's consult stands, on their participant entry (`consultState`):
 * Cisco's widgets enable the consult panel's Transfer and Merge from it, not from the
 * notification's type (docs/reference/webex-cc-sdk.md §5.8).
 */
function markConsult(i: Interaction, agentId: string, state: "consultInitiated" | "consulting" | "consultCompleted" | "conferencing"): void {
  const p = (i.participants as Record<string, Record<string, unknown> | undefined>)[agentId];
  if (p) p.consultState = state;
}
