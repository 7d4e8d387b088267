/**
 * The tracker on plain data (no SDK): every signal and branch, and malformed input. Messages are
 * built with the emulator's builder, which the compiler checks against Cisco's own types.
 */
import { ConversationTracker, CONTACT_EVENTS, type TrackerChange } from "../../widget/conversation-tracker";
import { contactMessage, newInteraction, type AgentContactData, type ContactSignal, type Interaction, type MediaType } from "../../sandbox/desktop-host/messages";

const ME = "agent-me";
const OTHER = "agent-other";
const ORG = "org-1";
const ID = "0ae913a4-c857-4705-8d49-000000000001";

function interaction(o: { media?: MediaType; channel?: string; customer?: string; direction?: "INBOUND" | "OUTBOUND"; cad?: Record<string, string>; owner?: string; id?: string } = {}): Interaction {
  const i = newInteraction({
    interactionId: o.id ?? ID,
    orgId: ORG,
    mediaType: o.media ?? "telephony",
    mediaChannel: o.channel ?? o.media ?? "telephony",
    direction: o.direction ?? "INBOUND",
    customer: o.customer ?? "+14155550100",
    dnis: "+18005550100",
    queueName: "Support",
    cad: o.cad,
    createdTimestamp: 1000,
  });
  if (o.owner !== undefined) i.owner = o.owner;
  return i;
}

const msg = (signal: ContactSignal, i: Interaction, extra: Partial<AgentContactData> = {}, to = ME) => contactMessage(signal, i, to, 5000, extra);
const brief = (changes: TrackerChange[]) => changes.map((c) => `${c.leg.role} ${c.leg.phase}${c.closed ? " closed" : ""}`);

let t: ConversationTracker;
beforeEach(() => {
  t = new ConversationTracker();
});

describe("malformed input returns nothing and never throws", () => {
  const garbage: unknown[] = [
    undefined, null, 0, "x", [], {}, { data: null }, { data: [] }, { data: "x" }, { data: {} },
    { data: { interactionId: "" } }, { data: { interactionId: "   " } }, { data: { interactionId: 5 } },
    { data: { interactionId: "x".repeat(201) } }, { data: { interaction: { interactionId: 7 } } },
  ];
  test.each(CONTACT_EVENTS.map((s) => [s]))("%s with garbage", (signal) => {
    for (const g of garbage) expect(t.apply(signal, g, 1)).toEqual([]);
    expect(t.allLegs()).toEqual([]);
  });

  test("odd shapes inside a valid message are read defensively", () => {
    const odd = {
      data: {
        interactionId: ID,
        agentId: ME,
        eventTime: -5, // not usable: `now` is used instead
        interaction: {
          mediaType: 42,
          mediaChannel: null,
          contactDirection: "INBOUND",
          callProcessingDetails: [],
          callAssociatedDetails: { ani: { nested: true }, customerName: 7 },
          callAssociatedData: { a: { value: { deep: 1 } }, b: "plain", c: 3, d: { name: "", value: true }, e: null },
          media: { x: null, y: "z" },
          participants: "nobody",
        },
      },
    };
    const changes = t.apply("eAgentOfferContact", odd, 77);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.leg).toEqual({
      interactionId: ID, agentId: ME, media: "other", channel: "other", direction: "INBOUND", role: "main", phase: "offered",
      held: false, customer: {}, cad: { b: "plain", c: "3", d: "true" }, offeredAt: 77,
    });
  });

  test("an unknown signal name does nothing", () => {
    expect(t.apply("eSomethingNew", msg("eAgentOfferContact", interaction()), 1)).toEqual([]);
  });

  test("more than 100 call-associated variables: the rest are ignored", () => {
    const cad: Record<string, string> = {};
    for (let n = 0; n < 150; n++) cad[`v${n}`] = String(n);
    const [c] = t.apply("eAgentOfferContact", msg("eAgentOfferContact", interaction({ cad })), 1);
    expect(Object.keys(c!.leg.cad)).toHaveLength(100);
  });
});

