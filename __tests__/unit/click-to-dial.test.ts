/** SAP's click-to-dial object (contract §6) and the book that ties its ActivityUUID to the call. */
import type { Leg } from "../../channel/protocol";
import { DIAL_MATCH_WINDOW_MS, DialBook, isClickToDial, parseClickToDial } from "../../sap-mashup/click-to-dial";
import { loadPhoneParser } from "../support/phone-parser";

beforeAll(loadPhoneParser);

const UUID = "00163e2a-1234-1eda-b895-42c904e08752";

describe("isClickToDial", () => {
  test.each([
    [{ PhoneNumber: "+1" }, true],
    [{ PhoneNumber: null }, true],
    [{ payload: {} }, false],
    [{ p: "wxcc-sap" }, false],
    [["PhoneNumber"], false],
    ["PhoneNumber", false],
    [null, false],
    [undefined, false],
  ])("%j → %s", (data, yes) => {
    expect(isClickToDial(data)).toBe(yes);
  });
  test("an object that throws when inspected is not one", () => {
    expect(isClickToDial(new Proxy({}, { has: () => { throw new Error("trap"); } }))).toBe(false);
  });
});

describe("parseClickToDial", () => {
  test("SAP's object: number normalised, ActivityUUID kept, other fields ignored", () => {
    expect(parseClickToDial({ PhoneNumber: "+1 650 305 4000", ActivityUUID: UUID, ObjectTypeCode: "39", ActivityTypeCode: "86" })).toEqual({
      ok: true,
      destination: "+16503054000",
      activityUUID: UUID,
    });
  });
  test("without or with an empty ActivityUUID there is none", () => {
    expect(parseClickToDial({ PhoneNumber: "+16503054000" })).toEqual({ ok: true, destination: "+16503054000" });
    expect(parseClickToDial({ PhoneNumber: "+16503054000", ActivityUUID: "" })).toEqual({ ok: true, destination: "+16503054000" });
  });
  test("a national number uses the default country", () => {
    expect(parseClickToDial({ PhoneNumber: "0151 12345678" }, "DE")).toEqual({ ok: true, destination: "+4915112345678" });
    const text = "**********78 has no country code, so it was not dialled. Add the country code (for example +49) in SAP and click it again.";
    expect(parseClickToDial({ PhoneNumber: "0151 12345678" })).toEqual({
      ok: false,
      error: text,
      notice: { kind: "n.noCountry", level: "error", args: ["**********78"], text, cause: "dial", detail: "no country code and no default country" },
    });
  });
  test.each([
    ["abc", "n.notANumber", "a***", "“a***” is not a phone number, so nothing was dialled. Correct it in SAP and click it again."],
    ["hello", "n.notANumber", "h***", "“h***” is not a phone number, so nothing was dialled. Correct it in SAP and click it again."],
    ["12", "n.noCountry", "1***", "1*** has no country code, so it was not dialled. Add the country code (for example +49) in SAP and click it again."],
    ["+999 1", "n.notANumber", "+***", "“+***” is not a phone number, so nothing was dialled. Correct it in SAP and click it again."],
    ["+1 650 305", "n.impossibleNumber", "+*****05", "+*****05 has too few or too many digits, so it was not dialled. Correct it in SAP and click it again."],
  ])("an unusable number %j is refused, shown masked, with what to do", (PhoneNumber, kind, shown, text) => {
    const r = parseClickToDial({ PhoneNumber });
    expect(r.ok).toBe(false);
    if (!r.ok) expect({ kind: r.notice.kind, args: r.notice.args, text: r.error }).toEqual({ kind, args: [shown], text });
  });
  test("a number with an extension dials the main number and keeps the extension to tell the agent", () => {
    expect(parseClickToDial({ PhoneNumber: "+49 89 1234567 ext. 12" })).toEqual({ ok: true, destination: "+49891234567", ext: "12" });
    expect(parseClickToDial({ PhoneNumber: "+1 650 305 4000 x 123" })).toEqual({ ok: true, destination: "+16503054000", ext: "123" });
  });
  test.each([
    { PhoneNumber: 16503054000 },
    { PhoneNumber: "+1".padEnd(65, "0") },
    { PhoneNumber: "+16503054000", ActivityUUID: 7 },
    { PhoneNumber: "+16503054000", ActivityUUID: "<script>" },
    { PhoneNumber: "+16503054000", ActivityUUID: "a".repeat(65) },
    null,
    new Proxy({}, { get: () => { throw new Error("trap"); } }),
  ])("a malformed object %#, is refused as invalid", (data) => {
    const text = "SAP sent a click-to-dial request that cannot be read, so nothing was dialled. Click the number again; if this keeps happening, tell your SAP administrator.";
    expect(parseClickToDial(data)).toEqual({ ok: false, error: text, notice: { kind: "n.clickUnreadable", level: "error", args: [], text, cause: "dial" } });
  });
});

