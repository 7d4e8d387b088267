/**
 * How the SAP stand-in's tenant behaves where real tenants differ (issue 15): SAP documents these
 * points only in part (docs/reference/sap-cti.md §9), so the sandbox can be told
 * to behave like each alternative, and the setup check is rehearsed against every one of them.
 *
 * The SAP sandbox page reads it from its `tenant` URL parameter, a comma-separated list:
 * - `xml-only`: the tenant reads only XML payloads; JSON ones are ignored (no pop, no activity);
 * - `end-direction`: an activity is closed only by END with the leg's direction as its EventType
 *   (`INBOUND`/`OUTBOUND`); the default, `end-updateactivity`, only by `UPDATEACTIVITY`;
 * - `no-refocus`: a repeated NOTIFY for an accepted leg does not bring its customer back;
 * - `custom-Custom_n` (repeatable) or `custom-none`: which `Custom_n` fields identify a customer
 *   (by the record's ID) when a payload has neither ANI nor Email; by default all four.
 * Pure.
 */
import type { Fields } from "./sap-contract";

export const CUSTOM_FIELDS = ["Custom_1", "Custom_2", "Custom_3", "Custom_4"] as const;
export type CustomField = (typeof CUSTOM_FIELDS)[number];

export interface TenantVariant {
  /** Only XML payloads are read. */
  xmlOnly: boolean;
  /** The one END form that closes an activity. */
  endForm: "updateactivity" | "direction";
  /** A repeated NOTIFY for an accepted leg brings its customer to the front again. */
  refocus: boolean;
  /** The fields that identify a customer by record ID when there is no ANI or Email. */
  identifyBy: readonly CustomField[];
}

export const DEFAULT_VARIANT: TenantVariant = { xmlOnly: false, endForm: "updateactivity", refocus: true, identifyBy: CUSTOM_FIELDS };

/** Reads the `tenant` parameter; an unknown word is an error naming it (the page shows it). */
export function parseTenantVariant(raw: string | null): { ok: true; variant: TenantVariant } | { ok: false; error: string } {
  const v: TenantVariant = { ...DEFAULT_VARIANT };
  const custom: CustomField[] = [];
  let customNone = false;
  for (const word of (raw ?? "").split(",").map((w) => w.trim()).filter(Boolean)) {
    const field = CUSTOM_FIELDS.find((f) => `custom-${f}`.toLowerCase() === word.toLowerCase());
    if (word === "xml-only") v.xmlOnly = true;
    else if (word === "end-direction") v.endForm = "direction";
    else if (word === "end-updateactivity") v.endForm = "updateactivity";
    else if (word === "no-refocus") v.refocus = false;
    else if (word === "custom-none") customNone = true;
    else if (field) custom.push(field);
    else return { ok: false, error: `tenant: "${word}" is not one of xml-only, end-direction, end-updateactivity, no-refocus, custom-none, ${CUSTOM_FIELDS.map((f) => `custom-${f}`).join(", ")}` };
  }
  if (customNone && custom.length > 0) return { ok: false, error: "tenant: custom-none cannot be combined with a custom-Custom_n" };
  if (customNone || custom.length > 0) v.identifyBy = custom;
  return { ok: true, variant: v };
}

/** Why this tenant does not read a payload at all, or undefined when it does. */
export function ignoredBecause(v: TenantVariant, format: "json" | "xml"): string | undefined {
  return v.xmlOnly && format === "json" ? "ignored: this tenant reads XML only" : undefined;
}

/** Whether an END closes the leg's activity on this tenant. */
export function closesActivity(v: TenantVariant, f: Fields): boolean {
  if (f.Action !== "END") return false;
  return v.endForm === "updateactivity" ? f.EventType === "UPDATEACTIVITY" : f.EventType === "INBOUND" || f.EventType === "OUTBOUND";
}

/** Whether a NOTIFY pops the customer: always for a new leg, for an accepted one only where SAP refocuses. */
export function popsOnNotify(v: TenantVariant, legAccepted: boolean): boolean {
  return !legAccepted || v.refocus;
}

/**
 * The record ID a payload identifies by a `Custom_n` field, when it has neither ANI nor Email:
 * the first field this tenant identifies by whose value is the ID of one of `recordIds`.
 */
export function customIdentification(v: TenantVariant, f: Fields, recordIds: readonly string[]): string | undefined {
  if (f.ANI || f.Email) return undefined;
  for (const field of v.identifyBy) {
    const value = f[field]?.trim();
    if (value && recordIds.includes(value)) return value;
  }
  return undefined;
}

/** A short label for the SAP page's header, e.g. "XML only · END by direction". Empty for the default. */
export function describeVariant(v: TenantVariant): string {
  const parts: string[] = [];
  if (v.xmlOnly) parts.push("XML only");
  if (v.endForm === "direction") parts.push("END by direction");
  if (!v.refocus) parts.push("no refocus");
  if (v.identifyBy.length !== CUSTOM_FIELDS.length) parts.push(v.identifyBy.length ? `identifies by ${v.identifyBy.join(", ")}` : "no Custom_n identification");
  return parts.join(" · ");
}