describe("offer, assign, hold, end", () => {
  test("inbound call: offered → connected → held → unheld → ended → closed", () => {
    const i = interaction({ cad: { Case: "1" } });
    const offered = t.apply("eAgentOfferContact", msg("eAgentOfferContact", i), 1);
    expect(offered[0]!.leg).toEqual({
      interactionId: ID, agentId: ME, media: "telephony", channel: "telephony", direction: "INBOUND", role: "main", phase: "offered",
      held: false, customer: { ani: "+14155550100" }, dnis: "+18005550100", cad: { Case: "1" }, offeredAt: 5000,
    });
    expect(t.agent).toBe(ME);
    expect(brief(t.apply("eAgentContactAssigned", msg("eAgentContactAssigned", { ...i, owner: ME }), 2))).toEqual(["main connected"]);
    expect(t.get(ID)!.connectedAt).toBe(5000);
    const held = { ...i, media: { [ID]: { ...i.media[ID]!, isHold: true } } };
    expect(t.apply("eAgentContactHeld", msg("eAgentContactHeld", held), 3).map((c) => c.leg.held)).toEqual([true]);
    expect(t.apply("eAgentContactHeld", msg("eAgentContactHeld", held), 3)).toEqual([]); // already held
    expect(t.apply("eAgentContactUnHeld", msg("eAgentContactUnHeld", i), 4).map((c) => c.leg.held)).toEqual([false]);
    expect(brief(t.apply("eAgentContactEnded", msg("eAgentContactEnded", i), 5))).toEqual(["main ended"]);
    expect(t.apply("eAgentWrapup", msg("eAgentWrapup", i), 6)).toEqual([]); // already ended, not closed
    expect(t.openLegs()).toEqual([]);
    expect(brief(t.apply("eAgentContactWrappedUp", msg("eAgentContactWrappedUp", i), 7))).toEqual(["main ended closed"]);
    expect(t.get(ID)).toBeUndefined();
    expect(t.apply("eAgentContactWrappedUp", msg("eAgentContactWrappedUp", i), 8)).toEqual([]); // unknown now
  });

  test("a repeated offer refreshes data without changing the phase; an identical one changes nothing", () => {
    const i = interaction();
    t.apply("eAgentOfferContact", msg("eAgentOfferContact", i), 1);
    expect(t.apply("eAgentOfferContact", msg("eAgentOfferContact", i), 2)).toEqual([]);
    const changed = t.apply("eAgentOfferContact", msg("eAgentOfferContact", interaction({ cad: { New: "x" } })), 3);
    expect(changed.map((c) => [c.leg.phase, c.leg.cad])).toEqual([["offered", { New: "x" }]]);
  });

  test("an offer for a conversation that ended here before starts a new leg (e.g. transferred back)", () => {
    const i = interaction();
    t.apply("eAgentOfferContact", msg("eAgentOfferContact", i), 1);
    t.apply("eAgentContactEnded", msg("eAgentContactEnded", i), 2);
    expect(brief(t.apply("eAgentOfferContact", msg("eAgentOfferContact", i), 3))).toEqual(["main offered"]);
  });

  test("assigned without an offer creates a connected leg; hold on an unknown leg does nothing", () => {
    expect(t.apply("eAgentContactHeld", msg("eAgentContactHeld", interaction()), 1)).toEqual([]);
    expect(brief(t.apply("eAgentContactAssigned", msg("eAgentContactAssigned", interaction()), 2))).toEqual(["main connected"]);
    expect(t.apply("eAgentContactAssigned", msg("eAgentContactAssigned", interaction()), 3)).toEqual([]);
  });

  test("RONA closes the offered leg", () => {
    t.apply("eAgentOfferContact", msg("eAgentOfferContact", interaction()), 1);
    expect(brief(t.apply("eAgentOfferContactRona", msg("eAgentOfferContactRona", interaction()), 2))).toEqual(["main ended closed"]);
    expect(t.allLegs()).toEqual([]);
  });

  test("the customer hangs up on a ringing offer (ContactEnded in state new): closed at once, no wrap-up awaited", () => {
    const i = interaction();
    t.apply("eAgentOfferContact", msg("eAgentOfferContact", i), 1);
    expect(brief(t.apply("eAgentContactEnded", msg("eAgentContactEnded", { ...i, state: "new" }), 2))).toEqual(["main ended closed"]);
    expect(t.allLegs()).toEqual([]);
  });

  test("ended after it was connected: kept for its wrap-up (closed only when wrapped up)", () => {
    const i = interaction();
    t.apply("eAgentOfferContact", msg("eAgentOfferContact", i), 1);
    t.apply("eAgentContactAssigned", msg("eAgentContactAssigned", { ...i, state: "connected" }), 2);
    expect(brief(t.apply("eAgentContactEnded", msg("eAgentContactEnded", { ...i, state: "wrapUp" }), 3))).toEqual(["main ended"]);
    expect(brief(t.apply("eAgentContactWrappedUp", msg("eAgentContactWrappedUp", { ...i, state: "wrapUp" }), 4))).toEqual(["main ended closed"]);
  });

  test("ended legs are kept for late duplicates, but only the last 64", () => {
    for (let n = 0; n < 70; n++) {
      const i = interaction({ id: `conv-${n}` });
      t.apply("eAgentOfferContact", msg("eAgentOfferContact", i), n);
      t.apply("eAgentContactAssigned", msg("eAgentContactAssigned", i), n);
      t.apply("eAgentContactEnded", msg("eAgentContactEnded", i), n);
    }
    expect(t.allLegs()).toHaveLength(64);
    expect(t.get("conv-5")).toBeUndefined();
    expect(t.get("conv-69")?.phase).toBe("ended");
  });

  test("forget drops a leg", () => {
    t.apply("eAgentOfferContact", msg("eAgentOfferContact", interaction()), 1);
    t.forget(ID);
    expect(t.get(ID)).toBeUndefined();
  });

  test("eventTime is used when valid", () => {
    const m = msg("eAgentOfferContact", interaction());
    m.data.eventTime = 1234;
    expect(t.apply("eAgentOfferContact", m, 99)[0]!.leg.offeredAt).toBe(1234);
  });
});

