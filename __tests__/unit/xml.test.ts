/** XML mode payloads (contract §5): every value escaped, the document always well-formed. */
import { escapeXml, toXml } from "../../sap-mashup/xml";

test("the five XML special characters are escaped", () => {
  expect(escapeXml(`a & b < c > d " e ' f`)).toBe("a &amp; b &lt; c &gt; d &quot; e &apos; f");
  // Already-escaped text is escaped again (values are data, not markup).
  expect(escapeXml("&amp;")).toBe("&amp;amp;");
});

test("characters XML 1.0 forbids are dropped; tab, newline, carriage return and the rest of Unicode are kept", () => {
  expect(escapeXml("a\u0000\u0001\u0008\u000B\u000C\u000E\u001F\uFFFE\uFFFFb")).toBe("ab");
  // Lone surrogates (a truncated emoji) are dropped; a proper pair is kept.
  expect(escapeXml("a\uD800x\uDFFFb\uD83D")).toBe("axb");
  expect(escapeXml("a\tb\nc\rd")).toBe("a\tb\nc\rd");
  expect(escapeXml("Müller 😀 東京 \u007F \u0085")).toBe("Müller 😀 東京 \u007F \u0085");
});

test("toXml: declaration, <payload>, one element per field in order, empty fields omitted", () => {
  expect(toXml({ Type: "CALL", EventType: "INBOUND", Action: "NOTIFY", ANI: "+14155550100", DNIS: "" })).toBe(
    '<?xml version="1.0" encoding="utf-8"?><payload><Type>CALL</Type><EventType>INBOUND</EventType><Action>NOTIFY</Action><ANI>+14155550100</ANI></payload>',
  );
  expect(toXml({})).toBe('<?xml version="1.0" encoding="utf-8"?><payload></payload>');
});

test("hostile values cannot inject elements, and the document parses back to the same text", () => {
  const evil = `</Custom_1><Action>END</Action><!--\u0000 ]]> &lt; "'`;
  const xml = toXml({ Type: "CALL", Custom_1: evil });
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
  const fields = [...doc.documentElement.children].map((c) => [c.tagName, c.textContent]);
  expect(fields).toEqual([
    ["Type", "CALL"],
    ["Custom_1", evil.replace("\u0000", "")],
  ]);
});

test.each(["1abc", "a b", "x:y", "a<b", "", "payload>"])("a field name %j that is not an XML name is a programming error", (name) => {
  expect(() => toXml({ [name]: "v" })).toThrow(/invalid payload field name/);
});
