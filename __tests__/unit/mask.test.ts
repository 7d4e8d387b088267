/** Nothing a customer says reaches a log unmasked (channel/mask.ts, channel/log.ts). */
import { Log } from "../../channel/log";
import fc from "fast-check";
import { maskEmail, maskName, maskPhone, maskText, maskValue } from "../../channel/mask";
import { legReferenceId, originalReferenceId } from "../../sap-mashup/reference-ids";

describe("maskPhone", () => {
  test.each([
    ["+14155550100", "+*********00"],
    ["+1 (415) 555-0100", "+*********00"],
    ["004915112345678", "*************78"],
    ["0151 1234 5678", "**********78"],
  ])("%j → %j", (raw, masked) => {
    expect(maskPhone(raw)).toBe(masked);
  });
  test("short digit runs (codes, counts) are left alone", () => {
    expect(maskPhone("1234")).toBe("1234");
  });
});

test("maskEmail keeps the first letters and the top-level domain only", () => {
  expect(maskEmail("jane.doe@example.co.uk")).toBe("j***@e***.uk");
  expect(maskEmail("write to a.b+tag@sub.domain.com or x@y.io")).toBe("write to a***@s***.com or x***@y***.io");
});

test("maskName keeps initials", () => {
  expect(maskName("  Jane   van Doe ")).toBe("J*** v*** D***");
  expect(maskName("")).toBe("");
});

describe("maskText in free text", () => {
  test.each([
    ["click-to-dial +16503054000", /\+16503054000|6503054000/],
    ["dialling +1 650 305 4000 now", /650 305 4000|305 4000/],
    ["from (650) 305-4000.", /305-4000/],
    ["tel:+49-151-1234-5678 failed", /1234-5678/],
    ["customer jane.doe@example.com wrote", /jane\.doe|example\.com/],
    ["ani=004915112345678&x=1", /15112345678/],
  ])("%j hides the number or address", (text, secret) => {
    const out = maskText(text);
    expect(out).not.toMatch(secret);
    expect(out.length).toBeGreaterThan(0);
  });

  test("keeps the last two digits so two numbers can still be told apart", () => {
    expect(maskText("A +16503054000 B +16503054099")).toBe("A +*********00 B +*********99");
  });

  test("text without customer data is unchanged (short numbers, codes, ids)", () => {
    const text = "outdial failed: Invalid number (1008); seq 42 ack 7";
    expect(maskText(text)).toBe(text);
  });
});

test("every log line is masked before it is stored or sent to a sink, at every level", () => {
  const log = new Log("test", false);
  const seen: string[] = [];
  log.subscribe((l) => seen.push(l.text));
  log.debug("d +14155550100");
  log.info("i jane@example.com");
  log.warn("w 0151 1234 5678");
  log.error("e tel:+4915112345678");
  log.drop("origin", "from caller +14155550100");
  const stored = log.recent().map((l) => l.text);
  expect(stored).toEqual(seen);
  for (const line of stored) {
    expect(line).not.toMatch(/\d{5}/);
    expect(line).not.toContain("jane@");
  }
  expect(log.dropped.get("origin")).toBe(1);
  expect(log.droppedTotal()).toBe(1);
});

/** Issue 11: support finds a leg by its full ExternalReferenceID; masking used to cut digits out of it. */
describe("identifiers stay whole", () => {
  test("the ExternalReferenceID seen cut as DD****82EB5147FFE19D681CC1FA9A5B is kept", () => {
    const ref = "DD4567882EB5147FFE19D681CC1FA9A5B";
    expect(maskText(`to SAP: CALL INBOUND NOTIFY ${ref} +*********00`)).toBe(`to SAP: CALL INBOUND NOTIFY ${ref} +*********00`);
  });

  test("dashed UUIDs stay whole even when a group is all digits; a number beside them is still masked", () => {
    const id = "12345678-1234-5678-9012-345678901234";
    expect(maskText(`interaction ${id} from +14155550100`)).toBe(`interaction ${id} from +*********00`);
  });

  test("digit runs longer than any phone number (all-digit ids) are left alone", () => {
    const id = "12345678901234567890123456789012";
    expect(maskText(`leg ${id}`)).toBe(`leg ${id}`);
  });

  test("property: every derived SAP ID and every UUID survives masking, whatever stands around it", () => {
    const hex = fc.constantFrom(..."0123456789abcdef".split(""));
    const hexN = (n: number) => fc.array(hex, { minLength: n, maxLength: n }).map((a) => a.join(""));
    const uuid = fc.tuple(hexN(8), hexN(4), hexN(4), hexN(4), hexN(12)).map((p) => p.join("-"));
    fc.assert(
      fc.property(uuid, fc.string({ maxLength: 12 }), fc.constantFrom("", " ", ": ", "(", "="), (id, agent, sep) => {
        const ref = legReferenceId(id, agent);
        const orig = originalReferenceId(id);
        const out = maskText(`leg${sep}${ref} of${sep}${orig} (${id}) call +14155550100`);
        expect(out).toContain(ref);
        expect(out).toContain(orig);
        expect(out).toContain(id);
        expect(out).not.toContain("4155550100");
      }),
      { numRuns: 2000 },
    );
  });
});

describe("maskValue: any value a customer gave, for a notice", () => {
  test.each([
    ["jane.doe@example.com", "j***@e***.com"],
    ["+1 415 555 0100", "+*********00"],
    ["not-an-email", "n***"],
    ["jane doe@example.com", "j***"],
    ["hello", "h***"],
    ["  ab ", "a***"],
    ["", ""],
  ])("%j → %j", (raw, masked) => {
    expect(maskValue(raw)).toBe(masked);
  });
});
