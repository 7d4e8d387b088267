/**
 * SAP's click-to-dial message (contract §6; docs/reference/sap-cti.md §5): a plain object posted into
 * the mashup's window with at least `PhoneNumber`. Parsing and the bookkeeping that ties SAP's
 * pre-created activity (`ActivityUUID`) to the outbound call Webex then reports are pure.
 */
import * as v from "valibot";
import type { CountryCode } from "libphonenumber-js/core";
import type { Leg } from "../channel/protocol";
import { notice, shown, type Notice } from "./notices";
import { PHONE_REASONS, toE164 } from "./phone";

// Only these two fields are read; the others SAP sends (ObjectTypeCode, …) are left out.
const Schema = v.object({
  PhoneNumber: v.pipe(v.string(), v.maxLength(64)),
  ActivityUUID: v.optional(v.pipe(v.string(), v.maxLength(64), v.regex(/^[A-Za-z0-9-]*$/))),
});

/** True when the object is meant as a click-to-dial request (even an invalid one). */
export function isClickToDial(data: unknown): boolean {
  try {
    return typeof data === "object" && data !== null && !Array.isArray(data) && "PhoneNumber" in data;
  } catch {
    return false; // an object that throws when inspected is nobody's click-to-dial
  }
}

/**
 * A dial to place (`ext`: an extension SAP's number had, which is not dialled), or why not: the
 * notice for the agent, and its English text as `error`.
 */
export type DialRequest = { ok: true; destination: string; activityUUID?: string; ext?: string } | { ok: false; error: string; notice: Notice };

/** SAP's object, checked; its number not yet normalised (that may have to wait for the phone parser). */
export interface ClickToDial {
  PhoneNumber: string;
  ActivityUUID?: string | undefined;
}

/** What the agent is told when SAP's click-to-dial object itself is unreadable. */
export const invalidClickToDial = (): Notice => notice("n.clickUnreadable", [], { cause: "dial" });

const refused = (n: Notice): DialRequest => ({ ok: false, error: n.text, notice: n });

export function readClickToDial(data: unknown): ClickToDial | undefined {
  try {
    const r = v.safeParse(Schema, data);
    return r.success ? r.output : undefined;
  } catch {
    return undefined;
  }
}

export function dialRequest(c: ClickToDial, defaultCountry?: CountryCode): DialRequest {
  const n = toE164(c.PhoneNumber, defaultCountry);
  if (!n.ok) {
    if (c.PhoneNumber.trim() === "" || /^tel:\s*$/i.test(c.PhoneNumber.trim())) return refused(notice("n.noNumberToDial", [], { cause: "dial", detail: n.reason }));
    const kind = n.reason === PHONE_REASONS.noCountry ? "n.noCountry" : n.reason === PHONE_REASONS.impossible ? "n.impossibleNumber" : "n.notANumber";
    return refused(notice(kind, [shown(c.PhoneNumber)], { cause: "dial", detail: n.reason }));
  }
  const out: DialRequest = { ok: true, destination: n.e164 };
  if (n.ext) out.ext = n.ext;
  if (c.ActivityUUID) out.activityUUID = c.ActivityUUID;
  return out;
}

export function parseClickToDial(data: unknown, defaultCountry?: CountryCode): DialRequest {
  const c = readClickToDial(data);
  return c ? dialRequest(c, defaultCountry) : refused(invalidClickToDial());
}

interface PendingDial {
  destination: string;
  activityUUID: string;
  at: number;
}

/** How long an outdial may take to show up as a Webex task before its ActivityUUID is dropped. */
export const DIAL_MATCH_WINDOW_MS = 120_000;

/** Dials SAP asked for that still wait for their Webex outbound leg. */
export class DialBook {
  private pending: PendingDial[] = [];

  add(destination: string, activityUUID: string | undefined, now: number): void {
    if (!activityUUID) return;
    this.pending = this.pending.filter((p) => now - p.at < DIAL_MATCH_WINDOW_MS && p.destination !== destination);
    this.pending.push({ destination, activityUUID, at: now });
  }

  /** Removes a dial Webex refused, so its ActivityUUID cannot attach to a later call. */
  cancel(destination: string): void {
    this.pending = this.pending.filter((p) => p.destination !== destination);
  }

  /** The ActivityUUID for a new outbound call leg, matched by the dialled number. */
  claim(leg: Leg, now: number, defaultCountry?: CountryCode): string | undefined {
    if (leg.direction !== "OUTBOUND" || leg.media !== "telephony") return undefined;
    this.pending = this.pending.filter((p) => now - p.at < DIAL_MATCH_WINDOW_MS);
    const n = leg.customer.ani ? toE164(leg.customer.ani, defaultCountry) : undefined;
    const i = n && n.ok ? this.pending.findIndex((p) => p.destination === n.e164) : -1;
    if (i < 0) return undefined;
    const [hit] = this.pending.splice(i, 1);
    return hit?.activityUUID;
  }

  get size(): number {
    return this.pending.length;
  }
}
