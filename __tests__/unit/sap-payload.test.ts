/**
 * The payload planner on plain data: every branch of what SAP still needs for a leg, the type and
 * identification per media, the channel and call-attached-data mappings, and the ID rules.
 */
import type { Leg } from "../../channel/protocol";
import { missingActions, newRecord, planLeg, sapTypeOf, type LegRecord, type PayloadConfig } from "../../sap-mashup/sap-payload";
import { legReferenceId, originalReferenceId } from "../../sap-mashup/reference-ids";
import { loadPhoneParser } from "../support/phone-parser";

beforeAll(loadPhoneParser);

const ID = "0ae913a4-c857-4705-8d49-000000000001";
const AGENT = "agent-1";
const REF = legReferenceId(ID, AGENT);
const ORIG = "0AE913A4C85747058D49000000000001";

function leg(o: Partial<Leg> = {}): Leg {
  return {
    interactionId: ID, agentId: AGENT, media: "telephony", channel: "telephony", direction: "INBOUND", role: "main", phase: "offered",
    held: false, customer: { ani: "+14155550100" }, dnis: "+18005550100", cad: {}, offeredAt: 1, ...o,
  };
}

const plan = (l: Leg, rec?: LegRecord, cfg: PayloadConfig = {}) => planLeg(l, rec, cfg, 100);
/** The conversation a notice names: channel and direction, the customer masked as in the logs. */
const conv = (l: Leg, customer: string) => ({ interactionId: l.interactionId, media: l.media, direction: l.direction, customer });
const actions = (l: Leg, rec?: LegRecord, cfg?: PayloadConfig) => plan(l, rec, cfg).payloads.map((p) => p.Action);

test("IDs: the original is the interaction id without dashes; the leg id is per agent, SAP-shaped", () => {
  expect(originalReferenceId(ID)).toBe(ORIG);
  expect(REF).toMatch(/^[A-F0-9]{32}$/);
  expect(legReferenceId(ID, "agent-2")).not.toBe(REF);
  expect(legReferenceId(ID, AGENT)).toBe(REF); // stable
  // A non-UUID id that would not fit SAP's rule is hashed instead.
  expect(originalReferenceId("x".repeat(40))).toMatch(/^[A-F0-9]{32}$/);
  expect(originalReferenceId("a_b")).toMatch(/^[A-F0-9]{32}$/);
});

describe("sapTypeOf", () => {
  test.each([
    ["telephony", "CALL"],
    ["chat", "CHAT"],
    ["email", "CHAT"],
    ["social", "MESSAGE"],
    ["other", undefined],
  ] as const)("%s → %s", (media, type) => expect(sapTypeOf(leg({ media }))).toBe(type));
});

describe("missingActions", () => {
  test.each([
    ["offered", "main", [], ["NOTIFY"]],
    ["offered", "main", ["NOTIFY"], []],
    ["connected", "main", [], ["NOTIFY", "ACCEPT"]],
    ["connected", "main", ["NOTIFY"], ["ACCEPT"]],
    ["connected", "main", ["NOTIFY", "ACCEPT"], []],
    ["connected", "consult", [], ["NOTIFY"]],
    ["connected", "consult", ["NOTIFY"], []],
    ["ended", "main", [], []],
    ["ended", "main", ["NOTIFY"], ["END"]],
    ["ended", "main", ["NOTIFY", "ACCEPT"], ["END"]],
    ["ended", "main", ["NOTIFY", "ACCEPT", "END"], []],
    ["connected", "main", ["NOTIFY", "END"], []],
  ] as const)("%s %s after %j → %j", (phase, role, posted, expected) => {
    expect(missingActions(leg({ phase, role }), [...posted])).toEqual(expected);
  });
});

