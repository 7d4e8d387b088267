/**
 * Conversation scenarios as plain data: the AQM notifications each agent gets, in order, and the
 * exact SAP payloads each agent's SAP page must receive. One table, two adapters: the Desktop-SDK
 * path (the real `@wxcc-desktop/sdk` through the emulated desktop host,
 * __tests__/integration/shared-scenarios.test.ts) and the Webex-CC-SDK path (the real
 * `@webex/contact-center` in Chromium, the frames over the emulated cloud's notification socket,
 * `ccDesktopPort` + the in-page channel, __tests__/browser/cc-scenarios.test.ts), against the same
 * expectations.
 *
 * The notifications follow the contact-center simulation (sandbox/desktop-host/), which follows
 * docs/reference/webex-desktop.md §3: the same interaction object evolves step by step and each
 * step sends it whole, as Webex does.
 *
 * An expected payload is written `<leg>: <Type> <EventType> <Action> <other fields, sorted>`, where
 * `<leg>` is the agent whose leg's `ExternalReferenceID` it carries; a payload whose
 * `ExternalOriginalReferenceID` is not the conversation's shows as `orig=WRONG`.
 */
import type { ContactSignal, MediaType } from "../../sandbox/desktop-host/messages";

export type AgentKey = "A" | "B" | "C";

export const AGENT_IDS: Record<AgentKey, string> = {
  A: "a0000000-0000-4000-8000-00000000000a",
  B: "b0000000-0000-4000-8000-00000000000b",
  C: "c0000000-0000-4000-8000-00000000000c",
};

export const INTERACTION_ID = "0ae913a4-c857-4705-8d49-0000000000f1";

/** Changes to the interaction before a step's notification is sent (agents by key). */
export interface InteractionChange {
  state?: string;
  owner?: AgentKey | "";
  isTerminated?: boolean;
  /** The main call's hold flag (`media[…].isHold` of the `mainCall` entry). */
  held?: boolean;
  /** An agent joins the participants. */
  join?: AgentKey;
  /** An agent's participant entry is marked as left. */
  leave?: AgentKey;
}

export interface Step {
  to: AgentKey;
  signal: ContactSignal;
  set?: InteractionChange;
  /** Extra `data` fields; a string "@A" stands for agent A's id (also inside arrays). */
  data?: Record<string, unknown>;
}

export interface Scenario {
  name: string;
  contact: { media: MediaType; channel?: string; from: string; name?: string; dnis: string; cad?: Record<string, string>; direction?: "INBOUND" | "OUTBOUND"; outboundType?: string };
  /** Extra mashup URL parameters. */
  query?: string;
  agents: AgentKey[];
  steps: Step[];
  expect: Partial<Record<AgentKey, string[]>>;
  /**
   * Why the real Webex CC SDK cannot be given this scenario's notifications (the browser run,
   * __tests__/browser/cc-scenarios.test.ts, leaves it to the other two paths); absent: it runs there too.
   */
  notForCcSdk?: string;
}

const CALL = { media: "telephony" as const, from: "+14696762938", dnis: "+18005550100" };
const CHAT = { media: "chat" as const, from: "jane@example.com", dnis: "chat-entry-point" };

const offer = (to: AgentKey): Step => ({ to, signal: "eAgentOfferContact", set: { state: "new", owner: "" } });
const assigned = (to: AgentKey): Step => ({ to, signal: "eAgentContactAssigned", set: { state: "connected", owner: to, join: to } });
/** The customer leaves: every connected agent gets ContactEnded, then wrap-up. */
const customerEnds = (...to: AgentKey[]): Step[] => [
  { to: to[0] as AgentKey, signal: "eAgentContactEnded", set: { state: "wrapUp", isTerminated: true }, data: { agentsPendingWrapUp: to.map((k) => `@${k}`) } },
  ...to.slice(1).map((k): Step => ({ to: k, signal: "eAgentContactEnded", data: { agentsPendingWrapUp: to.map((x) => `@${x}`) } })),
  ...to.map((k): Step => ({ to: k, signal: "eAgentWrapup" })),
];
const wrappedUp = (to: AgentKey): Step => ({ to, signal: "eAgentContactWrappedUp", data: { wrapUpAuxCodeId: "wrap-resolved" } });
const fullLife = (to: AgentKey): Step[] => [offer(to), assigned(to), ...customerEnds(to), wrappedUp(to)];
/** `from` leaves (owner moves to `to`, or to nobody: a queue), then goes to wrap-up. */
const handOver = (from: AgentKey, to: AgentKey | ""): Step[] => [
  { to: from, signal: "eContactOwnerChanged", set: { owner: to, leave: from }, data: { fromOwner: `@${from}`, toOwner: to ? `@${to}` : "" } },
  { to: from, signal: "eAgentWrapup" },
];
const consult = (from: AgentKey, to: AgentKey): Step[] => [
  { to: from, signal: "eAgentConsultCreated", set: { state: "consult", held: true }, data: { destAgentId: `@${to}` } },
  { to, signal: "eAgentOfferConsult", data: { destAgentId: `@${to}`, isConsulted: true, consultingAgentId: `@${from}` } },
];
const consultAnswered = (from: AgentKey, to: AgentKey): Step[] => [
  { to: from, signal: "eAgentConsulting", data: { destAgentId: `@${to}`, isConsulted: false, consultingAgentId: `@${from}` } },
  { to, signal: "eAgentConsulting", data: { destAgentId: `@${to}`, isConsulted: true, consultingAgentId: `@${from}` } },
];

