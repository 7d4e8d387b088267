/**
 * SapSync.retractEnd (sap-mashup/sap-sync.ts): the page going away before a leg's END was
 * acknowledged takes that END back out of the ledger, so it is posted again after the reload —
 * but only the END that very message posted. Found end to end in the "Webex in SAP" topology: a
 * second copy of an already ended leg, arriving just before SAP's page reloaded, took back an END
 * posted seconds earlier, and the reloaded page closed the activity a second time.
 */
import type { Leg } from "../../channel/protocol";
import { ActivityLedger } from "../../sap-mashup/activity-ledger";
import { legReferenceId } from "../../sap-mashup/reference-ids";
import { SapSync } from "../../sap-mashup/sap-sync";

const leg = (phase: Leg["phase"]): Leg => ({ interactionId: "i-1", agentId: "a1", media: "telephony", channel: "telephony", direction: "INBOUND", role: "main", phase, held: false, customer: { ani: "+14155550132" }, cad: {}, offeredAt: 1 });

function setUp() {
  const ledger = new ActivityLedger();
  const posted: string[] = [];
  const sync = new SapSync(ledger, {}, { post: (p) => void posted.push(`${p.EventType} ${p.Action}`), notice: () => undefined, changed: () => undefined });
  const endPosted = () => ledger.get(legReferenceId("i-1", "a1"))?.posted.includes("END");
  return { sync, posted, endPosted };
}

test("the message that posted the END takes it back: the reloaded page posts it again", () => {
  const t = setUp();
  t.sync.leg(leg("connected"));
  const ended = leg("ended");
  t.sync.leg(ended);
  expect(t.posted).toEqual(["INBOUND NOTIFY", "INBOUND ACCEPT", "UPDATEACTIVITY END"]);
  t.sync.retractEnd(ended);
  expect(t.endPosted()).toBe(false);
});

test("a later copy of the ended leg posts nothing and takes nothing back", () => {
  const t = setUp();
  t.sync.leg(leg("connected"));
  t.sync.leg(leg("ended"));
  const again = leg("ended");
  t.sync.leg(again);
  expect(t.posted).toEqual(["INBOUND NOTIFY", "INBOUND ACCEPT", "UPDATEACTIVITY END"]);
  t.sync.retractEnd(again);
  expect(t.endPosted()).toBe(true);
});
