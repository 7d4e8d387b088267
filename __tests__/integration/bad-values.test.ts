/**
 * Issue 11: bad data from Webex never reaches SAP malformed. Through the real SDK, a chat whose
 * customer address is "not-an-email", an e-mail from "a@b" and a call from "hello": each is
 * reported to SAP once per moment with the fields that are valid (the SAP double's contract checker
 * accepts every payload), and the agent gets exactly one notice per conversation, naming the value
 * masked. Before the fix the chat went out as `Email: "not-an-email"`.
 */
import { Harness, actions, type AgentChain, wrapupRequest } from "../support/harness";
import { legReferenceId, originalReferenceId } from "../../sap-mashup/reference-ids";

let h: Harness;
beforeEach(() => (h = Harness.quiet(["warn"])));
afterEach(() => h.close());

const ids = (id: string, a: AgentChain) => ({ ExternalReferenceID: legReferenceId(id, a.agentId), ExternalOriginalReferenceID: originalReferenceId(id) });

async function handle(a: AgentChain, id: string): Promise<void> {
  await h.settle();
  await actions(a).accept({ interactionId: id });
  await h.settle();
  await actions(a).end({ interactionId: id });
  await actions(a).wrapup(wrapupRequest(id));
  await h.settle();
}

test.each([
  { media: "chat" as const, from: "not-an-email", type: "CHAT", dnis: "chat-entry-point", kind: "n.fieldLeftOut", args: ["Email", "n***"] },
  { media: "email" as const, from: "a@b", type: "CHAT", dnis: "support@example.com", kind: "n.fieldLeftOut", args: ["Email", "a***"] },
  { media: "telephony" as const, from: "hello", type: "CALL", dnis: "+18005550100", kind: "n.badNumber", args: ["h***"] },
])("a $media from $from: NOTIFY, ACCEPT, END with only valid fields, one notice", async ({ media, from, type, dnis, kind, args }) => {
  const a = await h.agent({ query: "&defaultCountry=US" });
  const id = h.cc.inbound({ media, from, to: a.agentId });
  await handle(a, id);

  const common = { ...ids(id, a), DNIS: dnis };
  expect(a.sap.payloads.map((p) => p.fields)).toEqual([
    { Type: type, EventType: "INBOUND", Action: "NOTIFY", ...common },
    { Type: type, EventType: "INBOUND", Action: "ACCEPT", ...common },
    { Type: type, EventType: "UPDATEACTIVITY", Action: "END", ...common },
  ]);
  expect(a.sap.violations).toEqual([]);
  expect(a.raised).toHaveLength(1);
  expect(a.raised[0]).toMatchObject({ kind, args, level: "warn", ref: common.ExternalReferenceID, conversation: { interactionId: id } });
  expect(a.raised[0]!.text).not.toContain(from);
  // The log names the leg whole and never the raw value.
  const log = a.mashup.log.recent().map((l) => l.text);
  expect(log.some((l) => l.includes(args[args.length - 1]!) && l.includes(`leg ${common.ExternalReferenceID}`))).toBe(true);
  expect(log.filter((l) => l.includes(from))).toEqual([]);
});

test("three bad conversations at once: each reported, one notice each, nothing crosses over", async () => {
  const a = await h.agent({ query: "&defaultCountry=US" });
  const chat = h.cc.inbound({ media: "chat", from: "not-an-email", to: a.agentId });
  const mail = h.cc.inbound({ media: "email", from: "a@b", to: a.agentId });
  const call = h.cc.inbound({ media: "telephony", from: "hello", to: a.agentId });
  for (const id of [chat, mail, call]) await handle(a, id);
  for (const id of [chat, mail, call]) expect(a.sap.forLeg(ids(id, a).ExternalReferenceID).map((p) => p.fields.Action)).toEqual(["NOTIFY", "ACCEPT", "END"]);
  expect(a.sap.violations).toEqual([]);
  expect(a.raised.map((n) => n.ref)).toEqual([chat, mail, call].map((id) => ids(id, a).ExternalReferenceID));
});
