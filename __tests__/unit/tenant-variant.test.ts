/**
 * Issue 15: the SAP stand-in's tenant variants, and what its inbox does with each payload on each
 * one (XML only, END form, repeated NOTIFY, identification by Custom_n), plus the contract
 * checker's END forms.
 */
import { SAMPLE_RECORDS } from "../../sandbox/entries/crm-data";
import { popView, receive, type InboxHost, type SapState } from "../../sandbox/entries/sap-inbox";
import { SequenceChecker, checkPayload, type Fields } from "../../sandbox/sap-host/sap-contract";
import { DEFAULT_VARIANT, describeVariant, parseTenantVariant, type TenantVariant } from "../../sandbox/sap-host/tenant-variant";
import { toXml } from "../../sap-mashup/xml";

const variant = (raw: string): TenantVariant => {
  const r = parseTenantVariant(raw);
  if (!r.ok) throw new Error(r.error);
  return r.variant;
};

test("the tenant parameter: each word, defaults, and an unknown word named", () => {
  expect(parseTenantVariant(null)).toEqual({ ok: true, variant: DEFAULT_VARIANT });
  expect(variant("xml-only,end-direction,no-refocus,custom-Custom_3,custom-custom_1")).toEqual({ xmlOnly: true, endForm: "direction", refocus: false, identifyBy: ["Custom_3", "Custom_1"] });
  expect(variant("custom-none").identifyBy).toEqual([]);
  expect(parseTenantVariant("xml-only,json-only")).toEqual({ ok: false, error: 'tenant: "json-only" is not one of xml-only, end-direction, end-updateactivity, no-refocus, custom-none, custom-Custom_1, custom-Custom_2, custom-Custom_3, custom-Custom_4' });
  expect(parseTenantVariant("custom-none,custom-Custom_1")).toEqual({ ok: false, error: "tenant: custom-none cannot be combined with a custom-Custom_n" });
  expect(describeVariant(DEFAULT_VARIANT)).toBe("");
  expect(describeVariant(variant("xml-only,end-direction,no-refocus,custom-Custom_1"))).toBe("XML only · END by direction · no refocus · identifies by Custom_1");
});

test("the contract accepts END as UPDATEACTIVITY or with the leg's direction, nothing else", () => {
  const end = (EventType: string): Fields => ({ Type: "CALL", EventType, Action: "END", ExternalReferenceID: "A1", ExternalOriginalReferenceID: "A1" });
  expect(checkPayload(end("UPDATEACTIVITY"))).toEqual([]);
  expect(checkPayload(end("INBOUND"))).toEqual([]);
  expect(checkPayload(end("OUTBOUND"))).toEqual([]);
  expect(checkPayload(end("CLOSE"))).toEqual(["END must have EventType UPDATEACTIVITY, INBOUND or OUTBOUND"]);
});

function inbox(v: TenantVariant) {
  const state: SapState = { payloads: [], activities: [], ignored: 0 };
  const pops: string[] = [];
  const host: InboxHost = {
    state,
    variant: v,
    sequence: new SequenceChecker(),
    records: () => SAMPLE_RECORDS,
    pop: (f) => pops.push(`${f.Action} ${f.ExternalReferenceID}`),
    showingList: () => false,
    ended: () => undefined,
  };
  let at = 1000;
  const post = (f: Fields, format: "json" | "xml" = "json") => receive(host, format === "xml" ? toXml(f) : { payload: f }, at++);
  return { state, pops, post };
}

const leg = (Action: string, EventType = "INBOUND"): Fields => ({ Type: "CALL", EventType, Action, ANI: "+14155550132", ExternalReferenceID: "WXSAPCHECKA", ExternalOriginalReferenceID: "WXSAPCHECKA" });

test("default tenant: pops, opens and closes with UPDATEACTIVITY; END by direction leaves the activity open", () => {
  const t = inbox(DEFAULT_VARIANT);
  t.post(leg("NOTIFY"));
  t.post(leg("ACCEPT"));
  t.post(leg("END", "INBOUND"));
  expect(t.state.activities.map((a) => [a.customer, a.status])).toEqual([["Maria Lopez", "Open"]]);
  t.post(leg("END", "UPDATEACTIVITY"));
  expect(t.state.activities.map((a) => a.status)).toEqual(["Completed"]);
  expect(t.state.payloads.flatMap((p) => p.violations)).toEqual([]);
});

test("end-direction tenant: only END with the direction closes", () => {
  const t = inbox(variant("end-direction"));
  t.post(leg("NOTIFY"));
  t.post(leg("ACCEPT"));
  t.post(leg("END", "UPDATEACTIVITY"));
  expect(t.state.activities.map((a) => a.status)).toEqual(["Open"]);
  t.post(leg("END", "INBOUND"));
  expect(t.state.activities.map((a) => a.status)).toEqual(["Completed"]);
});

test("xml-only tenant: JSON is logged as ignored and does nothing; XML pops and opens the activity", () => {
  const t = inbox(variant("xml-only"));
  const r = t.post(leg("NOTIFY"));
  expect(r.read).toBeUndefined();
  expect(t.state.payloads[0]).toMatchObject({ format: "json", violations: [], ignored: "ignored: this tenant reads XML only" });
  expect(t.pops).toEqual([]);
  t.post({ ...leg("NOTIFY"), ExternalReferenceID: "WXSAPCHECKB", ExternalOriginalReferenceID: "WXSAPCHECKB" }, "xml");
  t.post({ ...leg("ACCEPT"), ExternalReferenceID: "WXSAPCHECKB", ExternalOriginalReferenceID: "WXSAPCHECKB" }, "xml");
  expect(t.pops).toEqual(["NOTIFY WXSAPCHECKB", "ACCEPT WXSAPCHECKB"]);
  expect(t.state.activities.map((a) => [a.externalId, a.status])).toEqual([["WXSAPCHECKB", "Open"]]);
});

test("a repeated NOTIFY for an accepted leg pops again by default, and not on a no-refocus tenant", () => {
  for (const [raw, expected] of [["", ["NOTIFY WXSAPCHECKA", "ACCEPT WXSAPCHECKA", "NOTIFY WXSAPCHECKA"]], ["no-refocus", ["NOTIFY WXSAPCHECKA", "ACCEPT WXSAPCHECKA"]]] as const) {
    const t = inbox(variant(raw));
    t.post(leg("NOTIFY"));
    t.post(leg("ACCEPT"));
    t.post(leg("NOTIFY"));
    expect([raw, t.pops]).toEqual([raw, expected]);
  }
});

test("identification by Custom_n: a record ID in a field the tenant identifies by, only without ANI or Email", () => {
  const f: Fields = { Type: "CALL", EventType: "INBOUND", Action: "NOTIFY", Custom_2: "1000140", ExternalReferenceID: "X", ExternalOriginalReferenceID: "X" };
  expect(popView(SAMPLE_RECORDS, f, DEFAULT_VARIANT)).toEqual({ kind: "record", id: "1000140" });
  expect(popView(SAMPLE_RECORDS, f, variant("custom-Custom_1"))).toEqual({ kind: "new", fields: f });
  expect(popView(SAMPLE_RECORDS, { ...f, Custom_2: "CUST-77" }, DEFAULT_VARIANT).kind).toBe("new");
  // With a number, SAP searches by the number.
  expect(popView(SAMPLE_RECORDS, { ...f, ANI: "+14155550132" }, DEFAULT_VARIANT)).toEqual({ kind: "record", id: "1000121" });
});
