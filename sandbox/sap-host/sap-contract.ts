/**
 * What SAP accepts from a CTI widget, as the contract (§5) and docs/reference/sap-cti.md §2–3
 * say, checked payload by payload and as a sequence per agent leg. Used by the SAP test double in
 * the tests and by the sandbox, which shows violations loudly. Pure apart from XML parsing, which
 * uses the DOMParser of the page or jsdom it runs in.
 */
export type Fields = Record<string, string>;

export interface Decoded {
  format: "json" | "xml";
  fields: Fields;
}

const KNOWN_FIELDS = new Set([
  "Type", "EventType", "Action", "ANI", "DNIS", "Email", "ExternalReferenceID", "ExternalOriginalReferenceID",
  "ChannelId", "Text", "Subject", "Transcript", "RecordingId", "Custom_1", "Custom_2", "Custom_3", "Custom_4",
  "BP", "TicketID", "Serial", "ActivityUUID",
]);
const SAP_ID = /^[A-Za-z0-9]{1,35}$/;
const E164 = /^\+[1-9][0-9]{1,14}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const XML_HEAD = '<?xml version="1.0" encoding="utf-8"?>';

/** Turns what the mashup posted into fields, or says why SAP could not read it. */
export function decodeSapMessage(data: unknown): Decoded | { error: string } {
  if (typeof data === "string") {
    if (!data.startsWith(XML_HEAD)) return { error: "XML payload does not start with the XML declaration" };
    const doc = new DOMParser().parseFromString(data, "application/xml");
    if (doc.getElementsByTagName("parsererror").length > 0) return { error: "XML payload is not well-formed" };
    const root = doc.documentElement;
    if (root.nodeName !== "payload") return { error: `XML root is <${root.nodeName}>, not <payload>` };
    const fields: Fields = {};
    for (const el of Array.from(root.children)) {
      if (el.children.length > 0) return { error: `XML field <${el.nodeName}> has child elements` };
      fields[el.nodeName] = el.textContent ?? "";
    }
    return { format: "xml", fields };
  }
  if (typeof data !== "object" || data === null) return { error: "payload is neither an object nor an XML string" };
  const keys = Object.keys(data);
  if (keys.length !== 1 || keys[0] !== "payload") return { error: 'JSON message must be exactly { "payload": { … } }' };
  const p = (data as { payload: unknown }).payload;
  if (typeof p !== "object" || p === null || Array.isArray(p)) return { error: "payload is not an object" };
  const fields: Fields = {};
  for (const [k, v] of Object.entries(p)) {
    if (typeof v !== "string") return { error: `field ${k} is not a string` };
    fields[k] = v;
  }
  return { format: "json", fields };
}

/** Violations of one payload on its own. */
export function checkPayload(f: Fields): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(f)) {
    if (!KNOWN_FIELDS.has(k)) out.push(`unknown field ${k}`);
    if (v === "") out.push(`empty field ${k} (empty fields are omitted)`);
  }
  const { Type, EventType, Action } = f;
  if (!Type || !["CALL", "CHAT", "MESSAGE"].includes(Type)) out.push(`Type "${Type ?? ""}" is not CALL, CHAT or MESSAGE`);
  if (!Action || !["NOTIFY", "ACCEPT", "END"].includes(Action)) out.push(`Action "${Action ?? ""}" is not NOTIFY, ACCEPT or END`);
  // END is written as UPDATEACTIVITY (the default) or, with `endForm=direction`, with the leg's own direction.
  if (Action === "END" && EventType !== "UPDATEACTIVITY" && EventType !== "INBOUND" && EventType !== "OUTBOUND") out.push("END must have EventType UPDATEACTIVITY, INBOUND or OUTBOUND");
  if ((Action === "NOTIFY" || Action === "ACCEPT") && EventType !== "INBOUND" && EventType !== "OUTBOUND") out.push(`${Action} must have EventType INBOUND or OUTBOUND`);
  for (const id of ["ExternalReferenceID", "ExternalOriginalReferenceID"]) {
    const v = f[id];
    if (v === undefined) out.push(`${id} is missing`);
    else if (!SAP_ID.test(v)) out.push(`${id} "${v}" is not 1–35 characters [A-Za-z0-9]`);
  }
  if (f.ANI !== undefined && !E164.test(f.ANI)) out.push(`ANI "${f.ANI}" is not E.164 with a leading +`);
  if (Type === "CHAT" && f.ANI !== undefined) out.push("a CHAT is identified by Email, not ANI");
  // A CHAT without Email is allowed: the activity is still logged, SAP just cannot identify the
  // customer (the mashup shows a notice). Dropping it would lose the activity.
  if (f.Email !== undefined && !EMAIL.test(f.Email)) out.push(`Email "${f.Email}" is not an e-mail address`);
  if ((Type === "CALL" || Type === "MESSAGE") && f.Email !== undefined) out.push(`a ${Type} is identified by ANI, not Email`);
  for (const k of ["Custom_1", "Custom_2", "Custom_3", "Custom_4", "DNIS"]) {
    const v = f[k];
    if (v !== undefined && v.length > 255) out.push(`${k} is longer than 255 characters`);
  }
  for (const [k, v] of Object.entries(f)) {
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f-\u009f]/.test(v)) out.push(`field ${k} has a control character`);
  }
  if (Type === "MESSAGE" && !f.ChannelId) out.push("a MESSAGE needs ChannelId");
  if (Type !== "MESSAGE" && f.ChannelId !== undefined) out.push("ChannelId is only for MESSAGE");
  return out;
}

/**
 * Tracks payloads per agent leg and flags impossible sequences (a second ACCEPT, anything after END…).
 * A NOTIFY after ACCEPT is allowed: the mashup re-sends a leg's NOTIFY to bring its customer to the
 * front when the agent selects that conversation (docs/follow-selection.md). A repeated END is
 * allowed too, and counted in `repeatedEnds`: END is delivered at least once, and an SAP page reload
 * within the END's acknowledgement grace can repeat it (sap-mashup/desktop-link.ts END_ACK_GRACE_MS);
 * closing a closed activity again is harmless, never closing it is not.
 */
export class SequenceChecker {
  /** ENDs SAP got again for a leg it had already closed (see above). */
  repeatedEnds = 0;
  private readonly legs = new Map<string, { actions: string[]; original?: string; type?: string }>();

  check(f: Fields): string[] {
    const ref = f.ExternalReferenceID;
    if (!ref) return [];
    const leg = this.legs.get(ref) ?? { actions: [] };
    this.legs.set(ref, leg);
    const out: string[] = [];
    const a = f.Action ?? "";
    if (leg.actions.includes("END")) {
      if (a === "END") this.repeatedEnds++;
      else out.push(`${a} after END for ${ref}`);
    }
    if (a === "ACCEPT" && leg.actions.includes("ACCEPT")) out.push(`second ACCEPT for ${ref} (a second activity)`);
    if (a === "ACCEPT" && !leg.actions.includes("NOTIFY")) out.push(`ACCEPT without NOTIFY for ${ref}`);
    if (a === "END" && leg.actions.length === 0) out.push(`END for ${ref}, which SAP never saw`);
    if (leg.original && f.ExternalOriginalReferenceID && leg.original !== f.ExternalOriginalReferenceID) out.push(`ExternalOriginalReferenceID changed within ${ref}`);
    if (leg.type && f.Type && leg.type !== f.Type) out.push(`Type changed within ${ref}`);
    leg.original ??= f.ExternalOriginalReferenceID;
    leg.type ??= f.Type;
    leg.actions.push(a);
    return out;
  }
}
