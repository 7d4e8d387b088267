/**
 * The contact-center simulation's consult, as the Webex CC SDK and Cisco's widgets read it (issue 13
 * follow-up): the consulting agent's `consultState` on its participant entry follows the consult
 * (docs/reference/webex-cc-sdk.md §5.8), and a consult merged into a conference tells everyone on
 * the call that the consulted agent joined (§5.9).
 */
import { ContactCenter } from "../../sandbox/desktop-host/contact-center";
import { SIGNAL_TYPES, type AgentContactMsg, type ContactSignal } from "../../sandbox/desktop-host/messages";

const A = "a0000000-0000-4000-8000-00000000000a";
const B = "b0000000-0000-4000-8000-00000000000b";

function setUp(): { cc: ContactCenter; seen: string[]; id: string } {
  const cc = new ContactCenter();
  const seen: string[] = [];
  for (const [agentId, agentName] of [[A, "Ann Agent"], [B, "Ben Agent"]] as const) {
    const host = cc.addAgent({ agentId, agentName, initialState: "Available" });
    for (const signal of Object.keys(SIGNAL_TYPES) as ContactSignal[]) {
      host.aqm.contact[signal].listen((m: AgentContactMsg) => {
        const d = m.data as unknown as { type: string; interaction: { participants: Record<string, { consultState?: string }> }; participantId?: string };
        seen.push(`${agentId === A ? "A" : "B"} ${d.type}${d.participantId ? `(${d.participantId === B ? "B" : "A"})` : ""} A.consultState=${d.interaction.participants[A]?.consultState ?? "-"}`);
      });
    }
  }
  const id = cc.inbound({ from: "+14155550132", to: A });
  cc.agentAnswers(id, A);
  seen.length = 0;
  return { cc, seen, id };
}

test("consult, accepted, ended: consultInitiated, consulting, consultCompleted on the consulting agent's entry", async () => {
  const { cc, seen, id } = setUp();
  cc.consult(id, A, B);
  await cc.accept(B, id);
  cc.consultEnd(id, A, B);
  expect(seen).toEqual([
    "A AgentConsultCreated A.consultState=consultInitiated",
    "B AgentOfferConsult A.consultState=consultInitiated",
    "A AgentConsulting A.consultState=consulting",
    "B AgentConsulting A.consultState=consulting",
    "A AgentConsultEnded A.consultState=consultCompleted",
    "B AgentConsultEnded A.consultState=consultCompleted",
    "A AgentContactUnheld A.consultState=consultCompleted",
  ]);
});

test("consult merged into a conference: both are told it is conferenced, then that the consulted agent joined", async () => {
  const { cc, seen, id } = setUp();
  cc.consult(id, A, B);
  await cc.accept(B, id);
  seen.length = 0;
  cc.consultConference(id, A, B);
  expect(seen).toEqual([
    "A AgentConsultConferenced(B) A.consultState=conferencing",
    "B AgentConsultConferenced(B) A.consultState=conferencing",
    "A ParticipantJoinedConference(B) A.consultState=conferencing",
    "B ParticipantJoinedConference(B) A.consultState=conferencing",
  ]);
});
