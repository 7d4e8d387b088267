/**
 * Conversation legs → SAP CTI payloads (contract §5). Pure: given a leg as the widget sees it now
 * and what SAP was already told about it, says what SAP still needs, in order. Sending the same
 * leg twice therefore never posts twice; a leg that ended gets exactly one END.
 */
import type { CountryCode } from "libphonenumber-js/core";
import type { Leg } from "../channel/protocol";
import { needsParser, toE164 } from "./phone";
import { conversationOf, notice, shown, type Notice } from "./notices";
import { legReferenceId, originalReferenceId } from "./reference-ids";
import { keepValidFields, type RejectedField } from "./sap-field-rules";

export type { Notice };

export type SapAction = "NOTIFY" | "ACCEPT" | "END";
export type SapType = "CALL" | "CHAT" | "MESSAGE";
export const CUSTOM_FIELDS = ["Custom_1", "Custom_2", "Custom_3", "Custom_4"] as const;
export type CustomField = (typeof CUSTOM_FIELDS)[number];

/** One payload, field name → value, in the order SAP's examples use. Empty fields are omitted. */
export type SapPayload = Record<string, string>;

export interface PayloadConfig {
  /** Country for numbers Webex gives without an international prefix. */
  defaultCountry?: CountryCode;
  /** Webex media channel (lower-case, e.g. "whatsapp") → SAP channel id (e.g. "Sinch_WhatsApp"). */
  channelIds?: Readonly<Record<string, string>>;
  /** Webex call-associated variable name → SAP custom field. */
  cadFields?: Readonly<Record<string, CustomField>>;
  /**
   * How END is written (`endForm`): `EventType: UPDATEACTIVITY` (default, as SAP's sample widget
   * does) or the leg's direction (`INBOUND`/`OUTBOUND`). Which one closes the activity is not
   * published; the setup check finds out on the tenant (docs/reference/sap-cti.md §9).
   */
  endForm?: "updateactivity" | "direction";
}

/** What SAP already has for one agent leg. Serialisable: it is kept across mashup reloads. */
export interface LegRecord {
  /** ExternalReferenceID. */
  ref: string;
  interactionId: string;
  agentId: string;
  posted: SapAction[];
  /** SAP's pre-created activity for a click-to-dial call, echoed on every payload of the leg. */
  activityUUID?: string;
  /** The leg as last planned (without call-associated data), so an END can be built after a reload. */
  leg?: Leg;
  /** Last time anything changed (ms), for eviction. */
  at: number;
}

export interface Plan {
  payloads: SapPayload[];
  record: LegRecord;
  notices: Notice[];
}

export function sapTypeOf(leg: Leg): SapType | undefined {
  switch (leg.media) {
    case "telephony":
      return "CALL";
    case "chat":
    case "email": // SAP has no e-mail type: emails travel as chats and are logged under Chats.
      return "CHAT";
    case "social":
      return "MESSAGE";
    default:
      return undefined;
  }
}

/**
 * Whether planning this leg (and matching it to a click-to-dial) may read a number that the phone
 * parser chunk has to be loaded for (phone.ts). Only calls and configured messaging channels carry
 * numbers SAP sees; chats and emails are identified by e-mail address.
 */
export function legNeedsParser(leg: Leg, cfg: PayloadConfig): boolean {
  const type = sapTypeOf(leg);
  if (type !== "CALL" && !(type === "MESSAGE" && cfg.channelIds?.[leg.channel])) return false;
  return needsParser(leg.customer.ani) || needsParser(leg.dnis);
}

export function newRecord(leg: Leg, now: number): LegRecord {
  return { ref: legReferenceId(leg.interactionId, leg.agentId), interactionId: leg.interactionId, agentId: leg.agentId, posted: [], at: now };
}

/** The moments SAP still needs for this leg's current phase, in order. */
export function missingActions(leg: Leg, posted: readonly SapAction[]): SapAction[] {
  const has = (a: SapAction) => posted.includes(a);
  if (has("END")) return [];
  const out: SapAction[] = [];
  if (leg.phase === "ended") {
    // Nothing was shown in SAP: nothing to close. Otherwise close what was opened, once.
    if (has("NOTIFY") || has("ACCEPT")) out.push("END");
    return out;
  }
  if (!has("NOTIFY")) out.push("NOTIFY");
  // A consult leg pops but never becomes an activity (contract §5).
  if (leg.phase === "connected" && leg.role === "main" && !has("ACCEPT")) out.push("ACCEPT");
  return out;
}

