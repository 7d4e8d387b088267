/**
 * Phone numbers to E.164 with a leading "+", as SAP's customer identification needs
 * (reference sap-cti.md §2 "ANI", KBA 3705829). Parsing is libphonenumber-js's, not ours: its
 * `core` build with a reduced copy of its metadata (phone-metadata.ts says what is kept and why),
 * which keeps the mashup page small and gives the same answers for every country.
 */
import { isSupportedCountry as supported, parsePhoneNumberFromString, type CountryCode, type MetadataJson } from "libphonenumber-js/core";
import reduced from "./phone-metadata.json";

const metadata = reduced as unknown as MetadataJson;

export type PhoneResult = { ok: true; e164: string } | { ok: false; reason: string };

/** Whether `country` is an ISO 3166-1 alpha-2 code the phone metadata knows. */
export function isSupportedCountry(country: string): country is CountryCode {
  return supported(country as CountryCode, metadata);
}

/**
 * `defaultCountry` applies to numbers written without an international prefix; without it such
 * numbers are refused rather than guessed.
 */
export function toE164(raw: unknown, defaultCountry?: CountryCode): PhoneResult {
  if (typeof raw !== "string") return { ok: false, reason: "not a phone number" };
  const text = raw.trim();
  if (text === "" || text.length > 64) return { ok: false, reason: "not a phone number" };
  // "tel:" URIs and "00" international prefixes are common in CRM data.
  const cleaned = text.replace(/^tel:/i, "").replace(/^00(?=[1-9])/, "+");
  let parsed;
  try {
    parsed = parsePhoneNumberFromString(cleaned, defaultCountry ? { defaultCountry } : {}, metadata);
  } catch {
    parsed = undefined;
  }
  if (!parsed) {
    return { ok: false, reason: cleaned.startsWith("+") || defaultCountry ? "not a phone number" : "no country code and no default country" };
  }
  if (!parsed.isPossible()) return { ok: false, reason: "not a possible phone number" };
  return { ok: true, e164: parsed.number };
}
