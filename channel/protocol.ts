/**
 * The channel protocol between the headless widget (inside the Webex CC Agent Desktop) and the
 * SAP-side mashup. Both sides import this file; nothing here touches the DOM.
 *
 * Every message is a plain object `{ p: "wxcc-sap", v: 1, t: <type>, … }`. Anything that does not
 * parse against these schemas is dropped by the receiver and counted, never thrown.
 */
import * as v from "valibot";

export const PROTOCOL = "wxcc-sap";
export const PROTOCOL_VERSION = 1;

const str = (max = 512) => v.pipe(v.string(), v.maxLength(max));
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const time = v.pipe(v.number(), v.finite(), v.minValue(0));
const seqNo = v.pipe(v.number(), v.integer(), v.minValue(1));

/** The kinds of Webex media the connector distinguishes; anything else is `other`. */
export const MEDIA = ["telephony", "chat", "email", "social", "other"] as const;
export type Media = (typeof MEDIA)[number];

/**
 * One agent's part in one conversation, as the widget sees it now. Sent whole on every change,
 * so the mashup can work out what SAP still needs from the current state alone (idempotent).
 */
export const LegSchema = v.object({
  interactionId: id,
  agentId: id,
  media: v.picklist(MEDIA),
  /** Webex `mediaChannel`, lower-cased (e.g. "telephony", "chat", "whatsapp"). */
  channel: str(64),
  direction: v.picklist(["INBOUND", "OUTBOUND"]),
  /** `consult`: this agent was offered a consult; such a leg pops but creates no SAP activity. */
  role: v.picklist(["main", "consult"]),
  phase: v.picklist(["offered", "connected", "ended"]),
  held: v.boolean(),
  /**
   * Learnt from the desktop's task list after a reload rather than seen happening. With nothing
   * remembered about it, the mashup then assumes SAP already has what this phase implies (no
   * second activity) and still closes it with END.
   */
  rehydrated: v.optional(v.boolean()),
  /** Raw customer address as Webex gave it: a phone number for calls and messages, an e-mail for chats and emails. */
  customer: v.object({
    ani: v.optional(str(256)),
    email: v.optional(str(320)),
    name: v.optional(str(256)),
  }),
  dnis: v.optional(str(256)),
  /** Call-associated data, name → value (strings only). */
  cad: v.record(str(128), str(1024)),
  outboundType: v.optional(str(64)),
  /** Time of the offer (ms since epoch). */
  offeredAt: time,
  connectedAt: v.optional(time),
  endedAt: v.optional(time),
});
export type Leg = v.InferOutput<typeof LegSchema>;
export type LegPhase = Leg["phase"];

export const IdleCodeSchema = v.object({ id: str(128), name: str(256) });
export type IdleCode = v.InferOutput<typeof IdleCodeSchema>;

/** What the agent is doing in Webex, reduced to what SAP shows. */
export const AgentStateSchema = v.object({
  agentId: v.optional(str(200)),
  name: v.optional(str(256)),
  /** `signed-out`, `available`, `idle` (with `idleCode`), or `unknown` before the desktop told us. */
  status: v.picklist(["unknown", "signed-out", "available", "idle"]),
  idleCode: v.optional(IdleCodeSchema),
  idleCodes: v.pipe(v.array(IdleCodeSchema), v.maxLength(500)),
  outdialEnabled: v.boolean(),
  /**
   * What the agent is busy with, which Webex keeps apart from the state above: a live conversation,
   * or wrap-up of one that ended. Absent when neither (and from widgets that predate it).
   */
  activity: v.optional(v.picklist(["conversation", "wrap-up"])),
});
export type AgentState = v.InferOutput<typeof AgentStateSchema>;

/** What the mashup asked for and what came of it. */
export const DialCommandSchema = v.object({ kind: v.literal("dial"), destination: v.pipe(str(36), v.regex(/^\+[1-9][0-9]{1,14}$/)) });
export const StateCommandSchema = v.object({
  kind: v.literal("set-state"),
  state: v.picklist(["available", "idle"]),
  idleCodeId: v.optional(str(128)),
});
export const SignOutCommandSchema = v.object({ kind: v.literal("sign-out"), reason: str(256) });
export const CommandSchema = v.variant("kind", [DialCommandSchema, StateCommandSchema, SignOutCommandSchema]);
export type Command = v.InferOutput<typeof CommandSchema>;

