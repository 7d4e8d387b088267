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

/**
 * Builds a schema where it is declared. Why the wrapper: esbuild cannot see across modules that
 * valibot's constructors are pure, so a schema built at the top level lands (with valibot) in every
 * bundle that imports this file. Wrapped, a schema a bundle never uses is dropped: the mashup
 * carries the schemas it parses, the widget none (it checks its messages with `parseToWidget`).
 */
/* @__NO_SIDE_EFFECTS__ */
function schema<T>(make: () => T): T {
  return make();
}

/** A dialable number: E.164 with its "+". */
const E164 = /^\+[1-9][0-9]{1,14}$/;

const str = (max = 512) => v.pipe(v.string(), v.maxLength(max));
const id = schema(() => v.pipe(v.string(), v.minLength(1), v.maxLength(200)));
const seqNo = schema(() => v.pipe(v.number(), v.integer(), v.minValue(1)));

/** The kinds of Webex media the connector distinguishes; anything else is `other`. */
export const MEDIA = ["telephony", "chat", "email", "social", "other"] as const;
export type Media = (typeof MEDIA)[number];

/**
 * One agent's part in one conversation, as the widget sees it now. Sent whole on every change,
 * so the mashup can work out what SAP still needs from the current state alone (idempotent).
 */
export const LegSchema = schema(() => {
  const time = v.pipe(v.number(), v.finite(), v.minValue(0));
  return v.object({
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
});
export type Leg = v.InferOutput<typeof LegSchema>;
export type LegPhase = Leg["phase"];

export const IdleCodeSchema = schema(() => v.object({ id: str(128), name: str(256) }));
export type IdleCode = v.InferOutput<typeof IdleCodeSchema>;

/** What the agent is doing in Webex, reduced to what SAP shows. */
export const AgentStateSchema = schema(() =>
  v.object({
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
    /**
     * The Agent Desktop's language (BCP 47, e.g. "de-DE"), when the layout binds it to the widget
     * (`language: "$STORE.app.language"`): the mashup then speaks it unless its URL names one.
     */
    language: v.optional(v.pipe(v.string(), v.maxLength(35), v.regex(/^[A-Za-z]{1,8}([-_][A-Za-z0-9]{1,8})*$/))),
  }),
);
export type AgentState = v.InferOutput<typeof AgentStateSchema>;

/** What the mashup asked for and what came of it. */
export const DialCommandSchema = schema(() => v.object({ kind: v.literal("dial"), destination: v.pipe(str(36), v.regex(E164)) }));
export const StateCommandSchema = schema(() =>
  v.object({
    kind: v.literal("set-state"),
    state: v.picklist(["available", "idle"]),
    idleCodeId: v.optional(str(128)),
  }),
);
export const SignOutCommandSchema = schema(() => v.object({ kind: v.literal("sign-out"), reason: str(256) }));
export const CommandSchema = schema(() => v.variant("kind", [DialCommandSchema, StateCommandSchema, SignOutCommandSchema]));
export type Command = v.InferOutput<typeof CommandSchema>;

/** Bodies of sequenced events (widget → mashup); each is kept by the widget until acknowledged. */
export const EventBodySchema = schema(() =>
  v.variant("kind", [
    v.object({ kind: v.literal("leg"), leg: LegSchema }),
    v.object({ kind: v.literal("agent"), agent: AgentStateSchema }),
    v.object({ kind: v.literal("select"), interactionId: id }),
    /** Webex refused an outdial after accepting the request (`eOutdialFailed`). */
    v.object({ kind: v.literal("outdial-failed"), reason: str(512) }),
  ]),
);
export type EventBody = v.InferOutput<typeof EventBodySchema>;

/** A leg in a snapshot also says which of its moments the mashup already acknowledged. */
export const SnapshotLegSchema = schema(() => v.object({ leg: LegSchema, acked: v.picklist(["none", "offered", "connected", "ended"]) }));
export type SnapshotLeg = v.InferOutput<typeof SnapshotLegSchema>;

const head = schema(() => ({ p: v.literal(PROTOCOL), v: v.literal(PROTOCOL_VERSION) }));

/**
 * Either side announces itself; the widget answers a mashup's hello with its own. Both sides parse
 * both roles, so a hello from the wrong side is counted as "unexpected" rather than "malformed".
 */
const HelloSchema = schema(() => v.object({ ...head, t: v.literal("hello"), role: v.picklist(["widget", "mashup"]), instance: id }));
/** Keeps the link's liveness visible to both sides. */
const PingSchema = schema(() => v.object({ ...head, t: v.literal("ping"), instance: id }));

/*
 * One schema per direction: each side parses only what its peer sends, so a message meant for the
 * other side is dropped as malformed, and each bundle carries only what it needs.
 */

/**
 * What the mashup sends and the widget accepts. The widget itself checks it with `parseToWidget`
 * below, which accepts exactly this (a property test holds the two equal).
 */
export const ToWidgetSchema = schema(() =>
  v.variant("t", [
    HelloSchema,
    /** The link is up for this pair of instances. */
    v.object({ ...head, t: v.literal("welcome"), instance: id, widgetInstance: id }),
    v.object({ ...head, t: v.literal("ack"), instance: id, seq: seqNo }),
    v.object({ ...head, t: v.literal("command"), instance: id, id, command: CommandSchema }),
    PingSchema,
  ]),
);

/** What the widget sends and the mashup accepts. */
export const ToMashupSchema = schema(() =>
  v.variant("t", [
    HelloSchema,
    /** After each welcome: the whole current picture. */
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
    v.object({
      ...head,
      t: v.literal("result"),
      instance: id,
      id,
      ok: v.boolean(),
      /** A short, customer-data-free reason when `ok` is false. */
      error: v.optional(str(512)),
    }),
    PingSchema,
  ]),
);

export type ToWidget = v.InferOutput<typeof ToWidgetSchema>;
export type ToMashup = v.InferOutput<typeof ToMashupSchema>;
/** Any message of the protocol, either direction. */
export type Message = ToWidget | ToMashup;
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

/** One direction's schema: `ToWidgetSchema` or `ToMashupSchema`. */
export type InboundSchema<M extends Message> = v.GenericSchema<unknown, M>;
/** One side's gate: `parseToWidget` or `parseToMashup`. */
export type Parse<M extends Message> = (data: unknown) => ParseResult<M>;

export type ParseResult<M extends Message = Message> = { ok: true; message: M } | { ok: false; reason: string };

export function parseMessage<M extends Message>(schema: InboundSchema<M>, data: unknown): ParseResult<M> {
  const r = v.safeParse(schema, data);
  if (r.success) return { ok: true, message: r.output };
  const issue = r.issues[0];
  const path = issue?.path?.map((p) => String((p as { key?: unknown }).key)).join(".") ?? "";
  return { ok: false, reason: `${path ? path + ": " : ""}${issue?.message ?? "invalid"}` };
}

/** The mashup's gate: what the widget sends. */
export const parseToMashup = (data: unknown): ParseResult<ToMashup> => parseMessage(ToMashupSchema, data);

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === "object" && x !== null;
const isStr = (x: unknown, max: number, min = 0): x is string => typeof x === "string" && x.length >= min && x.length <= max;

/**
 * The widget's gate: `ToWidgetSchema` written out by hand. Why: mashup → widget messages are few
 * and flat, and checking them without valibot keeps the validation library (~2 KB gzip) out of
 * dist/widget.js, whose budget beyond the SDK is 10 KB. Same rules, same order of checks (so the
 * same field is named on refusal), unknown keys stripped the same way; a property test compares it
 * with `parseMessage(ToWidgetSchema, …)` on random and hostile input.
 */
export function parseToWidget(data: unknown): ParseResult<ToWidget> {
  const refuse = (path: string) => ({ ok: false as const, reason: `${path}: invalid` });
  if (!isObj(data)) return { ok: false, reason: "not an object" };
  const { t, instance } = data;
  if (t !== "hello" && t !== "welcome" && t !== "ack" && t !== "command" && t !== "ping") return refuse("t");
  if (data.p !== PROTOCOL) return refuse("p");
  if (data.v !== PROTOCOL_VERSION) return refuse("v");
  // In a hello, `role` comes before `instance`, as in the schema.
  if (t === "hello" && data.role !== "widget" && data.role !== "mashup") return refuse("role");
  if (!isStr(instance, 200, 1)) return refuse("instance");
  switch (t) {
    case "hello":
      return { ok: true, message: message({ t, role: data.role as "widget" | "mashup", instance }) };
    case "welcome":
      if (!isStr(data.widgetInstance, 200, 1)) return refuse("widgetInstance");
      return { ok: true, message: message({ t, instance, widgetInstance: data.widgetInstance }) };
    case "ack":
      if (!Number.isInteger(data.seq) || (data.seq as number) < 1) return refuse("seq");
      return { ok: true, message: message({ t, instance, seq: data.seq as number }) };
    case "ping":
      return { ok: true, message: message({ t, instance }) };
  }
  if (!isStr(data.id, 200, 1)) return refuse("id");
  const c = data.command;
  if (!isObj(c)) return refuse("command");
  let command: Command;
  if (c.kind === "dial") {
    if (!isStr(c.destination, 36) || !E164.test(c.destination)) return refuse("command.destination");
    command = { kind: c.kind, destination: c.destination };
  } else if (c.kind === "set-state") {
    if (c.state !== "available" && c.state !== "idle") return refuse("command.state");
    command = { kind: c.kind, state: c.state };
    if ("idleCodeId" in c) {
      if (c.idleCodeId !== undefined && !isStr(c.idleCodeId, 128)) return refuse("command.idleCodeId");
      command.idleCodeId = c.idleCodeId;
    }
  } else if (c.kind === "sign-out") {
    if (!isStr(c.reason, 256)) return refuse("command.reason");
    command = { kind: c.kind, reason: c.reason };
  } else return refuse("command.kind");
  return { ok: true, message: message({ t, instance, id: data.id, command }) };
}

/** What both sides answer when SAP asks to sign out during a conversation (the desktop refuses the same way). */
export const SIGN_OUT_REFUSED = "You cannot sign out while you have active conversations. End them (and their wrap-up) first.";

/**
 * The widget's answers to a dial it refuses before asking Webex, so the mashup can tell the agent
 * in their language what to do (anything else Webex says is shown as a plain refusal and logged).
 */
export const OUTDIAL_NOT_ENABLED = "Outdial is not enabled for this agent in Webex Contact Center.";
export const OUTDIAL_NO_ENTRY_POINT = "No outdial entry point is configured for this agent (outdialEp).";
export const OUTDIAL_DIAL_PLAN = "The number is not allowed by the agent's dial plan.";
