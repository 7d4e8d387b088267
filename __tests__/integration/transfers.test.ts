/**
 * Transfers, consults and conferences across two (or three) agents, each with its own desktop,
 * real SDK, mashup and SAP page (issue 3). Every agent's leg has its own ExternalReferenceID and
 * the conversation's ExternalOriginalReferenceID; each test asserts each SAP page's exact sequence.
 */
import type { Desktop } from "@wxcc-desktop/sdk";
import { Harness, type AgentChain, WRAP_UP } from "../support/harness";
import { legReferenceId, originalReferenceId } from "../../sap-mashup/reference-ids";
import type { ReceiveVariant } from "../../sandbox/desktop-host/contact-center";

let h: Harness;
beforeEach(() => (h = new Harness()));
afterEach(() => h.close());

const sdk = (a: AgentChain) => a.desktop as unknown as typeof Desktop;
const WRAP = WRAP_UP;

/** `Action ExternalReferenceID ExternalOriginalReferenceID` per payload: who got what, for which leg. */
const seq = (a: AgentChain) => a.sap.payloads.map((p) => `${p.fields.Type} ${p.fields.EventType} ${p.fields.Action} ${p.fields.ExternalReferenceID} ${p.fields.ExternalOriginalReferenceID}`);
const line = (type: string, action: "NOTIFY" | "ACCEPT" | "END", id: string, a: AgentChain) =>
  `${type} ${action === "END" ? "UPDATEACTIVITY" : "INBOUND"} ${action} ${legReferenceId(id, a.agentId)} ${originalReferenceId(id)}`;

async function accepted(a: AgentChain, id: string): Promise<void> {
  await h.settle();
  await sdk(a).agentContact.accept({ interactionId: id });
  await h.settle();
}

async function wrapUp(a: AgentChain, id: string): Promise<void> {
  await sdk(a).agentContact.wrapup({ interactionId: id, data: WRAP });
  await h.settle();
}

function noViolations(...agents: AgentChain[]): void {
  for (const a of agents) expect(a.sap.violations).toEqual([]);
}

describe("blind transfer to another agent", () => {
  test.each<[string, "telephony" | "chat", ReceiveVariant]>([
    ["call, receiver gets a fresh offer", "telephony", "offer"],
    ["call, receiver sees an owner change", "telephony", "owner-change"],
    ["chat, receiver gets a fresh offer", "chat", "offer"],
    ["chat, receiver sees an owner change", "chat", "owner-change"],
  ])("%s: A's leg ends, B gets its own pop and activity under the same original ID", async (_name, media, variant) => {
    const a = await h.agent();
    const b = await h.agent();
    const from = media === "chat" ? "jane@example.com" : "+14155550100";
    const type = media === "chat" ? "CHAT" : "CALL";
    const id = h.cc.inbound({ media, from, to: a.agentId });
    await accepted(a, id);

    h.cc.transfer(id, a.agentId, b.agentId, variant);
    await h.settle();
    expect(seq(a)).toEqual([line(type, "NOTIFY", id, a), line(type, "ACCEPT", id, a), line(type, "END", id, a)]);
    if (variant === "offer") {
      expect(seq(b)).toEqual([line(type, "NOTIFY", id, b)]);
      await accepted(b, id);
    }
    expect(seq(b)).toEqual([line(type, "NOTIFY", id, b), line(type, "ACCEPT", id, b)]);
    await wrapUp(a, id);

    await sdk(b).agentContact.end({ interactionId: id });
    await h.settle();
    await wrapUp(b, id);

    expect(seq(a)).toEqual([line(type, "NOTIFY", id, a), line(type, "ACCEPT", id, a), line(type, "END", id, a)]);
    expect(seq(b)).toEqual([line(type, "NOTIFY", id, b), line(type, "ACCEPT", id, b), line(type, "END", id, b)]);
    expect(legReferenceId(id, a.agentId)).not.toBe(legReferenceId(id, b.agentId));
    // B's payloads identify the same customer as A's.
    const key = media === "chat" ? "Email" : "ANI";
    expect(new Set([...a.sap.payloads, ...b.sap.payloads].map((p) => p.fields[key]))).toEqual(new Set([from]));
    noViolations(a, b);
  });
});

