/** Numbers to E.164 with "+" (contract §5 ANI, §6 click-to-dial), by libphonenumber-js. */
import { toE164 } from "../../sap-mashup/phone";
import { loadPhoneParser } from "../support/phone-parser";

beforeAll(loadPhoneParser);

describe("international numbers", () => {
  test.each([
    ["+16503054000", "+16503054000"],
    ["+1 650 305 4000", "+16503054000"],
    ["+1-650-305-4000", "+16503054000"],
    ["+1 (650) 305-4000", "+16503054000"],
    ["+1.650.305.4000", "+16503054000"],
    ["  +1 650 305 4000  ", "+16503054000"],
    ["+49 (0)151 1234 5678", "+4915112345678"],
    ["+44 20 7946 0958", "+442079460958"],
    ["+33 1 42 68 53 00", "+33142685300"],
    ["+91 98765 43210", "+919876543210"],
    // "00" international prefix.
    ["0049 151 12345678", "+4915112345678"],
    ["001 650 305 4000", "+16503054000"],
    // tel: URIs (RFC 3966), as CRM records and links carry them.
    ["tel:+16503054000", "+16503054000"],
    ["TEL:+1-650-305-4000", "+16503054000"],
    ["tel:0049-151-12345678", "+4915112345678"],
  ])("%j → %s (no default country needed)", (raw, e164) => {
    expect(toE164(raw)).toEqual({ ok: true, e164 });
    // A default country does not change a number that has its own country code.
    expect(toE164(raw, "DE")).toEqual({ ok: true, e164 });
  });
});

describe("national numbers", () => {
  test.each([
    ["(650) 305-4000", "US", "+16503054000"],
    ["650-305-4000", "US", "+16503054000"],
    ["0151 12345678", "DE", "+4915112345678"],
    ["030 123456", "DE", "+4930123456"],
    ["020 7946 0958", "GB", "+442079460958"],
    ["01 42 68 53 00", "FR", "+33142685300"],
  ] as const)("%j with defaultCountry %s → %s", (raw, country, e164) => {
    expect(toE164(raw, country)).toEqual({ ok: true, e164 });
  });

  test.each(["(650) 305-4000", "0151 12345678", "6503054000"])("%j without a default country is refused, not guessed", (raw) => {
    expect(toE164(raw)).toEqual({ ok: false, reason: "no country code and no default country" });
  });
});

describe("refused", () => {
  test.each([
    ["abc", "DE"],
    ["12", undefined],
    ["12", "DE"],
    ["+999 1", undefined],
    ["+1 650", undefined],
    ["+1 650 305 4000 1234 5678", undefined],
    ["", undefined],
    ["   ", "US"],
    ["tel:", undefined],
    ["+".padEnd(70, "1"), undefined],
    // Longer than E.164's 15 digits once the country code is added (found by the fuzz test, seed 1198946391).
    ["+49 10000000000000", undefined],
    ["10000000000000", "DE"],
    ["new Number(-10000000000000)", "DE"],
  ] as const)("%j (default %s)", (raw, country) => {
    const r = toE164(raw, country);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/^(not a phone number|not a possible phone number|no country code and no default country)$/);
  });

  test.each([null, undefined, 16503054000, {}, ["+16503054000"]])("non-strings (%j)", (raw) => {
    expect(toE164(raw)).toEqual({ ok: false, reason: "not a phone number" });
  });
});

test("the result always satisfies the channel's dial rule", () => {
  for (const raw of ["+1 650 305 4000", "0049 151 12345678", "tel:+44 20 7946 0958"]) {
    const r = toE164(raw);
    expect(r.ok && /^\+[1-9][0-9]{1,14}$/.test(r.e164)).toBe(true);
  }
});