describe("customer and channel per media", () => {
  test("chat: the e-mail from the ANI field; name kept", () => {
    const i = interaction({ media: "chat", customer: "jane@example.com" });
    i.callAssociatedDetails.customerName = "Jane";
    const leg = t.apply("eAgentOfferContact", msg("eAgentOfferContact", i), 1)[0]!.leg;
    expect([leg.media, leg.channel, leg.customer]).toEqual(["chat", "chat", { name: "Jane", email: "jane@example.com" }]);
  });

  test("chat: falls back to callProcessingDetails.ani, then fromAddress", () => {
    const i = interaction({ media: "chat", customer: "jane@example.com" });
    (i.callAssociatedDetails as { ani?: string }).ani = undefined;
    expect(t.apply("eAgentOfferContact", msg("eAgentOfferContact", i), 1)[0]!.leg.customer).toEqual({ email: "jane@example.com" });
    const j = interaction({ media: "chat", customer: "x@example.com", id: "c2" });
    j.callAssociatedDetails.ani = "";
    j.callProcessingDetails.ani = "";
    j.callProcessingDetails.fromAddress = "from@example.com";
    expect(t.apply("eAgentOfferContact", msg("eAgentOfferContact", j), 1)[0]!.leg.customer).toEqual({ email: "from@example.com" });
  });

  test("email: from-address first, the ANI field only without one", () => {
    const i = interaction({ media: "email", customer: "from@example.com" });
    i.callAssociatedDetails.ani = "other@example.com";
    expect(t.apply("eAgentOfferContact", msg("eAgentOfferContact", i), 1)[0]!.leg.customer).toEqual({ email: "from@example.com" });
    const j = interaction({ media: "email", customer: "ani@example.com", id: "e2" });
    j.callProcessingDetails.fromAddress = "";
    expect(t.apply("eAgentOfferContact", msg("eAgentOfferContact", j), 1)[0]!.leg.customer).toEqual({ email: "ani@example.com" });
  });

  test("social: phone number as ANI and the media channel lower-cased", () => {
    const i = interaction({ media: "social", channel: "WhatsApp", customer: "+306940300597" });
    const leg = t.apply("eAgentOfferContact", msg("eAgentOfferContact", i), 1)[0]!.leg;
    expect([leg.media, leg.channel, leg.customer]).toEqual(["social", "whatsapp", { ani: "+306940300597" }]);
  });

  test("outbound call: the customer is the dialled party; DNIS is our caller id; outboundType kept", () => {
    const i = interaction({ direction: "OUTBOUND", customer: "+14155550123" });
    i.outboundType = "OUTDIAL";
    const leg = t.apply("eAgentOfferContact", msg("eAgentOfferContact", i), 1)[0]!.leg;
    expect([leg.direction, leg.customer, leg.dnis, leg.outboundType]).toEqual(["OUTBOUND", { ani: "+14155550123" }, "+18005550100", "OUTDIAL"]);
  });

  test("outbound call without a customer participant: DNIS is the dialled number", () => {
    const i = interaction({ direction: "OUTBOUND", customer: "+14155550123" });
    i.participants = {};
    expect(t.apply("eAgentOfferContact", msg("eAgentOfferContact", i), 1)[0]!.leg.customer).toEqual({ ani: "+14155550123" });
  });

  test("secure call-associated variables are dropped", () => {
    const i = interaction({ cad: { Card: "4111", Case: "9" } });
    i.callAssociatedData!.Card!.isSecure = true;
    expect(t.apply("eAgentOfferContact", msg("eAgentOfferContact", i), 1)[0]!.leg.cad).toEqual({ Case: "9" });
  });

  test("ANI update refreshes the customer; unknown leg → nothing", () => {
    expect(t.apply("eAgentContactAniUpdated", msg("eAgentContactAniUpdated", interaction()), 1)).toEqual([]);
    t.apply("eAgentOfferContact", msg("eAgentOfferContact", interaction()), 1);
    const i = interaction();
    i.callAssociatedDetails.ani = "+14155550999";
    expect(t.apply("eAgentContactAniUpdated", msg("eAgentContactAniUpdated", i), 2).map((c) => c.leg.customer)).toEqual([{ ani: "+14155550999" }]);
  });
});

