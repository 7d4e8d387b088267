/**
 * Chats, emails and messaging end to end through the real @wxcc-desktop/sdk (issue 3), plus the
 * mashup's channel and call-attached-data mappings. Each test asserts the exact payload sequence.
 */
import type { Desktop } from "@wxcc-desktop/sdk";
import { Harness, type AgentChain, WRAP_UP } from "../support/harness";
import { legReferenceId, originalReferenceId } from "../../sap-mashup/reference-ids";
import type { Interaction } from "../../sandbox/desktop-host/messages";

let h: Harness;
beforeEach(() => (h = new Harness()));
afterEach(() => h.close());

const sdk = (a: AgentChain) => a.desktop as unknown as typeof Desktop;
const WRAP = WRAP_UP;

/** Offer → accept → end → wrap-up through the SDK, settling after each step. */
async function fullLife(a: AgentChain, id: string): Promise<void> {
  await h.settle();
  await sdk(a).agentContact.accept({ interactionId: id });
  await h.settle();
  await sdk(a).agentContact.end({ interactionId: id });
  await h.settle();
  await sdk(a).agentContact.wrapup({ interactionId: id, data: WRAP });
  await h.settle();
}

const ids = (id: string, a: AgentChain) => ({ ExternalReferenceID: legReferenceId(id, a.agentId), ExternalOriginalReferenceID: originalReferenceId(id) });

describe("live chat", () => {
  test("offer → accept → end: CHAT NOTIFY, ACCEPT, END identified by Email, DNIS as given", async () => {
    const a = await h.agent();
    const id = h.cc.inbound({ media: "chat", from: "jane.doe@example.com", to: a.agentId, dnis: "web-chat-entry" });
    await fullLife(a, id);
    const common = { Email: "jane.doe@example.com", ...ids(id, a), DNIS: "web-chat-entry" };
    expect(a.sap.payloads.map((p) => p.fields)).toEqual([
      { Type: "CHAT", EventType: "INBOUND", Action: "NOTIFY", ...common },
      { Type: "CHAT", EventType: "INBOUND", Action: "ACCEPT", ...common },
      { Type: "CHAT", EventType: "UPDATEACTIVITY", Action: "END", ...common },
    ]);
    expect(a.sap.violations).toEqual([]);
    expect(a.notices).toEqual([]);
  });

  test.each([
    ["callAssociatedDetails.ani only", (i: Interaction) => void ((i.callProcessingDetails as { ani: string }).ani = "")],
    ["callProcessingDetails.ani only", (i: Interaction) => void ((i.callAssociatedDetails as Partial<Interaction["callAssociatedDetails"]>).ani = undefined)],
  ])("the chat customer's e-mail is found in %s", async (_where, shape) => {
    const a = await h.agent();
    const id = h.cc.inbound({ media: "chat", from: "sam@example.org", to: a.agentId, shape });
    await h.settle();
    expect(a.sap.payloads.map((p) => p.fields)).toEqual([
      { Type: "CHAT", EventType: "INBOUND", Action: "NOTIFY", Email: "sam@example.org", ...ids(id, a), DNIS: "chat-entry-point" },
    ]);
  });

  test("a chat without any e-mail still pops (no Email) and the mashup says SAP cannot identify the customer", async () => {
    const a = await h.agent();
    const id = h.cc.inbound({
      media: "chat",
      from: "anon@example.org",
      to: a.agentId,
      shape: (i) => {
        (i.callProcessingDetails as { ani: string }).ani = "";
        (i.callAssociatedDetails as { ani: string }).ani = "";
      },
    });
    await h.settle();
    expect(a.sap.payloads.map((p) => p.fields.Action)).toEqual(["NOTIFY"]);
    expect(a.sap.payloads[0]?.fields.Email).toBeUndefined();
    expect(a.notices).toEqual([{ level: "warn", text: "No customer e-mail address came with this conversation, so SAP cannot find the customer. Search for them in SAP." }]);
  });
});