describe("planLeg", () => {
  test("a call offered then connected then ended: exact payloads, each once", () => {
    const a = plan(leg());
    expect(a.payloads).toEqual([
      { Type: "CALL", EventType: "INBOUND", Action: "NOTIFY", ANI: "+14155550100", ExternalReferenceID: REF, ExternalOriginalReferenceID: ORIG, DNIS: "+18005550100" },
    ]);
    expect(a.record).toMatchObject({ ref: REF, interactionId: ID, agentId: AGENT, posted: ["NOTIFY"], at: 100 });
    expect(plan(leg(), a.record).payloads).toEqual([]);
    const b = plan(leg({ phase: "connected" }), a.record);
    expect(b.payloads.map((p) => [p.Action, p.EventType])).toEqual([["ACCEPT", "INBOUND"]]);
    const c = plan(leg({ phase: "ended" }), b.record);
    expect(c.payloads).toEqual([
      { Type: "CALL", EventType: "UPDATEACTIVITY", Action: "END", ANI: "+14155550100", ExternalReferenceID: REF, ExternalOriginalReferenceID: ORIG, DNIS: "+18005550100" },
    ]);
    expect(plan(leg({ phase: "ended" }), c.record).payloads).toEqual([]);
    expect(c.record.leg).toEqual({ ...leg({ phase: "ended" }), cad: {} });
  });

  test("the record passed in is not mutated", () => {
    const rec = newRecord(leg(), 1);
    plan(leg({ phase: "connected" }), rec);
    expect(rec.posted).toEqual([]);
  });

  test("a leg that ended before SAP saw anything sends nothing", () => {
    expect(plan(leg({ phase: "ended" }))).toMatchObject({ payloads: [], notices: [] });
  });

  test("outbound call: EventType OUTBOUND and the ActivityUUID from click-to-dial on every payload", () => {
    const rec = { ...newRecord(leg(), 1), activityUUID: "00163e2a-1234-1eda-b895-42c904e08752" };
    const p = plan(leg({ direction: "OUTBOUND", phase: "connected" }), rec);
    expect(p.payloads.map((x) => [x.EventType, x.Action, x.ActivityUUID])).toEqual([
      ["OUTBOUND", "NOTIFY", rec.activityUUID],
      ["OUTBOUND", "ACCEPT", rec.activityUUID],
    ]);
  });

  test("consult leg: NOTIFY while connected, END when it ends, never ACCEPT", () => {
    const a = plan(leg({ role: "consult", phase: "connected" }));
    expect(a.payloads.map((p) => p.Action)).toEqual(["NOTIFY"]);
    expect(actions(leg({ role: "consult", phase: "ended" }), a.record)).toEqual(["END"]);
  });

  test("a consult leg that becomes a real one gets its ACCEPT then", () => {
    const a = plan(leg({ role: "consult", phase: "connected" }));
    expect(actions(leg({ role: "main", phase: "connected" }), a.record)).toEqual(["ACCEPT"]);
  });

  describe("rehydrated legs with nothing remembered (never a second activity)", () => {
    test("connected main: assumed NOTIFY+ACCEPT, nothing sent, END later", () => {
      const a = plan(leg({ phase: "connected", rehydrated: true }));
      expect(a.payloads).toEqual([]);
      expect(a.record.posted).toEqual(["NOTIFY", "ACCEPT"]);
      expect(actions(leg({ phase: "ended" }), a.record)).toEqual(["END"]);
    });
    test("connected consult: assumed NOTIFY only", () => {
      expect(plan(leg({ phase: "connected", role: "consult", rehydrated: true })).record.posted).toEqual(["NOTIFY"]);
    });
    test("ended: assumed, and closed with END", () => {
      expect(actions(leg({ phase: "ended", rehydrated: true }))).toEqual(["END"]);
    });
    test("offered: nothing assumed, a normal NOTIFY", () => {
      expect(actions(leg({ phase: "offered", rehydrated: true }))).toEqual(["NOTIFY"]);
    });
    test("with something remembered the assumption is not made", () => {
      const rec: LegRecord = { ...newRecord(leg(), 1), posted: ["NOTIFY"] };
      expect(actions(leg({ phase: "connected", rehydrated: true }), rec)).toEqual(["ACCEPT"]);
    });
  });

  test("other media: a warning, nothing sent", () => {
    const l = leg({ media: "other", channel: "fax" });
    const p = plan(l);
    expect(p.payloads).toEqual([]);
    expect(p.notices).toEqual([
      {
        kind: "n.noSapType",
        level: "warn",
        args: [],
        text: "This conversation is not shown in SAP: SAP has no type for this kind of conversation. Handle it in the Agent Desktop.",
        conversation: conv(l, "+*********00"),
        cause: `conv:${ID}`,
        detail: "media other, channel fax",
      },
    ]);
  });

  describe("chat and email", () => {
    test("CHAT with Email; DNIS as given (not a phone number); no ANI", () => {
      const p = plan(leg({ media: "email", channel: "email", customer: { email: "a@b.example", ani: "+1415" }, dnis: "support@example.com" }));
      expect(p.payloads).toEqual([
        { Type: "CHAT", EventType: "INBOUND", Action: "NOTIFY", Email: "a@b.example", ExternalReferenceID: REF, ExternalOriginalReferenceID: ORIG, DNIS: "support@example.com" },
      ]);
      expect(p.notices).toEqual([]);
    });
    test("no e-mail: sent without Email, with a warning", () => {
      const l = leg({ media: "chat", channel: "chat", customer: {}, dnis: undefined });
      const p = plan(l);
      expect(p.payloads).toEqual([{ Type: "CHAT", EventType: "INBOUND", Action: "NOTIFY", ExternalReferenceID: REF, ExternalOriginalReferenceID: ORIG }]);
      expect(p.notices).toEqual([
        {
          kind: "n.noEmail",
          level: "warn",
          args: [],
          text: "No customer e-mail address came with this conversation, so SAP cannot find the customer. Search for them in SAP.",
          conversation: conv(l, ""),
          cause: `conv:${ID}`,
        },
      ]);
    });
  });

  describe("messaging and the channel mapping", () => {
    const social = (channel: string) => leg({ media: "social", channel, customer: { ani: "+306940300597" }, dnis: "wa-entry" });
    test("mapped channel → MESSAGE with ChannelId and ANI", () => {
      const p = plan(social("whatsapp"), undefined, { channelIds: { whatsapp: "Sinch_WhatsApp" } });
      expect(p.payloads).toEqual([
        { Type: "MESSAGE", EventType: "INBOUND", Action: "NOTIFY", ANI: "+306940300597", ExternalReferenceID: REF, ExternalOriginalReferenceID: ORIG, DNIS: "wa-entry", ChannelId: "Sinch_WhatsApp" },
      ]);
    });
    test.each([
      ["no mapping at all", {}],
      ["an empty mapping", { channelIds: {} }],
      ["a mapping for other channels", { channelIds: { sms: "SMS_1" } }],
    ])("%s → a clear error and nothing sent, nothing recorded", (_n, cfg: PayloadConfig) => {
      const p = plan(social("facebook"), undefined, cfg);
      expect(p.payloads).toEqual([]);
      expect(p.record.posted).toEqual([]);
      expect(p.notices).toEqual([
        {
          kind: "n.noChannelId",
          level: "error",
          args: ["facebook"],
          text: "This conversation is not shown in SAP: no SAP channel is set up for “facebook”. Ask your SAP administrator to add it to the connector's channels.",
          conversation: conv(social("facebook"), "+**********97"),
          cause: `conv:${ID}`,
          detail: 'add facebook to the mashup\'s "channels" parameter',
        },
      ]);
    });
    test("an ended unmapped conversation is silent (nothing was opened)", () => {
      expect(plan(leg({ media: "social", channel: "facebook", phase: "ended" }))).toMatchObject({ payloads: [], notices: [] });
    });
  });

  describe("numbers", () => {
    test("a national number is made E.164 with the default country; DNIS too", () => {
      const p = plan(leg({ customer: { ani: "015112345678" }, dnis: "089 12345000" }), undefined, { defaultCountry: "DE" });
      expect([p.payloads[0]!.ANI, p.payloads[0]!.DNIS]).toEqual(["+4915112345678", "+498912345000"]);
    });
    test("an unusable number: no ANI, one warning naming it masked; DNIS kept as given when not a number", () => {
      const p = plan(leg({ customer: { ani: "anonymous" }, dnis: "sip:queue" }));
      expect(p.payloads[0]!.ANI).toBeUndefined();
      expect(p.payloads[0]!.DNIS).toBe("sip:queue");
      expect(p.notices.map((n) => [n.kind, n.level, n.args, n.detail])).toEqual([["n.badNumber", "warn", ["a***"], "not a phone number"]]);
      expect(p.notices[0]!.text).toBe("The customer's number a*** cannot be used, so SAP cannot find the caller. Search for them in SAP.");
    });
    test("no number: a warning, still a pop", () => {
      const l = leg({ customer: {} });
      const p = plan(l);
      expect(p.payloads.map((x) => x.Action)).toEqual(["NOTIFY"]);
      expect(p.notices).toEqual([
        {
          kind: "n.noNumber",
          level: "warn",
          args: [],
          text: "No customer number came with this conversation, so SAP cannot find the caller. Search for them in SAP.",
          conversation: conv(l, ""),
          cause: `conv:${ID}`,
        },
      ]);
    });
  });

  describe("call-attached data → Custom fields", () => {
    test("mapped variables are sent; unmapped and empty ones are not", () => {
      const l = leg({ cad: { Case: "000123", Cust: "C-7", Empty: "", Other: "x" } });
      const p = plan(l, undefined, { cadFields: { Case: "Custom_1", Cust: "Custom_4", Empty: "Custom_2", Missing: "Custom_3" } });
      expect(p.payloads[0]).toEqual({
        Type: "CALL", EventType: "INBOUND", Action: "NOTIFY", ANI: "+14155550100", ExternalReferenceID: REF, ExternalOriginalReferenceID: ORIG, DNIS: "+18005550100",
        Custom_1: "000123", Custom_4: "C-7",
      });
    });
    test("call-associated data is not kept in the record (it may be sensitive and is not needed for END)", () => {
      expect(plan(leg({ cad: { Case: "1" } })).record.leg!.cad).toEqual({});
    });
  });
});