describe("consults", () => {
  test("consultee: offer → consulting → ended is a consult leg throughout, closed at the end", () => {
    const i = interaction({ owner: OTHER });
    expect(brief(t.apply("eAgentOfferConsult", msg("eAgentOfferConsult", i, { isConsulted: true }), 1))).toEqual(["consult offered"]);
    expect(t.agent).toBeUndefined(); // a consult offer may carry the consulting agent's id: not learnt from it
    expect(t.apply("eAgentOfferConsult", msg("eAgentOfferConsult", i), 1)).toEqual([]); // duplicate
    expect(brief(t.apply("eAgentConsulting", msg("eAgentConsulting", i), 2))).toEqual(["consult connected"]);
    expect(t.apply("eAgentConsulting", msg("eAgentConsulting", i), 2)).toEqual([]);
    expect(brief(t.apply("eAgentConsultEnded", msg("eAgentConsultEnded", i), 3))).toEqual(["consult ended closed"]);
  });

  test("consult failed closes the consult leg", () => {
    t.apply("eAgentOfferConsult", msg("eAgentOfferConsult", interaction({ owner: OTHER })), 1);
    expect(brief(t.apply("eAgentConsultFailed", msg("eAgentConsultFailed", interaction()), 2))).toEqual(["consult ended closed"]);
  });

  test("initiator: consult created / consulting / ended change nothing on the main leg", () => {
    t.setAgentId(ME);
    t.apply("eAgentContactAssigned", msg("eAgentContactAssigned", interaction({ owner: ME })), 1);
    for (const s of ["eAgentConsultCreated", "eAgentConsulting", "eAgentConsultEnded", "eAgentConsultFailed", "eAgentConsultConferenced"] as const) {
      expect(t.apply(s, msg(s, interaction({ owner: ME })), 2)).toEqual([]);
    }
    expect(t.get(ID)?.role).toBe("main");
  });

  test("consult → transfer: only ContactAssigned naming this agent as owner makes it real", () => {
    t.setAgentId(ME);
    t.apply("eAgentOfferConsult", msg("eAgentOfferConsult", interaction({ owner: OTHER })), 1);
    t.apply("eAgentConsulting", msg("eAgentConsulting", interaction({ owner: OTHER })), 2);
    expect(t.apply("eAgentContactAssigned", msg("eAgentContactAssigned", interaction({ owner: OTHER })), 3)).toEqual([]);
    expect(brief(t.apply("eAgentContactAssigned", msg("eAgentContactAssigned", interaction({ owner: ME })), 4))).toEqual(["main connected"]);
    expect(t.get(ID)!.connectedAt).toBe(5000);
  });

  test("consult → transfer by owner change to this agent", () => {
    t.setAgentId(ME);
    t.apply("eAgentOfferConsult", msg("eAgentOfferConsult", interaction({ owner: OTHER })), 1);
    expect(brief(t.apply("eContactOwnerChanged", msg("eContactOwnerChanged", interaction({ owner: ME }), { fromOwner: OTHER, toOwner: ME }), 2))).toEqual(["main connected"]);
    expect(t.apply("eContactOwnerChanged", msg("eContactOwnerChanged", interaction({ owner: ME }), { fromOwner: OTHER, toOwner: ME }), 3)).toEqual([]);
  });

  test.each(["eAgentConsultConferencing", "eAgentConsultConferenced"] as const)("%s turns the consultee's leg into a real one", (s) => {
    t.apply("eAgentOfferConsult", msg("eAgentOfferConsult", interaction({ owner: OTHER })), 1);
    expect(brief(t.apply(s, msg(s, interaction({ owner: OTHER })), 2))).toEqual(["main connected"]);
  });

  test("consult conference ended: a non-owner leaves, the owner stays; unknown owner → stays", () => {
    t.setAgentId(ME);
    t.apply("eAgentContactAssigned", msg("eAgentContactAssigned", interaction({ owner: ME })), 1);
    expect(t.apply("eAgentConsultConferenceEnded", msg("eAgentConsultConferenceEnded", interaction({ owner: ME })), 2)).toEqual([]);
    expect(t.apply("eAgentConsultConferenceEnded", msg("eAgentConsultConferenceEnded", interaction({ owner: "" }), { owner: "" }), 2)).toEqual([]);
    expect(brief(t.apply("eAgentConsultConferenceEnded", msg("eAgentConsultConferenceEnded", interaction({ owner: OTHER }), { owner: OTHER }), 3))).toEqual(["main ended"]);
  });
});