describe("email", () => {
  test("reported as CHAT with the from-address in Email, even when the ANI field differs", async () => {
    const a = await h.agent();
    const id = h.cc.inbound({
      media: "email",
      from: "buyer@shop.example",
      to: a.agentId,
      shape: (i) => {
        // The from-address is authoritative for e-mail; the ANI field may carry something else.
        (i.callProcessingDetails as { ani: string }).ani = "noreply@relay.example";
        (i.callAssociatedDetails as { ani: string }).ani = "noreply@relay.example";
      },
    });
    await fullLife(a, id);
    const common = { Email: "buyer@shop.example", ...ids(id, a), DNIS: "support@example.com" };
    expect(a.sap.payloads.map((p) => p.fields)).toEqual([
      { Type: "CHAT", EventType: "INBOUND", Action: "NOTIFY", ...common },
      { Type: "CHAT", EventType: "INBOUND", Action: "ACCEPT", ...common },
      { Type: "CHAT", EventType: "UPDATEACTIVITY", Action: "END", ...common },
    ]);
    expect(a.sap.violations).toEqual([]);
  });

  test("without a from-address the ANI field's e-mail is used", async () => {
    const a = await h.agent();
    const id = h.cc.inbound({ media: "email", from: "buyer@shop.example", to: a.agentId, shape: (i) => void (i.callProcessingDetails.fromAddress = "") });
    await h.settle();
    expect(a.sap.payloads.map((p) => p.fields)).toEqual([
      { Type: "CHAT", EventType: "INBOUND", Action: "NOTIFY", Email: "buyer@shop.example", ...ids(id, a), DNIS: "support@example.com" },
    ]);
  });
});

describe("messaging (social)", () => {
  test("WhatsApp → MESSAGE with ANI (E.164) and the mapped ChannelId", async () => {
    const a = await h.agent({ query: "&channels=whatsapp:Sinch_WhatsApp,sms:SMS_1" });
    const id = h.cc.inbound({ media: "social", channel: "whatsapp", from: "+30 6940 300597", to: a.agentId, dnis: "wa-entry" });
    await fullLife(a, id);
    const common = { ANI: "+306940300597", ...ids(id, a), DNIS: "wa-entry", ChannelId: "Sinch_WhatsApp" };
    expect(a.sap.payloads.map((p) => p.fields)).toEqual([
      { Type: "MESSAGE", EventType: "INBOUND", Action: "NOTIFY", ...common },
      { Type: "MESSAGE", EventType: "INBOUND", Action: "ACCEPT", ...common },
      { Type: "MESSAGE", EventType: "UPDATEACTIVITY", Action: "END", ...common },
    ]);
    expect(a.sap.violations).toEqual([]);
    expect(a.notices).toEqual([]);
  });

  test("channel names are matched case-insensitively (Webex 'SMS' → mapping 'sms')", async () => {
    const a = await h.agent({ query: "&channels=sms:SMS_1&defaultCountry=DE" });
    h.cc.inbound({ media: "social", channel: "SMS", from: "015112345678", to: a.agentId, dnis: "sms-entry" });
    await h.settle();
    expect(a.sap.payloads.map((p) => [p.fields.Type, p.fields.Action, p.fields.ANI, p.fields.ChannelId])).toEqual([["MESSAGE", "NOTIFY", "+4915112345678", "SMS_1"]]);
  });

  test("no mapping for the channel: a clear error in the mashup and nothing sent, for the whole conversation", async () => {
    const a = await h.agent({ query: "&channels=whatsapp:Sinch_WhatsApp" });
    const id = h.cc.inbound({ media: "social", channel: "facebook", from: "+14155550100", to: a.agentId });
    await fullLife(a, id);
    expect(a.sap.payloads).toEqual([]);
    const error = "This conversation is not shown in SAP: no SAP channel is set up for “facebook”. Ask your SAP administrator to add it to the connector's channels.";
    // Said once for the conversation, and gone with it.
    expect(a.notices).toEqual([{ level: "error", text: error }]);
    expect(a.raised[0]?.conversation).toEqual({ interactionId: id, media: "social", direction: "INBOUND", customer: "+*********00" });
    expect(a.mashup.notices.items).toEqual([]);
    // The widget's events were still handled (acknowledged), nothing is stuck.
    expect(a.widget.link.pending).toBe(0);
  });

  test("no channels parameter at all: messaging is refused visibly, calls still work", async () => {
    const a = await h.agent();
    h.cc.inbound({ media: "social", channel: "whatsapp", from: "+14155550100", to: a.agentId });
    const call = h.cc.inbound({ from: "+14155550111", to: a.agentId });
    await h.settle();
    expect(a.sap.payloads.map((p) => `${p.fields.Type} ${p.fields.Action} ${p.fields.ExternalReferenceID}`)).toEqual([`CALL NOTIFY ${legReferenceId(call, a.agentId)}`]);
    expect(a.notices).toEqual([
      { level: "error", text: "This conversation is not shown in SAP: no SAP channel is set up for “whatsapp”. Ask your SAP administrator to add it to the connector's channels." },
    ]);
  });

  test("a wrong channels parameter is a configuration error naming it (the mashup would not start)", () => {
    expect(() => h.config("&channels=whatsapp")).toThrow('channels: "whatsapp" is not of the form name:value');
    expect(() => h.config("&channels=whatsapp:Sinch WhatsApp")).toThrow('channels: "Sinch WhatsApp" is not a valid SAP channel id');
  });
});

