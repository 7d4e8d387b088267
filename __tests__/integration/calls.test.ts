/**
 * Calls end to end through the real @wxcc-desktop/sdk (issue 2): emulated desktop host → SDK →
 * widget → channel → mashup → SAP test double. Each test asserts the exact payload sequence.
 */
import { Harness, brief } from "../support/harness";
import { legReferenceId, originalReferenceId } from "../../sap-mashup/reference-ids";

let h: Harness;
beforeEach(() => (h = new Harness()));
afterEach(() => h.close());

test("inbound call offer → accept → hold → resume → end → wrap-up: exactly NOTIFY, ACCEPT, END with stable IDs", async () => {
  const a = await h.agent();
  const id = h.cc.inbound({ from: "+14696762938", to: a.agentId, dnis: "+18005550100" });
  await h.settle();
  await a.desktop.agentContact.accept({ interactionId: id });
  await h.settle();
  await a.desktop.agentContact.hold({ interactionId: id, isPostCallConsult: false, data: { mediaResourceId: id } });
  await a.desktop.agentContact.unHold({ interactionId: id, isPostCallConsult: false, data: { mediaResourceId: id } });
  await h.settle();
  await a.desktop.agentContact.end({ interactionId: id });
  await h.settle();
  await a.desktop.agentContact.wrapup({ interactionId: id, data: { wrapUpReason: "Resolved", auxCodeId: "wrap-resolved", isAutoWrapup: "false" } });
  await h.settle();

  const ref = legReferenceId(id, a.agentId);
  const orig = originalReferenceId(id);
  expect(orig).toBe(id.replace(/-/g, "").toUpperCase());
  expect(a.sap.payloads.map((p) => p.fields)).toEqual([
    { Type: "CALL", EventType: "INBOUND", Action: "NOTIFY", ANI: "+14696762938", ExternalReferenceID: ref, ExternalOriginalReferenceID: orig, DNIS: "+18005550100" },
    { Type: "CALL", EventType: "INBOUND", Action: "ACCEPT", ANI: "+14696762938", ExternalReferenceID: ref, ExternalOriginalReferenceID: orig, DNIS: "+18005550100" },
    { Type: "CALL", EventType: "UPDATEACTIVITY", Action: "END", ANI: "+14696762938", ExternalReferenceID: ref, ExternalOriginalReferenceID: orig, DNIS: "+18005550100" },
  ]);
  expect(a.sap.violations).toEqual([]);
  expect(a.sap.payloads.every((p) => p.format === "json")).toBe(true);
  // The SDK really went through the host: accept/hold/unHold/end/wrapup were requested there.
  expect(a.host.requests.map((r) => r.method).filter((m) => m.startsWith("aqm.contact"))).toEqual([
    "aqm.contact.accept", "aqm.contact.hold", "aqm.contact.unHold", "aqm.contact.end", "aqm.contact.wrapup",
  ]);
  expect(a.widget.link.pending).toBe(0);
});

test("RONA (offer not answered) produces NOTIFY then END and no activity", async () => {
  const a = await h.agent();
  const id = h.cc.inbound({ from: "+4915112345678", to: a.agentId });
  await h.settle();
  h.cc.rona(id, a.agentId);
  await h.settle();
  expect(a.sap.payloads.map((p) => brief(p.fields))).toEqual([
    "Type=CALL EventType=INBOUND Action=NOTIFY ANI=+4915112345678",
    "Type=CALL EventType=UPDATEACTIVITY Action=END ANI=+4915112345678",
  ]);
  expect(a.sap.violations).toEqual([]);
});

test("customer hangs up: END for this agent's leg, once, even though wrap-up follows", async () => {
  const a = await h.agent();
  const id = h.cc.inbound({ from: "+14155550100", to: a.agentId });
  await h.settle();
  await a.desktop.agentContact.accept({ interactionId: id });
  h.cc.customerEnds(id);
  await h.settle();
  await a.desktop.agentContact.wrapup({ interactionId: id, data: { wrapUpReason: "Resolved", auxCodeId: "wrap-resolved", isAutoWrapup: "false" } });
  await h.settle();
  expect(a.sap.summary).toEqual(["CALL INBOUND NOTIFY", "CALL INBOUND ACCEPT", "CALL UPDATEACTIVITY END"]);
  expect(a.sap.violations).toEqual([]);
});

test("XML mode posts well-formed XML with the same fields, every value escaped", async () => {
  const a = await h.agent({ query: "&format=xml" });
  const id = h.cc.inbound({ from: "+14155550100", to: a.agentId, dnis: "<&\"'>" });
  await h.settle();
  const raw = a.sap.payloads[0]?.raw as string;
  expect(typeof raw).toBe("string");
  expect(raw.startsWith('<?xml version="1.0" encoding="utf-8"?><payload><Type>CALL</Type><EventType>INBOUND</EventType><Action>NOTIFY</Action><ANI>+14155550100</ANI>')).toBe(true);
  expect(raw).toContain("<DNIS>&lt;&amp;&quot;&apos;&gt;</DNIS>");
  expect(a.sap.payloads[0]?.fields.DNIS).toBe("<&\"'>");
  expect(a.sap.payloads[0]?.fields.ExternalReferenceID).toBe(legReferenceId(id, a.agentId));
});
