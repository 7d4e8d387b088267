/**
 * Issue 12, the pure parts of the SAP stand-in: what its Live Activity card says, and what its
 * tenant CRM accepts.
 */
import { liveLabel, titleOf } from "../../sandbox/entries/live-label";
import { CrmStore, checkNewCustomer } from "../../sandbox/sap-host/crm-store";
import { SAMPLE_RECORDS } from "../../sandbox/entries/crm-data";

const call = (EventType: string, ANI?: string) => ({ Type: "CALL", EventType, Action: "NOTIFY", ...(ANI ? { ANI } : {}) });

test("titles say incoming or outgoing, and call, chat, e-mail or message", () => {
  expect(titleOf(call("INBOUND", "+14155550132"))).toBe("Incoming call from +14155550132");
  expect(titleOf(call("OUTBOUND", "+12125550175"))).toBe("Outgoing call to +12125550175");
  expect(titleOf(call("INBOUND"))).toBe("Incoming call from an unknown number");
  expect(titleOf({ Type: "CHAT", Email: "li.wei@mail.example" }, "chat")).toBe("Chat from li.wei@mail.example");
  expect(titleOf({ Type: "CHAT", Email: "li.wei@mail.example" }, "email")).toBe("E-mail from li.wei@mail.example");
  expect(titleOf({ Type: "MESSAGE", ANI: "+393471234567", ChannelId: "WHATSAPP_1" })).toBe("Message from +393471234567 (WHATSAPP_1)");
});

test("statuses: ringing and dialling only for calls not yet accepted; consult for the whole consult; conference", () => {
  const since = "10:00:00.000";
  expect(liveLabel(call("INBOUND", "+1"), false, undefined, since).status).toBe("ringing");
  expect(liveLabel(call("OUTBOUND", "+1"), false, undefined, since).status).toBe("dialling…");
  expect(liveLabel({ Type: "CHAT", Email: "a@b.example" }, false, { media: "email", type: "AgentOfferContact", consult: false }, since).status).toBe("offered: accept it in the Agent Desktop");
  expect(liveLabel(call("INBOUND", "+1"), false, { media: "telephony", type: "AgentOfferConsult", consult: true }, since).status).toBe("consult request from a colleague: no activity is logged for it");
  expect(liveLabel(call("INBOUND", "+1"), false, { media: "telephony", type: "AgentConsulting", consult: true }, since).status).toBe("consult with a colleague: no activity is logged for it");
  expect(liveLabel(call("INBOUND", "+1"), true, { media: "telephony", type: "AgentContactAssigned", consult: false }, since).status).toBe("connected · since 10:00:00.000");
  expect(liveLabel({ Type: "CHAT", Email: "a@b.example" }, true, { media: "chat", type: "ParticipantJoinedConference", consult: false }, since).status).toBe("conference · since 10:00:00.000");
  expect(liveLabel({ Type: "CHAT", Email: "a@b.example" }, true, { media: "chat", type: "ParticipantLeftConference", consult: false }, since).status).toBe("in progress · since 10:00:00.000");
});

test("the CRM accepts a customer with a name and normalises the number; every store sees the same records", () => {
  expect(checkNewCustomer({ name: " Dana Whitfield ", phone: "+1 (469) 555-0123", email: "", city: "Austin, US" })).toEqual({ ok: true, value: { name: "Dana Whitfield", city: "Austin, US", phone: "+14695550123" } });
  const crm = new CrmStore();
  const seen: string[] = [];
  crm.onCreate((r) => seen.push(r.name));
  const r = crm.create({ name: "Dana Whitfield", phone: "+14695550123" });
  expect(r).toEqual({ id: "2000001", kind: "Individual Customer", name: "Dana Whitfield", city: "", phones: ["+14695550123"], emails: [] });
  expect(crm.records()).toEqual([...SAMPLE_RECORDS, r]);
  expect(seen).toEqual(["Dana Whitfield"]);
});

test("the CRM refuses bad input, naming each field and the expected form", () => {
  expect(checkNewCustomer({ name: "", phone: "12ab", email: "nobody" })).toEqual({
    ok: false,
    errors: ["name: required", 'phone: "12ab" is not a number in E.164 form (+ and 6–15 digits)', 'email: "nobody" is not an e-mail address'],
  });
  expect(checkNewCustomer(null)).toEqual({ ok: false, errors: ["name: required"] });
  expect(checkNewCustomer({ name: "x".repeat(81) })).toEqual({ ok: false, errors: ["name: at most 80 characters"] });
});