function outLeg(ani: string | undefined, over: Partial<Leg> = {}): Leg {
  return {
    interactionId: "i1",
    agentId: "a1",
    media: "telephony",
    channel: "telephony",
    direction: "OUTBOUND",
    role: "main",
    phase: "offered",
    held: false,
    customer: ani === undefined ? {} : { ani },
    cad: {},
    offeredAt: 0,
    ...over,
  };
}

describe("DialBook", () => {
  test("the outbound leg to the dialled number claims the ActivityUUID, once", () => {
    const b = new DialBook();
    b.add("+16503054000", UUID, 1000);
    expect(b.size).toBe(1);
    // Webex may report the number in another notation.
    expect(b.claim(outLeg("+1 (650) 305-4000"), 2000)).toBe(UUID);
    expect(b.size).toBe(0);
    expect(b.claim(outLeg("+16503054000"), 2000)).toBeUndefined();
  });
  test("a national ANI matches with the default country", () => {
    const b = new DialBook();
    b.add("+4915112345678", UUID, 0);
    expect(b.claim(outLeg("015112345678"), 1)).toBeUndefined();
    expect(b.claim(outLeg("015112345678"), 1, "DE")).toBe(UUID);
  });
  test("inbound calls, other media, other numbers and legs without a number never claim", () => {
    const b = new DialBook();
    b.add("+16503054000", UUID, 0);
    expect(b.claim(outLeg("+16503054000", { direction: "INBOUND" }), 1)).toBeUndefined();
    expect(b.claim(outLeg("+16503054000", { media: "chat" }), 1)).toBeUndefined();
    expect(b.claim(outLeg("+16503054001"), 1)).toBeUndefined();
    expect(b.claim(outLeg(undefined), 1)).toBeUndefined();
    expect(b.size).toBe(1);
  });
  test("a dial without ActivityUUID is not booked", () => {
    const b = new DialBook();
    b.add("+16503054000", undefined, 0);
    expect(b.size).toBe(0);
  });
  test("a second dial of the same number replaces the first", () => {
    const b = new DialBook();
    b.add("+16503054000", "first", 0);
    b.add("+16503054000", "second", 1);
    expect(b.size).toBe(1);
    expect(b.claim(outLeg("+16503054000"), 2)).toBe("second");
  });
  test("cancel removes a refused dial so its UUID cannot attach to a later call", () => {
    const b = new DialBook();
    b.add("+16503054000", UUID, 0);
    b.add("+4915112345678", "other", 0);
    b.cancel("+16503054000");
    expect(b.claim(outLeg("+16503054000"), 1)).toBeUndefined();
    expect(b.size).toBe(1);
  });
  test("a dial that never turned into a call expires", () => {
    const b = new DialBook();
    b.add("+16503054000", UUID, 0);
    expect(b.claim(outLeg("+16503054000"), DIAL_MATCH_WINDOW_MS)).toBeUndefined();
    expect(b.size).toBe(0);
  });
});