const line = (leg: AgentKey, type: string, action: "NOTIFY" | "ACCEPT" | "END", rest: string, direction = "INBOUND") =>
  `${leg}: ${type} ${action === "END" ? "UPDATEACTIVITY" : direction} ${action} ${rest}`;
const life = (leg: AgentKey, type: string, rest: string, direction?: string) => (["NOTIFY", "ACCEPT", "END"] as const).map((a) => line(leg, type, a, rest, direction));
const CALL_FIELDS = "ANI=+14696762938 DNIS=+18005550100";
const CHAT_FIELDS = "DNIS=chat-entry-point Email=jane@example.com";

export const SCENARIOS: Scenario[] = [
  {
    name: "inbound call: offer, accept, hold, resume, customer hangs up, wrap-up",
    contact: CALL,
    agents: ["A"],
    steps: [
      offer("A"),
      assigned("A"),
      { to: "A", signal: "eAgentContactHeld", set: { held: true } },
      { to: "A", signal: "eAgentContactUnHeld", set: { held: false } },
      ...customerEnds("A"),
      wrappedUp("A"),
    ],
    expect: { A: life("A", "CALL", CALL_FIELDS) },
  },
  {
    name: "offer not answered (RONA): a pop, then its END, no activity",
    contact: CALL,
    agents: ["A"],
    steps: [offer("A"), { to: "A", signal: "eAgentOfferContactRona", data: { reason: "RONA" } }],
    expect: { A: [line("A", "CALL", "NOTIFY", CALL_FIELDS), line("A", "CALL", "END", CALL_FIELDS)] },
  },
  {
    name: "customer hangs up while it rings: a pop, then its END",
    contact: CALL,
    agents: ["A"],
    steps: [offer("A"), { to: "A", signal: "eAgentContactEnded", set: { isTerminated: true }, data: { agentsPendingWrapUp: [] } }],
    expect: { A: [line("A", "CALL", "NOTIFY", CALL_FIELDS), line("A", "CALL", "END", CALL_FIELDS)] },
  },
  {
    name: "chat: SAP searches by the customer's e-mail",
    contact: CHAT,
    agents: ["A"],
    steps: fullLife("A"),
    expect: { A: life("A", "CHAT", CHAT_FIELDS) },
  },
  {
    name: "e-mail: a chat activity, by the from-address",
    contact: { media: "email", from: "bob@example.com", dnis: "support@example.com" },
    agents: ["A"],
    steps: fullLife("A"),
    expect: { A: life("A", "CHAT", "DNIS=support@example.com Email=bob@example.com") },
  },
  {
    name: "WhatsApp message with its SAP channel",
    contact: { media: "social", channel: "whatsapp", from: "+30 6940 300597", dnis: "wa-entry" },
    query: "&channels=whatsapp:Sinch_WhatsApp,sms:SMS_1",
    agents: ["A"],
    steps: fullLife("A"),
    expect: { A: life("A", "MESSAGE", "ANI=+306940300597 ChannelId=Sinch_WhatsApp DNIS=wa-entry") },
  },
  {
    name: "call variables mapped to Custom_n; unmapped ones stay out",
    contact: { ...CALL, cad: { Case_Number: "000123", CustomerId: "C-77", Secret_Note: "vip" } },
    query: "&cad=Case_Number:Custom_1,CustomerId:custom_3",
    agents: ["A"],
    steps: fullLife("A"),
    expect: { A: life("A", "CALL", "ANI=+14696762938 Custom_1=000123 Custom_3=C-77 DNIS=+18005550100") },
  },
  {
    name: "blind transfer, the receiver sees an owner change: one activity each, one original ID",
    contact: CALL,
    agents: ["A", "B"],
    // Webex announces a conversation to a CC SDK session by AgentContactReserved or AgentContact;
    // for any other notification of an unknown one the SDK's TaskManager throws
    // (docs/reference/webex-cc-sdk.md §3.5), so a receiving SDK agent is offered the call instead.
    notForCcSdk: "B's first notification is the owner change: the SDK has no task for it and fails on every later one (ContactEnded, AgentWrapup, AgentWrappedUp)",
    steps: [
      offer("A"),
      assigned("A"),
      ...handOver("A", "B"),
      { to: "B", signal: "eContactOwnerChanged", set: { state: "connected", join: "B" }, data: { fromOwner: "@A", toOwner: "@B" } },
      wrappedUp("A"),
      ...customerEnds("B"),
      wrappedUp("B"),
    ],
    expect: { A: life("A", "CALL", CALL_FIELDS), B: life("B", "CALL", CALL_FIELDS) },
  },
  {
    name: "blind transfer of a chat, the receiver gets a fresh offer and accepts",
    contact: CHAT,
    agents: ["A", "B"],
    steps: [offer("A"), assigned("A"), ...handOver("A", "B"), offer("B"), assigned("B"), wrappedUp("A"), ...customerEnds("B"), wrappedUp("B")],
    expect: { A: life("A", "CHAT", CHAT_FIELDS), B: life("B", "CHAT", CHAT_FIELDS) },
  },
  {
    name: "transfer to a queue: A's leg ends at once; the agent the queue offers it to gets its own activity",
    contact: CALL,
    agents: ["A", "B"],
    steps: [offer("A"), assigned("A"), ...handOver("A", ""), wrappedUp("A"), offer("B"), assigned("B"), ...customerEnds("B"), wrappedUp("B")],
    expect: { A: life("A", "CALL", CALL_FIELDS), B: life("B", "CALL", CALL_FIELDS) },
  },
  {
    name: "outdial placed in Webex (not from SAP): OUTBOUND, the dialled number as ANI, no ActivityUUID",
    contact: { media: "telephony", from: "+16503054000", dnis: "+18005550199", direction: "OUTBOUND", outboundType: "OUTDIAL" },
    agents: ["A"],
    steps: fullLife("A"),
    expect: { A: life("A", "CALL", "ANI=+16503054000 DNIS=+18005550199", "OUTBOUND") },
  },
  {
    name: "a consult offer never answered ends with the consult: a pop and its END for B only",
    contact: CALL,
    agents: ["A", "B"],
    steps: [
      offer("A"),
      assigned("A"),
      ...consult("A", "B"),
      { to: "A", signal: "eAgentConsultEnded", set: { state: "connected", held: false }, data: { isConsulted: false } },
      { to: "B", signal: "eAgentConsultEnded", data: { isConsulted: true } },
      { to: "A", signal: "eAgentContactUnHeld" },
    ],
    expect: { A: [line("A", "CALL", "NOTIFY", CALL_FIELDS), line("A", "CALL", "ACCEPT", CALL_FIELDS)], B: [line("B", "CALL", "NOTIFY", CALL_FIELDS), line("B", "CALL", "END", CALL_FIELDS)] },
  },
  {
    name: "consult: the consulted agent gets a pop and no activity",
    contact: CALL,
    agents: ["A", "B"],
    steps: [
      offer("A"),
      assigned("A"),
      ...consult("A", "B"),
      ...consultAnswered("A", "B"),
      { to: "A", signal: "eAgentConsultEnded", set: { state: "connected", held: false }, data: { isConsulted: false } },
      { to: "B", signal: "eAgentConsultEnded", data: { isConsulted: true } },
      { to: "A", signal: "eAgentContactUnHeld" },
      ...customerEnds("A"),
      wrappedUp("A"),
    ],
    expect: { A: life("A", "CALL", CALL_FIELDS), B: [line("B", "CALL", "NOTIFY", CALL_FIELDS), line("B", "CALL", "END", CALL_FIELDS)] },
  },
  {
    name: "consult → transfer: the consult leg becomes B's activity, A's ends",
    contact: CALL,
    agents: ["A", "B"],
    steps: [
      offer("A"),
      assigned("A"),
      ...consult("A", "B"),
      ...consultAnswered("A", "B"),
      { to: "A", signal: "eContactOwnerChanged", set: { held: false, owner: "B", leave: "A" }, data: { fromOwner: "@A", toOwner: "@B" } },
      { to: "A", signal: "eAgentWrapup" },
      { to: "B", signal: "eAgentContactAssigned", set: { state: "connected", owner: "B", join: "B" } },
      wrappedUp("A"),
      ...customerEnds("B"),
      wrappedUp("B"),
    ],
    expect: { A: life("A", "CALL", CALL_FIELDS), B: life("B", "CALL", CALL_FIELDS) },
  },
  {
    name: "chat consult → conference: B's activity ends when B leaves, A's when the chat ends",
    contact: CHAT,
    agents: ["A", "B"],
    steps: [
      offer("A"),
      assigned("A"),
      ...consult("A", "B"),
      ...consultAnswered("A", "B"),
      { to: "A", signal: "eAgentConsultConferenced", set: { state: "conference", held: false, join: "B" }, data: { isConferencing: true, participantId: "@B" } },
      { to: "B", signal: "eAgentConsultConferenced", data: { isConferencing: true, participantId: "@B" } },
      { to: "A", signal: "eParticipantLeftConference", set: { state: "connected", leave: "B" }, data: { isConferencing: false, participantId: "@B", participantType: "Agent" } },
      { to: "B", signal: "eParticipantLeftConference", data: { isConferencing: false, participantId: "@B", participantType: "Agent" } },
      { to: "B", signal: "eAgentWrapup" },
      wrappedUp("B"),
      ...customerEnds("A"),
      wrappedUp("A"),
    ],
    expect: { A: life("A", "CHAT", CHAT_FIELDS), B: life("B", "CHAT", CHAT_FIELDS) },
  },
  {
    name: "three agents in a chat conference, C joins directly: each activity ends with the chat",
    contact: CHAT,
    agents: ["A", "B", "C"],
    // As above (blind transfer, owner change): Webex would have to announce the chat to C's SDK session first.
    notForCcSdk: "C's first notification is ParticipantJoinedConference: the SDK has no task for it and fails on ContactEnded, AgentWrapup and AgentWrappedUp",
    steps: [
      offer("A"),
      assigned("A"),
      ...consult("A", "B"),
      ...consultAnswered("A", "B"),
      { to: "A", signal: "eAgentConsultConferenced", set: { state: "conference", held: false, join: "B" }, data: { isConferencing: true, participantId: "@B" } },
      { to: "B", signal: "eAgentConsultConferenced", data: { isConferencing: true, participantId: "@B" } },
      ...(["A", "B", "C"] as const).map((k, i): Step => ({ to: k, signal: "eParticipantJoinedConference", ...(i === 0 ? { set: { join: "C" } } : {}), data: { isConferencing: true, participantId: "@C", participantType: "Agent" } })),
      ...customerEnds("A", "B", "C"),
      wrappedUp("A"),
      wrappedUp("B"),
      wrappedUp("C"),
    ],
    expect: { A: life("A", "CHAT", CHAT_FIELDS), B: life("B", "CHAT", CHAT_FIELDS), C: life("C", "CHAT", CHAT_FIELDS) },
  },
];

