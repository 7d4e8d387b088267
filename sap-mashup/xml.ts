/**
 * XML form of a SAP payload (docs/reference/sap-cti.md §1.1: one child element per field under
 * <payload>). Values are escaped; characters XML 1.0 forbids are dropped so the document stays
 * well-formed whatever a customer typed.
 */
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
const FIELD = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function escapeXml(value: string): string {
  return value.replace(FORBIDDEN, "").replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

export function toXml(fields: Readonly<Record<string, string>>): string {
  let body = "";
  for (const [name, value] of Object.entries(fields)) {
    if (!FIELD.test(name)) throw new Error(`invalid payload field name "${name}"`);
    if (value === "") continue;
    body += `<${name}>${escapeXml(value)}</${name}>`;
  }
  return `<?xml version="1.0" encoding="utf-8"?><payload>${body}</payload>`;
}
