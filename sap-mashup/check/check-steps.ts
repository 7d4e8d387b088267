/**
 * The setup check's steps (issue 15): what each one posts to SAP and what SAP should then do. Pure.
 *
 * The check proves, on the admin's own tenant, the facts the connector relies on that SAP documents
 * only in part (docs/reference/sap-cti.md §9): the END event's form, what SAP does
 * with a repeated NOTIFY, JSON or XML, identification by e-mail, by a messaging channel and by the
 * `Custom_n` fields. It never dials and needs neither Webex nor the Agent Desktop: it builds the
 * payloads itself, exactly as the connector would, from test data the admin types.
 */
import type { CustomField, SapPayload } from "../sap-payload";

/** How a leg's END is written (the mashup's `endForm` parameter). */
export type EndForm = "updateactivity" | "direction";
/** Tried in this order until SAP closes the activity; the first is the connector's default. */
export const END_FORMS: readonly EndForm[] = ["updateactivity", "direction"];

/**
 * Every ExternalReferenceID the check posts starts with this, so the activities it creates are easy
 * to find in SAP and to delete. Letters only, so no run id can make it look like a real leg's.
 */
export const CHECK_ID_PREFIX = "WXSAPCHECK";

/** What the admin typed before starting: test data of a customer who exists in SAP. */
export interface CheckInputs {
  /** E.164 number of a test customer in SAP. */
  phone: string;
  /** E.164 number no customer in SAP has. */
  unknownPhone: string;
  /** E-mail address of a test customer (the chat step is skipped without it). */
  email?: string;
  /** SAP channel id to try a MESSAGE with (from the mashup's `channels`), if any. */
  channelId?: string;
  /** For each mapped `Custom_n`: a value that identifies the test customer (its step is skipped without one). */
  custom: Partial<Record<CustomField, string>>;
}

export type StepId =
  | "pop"
  | "pop-xml"
  | "pop-unknown"
  | "accept"
  | `end-${EndForm}`
  | "repeat-notify"
  | "chat"
  | "message"
  | `custom-${CustomField}`;

/** What the admin is asked to confirm; the page words it in the admin's language. */
export type Expectation =
  | "opens-customer"
  | "unknown-customer"
  | "phone-activity"
  | "activity-closed"
  | "back-to-customer"
  | "chat-activity"
  | "message-activity"
  | "finds-customer";

export interface CheckStep {
  id: StepId;
  expect: Expectation;
  /** The format this step's payloads travel in. */
  format: "json" | "xml";
  /**
   * Posted first, when the step needs something open in SAP before it can be tried (the repeated
   * NOTIFY needs an accepted leg, which the admin then navigates away from: `prepare`).
   */
  setup: SapPayload[];
  /** Posted when the admin presses Send. */
  send: SapPayload[];
  /** Posted once the admin has answered, to close what the step opened (declared up front, shown to the admin). */
  after: SapPayload[];
  /** What the admin does in SAP between `setup` and `send`. */
  prepare?: "navigate-away";
}

/** One leg of the check: IDs that carry the prefix, the run and a letter per leg. */
export function checkIds(run: string, leg: string): Pick<SapPayload, "ExternalReferenceID" | "ExternalOriginalReferenceID"> {
  const id = `${CHECK_ID_PREFIX}${run}${leg}`;
  return { ExternalReferenceID: id, ExternalOriginalReferenceID: id };
}

/** A run id: 8 characters [A-Z0-9] from the clock and a random part, so two runs never share IDs. */
export function newRunId(now: number, random: () => number = Math.random): string {
  const time = Math.floor(now / 1000).toString(36).toUpperCase().slice(-5);
  const rand = Math.floor(random() * 36 ** 3).toString(36).toUpperCase().padStart(3, "0");
  return `${time}${rand}`.slice(0, 8);
}

type Call = { Type: "CALL" | "CHAT" | "MESSAGE"; who: SapPayload; extra?: SapPayload };

function payload(c: Call, action: "NOTIFY" | "ACCEPT" | "END", ids: SapPayload, endForm: EndForm = "updateactivity"): SapPayload {
  const eventType = action === "END" && endForm === "updateactivity" ? "UPDATEACTIVITY" : "INBOUND";
  return { Type: c.Type, EventType: eventType, Action: action, ...c.who, ...ids, ...(c.extra ?? {}) };
}

/** Builds a step's payloads; `endForm` is the one proven so far (or the default) for steps that close what they open. */
export function buildStep(id: StepId, inputs: CheckInputs, run: string, endForm: EndForm, format: "json" | "xml"): CheckStep {
  const call: Call = { Type: "CALL", who: { ANI: inputs.phone } };
  const callIds = checkIds(run, "A");
  switch (id) {
    case "pop":
    case "pop-xml":
      return { id, expect: "opens-customer", format: id === "pop-xml" ? "xml" : format, send: [payload(call, "NOTIFY", callIds)], setup: [], after: [] };
    case "pop-unknown":
      return { id, expect: "unknown-customer", format, send: [payload({ Type: "CALL", who: { ANI: inputs.unknownPhone } }, "NOTIFY", checkIds(run, "B"))], setup: [], after: [] };
    case "accept":
      return { id, expect: "phone-activity", format, send: [payload(call, "ACCEPT", callIds)], setup: [], after: [] };
    case "end-updateactivity":
    case "end-direction":
      return { id, expect: "activity-closed", format, send: [payload(call, "END", callIds, id === "end-direction" ? "direction" : "updateactivity")], setup: [], after: [] };
    case "repeat-notify": {
      // An accepted leg, as when the agent selects a conversation again: the same NOTIFY, same IDs.
      const ids = checkIds(run, "C");
      const setup = [payload(call, "NOTIFY", ids), payload(call, "ACCEPT", ids)];
      return { id, expect: "back-to-customer", format, setup, prepare: "navigate-away", send: [payload(call, "NOTIFY", ids)], after: [payload(call, "END", ids, endForm)] };
    }
    case "chat": {
      const chat: Call = { Type: "CHAT", who: { Email: inputs.email ?? "" } };
      const ids = checkIds(run, "D");
      return { id, expect: "chat-activity", format, setup: [], send: [payload(chat, "NOTIFY", ids), payload(chat, "ACCEPT", ids)], after: [payload(chat, "END", ids, endForm)] };
    }
    case "message": {
      const msg: Call = { Type: "MESSAGE", who: { ANI: inputs.phone }, extra: { ChannelId: inputs.channelId ?? "" } };
      const ids = checkIds(run, "E");
      return { id, expect: "message-activity", format, setup: [], send: [payload(msg, "NOTIFY", ids), payload(msg, "ACCEPT", ids)], after: [payload(msg, "END", ids, endForm)] };
    }
    default: {
      const field = id.slice("custom-".length) as CustomField;
      const ids = checkIds(run, `F${field.slice(-1)}`);
      return { id, expect: "finds-customer", format, send: [payload({ Type: "CALL", who: {}, extra: { [field]: inputs.custom[field] ?? "" } }, "NOTIFY", ids)], setup: [], after: [] };
    }
  }
}
