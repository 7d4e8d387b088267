/**
 * Which buttons the emulated desktop shows for a task, from the last notification this agent got
 * for it (pure). Conference controls follow who is still in the conference: once the other agent
 * has left (`isConferencing: false`), the remaining agent has the ordinary call controls again.
 */
import type { AgentContactData } from "../desktop-host/messages";

export type Action = [action: string, label: string];

/** Agents still on the conversation, from the interaction's participants. */
export function agentsIn(t: AgentContactData): number {
  const ps = Object.values((t.interaction.participants ?? {}) as Record<string, { pType?: string; hasLeft?: boolean; hasJoined?: boolean }>);
  return ps.filter((p) => p.pType === "Agent" && p.hasLeft !== true).length;
}

/**
 * `cloudFirstName`: the Webex-in-SAP agent (no desktop, works through the Webex CC SDK), whom a
 * desktop agent can transfer a conversation to as well.
 */
export function actionsFor(t: AgentContactData, otherFirstName: string, cloudFirstName?: string): Action[] {
  const phone = t.interaction.mediaType === "telephony";
  const outbound = t.interaction.contactDirection?.type === "OUTBOUND";
  const consultee = Boolean(t.isConsulted);
  const held = Object.values(t.interaction.media ?? {}).some((m) => m.mType === "mainCall" && m.isHold);
  const main: Action[] = [
    ...(phone ? [held ? (["resume", "Resume"] as Action) : (["hold", "Hold"] as Action)] : []),
    ["transfer", `Transfer → ${otherFirstName}`],
    ...(cloudFirstName ? [["transfer-cloud", `Transfer → ${cloudFirstName}`] as Action] : []),
    ["consult", `Consult ${otherFirstName}`],
    ...(phone ? [] : [["conference", `Conference ${otherFirstName}`] as Action]),
    ["end", "End"],
    ["customer-ends", phone ? "Customer hangs up" : "Customer leaves"],
  ];
  const conference: Action[] = [["leave", "Leave conference"], ["end", "End for all"], ["customer-ends", "Customer leaves"]];
  switch (t.type) {
    case "AgentOfferContact":
      return outbound
        ? [["customer-answers", "Customer answers"], ["end", "Cancel"]]
        : [["accept", "Accept"], ["rona", "Let it ring (RONA)"], ["customer-ends", phone ? "Customer hangs up" : "Customer leaves"]];
    case "AgentOfferConsult":
      return [["accept", "Accept consult"]];
    case "AgentConsultCreated":
    case "AgentConsulting":
      return consultee ? [["end-consult", "End consult"]] : [["consult-transfer", "Transfer to consultee"], ["conference", "Conference"], ["end-consult", "End consult"]];
    case "AgentConsultConferenced":
    case "ParticipantJoinedConference":
      return conference;
    case "ParticipantLeftConference":
      return t.isConferencing && agentsIn(t) > 1 ? conference : main;
    case "ContactEnded":
    case "AgentWrapup":
      return [["wrapup", "Wrap up"]];
    case "AgentConsultEnded":
      return consultee ? [] : main;
    default:
      return main;
  }
}

/** A short status for the task's pill: what is happening, in the agent's words. */
export function phaseOf(t: AgentContactData): string {
  const outbound = t.interaction.contactDirection?.type === "OUTBOUND";
  switch (t.type) {
    case "AgentOfferContact":
      return outbound ? "dialling" : "ringing";
    case "AgentOfferConsult":
      return "consult request";
    case "AgentConsultCreated":
    case "AgentConsulting":
      return "consult";
    case "AgentConsultConferenced":
    case "ParticipantJoinedConference":
      return "conference";
    case "ParticipantLeftConference":
      return t.isConferencing && agentsIn(t) > 1 ? "conference" : "connected";
    case "ContactEnded":
    case "AgentWrapup":
      return "wrap-up";
    case "AgentContactHeld":
      return "on hold";
    default:
      return "connected";
  }
}
