/**
 * Property-based tests of the XML builder and the phone normaliser (issue 7), and the check that
 * the reduced phone metadata the mashup ships answers exactly as libphonenumber-js's own does.
 */
import fc from "fast-check";
import { isSupportedCountry as librarySupports, parsePhoneNumberFromString, type MetadataJson } from "libphonenumber-js/core";
import fullMin from "libphonenumber-js/metadata.min.json";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { isSupportedCountry, toE164 } from "../../sap-mashup/phone";
import { countryCodes, reducePhoneMetadata, type MinMetadata } from "../../sap-mashup/phone-metadata";
import { toXml } from "../../sap-mashup/xml";
import { RUNS, hostileValue, prototypesIntact } from "./support";
import { loadPhoneParser } from "../support/phone-parser";

beforeAll(loadPhoneParser);

const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const fieldName = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,12}$/);

// XML end-of-line handling (XML 1.0 §2.11): a parser reads a literal CR or CRLF as LF, so that is the
// round trip every XML consumer, SAP included, sees.
const eol = (v: string) => v.replace(/\r\n?/g, "\n");

test("XML builder: always well-formed, and every value comes back minus forbidden characters", () => {
  const parser = new DOMParser();
  fc.assert(
    fc.property(fc.dictionary(fieldName, fc.oneof(fc.string({ unit: "binary", maxLength: 40 }), fc.constantFrom("<", "&amp;", "]]>", "\r\n", "\u0000", "\uD800x", "\uFFFE")), { maxKeys: 8 }), (fields) => {
      const xml = toXml(fields);
      const doc = parser.parseFromString(xml, "application/xml");
      expect(doc.getElementsByTagName("parsererror").length).toBe(0);
      const root = doc.documentElement;
      expect(root.nodeName).toBe("payload");
      const expected = Object.entries(fields).filter(([, v]) => v !== "");
      expect([...root.children].map((c) => [c.nodeName, c.textContent])).toEqual(expected.map(([k, v]) => [k, eol(v.replace(FORBIDDEN, ""))]));
    }),
    { numRuns: RUNS },
  );
});

test("XML builder: a field name that is not an XML name is refused, not emitted", () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 10 }).filter((s) => !/^[A-Za-z_][A-Za-z0-9_]*$/.test(s)), (name) => {
      expect(() => toXml({ [name]: "x" })).toThrow(/invalid payload field name/);
    }),
    { numRuns: 1000 },
  );
});

const e164 = /^\+[1-9]\d{1,14}$/;

test("phone normaliser: never throws, answers ok with E.164 or a reason, for anything", () => {
  const country = fc.oneof(fc.constantFrom(undefined, "US", "DE", "GB", "FR", "IN", "BR", "CA"), hostileValue);
  const raw = fc.oneof(
    hostileValue,
    fc.stringMatching(/^(tel:)?(\+|00)?[\d ()\-.]{0,20}$/),
    fc.tuple(fc.constantFrom("+", "00", "tel:+", ""), fc.integer({ min: 1, max: 999 }), fc.stringMatching(/^\d{0,14}$/)).map(([p, cc, n]) => `${p}${cc}${n}`),
  );
  fc.assert(
    fc.property(raw, country, (r, c) => {
      const out = toE164(r, c as never);
      if (out.ok) expect(out.e164).toMatch(e164);
      else expect(typeof out.reason).toBe("string");
      expect(prototypesIntact()).toBe(true);
    }),
    { numRuns: RUNS },
  );
});

describe("reduced phone metadata", () => {
  const full = fullMin as unknown as MetadataJson;
  const reduced = JSON.parse(readFileSync(join(__dirname, "../../sap-mashup/phone-metadata.json"), "utf8")) as MetadataJson;

  test("the committed files are what the build generates from the installed libphonenumber-js", () => {
    expect(reduced).toEqual(reducePhoneMetadata(fullMin as unknown as MinMetadata));
    const countries: unknown = JSON.parse(readFileSync(join(__dirname, "../../sap-mashup/phone-countries.json"), "utf8"));
    expect(countries).toBe(countryCodes(fullMin as unknown as MinMetadata));
  });

  test("the page's country list (for defaultCountry) accepts exactly the codes the library supports", () => {
    const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let supported = 0;
    for (const a of letters) {
      for (const b of letters) {
        const c = a + b;
        expect([c, isSupportedCountry(c)]).toEqual([c, librarySupports(c as never, full)]);
        if (isSupportedCountry(c)) supported++;
      }
    }
    expect(supported).toBe(Object.keys((fullMin as unknown as MinMetadata).countries).length);
    for (const c of ["", "U", "us", "USA", "001", " US", "U1"]) expect([c, isSupportedCountry(c)]).toEqual([c, false]);
  });

  const answer = (raw: string, country: string | undefined, md: MetadataJson) => {
    try {
      const p = parsePhoneNumberFromString(raw, country ? { defaultCountry: country as never } : {}, md);
      return p ? `${p.number} ${p.isPossible()}` : "none";
    } catch (e) {
      return `throws ${(e as Error).message}`;
    }
  };

  test("every country's example number, international and national, gets the same answer as with the full metadata", () => {
    const examples = require("libphonenumber-js/examples.mobile.json") as Record<string, string>;
    const countries = Object.keys((fullMin as unknown as MinMetadata).countries);
    let compared = 0;
    for (const c of countries) {
      const national = examples[c];
      if (!national) continue;
      const cc = (fullMin as unknown as MinMetadata).countries[c]![0] as string;
      for (const [raw, dc] of [[`+${cc}${national}`, undefined], [`+${cc} ${national}`, "US"], [national, c], [`0${national}`, c], [`${cc}${national}`, c]] as const) {
        expect([raw, dc, answer(raw, dc, reduced)]).toEqual([raw, dc, answer(raw, dc, full)]);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  test("random international and national numbers get the same answer as with the full metadata", () => {
    const countries = Object.keys((fullMin as unknown as MinMetadata).countries);
    fc.assert(
      fc.property(fc.constantFrom("+", ""), fc.stringMatching(/^[1-9]\d{2,16}$/), fc.constantFrom(undefined, ...countries), (plus, digits, dc) => {
        const raw = plus + digits;
        expect(answer(raw, dc, reduced)).toBe(answer(raw, dc, full));
      }),
      { numRuns: RUNS },
    );
  });
});
