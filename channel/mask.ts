/**
 * Customer data (phone numbers, e-mail addresses, names) must never reach a log unmasked, and
 * masking must never alter an identifier (support finds a leg by its full ExternalReferenceID, a
 * conversation by its interaction id). `maskText` is the last line of defence: every log line of
 * the connector passes through it; lines that carry a known customer value mask it explicitly first.
 */
// Starts only where a local part starts: otherwise a long run of letters with no "@" is rescanned
// from every position, and one hostile 100 kB string freezes the page for a minute (issue 7 fuzzing).
const EMAIL = /(?<![A-Za-z0-9._%+-])([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9-])[A-Za-z0-9.-]*\.([A-Za-z]{2,})/g;
// A run of 5+ digits, optionally with +, spaces, dots, dashes or brackets between them, standing on
// its own: never a part of a longer letters-and-digits token such as a hex ExternalReferenceID.
const PHONE = /(?<![A-Za-z0-9])\+?\(?\d[\d\s().-]{3,}\d(?![A-Za-z0-9])/g;
// Dashed UUIDs (Webex interaction, agent and task ids; SAP's ActivityUUID): kept whole, even when
// one of their groups happens to be all digits.
const UUID = /([0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})/;
/** E.164 allows 15 digits; an international prefix ("00", "011") adds up to 3. Longer runs are ids. */
const MAX_PHONE_DIGITS = 18;

/** Keeps the last two digits so support can still tell two numbers apart. */
export function maskPhone(raw: string): string {
  const digits = raw.replace(/\D/g, "");
  if (digits.length < 5) return raw;
  return (raw.trim().startsWith("+") ? "+" : "") + "*".repeat(digits.length - 2) + digits.slice(-2);
}

export function maskEmail(raw: string): string {
  return raw.replace(EMAIL, (_m, first: string, dom: string, tld: string) => `${first}***@${dom}***.${tld}`);
}

export function maskName(raw: string): string {
  return raw
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w[0] + "***")
    .join(" ");
}

/**
 * A value a customer gave, of any form (a number, an address, or neither: "hello", "not-an-email"),
 * masked for showing to the agent or writing to the log: a value that is one address as a whole, or
 * a number, as above (so a mistyped number stays recognisable); anything else down to its first
 * character, so a name is never spelt out ("jane doe@example.com" is no address and keeps only "j").
 */
export function maskValue(raw: string): string {
  const text = raw.trim();
  if (text === "") return "";
  if (/^\S+@\S+$/.test(text) && maskEmail(text) !== text) return maskEmail(text);
  if (/^[\d\s+().-]+$/.test(text) && text.replace(/\D/g, "").length >= 5) return maskPhone(text);
  return `${[...text][0]}***`;
}

function maskPiece(text: string): string {
  return maskEmail(text).replace(PHONE, (m) => (m.replace(/\D/g, "").length > MAX_PHONE_DIGITS ? m : maskPhone(m)));
}

/** Masks anything in free text that looks like an e-mail address or a phone number; identifiers stay whole. */
export function maskText(text: string): string {
  // split() with a capturing group keeps the UUIDs at the odd positions.
  return text
    .split(UUID)
    .map((piece, i) => (i % 2 === 1 ? piece : maskPiece(piece)))
    .join("");
}
