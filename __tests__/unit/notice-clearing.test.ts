/**
 * Issue 11: a conversation's notice clears itself when its cause is gone — the number was fixed
 * (the leg is planned again without that problem), or the conversation ended.
 */
import type { Leg } from "../../channel/protocol";
import { ActivityLedger } from "../../sap-mashup/activity-ledger";
import type { Notice, NoticeKind } from "../../sap-mashup/notices";
import { SapSync } from "../../sap-mashup/sap-sync";
import { loadPhoneParser } from "../support/phone-parser";

beforeAll(loadPhoneParser);

const leg = (o: Partial<Leg> = {}): Leg => ({
  interactionId: "i-1",
  agentId: "a-1",
  media: "telephony",
  channel: "telephony",
  direction: "INBOUND",
  role: "main",
  phase: "offered",
  held: false,
  customer: { ani: "anonymous" },
  cad: {},
  offeredAt: 1,
  ...o,
});

function sync() {
  const raised: Notice[] = [];
  const cleared: [string, readonly NoticeKind[]][] = [];
  const s = new SapSync(new ActivityLedger(undefined), {}, { post: () => undefined, notice: (n) => raised.push(n), clear: (c, k) => cleared.push([c, k]), changed: () => undefined });
  return { s, raised, cleared };
}

test("the number fixed: the next plan of the leg clears the notice about it", () => {
  const { s, raised, cleared } = sync();
  s.leg(leg());
  expect(raised.map((n) => n.kind)).toEqual(["n.badNumber"]);
  expect(cleared).toEqual([["conv:i-1", ["n.badNumber"]]]);
  s.leg(leg({ phase: "connected", customer: { ani: "+14155550132" } }));
  expect(cleared.at(-1)).toEqual(["conv:i-1", []]);
  expect(raised).toHaveLength(1);
});

test("the same problem on every update is said once; an update with nothing to send clears nothing", () => {
  const { s, raised, cleared } = sync();
  s.leg(leg());
  s.leg(leg({ phase: "connected" }));
  s.leg(leg({ phase: "connected", held: true }));
  expect(raised.map((n) => n.kind)).toEqual(["n.badNumber"]);
  expect(cleared).toEqual([
    ["conv:i-1", ["n.badNumber"]],
    ["conv:i-1", ["n.badNumber"]],
  ]);
});

test("the conversation ended: all its notices go", () => {
  const { s, cleared } = sync();
  s.leg(leg());
  s.leg(leg({ phase: "ended", endedAt: 5 }));
  expect(cleared.at(-1)).toEqual(["conv:i-1", []]);
});