/** Bodies of sequenced events (widget → mashup); each is kept by the widget until acknowledged. */
export const EventBodySchema = v.variant("kind", [
  v.object({ kind: v.literal("leg"), leg: LegSchema }),
  v.object({ kind: v.literal("agent"), agent: AgentStateSchema }),
  v.object({ kind: v.literal("select"), interactionId: id }),
  /** Webex refused an outdial after accepting the request (`eOutdialFailed`). */
  v.object({ kind: v.literal("outdial-failed"), reason: str(512) }),
]);
export type EventBody = v.InferOutput<typeof EventBodySchema>;

/** A leg in a snapshot also says which of its moments the mashup already acknowledged. */
export const SnapshotLegSchema = v.object({ leg: LegSchema, acked: v.picklist(["none", "offered", "connected", "ended"]) });
export type SnapshotLeg = v.InferOutput<typeof SnapshotLegSchema>;

const head = { p: v.literal(PROTOCOL), v: v.literal(PROTOCOL_VERSION) };

export const MessageSchema = v.variant("t", [
  /** Either side announces itself; the widget answers a mashup's hello with its own. */
  v.object({ ...head, t: v.literal("hello"), role: v.picklist(["widget", "mashup"]), instance: id }),
  /** Mashup → widget: the link is up for this pair of instances. */
  v.object({ ...head, t: v.literal("welcome"), instance: id, widgetInstance: id }),
  /** Widget → mashup after each welcome: the whole current picture. */
  v.object({
    ...head,
    t: v.literal("snapshot"),
    instance: id,
    agent: AgentStateSchema,
    legs: v.pipe(v.array(SnapshotLegSchema), v.maxLength(1000)),
    /** False while the widget has not yet read the desktop's task list: then absence of a leg means nothing. */
    complete: v.boolean(),
    selectedInteractionId: v.optional(id),
  }),
  v.object({ ...head, t: v.literal("event"), instance: id, seq: seqNo, body: EventBodySchema }),
  v.object({ ...head, t: v.literal("ack"), instance: id, seq: seqNo }),
  v.object({ ...head, t: v.literal("command"), instance: id, id, command: CommandSchema }),
  v.object({
    ...head,
    t: v.literal("result"),
    instance: id,
    id,
    ok: v.boolean(),
    /** A short, customer-data-free reason when `ok` is false. */
    error: v.optional(str(512)),
  }),
  /** Keeps the link's liveness visible to both sides. */
  v.object({ ...head, t: v.literal("ping"), instance: id }),
]);
export type Message = v.InferOutput<typeof MessageSchema>;
export type MessageOf<T extends Message["t"]> = Extract<Message, { t: T }>;

/** Distributive omit, so each message variant keeps its own fields. */
type OmitHead<M> = M extends unknown ? Omit<M, "p" | "v"> : never;
export type MessageBody = OmitHead<Message>;

export function message<M extends MessageBody>(body: M): M & { p: typeof PROTOCOL; v: typeof PROTOCOL_VERSION } {
  return { p: PROTOCOL, v: PROTOCOL_VERSION, ...body };
}

/** Is this one of ours at all (any version)? Used to tell "not for us" from "ours but broken". */
export function looksLikeOurs(data: unknown): boolean {
  return typeof data === "object" && data !== null && (data as { p?: unknown }).p === PROTOCOL;
}

export type ParseResult = { ok: true; message: Message } | { ok: false; reason: string };

export function parseMessage(data: unknown): ParseResult {
  const r = v.safeParse(MessageSchema, data);
  if (r.success) return { ok: true, message: r.output };
  const issue = r.issues[0];
  const path = issue?.path?.map((p) => String((p as { key?: unknown }).key)).join(".") ?? "";
  return { ok: false, reason: `${path ? path + ": " : ""}${issue?.message ?? "invalid"}` };
}

/** What both sides answer when SAP asks to sign out during a conversation (the desktop refuses the same way). */
export const SIGN_OUT_REFUSED = "You cannot sign out while you have active conversations. End them (and their wrap-up) first.";
