/**
 * What the Webex Contact Center SDK (`@webex/contact-center`, the version the widgets' store pins)
 * emits, and how that maps onto the Desktop SDK signals `ConversationTracker` understands. The
 * only file that knows these names; the facts behind each line, with their sources and how sure
 * they are, are in docs/reference/webex-cc-events.md §1–§7.
 *
 * Why the raw notifications and not the SDK's `task:*` events: both SDKs carry the same AQM
 * notifications from the same back end, and the CC SDK re-emits every one of them on its `cc`
 * object under the notification's own `data.type` (docs/reference/webex-cc-events.md §2). Its
 * `task:*` events are lossier: `task:end` stands for four different notifications, a task's `data`
 * is a merge of all notifications so far (stale fields stay), and two notifications the tracker
 * needs never become a task event at all (§3). So the same data reaches the same tracker through
 * one table, and the `task:*` events are used only for what they alone give: the task objects.
 */
import type { ContactEventName } from "../../widget/conversation-tracker";

/**
 * AQM notification type (`data.type`) → the tracker's signal (docs/reference/webex-cc-events.md §3).
 * The Desktop SDK names each `Desktop.agentContact` signal after one of these types
 * (docs/reference/webex-desktop.md §3.1); the extra rows are notifications the CC SDK handles that the
 * Desktop SDK does not pass on, each mapped to the signal with the same effect on this agent's leg.
 */
export const AQM_SIGNALS: Readonly<Record<string, ContactEventName>> = {
  AgentContact: "eAgentContact",
  // The CC SDK's incoming task: reserved for this agent and ringing (§3.2). The offer that may follow refreshes it.
  AgentContactReserved: "eAgentOfferContact",
  AgentOfferContact: "eAgentOfferContact",
  AgentOfferContactRona: "eAgentOfferContactRona",
  // Both end an offer that never reached the agent, as RONA does; the CC SDK makes all three `task:rejected` (§3.3).
  AgentContactAssignFailed: "eAgentOfferContactRona",
  AgentInviteFailed: "eAgentOfferContactRona",
  AgentContactAssigned: "eAgentContactAssigned",
  AgentContactHeld: "eAgentContactHeld",
  AgentContactUnheld: "eAgentContactUnHeld",
  ContactEnded: "eAgentContactEnded",
  // Both take the conversation away from this agent, wrap-up to follow; the CC SDK makes them `task:end` (§3.3).
  AgentContactUnassigned: "eAgentContactEnded",
  AgentVteamTransferred: "eAgentContactEnded",
  AgentWrapup: "eAgentWrapup",
  AgentWrappedUp: "eAgentContactWrappedUp",
  AgentOfferConsult: "eAgentOfferConsult",
  AgentConsultCreated: "eAgentConsultCreated",
  AgentConsulting: "eAgentConsulting",
  AgentConsultEnded: "eAgentConsultEnded",
  AgentConsultFailed: "eAgentConsultFailed",
  AgentConsultConferencing: "eAgentConsultConferencing",
  AgentConsultConferenced: "eAgentConsultConferenced",
  AgentConsultConferenceEnded: "eAgentConsultConferenceEnded",
  ParticipantJoinedConference: "eParticipantJoinedConference",
  ParticipantLeftConference: "eParticipantLeftConference",
  // No task event and no CC SDK constant: they arrive only through the re-emit (§3.4).
  ContactOwnerChanged: "eContactOwnerChanged",
  AgentContactAniUpdated: "eAgentContactAniUpdated",
};

/**
 * The tracker's signal for one notification. A reservation for a consult (its data marks this agent
 * as consulted) is the consult's offer, not a conversation's: as the conversation's offer it would
 * become a leg of its own, which neither the consult's end nor a conference would touch
 * (docs/reference/webex-cc-events.md §3.2).
 */
export function contactSignal(type: string, data: unknown): ContactEventName | undefined {
  const consulted = typeof data === "object" && data !== null && (data as { isConsulted?: unknown }).isConsulted === true;
  if (type === "AgentContactReserved" && consulted) return "eAgentOfferConsult";
  return AQM_SIGNALS[type];
}

/** The notification of a failed outdial; its `reason`/`reasonCode` as the Desktop SDK's `eOutdialFailed` (§4.1). */
export const OUTDIAL_FAILED = "AgentOutboundFailed";

/** The CC SDK's own agent events the port listens to (`AGENT_EVENTS`; docs/reference/webex-cc-events.md §5.4). */
export const CC_EVENT = {
  stateChange: "agent:stateChange",
  stationLoginSuccess: "agent:stationLoginSuccess",
  reloginSuccess: "agent:reloginSuccess",
  logoutSuccess: "agent:logoutSuccess",
} as const;

/** The auxiliary code of Available; the CC SDK also lists it among the idle codes, as "Available" (§5.2). */
export const AVAILABLE_AUX_CODE = "0";