describe("call-attached data → Custom_1..4", () => {
  test("mapped variables go to their Custom fields on every payload; unmapped ones never leave", async () => {
    const a = await h.agent({ query: "&cad=Case_Number:Custom_1,CustomerId:custom_3" });
    const id = h.cc.inbound({ from: "+14155550100", to: a.agentId, dnis: "+18005550100", cad: { Case_Number: "000123", CustomerId: "C-77", Secret_Note: "vip" } });
    await fullLife(a, id);
    const common = { ANI: "+14155550100", ...ids(id, a), DNIS: "+18005550100", Custom_1: "000123", Custom_3: "C-77" };
    expect(a.sap.payloads.map((p) => p.fields)).toEqual([
      { Type: "CALL", EventType: "INBOUND", Action: "NOTIFY", ...common },
      { Type: "CALL", EventType: "INBOUND", Action: "ACCEPT", ...common },
      { Type: "CALL", EventType: "UPDATEACTIVITY", Action: "END", ...common },
    ]);
    expect(a.sap.violations).toEqual([]);
  });

  test("works for chats too, and a mapped variable the conversation lacks is simply absent", async () => {
    const a = await h.agent({ query: "&cad=Case_Number:Custom_1,Order:Custom_2" });
    const id = h.cc.inbound({ media: "chat", from: "jane@example.com", to: a.agentId, cad: { Order: "SO-1" } });
    await h.settle();
    expect(a.sap.payloads.map((p) => p.fields)).toEqual([
      { Type: "CHAT", EventType: "INBOUND", Action: "NOTIFY", Email: "jane@example.com", ...ids(id, a), DNIS: "chat-entry-point", Custom_2: "SO-1" },
    ]);
  });

  test("secure call-associated variables are never sent, even when mapped", async () => {
    const a = await h.agent({ query: "&cad=Card:Custom_1" });
    h.cc.inbound({
      from: "+14155550100",
      to: a.agentId,
      cad: { Card: "4111111111111111" },
      shape: (i) => void (i.callAssociatedData!.Card!.isSecure = true),
    });
    await h.settle();
    expect(a.sap.payloads).toHaveLength(1);
    expect(a.sap.payloads[0]?.fields.Custom_1).toBeUndefined();
  });

  test("wrong cad mappings are configuration errors naming the parameter", () => {
    expect(() => h.config("&cad=Case_Number:Custom_5")).toThrow('cad: "Custom_5" is not one of Custom_1, Custom_2, Custom_3, Custom_4');
    expect(() => h.config("&cad=A:Custom_1,B:Custom_1")).toThrow("cad: Custom_1 is mapped twice");
    expect(() => h.config("&cad=Case_Number")).toThrow('cad: "Case_Number" is not of the form name:value');
  });
});

