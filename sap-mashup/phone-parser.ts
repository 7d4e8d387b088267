/**
 * The on-demand chunk (dist/sap-mashup/phone-parser.js): phone numbers in any written form to
 * E.164, by libphonenumber-js, not by us. Its `core` build with a reduced copy of its metadata
 * (phone-metadata.ts says what is kept and why) gives the same answers as the full library for
 * every country. phone.ts loads this file the first time a number is not already canonical, so
 * the page itself stays small (issue 7); nothing here may be imported statically by the page.
 */
import { parsePhoneNumberFromString, type CountryCode, type MetadataJson } from "libphonenumber-js/core";
import type { PhoneResult } from "./phone";
import reduced from "./phone-metadata.json";

const metadata = reduced as unknown as MetadataJson;
/** "+" and at most 15 digits (ITU-T E.164). */
const E164_MAX_LENGTH = 16;

/**
 * `text` is trimmed, non-empty and at most 64 characters (phone.ts checks that). `defaultCountry`
 * applies to numbers written without an international prefix; without it such numbers are refused
 * rather than guessed.
 */
export function parsePhone(text: string, defaultCountry?: CountryCode): PhoneResult {
  // "tel:" URIs and "00" international prefixes are common in CRM data.
  const cleaned = text.replace(/^tel:/i, "").replace(/^00(?=[1-9])/, "+");
  let parsed;
  try {
    parsed = parsePhoneNumberFromString(cleaned, defaultCountry ? { defaultCountry } : {}, metadata);
  } catch {
    parsed = undefined;
  }
  // Words with no digit ("hello", "n/a") are no number at all, whatever the country.
  if (!parsed && !/\d/.test(cleaned)) return { ok: false, reason: "not a phone number" };
  if (!parsed) {
    return { ok: false, reason: cleaned.startsWith("+") || defaultCountry ? "not a phone number" : "no country code and no default country" };
  }
  // E.164 has at most 15 digits, but the library can build a longer number from a long national
  // part (e.g. "+49 10000000000000" passes its possible-length check): no such number exists.
  if (!parsed.isPossible() || parsed.number.length > E164_MAX_LENGTH) return { ok: false, reason: "not a possible phone number" };
  // An extension cannot be dialled as part of the number: the caller says it was left out.
  return parsed.ext ? { ok: true, e164: parsed.number, ext: parsed.ext } : { ok: true, e164: parsed.number };
}
