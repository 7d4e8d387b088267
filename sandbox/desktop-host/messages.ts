/**
 * Builds AQM notification messages exactly as typed by `@wxcc-desktop/sdk-types`, so the compiler
 * checks the emulator's payload shapes against Cisco's own types. `callAssociatedDetails` is
 * added on top: it exists at runtime but is missing from the types (docs/reference/webex-desktop.md, the interaction).
 */
import type { Service } from "@wxcc-desktop/sdk-types/agentx-services/index";

export type AgentContactMsg = Service.Aqm.Contact.AgentContact;
export type AgentContactData = AgentContactMsg["data"];
export type Interaction = Service.Aqm.Contact.Interaction & { callAssociatedDetails: CallAssociatedDetails };
export interface CallAssociatedDetails {
  ani: string;
  dn: string;
  customerName: string;
  virtualTeamName: string;
  ronaTimeout: string;
  mediaResourceId?: string;
}
export type MediaType = "telephony" | "chat" | "email" | "social";

/** Desktop signal name → AQM `data.type` (inferred from `@webex/contact-center`, docs/reference/webex-desktop.md, event catalogue). */
export const SIGNAL_TYPES = {
  eAgentContact: "AgentContact",
  eAgentOfferContact: "AgentOfferContact",
  eAgentOfferContactRona: "AgentOfferContactRona",
  eAgentContactAssigned: "AgentContactAssigned",
  eAgentContactHeld: "AgentContactHeld",
  eAgentContactUnHeld: "AgentContactUnheld",
  eAgentContactEnded: "ContactEnded",
  eAgentWrapup: "AgentWrapup",
  eAgentContactWrappedUp: "AgentWrappedUp",
  eAgentOfferConsult: "AgentOfferConsult",
  eAgentConsultCreated: "AgentConsultCreated",
  eAgentConsulting: "AgentConsulting",
  eAgentConsultEnded: "AgentConsultEnded",
  eAgentConsultFailed: "AgentConsultFailed",
  eAgentConsultConferencing: "AgentConsultConferencing",
  eAgentConsultConferenced: "AgentConsultConferenced",
  eAgentConsultConferenceEnded: "AgentConsultConferenceEnded",
  eParticipantJoinedConference: "ParticipantJoinedConference",
  eParticipantLeftConference: "ParticipantLeftConference",
  eContactOwnerChanged: "ContactOwnerChanged",
  eAgentContactAniUpdated: "AgentContactAniUpdated",
} as const;
export type ContactSignal = keyof typeof SIGNAL_TYPES;

export interface InteractionSpec {
  interactionId: string;
  orgId: string;
  mediaType: MediaType;
  mediaChannel: string;
  direction: "INBOUND" | "OUTBOUND";
  /** Phone number (calls, messages) or e-mail address (chats, emails) of the customer. */
  customer: string;
  customerName?: string;
  dnis: string;
  queueName: string;
  cad?: Record<string, string>;
  createdTimestamp: number;
  outboundType?: string;
}

export function newInteraction(spec: InteractionSpec): Interaction {
  const cad: NonNullable<Service.Aqm.Contact.Interaction["callAssociatedData"]> = {};
  for (const [name, value] of Object.entries(spec.cad ?? {})) {
    cad[name] = { name, displayName: name, value, type: "STRING", agentEditable: false, agentViewable: true, isSecure: false, secureKeyId: "", secureKeyVersion: 0 };
  }
  const isPhone = spec.mediaType === "telephony" || spec.mediaType === "social";
  const ani = spec.customer;
  const interaction: Interaction = {
    interactionId: spec.interactionId,
    orgId: spec.orgId,
    state: "new",
    mediaType: spec.mediaType,
    mediaChannel: spec.mediaChannel,
    contactDirection: { type: spec.direction },
    isFcManaged: false,
    isTerminated: false,
    owner: "",
    currentVTeam: "queue-" + spec.queueName.toLowerCase(),
    previousVTeams: ["entry-point-main"],
    createdTimestamp: spec.createdTimestamp,
    participants: {
      [spec.customer]: { id: spec.customer, pType: "Customer", type: "Customer", hasJoined: true, hasLeft: false, callerId: isPhone ? spec.customer : undefined },
    },
    media: {
      [spec.interactionId]: {
        mediaResourceId: spec.interactionId,
        mediaType: spec.mediaType,
        mediaMgr: spec.mediaType === "telephony" ? "callmm" : "digitalmm",
        participants: [spec.customer],
        mType: "mainCall",
        isHold: false,
        holdTimestamp: null,
      },
    },
    callProcessingDetails: {
      QMgrName: "aqm",
      taskToBeSelfServiced: "false",
      // On an outdial, Webex's ANI is the caller id shown to the customer; the customer is the DNIS (inferred).
      ani: spec.direction === "OUTBOUND" ? spec.dnis : ani,
      displayAni: spec.direction === "OUTBOUND" ? spec.dnis : ani,
      dnis: spec.direction === "OUTBOUND" ? spec.customer : spec.dnis,
      tenantId: spec.orgId,
      QueueId: "queue-" + spec.queueName.toLowerCase(),
      vteamId: "queue-" + spec.queueName.toLowerCase(),
      customerName: spec.customerName ?? "",
      virtualTeamName: spec.queueName,
      ronaTimeout: "30",
      category: "",
      reason: "",
      sourceNumber: isPhone ? ani : "",
      sourcePage: "",
      appUser: "",
      customerNumber: isPhone ? ani : "",
      reasonCode: "",
      IvrPath: "",
      pathId: "",
      fromAddress: spec.mediaType === "email" ? spec.customer : "",
    },
    callAssociatedDetails: {
      ani: spec.direction === "OUTBOUND" ? spec.dnis : ani,
      dn: spec.direction === "OUTBOUND" ? spec.customer : spec.dnis,
      customerName: spec.customerName ?? "",
      virtualTeamName: spec.queueName,
      ronaTimeout: "30",
      mediaResourceId: spec.interactionId,
    },
    callFlowParams: {},
    callAssociatedData: cad,
  };
  if (spec.outboundType) interaction.outboundType = spec.outboundType;
  return interaction;
}

export function contactMessage(
  signal: ContactSignal,
  interaction: Interaction,
  agentId: string,
  eventTime: number,
  extra: Partial<AgentContactData> = {},
): AgentContactMsg {
  const data: AgentContactData = {
    type: SIGNAL_TYPES[signal],
    eventType: "RoutingMessage",
    eventTime,
    agentId,
    destAgentId: "",
    trackingId: `t-${eventTime.toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    consultMediaResourceId: "",
    interaction: structuredCloneSafe(interaction),
    interactionId: interaction.interactionId,
    orgId: interaction.orgId,
    owner: interaction.owner,
    queueMgr: "aqm",
    queueName: interaction.callProcessingDetails.virtualTeamName,
    mediaResourceId: interaction.interactionId,
    isConferencing: false,
    ronaTimeout: 30,
    ...extra,
  };
  return { type: "RoutingMessage", orgId: interaction.orgId, trackingId: data.trackingId, data };
}

/** Each listener gets its own copy, as it would from a websocket. */
function structuredCloneSafe<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}