describe("SAP follows the conversation the agent selects", () => {
  /** A connected call and a connected chat; SAP last heard of the chat. */
  async function twoConversations(query?: string) {
    const a = await h.agent({ query });
    const call = h.cc.inbound({ from: "+14155550100", to: a.agentId, dnis: "+18005550100", cad: { Case: "42" } });
    await h.settle();
    await sdk(a).agentContact.accept({ interactionId: call });
    const chat = h.cc.inbound({ media: "chat", from: "jane@example.com", to: a.agentId });
    await h.settle();
    await sdk(a).agentContact.accept({ interactionId: chat });
    await h.settle();
    return { a, call, chat };
  }

  test("selecting another conversation re-sends that leg's NOTIFY (same IDs, never a second ACCEPT)", async () => {
    const { a, call, chat } = await twoConversations("&cad=Case:Custom_1");
    a.sap.payloads.length = 0;
    a.widget.select(call);
    await h.settle();
    expect(a.sap.payloads.map((p) => p.fields)).toEqual([
      { Type: "CALL", EventType: "INBOUND", Action: "NOTIFY", ANI: "+14155550100", ...ids(call, a), DNIS: "+18005550100", Custom_1: "42" },
    ]);
    a.widget.select(chat);
    await h.settle();
    a.widget.select(call);
    await h.settle();
    expect(a.sap.payloads.map((p) => `${p.fields.Type} ${p.fields.Action} ${p.fields.ExternalReferenceID}`)).toEqual([
      `CALL NOTIFY ${legReferenceId(call, a.agentId)}`,
      `CHAT NOTIFY ${legReferenceId(chat, a.agentId)}`,
      `CALL NOTIFY ${legReferenceId(call, a.agentId)}`,
    ]);
    // The SAP double's sequence check accepts a NOTIFY after ACCEPT, and the ledger did not change.
    expect(a.sap.violations).toEqual([]);
    expect(a.mashup.sync.selected).toBe(call);

    // Ending both still gives exactly one END each.
    await sdk(a).agentContact.end({ interactionId: call });
    await sdk(a).agentContact.end({ interactionId: chat });
    await h.settle();
    expect(a.sap.summary.slice(3)).toEqual(["CALL UPDATEACTIVITY END", "CHAT UPDATEACTIVITY END"]);
    expect(a.sap.violations).toEqual([]);
  });

  test("selecting the conversation SAP already shows sends nothing", async () => {
    const { a, chat } = await twoConversations();
    const before = a.sap.payloads.length;
    a.widget.select(chat);
    await h.settle();
    expect(a.sap.payloads).toHaveLength(before);
    expect(a.mashup.sync.selected).toBe(chat);
  });

  test("a new offer moves SAP's front: selecting the previous conversation brings it back", async () => {
    const { a, call, chat } = await twoConversations();
    a.widget.select(chat); // already in front: nothing
    const other = h.cc.inbound({ from: "+14155550199", to: a.agentId });
    await h.settle();
    a.sap.payloads.length = 0;
    a.widget.select(call);
    await h.settle();
    a.widget.select(other); // still offered: its NOTIFY again, no ACCEPT
    await h.settle();
    expect(a.sap.payloads.map((p) => `${p.fields.Action} ${p.fields.ExternalReferenceID}`)).toEqual([
      `NOTIFY ${legReferenceId(call, a.agentId)}`,
      `NOTIFY ${legReferenceId(other, a.agentId)}`,
    ]);
    expect(a.sap.violations).toEqual([]);
  });

  test("nothing is re-sent for a conversation SAP never got (unmapped channel) or that ended", async () => {
    const a = await h.agent();
    const social = h.cc.inbound({ media: "social", channel: "whatsapp", from: "+14155550100", to: a.agentId });
    const call = h.cc.inbound({ from: "+14155550111", to: a.agentId });
    await h.settle();
    await sdk(a).agentContact.accept({ interactionId: call });
    await h.settle();
    await sdk(a).agentContact.end({ interactionId: call });
    await h.settle();
    const before = a.sap.payloads.length;
    a.widget.select(social);
    await h.settle();
    a.widget.select(call); // ended, in wrap-up
    await h.settle();
    expect(a.sap.payloads).toHaveLength(before);
    expect(a.mashup.sync.selected).toBe(call);
  });

  test("followSelection=off: the selection is shown in the mashup only; SAP gets nothing", async () => {
    const { a, call } = await twoConversations("&followSelection=off");
    const before = a.sap.payloads.length;
    a.widget.select(call);
    await h.settle();
    expect(a.sap.payloads).toHaveLength(before);
    expect(a.mashup.sync.selected).toBe(call);
  });

  test("a wrong followSelection value is a configuration error naming the parameter", () => {
    expect(() => h.config("&followSelection=maybe")).toThrow('followSelection: "maybe" is not on or off');
    expect(h.config("&followSelection=OFF").followSelection).toBe(false);
    expect(h.config("").followSelection).toBeUndefined();
  });
});