test("transfer to a queue: A's leg ends at once; the agent the queue offers it to gets its own activity", async () => {
  const a = await h.agent();
  const b = await h.agent();
  const id = h.cc.inbound({ from: "+14155550100", to: a.agentId });
  await accepted(a, id);
  h.cc.transferToQueue(id, a.agentId, "Billing");
  await h.settle();
  expect(seq(a)).toEqual([line("CALL", "NOTIFY", id, a), line("CALL", "ACCEPT", id, a), line("CALL", "END", id, a)]);
  expect(seq(b)).toEqual([]);
  await wrapUp(a, id);

  h.cc.offerFromQueue(id, b.agentId);
  await accepted(b, id);
  h.cc.customerEnds(id);
  await h.settle();
  expect(seq(b)).toEqual([line("CALL", "NOTIFY", id, b), line("CALL", "ACCEPT", id, b), line("CALL", "END", id, b)]);
  expect(seq(a)).toHaveLength(3);
  noViolations(a, b);
});

test("transfer to a queue, receiver learns it by owner change only: NOTIFY and ACCEPT together", async () => {
  const a = await h.agent();
  const b = await h.agent();
  const id = h.cc.inbound({ media: "chat", from: "jane@example.com", to: a.agentId });
  await accepted(a, id);
  h.cc.transferToQueue(id, a.agentId, "Escalations");
  await h.settle();
  h.cc.offerFromQueue(id, b.agentId, "owner-change");
  await h.settle();
  expect(seq(b)).toEqual([line("CHAT", "NOTIFY", id, b), line("CHAT", "ACCEPT", id, b)]);
  expect(seq(a)).toEqual([line("CHAT", "NOTIFY", id, a), line("CHAT", "ACCEPT", id, a), line("CHAT", "END", id, a)]);
  noViolations(a, b);
});

describe("consult", () => {
  test("consulted agent gets a pop but no activity; the primary retrieves the call and nothing changes for it", async () => {
    const a = await h.agent();
    const b = await h.agent();
    const id = h.cc.inbound({ from: "+14155550100", to: a.agentId });
    await accepted(a, id);

    h.cc.consult(id, a.agentId, b.agentId);
    await h.settle();
    expect(seq(b)).toEqual([line("CALL", "NOTIFY", id, b)]);
    await accepted(b, id); // answers the consult: eAgentConsulting on both sides
    expect(b.host.requests.map((r) => r.method).filter((m) => m.startsWith("aqm.contact"))).toEqual(["aqm.contact.accept"]);
    expect(seq(b)).toEqual([line("CALL", "NOTIFY", id, b)]);

    h.cc.consultEnd(id, a.agentId, b.agentId);
    await h.settle();
    // The consult leg closes what it opened (the pop) and never had an activity.
    expect(seq(b)).toEqual([line("CALL", "NOTIFY", id, b), line("CALL", "END", id, b)]);
    expect(seq(a)).toEqual([line("CALL", "NOTIFY", id, a), line("CALL", "ACCEPT", id, a)]);
    expect(b.widget.tracker.get(id)).toBeUndefined(); // the consult task left B's desktop

    await sdk(a).agentContact.end({ interactionId: id });
    await h.settle();
    expect(seq(a)).toEqual([line("CALL", "NOTIFY", id, a), line("CALL", "ACCEPT", id, a), line("CALL", "END", id, a)]);
    expect(seq(b)).toHaveLength(2);
    noViolations(a, b);
  });

  test("a consult offer that is never answered ends with the consult: NOTIFY, END for B only", async () => {
    const a = await h.agent();
    const b = await h.agent();
    const id = h.cc.inbound({ from: "+14155550100", to: a.agentId });
    await accepted(a, id);
    h.cc.consult(id, a.agentId, b.agentId);
    await h.settle();
    h.cc.consultEnd(id, a.agentId, b.agentId);
    await h.settle();
    expect(seq(b)).toEqual([line("CALL", "NOTIFY", id, b), line("CALL", "END", id, b)]);
    expect(seq(a)).toEqual([line("CALL", "NOTIFY", id, a), line("CALL", "ACCEPT", id, a)]);
    noViolations(a, b);
  });

  test.each<[string, ReceiveVariant]>([
    ["consultee told by ContactAssigned with itself as owner", "offer"],
    ["consultee told by eContactOwnerChanged", "owner-change"],
  ])("consult → transfer (%s): B's consult leg becomes real (ACCEPT, later END), A's ends", async (_name, variant) => {
    const a = await h.agent();
    const b = await h.agent();
    const id = h.cc.inbound({ from: "+14155550100", to: a.agentId, dnis: "+18005550100" });
    await accepted(a, id);
    h.cc.consult(id, a.agentId, b.agentId);
    await accepted(b, id);
    h.cc.consultTransfer(id, a.agentId, b.agentId, variant);
    await h.settle();
    expect(seq(a)).toEqual([line("CALL", "NOTIFY", id, a), line("CALL", "ACCEPT", id, a), line("CALL", "END", id, a)]);
    expect(seq(b)).toEqual([line("CALL", "NOTIFY", id, b), line("CALL", "ACCEPT", id, b)]);
    await wrapUp(a, id);

    h.cc.customerEnds(id);
    await h.settle();
    await wrapUp(b, id);
    expect(seq(b)).toEqual([line("CALL", "NOTIFY", id, b), line("CALL", "ACCEPT", id, b), line("CALL", "END", id, b)]);
    expect(seq(a)).toHaveLength(3);
    // Both legs carry the same customer and service number; only the leg IDs differ.
    for (const p of [...a.sap.payloads, ...b.sap.payloads]) {
      expect(p.fields.ANI).toBe("+14155550100");
      expect(p.fields.DNIS).toBe("+18005550100");
    }
    noViolations(a, b);
  });
});