export function planLeg(leg: Leg, record: LegRecord | undefined, cfg: PayloadConfig, now: number): Plan {
  const rec: LegRecord = record ? { ...record, posted: [...record.posted] } : newRecord(leg, now);
  if (leg.rehydrated && rec.posted.length === 0 && leg.phase !== "offered") {
    // Seen only after a reload that also lost our memory: SAP most likely has the activity already.
    // Assume so (never a second activity); END still follows when the leg ends.
    rec.posted.push("NOTIFY");
    if (leg.role === "main") rec.posted.push("ACCEPT");
  }
  const notices: Notice[] = [];
  const actions = missingActions(leg, rec.posted);
  if (actions.length === 0) return { payloads: [], record: rec, notices };

  const type = sapTypeOf(leg);
  if (!type) {
    notices.push(notice("n.noSapType", [], { conversation: conversationOf(leg), detail: `media ${leg.media}, channel ${leg.channel}` }));
    return { payloads: [], record: rec, notices };
  }
  let channelId: string | undefined;
  if (type === "MESSAGE") {
    channelId = cfg.channelIds?.[leg.channel];
    if (!channelId) {
      notices.push(notice("n.noChannelId", [leg.channel], { conversation: conversationOf(leg), detail: `add ${leg.channel} to the mashup's "channels" parameter` }));
      return { payloads: [], record: rec, notices };
    }
  }

  // Values as Webex gives them (numbers made E.164 where they can be); any that breaks its SAP
  // field rule is left out below, never sent (sap-field-rules.ts).
  const customer: SapPayload = {};
  let aniProblem = "not E.164";
  if (type === "CHAT") {
    if (leg.customer.email) customer.Email = leg.customer.email.trim();
    else notices.push(notice("n.noEmail", [], { conversation: conversationOf(leg) }));
  } else if (leg.customer.ani) {
    const n = toE164(leg.customer.ani, cfg.defaultCountry);
    customer.ANI = n.ok ? n.e164 : leg.customer.ani;
    if (!n.ok) aniProblem = n.reason;
  } else {
    notices.push(notice("n.noNumber", [], { conversation: conversationOf(leg) }));
  }
  const extra: SapPayload = {};
  if (leg.dnis) {
    const d = type === "CHAT" ? undefined : toE164(leg.dnis, cfg.defaultCountry);
    extra.DNIS = d && d.ok ? d.e164 : leg.dnis;
  }
  if (rec.activityUUID) extra.ActivityUUID = rec.activityUUID;
  if (channelId) extra.ChannelId = channelId;
  for (const [variable, field] of Object.entries(cfg.cadFields ?? {})) {
    const value = leg.cad[variable];
    if (value !== undefined && value !== "") extra[field] = value;
  }
  const who = keepValidFields(customer);
  const more = keepValidFields(extra);
  notices.push(...leftOutNotices(leg, [...who.rejected, ...more.rejected], aniProblem));

  const ids = { ExternalReferenceID: rec.ref, ExternalOriginalReferenceID: originalReferenceId(leg.interactionId) };
  const payloads = actions.map((action): SapPayload => ({
    Type: type,
    EventType: action === "END" && cfg.endForm !== "direction" ? "UPDATEACTIVITY" : leg.direction,
    Action: action,
    ...who.kept,
    ...ids,
    ...more.kept,
  }));
  rec.posted.push(...actions);
  rec.at = now;
  rec.leg = { ...leg, cad: {} };
  return { payloads, record: rec, notices };
}

/**
 * What the agent is told about values left out: an unusable customer number as such (SAP cannot
 * find the caller), any other field in one notice for the conversation. Values masked (`shown`).
 */
function leftOutNotices(leg: Leg, rejected: readonly RejectedField[], aniProblem: string): Notice[] {
  const out: Notice[] = [];
  const conversation = conversationOf(leg);
  const ani = rejected.find((r) => r.field === "ANI");
  if (ani) out.push(notice("n.badNumber", [shown(ani.value)], { conversation, detail: aniProblem }));
  const others = rejected.filter((r) => r.field !== "ANI");
  if (others.length > 0) {
    const fields = others.map((r) => r.field).join(", ");
    out.push(notice("n.fieldLeftOut", [fields, others.map((r) => shown(r.value)).join("”, “")], { conversation, detail: `left out: ${fields}` }));
  }
  return out;
}
