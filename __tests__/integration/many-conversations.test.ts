/**
 * Many conversations at once in one desktop (issue 3): 20 chats and a call, their events
 * interleaved. Every event is keyed by interaction id; nothing assumes one current conversation;
 * one conversation's payloads are never delayed or changed by another's.
 */
import type { Desktop } from "@wxcc-desktop/sdk";
import { Harness, type AgentChain, WRAP_UP } from "../support/harness";
import { legReferenceId, originalReferenceId } from "../../sap-mashup/reference-ids";

let h: Harness;
beforeEach(() => (h = new Harness()));
afterEach(() => h.close());

const sdk = (a: AgentChain) => a.desktop as unknown as typeof Desktop;
const WRAP = WRAP_UP;

interface Conv {
  n: number;
  media: "telephony" | "chat";
  from: string;
  id?: string;
  step: number;
}

/** Deterministic pseudo-random sequence, so a failure can be replayed. */
function lcg(seed: number): () => number {
  let x = seed >>> 0;
  return () => (x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

const STEPS = ["offer", "accept", "end", "wrapup"] as const;
const EXPECTED: Record<(typeof STEPS)[number], string[]> = { offer: ["NOTIFY"], accept: ["ACCEPT"], end: ["END"], wrapup: [] };

function conversations(): Conv[] {
  const convs: Conv[] = [];
  for (let n = 0; n < 21; n++) {
    const call = n === 7;
    convs.push({ n, media: call ? "telephony" : "chat", from: call ? "+14155550100" : `customer${n}@example.com`, step: 0 });
  }
  return convs;
}

async function act(a: AgentChain, c: Conv): Promise<(typeof STEPS)[number]> {
  const step = STEPS[c.step++]!;
  switch (step) {
    case "offer":
      c.id = h.cc.inbound({ media: c.media, from: c.from, to: a.agentId, dnis: c.media === "telephony" ? "+18005550100" : `entry-${c.n}` });
      break;
    case "accept":
      await sdk(a).agentContact.accept({ interactionId: c.id! });
      break;
    case "end":
      // Half the chats are ended by the customer, half by the agent.
      if (c.n % 2 === 0) h.cc.customerEnds(c.id!);
      else await sdk(a).agentContact.end({ interactionId: c.id! });
      break;
    case "wrapup":
      await sdk(a).agentContact.wrapup({ interactionId: c.id!, data: WRAP });
      break;
  }
  return step;
}

function checkEach(a: AgentChain, convs: Conv[]): void {
  const refs = new Set<string>();
  for (const c of convs) {
    const ref = legReferenceId(c.id!, a.agentId);
    refs.add(ref);
    const mine = a.sap.forLeg(ref);
    const type = c.media === "telephony" ? "CALL" : "CHAT";
    const who = c.media === "telephony" ? { ANI: c.from, DNIS: "+18005550100" } : { Email: c.from, DNIS: `entry-${c.n}` };
    const ids = { ExternalReferenceID: ref, ExternalOriginalReferenceID: originalReferenceId(c.id!) };
    const key = type === "CALL" ? "ANI" : "Email";
    expect(mine.map((p) => p.fields)).toEqual([
      { Type: type, EventType: "INBOUND", Action: "NOTIFY", [key]: c.from, ...ids, DNIS: who.DNIS },
      { Type: type, EventType: "INBOUND", Action: "ACCEPT", [key]: c.from, ...ids, DNIS: who.DNIS },
      { Type: type, EventType: "UPDATEACTIVITY", Action: "END", [key]: c.from, ...ids, DNIS: who.DNIS },
    ]);
  }
  expect(refs.size).toBe(21);
  expect(new Set(convs.map((c) => originalReferenceId(c.id!))).size).toBe(21);
  expect(a.sap.payloads).toHaveLength(63);
  expect(a.sap.violations).toEqual([]);
}

test("20 chats and a call, interleaved step by step: each step yields exactly that conversation's payload at once", async () => {
  const a = await h.agent();
  const convs = conversations();
  const rnd = lcg(20240611);
  let open = convs.filter((c) => c.step < STEPS.length);
  let maxOpen = 0;
  while (open.length > 0) {
    const c = open[Math.floor(rnd() * open.length)]!;
    const before = a.sap.payloads.length;
    const step = await act(a, c);
    await h.settle();
    const added = a.sap.payloads.slice(before);
    // Nothing of any other conversation came with it, and nothing of this one was held back.
    expect({ n: c.n, step, got: added.map((p) => `${p.fields.Action} ${p.fields.ExternalReferenceID}`) }).toEqual({
      n: c.n,
      step,
      got: EXPECTED[step].map((action) => `${action} ${legReferenceId(c.id!, a.agentId)}`),
    });
    maxOpen = Math.max(maxOpen, a.widget.tracker.openLegs().length);
    open = convs.filter((x) => x.step < STEPS.length);
  }
  expect(maxOpen).toBeGreaterThan(5); // the conversations really overlapped
  checkEach(a, convs);
  expect(a.widget.link.pending).toBe(0);
});

test("21 offers arriving in one burst, then accepts and ends in reverse order: every conversation gets NOTIFY, ACCEPT, END in order", async () => {
  const a = await h.agent();
  const convs = conversations();
  for (const c of convs) await act(a, c); // offers, no settling in between
  await h.settle();
  expect(a.sap.payloads.map((p) => p.fields.Action)).toEqual(Array(21).fill("NOTIFY"));
  for (const c of [...convs].reverse()) await act(a, c); // accepts
  await h.settle();
  for (let i = 0; i < convs.length; i += 2) await act(a, convs[i]!); // ends, even ones first
  for (let i = 1; i < convs.length; i += 2) await act(a, convs[i]!);
  await h.settle();
  for (const c of convs) await act(a, c); // wrap-ups
  await h.settle();
  // Order within each leg holds regardless of how the others interleave.
  for (const c of convs) {
    expect(a.sap.forLeg(legReferenceId(c.id!, a.agentId)).map((p) => p.fields.Action)).toEqual(["NOTIFY", "ACCEPT", "END"]);
  }
  checkEach(a, convs);
  expect(a.widget.tracker.openLegs()).toEqual([]);
});