describe("conference", () => {
  test("chat consult → conference: the joining agent gets a pop and an activity that ends when it leaves", async () => {
    const a = await h.agent();
    const b = await h.agent();
    const id = h.cc.inbound({ media: "chat", from: "jane@example.com", to: a.agentId });
    await accepted(a, id);
    h.cc.consult(id, a.agentId, b.agentId);
    await accepted(b, id);
    expect(seq(b)).toEqual([line("CHAT", "NOTIFY", id, b)]);
    h.cc.consultConference(id, a.agentId, b.agentId);
    await h.settle();
    expect(seq(b)).toEqual([line("CHAT", "NOTIFY", id, b), line("CHAT", "ACCEPT", id, b)]);

    h.cc.leaveConference(id, b.agentId);
    await h.settle();
    expect(seq(b)).toEqual([line("CHAT", "NOTIFY", id, b), line("CHAT", "ACCEPT", id, b), line("CHAT", "END", id, b)]);
    // A stays with the customer until the chat ends.
    expect(seq(a)).toEqual([line("CHAT", "NOTIFY", id, a), line("CHAT", "ACCEPT", id, a)]);
    await wrapUp(b, id);

    h.cc.customerEnds(id);
    await h.settle();
    expect(seq(a)).toEqual([line("CHAT", "NOTIFY", id, a), line("CHAT", "ACCEPT", id, a), line("CHAT", "END", id, a)]);
    expect(seq(b)).toHaveLength(3);
    noViolations(a, b);
  });

  test("three agents in a chat conference (one joins directly): each activity ends when the chat ends", async () => {
    const a = await h.agent();
    const b = await h.agent();
    const c = await h.agent();
    const id = h.cc.inbound({ media: "chat", from: "jane@example.com", to: a.agentId });
    await accepted(a, id);
    h.cc.consult(id, a.agentId, b.agentId);
    await accepted(b, id);
    h.cc.consultConference(id, a.agentId, b.agentId);
    await h.settle();
    h.cc.joinConference(id, c.agentId);
    await h.settle();
    expect(seq(c)).toEqual([line("CHAT", "NOTIFY", id, c), line("CHAT", "ACCEPT", id, c)]);

    h.cc.customerEnds(id);
    await h.settle();
    for (const x of [a, b, c]) expect(seq(x)).toEqual([line("CHAT", "NOTIFY", id, x), line("CHAT", "ACCEPT", id, x), line("CHAT", "END", id, x)]);
    expect(new Set([a, b, c].map((x) => legReferenceId(id, x.agentId))).size).toBe(3);
    noViolations(a, b, c);
  });

  test("the agent who started the conference leaves first: its activity ends, the other agent keeps the chat", async () => {
    const a = await h.agent();
    const b = await h.agent();
    const id = h.cc.inbound({ media: "chat", from: "jane@example.com", to: a.agentId });
    await accepted(a, id);
    h.cc.joinConference(id, b.agentId);
    await h.settle();
    h.cc.leaveConference(id, a.agentId);
    await h.settle();
    expect(seq(a)).toEqual([line("CHAT", "NOTIFY", id, a), line("CHAT", "ACCEPT", id, a), line("CHAT", "END", id, a)]);
    expect(seq(b)).toEqual([line("CHAT", "NOTIFY", id, b), line("CHAT", "ACCEPT", id, b)]);
    await sdk(b).agentContact.end({ interactionId: id });
    await h.settle();
    expect(seq(b)).toEqual([line("CHAT", "NOTIFY", id, b), line("CHAT", "ACCEPT", id, b), line("CHAT", "END", id, b)]);
    noViolations(a, b);
  });
});
