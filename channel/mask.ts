/**
 * Customer data (phone numbers, e-mail addresses, names) must never reach a log unmasked.
 * `maskText` is the last line of defence: every log line of the connector passes through it.
 */
// Starts only where a local part starts: otherwise a long run of letters with no "@" is rescanned
// from every position, and one hostile 100 kB string freezes the page for a minute (issue 7 fuzzing).
const EMAIL = /(?<![A-Za-z0-9._%+-])([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9-])[A-Za-z0-9.-]*\.([A-Za-z]{2,})/g;
// A run of 5+ digits, optionally with +, spaces, dots, dashes or brackets between them.
const PHONE = /\+?\(?\d[\d\s().-]{3,}\d/g;

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

/** Masks anything in free text that looks like an e-mail address or a phone number. */
export function maskText(text: string): string {
  return maskEmail(text).replace(PHONE, (m) => maskPhone(m));
}