/**
 * Where the two adapters legitimately differ, so a scenario cannot be shared; each is tested on
 * its own path (the file named).
 */
export const DIFFERENCES: readonly { topic: string; desktopSdk: string; webexCcSdk: string; tests: string }[] = [
  {
    topic: "sign-out reason",
    desktopSdk: "Webex keeps only its fixed reason; the one picked in SAP is logged",
    webexCcSdk: "the reason picked in SAP is the logout reason Webex receives",
    tests: "integration/agent-state.test.ts, browser/cc-pane.test.ts",
  },
  {
    topic: "click-to-dial",
    desktopSdk: "Desktop.dialer.startOutdial on the entry point the layout configures",
    webexCcSdk: "cc.startOutdial(destination, origin); the SDK takes the entry point from the agent's profile",
    tests: "integration/click-to-dial.test.ts, browser/cc-pane.test.ts (same OUTBOUND payloads with the ActivityUUID)",
  },
  {
    topic: "reload",
    desktopSdk: "the desktop or the mashup reloads alone; the widget replays what the mashup did not acknowledge",
    webexCcSdk: "connector and mashup reload together; Webex's relogin lists the open conversations, the ledger in storage says what SAP has",
    tests: "integration/reload.test.ts, browser/cc-pane.test.ts, browser/cc-pane-storage-blocked.test.ts",
  },
  {
    topic: "notifications only the CC SDK passes on",
    desktopSdk: "no signal for AgentContactReserved, AgentContactUnassigned, AgentVteamTransferred, AgentContactAssignFailed",
    webexCcSdk: "mapped to the offer, the end and the RONA of this agent's leg (docs/reference/webex-cc-events.md §3.2, §3.3)",
    tests: "browser/cc-pane.test.ts",
  },
];
