/** The rules SAP payload values must meet before they are posted (sap-mashup/sap-field-rules.ts). */
import { TEXT_VALUE_MAX, isE164, isEmailAddress, keepValidFields, meetsFieldRule } from "../../sap-mashup/sap-field-rules";

describe("isEmailAddress", () => {
  test.each(["jane.doe@example.com", "a@b.io", "o'brien+tag@sub.mail.example.co.uk", "x_y-z@host-name.example", "user@xn--bcher-kva.example", "u@xn--p1ai.xn--p1ai"])("%j is an address", (v) => {
    expect(isEmailAddress(v)).toBe(true);
  });
  test.each([
    "not-an-email", "a@b", "@example.com", "jane@", "jane doe@example.com", "jane@exa mple.com", "jane@@example.com", "jane@example.c",
    "jane@-example.com", "jane@example-.com", "jane..doe@example.com", ".jane@example.com", "jane@example..com", "jane@example.123",
    `${"a".repeat(65)}@example.com`, `a@${"b".repeat(250)}.com`, "",
  ])("%j is not", (v) => {
    expect(isEmailAddress(v)).toBe(false);
  });
});

test("isE164: a + and 7 to 15 digits, no leading zero", () => {
  for (const v of ["+14155550100", "+4915112345678", "+1234567", "+123456789012345"]) expect(isE164(v)).toBe(true);
  for (const v of ["14155550100", "+0415555", "+123456", "+1234567890123456", "+1 415 555 0100", "hello", ""]) expect(isE164(v)).toBe(false);
});

describe("meetsFieldRule", () => {
  test("free text fields (Custom_n, DNIS) up to the length limit", () => {
    for (const f of ["Custom_1", "Custom_2", "Custom_3", "Custom_4", "DNIS"]) {
      expect(meetsFieldRule(f, "x".repeat(TEXT_VALUE_MAX))).toBe(true);
      expect(meetsFieldRule(f, "x".repeat(TEXT_VALUE_MAX + 1))).toBe(false);
    }
    expect(meetsFieldRule("DNIS", "support@example.com")).toBe(true);
    expect(meetsFieldRule("DNIS", "chat-entry-point")).toBe(true);
  });
  test("ChannelId as the channels parameter allows it", () => {
    expect(meetsFieldRule("ChannelId", "Sinch_WhatsApp")).toBe(true);
    expect(meetsFieldRule("ChannelId", "Sinch WhatsApp")).toBe(false);
    expect(meetsFieldRule("ChannelId", "x".repeat(65))).toBe(false);
  });
  test("no field carries a control character (the XML format could not carry it)", () => {
    for (const f of ["DNIS", "Custom_1", "Email", "ANI", "Type"]) {
      expect(meetsFieldRule(f, "a\u0000b")).toBe(false);
      expect(meetsFieldRule(f, "a\nb")).toBe(false);
      expect(meetsFieldRule(f, "a\u0085b")).toBe(false);
    }
  });
});

test("keepValidFields keeps the order of what is kept and says what was left out", () => {
  const r = keepValidFields({ ANI: "hello", DNIS: "+18005550100", Custom_2: "ok", Email: "a@b" });
  expect(Object.entries(r.kept)).toEqual([["DNIS", "+18005550100"], ["Custom_2", "ok"]]);
  expect(r.rejected).toEqual([{ field: "ANI", value: "hello" }, { field: "Email", value: "a@b" }]);
});