describe("transfers and conferences", () => {
  test("owner change away from this agent ends its leg; not while conferencing; not for someone else", () => {
    t.setAgentId(ME);
    t.apply("eAgentContactAssigned", msg("eAgentContactAssigned", interaction({ owner: ME })), 1);
    expect(t.apply("eContactOwnerChanged", msg("eContactOwnerChanged", interaction(), { fromOwner: ME, toOwner: OTHER, isConferencing: true }), 2)).toEqual([]);
    expect(t.apply("eContactOwnerChanged", msg("eContactOwnerChanged", interaction(), { fromOwner: "a3", toOwner: OTHER }), 2)).toEqual([]);
    expect(brief(t.apply("eContactOwnerChanged", msg("eContactOwnerChanged", interaction(), { fromOwner: ME, toOwner: OTHER }), 3))).toEqual(["main ended"]);
  });

  test("owner change to this agent: new leg, or an offered one connects", () => {
    t.setAgentId(ME);
    expect(brief(t.apply("eContactOwnerChanged", msg("eContactOwnerChanged", interaction(), { fromOwner: OTHER, toOwner: ME }), 1))).toEqual(["main connected"]);
    const j = interaction({ id: "second" });
    t.apply("eAgentOfferContact", msg("eAgentOfferContact", j), 2);
    expect(brief(t.apply("eContactOwnerChanged", msg("eContactOwnerChanged", { ...j, owner: ME }, { fromOwner: OTHER }), 3))).toEqual(["main connected"]);
  });

  test("participant joined: only this agent's own join creates or connects a leg", () => {
    t.setAgentId(ME);
    expect(t.apply("eParticipantJoinedConference", msg("eParticipantJoinedConference", interaction(), { participantId: OTHER }), 1)).toEqual([]);
    expect(t.apply("eParticipantJoinedConference", msg("eParticipantJoinedConference", interaction()), 1)).toEqual([]);
    expect(brief(t.apply("eParticipantJoinedConference", msg("eParticipantJoinedConference", interaction(), { participantId: ME }), 2))).toEqual(["main connected"]);
    expect(t.apply("eParticipantJoinedConference", msg("eParticipantJoinedConference", interaction(), { participantId: ME }), 3)).toEqual([]);
    const c = interaction({ id: "consulted" });
    t.apply("eAgentOfferConsult", msg("eAgentOfferConsult", c), 4);
    expect(brief(t.apply("eParticipantJoinedConference", msg("eParticipantJoinedConference", c, { participantId: ME }), 5))).toEqual(["main connected"]);
  });

  test("participant left: this agent's leg ends; another's leaving changes nothing", () => {
    t.setAgentId(ME);
    t.apply("eAgentContactAssigned", msg("eAgentContactAssigned", interaction({ owner: ME })), 1);
    expect(t.apply("eParticipantLeftConference", msg("eParticipantLeftConference", interaction(), { participantId: OTHER }), 2)).toEqual([]);
    expect(brief(t.apply("eParticipantLeftConference", msg("eParticipantLeftConference", interaction(), { participantId: ME.toUpperCase() }), 3))).toEqual(["main ended"]);
  });

  test("a consultee that is told the consult ended after it became real keeps its leg", () => {
    t.setAgentId(ME);
    t.apply("eAgentOfferConsult", msg("eAgentOfferConsult", interaction({ owner: OTHER })), 1);
    t.apply("eAgentConsultConferenced", msg("eAgentConsultConferenced", interaction()), 2);
    expect(t.apply("eAgentConsultEnded", msg("eAgentConsultEnded", interaction()), 3)).toEqual([]);
    expect(t.get(ID)?.phase).toBe("connected");
  });
});

