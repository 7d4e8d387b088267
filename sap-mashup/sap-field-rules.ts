/**
 * The rule each SAP payload field's value must meet before it may be posted (contract §5; facts in
 * docs/reference/sap-cti.md §2). Pure. A value that breaks its rule is left out of
 * the payload rather than sent: SAP may reject or misfile a payload with a malformed identification
 * key, and losing one key is far cheaper than losing the activity.
 *
 * Which rules are confirmed and which inferred:
 * - `ANI` in E.164 with a leading "+": confirmed (without "+" SAP does not identify the customer).
 * - `Email` as an e-mail address: SAP searches customers by it; the exact rule SAP applies is not
 *   published, so this is the common form (local@domain.tld, RFC 5321 lengths), which every real
 *   address meets. Inferred.
 * - `Custom_1`…`Custom_4` and `DNIS`: SAP publishes no length. 255 characters is the usual length
 *   of SAP's text fields; values are identification keys (case numbers, customer ids) or the number
 *   or address the customer reached, far shorter in practice. Inferred: a longer value is left out
 *   rather than risking the whole payload. `DNIS` is otherwise passed as Webex gives it (an entry
 *   point's name or mailbox for chats and e-mails): SAP does not search by it.
 * - `ChannelId`: 1–64 of `[A-Za-z0-9_.-]`, as the mashup's `channels` parameter already requires.
 * - Every value: no control characters (they cannot travel in the XML format and mean nothing in SAP).
 */
import type { SapPayload } from "./sap-payload";

const E164 = /^\+[1-9]\d{6,14}$/;
const CHANNEL_ID = /^[A-Za-z0-9_.-]{1,64}$/;
const EMAIL_LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const TOP_LEVEL = /^(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** Longest value of a free-text field (`Custom_n`, `DNIS`): see above. */
export const TEXT_VALUE_MAX = 255;

/** An address SAP can search by: `local@domain.tld`, within RFC 5321's lengths. */
export function isEmailAddress(value: string): boolean {
  if (value.length > 254) return false;
  const at = value.lastIndexOf("@");
  if (at < 1 || at > 64) return false;
  const labels = value.slice(at + 1).split(".");
  const top = labels[labels.length - 1] ?? "";
  return EMAIL_LOCAL.test(value.slice(0, at)) && labels.length >= 2 && labels.every((l) => DOMAIN_LABEL.test(l)) && TOP_LEVEL.test(top);
}

export function isE164(value: string): boolean {
  return E164.test(value);
}

type Rule = (value: string) => boolean;
const text: Rule = (v) => v.length <= TEXT_VALUE_MAX;

/** Fields whose values come from Webex or SAP data, with their rule. Fields the mashup makes itself (Type, IDs) are right by construction. */
const RULES: Readonly<Record<string, Rule>> = {
  ANI: isE164,
  DNIS: text,
  Email: isEmailAddress,
  ChannelId: (v) => CHANNEL_ID.test(v),
  Custom_1: text,
  Custom_2: text,
  Custom_3: text,
  Custom_4: text,
};

/** Whether `value` may be posted as `field`. */
export function meetsFieldRule(field: string, value: string): boolean {
  if (CONTROL.test(value)) return false;
  const rule = RULES[field];
  return rule ? rule(value) : true;
}

/** A field left out of the payload, with the value that broke its rule (personal data: mask before showing it). */
export interface RejectedField {
  field: string;
  value: string;
}

/** Splits fields into those SAP may get and those left out, keeping the order of the kept ones. */
export function keepValidFields(fields: SapPayload): { kept: SapPayload; rejected: RejectedField[] } {
  const kept: SapPayload = {};
  const rejected: RejectedField[] = [];
  for (const [field, value] of Object.entries(fields)) {
    if (meetsFieldRule(field, value)) kept[field] = value;
    else rejected.push({ field, value });
  }
  return { kept, rejected };
}