/** Issue 11: a value that breaks its SAP field rule is left out; the conversation is still reported. */
describe("values that break an SAP field rule", () => {
  const chat = (email: string, media: Leg["media"] = "chat") => leg({ media, channel: media, customer: { email }, dnis: "chat-entry-point" });

  test.each([
    ["chat", "not-an-email", "n***"],
    ["email", "a@b", "a***"],
    ["chat", "jane doe@example.com", "j***"],
  ] as const)("a %s from %j: reported without Email, one notice with the address masked", (media, email, masked) => {
    const p = plan(chat(email, media));
    expect(p.payloads).toEqual([{ Type: "CHAT", EventType: "INBOUND", Action: "NOTIFY", ExternalReferenceID: REF, ExternalOriginalReferenceID: ORIG, DNIS: "chat-entry-point" }]);
    expect(p.notices.map((n) => [n.kind, n.level, n.args, n.conversation?.interactionId])).toEqual([["n.fieldLeftOut", "warn", ["Email", masked], ID]]);
    expect(p.notices[0]!.text).toBe(`SAP did not get the Email of this conversation: “${masked}” is not a valid value for it. The rest was sent; check the customer's details in SAP.`);
    expect(JSON.stringify(p.notices)).not.toContain(email);
  });

  test("a valid address with spaces around it is sent trimmed", () => {
    expect(plan(chat("  li.wei@mail.example ")).payloads[0]!.Email).toBe("li.wei@mail.example");
  });

  test("a call from \"hello\": no ANI, DNIS kept, one notice", () => {
    const p = plan(leg({ customer: { ani: "hello" } }));
    expect(p.payloads).toEqual([{ Type: "CALL", EventType: "INBOUND", Action: "NOTIFY", ExternalReferenceID: REF, ExternalOriginalReferenceID: ORIG, DNIS: "+18005550100" }]);
    expect(p.notices.map((n) => [n.kind, n.args])).toEqual([["n.badNumber", ["h***"]]]);
  });

  test("a Custom_n value longer than 255 characters or with a control character is left out; the others are sent", () => {
    const cadFields = { Case: "Custom_1", Note: "Custom_2", Tier: "Custom_3" } as const;
    const p = plan(leg({ cad: { Case: "C".repeat(256), Note: "line\u0007bell", Tier: "gold" } }), undefined, { cadFields });
    expect(p.payloads[0]).toEqual({ Type: "CALL", EventType: "INBOUND", Action: "NOTIFY", ANI: "+14155550100", ExternalReferenceID: REF, ExternalOriginalReferenceID: ORIG, DNIS: "+18005550100", Custom_3: "gold" });
    expect(p.notices.map((n) => [n.kind, n.args])).toEqual([["n.fieldLeftOut", ["Custom_1, Custom_2", "C***”, “l***"]]]);
    expect(plan(leg({ cad: { Case: "C".repeat(255) } }), undefined, { cadFields }).payloads[0]!.Custom_1).toHaveLength(255);
  });

  test("every payload of the leg carries the same valid fields, and the notice text does not change between them", () => {
    const offered = plan(chat("not-an-email"));
    const connected = plan({ ...chat("not-an-email"), phase: "connected" }, offered.record);
    const ended = plan({ ...chat("not-an-email"), phase: "ended" }, connected.record);
    expect([...offered.payloads, ...connected.payloads, ...ended.payloads].map((x) => x.Email)).toEqual([undefined, undefined, undefined]);
    expect(new Set([...offered.notices, ...connected.notices, ...ended.notices].map((n) => n.text)).size).toBe(1);
  });
});

describe("endForm", () => {
  const ended = (cfg: PayloadConfig, direction: Leg["direction"] = "INBOUND") => {
    const connected = plan(leg({ phase: "connected", direction }), undefined, cfg);
    return plan(leg({ phase: "ended", direction }), connected.record, cfg).payloads;
  };
  test("default: END with EventType UPDATEACTIVITY", () => {
    expect(ended({}).map((p) => `${p.EventType} ${p.Action}`)).toEqual(["UPDATEACTIVITY END"]);
  });
  test("direction: END with the leg's direction, NOTIFY and ACCEPT unchanged", () => {
    expect(ended({ endForm: "direction" }).map((p) => `${p.EventType} ${p.Action}`)).toEqual(["INBOUND END"]);
    expect(ended({ endForm: "direction" }, "OUTBOUND").map((p) => `${p.EventType} ${p.Action}`)).toEqual(["OUTBOUND END"]);
    expect(plan(leg({ phase: "connected" }), undefined, { endForm: "direction" }).payloads.map((p) => `${p.EventType} ${p.Action}`)).toEqual(["INBOUND NOTIFY", "INBOUND ACCEPT"]);
  });
});