describe("rehydration (eAgentContact, e.g. after a desktop reload)", () => {
  const snapshot = (state: string, extra: Partial<AgentContactData> = {}, owner = ME) => {
    const i = interaction({ owner });
    i.state = state;
    return msg("eAgentContact", i, extra);
  };

  test.each([
    ["connected", "main connected", true],
    ["new", "main offered", true],
    ["wrapUp", "main ended", true],
  ])("unknown leg in state %s → %s, marked rehydrated", (state, expected, rehydrated) => {
    t.setAgentId(ME);
    const c = t.apply("eAgentContact", snapshot(state), 10);
    expect(brief(c)).toEqual([expected]);
    expect(c[0]!.leg.rehydrated).toBe(rehydrated);
    expect(c[0]!.leg.offeredAt).toBe(1000); // the interaction's creation time
  });

  test("a consulted task owned by someone else is a consult leg", () => {
    t.setAgentId(ME);
    expect(brief(t.apply("eAgentContact", snapshot("consult", { isConsulted: true }, OTHER), 1))).toEqual(["consult connected"]);
  });

  test("a known leg is brought up to date: connected, ended, or just refreshed", () => {
    t.setAgentId(ME);
    t.apply("eAgentOfferContact", msg("eAgentOfferContact", interaction()), 1);
    expect(t.apply("eAgentContact", snapshot("new"), 2)).toEqual([]);
    expect(brief(t.apply("eAgentContact", snapshot("connected"), 3))).toEqual(["main connected"]);
    expect(t.get(ID)!.rehydrated).toBeUndefined();
    const ended = snapshot("connected");
    ended.data.interaction.isTerminated = true;
    expect(brief(t.apply("eAgentContact", ended, 4))).toEqual(["main ended"]);
  });
});

test("apply never throws on any signal for random junk (fuzz)", () => {
  let x = 12345;
  const rnd = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const atoms: unknown[] = [null, undefined, 0, -1, NaN, "", "x", ID, ME, true, [], {}, [1, 2]];
  const junk = (depth: number): unknown => {
    if (depth <= 0 || rnd() < 0.3) return pick(atoms);
    const keys = ["interactionId", "interaction", "agentId", "owner", "media", "mediaType", "callAssociatedData", "callProcessingDetails", "callAssociatedDetails", "participants", "participantId", "toOwner", "fromOwner", "state", "isTerminated", "contactDirection", "eventTime", "value", "isSecure", "mType", "isHold"];
    const o: Record<string, unknown> = {};
    for (let k = 0; k < 4; k++) o[pick(keys)] = junk(depth - 1);
    return o;
  };
  for (let n = 0; n < 3000; n++) {
    const m = rnd() < 0.5 ? { data: junk(4) } : junk(5);
    expect(() => t.apply(pick([...CONTACT_EVENTS]), m, n)).not.toThrow();
  }
});
